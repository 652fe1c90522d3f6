/*
 * home.c - see home.h.  The cursor is the same one-column '>' marker the
 * table widget uses, so moving it costs a few bytes.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>

#include "model/batch.h"
#include "model/burst.h"
#include "model/setting.h"
#include "model/summary.h"
#include "ui/app.h"
#include "ui/home.h"
#include "ui/imex.h"
#include "ui/intake.h"
#include "ui/lots.h"
#include "ui/members.h"
#include "ui/products.h"
#include "ui/reports.h"
#include "ui/scr_orders.h"
#include "ui/scr_quick.h"
#include "ui/scr_waves.h"
#include "ui/batch_confirm.h"
#include "ui/scr_sync.h"
#include "ui/session.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* clang-format off */
/* The menu: append a line for a new screen (see home.h). */
static const struct home_entry home_entries[] = {
	{N_("Orders to confirm"), '1', &orders_screen, ORDERS_NEW, HOME_ORDERS_NEW},
	{N_("Orders to pack"), '2', &orders_screen, ORDERS_CONFIRMED, HOME_ORDERS_CONFIRMED},
	{N_("Orders to ship"), '3', &orders_screen, ORDERS_PACKED, HOME_ORDERS_PACKED},
	{N_("Products at or below reorder level"), 'l', &products_screen, PRODUCTS_LOW, HOME_LOW_STOCK},
	{N_("Lots near best-before"), '4', &lots_screen, LOTS_NEAR, HOME_LOTS_NEAR},
	{N_("Lots past best-before"), '5', &lots_screen, LOTS_EXPIRED, HOME_LOTS_EXPIRED},
	{N_("Products"), 'p', &products_screen, PRODUCTS_ALL, HOME_NO_COUNT},
	{N_("All orders"), 'o', &orders_screen, ORDERS_ALL, HOME_NO_COUNT},
	{N_("Intake: a member brings produce"), 'i', &intake_screen, 0, HOME_NO_COUNT},
	{N_("Members: lots, balances, payments"), 'm', &members_screen, 0, HOME_NO_COUNT},
	{N_("Reports: stock, sales, payouts"), 'r', &reports_screen, 0, HOME_NO_COUNT},
	{N_("Import / Export CSV files"), 'x', &imex_screen, 0, HOME_NO_COUNT},
	{N_("Quick phone order"), 'h', &quick_screen, 0, HOME_NO_COUNT},
	{N_("Packing waves"), 'w', &waves_screen, 0, HOME_NO_COUNT},
	{N_("Oversold products (after a sync)"), 'v', &oversold_screen, 0, HOME_OVERSOLD},
	{N_("Sync conflicts to look at"), 'c', &conflicts_screen, 0, HOME_CONFLICTS},
	{N_("Sync with another site"), 'y', &sync_screen, 0, HOME_NO_COUNT},
};
/* clang-format on */

#define N_ENTRIES (sizeof(home_entries) / sizeof(home_entries[0]))

struct home {
	struct summary sum;
	int oversold, conflicts; /* from model/syncstate.h */
	int stale;               /* read the counts at the next draw */
	size_t vis[N_ENTRIES];   /* indexes of the entries shown */
	size_t nvis;
	size_t cur; /* index into vis */
	struct burst_counts burst; /* the live counter */
};

/* The newest order when the first Home opened: the session's start. */
static long long session_first_id = -1;

static const enum ui_action home_actions[] = {UI_ACT_OPEN, UI_ACT_UP,
    UI_ACT_DOWN, UI_ACT_CONFIRM_ALL, UI_ACT_REFRESH, UI_ACT_SWITCH_CLERK, UI_ACT_HELP, UI_ACT_QUIT,
    UI_ACT_NONE};

/* An entry without a screen is hidden when another one with the same
 * count has a screen. */
static int
entry_hidden(size_t i)
{
	const struct home_entry *e = &home_entries[i];

	if (e->screen != NULL || e->count == HOME_NO_COUNT)
		return 0;
	for (size_t j = 0; j < N_ENTRIES; j++)
		if (j != i && home_entries[j].count == e->count &&
		    home_entries[j].screen != NULL)
			return 1;
	return 0;
}

static int
home_open(struct ui_view *v, void *arg)
{
	struct home *h = xcalloc(1, sizeof(*h));

	(void)arg;
	for (size_t i = 0; i < N_ENTRIES; i++)
		if (!entry_hidden(i))
			h->vis[h->nvis++] = i;
	h->stale = 1;
	v->data = h;
	return 0;
}

static void
home_close(struct ui_view *v)
{
	free(v->data);
}

static long long
count_of(const struct home *h, enum home_count c)
{
	const struct summary *s = &h->sum;

	switch (c) {
	case HOME_ORDERS_NEW:
		return s->orders_new;
	case HOME_ORDERS_CONFIRMED:
		return s->orders_confirmed;
	case HOME_ORDERS_PACKED:
		return s->orders_packed;
	case HOME_LOW_STOCK:
		return s->low_stock;
	case HOME_LOTS_NEAR:
		return s->lots_near;
	case HOME_LOTS_EXPIRED:
		return s->lots_expired;
	case HOME_OVERSOLD:
		return h->oversold;
	case HOME_CONFLICTS:
		return h->conflicts;
	default:
		return 0;
	}
}

/* Other sites' orders in the state of count c: they wait at their site. */
static long long
away_of(const struct home *h, enum home_count c)
{
	switch (c) {
	case HOME_ORDERS_NEW:
		return h->sum.away_new;
	case HOME_ORDERS_CONFIRMED:
		return h->sum.away_confirmed;
	case HOME_ORDERS_PACKED:
		return h->sum.away_packed;
	default:
		return 0;
	}
}

static void
read_counts(struct ui_view *v, struct home *h)
{
	struct db *db = session_db();
	char *days = setting_get(db, "near_days", "");
	int near = days[0] ? atoi(days) : SUMMARY_NEAR_DAYS;
	enum status s;

	free(days);
	s = summary_get(db, near < 0 ? 0 : near, &h->sum);
	/* The live counter's status counts are summary_get's own-site
	 * counts: read once, the two lines always agree. */
	if (s == ST_OK)
		s = burst_since_get(db, session_first_id, &h->burst);
	if (s == ST_OK && session_first_id < 0)
		session_first_id = h->burst.last_id;
	h->burst.to_confirm = (long)h->sum.orders_new;
	h->burst.to_pack = (long)h->sum.orders_confirmed;
	h->burst.to_ship = (long)h->sum.orders_packed;
	if (s != ST_OK)
		ui_error(
		    v->ui, _("Could not read the numbers: %s"), db_errmsg(db));
	h->oversold = sync_oversold_count();
	h->conflicts = sync_conflicts_count();
	h->stale = 0;
}

/* Row of shown entry k in the body; entries with counts come first,
 * then a blank row before the plain screens. */
static int
entry_row(const struct home *h, struct ui_rect r, size_t k)
{
	int row = r.y + 2 + (int)k;

	for (size_t j = 0; j <= k && j < h->nvis; j++)
		if (home_entries[h->vis[j]].count == HOME_NO_COUNT &&
		    (j == 0 ||
			home_entries[h->vis[j - 1]].count != HOME_NO_COUNT)) {
			row++;
			break;
		}
	return row;
}

static void
draw_entry(const struct home *h, struct ui_rect r, size_t k)
{
	const struct home_entry *e = &home_entries[h->vis[k]];
	int y = entry_row(h, r, k), w = r.w - 8;
	long long n = count_of(h, e->count);
	char key[2] = {(char)e->key, 0};

	if (y >= r.y + r.h)
		return;
	ui_put(
	    y, r.x + 1, 1, k == h->cur ? ">" : " ", TEXT_LEFT, UI_STYLE_NORMAL);
	ui_put(y, r.x + 3, 1, key, TEXT_LEFT, UI_STYLE_KEY);
	if (e->count == HOME_NO_COUNT) {
		ui_put(y, r.x + 6, w, _(e->label), TEXT_LEFT, UI_STYLE_NORMAL);
		return;
	}
	ui_put(y, r.x + 6, 40, _(e->label), TEXT_LEFT,
	    n > 0 ? UI_STYLE_MARK : UI_STYLE_NORMAL);
	ui_putf(y, r.x + 47, 8, TEXT_RIGHT,
	    n > 0 ? UI_STYLE_MARK : UI_STYLE_NORMAL, "%lld", n);
	/* Not in the count: this site cannot act on them (order.h). */
	if (away_of(h, e->count) > 0)
		ui_putf(y, r.x + 57, r.w - 58, TEXT_LEFT, UI_STYLE_NORMAL,
		    _("(%lld at other sites)"), away_of(h, e->count));
}

static void
home_draw(struct ui_view *v, struct ui_rect r)
{
	struct home *h = v->data;

	if (h->stale)
		read_counts(v, h);
	ui_clear_rect(r);
	ui_put(r.y, r.x + 1, r.w - 2, _("What needs doing now:"), TEXT_LEFT,
	    UI_STYLE_HEADER);
	for (size_t k = 0; k < h->nvis; k++)
		draw_entry(h, r, k);
	/* The live counter sits under the heading, so a long menu never
	 * pushes it off an 80x24 screen. */
	if (r.h > 1)
		ui_putf(r.y + 1, r.x + 1, r.w - 2, TEXT_LEFT, UI_STYLE_HEADER,
		    _("Since sign-in: %ld new orders; to confirm %ld, to pack "
		      "%ld, to ship %ld"),
		    h->burst.arrived, h->burst.to_confirm, h->burst.to_pack,
		    h->burst.to_ship);
}

static unsigned
open_entry(struct ui_view *v, struct home *h, size_t k)
{
	const struct home_entry *e = &home_entries[h->vis[k]];

	h->cur = k;
	if (e->screen == NULL) {
		ui_message(v->ui, _("There is no list for this yet."));
		return UI_DRAW_BODY;
	}
	h->stale = 1; /* read again when the clerk comes back */
	ui_push(v->ui, e->screen, (void *)(intptr_t)e->arg);
	return UI_HANDLED;
}

static unsigned
move_to(struct ui_view *v, struct home *h, size_t k)
{
	if (k == h->cur)
		return UI_HANDLED;
	/* Only the two marker cells change. */
	ui_put(entry_row(h, v->body, h->cur), v->body.x + 1, 1, " ", TEXT_LEFT,
	    UI_STYLE_NORMAL);
	h->cur = k;
	ui_put(entry_row(h, v->body, h->cur), v->body.x + 1, 1, ">", TEXT_LEFT,
	    UI_STYLE_NORMAL);
	return UI_HANDLED;
}

static unsigned
home_key(struct ui_view *v, const struct ui_event *ev)
{
	struct home *h = v->data;

	switch (ev->act) {
	case UI_ACT_UP:
		return move_to(v, h, h->cur > 0 ? h->cur - 1 : 0);
	case UI_ACT_DOWN:
		return move_to(
		    v, h, h->cur + 1 < h->nvis ? h->cur + 1 : h->cur);
	case UI_ACT_HOME:
		return move_to(v, h, 0);
	case UI_ACT_END:
		return move_to(v, h, h->nvis - 1);
	case UI_ACT_OPEN:
		return open_entry(v, h, h->cur);
	case UI_ACT_REFRESH:
		h->stale = 1;
		return UI_UNHANDLED; /* the app redraws everything */
	case UI_ACT_CONFIRM_ALL:
		batch_confirm_run(v->ui);
		h->stale = 1;
		return UI_DRAW_ALL;
	default:
		break;
	}
	for (size_t k = 0; k < h->nvis; k++)
		if (ev->key == home_entries[h->vis[k]].key)
			return open_entry(v, h, k);
	return UI_UNHANDLED;
}

const struct screen home_screen = {
    .name = "home",
    .title = N_("Home"),
    .open = home_open,
    .close = home_close,
    .draw = home_draw,
    .key = home_key,
    .actions = home_actions,
    .help = N_("Home shows what needs doing now. Press the key in front "
	       "of a line, or move with the arrows and press Enter, to open "
	       "its list. Ctrl-L reads the numbers again, and the live counter "
	       "of orders since sign-in. The orders counted are this site's: "
	       "those taken in at another site are confirmed, packed and "
	       "shipped there, and are shown apart (at other sites). C "
	       "confirms every new order of this site, oldest first. Ctrl-W "
	       "hands the terminal to another clerk."),
};
