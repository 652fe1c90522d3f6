/*
 * reports.c - see reports.h.  A report is small (one row per product,
 * member or product-day), so the view collects its rows in memory
 * (memrows) and the table widget pages through them.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "sync/report_rows.h"
#include "ui/desk.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "ui/memrows.h"
#include "ui/reports.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/text.h"
#include "util/xalloc.h"

#define RCOLS_MAX 8

/* The report names, as the command line spells them, and their choices. */
static const char *const names[] = {"stock", "low-stock", "sales", "payouts"};
static const char *const choices[] = {
    N_("stock"), N_("low stock"), N_("sales"), N_("payouts"), NULL};

struct report_arg {
	struct db *db;
	const char *name;
	char from[DATE_SIZE], to[DATE_SIZE];
};

/* ---- one report shown ---- */

struct rview {
	struct report_arg a;
	struct memrows rows;
	const struct rrow_col *cols;
	int ncols;
	struct ui_table *table;
};

static void
rv_begin(void *arg, const struct rrow_col *cols, int ncols)
{
	struct rview *r = arg;

	r->cols = cols;
	r->ncols = ncols > RCOLS_MAX ? RCOLS_MAX : ncols;
	memrows_init(&r->rows, (size_t)r->ncols);
}

static int
rv_row(void *arg, const struct rrow_cell *cells, int low)
{
	struct rview *r = arg;
	char *c[RCOLS_MAX];

	(void)low;
	for (int i = 0; i < r->ncols; i++)
		c[i] = rrow_format(r->cols[i].kind, &cells[i], 0);
	memrows_add(&r->rows, (const char *const *)c);
	for (int i = 0; i < r->ncols; i++)
		free(c[i]);
	return 0;
}

/* Columns as wide as their widest cell; names share what is left. */
static struct ui_table *
rv_table(struct rview *r)
{
	struct ui_column cols[RCOLS_MAX];

	for (int i = 0; i < r->ncols; i++) {
		int w = text_width(_(r->cols[i].head));

		for (size_t k = 0; k < r->rows.nrows; k++) {
			int cw = text_width(
			    r->rows.cells[k * r->rows.ncols + (size_t)i]);

			w = cw > w ? cw : w;
		}
		cols[i].title = r->cols[i].head;
		cols[i].flags = r->cols[i].kind == RROW_TEXT ? 0 : UI_COL_RIGHT;
		cols[i].width = w > 14 ? 14 : w;
		if (strcmp(r->cols[i].csv, "name") == 0 ||
		    strcmp(r->cols[i].csv, "village") == 0)
			cols[i].width = 0;
	}
	return ui_table_new(cols, (size_t)r->ncols, memrows_fetch, &r->rows);
}

static const enum ui_action rview_actions[] = {UI_ACT_HELP, UI_ACT_SAVE,
    UI_ACT_FIND, UI_ACT_UP, UI_ACT_DOWN, UI_ACT_PGUP, UI_ACT_PGDN, UI_ACT_HOME,
    UI_ACT_END, UI_ACT_BACK, UI_ACT_NONE};

static int
rview_open(struct ui_view *v, void *arg)
{
	struct rview *r = xcalloc(1, sizeof *r);
	struct rrow_sink sink = {rv_begin, rv_row, r};
	enum status st;

	r->a = *(struct report_arg *)arg;
	st = report_rows(r->a.db, r->a.name, r->a.from, r->a.to, &sink);
	if (st != ST_OK) {
		desk_error(v->ui, r->a.db, st);
		memrows_clear(&r->rows);
		free(r);
		return -1;
	}
	r->table = rv_table(r);
	ui_table_set_empty(r->table, _("This report has no rows."));
	if (strcmp(r->a.name, "sales") == 0)
		ui_view_set_title(v, _("Report: %s, %s to %s"), r->a.name,
		    r->a.from, r->a.to);
	else
		ui_view_set_title(v, _("Report: %s"), r->a.name);
	v->data = r;
	return 0;
}

static void
rview_close(struct ui_view *v)
{
	struct rview *r = v->data;

	ui_table_free(r->table);
	memrows_clear(&r->rows);
	free(r);
}

static void
rview_layout(struct ui_view *v, struct ui_rect rect)
{
	struct rview *r = v->data;

	ui_table_layout(r->table, rect);
}

static void
rview_draw(struct ui_view *v, struct ui_rect rect)
{
	struct rview *r = v->data;

	(void)rect;
	ui_table_draw(r->table);
}

/* Save as CSV to a path the clerk types. */
static void
rview_save(struct ui_view *v, struct rview *r)
{
	char *path = ui_prompt(v->ui, _("Save as CSV"), _("File"), NULL,
	    UI_FIELD_TEXT, UI_FIELD_REQUIRED);
	struct csvw *w = NULL;
	char *err = NULL;
	enum status st, cst;

	if (path == NULL)
		return;
	if (csvw_open(path, 0, &w, &err) != ST_OK) {
		ui_error(v->ui, "%s", err);
		free(err);
		free(path);
		return;
	}
	st = report_rows_csv(r->a.db, r->a.name, r->a.from, r->a.to, w);
	cst = csvw_close(w, &err);
	if (st != ST_OK)
		desk_error(v->ui, r->a.db, st);
	else if (cst != ST_OK)
		ui_error(
		    v->ui, "%s", err != NULL ? err : _(status_message(cst)));
	else
		ui_message(v->ui, _("Saved to %s."), path);
	free(err);
	free(path);
}

static unsigned
rview_key(struct ui_view *v, const struct ui_event *ev)
{
	struct rview *r = v->data;
	unsigned fl = ui_table_key(r->table, ev);

	if (fl != UI_UNHANDLED)
		return fl;
	if (ev->act == UI_ACT_SAVE) {
		rview_save(v, r);
		return UI_DRAW_ALL;
	}
	return UI_UNHANDLED;
}

static int
rview_cursor(struct ui_view *v)
{
	struct rview *r = v->data;

	return ui_table_cursor(r->table);
}

static const struct screen report_view_screen = {
    .name = "report",
    .title = N_("Report"),
    .open = rview_open,
    .close = rview_close,
    .layout = rview_layout,
    .draw = rview_draw,
    .key = rview_key,
    .cursor = rview_cursor,
    .actions = rview_actions,
    .help = N_("F2 saves the report as a CSV file for a spreadsheet."),
};

/* ---- the choice of report ---- */

enum { RF_NAME, RF_FROM, RF_TO, RF_N };

static const struct ui_field_def report_defs[RF_N] = {
    {N_("Report"), UI_FIELD_CHOICE, 12, UI_FIELD_REQUIRED, choices, NULL, NULL},
    {N_("Sales from"), UI_FIELD_DATE, 12, 0, NULL, NULL, NULL},
    {N_("Sales to"), UI_FIELD_DATE, 12, 0, NULL, NULL, NULL},
};

static const enum ui_action rform_actions[] = {UI_ACT_HELP, UI_ACT_SAVE,
    UI_ACT_NEXT_FIELD, UI_ACT_PREV_FIELD, UI_ACT_BACK, UI_ACT_NONE};

struct rform {
	struct db *db;
	struct ui_form *form;
};

static int
rform_open(struct ui_view *v, void *arg)
{
	struct rform *f = xcalloc(1, sizeof *f);
	char today[DATE_SIZE], from[DATE_SIZE];

	f->db = desk_db(arg);
	f->form = ui_form_new(report_defs, RF_N);
	date_today(today, sizeof today);
	date_add_days(today, -29, from, sizeof from);
	ui_form_set(f->form, RF_NAME, _(choices[0]));
	ui_form_set(f->form, RF_FROM, from);
	ui_form_set(f->form, RF_TO, today);
	v->data = f;
	return 0;
}

static void
rform_close(struct ui_view *v)
{
	struct rform *f = v->data;

	ui_form_free(f->form);
	free(f);
}

static void
rform_layout(struct ui_view *v, struct ui_rect r)
{
	struct rform *f = v->data;

	r.y += 2;
	r.h -= 2;
	ui_form_layout(f->form, r);
}

static void
rform_draw(struct ui_view *v, struct ui_rect r)
{
	struct rform *f = v->data;

	ui_put(r.y, r.x + 1, r.w - 2,
	    _("Space changes the report; F2 shows it."), TEXT_LEFT,
	    UI_STYLE_NORMAL);
	ui_form_draw(f->form);
}

static void
rform_show(struct ui_view *v, struct rform *f)
{
	struct report_arg a = {.db = f->db, .name = names[0]};
	char *name = ui_form_get(f->form, RF_NAME);
	char *from = ui_form_get(f->form, RF_FROM);
	char *to = ui_form_get(f->form, RF_TO);

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(name, _(choices[i])) == 0)
			a.name = names[i];
	if (date_parse(from, a.from, sizeof a.from) != NUM_OK)
		date_today(a.from, sizeof a.from);
	if (date_parse(to, a.to, sizeof a.to) != NUM_OK)
		date_today(a.to, sizeof a.to);
	ui_push(v->ui, &report_view_screen, &a);
	free(name);
	free(from);
	free(to);
}

static unsigned
rform_key(struct ui_view *v, const struct ui_event *ev)
{
	struct rform *f = v->data;
	unsigned fl = ui_form_key(f->form, v->ui, ev);

	if (fl != UI_UNHANDLED ||
	    (ev->act != UI_ACT_SAVE && ev->act != UI_ACT_OPEN))
		return fl;
	if (ui_form_check(f->form, v->ui) < 0)
		return UI_DRAW_BODY;
	rform_show(v, f);
	return UI_HANDLED;
}

static int
rform_cursor(struct ui_view *v)
{
	struct rform *f = v->data;

	return ui_form_cursor(f->form);
}

const struct screen reports_screen = {
    .name = "reports",
    .title = N_("Reports"),
    .open = rform_open,
    .close = rform_close,
    .layout = rform_layout,
    .draw = rform_draw,
    .key = rform_key,
    .cursor = rform_cursor,
    .actions = rform_actions,
    .help = N_("Stock, low stock, sales between two dates, and what each "
	       "member is owed.  Space in the first field changes the "
	       "report; F2 shows it; in the report F2 saves it as CSV."),
};
