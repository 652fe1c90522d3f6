/*
 * quick.c - see quick.h.  The text is cut into tokens first, then read
 * two at a time; each product is looked up as it is read, so the first
 * bad token is the one reported.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/product.h"
#include "model/quick.h"
#include "model/txn.h"
#include "model/wave.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/xalloc.h"

/* Length of the separator at s (0: none).  Full-width ones are UTF-8. */
static size_t
sep_len(const char *s)
{
	static const char *const wide[] = {"\xe3\x80\x80" /* U+3000 */,
	    "\xef\xbc\x8c" /* ， */, "\xe3\x80\x81" /* 、 */,
	    "\xef\xbc\x9b" /* ； */, NULL};

	if (*s == ' ' || *s == '\t' || *s == ',' || *s == ';' || *s == '\n' ||
	    *s == '\r')
		return 1;
	for (int i = 0; wide[i] != NULL; i++)
		if (strncmp(s, wide[i], 3) == 0)
			return 3;
	return 0;
}

/* Cut text into new strings; returns their count. */
static int
tokenize(const char *text, char ***out)
{
	char **v = NULL;
	int n = 0;
	size_t k, len;

	while (*text != '\0') {
		while ((k = sep_len(text)) > 0)
			text += k;
		if (*text == '\0')
			break;
		for (len = 0; text[len] != '\0' && sep_len(text + len) == 0;)
			len++;
		v = xrealloc(v, (size_t)(n + 1) * sizeof *v);
		v[n] = xmalloc(len + 1);
		memcpy(v[n], text, len);
		v[n++][len] = '\0';
		text += len;
	}
	*out = v;
	return n;
}

/* Look code up and fill the product half of l. */
static enum status
line_product(struct db *db, const char *code, struct quick_line *l)
{
	struct product p;
	enum status s = product_find_code(db, code, &p);

	if (s == ST_NOT_FOUND)
		return db_fail(db, ST_NOT_FOUND,
		    _("'%s': no product has this code or SKU"), code);
	if (s != ST_OK)
		return s;
	if (!p.active) {
		product_clear(&p);
		return db_fail(db, ST_NOT_FOUND,
		    _("'%s': the product is no longer sold"), code);
	}
	l->in.product_id = p.id;
	l->in.unit_price = p.price;
	l->sku = p.sku;
	l->name = p.name;
	l->unit = p.unit;
	p.sku = p.name = p.unit = NULL;
	product_clear(&p);
	return ST_OK;
}

/* Read the quantity q for code into l. */
static enum status
line_qty(struct db *db, const char *code, const char *q, struct quick_line *l)
{
	int64_t v;

	if (q == NULL)
		return db_fail(
		    db, ST_INVALID, _("'%s' needs a quantity after it"), code);
	if (qty_parse(q, 1, &v) != NUM_OK)
		return db_fail(db, ST_INVALID,
		    _("'%s' is not a quantity (after '%s')"), q, code);
	if (v <= 0)
		return db_fail(db, ST_INVALID,
		    _("'%s' is not above zero (after '%s')"), q, code);
	l->in.qty = v;
	if (money_mul_qty(l->in.unit_price, v, &l->total) != NUM_OK)
		return db_fail(db, ST_INVALID,
		    _("'%s' is too large (after '%s')"), q, code);
	return ST_OK;
}

/* Where a quantity glued to a code starts ("ht2", "fm1.5"): the byte
 * offset of the trailing run of ASCII digits and dots, or 0 when there
 * is none or nothing before it. */
static size_t
glued_at(const char *tok)
{
	size_t n = strlen(tok), k = n;

	while (k > 0 &&
	       ((tok[k - 1] >= '0' && tok[k - 1] <= '9') || tok[k - 1] == '.'))
		k--;
	return k < n ? k : 0;
}

/* Read one line from tok[*i] (and tok[*i + 1]) into l; *i moves past
 * what was used. */
static enum status
line_read(struct db *db, char **tok, int n, int *i, struct quick_line *l)
{
	size_t k;
	char *code;
	enum status s = line_product(db, tok[*i], l);

	if (s == ST_OK) {
		s = line_qty(db, tok[*i], *i + 1 < n ? tok[*i + 1] : NULL, l);
		*i += 2;
		return s;
	}
	if (s != ST_NOT_FOUND || (k = glued_at(tok[*i])) == 0)
		return s;
	code = xstrdup(tok[*i]);
	code[k] = '\0';
	if (line_product(db, code, l) == ST_OK)
		s = line_qty(db, code, tok[*i] + k, l);
	else /* the whole token is what was not found */
		s = db_fail(db, ST_NOT_FOUND,
		    _("'%s': no product has this code or SKU"), tok[*i]);
	free(code);
	*i += 1;
	return s;
}

enum status
quick_parse(struct db *db, const char *text, struct quick_spec *out)
{
	char **tok = NULL;
	int n = tokenize(text != NULL ? text : "", &tok), i = 0;
	enum status s = ST_OK;
	struct quick_line *l;

	memset(out, 0, sizeof *out);
	if (n == 0)
		s = db_fail(db, ST_INVALID,
		    _("nothing to order: type a code and a quantity, like "
		      "ht 2"));
	while (s == ST_OK && i < n) {
		out->v =
		    xrealloc(out->v, (size_t)(out->n + 1) * sizeof *out->v);
		l = memset(&out->v[out->n++], 0, sizeof *l);
		s = line_read(db, tok, n, &i, l);
		if (s == ST_OK)
			out->total = out->total > INT64_MAX - l->total
					 ? INT64_MAX
					 : out->total + l->total;
	}
	for (int j = 0; j < n; j++)
		free(tok[j]);
	free(tok);
	if (s != ST_OK)
		quick_spec_clear(out);
	return s;
}

void
quick_spec_clear(struct quick_spec *q)
{
	if (q == NULL)
		return;
	for (int i = 0; i < q->n; i++) {
		free(q->v[i].sku);
		free(q->v[i].name);
		free(q->v[i].unit);
	}
	free(q->v);
	memset(q, 0, sizeof *q);
}

struct order_line_in *
quick_lines_in(const struct quick_spec *q)
{
	struct order_line_in *v;

	if (q->n == 0)
		return NULL;
	v = xcalloc((size_t)q->n, sizeof *v);
	for (int i = 0; i < q->n; i++)
		v[i] = q->v[i].in;
	return v;
}

enum status
quick_order_create(struct db *db, const struct quick_order *q, long long *id)
{
	struct quick_spec spec;
	struct order_in in = {0};
	long long oid = 0;
	int nested;
	enum status s = quick_parse(db, q->lines, &spec);

	if (s != ST_OK)
		return s;
	in.channel = q->channel != NULL && q->channel[0] ? q->channel : "phone";
	in.customer_phone = q->phone;
	in.customer_name = q->name;
	in.customer_address = q->address;
	in.note = q->note;
	in.lines = quick_lines_in(&spec);
	in.nlines = spec.n;
	s = txn_begin(db, &nested);
	if (s == ST_OK) {
		s = order_create(db, &in, &oid);
		if (s == ST_OK && q->courier != NULL && q->courier[0] != '\0')
			s = wave_set_courier(db, oid, q->courier);
		s = txn_end(db, nested, s);
	}
	if (s == ST_OK)
		*id = oid;
	free((void *)in.lines);
	quick_spec_clear(&spec);
	return s;
}
