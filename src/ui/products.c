/*
 * products.c - see products.h.  The list pages through product_page()
 * (keyset: a row's key is "ID\x1fSORTKEY"); the low-stock list walks
 * report_stock(), the same rule as `coopstock report low-stock`, which
 * is short by nature.  The detail screen reads the product, its stock
 * level and its ledger once when it opens (and after a change).
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/product.h"
#include "model/report.h"
#include "model/stock.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/product_form.h"
#include "ui/products.h"
#include "ui/session.h"
#include "ui/table.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/xalloc.h"

enum { C_SKU, C_NAME, C_UNIT, C_PRICE, C_ON_HAND, C_RESERVED, C_AVAIL, NCOL };

static const struct ui_column product_cols[NCOL] = {
    {N_("SKU"), 10, UI_COL_SORTABLE},
    {N_("Name"), 0, UI_COL_SORTABLE},
    {N_("Unit"), 6, 0},
    {N_("Price"), 8, UI_COL_RIGHT},
    {N_("On hand"), 8, UI_COL_RIGHT},
    {N_("Reserved"), 8, UI_COL_RIGHT},
    {N_("Available"), 9, UI_COL_RIGHT},
};

struct plist {
	struct ui_table *table;
	int mode;
	int stale; /* a child screen may have changed rows: refetch */
};

/* A page being filled: rows come ascending; backward pages are added
 * nearest first, so they are kept and added in reverse. */
struct page_acc {
	struct ui_table_batch *b;
	char ***cells;
	char **keys;
	int n, max;
};

static void
row_cells(char **c, const char *sku, const char *name, const char *unit,
    int64_t price, int64_t on_hand, int64_t reserved, int64_t avail)
{
	char buf[NUM_FMT_SIZE];

	c[C_SKU] = xstrdup(sku ? sku : "");
	c[C_NAME] = xstrdup(name ? name : "");
	c[C_UNIT] = xstrdup(unit ? unit : "");
	c[C_PRICE] = price < 0 ? xstrdup("")
			       : xstrdup(money_format(price, buf, sizeof buf));
	c[C_ON_HAND] = xstrdup(qty_format(on_hand, buf, sizeof buf));
	c[C_RESERVED] = xstrdup(qty_format(reserved, buf, sizeof buf));
	c[C_AVAIL] = xstrdup(qty_format(avail, buf, sizeof buf));
}

static void
acc_push(struct page_acc *a, char *key, char **cells)
{
	if (a->n >= a->max) {
		free(key);
		for (int i = 0; i < NCOL; i++)
			free(cells[i]);
		free(cells);
		return;
	}
	a->keys[a->n] = key;
	a->cells[a->n++] = cells;
}

static void
acc_flush(struct page_acc *a, int reverse)
{
	for (int k = 0; k < a->n; k++) {
		int i = reverse ? a->n - 1 - k : k;

		ui_table_batch_add(
		    a->b, a->keys[i], (const char *const *)a->cells[i], 0);
		free(a->keys[i]);
		for (int j = 0; j < NCOL; j++)
			free(a->cells[i][j]);
		free(a->cells[i]);
	}
	free(a->keys);
	free(a->cells);
}

static int
page_row(const struct product_row *row, void *arg)
{
	struct page_acc *a = arg;
	char **c = xcalloc(NCOL, sizeof(*c));

	row_cells(c, row->p.sku, row->p.name, row->p.unit, row->p.price,
	    row->on_hand, row->reserved, row->available);
	acc_push(
	    a, xasprintf("%lld\x1f%s", row->cursor.id, row->cursor.key), c);
	return 0;
}

/* Split a key "ID\x1fSORTKEY" into c (c->key borrowed from key). */
static void
parse_key(const char *key, enum product_sort sort, struct product_cursor *c)
{
	const char *sep = strchr(key, '\x1f');

	c->sort = sort;
	c->id = strtoll(key, NULL, 10);
	c->key = (char *)(sep ? sep + 1 : "");
}

static int
fetch_all(struct ui_view *v, const struct ui_table_query *q, const char *from,
    int dir, struct page_acc *a)
{
	struct db *db = session_db();
	enum product_sort sort =
	    q->sort == C_NAME ? PRODUCT_SORT_NAME : PRODUCT_SORT_SKU;
	struct product_cursor c;
	enum status s;

	if (from)
		parse_key(from, sort, &c);
	s = product_page(db, q->search, sort, 0, from ? &c : NULL, dir < 0,
	    a->max, page_row, a);
	if (s != ST_OK) {
		ui_error(
		    v->ui, _("Could not read the products: %s"), db_errmsg(db));
		return -1;
	}
	return 0;
}

/* The low-stock walk: rows strictly after/before from, by SKU then id. */
struct low_walk {
	struct page_acc *a;
	const char *from_sku;
	long long from_id;
	int dir;
};

static int
low_row(const struct report_stock_row *r, void *arg)
{
	struct low_walk *w = arg;
	char **c;

	if (w->from_sku) {
		int cmp = strcmp(r->sku, w->from_sku);

		if (cmp == 0)
			cmp = r->product_id < w->from_id   ? -1
			      : r->product_id > w->from_id ? 1
							   : 0;
		if ((w->dir > 0 && cmp <= 0) || (w->dir < 0 && cmp >= 0))
			return w->dir < 0; /* past it going backward: stop */
	}
	if (w->dir > 0 && w->a->n >= w->a->max)
		return 1;
	if (w->dir < 0 && w->a->n >= w->a->max) {
		/* Keep the last max rows before from: drop the oldest. */
		free(w->a->keys[0]);
		for (int j = 0; j < NCOL; j++)
			free(w->a->cells[0][j]);
		free(w->a->cells[0]);
		memmove(w->a->keys, w->a->keys + 1,
		    (size_t)(w->a->n - 1) * sizeof(*w->a->keys));
		memmove(w->a->cells, w->a->cells + 1,
		    (size_t)(w->a->n - 1) * sizeof(*w->a->cells));
		w->a->n--;
	}
	c = xcalloc(NCOL, sizeof(*c));
	row_cells(c, r->sku, r->name, r->unit, -1, r->on_hand, r->reserved,
	    r->available);
	acc_push(w->a, xasprintf("%lld\x1f%s", r->product_id, r->sku), c);
	return 0;
}

static int
fetch_low(struct ui_view *v, const char *from, int dir, struct page_acc *a)
{
	struct db *db = session_db();
	struct low_walk w = {a, NULL, 0, dir};
	struct product_cursor c;

	if (from) {
		parse_key(from, PRODUCT_SORT_SKU, &c);
		w.from_sku = c.key;
		w.from_id = c.id;
	}
	if (report_stock(db, 1, low_row, &w) != ST_OK) {
		ui_error(
		    v->ui, _("Could not read the products: %s"), db_errmsg(db));
		return -1;
	}
	return 0;
}

static int
plist_fetch(void *ctx, const struct ui_table_query *q, const char *from,
    int dir, int max, struct ui_table_batch *b)
{
	struct ui_view *v = ctx;
	struct plist *pl = v->data;
	struct page_acc a = {b, NULL, NULL, 0, max};
	int rc;

	a.cells = xcalloc((size_t)max, sizeof(*a.cells));
	a.keys = xcalloc((size_t)max, sizeof(*a.keys));
	if (pl->mode == PRODUCTS_LOW)
		rc = fetch_low(v, from, dir, &a);
	else
		rc = fetch_all(v, q, from, dir, &a);
	acc_flush(&a, dir < 0);
	return rc;
}

static const enum ui_action plist_actions[] = {UI_ACT_OPEN, UI_ACT_FIND,
    UI_ACT_NEW, UI_ACT_EDIT, UI_ACT_SORT, UI_ACT_BACK, UI_ACT_HELP, UI_ACT_UP,
    UI_ACT_DOWN, UI_ACT_PGUP, UI_ACT_PGDN, UI_ACT_HOME, UI_ACT_END, UI_ACT_QUIT,
    UI_ACT_NONE};

/* The low-stock list is short and fixed: no search, no other sort. */
static const enum ui_action plist_low_actions[] = {UI_ACT_OPEN, UI_ACT_EDIT,
    UI_ACT_BACK, UI_ACT_HELP, UI_ACT_UP, UI_ACT_DOWN, UI_ACT_PGUP, UI_ACT_PGDN,
    UI_ACT_HOME, UI_ACT_END, UI_ACT_QUIT, UI_ACT_NONE};

static int
plist_open(struct ui_view *v, void *arg)
{
	struct plist *pl = xcalloc(1, sizeof(*pl));

	pl->mode = (int)(intptr_t)arg;
	v->data = pl;
	pl->table = ui_table_new(product_cols, NCOL, plist_fetch, v);
	if (pl->mode == PRODUCTS_LOW) {
		v->actions = plist_low_actions;
		ui_view_set_title(
		    v, "%s", _("Products at or below reorder level"));
		ui_table_set_empty(pl->table,
		    _("No product is at or below its reorder level."));
	} else
		ui_table_set_empty(pl->table,
		    _("There are no products yet. Press n to add one."));
	return 0;
}

static void
plist_close(struct ui_view *v)
{
	struct plist *pl = v->data;

	ui_table_free(pl->table);
	free(pl);
}

static void
plist_layout(struct ui_view *v, struct ui_rect r)
{
	struct plist *pl = v->data;

	ui_table_layout(pl->table, r);
}

static void
plist_draw(struct ui_view *v, struct ui_rect r)
{
	struct plist *pl = v->data;

	(void)r;
	if (pl->stale) {
		pl->stale = 0;
		ui_table_refresh(pl->table);
	}
	ui_table_draw(pl->table);
}

static long long
current_id(const struct plist *pl)
{
	const char *k = ui_table_current(pl->table);

	return k ? strtoll(k, NULL, 10) : 0;
}

static unsigned
plist_key(struct ui_view *v, const struct ui_event *ev)
{
	struct plist *pl = v->data;
	unsigned f = ui_table_key(pl->table, ev);
	long long id;

	if (f != UI_UNHANDLED)
		return f;
	if (ev->act == UI_ACT_OPEN || ev->act == UI_ACT_NEW ||
	    ev->act == UI_ACT_EDIT)
		pl->stale = 1;
	switch (ev->act) {
	case UI_ACT_OPEN:
		if ((id = current_id(pl)) > 0)
			ui_push(v->ui, &product_detail_screen, &id);
		return UI_HANDLED;
	case UI_ACT_NEW:
		product_form_open(v->ui, 0, NULL, 0);
		return UI_HANDLED;
	case UI_ACT_EDIT:
		if ((id = current_id(pl)) > 0)
			product_form_open(v->ui, id, NULL, 0);
		return UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

static int
plist_cursor(struct ui_view *v)
{
	struct plist *pl = v->data;

	return ui_table_cursor(pl->table);
}

const struct screen products_screen = {
    .name = "products",
    .title = N_("Products"),
    .open = plist_open,
    .close = plist_close,
    .layout = plist_layout,
    .draw = plist_draw,
    .key = plist_key,
    .cursor = plist_cursor,
    .actions = plist_actions,
    .help = N_("All the products with their stock. / then type part of a "
	       "name (Chinese too) or the start of a SKU to narrow the "
	       "list; o sorts by SKU or by name. Enter shows one product "
	       "and its moves; n adds a product, e changes the one under "
	       "the cursor."),
};
