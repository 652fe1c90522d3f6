/*
 * export.c - see export.h.  Every kind streams: products and members a
 * page at a time (keyset paging), orders as one walk of their lines, so
 * memory does not grow with the database.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/exchange.h"
#include "model/member.h"
#include "model/payment.h"
#include "model/product.h"
#include "model/setting.h"
#include "model/wave.h"
#include "sync/cell.h"
#include "sync/csvwrite.h"
#include "sync/export.h"
#include "sync/template.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/text.h"
#include "util/xalloc.h"

#define PAGE 512

static const char *const product_cols[] = {"sku", "name", "name_en", "unit",
    "price", "reorder_level", "category", "short_code", NULL};
static const char *const stock_cols[] = {
    "sku", "name", "unit", "on_hand", "reserved", "available", NULL};
static const char *const member_cols[] = {
    "code", "name", "village", "phone", NULL};
static const char *const payout_cols[] = {
    "code", "name", "village", "owed", "paid", "balance", NULL};
static const char *const order_cols[] = {"order_ref", "channel", "date",
    "customer", "phone", "address", "sku", "qty", "unit_price", "note", NULL};

static void
header(struct csvw *w, const char *const *cols)
{
	for (; *cols != NULL; cols++)
		csvw_text(w, *cols);
	csvw_end_row(w);
}

static void
money(struct csvw *w, int64_t v)
{
	char b[NUM_FMT_SIZE];

	csvw_number(w, money_format(v, b, sizeof b));
}

static void
qty(struct csvw *w, int64_t v)
{
	char b[NUM_FMT_SIZE];

	csvw_number(w, qty_format(v, b, sizeof b));
}

struct pager {
	struct csvw *w;
	int stock, n;
	struct product_cursor pc;
	struct member_cursor mc;
};

static int
product_cb(const struct product_row *r, void *arg)
{
	struct pager *pg = arg;
	const struct product *p = &r->p;

	csvw_text(pg->w, p->sku);
	csvw_text(pg->w, p->name);
	if (pg->stock) {
		csvw_text(pg->w, p->unit);
		qty(pg->w, r->on_hand);
		qty(pg->w, r->reserved);
		qty(pg->w, r->available);
	} else {
		csvw_text(pg->w, p->name_en);
		csvw_text(pg->w, p->unit);
		money(pg->w, p->price);
		qty(pg->w, p->reorder_level);
		csvw_text(pg->w, p->category);
		csvw_text(pg->w, p->short_code);
	}
	csvw_end_row(pg->w);
	product_cursor_copy(&pg->pc, &r->cursor);
	pg->n++;
	return 0;
}

static enum status
products(struct db *db, struct csvw *w, int stock)
{
	struct pager pg;
	struct product_cursor after;
	enum status st;
	int first = 1;

	memset(&pg, 0, sizeof pg);
	memset(&after, 0, sizeof after);
	pg.w = w;
	pg.stock = stock;
	header(w, stock ? stock_cols : product_cols);
	do {
		pg.n = 0;
		st = product_page(db, NULL, PRODUCT_SORT_SKU, 0,
		    first ? NULL : &after, 0, PAGE, product_cb, &pg);
		first = 0;
		product_cursor_copy(&after, &pg.pc);
	} while (st == ST_OK && pg.n == PAGE);
	product_cursor_clear(&after);
	product_cursor_clear(&pg.pc);
	return st;
}

static int
member_cb(const struct member_row *r, void *arg)
{
	struct pager *pg = arg;

	csvw_text(pg->w, r->m.code);
	csvw_text(pg->w, r->m.name);
	csvw_text(pg->w, r->m.village);
	csvw_text(pg->w, r->m.phone);
	csvw_end_row(pg->w);
	member_cursor_copy(&pg->mc, &r->cursor);
	pg->n++;
	return 0;
}

static enum status
members(struct db *db, struct csvw *w)
{
	struct pager pg;
	struct member_cursor after;
	enum status st;
	int first = 1;

	memset(&pg, 0, sizeof pg);
	memset(&after, 0, sizeof after);
	pg.w = w;
	header(w, member_cols);
	do {
		pg.n = 0;
		st = member_page(db, NULL, MEMBER_SORT_CODE, 0,
		    first ? NULL : &after, 0, PAGE, member_cb, &pg);
		first = 0;
		member_cursor_copy(&after, &pg.mc);
	} while (st == ST_OK && pg.n == PAGE);
	member_cursor_clear(&after);
	member_cursor_clear(&pg.mc);
	return st;
}

static int
payout_cb(const struct payout_row *r, void *arg)
{
	struct csvw *w = arg;

	csvw_text(w, r->code);
	csvw_text(w, r->name);
	csvw_text(w, r->village);
	money(w, r->owed);
	money(w, r->paid);
	money(w, r->balance);
	csvw_end_row(w);
	return 0;
}

static int
order_cb(const struct exchange_order_row *r, void *arg)
{
	struct csvw *w = arg;
	char ref[32];

	/* An order typed in at the counter has no shop reference: it is
	 * named CS<id>, which the importer recognises. */
	if (*r->ext_ref == '\0')
		snprintf(ref, sizeof ref, "CS%lld", r->order_id);
	csvw_text(w, *r->ext_ref != '\0' ? r->ext_ref : ref);
	csvw_text(w, r->channel);
	csvw_text(w, r->ordered_at);
	csvw_text(w, r->customer_name);
	csvw_text(w, r->customer_phone);
	csvw_text(w, r->customer_address);
	csvw_text(w, r->sku);
	qty(w, r->qty);
	money(w, r->unit_price);
	csvw_text(w, r->note);
	csvw_end_row(w);
	return 0;
}

/* A manifest gathers the lines of one order, then writes its row. */
struct manifest {
	struct csvw *w;
	const struct template *t;
	FILE *notes;
	char *sender_name, *sender_phone, *sender_address;
	long long order_id; /* the order being gathered; 0: none */
	char *order_no, *recipient, *phone, *address, *note;
	char *summary;
	int64_t count;
	long orders;
};

static void
manifest_note_masked(struct manifest *m)
{
	unsigned fp = 0, fn = 0;
	char *a = cell_clean(m->phone, strlen(m->phone), &fp);
	char *b = cell_clean(m->recipient, strlen(m->recipient), &fn);

	if ((fp | fn) & CELL_MASKED) {
		char *shown = text_sanitize_str(m->order_no);

		fprintf(m->notes,
		    _("order %s: the shop masked the recipient's %s; fill it "
		      "in from the shop's back office before the courier "
		      "needs it\n"),
		    shown, (fp & CELL_MASKED) ? _("phone") : _("name"));
		free(shown);
	}
	free(a);
	free(b);
}

/* Return the text of canonical field f for the gathered order. */
static const char *
manifest_value(
    struct manifest *m, const char *f, char *buf, size_t n, int *number)
{
	*number = 0;
	if (strcmp(f, "order_no") == 0)
		return m->order_no;
	if (strcmp(f, "recipient") == 0)
		return m->recipient;
	if (strcmp(f, "phone") == 0)
		return m->phone;
	if (strcmp(f, "full_address") == 0 || strcmp(f, "address") == 0)
		return m->address;
	if (strcmp(f, "item_summary") == 0)
		return m->summary;
	if (strcmp(f, "note") == 0 || strcmp(f, "seller_note") == 0)
		return m->note;
	if (strcmp(f, "sender_name") == 0 || strcmp(f, "sender_company") == 0)
		return m->sender_name;
	if (strcmp(f, "sender_phone") == 0)
		return m->sender_phone;
	if (strcmp(f, "sender_address") == 0)
		return m->sender_address;
	*number = 1;
	if (strcmp(f, "item_count") == 0 || strcmp(f, "qty") == 0)
		return qty_format(m->count, buf, n);
	if (strcmp(f, "package_count") == 0)
		return "1";
	*number = 0;
	return "";
}

static void
manifest_flush(struct manifest *m)
{
	char buf[NUM_FMT_SIZE];
	int number;

	if (m->order_id == 0)
		return;
	manifest_note_masked(m);
	for (size_t i = 0; i < m->t->ncolumns; i++) {
		const struct template_column *c = &m->t->columns[i];
		const char *v = c->value;

		number = 0;
		if (c->src == TEMPLATE_SRC_FIELD)
			v = manifest_value(
			    m, c->value, buf, sizeof buf, &number);
		if (number)
			csvw_number(m->w, v);
		else
			csvw_text(m->w, v);
	}
	csvw_end_row(m->w);
	m->orders++;
	free(m->order_no);
	free(m->recipient);
	free(m->phone);
	free(m->address);
	free(m->note);
	free(m->summary);
	m->order_no = m->recipient = m->phone = m->address = m->note = NULL;
	m->summary = NULL;
	m->order_id = 0;
}

static int
manifest_cb(const struct exchange_order_row *r, void *arg)
{
	struct manifest *m = arg;
	char q[NUM_FMT_SIZE];
	char *s;

	if (r->order_id != m->order_id) {
		manifest_flush(m);
		m->order_id = r->order_id;
		m->order_no = *r->ext_ref != '\0'
				  ? xstrdup(r->ext_ref)
				  : xasprintf("CS%lld", r->order_id);
		m->recipient = xstrdup(r->customer_name);
		m->phone = xstrdup(r->customer_phone);
		m->address = xstrdup(r->customer_address);
		m->note = xstrdup(r->note);
		m->summary = xstrdup("");
		m->count = 0;
	}
	qty_format(r->qty, q, sizeof q);
	s = xasprintf("%s%s%s ×%s %s", m->summary, *m->summary ? "; " : "",
	    r->name, q, r->unit);
	free(m->summary);
	m->summary = s;
	m->count += r->qty;
	return 0;
}

static enum status
manifest(struct db *db, struct csvw *w, const struct template *t, FILE *notes,
    long long wave_id, long *orders)
{
	struct manifest m;
	enum status st;

	memset(&m, 0, sizeof m);
	m.w = w;
	m.t = t;
	m.notes = notes;
	m.sender_name = setting_get(db, "coop_name", NULL);
	m.sender_phone = setting_get(db, "coop_phone", NULL);
	m.sender_address = setting_get(db, "coop_address", NULL);
	for (size_t i = 0; i < t->ncolumns; i++)
		csvw_text(w, t->columns[i].header);
	csvw_end_row(w);
	if (wave_id != 0)
		st = wave_order_rows(db, wave_id, "packed", manifest_cb, &m);
	else
		st = exchange_order_rows(db, "packed", manifest_cb, &m);
	manifest_flush(&m);
	*orders = m.orders;
	free(m.sender_name);
	free(m.sender_phone);
	free(m.sender_address);
	return st;
}

static const char *const export_kinds[] = {
    "products", "members", "stock", "orders", "manifest", "payouts", NULL};

int
export_kind_known(const char *kind)
{
	for (const char *const *k = export_kinds; *k != NULL; k++)
		if (strcmp(*k, kind) == 0)
			return 1;
	return 0;
}

/* Load the courier template: NAME, or courier-NAME. */
static enum status
courier_load(const char *name, struct template **t, char **err)
{
	enum status st;
	char *full;

	if (name == NULL)
		name = "generic";
	full = strncmp(name, "courier-", 8) == 0
		   ? xstrdup(name)
		   : xasprintf("courier-%s", name);
	st = template_find(full, t, err);
	free(full);
	if (st == ST_OK &&
	    ((*t)->kind != TEMPLATE_COURIER || (*t)->dir != TEMPLATE_EXPORT)) {
		*err = xasprintf(_("'%s' is not a courier template"), name);
		template_free(*t);
		*t = NULL;
		st = ST_NOT_FOUND;
	}
	return st;
}

static enum status
export_body(struct db *db, const char *kind, struct csvw *w,
    const struct template *t, FILE *notes, long long wave_id, long *orders)
{
	if (strcmp(kind, "products") == 0)
		return products(db, w, 0);
	if (strcmp(kind, "stock") == 0)
		return products(db, w, 1);
	if (strcmp(kind, "members") == 0)
		return members(db, w);
	if (strcmp(kind, "payouts") == 0) {
		header(w, payout_cols);
		return payout_list(db, payout_cb, w);
	}
	if (strcmp(kind, "orders") == 0) {
		header(w, order_cols);
		return exchange_order_rows(db, NULL, order_cb, w);
	}
	return manifest(db, w, t, notes, wave_id, orders);
}

/* Refuse a wave manifest before a file is opened: an unknown wave, or
 * one with nothing packed to hand over. */
static enum status
wave_ready(struct db *db, long long id, char **err)
{
	struct wave w;
	enum status st = wave_get(db, id, &w);

	if (st == ST_OK && w.nstatus[ORDER_PACKED] == 0)
		st = db_fail(db, ST_BAD_STATE,
		    _("wave %lld has no packed orders: pack it first"), id);
	if (st != ST_OK)
		*err = xstrdup(*db_errmsg(db) ? db_errmsg(db)
					      : _(status_message(st)));
	wave_clear(&w);
	return st;
}

enum status
export_run(struct db *db, const char *kind, const char *path,
    const struct export_opts *o, FILE *notes, char **err)
{
	struct template *t = NULL;
	struct csvw *w;
	enum status st, wst;
	unsigned flags = o->excel ? CSVW_EXCEL : 0;
	long orders = 0;

	*err = NULL;
	if (strcmp(kind, "manifest") == 0) {
		st = o->wave_id != 0 ? wave_ready(db, o->wave_id, err) : ST_OK;
		if (st != ST_OK)
			return st;
		st = courier_load(o->courier, &t, err);
		if (st != ST_OK)
			return st;
		if (t->excel)
			flags |= CSVW_EXCEL;
	}
	st = csvw_open(path, flags, &w, err);
	if (st != ST_OK) {
		template_free(t);
		return st;
	}
	st = export_body(db, kind, w, t, notes, o->wave_id, &orders);
	if (st != ST_OK)
		*err = xstrdup(
		    *db_errmsg(db) ? db_errmsg(db) : _(status_message(st)));
	wst = csvw_close(w, st == ST_OK ? err : NULL);
	if (st == ST_OK && wst == ST_OK && o->wave_id != 0) {
		st = wave_note_manifest(db, o->wave_id,
		    strncmp(t->name, "courier-", 8) == 0 ? t->name + 8
							 : t->name,
		    strcmp(path, "-") == 0 ? _("(standard output)") : path,
		    orders);
		if (st != ST_OK)
			*err = xstrdup(*db_errmsg(db) ? db_errmsg(db)
						      : _(status_message(st)));
	}
	template_free(t);
	return st != ST_OK ? st : wst;
}
