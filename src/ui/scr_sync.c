/*
 * scr_sync.c - see scr_sync.h.  The menu is drawn text with one-letter
 * keys; every step is a dialog (choose a peer, type a folder, confirm the
 * preview), so the flow reads like the CSV import: check, preview, then
 * apply on a yes.  The two lists are short (a manager clears them), so
 * they are read whole into memory and paged from there by the table.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/syncstate.h"
#include "sync/bundle.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/products.h"
#include "ui/scr_sync.h"
#include "ui/session.h"
#include "ui/table.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/xalloc.h"

/* The kinds of rows as a clerk reads them, in enum replica_kind order. */
static const char *const kind_labels[REPLICA__COUNT] = {N_("products"),
    N_("members"), N_("field changes"), N_("lots"), N_("orders"),
    N_("order lines"), N_("stock moves"), N_("order events"), N_("shipments"),
    N_("payments")};

int
sync_oversold_count(void)
{
	int n = 0;

	if (syncstate_oversold(session_db(), NULL, NULL, &n) != ST_OK)
		return 0;
	return n;
}

static void
conflict_none(const struct syncstate_conflict_row *r, void *arg)
{
	(void)r;
	(void)arg;
}

int
sync_conflicts_count(void)
{
	int n = 0;

	if (syncstate_conflicts(session_db(), conflict_none, NULL, &n) != ST_OK)
		return 0;
	return n;
}

/* ---- a list held in memory, paged by the table ---- */

struct memlist {
	size_t ncols, n, cap;
	char **cells;   /* n * ncols strings */
	long long *ids; /* n ids */
	struct ui_table *table;
	int (*load)(struct memlist *m); /* fill (after memlist_reset) */
	int stale; /* read again at the next draw (back from a product) */
};

static void
memlist_reset(struct memlist *m)
{
	for (size_t i = 0; i < m->n * m->ncols; i++)
		free(m->cells[i]);
	m->n = 0;
}

static void
memlist_add(struct memlist *m, long long id, const char *const *cells)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 16;
		m->cells =
		    xrealloc(m->cells, m->cap * m->ncols * sizeof(char *));
		m->ids = xrealloc(m->ids, m->cap * sizeof(long long));
	}
	for (size_t c = 0; c < m->ncols; c++)
		m->cells[m->n * m->ncols + c] =
		    xstrdup(cells[c] ? cells[c] : "");
	m->ids[m->n++] = id;
}

static void
memlist_free(struct memlist *m)
{
	memlist_reset(m);
	free(m->cells);
	free(m->ids);
	ui_table_free(m->table);
	free(m);
}

static int
memlist_fetch(void *ctx, const struct ui_table_query *q, const char *from,
    int dir, int max, struct ui_table_batch *b)
{
	struct memlist *m = ctx;
	long i = from ? strtol(from, NULL, 10) + dir
		      : (dir > 0 ? 0 : (long)m->n - 1);
	char key[24];

	(void)q;
	for (int k = 0; k < max && i >= 0 && i < (long)m->n; k++, i += dir) {
		snprintf(key, sizeof(key), "%ld", i);
		ui_table_batch_add(b, key,
		    (const char *const *)&m->cells[(size_t)i * m->ncols], 0);
	}
	return 0;
}

/* The id of the row under the cursor, or 0. */
static long long
memlist_current(struct memlist *m)
{
	const char *cur = ui_table_current(m->table);
	long i = cur ? strtol(cur, NULL, 10) : -1;

	return i >= 0 && i < (long)m->n ? m->ids[i] : 0;
}

static void
memlist_layout(struct ui_view *v, struct ui_rect r)
{
	struct memlist *m = v->data;

	ui_table_layout(m->table, r);
}

static void
memlist_draw(struct ui_view *v, struct ui_rect r)
{
	struct memlist *m = v->data;

	(void)r;
	if (m->stale) {
		m->stale = 0;
		m->load(m);
		ui_table_reload(m->table);
	}
	ui_table_draw(m->table);
}

static void
memlist_close(struct ui_view *v)
{
	memlist_free(v->data);
}

static int
memlist_cursor(struct ui_view *v)
{
	struct memlist *m = v->data;

	return ui_table_cursor(m->table);
}

static struct memlist *
memlist_new(
    const struct ui_column *cols, size_t ncols, int (*load)(struct memlist *m))
{
	struct memlist *m = xcalloc(1, sizeof(*m));

	m->ncols = ncols;
	m->load = load;
	m->table = ui_table_new(cols, ncols, memlist_fetch, m);
	return m;
}

/* ---- conflicts ---- */

enum { CC_WHAT, CC_FIELD, CC_KEPT, CC_LOST, CC_SITES, CC_WHEN, NCC };

static const struct ui_column conflict_cols[NCC] = {
    {N_("Product/member"), 14, 0},
    {N_("Field"), 10, 0},
    {N_("Kept"), 0, 0},
    {N_("Lost"), 0, 0},
    {N_("Sites: kept/lost"), 18, 0},
    {N_("When"), 10, 0},
};

/* A stored value as a clerk reads it: prices in yuan, levels in units. */
static const char *
field_value(const struct syncstate_conflict_row *r, const char *v, char *buf,
    size_t size)
{
	long long n;
	char *end;

	if (v == NULL || strcmp(r->entity, "product") != 0 ||
	    (strcmp(r->field, "price") != 0 &&
		strcmp(r->field, "reorder_level") != 0))
		return v;
	n = strtoll(v, &end, 10);
	if (end == v || *end != '\0')
		return v;
	return strcmp(r->field, "price") == 0 ? money_format(n, buf, size)
					      : qty_format(n, buf, size);
}

/* The site of "clerk@site" (the whole text when there is no '@'). */
static const char *
site_of(const char *by)
{
	const char *at = strrchr(by, '@');

	return at ? at + 1 : by;
}

static void
conflict_row(const struct syncstate_conflict_row *r, void *arg)
{
	struct memlist *m = arg;
	char *what = xasprintf("%s %s", _(r->entity), r->ref);
	char *sites =
	    xasprintf("%s/%s", site_of(r->kept_by), site_of(r->lost_by));
	char when[DATE_SIZE], a[NUM_FMT_SIZE], b[NUM_FMT_SIZE];
	const char *cells[NCC];

	snprintf(when, sizeof(when), "%.10s", r->noted_at);
	cells[CC_WHAT] = what;
	cells[CC_FIELD] = r->field;
	cells[CC_KEPT] = field_value(r, r->kept_value, a, sizeof(a));
	cells[CC_LOST] = field_value(r, r->lost_value, b, sizeof(b));
	cells[CC_SITES] = sites;
	cells[CC_WHEN] = when;
	memlist_add(m, r->id, cells);
	free(what);
	free(sites);
}

static int
conflicts_load(struct memlist *m)
{
	memlist_reset(m);
	return syncstate_conflicts(session_db(), conflict_row, m, NULL) == ST_OK
		   ? 0
		   : -1;
}

static void
conflicts_title(struct ui_view *v)
{
	struct memlist *m = v->data;

	ui_view_set_title(v, _("Conflicts (%zu): m marks one resolved"), m->n);
}

static int
conflicts_open(struct ui_view *v, void *arg)
{
	struct memlist *m = memlist_new(conflict_cols, NCC, conflicts_load);

	(void)arg;
	if (m->load(m) < 0)
		ui_error(v->ui, _("Could not read the conflicts: %s"),
		    db_errmsg(session_db()));
	ui_table_set_empty(m->table, _("No conflicts to look at."));
	v->data = m;
	conflicts_title(v);
	return 0;
}

static unsigned
conflict_resolve(struct ui_view *v, struct memlist *m)
{
	struct db *db = session_db();
	long long id = memlist_current(m);
	enum status st;

	if (id == 0)
		return UI_HANDLED;
	st = syncstate_conflict_resolve(db, id);
	if (st == ST_DENIED) {
		ui_error(v->ui, "%s",
		    _("Only a manager may mark a conflict resolved."));
		return UI_HANDLED;
	}
	if (st != ST_OK) {
		ui_error(v->ui, "%s: %s", _(status_message(st)), db_errmsg(db));
		return UI_HANDLED;
	}
	m->load(m);
	ui_table_reload(m->table);
	conflicts_title(v);
	ui_message(v->ui, "%s", _("Marked resolved."));
	return UI_DRAW_ALL;
}

static unsigned
conflicts_key(struct ui_view *v, const struct ui_event *ev)
{
	struct memlist *m = v->data;
	unsigned f = ui_table_key(m->table, ev);

	if (f != UI_UNHANDLED)
		return f;
	if (ev->key == 'm' && !ui_table_cursor(m->table))
		return conflict_resolve(v, m);
	return UI_UNHANDLED;
}

static const enum ui_action list_actions[] = {UI_ACT_HELP, UI_ACT_OPEN,
    UI_ACT_BACK, UI_ACT_UP, UI_ACT_DOWN, UI_ACT_PGUP, UI_ACT_PGDN, UI_ACT_HOME,
    UI_ACT_END, UI_ACT_QUIT, UI_ACT_NONE};

const struct screen conflicts_screen = {
    .name = "conflicts",
    .title = N_("Conflicts"),
    .open = conflicts_open,
    .close = memlist_close,
    .layout = memlist_layout,
    .draw = memlist_draw,
    .key = conflicts_key,
    .cursor = memlist_cursor,
    .actions = list_actions,
    .help = N_("Both sites changed the same field while apart: the later "
	       "value was kept, the other is shown as lost.  Check it, edit "
	       "the product or member if the kept value is wrong, then press "
	       "m to mark the conflict resolved (manager)."),
};

/* ---- oversold ---- */

enum { OC_SKU, OC_NAME, OC_ON_HAND, OC_RESERVED, OC_UNIT, NOC };

static const struct ui_column oversold_cols[NOC] = {
    {N_("SKU"), 12, 0},
    {N_("Name"), 0, 0},
    {N_("On hand"), 10, UI_COL_RIGHT},
    {N_("Reserved"), 10, UI_COL_RIGHT},
    {N_("Unit"), 6, 0},
};

static void
oversold_row(const struct syncstate_oversold_row *r, void *arg)
{
	struct memlist *m = arg;
	char on[NUM_FMT_SIZE], res[NUM_FMT_SIZE];
	const char *cells[NOC];

	qty_format(r->on_hand, on, sizeof(on));
	qty_format(r->reserved, res, sizeof(res));
	cells[OC_SKU] = r->sku;
	cells[OC_NAME] = r->name;
	cells[OC_ON_HAND] = on;
	cells[OC_RESERVED] = res;
	cells[OC_UNIT] = r->unit;
	memlist_add(m, r->product_id, cells);
}

static int
oversold_load(struct memlist *m)
{
	memlist_reset(m);
	return syncstate_oversold(session_db(), oversold_row, m, NULL) == ST_OK
		   ? 0
		   : -1;
}

static int
oversold_open(struct ui_view *v, void *arg)
{
	struct memlist *m = memlist_new(oversold_cols, NOC, oversold_load);

	(void)arg;
	if (m->load(m) < 0)
		ui_error(v->ui, _("Could not read the products: %s"),
		    db_errmsg(session_db()));
	ui_table_set_empty(m->table, _("No product is oversold."));
	v->data = m;
	ui_view_set_title(v, _("Oversold products (%zu)"), m->n);
	return 0;
}

static unsigned
oversold_key(struct ui_view *v, const struct ui_event *ev)
{
	struct memlist *m = v->data;
	unsigned f = ui_table_key(m->table, ev);
	long long id;

	if (f != UI_UNHANDLED)
		return f;
	if (ev->act == UI_ACT_OPEN && (id = memlist_current(m)) > 0) {
		/* Read again when the manager comes back from adjusting. */
		m->stale = 1;
		ui_push(v->ui, &product_detail_screen, &id);
		return UI_HANDLED;
	}
	return UI_UNHANDLED;
}

const struct screen oversold_screen = {
    .name = "oversold",
    .title = N_("Oversold products"),
    .open = oversold_open,
    .close = memlist_close,
    .layout = memlist_layout,
    .draw = memlist_draw,
    .key = oversold_key,
    .cursor = memlist_cursor,
    .actions = list_actions,
    .help = N_("Both sites sold the same stock while apart, so these "
	       "products have less on hand than zero or than is reserved.  "
	       "Count the shelf, then press Enter to open the product and a "
	       "to adjust its stock (manager)."),
};

/* ---- the menu: export, import ---- */

struct syncmenu {
	char *peers; /* "name (bundle N sent, M merged)" lines */
	int conflicts, oversold;
};

static void
peer_line(const struct syncstate_peer_row *r, void *arg)
{
	char **s = arg;
	char *line = xasprintf(_("  %s: our bundle %lld sent, its bundle %lld "
				 "merged %s\n"),
	    r->name, r->sent_seq, r->applied_seq, r->applied_at);
	char *all = xasprintf("%s%s", *s, line);

	free(line);
	free(*s);
	*s = all;
}

static void
syncmenu_read(struct syncmenu *s)
{
	free(s->peers);
	s->peers = xstrdup("");
	syncstate_peers(session_db(), peer_line, &s->peers);
	s->conflicts = sync_conflicts_count();
	s->oversold = sync_oversold_count();
}

static int
syncmenu_open(struct ui_view *v, void *arg)
{
	struct syncmenu *s = xcalloc(1, sizeof(*s));

	(void)arg;
	syncmenu_read(s);
	v->data = s;
	return 0;
}

static void
syncmenu_close(struct ui_view *v)
{
	struct syncmenu *s = v->data;

	free(s->peers);
	free(s);
}

static void
syncmenu_draw(struct ui_view *v, struct ui_rect r)
{
	struct syncmenu *s = v->data;
	size_t n;
	char **lines;
	int y = r.y + 9;

	syncmenu_read(s);
	ui_clear_rect(r);
	ui_put(r.y, r.x + 1, r.w - 2, _("Sync with another site:"), TEXT_LEFT,
	    UI_STYLE_HEADER);
	ui_put(r.y + 2, r.x + 3, 1, "e", TEXT_LEFT, UI_STYLE_KEY);
	ui_put(r.y + 2, r.x + 6, r.w - 8, _("Export a bundle for another site"),
	    TEXT_LEFT, UI_STYLE_NORMAL);
	ui_put(r.y + 3, r.x + 3, 1, "i", TEXT_LEFT, UI_STYLE_KEY);
	ui_put(r.y + 3, r.x + 6, r.w - 8,
	    _("Import a bundle from a folder (manager)"), TEXT_LEFT,
	    UI_STYLE_NORMAL);
	ui_put(r.y + 4, r.x + 3, 1, "c", TEXT_LEFT, UI_STYLE_KEY);
	ui_putf(r.y + 4, r.x + 6, r.w - 8, TEXT_LEFT,
	    s->conflicts ? UI_STYLE_MARK : UI_STYLE_NORMAL,
	    _("Conflicts to look at: %d"), s->conflicts);
	ui_put(r.y + 5, r.x + 3, 1, "v", TEXT_LEFT, UI_STYLE_KEY);
	ui_putf(r.y + 5, r.x + 6, r.w - 8, TEXT_LEFT,
	    s->oversold ? UI_STYLE_MARK : UI_STYLE_NORMAL,
	    _("Oversold products: %d"), s->oversold);
	ui_put(r.y + 7, r.x + 1, r.w - 2,
	    s->peers[0] ? _("Known sites:") : _("No other site is known yet."),
	    TEXT_LEFT, UI_STYLE_HEADER);
	lines = ui_wrap(s->peers, r.w - 2, &n);
	for (size_t i = 0; i < n && y < r.y + r.h; i++, y++)
		ui_put(
		    y, r.x + 1, r.w - 2, lines[i], TEXT_LEFT, UI_STYLE_NORMAL);
	ui_wrap_free(lines, n);
}

struct peer_names {
	char **names;
	size_t n;
};

static void
peer_name(const struct syncstate_peer_row *r, void *arg)
{
	struct peer_names *p = arg;

	p->names = xrealloc(p->names, (p->n + 1) * sizeof(char *));
	p->names[p->n++] = xstrdup(r->name);
}

/* Ask which site to send to: a known one, or a typed name.  NULL: Esc. */
static char *
ask_peer(struct ui *ui)
{
	struct peer_names p = {NULL, 0};
	const char **items;
	char *peer = NULL;
	long i;

	syncstate_peers(session_db(), peer_name, &p);
	items = xmalloc((p.n + 1) * sizeof(char *));
	for (size_t k = 0; k < p.n; k++)
		items[k] = p.names[k];
	items[p.n] = _("Another site: type its name");
	i = p.n ? ui_choose(ui, _("Send to which site?"), items, p.n + 1)
		: (long)p.n;
	if (i >= 0 && (size_t)i < p.n)
		peer = xstrdup(p.names[i]);
	else if (i >= 0)
		peer = ui_prompt(ui, _("Send to which site?"), _("Site name:"),
		    NULL, UI_FIELD_TEXT, 0);
	for (size_t k = 0; k < p.n; k++)
		free(p.names[k]);
	free(p.names);
	free(items);
	return peer;
}

static unsigned
sync_export(struct ui_view *v)
{
	struct bundle_counts c;
	char *peer = ask_peer(v->ui), *dir = NULL, *err = NULL;
	enum status st;

	if (peer == NULL || peer[0] == '\0')
		goto out;
	dir = ui_prompt(
	    v->ui, _("Export a bundle"), _("Folder:"), NULL, UI_FIELD_TEXT, 0);
	if (dir == NULL || dir[0] == '\0')
		goto out;
	st = bundle_export(session_db(), peer, dir, 0, &c, &err);
	if (st != ST_OK)
		ui_error(v->ui, "%s", err ? err : _(status_message(st)));
	else
		ui_message(v->ui,
		    _("Bundle %lld for %s written to %s: %ld rows."), c.seq,
		    c.peer ? c.peer : peer, dir, c.rows_total);
	bundle_counts_clear(&c);
out:
	free(err);
	free(peer);
	free(dir);
	return UI_DRAW_ALL;
}

/* The preview as a clerk reads it, ending in the question. */
static char *
preview_text(const struct bundle_counts *c)
{
	char *s = xasprintf(
	    _("Bundle %lld from %s:\n"), c->seq, c->peer ? c->peer : "");
	char *t;

	for (int k = 0; k < REPLICA__COUNT; k++) {
		if (c->rows[k] == 0)
			continue;
		t = xasprintf(_("%s%s: %ld (%ld new)\n"), s, _(kind_labels[k]),
		    c->rows[k], c->added[k]);
		free(s);
		s = t;
	}
	t = xasprintf(_("%sIn all %ld rows, %ld new.  Conflicts: %d.  "
			"Oversold after: %d.\nApply it?"),
	    s, c->rows_total, c->added_total, c->conflicts, c->oversold);
	free(s);
	return t;
}

/* Show a refusal from bundle_* in plain words. */
static void
sync_refused(struct ui *ui, enum status st, const char *err)
{
	if (st == ST_DENIED)
		ui_error(ui, "%s",
		    _("Only a manager may import a bundle: ask one to sign "
		      "in (Ctrl-W)."));
	else
		ui_error(ui, _("Bundle refused, nothing written: %s"),
		    err ? err : _(status_message(st)));
}

static unsigned
sync_import(struct ui_view *v)
{
	struct db *db = session_db();
	struct bundle_counts c;
	char *dir, *err = NULL, *text;
	enum status st;

	dir = ui_prompt(
	    v->ui, _("Import a bundle"), _("Folder:"), NULL, UI_FIELD_TEXT, 0);
	if (dir == NULL || dir[0] == '\0') {
		free(dir);
		return UI_DRAW_ALL;
	}
	st = bundle_verify(db, dir, &c, &err);
	bundle_counts_clear(&c);
	if (st == ST_OK) {
		free(err);
		err = NULL;
		st = bundle_preview(db, dir, &c, &err);
	}
	if (st != ST_OK) {
		sync_refused(v->ui, st, err);
		goto out;
	}
	text = preview_text(&c);
	bundle_counts_clear(&c);
	if (!ui_confirm(v->ui, text)) {
		free(text);
		ui_message(v->ui, "%s", _("Nothing imported."));
		goto out;
	}
	free(text);
	st = bundle_apply(db, dir, &c, &err);
	if (st != ST_OK)
		sync_refused(v->ui, st, err);
	else
		ui_message(v->ui,
		    _("Bundle %lld from %s merged: %ld new rows, %d "
		      "conflicts, %d oversold."),
		    c.seq, c.peer ? c.peer : "", c.added_total, c.conflicts,
		    c.oversold);
out:
	bundle_counts_clear(&c);
	free(err);
	free(dir);
	return UI_DRAW_ALL;
}

static unsigned
syncmenu_key(struct ui_view *v, const struct ui_event *ev)
{
	switch (ev->key) {
	case 'e':
		return sync_export(v);
	case 'i':
		return sync_import(v);
	case 'c':
		ui_push(v->ui, &conflicts_screen, NULL);
		return UI_HANDLED;
	case 'v':
		ui_push(v->ui, &oversold_screen, NULL);
		return UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

static const enum ui_action menu_actions[] = {
    UI_ACT_HELP, UI_ACT_BACK, UI_ACT_QUIT, UI_ACT_NONE};

const struct screen sync_screen = {
    .name = "sync",
    .title = N_("Sync with another site"),
    .open = syncmenu_open,
    .close = syncmenu_close,
    .draw = syncmenu_draw,
    .key = syncmenu_key,
    .actions = menu_actions,
    .help = N_("Sites exchange bundles: folders of CSV files carried on a "
	       "USB stick or sent by mail.  e writes a bundle for another "
	       "site into a folder; i reads one from a folder, shows what it "
	       "would add, and merges it when you say yes (manager).  c lists "
	       "the conflicts merges found, v the oversold products."),
};
