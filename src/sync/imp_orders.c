/*
 * imp_orders.c - see imp_orders.h.
 *
 * Every layout is reduced to one table of where each value of an order
 * line is found (struct layout); the rest of the file does not know
 * whose file it reads.  Lines are gathered while the order reference
 * stays the same, then the order is created through order_bulk_create
 * (the import is one transaction, rolled back on any problem, so no
 * order needs a savepoint of its own).  A
 * repeat of a reference in one import is told from an order imported
 * earlier by its id: ids only grow, so an existing order with an id at
 * or above the first one this run created is from this run.  That keeps
 * memory flat: nothing per order is remembered.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/order.h"
#include "model/order_bulk.h"
#include "model/product.h"
#include "sync/imp_orders.h"
#include "sync/strmap.h"
#include "sync/template.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/text.h"
#include "util/xalloc.h"

/* The values of an order line, as indices into a layout's spec. */
enum {
	V_REF,
	V_CHANNEL,
	V_DATE,
	V_CUSTOMER,
	V_PHONE,
	V_ADDRESS,
	V_SKU,
	V_QTY,
	V_PRICE,
	V_NOTE,
	V_AMOUNT,
	V_NOTE2,
	V_PROVINCE,
	V_CITY,
	V_DISTRICT,
	V_STREET,
	V_N
};

static const char *const a_ref[] = {"订单号", "订单编号", "外部订单号", NULL};
static const char *const a_channel[] = {"渠道", "平台", "来源", "店铺", NULL};
static const char *const a_date[] = {
    "日期", "下单时间", "订单日期", "下单日期", NULL};
static const char *const a_customer[] = {
    "收件人", "客户", "顾客", "收货人", NULL};
static const char *const a_phone[] = {
    "电话", "收件人电话", "手机", "联系电话", NULL};
static const char *const a_address[] = {"地址", "收件地址", "收货地址", NULL};
static const char *const a_sku[] = {
    "商品编码", "商家编码", "编码", "货号", NULL};
static const char *const a_qty[] = {"数量", NULL};
static const char *const a_price[] = {"单价", "价格", NULL};
static const char *const a_note[] = {"备注", "留言", NULL};

/* Our layout: the first V_AMOUNT values, in this order. */
static const struct header_col own_spec[V_AMOUNT] = {
    {"order_ref", a_ref, 1},
    {"channel", a_channel, 0},
    {"date", a_date, 0},
    {"customer", a_customer, 0},
    {"phone", a_phone, 0},
    {"address", a_address, 0},
    {"sku", a_sku, 1},
    {"qty", a_qty, 1},
    {"unit_price", a_price, 0},
    {"note", a_note, 0},
};

/* A shop template's field for each value (NULL: none). */
static const char *const shop_field[V_N] = {"order_no", NULL, "created_at",
    "recipient", "phone", "full_address", "sku", "qty", "price", "buyer_note",
    "amount", "seller_note", "province", "city", "district", "street"};

/* Where each value is found in one file. */
struct layout {
	char *channel; /* fixed channel, or NULL: the channel column */
	struct template *t;
	struct header_col *spec; /* owned when t is set */
	size_t n;
	int col[V_N];       /* spec index, or -1 */
	int street_address; /* spec index of the template's "address" */
	int items;          /* a Taobao item report */
};

static void
layout_free(struct layout *l)
{
	if (l->t != NULL)
		free(l->spec);
	template_free(l->t);
	free(l->channel);
	memset(l, 0, sizeof *l);
}

static void
layout_own(struct layout *l)
{
	memset(l, 0, sizeof *l);
	l->spec = (struct header_col *)own_spec;
	l->n = V_AMOUNT;
	for (int v = 0; v < V_N; v++)
		l->col[v] = v < V_AMOUNT ? v : -1;
	l->street_address = -1;
}

/* The channel an order from template name comes from. */
static char *
shop_channel(const char *name)
{
	if (strncmp(name, "taobao", 6) == 0)
		return xstrdup("taobao");
	return xstrdup(name);
}

static enum status
layout_shop(struct imp *im, struct layout *l, const char *name)
{
	char *err = NULL;
	enum status st;

	memset(l, 0, sizeof *l);
	st = template_find(name, &l->t, &err);
	if (st == ST_OK &&
	    (l->t->kind != TEMPLATE_SHOP || l->t->dir != TEMPLATE_IMPORT)) {
		template_free(l->t);
		l->t = NULL;
		err = xasprintf(_("'%s' is not a shop template"), name);
		st = ST_NOT_FOUND;
	}
	if (st != ST_OK) {
		fprintf(im->err, "coopstock: %s\n", err);
		im->problems++;
		free(err);
		return st;
	}
	l->spec = template_header_spec(l->t, &l->n);
	l->channel = shop_channel(name);
	l->items = strcmp(name, "taobao-items") == 0;
	l->street_address = -1;
	for (int v = 0; v < V_N; v++) {
		l->col[v] = -1;
		for (size_t i = 0; shop_field[v] != NULL && i < l->n; i++)
			if (strcmp(l->spec[i].name, shop_field[v]) == 0)
				l->col[v] = (int)i;
	}
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->spec[i].name, "address") == 0)
			l->street_address = (int)i;
	if (l->col[V_ADDRESS] < 0)
		l->col[V_ADDRESS] = l->street_address;
	return ST_OK;
}

static const char *const auto_layouts[] = {
    "", "douyin", "pinduoduo", "taobao-orders", "taobao-items", NULL};
static const char *const taobao_layouts[] = {
    "taobao-orders", "taobao-items", NULL};

/*
 * Open path as the current file in the first layout its header matches:
 * with from NULL ours ("") then each shop's, with "taobao" the order list
 * or the item report, else from's.  When none matches, the first is
 * reported.  Returns ST_OK with the file open and *l set, or a status
 * after reporting the problem.
 */
static enum status
open_layout(
    struct imp *im, const char *path, const char *from, struct layout *l)
{
	const char *one[2] = {from, NULL};
	const char *const *cand = from == NULL                  ? auto_layouts
				  : strcmp(from, "taobao") == 0 ? taobao_layouts
								: one;
	enum status st = ST_NOT_FOUND;

	for (int pass = 0; pass < 2 && st == ST_NOT_FOUND; pass++) {
		for (int i = 0; cand[i] != NULL; i++) {
			if (*cand[i] == '\0')
				layout_own(l);
			else if ((st = layout_shop(im, l, cand[i])) != ST_OK)
				return st;
			im->quiet = l->t != NULL;
			st = imp_open(im, path, l->spec, l->n, pass);
			if (st == ST_OK || st != ST_NOT_FOUND || pass == 1)
				break;
			layout_free(l);
		}
	}
	if (st != ST_OK)
		layout_free(l);
	return st;
}

/* Orders an import creates before it drops the indexes it does not
 * read (order_bulk_defer_indexes): below this, keeping them is cheaper
 * than building them again. */
#define IMP_DEFER_AFTER 10000

/* One line of a Taobao item report, waiting for its order. */
struct item {
	long line;
	long long product_id;
	int64_t qty, price;
	struct item *next;
};

/* One import of orders: the order being gathered and the caches. */
struct run {
	struct imp *im;
	const struct layout *l;
	struct strmap *skus;  /* SKU -> product id, or -1: unknown */
	struct strmap *items; /* Taobao: order number -> struct item list */
	struct order_bulk *bulk; /* creates the orders in the import's txn */
	char *items_path;
	long long first_new; /* the first order this run created, 0: none */
	int open;            /* an order is being gathered */
	char *ref, *channel, *customer, *phone, *address, *note;
	char date[DATETIME_SIZE];
	struct order_line_in *lines;
	int nlines, alines;
	long line; /* where the order starts */
	int bad;   /* one of its rows had a problem */
};

static char *
vtext(struct run *r, int v)
{
	int c = r->l->col[v];

	return c < 0 ? xstrdup("") : imp_text(r->im, c, 0, NULL);
}

static const char *
vname(struct run *r, int v)
{
	int c = r->l->col[v];

	return c < 0 ? own_spec[v < V_AMOUNT ? v : 0].name : r->im->colname[c];
}

/* The product id of sku, or -1 after reporting an unknown SKU. */
static long long
sku_id(struct run *r, const char *sku)
{
	int added;
	struct strmap_entry *e = strmap_get(r->skus, sku, 1, &added);

	if (added) {
		struct product p;
		enum status st = product_get_by_sku(r->im->db, sku, &p);

		e->val = -1;
		if (st == ST_OK)
			e->val = (long)p.id;
		product_clear(&p);
		if (imp_fault(r->im, st))
			return -1; /* not the row's fault: the import fails */
	}
	if (e->val < 0 && r->im->fault == ST_OK) {
		char *shown = text_sanitize_str(sku);

		imp_problem(r->im, r->im->line, vname(r, V_SKU),
		    _("unknown SKU '%s'"), shown);
		free(shown);
	}
	return e->val;
}

/* Read the SKU, quantity and price of the current row.  Returns 1 when
 * they are good. */
static int
line_read(struct run *r, struct order_line_in *li)
{
	struct imp *im = r->im;
	char *sku = imp_id(im, r->l->col[V_SKU], 1);
	int64_t amount = -1;
	int ok = sku != NULL;

	li->product_id = sku != NULL ? sku_id(r, sku) : -1;
	ok &= li->product_id >= 0;
	free(sku);
	ok &= imp_qty(im, r->l->col[V_QTY], 1, 0, &li->qty);
	li->unit_price = -1;
	if (r->l->col[V_PRICE] >= 0)
		ok &= imp_money(im, r->l->col[V_PRICE], 0, -1, &li->unit_price);
	if (li->unit_price < 0 && r->l->col[V_AMOUNT] >= 0) {
		ok &= imp_money(im, r->l->col[V_AMOUNT], 0, -1, &amount);
		/* A total for the line: per unit, to the nearest fen. */
		if (amount >= 0 && li->qty > 0)
			li->unit_price =
			    (amount * 1000 + li->qty / 2) / li->qty;
	}
	if (ok && li->qty == 0) {
		imp_problem(im, im->line, vname(r, V_QTY), "%s",
		    _("must be more than zero"));
		ok = 0;
	}
	return ok;
}

static void
add_line(struct run *r, const struct order_line_in *li)
{
	if (r->nlines == r->alines) {
		r->alines = r->alines ? r->alines * 2 : 8;
		r->lines =
		    xrealloc(r->lines, (size_t)r->alines * sizeof *r->lines);
	}
	r->lines[r->nlines++] = *li;
}

static void
pending_clear(struct run *r)
{
	free(r->ref);
	free(r->channel);
	free(r->customer);
	free(r->phone);
	free(r->address);
	free(r->note);
	r->ref = r->channel = r->customer = r->phone = NULL;
	r->address = r->note = NULL;
	r->nlines = 0;
	r->open = r->bad = 0;
}

static void
order_created(struct run *r, long long id)
{
	struct imp *im = r->im;
	enum status st;

	if (r->first_new == 0)
		r->first_new = id;
	im->created++;
	if (im->o->dry_run)
		imp_say(im,
		    P_("create order %s (%s, %d line)\n",
			"create order %s (%s, %d lines)\n", r->nlines),
		    r->ref, r->channel, r->nlines);
	if (!im->o->confirm)
		return;
	st = order_confirm(im->db, id);
	if (st == ST_OK)
		im->confirmed++;
	else if (!imp_fault(im, st))
		imp_problem(im, r->line, vname(r, V_REF), _("order %s: %s"),
		    r->ref,
		    *db_errmsg(im->db) ? db_errmsg(im->db)
				       : _(status_message(st)));
}

/*
 * Return 1 if the gathered order is CS<id>, our name for order id typed
 * in at the counter (no shop reference), and that order is here in the
 * same channel: it is already present.
 */
static int
local_present(struct run *r)
{
	struct order *o = NULL;
	const char *d = r->ref + 2;
	int here;

	if (strncmp(r->ref, "CS", 2) != 0 || *d == '\0' || *d == '0' ||
	    strspn(d, "0123456789") != strlen(d) || strlen(d) > 18)
		return 0;
	here = order_get(r->im->db, atoll(d), &o) == ST_OK &&
	       (o->ext_ref == NULL || *o->ext_ref == '\0') &&
	       strcmp(o->channel, r->channel) == 0;
	order_free(o);
	return here;
}

/* Create the gathered order, unless one of its rows was bad. */
static void
flush(struct run *r)
{
	struct imp *im = r->im;
	struct order_in in;
	long long id = 0;
	enum status st;

	if (!r->open)
		return;
	if (!r->bad && r->nlines == 0)
		imp_problem(im, r->line, vname(r, V_REF),
		    _("order %s has no lines in the item report"), r->ref);
	else if (!r->bad) {
		memset(&in, 0, sizeof in);
		in.channel = r->channel;
		in.ext_ref = r->ref;
		in.ordered_at = *r->date != '\0' ? r->date : NULL;
		in.customer_name = r->customer;
		in.customer_phone = r->phone;
		in.customer_address = r->address;
		in.note = r->note;
		in.lines = r->lines;
		in.nlines = r->nlines;
		st = local_present(r) ? ST_EXISTS
				      : order_bulk_create(r->bulk, &in, &id);
		if (st == ST_OK)
			order_created(r, id);
		else if (st == ST_EXISTS && r->first_new != 0 &&
			 id >= r->first_new)
			imp_problem(im, r->line, vname(r, V_REF),
			    _("order %s appears twice in this import; the "
			      "rows of one order must follow each other"),
			    r->ref);
		else if (st == ST_EXISTS) {
			im->present++;
			if (im->o->dry_run)
				imp_say(im,
				    _("skip order %s (already present)\n"),
				    r->ref);
		} else if (!imp_fault(im, st))
			imp_problem(im, r->line, vname(r, V_REF),
			    _("order %s: %s"), r->ref,
			    *db_errmsg(im->db) ? db_errmsg(im->db)
					       : _(status_message(st)));
	}
	pending_clear(r);
}

/* Join the parts of an address the way Chinese addresses are written;
 * a layout without the part columns (ours) costs one copy. */
static char *
address_read(struct run *r)
{
	static const int parts[] = {
	    V_PROVINCE, V_CITY, V_DISTRICT, V_STREET, V_ADDRESS};
	char *a = NULL, *s, *t;

	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if (r->l->col[parts[i]] < 0)
			continue;
		s = vtext(r, parts[i]);
		if (a == NULL) {
			a = s;
			continue;
		}
		t = xasprintf("%s%s", a, s);
		free(a);
		free(s);
		a = t;
	}
	return a != NULL ? a : xstrdup("");
}

/* The buyer's note, and the seller's after "; " when both are there. */
static char *
note_read(struct run *r)
{
	char *n1 = vtext(r, V_NOTE), *n2, *note;

	if (r->l->col[V_NOTE2] < 0)
		return n1;
	n2 = vtext(r, V_NOTE2);
	note = xasprintf("%s%s%s", n1, *n1 && *n2 ? "; " : "", n2);
	free(n1);
	free(n2);
	return note;
}

/* Start gathering the order ref of the current row. */
static void
order_start(struct run *r, char *ref, char *channel)
{
	struct imp *im = r->im;

	r->open = 1;
	r->ref = ref;
	r->channel = channel;
	r->line = im->line;
	r->date[0] = '\0';
	if (r->l->col[V_DATE] >= 0 &&
	    !imp_date(im, r->l->col[V_DATE], 0, 1, r->date, sizeof r->date))
		r->bad = 1;
	r->customer = vtext(r, V_CUSTOMER);
	r->phone = r->l->col[V_PHONE] >= 0 ? imp_id(im, r->l->col[V_PHONE], 0)
					   : xstrdup("");
	r->address = address_read(r);
	r->note = note_read(r);
	if (r->customer == NULL || r->phone == NULL) {
		r->bad = 1;
		free(r->phone);
		r->phone = xstrdup("");
	}
}

/* Take the lines of a Taobao order from the item report. */
static void
items_take(struct run *r)
{
	struct strmap_entry *e =
	    r->items != NULL ? strmap_get(r->items, r->ref, 0, NULL) : NULL;
	struct item *it;

	if (e == NULL)
		return;
	e->val = 1; /* used */
	for (it = e->ptr; it != NULL; it = it->next) {
		struct order_line_in li = {it->product_id, it->qty, it->price};

		add_line(r, &li);
	}
}

static void
order_row(struct run *r)
{
	struct imp *im = r->im;
	struct order_line_in li;
	char *ref = imp_id(im, r->l->col[V_REF], 1), *channel;

	if (ref == NULL) {
		/* Still check the rest of the row: every problem at once. */
		flush(r);
		if (r->l->col[V_SKU] >= 0)
			line_read(r, &li);
		return;
	}
	channel = r->l->channel != NULL ? xstrdup(r->l->channel)
					: vtext(r, V_CHANNEL);
	if (*channel == '\0') {
		free(channel);
		channel = xstrdup("csv");
	}
	if (r->open &&
	    (strcmp(ref, r->ref) != 0 || strcmp(channel, r->channel) != 0))
		flush(r);
	if (!r->open)
		order_start(r, ref, channel);
	else {
		free(ref);
		free(channel);
	}
	if (r->l->col[V_SKU] < 0) {
		/* An order list without lines: they are in the item report. */
		items_take(r);
		flush(r);
	} else if (line_read(r, &li))
		add_line(r, &li);
	else
		r->bad = 1;
}

/* Keep the lines of a Taobao item report by order number. */
static void
items_load(struct run *r)
{
	struct imp *im = r->im;
	struct order_line_in li;
	struct strmap_entry *e;
	struct item *it, **tail;
	char *ref;

	if (r->items == NULL)
		r->items = strmap_new();
	free(r->items_path);
	r->items_path = xstrdup(im->path);
	while (imp_next(im) > 0) {
		ref = imp_id(im, r->l->col[V_REF], 1);
		if (!line_read(r, &li) || ref == NULL) {
			free(ref);
			continue;
		}
		e = strmap_get(r->items, ref, 1, NULL);
		free(ref);
		it = xcalloc(1, sizeof *it);
		it->line = im->line;
		it->product_id = li.product_id;
		it->qty = li.qty;
		it->price = li.unit_price;
		for (tail = (struct item **)&e->ptr; *tail != NULL;
		     tail = &(*tail)->next)
			;
		*tail = it;
	}
}

/* Report the item rows no order took, then free them. */
static void
items_done(struct strmap_entry *e, void *arg)
{
	struct run *r = arg;
	struct item *it = e->ptr, *next;
	const char *path = r->im->path;

	if (e->val == 0 && it != NULL) {
		char *shown = text_sanitize_str(e->key);

		r->im->path = r->items_path;
		imp_problem(r->im, it->line, NULL,
		    _("order %s is not in the order list"), shown);
		r->im->path = path;
		free(shown);
	}
	for (; it != NULL; it = next) {
		next = it->next;
		free(it);
	}
	e->ptr = NULL;
}

void
imp_orders(struct imp *im, char *const *files, int nfiles)
{
	struct layout *ls = xcalloc((size_t)nfiles, sizeof *ls);
	int *ok = xcalloc((size_t)nfiles, sizeof *ok);
	struct run r;
	int kept = -1; /* the file left open by the first pass */

	memset(&r, 0, sizeof r);
	r.im = im;
	r.skus = strmap_new();
	r.bulk = order_bulk_new(im->db);
	order_bulk_defer_indexes(r.bulk, IMP_DEFER_AFTER, im->o->confirm);
	if (im->o->confirm)
		order_bulk_event_each(r.bulk);
	/* First the item reports, so that their orders find them. */
	for (int i = 0; i < nfiles; i++) {
		ok[i] = open_layout(im, files[i], im->o->from, &ls[i]) == ST_OK;
		if (ok[i] && ls[i].items) {
			r.l = &ls[i];
			items_load(&r);
			ok[i] = 0;
		}
		/* The last file, if it holds orders, stays open for the
		 * second pass when it is the first read there: opening it
		 * again would read it all again to detect its encoding. */
		if (i == nfiles - 1 && ok[i])
			kept = i;
		else
			imp_close(im);
	}
	for (int i = 0; i < nfiles; i++) {
		im->quiet = 1; /* the notes were printed in the first pass */
		if (!ok[i])
			continue;
		if (i != kept &&
		    imp_open(im, files[i], ls[i].spec, ls[i].n, 1) != ST_OK) {
			kept = -1;
			continue;
		}
		kept = -1; /* a later file is opened again */
		r.l = &ls[i];
		while (imp_next(im) > 0)
			order_row(&r);
		flush(&r);
	}
	if (r.items != NULL)
		strmap_each(r.items, items_done, &r);
	/* Only an import that commits needs its indexes back: any other is
	 * rolled back, which restores them. */
	if (im->fault == ST_OK && im->problems == 0 && !im->o->dry_run) {
		enum status st = order_bulk_finish(r.bulk);

		if (st != ST_OK && !imp_fault(im, st))
			im->fault = st; /* never commit without them */
	}
	for (int i = 0; i < nfiles; i++)
		layout_free(&ls[i]);
	pending_clear(&r);
	strmap_free(r.items);
	strmap_free(r.skus);
	order_bulk_free(r.bulk);
	free(r.items_path);
	free(r.lines);
	free(ls);
	free(ok);
}
