/*
 * shell.c - see shell.h.
 *
 * Order of a start: open the database; take over the terminal; sign in
 * over a plain backdrop (a clerk with no PIN chooses one: on a new
 * database that is the manager); on the very first PIN of a manager on
 * an empty database, offer the demo cooperative; then Home, and any draft
 * the clerk left behind.  Ctrl-W (switch clerk) and the idle lock are
 * wired here.  The idle lock has no timer: the app measures the gap when
 * the next key arrives (see ui_set_idle_lock), so an idle terminal is
 * sent nothing; the setting lock_minutes (default 10, 0 = never) is read
 * once at start.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "db/db.h"
#include "db/pcache.h"
#include "model/demo.h"
#include "model/product.h"
#include "model/setting.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/home.h"
#include "ui/session.h"
#include "ui/shell.h"
#include "ui/signin.h"
#include "util/i18n.h"

#define LOCK_MINUTES_DEFAULT "10"

static void
offer_demo(struct ui *ui)
{
	struct db *db = session_db();
	long long n = -1;
	struct demo_counts c;

	if (!session_is_manager() || product_count(db, NULL, 1, &n) != ST_OK ||
	    n != 0)
		return;
	if (!ui_confirm(ui, _("The database is empty. Fill it with the demo "
			      "cooperative to practise on?")))
		return;
	if (demo_fill(db, &c) == ST_OK)
		ui_message(ui,
		    _("Demo data added: %d products, %d members, "
		      "%d orders."),
		    c.products, c.members, c.orders);
	else
		ui_error(ui, "%s", db_errmsg(db));
}

static void
run(struct ui *ui)
{
	char *lock =
	    setting_get(session_db(), "lock_minutes", LOCK_MINUTES_DEFAULT);
	char *site = setting_get(session_db(), "site_name", "");
	int first = 0;
	long minutes = strtol(lock, NULL, 10);

	free(lock);
	ui_set_identity(ui, NULL, site); /* the site, before anyone signs in */
	free(site);
	ui_push(ui, &signin_screen, NULL);
	if (!signin_run(ui, &first))
		return;
	if (first)
		offer_demo(ui);
	ui_pop(ui);
	ui_push(ui, &home_screen, NULL);
	signin_offer_drafts(ui);
	ui_set_switch_clerk(ui, signin_switch, NULL);
	ui_set_idle_lock(ui, minutes > 0 ? minutes * 60 : 0, signin_lock, NULL);
	ui_run(ui);
}

int
ui_main(const char *db_path)
{
	struct db *db = NULL;
	char *err = NULL;
	struct ui *ui;

	/* before the first open: a session's pages reused, not refaulted */
	(void)db_pcache_fixed();
	if (db_open(db_path, DB_OPEN_CREATE, &db, &err) != ST_OK) {
		fprintf(stderr, "coopstock: %s\n",
		    err ? err : _("cannot open the database"));
		free(err);
		return 1;
	}
	session_set_db(db);
	ui = ui_new();
	run(ui);
	ui_free(ui);
	session_set_db(NULL);
	db_close(db);
	return 0;
}
