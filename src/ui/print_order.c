/*
 * print_order.c - see print_order.h.  The slip is built line by line in a
 * growing buffer; each cell is cut and padded with text_fit(), the same
 * function the screens draw with, so the paper shows what the screen did.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui/print_order.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/text.h"
#include "util/xalloc.h"

struct buf {
	char *s;
	size_t n;
};

static void
buf_add(struct buf *b, const char *s)
{
	size_t l = strlen(s);

	b->s = xrealloc(b->s, b->n + l + 1);
	memcpy(b->s + b->n, s, l + 1);
	b->n += l;
}

/* Add one line: s fitted to w columns, trailing spaces dropped. */
static void
add_line(struct buf *b, const char *s, int w, enum text_align al)
{
	char *f = text_fit(s, w, al, 1);
	size_t l = strlen(f);

	while (l > 0 && f[l - 1] == ' ')
		f[--l] = '\0';
	buf_add(b, f);
	buf_add(b, "\n");
	free(f);
}

/* Add s wrapped into lines of w columns (continuations indented 2). */
static void
add_wrapped(struct buf *b, const char *s, int w)
{
	char *clean = text_sanitize_str(s);
	const char *p = clean;
	int first = 1;

	do {
		int avail = first ? w : w - 2;
		size_t cut = text_prefix_bytes(p, avail);
		char *part;

		if (cut == 0 && *p != '\0')
			cut = 1;
		part = xasprintf("%s%.*s", first ? "" : "  ", (int)cut, p);
		add_line(b, part, w, TEXT_LEFT);
		free(part);
		p += cut;
		first = 0;
	} while (*p != '\0');
	free(clean);
}

static void
add_rule(struct buf *b, int w, char c)
{
	char *r = xmalloc((size_t)w + 2);

	memset(r, c, (size_t)w);
	r[w] = '\n';
	r[w + 1] = '\0';
	buf_add(b, r);
	free(r);
}

/* Add cells fitted to widths, joined by two spaces. */
static void
add_cells(struct buf *b, int n, const char *const *cells, const int *widths,
    const enum text_align *al, int w)
{
	struct buf row = {xstrdup(""), 0};

	for (int i = 0; i < n; i++) {
		char *f = text_fit(cells[i], widths[i], al[i], 1);

		if (i > 0)
			buf_add(&row, "  ");
		buf_add(&row, f);
		free(f);
	}
	add_line(b, row.s, w, TEXT_LEFT);
	free(row.s);
}

static void
add_header(
    struct buf *b, const struct order *o, const struct print_coop *c, int w)
{
	char *s;

	if (c->name && *c->name)
		add_wrapped(b, c->name, w);
	if (c->address && *c->address)
		add_wrapped(b, c->address, w);
	if (c->phone && *c->phone) {
		s = xasprintf(_("Tel: %s"), c->phone);
		add_wrapped(b, s, w);
		free(s);
	}
	add_rule(b, w, '=');
	s = xasprintf(_("PACKING SLIP  Order %lld"), o->id);
	add_wrapped(b, s, w);
	free(s);
	s = xasprintf(_("Date: %s  Channel: %s"), o->ordered_at, o->channel);
	add_wrapped(b, s, w);
	free(s);
	if (o->ext_ref[0] != '\0') {
		s = xasprintf(_("Shop order: %s"), o->ext_ref);
		add_wrapped(b, s, w);
		free(s);
	}
	s = xasprintf(_("To: %s  %s"), o->customer_name, o->customer_phone);
	add_wrapped(b, s, w);
	free(s);
	if (o->customer_address[0] != '\0') {
		s = xasprintf(_("Address: %s"), o->customer_address);
		add_wrapped(b, s, w);
		free(s);
	}
	if (o->note[0] != '\0') {
		s = xasprintf(_("Note: %s"), o->note);
		add_wrapped(b, s, w);
		free(s);
	}
	add_rule(b, w, '-');
}

/* The wide slip: Qty Unit SKU Name Price Total. */
static void
add_lines_wide(struct buf *b, const struct order *o, int w)
{
	static const enum text_align al[6] = {TEXT_RIGHT, TEXT_LEFT, TEXT_LEFT,
	    TEXT_LEFT, TEXT_RIGHT, TEXT_RIGHT};
	int widths[6] = {8, 5, 12, 0, 10, 11};
	const char *head[6] = {
	    _("Qty"), _("Unit"), _("SKU"), _("Name"), _("Price"), _("Total")};

	widths[3] = w - (8 + 5 + 12 + 10 + 11) - 5 * 2;
	add_cells(b, 6, head, widths, al, w);
	for (int i = 0; i < o->nlines; i++) {
		const struct order_line *l = &o->lines[i];
		char q[NUM_FMT_SIZE], p[NUM_FMT_SIZE], t[NUM_FMT_SIZE];
		const char *cells[6] = {qty_format(l->qty, q, sizeof(q)),
		    l->unit, l->sku, l->name,
		    money_format_grouped(l->unit_price, p, sizeof(p)),
		    money_format_grouped(l->total, t, sizeof(t))};

		add_cells(b, 6, cells, widths, al, w);
	}
}

/* The narrow slip: Qty Unit Name. */
static void
add_lines_narrow(struct buf *b, const struct order *o, int w)
{
	static const enum text_align al[3] = {TEXT_RIGHT, TEXT_LEFT, TEXT_LEFT};
	int widths[3] = {7, 4, 0};
	const char *head[3] = {_("Qty"), _("Unit"), _("Name")};

	widths[2] = w - (7 + 4) - 2 * 2;
	add_cells(b, 3, head, widths, al, w);
	for (int i = 0; i < o->nlines; i++) {
		const struct order_line *l = &o->lines[i];
		char q[NUM_FMT_SIZE];
		const char *cells[3] = {
		    qty_format(l->qty, q, sizeof(q)), l->unit, l->name};

		add_cells(b, 3, cells, widths, al, w);
	}
}

char *
print_order_slip(
    const struct order *o, const struct print_coop *coop, int width)
{
	static const struct print_coop none = {"", "", ""};
	struct buf b = {xstrdup(""), 0};
	char t[NUM_FMT_SIZE], *s;
	int w = width < PRINT_MIN_COLS ? PRINT_MIN_COLS : width;

	add_header(&b, o, coop ? coop : &none, w);
	if (w >= 64)
		add_lines_wide(&b, o, w);
	else
		add_lines_narrow(&b, o, w);
	add_rule(&b, w, '-');
	s = xasprintf(_("%d lines   Total: %s"), o->nlines,
	    money_format_grouped(o->total, t, sizeof(t)));
	add_line(&b, s, w, TEXT_RIGHT);
	free(s);
	return b.s;
}

char *
print_order_default_path(long long id)
{
	const char *home = getenv("HOME");

	return xasprintf(
	    "%s/coopstock-slip-%lld.txt", home && *home ? home : ".", id);
}

int
print_to_file(const char *path, const char *text, char **err)
{
	const char *home = getenv("HOME");
	char *full = strncmp(path, "~/", 2) == 0 && home
			 ? xasprintf("%s/%s", home, path + 2)
			 : xstrdup(path);
	FILE *fp = fopen(full, "w");
	int bad;

	if (fp == NULL) {
		*err = xasprintf("%s: %s", full, strerror(errno));
		free(full);
		return -1;
	}
	bad = fputs(text, fp) < 0;
	bad |= fclose(fp) != 0;
	if (bad) {
		*err = xasprintf(_("%s: could not write the slip"), full);
		free(full);
		return -1;
	}
	free(full);
	return 0;
}

int
print_have_lpr(void)
{
	const char *path = getenv("PATH");
	char *copy, *dir, *save = NULL;
	int found = 0;

	if (path == NULL)
		return 0;
	copy = xstrdup(path);
	for (dir = strtok_r(copy, ":", &save); dir && !found;
	     dir = strtok_r(NULL, ":", &save)) {
		char *f = xasprintf("%s/lpr", *dir ? dir : ".");

		found = access(f, X_OK) == 0;
		free(f);
	}
	free(copy);
	return found;
}

int
print_to_lpr(const char *text, char **err)
{
	FILE *p = popen("lpr >/dev/null 2>&1", "w");
	int rc;

	if (p == NULL) {
		*err = xasprintf(_("cannot run lpr: %s"), strerror(errno));
		return -1;
	}
	fputs(text, p);
	rc = pclose(p);
	if (rc != 0) {
		*err = xstrdup(_("lpr could not print the slip"));
		return -1;
	}
	return 0;
}
