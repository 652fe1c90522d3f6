/*
 * product_detail.c - one product: its fields, its stock level and its
 * ledger of moves, newest first (see products.h).  A manager corrects the
 * stock from here (stock_adjust, with a reason).  Everything is read when
 * the screen opens and again after a change, in short read transactions;
 * the ledger rows are held for the screen's life (one product's history).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/product.h"
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

enum { L_DATE, L_KIND, L_QTY, L_BALANCE, L_ORDER, L_CLERK, L_NOTE, NLCOL };

static const struct ui_column ledger_cols[NLCOL] = {
    {N_("When"), 16, 0},
    {N_("Move"), 6, 0},
    {N_("Qty"), 8, UI_COL_RIGHT},
    {N_("Stock after"), 11, UI_COL_RIGHT},
    {N_("Order"), 6, UI_COL_RIGHT},
    {N_("By"), 8, 0},
    {N_("Note"), 0, 0},
};

/* Rows of the info block above the ledger. */
#define INFO_ROWS 5

struct detail {
	long long id;
	struct product p;
	struct stock_level lvl;
	char ***moves; /* newest first, NLCOL cells each */
	size_t nmoves, cap;
	struct ui_table *table;
	int stale;
};

static void
moves_free(struct detail *d)
{
	for (size_t i = 0; i < d->nmoves; i++) {
		for (int j = 0; j < NLCOL; j++)
			free(d->moves[i][j]);
		free(d->moves[i]);
	}
	free(d->moves);
	d->moves = NULL;
	d->nmoves = d->cap = 0;
}

static int
add_move(const struct stock_move_row *m, void *arg)
{
	struct detail *d = arg;
	char buf[NUM_FMT_SIZE], **c = xcalloc(NLCOL, sizeof(*c));

	c[L_DATE] = xstrndup(m->created_at ? m->created_at : "", 16);
	c[L_KIND] = xstrdup(m->kind ? m->kind : "");
	c[L_QTY] = xstrdup(qty_format(m->qty, buf, sizeof buf));
	c[L_BALANCE] = xstrdup(qty_format(m->balance, buf, sizeof buf));
	c[L_ORDER] = m->order_id ? xasprintf("%lld", m->order_id) : xstrdup("");
	c[L_CLERK] = xstrdup(m->actor ? m->actor : "");
	c[L_NOTE] = xstrdup(m->note ? m->note : "");
	if (d->nmoves == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->moves = xrealloc(d->moves, d->cap * sizeof(*d->moves));
	}
	d->moves[d->nmoves++] = c;
	return 0;
}

/* Read the product, its level and its moves again.  -1 when it is gone. */
static int
detail_load(struct ui *ui, struct detail *d)
{
	struct db *db = session_db();
	enum status s;

	product_clear(&d->p);
	moves_free(d);
	s = product_get_by_id(db, d->id, &d->p);
	if (s == ST_OK)
		s = stock_level_get(db, d->id, &d->lvl);
	if (s == ST_OK)
		s = stock_ledger(db, d->id, add_move, d);
	if (s != ST_OK) {
		ui_error(
		    ui, _("Could not read the product: %s"), db_errmsg(db));
		return -1;
	}
	/* Newest first. */
	for (size_t i = 0; i < d->nmoves / 2; i++) {
		char **t = d->moves[i];

		d->moves[i] = d->moves[d->nmoves - 1 - i];
		d->moves[d->nmoves - 1 - i] = t;
	}
	return 0;
}

static int
ledger_fetch(void *ctx, const struct ui_table_query *q, const char *from,
    int dir, int max, struct ui_table_batch *b)
{
	struct detail *d = ctx;
	long i = from ? strtol(from, NULL, 10) + dir
		      : (dir > 0 ? 0 : (long)d->nmoves - 1);

	(void)q;
	for (; i >= 0 && i < (long)d->nmoves && max > 0; i += dir, max--) {
		char key[24];

		snprintf(key, sizeof key, "%ld", i);
		ui_table_batch_add(b, key, (const char *const *)d->moves[i], 0);
	}
	return 0;
}

static int
detail_open(struct ui_view *v, void *arg)
{
	struct detail *d = xcalloc(1, sizeof(*d));

	d->id = *(const long long *)arg;
	if (detail_load(v->ui, d) < 0) {
		product_clear(&d->p);
		moves_free(d);
		free(d);
		return -1;
	}
	d->table = ui_table_new(ledger_cols, NLCOL, ledger_fetch, d);
	ui_table_set_empty(d->table, _("No stock has moved yet."));
	ui_view_set_title(v, _("Product %s"), d->p.sku);
	v->data = d;
	return 0;
}

static void
detail_close(struct ui_view *v)
{
	struct detail *d = v->data;

	ui_table_free(d->table);
	product_clear(&d->p);
	moves_free(d);
	free(d);
}

static void
detail_layout(struct ui_view *v, struct ui_rect r)
{
	struct detail *d = v->data;
	struct ui_rect t = {r.y + INFO_ROWS, r.x, r.h - INFO_ROWS, r.w};

	ui_table_layout(d->table, t);
}

static void
draw_info(const struct detail *d, struct ui_rect r)
{
	char a[NUM_FMT_SIZE], b[NUM_FMT_SIZE], c[NUM_FMT_SIZE], e[NUM_FMT_SIZE];
	int w = r.w - 2;

	ui_putf(r.y, r.x + 1, w, TEXT_LEFT, UI_STYLE_HEADER, "%s  %s", d->p.sku,
	    d->p.name);
	ui_putf(r.y + 1, r.x + 1, w, TEXT_LEFT, UI_STYLE_NORMAL,
	    _("English: %s   Code: %s   Category: %s%s"), d->p.name_en,
	    d->p.short_code, d->p.category,
	    d->p.active ? "" : _("   (inactive)"));
	ui_putf(r.y + 2, r.x + 1, w, TEXT_LEFT, UI_STYLE_NORMAL,
	    _("Unit: %s   Price: %s   Reorder at: %s"), d->p.unit,
	    money_format(d->p.price, a, sizeof a),
	    qty_format(d->p.reorder_level, b, sizeof b));
	ui_putf(r.y + 3, r.x + 1, w, TEXT_LEFT, UI_STYLE_MARK,
	    _("On hand: %s   Reserved: %s   Available: %s   Expired: %s"),
	    qty_format(d->lvl.on_hand, a, sizeof a),
	    qty_format(d->lvl.reserved, b, sizeof b),
	    qty_format(d->lvl.available, c, sizeof c),
	    qty_format(d->lvl.expired, e, sizeof e));
}

static void
detail_draw(struct ui_view *v, struct ui_rect r)
{
	struct detail *d = v->data;

	if (d->stale) {
		d->stale = 0;
		if (detail_load(v->ui, d) == 0) {
			ui_view_set_title(v, _("Product %s"), d->p.sku);
			ui_table_reload(d->table);
		}
	}
	ui_clear_rect((struct ui_rect){r.y, r.x, INFO_ROWS, r.w});
	draw_info(d, r);
	ui_table_draw(d->table);
}

/* Ask for a signed quantity and a reason, then stock_adjust. */
static unsigned
detail_adjust(struct ui_view *v, struct detail *d)
{
	struct db *db = session_db();
	char *qs, *reason;
	int64_t delta = 0;
	enum status s;

	if (!session_is_manager()) {
		ui_error(v->ui, _("Only a manager may correct stock."));
		return UI_HANDLED;
	}
	qs = ui_prompt(v->ui, _("Correct the stock"), _("Add (or -take) qty"),
	    NULL, UI_FIELD_QTY, UI_FIELD_REQUIRED | UI_FIELD_NEGATIVE);
	if (qs == NULL)
		return UI_HANDLED;
	reason = ui_prompt(v->ui, _("Correct the stock"), _("Reason"), NULL,
	    UI_FIELD_TEXT, UI_FIELD_REQUIRED);
	if (reason != NULL && qty_parse(qs, 1, &delta) == NUM_OK) {
		s = stock_adjust(db, d->id, 0, delta, reason);
		if (s == ST_BUSY)
			ui_error(v->ui, _("Another clerk is saving right now; "
					  "nothing was changed. Try again."));
		else if (s != ST_OK)
			ui_error(v->ui, "%s", db_errmsg(db));
		else {
			ui_message(v->ui, _("Stock corrected."));
			d->stale = 1;
		}
	}
	free(qs);
	free(reason);
	return UI_DRAW_ALL;
}

static unsigned
detail_key(struct ui_view *v, const struct ui_event *ev)
{
	struct detail *d = v->data;
	unsigned f = ui_table_key(d->table, ev);

	if (f != UI_UNHANDLED)
		return f;
	switch (ev->act) {
	case UI_ACT_EDIT:
		d->stale = 1;
		product_form_open(v->ui, d->id, NULL, 0);
		return UI_HANDLED;
	case UI_ACT_ADJUST:
		return detail_adjust(v, d);
	default:
		return UI_UNHANDLED;
	}
}

static const enum ui_action detail_actions[] = {UI_ACT_EDIT, UI_ACT_ADJUST,
    UI_ACT_BACK, UI_ACT_HELP, UI_ACT_UP, UI_ACT_DOWN, UI_ACT_PGUP, UI_ACT_PGDN,
    UI_ACT_HOME, UI_ACT_END, UI_ACT_QUIT, UI_ACT_NONE};

const struct screen product_detail_screen = {
    .name = "product",
    .title = N_("Product"),
    .open = detail_open,
    .close = detail_close,
    .layout = detail_layout,
    .draw = detail_draw,
    .key = detail_key,
    .actions = detail_actions,
    .help = N_("One product: its stock and every move of it, newest "
	       "first. e changes the product; a manager corrects the stock "
	       "with a (a negative quantity takes stock away) and a "
	       "reason."),
};
