/*
 * scr_waves.c - see scr_waves.h.
 *
 * Both screens draw a list of text rows read from the model when they
 * open and after every action (never on a timer); every question is a
 * dialog asked before the model call, so no transaction is open while
 * the clerk answers.  Files are written with the print layer (pick list,
 * slips) and sync/export.h (manifest), as the CLI does.
 */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/wave.h"
#include "print/picklist.h"
#include "print/slip.h"
#include "sync/export.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/scr_orders.h"
#include "ui/scr_waves.h"
#include "ui/session.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Text rows and a cursor; ids[i] is row i's wave (list) or 0. */
struct rows {
	char **v;
	long long *ids;
	size_t n, cap, cur, top;
	long long wave; /* the detail screen's wave */
};

static void
rows_clear(struct rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i]);
	r->n = 0;
}

static void
rows_add(struct rows *r, long long id, char *line)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->v = xrealloc(r->v, r->cap * sizeof(*r->v));
		r->ids = xrealloc(r->ids, r->cap * sizeof(*r->ids));
	}
	r->ids[r->n] = id;
	r->v[r->n++] = line;
}

static void
rows_draw(struct rows *r, struct ui_rect b, const char *head)
{
	int h = b.h - 2;

	ui_clear_rect(b);
	ui_put(b.y, b.x + 1, b.w - 2, head, TEXT_LEFT, UI_STYLE_HEADER);
	if (r->cur >= r->n)
		r->cur = r->n ? r->n - 1 : 0;
	if (r->cur < r->top)
		r->top = r->cur;
	if (h > 0 && r->cur >= r->top + (size_t)h)
		r->top = r->cur - (size_t)h + 1;
	for (int i = 0; i < h && r->top + (size_t)i < r->n; i++) {
		size_t k = r->top + (size_t)i;

		ui_put(b.y + 2 + i, b.x + 1, 1, k == r->cur ? ">" : " ",
		    TEXT_LEFT, UI_STYLE_NORMAL);
		ui_put(b.y + 2 + i, b.x + 3, b.w - 4, r->v[k], TEXT_LEFT,
		    UI_STYLE_NORMAL);
	}
}

static unsigned
rows_move(struct rows *r, enum ui_action a)
{
	if (a == UI_ACT_UP && r->cur > 0)
		r->cur--;
	else if (a == UI_ACT_DOWN && r->cur + 1 < r->n)
		r->cur++;
	else if (a == UI_ACT_PGUP)
		r->cur = r->cur > 10 ? r->cur - 10 : 0;
	else if (a == UI_ACT_PGDN)
		r->cur = r->cur + 10 < r->n ? r->cur + 10 : (r->n ? r->n - 1 : 0);
	else
		return UI_UNHANDLED;
	return UI_DRAW_BODY;
}

static void
rows_close(struct ui_view *v)
{
	struct rows *r = v->data;

	rows_clear(r);
	free(r->v);
	free(r->ids);
	free(r);
}

/* The wave's selector for people: "all", "channel douyin", ... */
static char *
wave_what(const struct wave *w)
{
	switch (w->by) {
	case WAVE_CHANNEL:
		return xasprintf(_("channel %s"), w->filter);
	case WAVE_COURIER:
		return xasprintf(_("courier %s"), w->filter);
	case WAVE_ORDERS:
		return xstrdup(_("orders by hand"));
	default:
		return xstrdup(_("all confirmed"));
	}
}

static int
list_one(const struct wave *w, void *arg)
{
	struct rows *r = arg;
	char *what = wave_what(w);

	rows_add(r, w->id,
	    xasprintf(_("Wave %lld  %s  %s  %d orders: %d to pack, %d packed, "
			"%d shipped"),
		w->id, w->created_at, what, w->norders,
		w->nstatus[ORDER_CONFIRMED], w->nstatus[ORDER_PACKED],
		w->nstatus[ORDER_SHIPPED]));
	free(what);
	return 0;
}

static void
list_read(struct ui *ui, struct rows *r)
{
	struct db *db = session_db();

	rows_clear(r);
	if (wave_list(db, list_one, r) != ST_OK)
		ui_error(ui, "%s", db_errmsg(db));
}

extern const struct screen wave_screen;

static int
waves_open(struct ui_view *v, void *arg)
{
	struct rows *r = xcalloc(1, sizeof(*r));

	(void)arg;
	v->data = r;
	list_read(v->ui, r);
	return 0;
}

static void
waves_draw(struct ui_view *v, struct ui_rect b)
{
	struct rows *r = v->data;

	rows_draw(r, b,
	    r->n ? _("Packing waves, newest first:")
		 : _("No waves yet: press n to make one of the confirmed "
		     "orders."));
}

/* Ask how to choose the orders and make the wave. */
static void
waves_new(struct ui *ui, struct rows *r)
{
	static const char *const ways[] = {N_("All confirmed orders"),
	    N_("One channel's"), N_("One courier's")};
	const char *items[3];
	struct wave_in in = {WAVE_ALL, NULL, NULL, 0};
	struct db *db = session_db();
	char *filter = NULL;
	long long id;
	int count;
	long k;

	for (int i = 0; i < 3; i++)
		items[i] = _(ways[i]);
	k = ui_choose(ui, _("Make a wave of"), items, 3);
	if (k < 0)
		return;
	if (k > 0) {
		filter = ui_prompt(ui, _("New wave"),
		    k == 1 ? _("Channel") : _("Courier"), NULL,
		    UI_FIELD_TEXT, UI_FIELD_REQUIRED);
		if (filter == NULL)
			return;
		in.by = k == 1 ? WAVE_CHANNEL : WAVE_COURIER;
		in.filter = filter;
	}
	if (wave_create(db, &in, &id, &count) == ST_OK)
		ui_message(ui, _("Wave %lld made of %d orders."), id, count);
	else
		ui_error(ui, "%s", db_errmsg(db));
	free(filter);
	list_read(ui, r);
}

static unsigned
waves_key(struct ui_view *v, const struct ui_event *ev)
{
	struct rows *r = v->data;

	switch (ev->act) {
	case UI_ACT_NEW:
		waves_new(v->ui, r);
		return UI_DRAW_ALL;
	case UI_ACT_OPEN:
		if (r->n > 0)
			ui_push(v->ui, &wave_screen,
			    (void *)(intptr_t)r->ids[r->cur]);
		return UI_HANDLED;
	case UI_ACT_REFRESH:
		list_read(v->ui, r);
		return UI_UNHANDLED;
	default:
		return rows_move(r, ev->act);
	}
}

static const enum ui_action waves_actions[] = {UI_ACT_OPEN, UI_ACT_NEW,
    UI_ACT_UP, UI_ACT_DOWN, UI_ACT_PGUP, UI_ACT_PGDN, UI_ACT_REFRESH,
    UI_ACT_HELP, UI_ACT_NONE};

const struct screen waves_screen = {
    .name = "waves",
    .title = N_("Packing waves"),
    .open = waves_open,
    .close = rows_close,
    .draw = waves_draw,
    .key = waves_key,
    .actions = waves_actions,
    .help = N_("A wave is the confirmed orders picked, packed and handed "
	       "to the courier together. n makes a wave of all confirmed "
	       "orders not in a wave yet, or one channel's or courier's. "
	       "Enter opens a wave."),
};

/* One wave: its orders, then its history. */
static int
detail_order(const struct wave_member *m, void *arg)
{
	struct rows *r = arg;

	rows_add(r, 0,
	    xasprintf(_("Order %lld  %s %s  %s  %s %s"), m->order_id,
		orders_channel_label(m->channel), m->ext_ref, m->customer_name,
		orders_status_label(m->status),
		m->tracking_no));
	return 0;
}

static int
detail_event(const struct wave_event *e, void *arg)
{
	struct rows *r = arg;
	char *t;

	switch (e->what) {
	case WAVE_EV_CREATED:
		t = xasprintf(_("%s %s made the wave of %ld orders"), e->at,
		    e->actor, e->norders);
		break;
	case WAVE_EV_PACKED:
		t = xasprintf(_("%s %s packed %ld orders"), e->at, e->actor,
		    e->norders);
		break;
	case WAVE_EV_MANIFEST:
		t = xasprintf(_("%s %s wrote the manifest of %ld orders for "
				"%s to %s"),
		    e->at, e->actor, e->norders, e->courier, e->file);
		break;
	default:
		t = xasprintf(_("%s %s: %ld orders shipped with %s"), e->at,
		    e->actor, e->norders, e->courier);
		break;
	}
	rows_add(r, 0, t);
	return 0;
}

static void
detail_read(struct ui *ui, struct rows *r)
{
	struct db *db = session_db();

	rows_clear(r);
	if (wave_order_list(db, r->wave, detail_order, r) != ST_OK ||
	    (rows_add(r, 0, xstrdup("")),
		rows_add(r, 0, xstrdup(_("History:"))),
		wave_history(db, r->wave, detail_event, r)) != ST_OK)
		ui_error(ui, "%s", db_errmsg(db));
}

static int
detail_open(struct ui_view *v, void *arg)
{
	struct rows *r = xcalloc(1, sizeof(*r));

	r->wave = (long long)(intptr_t)arg;
	v->data = r;
	ui_view_set_title(v, _("Wave %lld"), r->wave);
	detail_read(v->ui, r);
	return 0;
}

static void
detail_draw(struct ui_view *v, struct ui_rect b)
{
	struct rows *r = v->data;
	struct wave w;
	char *head;

	if (wave_get(session_db(), r->wave, &w) != ST_OK) {
		rows_draw(r, b, "");
		return;
	}
	head = xasprintf(_("Wave %lld: %d orders, %d to pack, %d packed, %d "
			   "shipped"),
	    w.id, w.norders, w.nstatus[ORDER_CONFIRMED],
	    w.nstatus[ORDER_PACKED], w.nstatus[ORDER_SHIPPED]);
	rows_draw(r, b, head);
	free(head);
	wave_clear(&w);
}

/* Print the pick list or the slips to a file the clerk names. */
static void
detail_print(struct ui *ui, struct rows *r)
{
	static const char *const what[] = {N_("Pick list"), N_("Packing slips")};
	static const char *const widths[] = {N_("80 columns (A4)"),
	    N_("42 columns (receipt printer)")};
	const char *items[2];
	char *path, *def;
	long k, wk;
	FILE *f;
	enum status s;
	int count = 0;

	for (int i = 0; i < 2; i++)
		items[i] = _(what[i]);
	if ((k = ui_choose(ui, _("Print"), items, 2)) < 0)
		return;
	for (int i = 0; i < 2; i++)
		items[i] = _(widths[i]);
	if ((wk = ui_choose(ui, _("Width"), items, 2)) < 0)
		return;
	def = xasprintf(k == 0 ? "wave-%lld-picklist.txt" : "wave-%lld-slips.txt",
	    r->wave);
	path = ui_prompt(ui, _("Print to a file"), _("File"), def,
	    UI_FIELD_TEXT, UI_FIELD_REQUIRED);
	free(def);
	if (path == NULL)
		return;
	if ((f = fopen(path, "w")) == NULL) {
		ui_error(ui, _("Cannot write %s: %s"), path, strerror(errno));
		free(path);
		return;
	}
	s = k == 0 ? picklist_print(session_db(), r->wave, wk ? 42 : 80, f)
		   : slip_print_wave(session_db(), r->wave, wk ? 42 : 80, f,
			 &count);
	if (fclose(f) != 0 && s == ST_OK)
		ui_error(ui, _("Cannot write %s: %s"), path, strerror(errno));
	else if (s != ST_OK)
		ui_error(ui, "%s", db_errmsg(session_db()));
	else
		ui_message(ui, _("Written to %s."), path);
	free(path);
}

static void
detail_pack(struct ui *ui, struct rows *r)
{
	struct db *db = session_db();
	char *q = xasprintf(_("Mark every order of wave %lld packed?"), r->wave);
	int n = 0;

	if (ui_confirm(ui, q)) {
		if (wave_mark_packed(db, r->wave, &n) == ST_OK)
			ui_message(ui, _("%d orders packed."), n);
		else
			ui_error(ui, "%s", db_errmsg(db));
	}
	free(q);
	detail_read(ui, r);
}

/* The courier manifest, through the export the CLI uses. */
static void
detail_manifest(struct ui *ui, struct rows *r)
{
	struct export_opts o = {0, NULL, r->wave};
	char *courier, *path, *def, *err = NULL;
	FILE *notes;

	courier = ui_prompt(ui, _("Courier manifest"),
	    _("Courier template (empty: generic)"), NULL, UI_FIELD_TEXT, 0);
	if (courier == NULL)
		return;
	def = xasprintf("wave-%lld-manifest.csv", r->wave);
	path = ui_prompt(ui, _("Courier manifest"), _("File"), def,
	    UI_FIELD_TEXT, UI_FIELD_REQUIRED);
	free(def);
	if (path != NULL) {
		o.courier = courier[0] ? courier : NULL;
		notes = fopen("/dev/null", "w");
		if (export_run(session_db(), "manifest", path, &o, notes,
			&err) == ST_OK)
			ui_message(ui, _("Manifest written to %s."), path);
		else
			ui_error(ui, "%s", err ? err : "");
		if (notes != NULL)
			fclose(notes);
	}
	free(err);
	free(path);
	free(courier);
	detail_read(ui, r);
}

static unsigned
detail_key(struct ui_view *v, const struct ui_event *ev)
{
	struct rows *r = v->data;

	switch (ev->act) {
	case UI_ACT_PRINT:
		detail_print(v->ui, r);
		return UI_DRAW_ALL;
	case UI_ACT_PACK:
		detail_pack(v->ui, r);
		return UI_DRAW_ALL;
	case UI_ACT_MANIFEST:
		detail_manifest(v->ui, r);
		return UI_DRAW_ALL;
	case UI_ACT_REFRESH:
		detail_read(v->ui, r);
		return UI_UNHANDLED;
	default:
		return rows_move(r, ev->act);
	}
}

static const enum ui_action detail_actions[] = {UI_ACT_PRINT, UI_ACT_PACK,
    UI_ACT_MANIFEST, UI_ACT_UP, UI_ACT_DOWN, UI_ACT_PGUP, UI_ACT_PGDN,
    UI_ACT_REFRESH, UI_ACT_HELP, UI_ACT_NONE};

const struct screen wave_screen = {
    .name = "wave",
    .title = N_("Wave"),
    .open = detail_open,
    .close = rows_close,
    .draw = detail_draw,
    .key = detail_key,
    .actions = detail_actions,
    .help = N_("A wave's orders and its history. w prints the pick list "
	       "(totalled by product and lot) or the packing slips to a "
	       "file, 80 or 42 columns wide. p marks every order of the wave "
	       "packed. m writes the courier manifest of its packed orders."),
};
