/*
 * scr_order_new.c - see scr_order_new.h.
 *
 * The customer block is the form widget; the lines live in this screen's
 * memory and are drawn below it.  A line is added through dialogs (a
 * prompt for the product, a choice list when several match, prompts for
 * quantity and price), so the form keeps every printable key: the
 * screen's own actions are on F-keys with Ctrl twins (F3/^T add a line,
 * F8/^Y remove the last, F2/^O save).  Enter on the last field of the
 * customer block adds a line too, which is the natural next step.
 *
 * When the line drops, the hangup callback keeps what was typed as the
 * clerk's order draft (order_draft.h), one "key=value" a line (form
 * values cannot hold a newline: only printable keys reach them); the
 * next New order by the same clerk offers it back.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/order.h"
#include "model/draft.h"
#include "model/customer.h"
#include "model/product.h"
#include "model/stock.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "ui/scr_order_new.h"
#include "ui/scr_orders.h"
#include "ui/session.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/xalloc.h"

/* The channels a clerk takes orders through by hand, stored untranslated. */
static const char *const channels[] = {N_("walk-in"), N_("phone"), N_("wechat"),
    N_("taobao"), N_("pinduoduo"), N_("douyin"), NULL};

enum { F_CHANNEL, F_NAME, F_PHONE, F_ADDRESS, F_NOTE, NFIELDS };

static const struct ui_field_def fields[NFIELDS] = {
    {N_("Channel"), UI_FIELD_CHOICE, 12, UI_FIELD_REQUIRED, channels, NULL,
	NULL},
    {N_("Customer"), UI_FIELD_TEXT, 30, 0, NULL, NULL, NULL},
    {N_("Phone"), UI_FIELD_TEXT, 20, 0, NULL, NULL, NULL},
    {N_("Address"), UI_FIELD_TEXT, 0, 0, NULL, NULL, NULL},
    {N_("Note"), UI_FIELD_TEXT, 0, 0, NULL, NULL, NULL},
};

/* The draft's keys for the fields, in field order. */
static const char *const draft_keys[NFIELDS] = {
    "channel", "name", "phone", "address", "note"};

struct nline {
	long long product_id;
	char *sku, *name, *unit;
	int64_t qty, price, list_price, total;
};

struct onew {
	struct db *db;
	struct ui_form *form;
	struct nline *lines;
	int n;
	int touched; /* the form was filled in for the clerk */
	struct ui_rect r;
};

static const enum ui_action new_actions[] = {UI_ACT_HELP, UI_ACT_SAVE,
    UI_ACT_ADD_LINE, UI_ACT_DEL_LINE, UI_ACT_NEXT_FIELD, UI_ACT_PREV_FIELD,
    UI_ACT_BACK, UI_ACT_NONE};

static int
new_open(struct ui_view *v, void *arg)
{
	struct onew *o = xcalloc(1, sizeof(*o));

	(void)arg;
	o->db = session_db();
	o->form = ui_form_new(fields, NFIELDS);
	ui_form_set(o->form, F_CHANNEL, _(channels[0]));
	v->data = o;
	return 0;
}

static void
lines_free(struct onew *o)
{
	for (int i = 0; i < o->n; i++) {
		free(o->lines[i].sku);
		free(o->lines[i].name);
		free(o->lines[i].unit);
	}
	free(o->lines);
	o->lines = NULL;
	o->n = 0;
}

static void
new_close(struct ui_view *v)
{
	struct onew *o = v->data;

	ui_form_free(o->form);
	lines_free(o);
	free(o);
}

static void
new_layout(struct ui_view *v, struct ui_rect r)
{
	struct onew *o = v->data;

	o->r = r;
	ui_form_layout(
	    o->form, (struct ui_rect){r.y, r.x + 1, NFIELDS, r.w - 2});
}

static int64_t
lines_total(const struct onew *o)
{
	int64_t t = 0;

	for (int i = 0; i < o->n; i++)
		t = t > INT64_MAX - o->lines[i].total ? INT64_MAX
						      : t + o->lines[i].total;
	return t;
}

enum {
	NW_NO = 3,
	NW_SKU = 12,
	NW_QTY = 9,
	NW_UNIT = 6,
	NW_PRICE = 10,
	NW_TOTAL = 11
};

static void
line_row(struct ui_rect r, int y, const char *const *c, enum ui_style st)
{
	int namew = r.w - 2 -
		    (NW_NO + NW_SKU + NW_QTY + NW_UNIT + NW_PRICE + NW_TOTAL) -
		    6 * 2;
	const int w[7] = {
	    NW_NO, NW_SKU, namew, NW_QTY, NW_UNIT, NW_PRICE, NW_TOTAL};
	const enum text_align al[7] = {TEXT_RIGHT, TEXT_LEFT, TEXT_LEFT,
	    TEXT_RIGHT, TEXT_LEFT, TEXT_RIGHT, TEXT_RIGHT};
	int x = r.x + 1;

	for (int i = 0; i < 7; i++) {
		ui_put(y, x, w[i], c[i], al[i], st);
		x += w[i] + 2;
	}
}

static void
new_draw(struct ui_view *v, struct ui_rect r)
{
	struct onew *o = v->data;
	const char *head[7] = {"#", _("SKU"), _("Product"), _("Quantity"),
	    _("Unit"), _("Unit price"), _("Total")};
	int y = r.y + NFIELDS + 2, last = r.y + r.h - 1, first = 0;
	char t[NUM_FMT_SIZE], *s;

	ui_clear_rect(r);
	ui_form_draw(o->form);
	line_row(r, r.y + NFIELDS + 1, head, UI_STYLE_HEADER);
	/* Show the newest lines when they do not all fit. */
	if (o->n > last - y)
		first = o->n - (last - y);
	for (int i = first; i < o->n; i++, y++) {
		const struct nline *l = &o->lines[i];
		char no[16], q[NUM_FMT_SIZE], p[NUM_FMT_SIZE], lt[NUM_FMT_SIZE];
		const char *c[7] = {no, l->sku, l->name,
		    qty_format(l->qty, q, sizeof(q)), l->unit,
		    money_format_grouped(l->price, p, sizeof(p)),
		    money_format_grouped(l->total, lt, sizeof(lt))};

		snprintf(no, sizeof(no), "%d", i + 1);
		line_row(r, y, c, UI_STYLE_NORMAL);
	}
	if (o->n == 0)
		ui_put(y, r.x + 1, r.w - 2,
		    _("No lines yet: F3 or Ctrl-T adds a product."), TEXT_LEFT,
		    UI_STYLE_NORMAL);
	s = xasprintf(P_("%d line   Total: %s", "%d lines   Total: %s", o->n),
	    o->n, money_format_grouped(lines_total(o), t, sizeof(t)));
	ui_put(last, r.x + 1, r.w - 2, s, TEXT_RIGHT, UI_STYLE_HEADER);
	free(s);
}

/* Collect up to max products for the choice list. */
struct picks {
	struct product *p;
	int n, max;
};

static int
pick_row(const struct product_row *row, void *arg)
{
	struct picks *pk = arg;
	struct product *d = &pk->p[pk->n++];

	d->id = row->p.id;
	d->sku = xstrdup(row->p.sku);
	d->name = xstrdup(row->p.name);
	d->unit = xstrdup(row->p.unit);
	d->price = row->p.price;
	d->active = row->p.active;
	return pk->n >= pk->max;
}

#define PICK_MAX 50

/* Choose among products matching typed; 0 with *out filled, or -1. */
static int
choose_product(
    struct ui *ui, struct db *db, const char *typed, struct product *out)
{
	struct picks pk = {
	    xcalloc(PICK_MAX, sizeof(struct product)), 0, PICK_MAX};
	enum status st = product_page(
	    db, typed, PRODUCT_SORT_NAME, 0, NULL, 0, PICK_MAX, pick_row, &pk);
	char **items = NULL;
	long i = -1;

	if (st != ST_OK)
		ui_error(ui, "%s: %s", _(status_message(st)), db_errmsg(db));
	else if (pk.n == 0)
		ui_error(ui, _("No product matches \"%s\""), typed);
	else if (pk.n == 1)
		i = 0;
	else {
		items = xcalloc((size_t)pk.n, sizeof(*items));
		for (int k = 0; k < pk.n; k++) {
			char p[NUM_FMT_SIZE];

			items[k] = xasprintf("%-12s %s  %s/%s", pk.p[k].sku,
			    pk.p[k].name,
			    money_format_grouped(pk.p[k].price, p, sizeof(p)),
			    pk.p[k].unit);
		}
		i = ui_choose(ui, _("Which product?"),
		    (const char *const *)items, (size_t)pk.n);
		for (int k = 0; k < pk.n; k++)
			free(items[k]);
		free(items);
	}
	for (int k = 0; k < pk.n; k++)
		if (k != i)
			product_clear(&pk.p[k]);
	if (i >= 0)
		*out = pk.p[i];
	free(pk.p);
	return i >= 0 ? 0 : -1;
}

/* Ask which product; 0 with *out filled (product_clear it), or -1. */
static int
ask_product(struct ui *ui, struct db *db, struct product *out)
{
	char *typed = ui_prompt(ui, _("Add a line"),
	    _("Product (SKU, short code or name)"), NULL, UI_FIELD_TEXT,
	    UI_FIELD_REQUIRED);
	int rc = -1;

	if (typed == NULL)
		return -1;
	memset(out, 0, sizeof(*out));
	if (product_find_code(db, typed, out) == ST_OK && out->active)
		rc = 0;
	else {
		product_clear(out);
		rc = choose_product(ui, db, typed, out);
	}
	free(typed);
	return rc;
}

/* Ask quantity and price for p; 0 with *qty and *price set, or -1. */
static int
ask_qty_price(
    struct ui_view *v, const struct product *p, int64_t *qty, int64_t *price)
{
	struct onew *o = v->data;
	struct stock_level lv;
	char a[NUM_FMT_SIZE], pr[NUM_FMT_SIZE], *title, *label, *s;
	int rc = -1;

	if (stock_level_get(o->db, p->id, &lv) != ST_OK)
		memset(&lv, 0, sizeof(lv));
	title = xasprintf(_("%s %s: %s %s available"), p->sku, p->name,
	    qty_format(lv.available, a, sizeof(a)), p->unit);
	label = xasprintf(_("Quantity (%s)"), p->unit);
	s = ui_prompt(
	    v->ui, title, label, NULL, UI_FIELD_QTY, UI_FIELD_REQUIRED);
	free(label);
	if (s != NULL && (qty_parse(s, 0, qty) != NUM_OK || *qty <= 0))
		ui_error(v->ui, _("The quantity must be above zero"));
	else if (s != NULL) {
		free(s);
		label = xasprintf(_("Price per %s"), p->unit);
		s = ui_prompt(v->ui, title, label,
		    money_format(p->price, pr, sizeof(pr)), UI_FIELD_MONEY,
		    UI_FIELD_REQUIRED);
		free(label);
		if (s != NULL && money_parse(s, 0, price) == NUM_OK)
			rc = 0;
	}
	free(s);
	free(title);
	return rc;
}

static unsigned
add_line(struct ui_view *v)
{
	struct onew *o = v->data;
	struct product p;
	int64_t qty, price, total;
	struct nline *l;

	if (ask_product(v->ui, o->db, &p) < 0)
		return UI_DRAW_ALL;
	if (ask_qty_price(v, &p, &qty, &price) < 0 ||
	    money_mul_qty(price, qty, &total) != NUM_OK) {
		product_clear(&p);
		return UI_DRAW_ALL;
	}
	o->lines = xrealloc(o->lines, (size_t)(o->n + 1) * sizeof(*o->lines));
	l = &o->lines[o->n++];
	l->product_id = p.id;
	l->sku = xstrdup(p.sku);
	l->name = xstrdup(p.name);
	l->unit = xstrdup(p.unit);
	l->qty = qty;
	l->price = price;
	l->list_price = p.price;
	l->total = total;
	if (price != p.price) {
		char a[NUM_FMT_SIZE], b[NUM_FMT_SIZE];

		ui_message(v->ui,
		    _("Line %d: sale price %s on this order; the price of %s "
		      "stays %s"),
		    o->n, money_format(price, a, sizeof(a)), p.sku,
		    money_format(p.price, b, sizeof(b)));
	}
	product_clear(&p);
	return UI_DRAW_ALL;
}

/* The stored channel for what the field shows (translated or typed). */
static const char *
channel_code(const char *shown)
{
	for (size_t i = 0; channels[i] != NULL; i++)
		if (strcmp(shown, _(channels[i])) == 0)
			return channels[i];
	return shown;
}

/* Create the order from the form; 0 with *id, or -1 (reported). */
static int
create_order(struct ui_view *v, long long *id)
{
	struct onew *o = v->data;
	char *val[NFIELDS];
	struct order_line_in *in = xcalloc((size_t)o->n, sizeof(*in));
	struct order_in oi;
	enum status st;

	for (int i = 0; i < NFIELDS; i++)
		val[i] = ui_form_get(o->form, (size_t)i);
	for (int i = 0; i < o->n; i++)
		in[i] = (struct order_line_in){
		    o->lines[i].product_id, o->lines[i].qty, o->lines[i].price};
	oi = (struct order_in){.channel = channel_code(val[F_CHANNEL]),
	    .customer_name = val[F_NAME],
	    .customer_phone = val[F_PHONE],
	    .customer_address = val[F_ADDRESS],
	    .note = val[F_NOTE],
	    .lines = in,
	    .nlines = o->n};
	st = order_create(o->db, &oi, id);
	if (st != ST_OK)
		ui_error(
		    v->ui, "%s: %s", _(status_message(st)), db_errmsg(o->db));
	for (int i = 0; i < NFIELDS; i++)
		free(val[i]);
	free(in);
	return st == ST_OK ? 0 : -1;
}

static unsigned
save(struct ui_view *v)
{
	struct onew *o = v->data;
	struct ui *ui = v->ui;
	struct db *db = o->db;
	long long id;
	char *q;
	int yes;
	enum status st = ST_OK;

	if (ui_form_check(o->form, ui) < 0)
		return UI_DRAW_BODY;
	if (o->n == 0) {
		ui_error(ui, _("Add at least one line first (F3 or Ctrl-T)"));
		return UI_HANDLED;
	}
	if (create_order(v, &id) < 0)
		return UI_HANDLED;
	orders_changed();
	q = xasprintf(_("Order %lld is saved.  Confirm it now and reserve "
			"its stock?"),
	    id);
	yes = ui_confirm(ui, q);
	free(q);
	if (yes && (st = order_confirm(db, id)) == ST_OK)
		orders_changed();
	/* v is gone after this: only locals from here on. */
	ui_pop(ui);
	order_detail_push(ui, id);
	if (!yes)
		ui_message(ui, _("Order %lld saved as new"), id);
	else if (st == ST_OK)
		ui_message(ui, _("Order %lld saved and confirmed"), id);
	else
		ui_error(ui, _("Order %lld saved but not confirmed: %s: %s"),
		    id, _(status_message(st)), db_errmsg(db));
	return UI_DRAW_ALL;
}

/*
 * After the phone was typed: a phone the cooperative has seen before
 * fills the customer's name and address when they are still empty.
 */
static unsigned
fill_customer(struct ui_view *v)
{
	struct onew *o = v->data;
	char *phone = ui_form_get(o->form, F_PHONE);
	char *name = ui_form_get(o->form, F_NAME);
	char *addr = ui_form_get(o->form, F_ADDRESS);
	struct customer c;
	unsigned f = UI_HANDLED;

	if (customer_find(o->db, phone, &c) == ST_OK) {
		if (name[0] == '\0' && c.name[0] != '\0')
			ui_form_set(o->form, F_NAME, c.name);
		if (addr[0] == '\0' && c.address[0] != '\0')
			ui_form_set(o->form, F_ADDRESS, c.address);
		ui_message(v->ui, _("A customer we know: %s"), c.name);
		o->touched = 1;
		f = UI_DRAW_BODY;
		customer_clear(&c);
	}
	free(phone);
	free(name);
	free(addr);
	return f;
}

/* What was typed, as a draft body.  Caller frees. */
static char *
draft_text(struct onew *o)
{
	char *body = xstrdup(""), *next;

	for (int i = 0; i < NFIELDS; i++) {
		char *val = ui_form_get(o->form, (size_t)i);

		next = xasprintf("%s%s=%s\n", body, draft_keys[i],
		    i == F_CHANNEL ? channel_code(val) : val);
		free(val);
		free(body);
		body = next;
	}
	for (int i = 0; i < o->n; i++) {
		next = xasprintf("%sline=%lld %lld %lld\n", body,
		    o->lines[i].product_id, (long long)o->lines[i].qty,
		    (long long)o->lines[i].price);
		free(body);
		body = next;
	}
	return body;
}

static void
new_hangup(struct ui_view *v)
{
	struct onew *o = v->data;
	char *body;

	if (o->n == 0 && !o->touched && !ui_form_changed(o->form))
		return;
	body = draft_text(o);
	/* Nothing more can be done about a failure now. */
	draft_save(o->db, session_clerk_id(), ORDER_DRAFT_KIND, body);
	free(body);
}

/* Add a line of a draft: "PRODUCT_ID QTY PRICE" (unknown products are
 * skipped: they may have gone since). */
static void
draft_line(struct onew *o, const char *spec)
{
	long long pid, qty, price;
	struct product p;
	struct nline *l;
	int64_t total;

	if (sscanf(spec, "%lld %lld %lld", &pid, &qty, &price) != 3 ||
	    qty <= 0 || price < 0 ||
	    money_mul_qty(price, qty, &total) != NUM_OK)
		return;
	if (product_get_by_id(o->db, pid, &p) != ST_OK)
		return;
	o->lines = xrealloc(o->lines, (size_t)(o->n + 1) * sizeof(*o->lines));
	l = &o->lines[o->n++];
	*l = (struct nline){pid, xstrdup(p.sku), xstrdup(p.name),
	    xstrdup(p.unit), qty, price, p.price, total};
	product_clear(&p);
}

/* Fill the form and the lines from a draft body. */
static void
draft_restore(struct onew *o, const char *body)
{
	const char *p = body;

	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *row = xstrndup(p, len), *eq = strchr(row, '=');

		if (eq != NULL) {
			*eq = '\0';
			if (strcmp(row, "line") == 0)
				draft_line(o, eq + 1);
			for (int i = 0; i < NFIELDS; i++)
				if (strcmp(row, draft_keys[i]) == 0)
					ui_form_set(o->form, (size_t)i,
					    i == F_CHANNEL ? _(eq + 1)
							   : eq + 1);
		}
		free(row);
		p += len + (nl != NULL);
	}
	o->touched = 1;
}

static unsigned
new_key(struct ui_view *v, const struct ui_event *ev)
{
	struct onew *o = v->data;
	size_t before;
	unsigned f;

	/*
	 * Bring what the last key typed into the field buffers now: the
	 * form's window is part of stdscr, and the erase before a dialog or
	 * the help screen is drawn would wipe it before a repost reads it.
	 */
	free(ui_form_get(o->form, 0));
	switch (ev->act) {
	case UI_ACT_ADD_LINE:
		return add_line(v);
	case UI_ACT_DEL_LINE:
		if (o->n > 0) {
			o->n--;
			free(o->lines[o->n].sku);
			free(o->lines[o->n].name);
			free(o->lines[o->n].unit);
		}
		return UI_DRAW_BODY;
	case UI_ACT_SAVE:
		return save(v);
	case UI_ACT_BACK:
		if ((o->n > 0 || o->touched || ui_form_changed(o->form)) &&
		    !ui_confirm(v->ui, _("Throw this order away?")))
			return UI_DRAW_ALL;
		return UI_POP;
	default:
		break;
	}
	before = ui_form_current(o->form);
	f = ui_form_key(o->form, v->ui, ev);
	if (f == UI_UNHANDLED && ev->act == UI_ACT_OPEN)
		return add_line(v); /* Enter on the last field */
	if (before == F_PHONE && ui_form_current(o->form) != F_PHONE)
		f |= fill_customer(v);
	return f;
}

static int
new_cursor(struct ui_view *v)
{
	struct onew *o = v->data;

	return ui_form_cursor(o->form);
}

static const struct screen new_screen = {
    .name = "order-new",
    .title = N_("New order"),
    .open = new_open,
    .close = new_close,
    .layout = new_layout,
    .draw = new_draw,
    .key = new_key,
    .cursor = new_cursor,
    .hangup = new_hangup,
    .actions = new_actions,
    .help = N_("Fill in the customer (Space picks the channel), then add "
	       "the products one line at a time with F3 or Ctrl-T (or Enter "
	       "on the last field): type a SKU, a short code or part of the "
	       "name, then the quantity and the price.  A changed price is a "
	       "sale price for this order only.  F2 or Ctrl-O saves and "
	       "offers to confirm the order."),
};

void
order_new_offer_draft(struct ui *ui, const char *body)
{
	struct ui_view *v;

	if (!ui_confirm(ui, _("You were typing an order when the line "
			      "dropped.  Go on with it?  (n throws it away)")))
		return;
	orders_list_push(ui, ORDERS_ALL);
	v = ui_push(ui, &new_screen, NULL);
	if (v == NULL)
		return;
	draft_restore(v->data, body);
	ui_message(ui, _("The order you were typing is back"));
}

struct ui_view *
order_new_push(struct ui *ui)
{
	return ui_push(ui, &new_screen, NULL);
}
