/*
 * template.c - see template.h.  The parser works line by line with one
 * small state (the template being built); every error names its line.
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sync/template.h"
#include "util/i18n.h"
#include "util/paths.h"
#include "util/text.h"
#include "util/xalloc.h"

#define SUFFIX ".tmpl"

/* The canonical fields templates may name; the import/export kinds map
 * them to the model. */
static const char *const known_fields[] = {
    /* orders and their lines */
    "order_no",
    "sub_order_no",
    "status",
    "created_at",
    "paid_at",
    "buyer",
    "buyer_note",
    "seller_note",
    "item_title",
    "item_spec",
    "sku",
    "product_sku",
    "qty",
    "price",
    "amount",
    "shipping_fee",
    "paid_total",
    "tracking_no",
    "courier",
    "shipped_at",
    /* the recipient */
    "recipient",
    "phone",
    "province",
    "city",
    "district",
    "street",
    "address",
    "full_address",
    /* couriers' waybills */
    "item_summary",
    "item_count",
    "package_count",
    "weight",
    "note",
    "sender_name",
    "sender_phone",
    "sender_address",
    "sender_company",
};

int
template_field_known(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof known_fields / sizeof known_fields[0]; i++)
		if (strcmp(name, known_fields[i]) == 0)
			return 1;
	return 0;
}

struct loader {
	const char *path;
	long line;
	struct template *t;
	char *err;
	int has_kind, has_dir;
};

static enum status
bad(struct loader *l, const char *what)
{
	if (l->err == NULL)
		l->err = xasprintf("%s:%ld: %s", l->path, l->line, what);
	return ST_INVALID;
}

static enum status badf(struct loader *l, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static enum status
badf(struct loader *l, const char *fmt, ...)
{
	va_list ap;
	char *what;

	va_start(ap, fmt);
	what = xvasprintf(fmt, ap);
	va_end(ap);
	bad(l, what);
	free(what);
	return ST_INVALID;
}

static struct template_field *
field_get(struct template *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->nfields; i++)
		if (strcmp(t->fields[i].field, name) == 0)
			return &t->fields[i];
	return NULL;
}

/* "field NAME = A | B | C" */
static enum status
do_field(struct loader *l, const char *name, char *value)
{
	struct template *t = l->t;
	struct template_field *f;
	char *tok, *save = NULL;

	if (!template_field_known(name))
		return badf(l, _("unknown field '%s'"), name);
	if (field_get(t, name) != NULL)
		return badf(l, _("field '%s' is given twice"), name);
	t->fields = xrealloc(t->fields, (t->nfields + 1) * sizeof *t->fields);
	f = &t->fields[t->nfields++];
	memset(f, 0, sizeof *f);
	f->field = xstrdup(name);
	f->headers = xcalloc(1, sizeof *f->headers);
	for (tok = strtok_r(value, "|", &save); tok;
	     tok = strtok_r(NULL, "|", &save)) {
		f->headers = xrealloc(
		    f->headers, (f->nheaders + 2) * sizeof *f->headers);
		f->headers[f->nheaders] = text_trim(tok);
		f->headers[++f->nheaders] = NULL;
		if (*f->headers[f->nheaders - 1] == '\0')
			return bad(l, _("an empty header name"));
	}
	if (f->nheaders == 0)
		return badf(l, _("field '%s' has no header names"), name);
	return ST_OK;
}

/* "require = a, b" (after the fields it names) */
static enum status
do_require(struct loader *l, char *value)
{
	char *tok, *save = NULL, *name;
	struct template_field *f;
	enum status st = ST_OK;

	for (tok = strtok_r(value, ",", &save); tok && st == ST_OK;
	     tok = strtok_r(NULL, ",", &save)) {
		name = text_trim(tok);
		f = field_get(l->t, name);
		if (f == NULL)
			st = badf(l,
			    _("required field '%s' has no 'field' "
			      "line above"),
			    name);
		else
			f->required = 1;
		free(name);
	}
	return st;
}

/* "column HEADER = FIELD | "text" | (nothing)" */
static enum status
do_column(struct loader *l, const char *header, const char *value)
{
	struct template *t = l->t;
	struct template_column *c;
	size_t n = strlen(value);

	t->columns =
	    xrealloc(t->columns, (t->ncolumns + 1) * sizeof *t->columns);
	c = &t->columns[t->ncolumns++];
	c->header = xstrdup(header);
	if (n == 0) {
		c->src = TEMPLATE_SRC_EMPTY;
		c->value = xstrdup("");
	} else if (value[0] == '"') {
		c->src = TEMPLATE_SRC_CONST;
		c->value = n >= 2 && value[n - 1] == '"'
			       ? xstrndup(value + 1, n - 2)
			       : NULL;
		if (c->value == NULL) {
			c->value = xstrdup("");
			return bad(l, _("a constant must end with '\"'"));
		}
	} else {
		c->src = TEMPLATE_SRC_FIELD;
		c->value = xstrdup(value);
		if (!template_field_known(value))
			return badf(l, _("unknown field '%s'"), value);
	}
	return ST_OK;
}

static enum status
do_choice(
    struct loader *l, const char *value, const char *a, const char *b, int *out)
{
	if (strcmp(value, a) == 0)
		*out = 0;
	else if (strcmp(value, b) == 0)
		*out = 1;
	else
		return badf(
		    l, _("'%s' is not one of the allowed values"), value);
	return ST_OK;
}

/* One "KEY [ARG] = VALUE" setting. */
static enum status
do_setting(struct loader *l, const char *key, const char *arg, char *value)
{
	struct template *t = l->t;
	int v = 0;
	enum status st;

	if (strcmp(key, "field") == 0 && arg)
		return do_field(l, arg, value);
	if (strcmp(key, "column") == 0 && arg)
		return do_column(l, arg, value);
	if (arg != NULL)
		return badf(l, _("unknown setting '%s'"), key);
	if (strcmp(key, "name") == 0) {
		free(t->name);
		t->name = xstrdup(value);
	} else if (strcmp(key, "title") == 0) {
		free(t->title);
		t->title = xstrdup(value);
	} else if (strcmp(key, "kind") == 0) {
		st = do_choice(l, value, "shop", "courier", &v);
		t->kind = v ? TEMPLATE_COURIER : TEMPLATE_SHOP;
		l->has_kind = 1;
		return st;
	} else if (strcmp(key, "direction") == 0) {
		st = do_choice(l, value, "import", "export", &v);
		t->dir = v ? TEMPLATE_EXPORT : TEMPLATE_IMPORT;
		l->has_dir = 1;
		return st;
	} else if (strcmp(key, "excel") == 0) {
		st = do_choice(l, value, "no", "yes", &t->excel);
		return st;
	} else if (strcmp(key, "encoding") == 0) {
		if (decode_enc_parse(value, &t->encoding) != ST_OK)
			return badf(l, _("unknown encoding '%s'"), value);
	} else if (strcmp(key, "require") == 0) {
		return do_require(l, value);
	} else {
		return badf(l, _("unknown setting '%s'"), key);
	}
	return ST_OK;
}

/* Split "KEY [ARG] = VALUE" in place and apply it. */
static enum status
do_line(struct loader *l, char *s)
{
	char *eq = strchr(s, '='), *left, *value, *arg, *key;
	enum status st;

	if (eq == NULL)
		return bad(l, _("expected 'setting = value'"));
	*eq = '\0';
	left = text_trim(s);
	value = text_trim(eq + 1);
	key = left;
	arg = strpbrk(left, " \t");
	if (arg != NULL) {
		*arg++ = '\0';
		arg += strspn(arg, " \t");
	}
	if (*key == '\0' || (arg != NULL && *arg == '\0'))
		st = bad(l, _("expected 'setting = value'"));
	else
		st = do_setting(l, key, arg, value);
	free(left);
	free(value);
	return st;
}

/* Whole-file checks once every line is read. */
static enum status
check_whole(struct loader *l)
{
	struct template *t = l->t;
	const char *base = strrchr(l->path, '/');
	char *stem;
	enum status st = ST_OK;

	base = base ? base + 1 : l->path;
	stem = xstrdup(base);
	if (strlen(stem) > strlen(SUFFIX) &&
	    strcmp(stem + strlen(stem) - strlen(SUFFIX), SUFFIX) == 0)
		stem[strlen(stem) - strlen(SUFFIX)] = '\0';
	if (t->name == NULL || !l->has_kind || !l->has_dir)
		l->err = xasprintf(_("%s: 'name', 'kind' and 'direction' "
				     "must be given"),
		    l->path);
	else if (strcmp(t->name, stem) != 0)
		l->err = xasprintf(
		    _("%s: name '%s' is not the file name"), l->path, t->name);
	else if (t->dir == TEMPLATE_IMPORT && (t->nfields == 0 || t->ncolumns))
		l->err = xasprintf(_("%s: an import template has 'field' "
				     "lines and no 'column' lines"),
		    l->path);
	else if (t->dir == TEMPLATE_EXPORT && (t->ncolumns == 0 || t->nfields))
		l->err = xasprintf(_("%s: an export template has 'column' "
				     "lines and no 'field' lines"),
		    l->path);
	if (l->err != NULL)
		st = ST_INVALID;
	free(stem);
	return st;
}

static enum status
load_lines(struct loader *l, FILE *fp)
{
	char *buf = NULL, *s;
	size_t cap = 0;
	ssize_t n;
	enum status st = ST_OK;

	while (st == ST_OK && (n = getline(&buf, &cap, fp)) != -1) {
		l->line++;
		s = buf;
		if (l->line == 1 && strncmp(s, "\xEF\xBB\xBF", 3) == 0)
			s += 3;
		while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
			buf[--n] = '\0';
		if (!utf8_valid(buf, (size_t)n) || memchr(buf, 0, (size_t)n))
			st = bad(l, _("the line is not UTF-8 text"));
		else if (s[strspn(s, " \t")] != '#' && s[strspn(s, " \t")])
			st = do_line(l, s);
	}
	free(buf);
	return st;
}

enum status
template_load(const char *path, struct template **out, char **err)
{
	struct loader l = {.path = path};
	FILE *fp;
	enum status st;

	*out = NULL;
	*err = NULL;
	fp = fopen(path, "r");
	if (fp == NULL) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return ST_FILE;
	}
	l.t = xcalloc(1, sizeof *l.t);
	st = load_lines(&l, fp);
	if (st == ST_OK && ferror(fp)) {
		l.err = xasprintf("%s: %s", path, strerror(errno));
		st = ST_FILE;
	}
	fclose(fp);
	if (st == ST_OK)
		st = check_whole(&l);
	if (st != ST_OK) {
		template_free(l.t);
		*err = l.err;
		return st;
	}
	*out = l.t;
	return ST_OK;
}

static int
name_ok(const char *name)
{
	return *name && strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789-") ==
			    strlen(name);
}

enum status
template_find(const char *name, struct template **out, char **err)
{
	char *path;
	struct stat sb;
	enum status st;

	*out = NULL;
	if (!name_ok(name)) {
		*err = xasprintf(_("no template '%s'"), name);
		return ST_NOT_FOUND;
	}
	path = xasprintf("%s/templates/%s" SUFFIX, paths_datadir(), name);
	if (stat(path, &sb) != 0 && errno == ENOENT) {
		*err = xasprintf(_("no template '%s'"), name);
		st = ST_NOT_FOUND;
	} else {
		st = template_load(path, out, err);
	}
	free(path);
	return st;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
template_list(size_t *n)
{
	char *dir = xasprintf("%s/templates", paths_datadir());
	DIR *d = opendir(dir);
	struct dirent *e;
	char **list = xcalloc(1, sizeof *list);
	size_t count = 0, len;

	while (d != NULL && (e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len <= strlen(SUFFIX) ||
		    strcmp(e->d_name + len - strlen(SUFFIX), SUFFIX) != 0)
			continue;
		list = xrealloc(list, (count + 2) * sizeof *list);
		list[count++] = xstrndup(e->d_name, len - strlen(SUFFIX));
		list[count] = NULL;
	}
	if (d != NULL)
		closedir(d);
	free(dir);
	qsort(list, count, sizeof *list, cmp_names);
	if (n != NULL)
		*n = count;
	return list;
}

void
template_list_free(char **list)
{
	size_t i;

	for (i = 0; list && list[i]; i++)
		free(list[i]);
	free(list);
}

struct header_col *
template_header_spec(const struct template *t, size_t *n)
{
	struct header_col *spec = xcalloc(t->nfields + 1, sizeof *spec);
	size_t i;

	for (i = 0; i < t->nfields; i++) {
		spec[i].name = t->fields[i].field;
		spec[i].aliases = (const char *const *)t->fields[i].headers;
		spec[i].required = t->fields[i].required;
	}
	*n = t->nfields;
	return spec;
}

void
template_free(struct template *t)
{
	size_t i, j;

	if (t == NULL)
		return;
	for (i = 0; i < t->nfields; i++) {
		for (j = 0; j < t->fields[i].nheaders; j++)
			free(t->fields[i].headers[j]);
		free(t->fields[i].headers);
		free(t->fields[i].field);
	}
	for (i = 0; i < t->ncolumns; i++) {
		free(t->columns[i].header);
		free(t->columns[i].value);
	}
	free(t->fields);
	free(t->columns);
	free(t->name);
	free(t->title);
	free(t);
}
