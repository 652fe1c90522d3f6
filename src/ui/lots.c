/*
 * lots.c - see lots.h.  The list is the lots summary_lots() gives, the
 * same ones Home counts; it is short by nature (lots with stock close to
 * their date), so it is read whole when the screen opens.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/setting.h"
#include "model/summary.h"
#include "ui/app.h"
#include "ui/lots.h"
#include "ui/session.h"
#include "ui/table.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/xalloc.h"

enum { C_DATE, C_DAYS, C_SKU, C_NAME, C_MEMBER, C_QTY, C_UNIT, NCOL };

static const struct ui_column lot_cols[NCOL] = {
    {N_("Best before"), 11, 0},
    {N_("Days"), 5, UI_COL_RIGHT},
    {N_("SKU"), 10, 0},
    {N_("Product"), 0, 0},
    {N_("Member"), 10, 0},
    {N_("On hand"), 8, UI_COL_RIGHT},
    {N_("Unit"), 6, 0},
};

struct lots {
	char ***rows;
	size_t n, cap;
	struct ui_table *table;
};

static int
add_lot(const struct summary_lot *l, void *arg)
{
	struct lots *ls = arg;
	char buf[NUM_FMT_SIZE], **c = xcalloc(NCOL, sizeof(*c));

	c[C_DATE] = xstrdup(l->best_before ? l->best_before : "");
	c[C_DAYS] = xasprintf("%ld", l->days_left);
	c[C_SKU] = xstrdup(l->sku ? l->sku : "");
	c[C_NAME] = xstrdup(l->name ? l->name : "");
	c[C_MEMBER] = xstrdup(l->member ? l->member : "");
	c[C_QTY] = xstrdup(qty_format(l->on_hand, buf, sizeof buf));
	c[C_UNIT] = xstrdup(l->unit ? l->unit : "");
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 16;
		ls->rows = xrealloc(ls->rows, ls->cap * sizeof(*ls->rows));
	}
	ls->rows[ls->n++] = c;
	return 0;
}

static int
lots_fetch(void *ctx, const struct ui_table_query *q, const char *from, int dir,
    int max, struct ui_table_batch *b)
{
	struct lots *ls = ctx;
	long i = from ? strtol(from, NULL, 10) + dir
		      : (dir > 0 ? 0 : (long)ls->n - 1);

	(void)q;
	for (; i >= 0 && i < (long)ls->n && max > 0; i += dir, max--) {
		char key[24];

		snprintf(key, sizeof key, "%ld", i);
		ui_table_batch_add(b, key, (const char *const *)ls->rows[i], 0);
	}
	return 0;
}

static void
lots_free(struct lots *ls)
{
	for (size_t i = 0; i < ls->n; i++) {
		for (int j = 0; j < NCOL; j++)
			free(ls->rows[i][j]);
		free(ls->rows[i]);
	}
	free(ls->rows);
	ui_table_free(ls->table);
	free(ls);
}

static int
lots_open(struct ui_view *v, void *arg)
{
	struct db *db = session_db();
	struct lots *ls = xcalloc(1, sizeof(*ls));
	int expired = (int)(intptr_t)arg == LOTS_EXPIRED;
	char *days = setting_get(db, "near_days", "");
	int near = days[0] ? atoi(days) : SUMMARY_NEAR_DAYS;

	free(days);
	if (summary_lots(db, near < 0 ? 0 : near, expired, add_lot, ls) !=
	    ST_OK) {
		ui_error(
		    v->ui, _("Could not read the lots: %s"), db_errmsg(db));
		lots_free(ls);
		return -1;
	}
	ls->table = ui_table_new(lot_cols, NCOL, lots_fetch, ls);
	ui_table_set_empty(ls->table, _("No lot is in this list."));
	ui_view_set_title(v, "%s",
	    expired ? _("Lots past best-before") : _("Lots near best-before"));
	v->data = ls;
	return 0;
}

static void
lots_close(struct ui_view *v)
{
	lots_free(v->data);
}

static void
lots_layout(struct ui_view *v, struct ui_rect r)
{
	struct lots *ls = v->data;

	ui_table_layout(ls->table, r);
}

static void
lots_draw(struct ui_view *v, struct ui_rect r)
{
	struct lots *ls = v->data;

	(void)r;
	ui_table_draw(ls->table);
}

static unsigned
lots_key(struct ui_view *v, const struct ui_event *ev)
{
	struct lots *ls = v->data;

	return ui_table_key(ls->table, ev);
}

static const enum ui_action lots_actions[] = {UI_ACT_BACK, UI_ACT_HELP,
    UI_ACT_UP, UI_ACT_DOWN, UI_ACT_PGUP, UI_ACT_PGDN, UI_ACT_HOME, UI_ACT_END,
    UI_ACT_QUIT, UI_ACT_NONE};

const struct screen lots_screen = {
    .name = "lots",
    .title = N_("Lots"),
    .open = lots_open,
    .close = lots_close,
    .layout = lots_layout,
    .draw = lots_draw,
    .key = lots_key,
    .actions = lots_actions,
    .help = N_("Lots with stock whose best-before is close (the setting "
	       "near_days, 14 unless set) or already past, soonest first. "
	       "Days is how many days are left."),
};
