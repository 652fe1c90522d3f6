/*
 * scr_orders.c - see scr_orders.h: the list screen and the detail screen.
 *
 * The list is the table widget over order_list_page(): the row key is the
 * order number, which is also the keyset cursor.  Open lists are kept on
 * a small intrusive list so that orders_changed() can refetch their page
 * and retitle them at once, while they lie under the detail: when the
 * detail closes they are drawn already up to date.  Nothing polls.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/order.h"
#include "model/order_list.h"
#include "sync/template.h"
#include "ui/batch_confirm.h"
#include "ui/dialog.h"
#include "ui/print_order.h"
#include "ui/scr_order_new.h"
#include "ui/scr_orders.h"
#include "ui/session.h"
#include "ui/table.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/xalloc.h"

struct olist;
static struct olist *open_lists;
static int order_action(
    struct ui *ui, struct db *db, long long id, enum ui_action act);
static void list_changed(struct olist *l);

/* The filter choices: index 0 is every order, i + 1 is state i. */
static const char *const filter_labels[ORDER__COUNT + 1] = {N_("All orders"),
    N_("New: to confirm"), N_("Confirmed: to pack"), N_("Packed: to ship"),
    N_("Shipped"), N_("Delivered"), N_("Cancelled"), N_("Returned")};

const char *
orders_status_label(const char *status)
{
	return _(order_status_label(status));
}

const char *
orders_channel_label(const char *channel)
{
	return channel[0] != '\0' ? _(channel) : channel;
}

/* Show a model failure: the status, then the model's reason. */
static void
show_failure(struct ui *ui, struct db *db, enum status st)
{
	const char *why = db_errmsg(db);
	char *both = xasprintf("%s: %s", _(status_message(st)), why);

	/* The model's reason matters most: keep it whole on a narrow line. */
	if (why[0] == '\0')
		ui_error(ui, "%s", _(status_message(st)));
	else if (text_width(both) >= COLS)
		ui_error(ui, "%s", why);
	else
		ui_error(ui, "%s", both);
	free(both);
}

/* ---- the list ---- */

struct olist {
	struct db *db;
	struct ui_view *v;
	struct ui_table *table;
	int status;
	enum order_list_sort sort;
	int sites;          /* show the Site column (another site's orders) */
	struct olist *next; /* open_lists */
};

void
orders_changed(void)
{
	for (struct olist *l = open_lists; l != NULL; l = l->next)
		list_changed(l);
}

enum {
	COL_NO,
	COL_DATE,
	COL_CHANNEL,
	COL_CUSTOMER,
	COL_ITEMS,
	COL_TOTAL,
	COL_STATUS,
	COL_SITE, /* only when there are other sites' orders */
	NCOLS
};

static const struct ui_column list_cols[NCOLS] = {
    {N_("Number"), 6, UI_COL_RIGHT | UI_COL_SORTABLE},
    {N_("Date"), 10, 0},
    {N_("Channel"), 9, 0},
    {N_("Customer"), 0, 0},
    {N_("Lines"), 5, UI_COL_RIGHT},
    {N_("Total"), 10, UI_COL_RIGHT},
    {N_("Status"), 9, 0},
    {N_("Site"), 7, 0},
};

static const enum ui_action list_actions[] = {UI_ACT_HELP, UI_ACT_OPEN,
    UI_ACT_NEW, UI_ACT_FIND, UI_ACT_FILTER, UI_ACT_CONFIRM, UI_ACT_PACK,
    UI_ACT_SHIP, UI_ACT_PRINT, UI_ACT_SORT, UI_ACT_BACK, UI_ACT_UP, UI_ACT_DOWN,
    UI_ACT_PGUP, UI_ACT_PGDN, UI_ACT_HOME, UI_ACT_END, UI_ACT_QUIT,
    UI_ACT_CONFIRM_ALL, UI_ACT_NONE};

struct fetch_ctx {
	struct ui_table_batch *b;
};

static int
list_row(const struct order_list_row *r, void *arg)
{
	struct fetch_ctx *fc = arg;
	char key[24], no[24], date[DATE_SIZE], items[16], total[NUM_FMT_SIZE];
	const char *cells[NCOLS];
	const char *who =
	    r->customer_name[0] ? r->customer_name : r->customer_phone;

	snprintf(key, sizeof(key), "%lld", r->id);
	snprintf(no, sizeof(no), "%lld", r->id);
	snprintf(date, sizeof(date), "%.10s", r->ordered_at);
	snprintf(items, sizeof(items), "%d", r->nlines);
	money_format_grouped(r->total, total, sizeof(total));
	cells[COL_NO] = no;
	cells[COL_DATE] = date;
	cells[COL_CHANNEL] = orders_channel_label(r->channel);
	cells[COL_CUSTOMER] = who;
	cells[COL_ITEMS] = items;
	cells[COL_TOTAL] = total;
	cells[COL_STATUS] = orders_status_label(r->status);
	cells[COL_SITE] = r->site; /* "" for this site's own */
	/* Bold: new orders this site has to confirm. */
	ui_table_batch_add(fc->b, key, cells,
	    strcmp(r->status, "new") == 0 && r->site[0] == '\0' ? UI_ROW_BOLD
								: 0);
	return 0;
}

static struct ui *fetch_ui; /* for errors inside the fetch callback */

static int
list_fetch(void *ctx, const struct ui_table_query *q, const char *from, int dir,
    int max, struct ui_table_batch *b)
{
	struct olist *l = ctx;
	struct order_list_query oq = {l->status, q->search, l->sort};
	struct fetch_ctx fc = {b};
	enum status st = order_list_page(l->db, &oq,
	    from ? strtoll(from, NULL, 10) : 0, dir, max, list_row, &fc);

	if (st != ST_OK) {
		if (fetch_ui)
			show_failure(fetch_ui, l->db, st);
		return -1;
	}
	return 0;
}

static void list_title(struct ui_view *v);

static void
list_changed(struct olist *l)
{
	ui_table_refresh(l->table);
	list_title(l->v);
}

static void
list_title(struct ui_view *v)
{
	struct olist *l = v->data;
	long long n = 0;

	order_list_count(l->db, l->status, &n);
	ui_view_set_title(v, _("Orders: %s (%lld), %s"),
	    _(filter_labels[l->status + 1]), n,
	    l->sort == ORDER_LIST_NEWEST ? _("newest first")
					 : _("oldest first"));
}

/* arg: an enum orders_mode, as (void *)(intptr_t). */
static int
list_open(struct ui_view *v, void *arg)
{
	intptr_t mode = (intptr_t)arg;
	struct olist *l = xcalloc(1, sizeof(*l));

	l->db = session_db();
	l->status =
	    mode > ORDERS_ALL && mode <= ORDERS_RETURNED ? (int)mode - 1 : -1;
	l->sort = l->status < 0 ? ORDER_LIST_NEWEST : ORDER_LIST_OLDEST;
	l->v = v;
	l->next = open_lists;
	open_lists = l;
	if (order_list_has_away(l->db, &l->sites) != ST_OK)
		l->sites = 0;
	l->table = ui_table_new(
	    list_cols, l->sites ? NCOLS : NCOLS - 1, list_fetch, l);
	ui_table_set_empty(l->table, _("No orders here.  n makes a new one."));
	v->data = l;
	fetch_ui = v->ui;
	list_title(v);
	return 0;
}

static void
list_close(struct ui_view *v)
{
	struct olist *l = v->data;
	struct olist **pp = &open_lists;

	while (*pp != NULL && *pp != l)
		pp = &(*pp)->next;
	if (*pp != NULL)
		*pp = l->next;
	ui_table_free(l->table);
	free(l);
}

static void
list_layout(struct ui_view *v, struct ui_rect r)
{
	struct olist *l = v->data;

	ui_table_layout(l->table, r);
}

static void
list_draw(struct ui_view *v, struct ui_rect r)
{
	struct olist *l = v->data;

	ui_table_draw(l->table);
}

static unsigned
list_filter(struct ui_view *v)
{
	struct olist *l = v->data;
	const char *items[ORDER__COUNT + 1];
	long i;

	for (size_t k = 0; k < ORDER__COUNT + 1; k++)
		items[k] = _(filter_labels[k]);
	i = ui_choose(v->ui, _("Show which orders?"), items, ORDER__COUNT + 1);
	if (i < 0)
		return UI_HANDLED;
	l->status = (int)i - 1;
	l->sort = l->status < 0 ? ORDER_LIST_NEWEST : ORDER_LIST_OLDEST;
	ui_table_reload(l->table);
	list_title(v);
	return UI_DRAW_ALL;
}

static unsigned
list_key(struct ui_view *v, const struct ui_event *ev)
{
	struct olist *l = v->data;
	unsigned f;
	const char *cur;

	fetch_ui = v->ui;
	/* o turns the order round, unless it is typed into the search. */
	if (ev->act == UI_ACT_SORT && !ui_table_cursor(l->table)) {
		l->sort = l->sort == ORDER_LIST_NEWEST ? ORDER_LIST_OLDEST
						       : ORDER_LIST_NEWEST;
		ui_table_reload(l->table);
		list_title(v);
		return UI_DRAW_BODY;
	}
	f = ui_table_key(l->table, ev);
	if (f != UI_UNHANDLED)
		return f;
	switch (ev->act) {
	case UI_ACT_OPEN:
		cur = ui_table_current(l->table);
		if (cur != NULL)
			order_detail_push(v->ui, strtoll(cur, NULL, 10));
		return UI_HANDLED;
	case UI_ACT_NEW:
		order_new_push(v->ui);
		return UI_HANDLED;
	case UI_ACT_FILTER:
		return list_filter(v);
	case UI_ACT_CONFIRM_ALL:
		if (batch_confirm_run(v->ui) >= 0)
			orders_changed();
		return UI_DRAW_ALL;
	default:
		break;
	}
	cur = ui_table_current(l->table);
	if (cur == NULL)
		return UI_UNHANDLED;
	/* An action on the row under the cursor: the lists refresh. */
	return order_action(v->ui, l->db, strtoll(cur, NULL, 10), ev->act) < 0
		   ? UI_UNHANDLED
		   : UI_DRAW_ALL;
}

static int
list_cursor(struct ui_view *v)
{
	struct olist *l = v->data;

	return ui_table_cursor(l->table);
}

const struct screen orders_screen = {
    .name = "orders",
    .title = N_("Orders"),
    .open = list_open,
    .close = list_close,
    .layout = list_layout,
    .draw = list_draw,
    .key = list_key,
    .cursor = list_cursor,
    .actions = list_actions,
    .help = N_("All the orders, or those in one state (f chooses which).  "
	       "Enter opens the order under the '>'; c, p, s and w confirm, "
	       "pack, ship it or print its packing slip right from the list; "
	       "n takes a new order; / finds an order by its "
	       "number, the shop's order number, or the customer's name or "
	       "phone; o shows the oldest or the newest first.  Once orders "
	       "came from another site, the Site column names the site that "
	       "took each in: only that site confirms, packs or ships it, so "
	       "the lists to confirm, to pack and to ship hold this site's "
	       "own."),
};

struct ui_view *
orders_list_push(struct ui *ui, int mode)
{
	return ui_push(ui, &orders_screen, (void *)(intptr_t)mode);
}

/* ---- the detail ---- */

struct detail_arg {
	long long id;
};

struct odetail {
	struct db *db;
	long long id;
	struct order *o;
	char *created;  /* "by X at T" */
	char *last;     /* the last event, "" when only created */
	char *shipment; /* "courier tracking on date", "" when none */
	int top;        /* first line shown, when they do not all fit */
	int rows;       /* lines that fit, from the last draw */
};

static const enum ui_action detail_actions[] = {UI_ACT_HELP, UI_ACT_CONFIRM,
    UI_ACT_PACK, UI_ACT_SHIP, UI_ACT_DELIVER, UI_ACT_CANCEL, UI_ACT_RETURN,
    UI_ACT_PRINT, UI_ACT_BACK, UI_ACT_UP, UI_ACT_DOWN, UI_ACT_PGUP, UI_ACT_PGDN,
    UI_ACT_NONE};
/* Another site's order: confirm, pack and ship are that site's. */
static const enum ui_action detail_away_actions[] = {UI_ACT_HELP,
    UI_ACT_DELIVER, UI_ACT_CANCEL, UI_ACT_RETURN, UI_ACT_PRINT, UI_ACT_BACK,
    UI_ACT_UP, UI_ACT_DOWN, UI_ACT_PGUP, UI_ACT_PGDN, UI_ACT_NONE};

static int
event_seen(const struct order_event_row *e, void *arg)
{
	struct odetail *d = arg;
	char *s;

	if (e->from_status[0] == '\0') {
		free(d->created);
		d->created = xasprintf(_("Taken by %s at %s"), e->actor, e->at);
		return 0;
	}
	s = e->note[0]
		? xasprintf(_("%s by %s at %s (%s)"),
		      orders_status_label(e->to_status), e->actor, e->at,
		      e->note)
		: xasprintf(_("%s by %s at %s"),
		      orders_status_label(e->to_status), e->actor, e->at);
	free(d->last);
	d->last = s;
	return 0;
}

static int
shipment_seen(const struct order_shipment_row *sh, void *arg)
{
	struct odetail *d = arg;

	free(d->shipment);
	d->shipment = xasprintf(_("Shipped with %s, tracking %s, on %s"),
	    sh->courier, sh->tracking_no, sh->shipped_on);
	return 0;
}

/* (Re)load the order; on failure keep what was shown and return -1. */
static int
detail_load(struct ui_view *v)
{
	struct odetail *d = v->data;
	struct order *o = NULL;
	enum status st = order_get(d->db, d->id, &o);

	if (st != ST_OK) {
		show_failure(v->ui, d->db, st);
		return -1;
	}
	order_free(d->o);
	d->o = o;
	free(d->created);
	free(d->last);
	free(d->shipment);
	d->created = xstrdup("");
	d->last = xstrdup("");
	d->shipment = xstrdup("");
	order_events(d->db, d->id, event_seen, d);
	order_shipments(d->db, d->id, shipment_seen, d);
	ui_view_set_title(
	    v, _("Order %lld: %s"), d->id, orders_status_label(o->status));
	v->actions =
	    order_fulfils_here(o) ? detail_actions : detail_away_actions;
	return 0;
}

static int
detail_open(struct ui_view *v, void *arg)
{
	const struct detail_arg *a = arg;
	struct odetail *d = xcalloc(1, sizeof(*d));

	d->db = session_db();
	d->id = a->id;
	v->data = d;
	if (detail_load(v) < 0) {
		free(d);
		v->data = NULL;
		return -1;
	}
	return 0;
}

static void
detail_close(struct ui_view *v)
{
	struct odetail *d = v->data;

	if (d == NULL)
		return;
	order_free(d->o);
	free(d->created);
	free(d->last);
	free(d->shipment);
	free(d);
}

/* Draw "Label: value" at y. */
static void
put_field(struct ui_rect r, int y, const char *label, const char *value)
{
	char *l = xasprintf("%s: ", label);
	int lw = text_width(l);

	ui_put(y, r.x + 1, lw, l, TEXT_LEFT, UI_STYLE_HEADER);
	ui_put(
	    y, r.x + 1 + lw, r.w - 2 - lw, value, TEXT_LEFT, UI_STYLE_NORMAL);
	free(l);
}

/* Draw the header; returns the row after it. */
static int
detail_header(const struct odetail *d, struct ui_rect r)
{
	const struct order *o = d->o;
	char *s;
	int y;

	s = xasprintf(_("%s   Shop order: %s"), orders_channel_label(o->channel),
	    o->ext_ref[0] ? o->ext_ref : "-");
	put_field(r, r.y, _("Channel"), s);
	free(s);
	s = xasprintf("%s   %s", o->customer_name, o->customer_phone);
	put_field(r, r.y + 1, _("Customer"), s);
	free(s);
	put_field(r, r.y + 2, _("Address"), o->customer_address);
	put_field(r, r.y + 3, _("Note"), o->note);
	s = xasprintf(_("%s   Ordered: %s"), orders_status_label(o->status),
	    o->ordered_at);
	put_field(r, r.y + 4, _("Status"), s);
	free(s);
	ui_put(r.y + 5, r.x + 1, r.w - 2, d->last[0] ? d->last : d->created,
	    TEXT_LEFT, UI_STYLE_NORMAL);
	if (!order_fulfils_here(o)) {
		s = xasprintf(
		    _("%s, which alone confirms, packs and ships it"), o->site);
		put_field(r, r.y + 6, _("Taken in at"), s);
		free(s);
	}
	y = order_fulfils_here(o) ? r.y + 6 : r.y + 7;
	ui_put(y, r.x + 1, r.w - 2, d->shipment, TEXT_LEFT, UI_STYLE_NORMAL);
	return y + 1;
}

enum { LW_SKU = 12, LW_QTY = 9, LW_UNIT = 6, LW_PRICE = 10, LW_TOTAL = 11 };

/* One line of the lines table; cells in SKU name qty unit price total. */
static void
detail_row(struct ui_rect r, int y, const char *const *c, enum ui_style st)
{
	int namew =
	    r.w - 2 - (LW_SKU + LW_QTY + LW_UNIT + LW_PRICE + LW_TOTAL) - 5 * 2;
	int x = r.x + 1;
	const int w[6] = {LW_SKU, namew, LW_QTY, LW_UNIT, LW_PRICE, LW_TOTAL};
	const enum text_align al[6] = {TEXT_LEFT, TEXT_LEFT, TEXT_RIGHT,
	    TEXT_LEFT, TEXT_RIGHT, TEXT_RIGHT};

	for (int i = 0; i < 6; i++) {
		ui_put(y, x, w[i], c[i], al[i], st);
		x += w[i] + 2;
	}
}

static void
detail_draw(struct ui_view *v, struct ui_rect r)
{
	struct odetail *d = v->data;
	const struct order *o = d->o;
	const char *head[6] = {_("SKU"), _("Product"), _("Quantity"), _("Unit"),
	    _("Unit price"), _("Total")};
	int y, last = r.y + r.h - 2;
	char t[NUM_FMT_SIZE], *s;

	ui_clear_rect(r);
	y = detail_header(d, r);
	detail_row(r, y++, head, UI_STYLE_HEADER);
	d->rows = last - y;
	if (d->top > o->nlines - d->rows)
		d->top = o->nlines - d->rows > 0 ? o->nlines - d->rows : 0;
	for (int i = d->top; i < o->nlines && y < last; i++, y++) {
		const struct order_line *l = &o->lines[i];
		char q[NUM_FMT_SIZE], p[NUM_FMT_SIZE], lt[NUM_FMT_SIZE];
		const char *c[6] = {l->sku, l->name,
		    qty_format(l->qty, q, sizeof(q)), l->unit,
		    money_format_grouped(l->unit_price, p, sizeof(p)),
		    money_format_grouped(l->total, lt, sizeof(lt))};

		detail_row(r, y, c, UI_STYLE_NORMAL);
	}
	if (o->nlines > d->rows)
		ui_putf(last, r.x + 1, r.w / 2, TEXT_LEFT, UI_STYLE_NORMAL,
		    _("Lines %d-%d of %d (Up/Down)"), d->top + 1,
		    d->top + (o->nlines < d->top + d->rows ? o->nlines - d->top
							   : d->rows),
		    o->nlines);
	s = xasprintf(
	    _("Total: %s"), money_format_grouped(o->total, t, sizeof(t)));
	ui_put(last, r.x + 1 + r.w / 2, r.w - 2 - r.w / 2, s, TEXT_RIGHT,
	    UI_STYLE_HEADER);
	free(s);
}

/* Scroll the lines; returns flags, or UI_UNHANDLED for other keys. */
static unsigned
detail_scroll(struct odetail *d, enum ui_action act)
{
	int top = d->top, max = d->o->nlines - d->rows;

	switch (act) {
	case UI_ACT_UP:
		top--;
		break;
	case UI_ACT_DOWN:
		top++;
		break;
	case UI_ACT_PGUP:
		top -= d->rows;
		break;
	case UI_ACT_PGDN:
		top += d->rows;
		break;
	default:
		return UI_UNHANDLED;
	}
	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	if (top == d->top)
		return UI_HANDLED;
	d->top = top;
	return UI_DRAW_BODY;
}

/*
 * The order actions, shared by the list (on the row under the cursor)
 * and the detail.  Each returns 1 when the order changed (the message
 * said so and every open list was refreshed), 0 when nothing changed (the
 * model's refusal shown, or the clerk pressed Esc), -1 for a key that is
 * not an order action.
 */

/* After a transition: say so, refresh the lists. */
static int
act_done(struct ui *ui, struct db *db, enum status st, char *what)
{
	if (st != ST_OK) {
		show_failure(ui, db, st);
		free(what);
		return 0;
	}
	orders_changed();
	ui_message(ui, "%s", what);
	free(what);
	return 1;
}

/* The couriers offered: the courier templates' names, then "other". */
static char *
ask_courier(struct ui *ui)
{
	size_t n = 0, m = 0;
	char **names = template_list(&n);
	const char **items = xcalloc(n + 1, sizeof(*items));
	char *courier = NULL;
	long i;

	for (size_t k = 0; k < n; k++)
		if (strncmp(names[k], "courier-", 8) == 0 &&
		    strcmp(names[k], "courier-generic") != 0)
			items[m++] = names[k] + 8;
	items[m] = _("Another courier (type its name)");
	i = ui_choose(ui, _("Courier"), items, m + 1);
	if (i >= 0 && (size_t)i < m)
		courier = xstrdup(items[i]);
	else if (i >= 0)
		courier = ui_prompt(ui, _("Courier"), _("Courier"), NULL,
		    UI_FIELD_TEXT, UI_FIELD_REQUIRED);
	free(items);
	template_list_free(names);
	return courier;
}

static int
act_ship(struct ui *ui, struct db *db, long long id)
{
	char *courier, *track;
	enum status st;

	courier = ask_courier(ui);
	if (courier == NULL)
		return 0;
	track = ui_prompt(ui, courier, _("Tracking number"), NULL,
	    UI_FIELD_TEXT, UI_FIELD_REQUIRED);
	if (track == NULL) {
		free(courier);
		return 0;
	}
	st = order_ship(db, id, courier, track);
	free(courier);
	free(track);
	return act_done(ui, db, st,
	    xasprintf(_("Order %lld shipped: the stock has left"), id));
}

/* Cancel (return_ 0) or return (1), with a reason. */
static int
act_reason(struct ui *ui, struct db *db, long long id, int return_)
{
	char *why = ui_prompt(ui,
	    return_ ? _("Return the order") : _("Cancel the order"),
	    _("Reason"), NULL, UI_FIELD_TEXT, 0);
	enum status st;

	if (why == NULL)
		return 0;
	st = return_ ? order_return(db, id, why) : order_cancel(db, id, why);
	free(why);
	return act_done(ui, db, st,
	    return_ ? xasprintf(_("Order %lld returned: its goods are back "
				  "in stock"),
			  id)
		    : xasprintf(_("Order %lld cancelled"), id));
}

/* Send the slip of order id at width to path, or to lpr when path is
 * NULL, and say how it went. */
static void
print_slip(
    struct ui *ui, struct db *db, long long id, int width, const char *path)
{
	char *err = NULL;
	int rc = path ? print_order_to_file(db, id, width, path, &err)
		      : print_order_to_lpr(db, id, width, &err);

	if (rc < 0)
		ui_error(ui, "%s", err);
	else if (path)
		ui_message(ui, _("Packing slip written to %s"), path);
	else
		ui_message(ui, _("Packing slip sent to the printer"));
	free(err);
}

static int
act_print(struct ui *ui, struct db *db, long long id)
{
	const char *items[4] = {_("File, 80 columns (A4)"),
	    _("File, 42 columns (receipt printer)"),
	    _("Printer (lpr), 80 columns"), _("Printer (lpr), 42 columns")};
	long i =
	    ui_choose(ui, _("Packing slip"), items, print_have_lpr() ? 4 : 2);
	char *path = NULL, *def;

	if (i < 0)
		return 0;
	if (i < 2) {
		def = print_order_default_path(id);
		path = ui_prompt(ui, _("Packing slip"), _("File"), def,
		    UI_FIELD_TEXT, UI_FIELD_REQUIRED);
		free(def);
		if (path == NULL)
			return 0;
	}
	print_slip(ui, db, id, i % 2 == 0 ? 80 : 42, path);
	free(path);
	return 0;
}

static int
order_action(struct ui *ui, struct db *db, long long id, enum ui_action act)
{
	switch (act) {
	case UI_ACT_CONFIRM:
		return act_done(ui, db, order_confirm(db, id),
		    xasprintf(
			_("Order %lld confirmed: its stock is reserved"), id));
	case UI_ACT_PACK:
		return act_done(ui, db, order_pack(db, id),
		    xasprintf(_("Order %lld packed"), id));
	case UI_ACT_SHIP:
		return act_ship(ui, db, id);
	case UI_ACT_DELIVER:
		return act_done(ui, db, order_deliver(db, id),
		    xasprintf(_("Order %lld delivered"), id));
	case UI_ACT_CANCEL:
		return act_reason(ui, db, id, 0);
	case UI_ACT_RETURN:
		return act_reason(ui, db, id, 1);
	case UI_ACT_PRINT:
		return act_print(ui, db, id);
	default:
		return -1;
	}
}

static unsigned
detail_key(struct ui_view *v, const struct ui_event *ev)
{
	struct odetail *d = v->data;
	unsigned f = detail_scroll(d, ev->act);
	int r;

	if (f != UI_UNHANDLED)
		return f;
	r = order_action(v->ui, d->db, d->id, ev->act);
	if (r < 0)
		return UI_UNHANDLED;
	if (r > 0)
		detail_load(v);
	return UI_DRAW_ALL;
}

static const struct screen detail_screen = {
    .name = "order",
    .title = N_("Order"),
    .open = detail_open,
    .close = detail_close,
    .draw = detail_draw,
    .key = detail_key,
    .actions = detail_actions,
    .help = N_("One order: who bought what.  c confirms it (reserves the "
	       "stock), p marks it packed, s ships it (courier and "
	       "tracking number), d marks it delivered, x cancels it, r "
	       "takes it back as returned; w prints a packing slip.  An "
	       "action that is not allowed now says why on the line below.  "
	       "An order taken in at another site says so: only that site "
	       "confirms, packs or ships it, and its keys are not offered "
	       "here; any site may cancel it."),
};

struct ui_view *
order_detail_push(struct ui *ui, long long id)
{
	struct detail_arg a = {id};

	return ui_push(ui, &detail_screen, &a);
}
