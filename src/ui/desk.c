/*
 * desk.c - see desk.h.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "db/db.h"
#include "model/clerk.h"
#include "model/setting.h"

#include "ui/app.h"
#include "ui/desk.h"
#include "ui/dialog.h"
#include "ui/imex.h"
#include "ui/intake.h"
#include "ui/members.h"
#include "ui/memrows.h"
#include "ui/reports.h"
#include "util/i18n.h"
#include "util/xalloc.h"

const struct desk_entry desk_entries[] = {
    {N_("Intake: a member brings produce"), &intake_screen},
    {N_("Members: lots, balances, payments"), &members_screen},
    {N_("Reports: stock, sales, payouts"), &reports_screen},
    {N_("Import / Export CSV files"), &imex_screen},
};
const size_t desk_nentries = sizeof desk_entries / sizeof desk_entries[0];

static struct db *the_db;

struct db *
desk_db(void)
{
	return the_db;
}

void
desk_set_db(struct db *db)
{
	the_db = db;
}

void
desk_error(struct ui *ui, struct db *db, enum status st)
{
	const char *d = db != NULL ? db_errmsg(db) : "";

	ui_error(ui, "%s", *d != '\0' ? d : _(status_message(st)));
}

static const struct ui_column menu_cols[] = {{N_("Go to"), 0, 0}};

struct menu {
	struct db *db;
	struct memrows rows;
	struct ui_table *table;
};

static const enum ui_action menu_actions[] = {UI_ACT_HELP, UI_ACT_OPEN,
    UI_ACT_UP, UI_ACT_DOWN, UI_ACT_HOME, UI_ACT_END, UI_ACT_QUIT, UI_ACT_NONE};

static int
menu_open(struct ui_view *v, void *arg)
{
	struct menu *m = xcalloc(1, sizeof *m);

	m->db = arg;
	memrows_init(&m->rows, 1);
	for (size_t i = 0; i < desk_nentries; i++) {
		const char *cell = _(desk_entries[i].label);

		memrows_add(&m->rows, &cell);
	}
	m->table = ui_table_new(menu_cols, 1, memrows_fetch, &m->rows);
	v->data = m;
	return 0;
}

static void
menu_close(struct ui_view *v)
{
	struct menu *m = v->data;

	ui_table_free(m->table);
	memrows_clear(&m->rows);
	free(m);
}

static void
menu_layout(struct ui_view *v, struct ui_rect r)
{
	struct menu *m = v->data;

	ui_table_layout(m->table, r);
}

static void
menu_draw(struct ui_view *v, struct ui_rect r)
{
	struct menu *m = v->data;

	(void)r;
	ui_table_draw(m->table);
}

static unsigned
menu_key(struct ui_view *v, const struct ui_event *ev)
{
	struct menu *m = v->data;
	unsigned fl = ui_table_key(m->table, ev);
	const char *k;

	if (fl != UI_UNHANDLED || ev->act != UI_ACT_OPEN)
		return fl;
	k = ui_table_current(m->table);
	if (k != NULL && (size_t)atol(k) < desk_nentries)
		ui_push(v->ui, desk_entries[atol(k)].sc, m->db);
	return UI_HANDLED;
}

const struct screen desk_menu_screen = {
    .name = "desk",
    .title = N_("Desk"),
    .open = menu_open,
    .close = menu_close,
    .layout = menu_layout,
    .draw = menu_draw,
    .key = menu_key,
    .actions = menu_actions,
    .help = N_("Choose what to do and press Enter."),
};

/* Ask for a name and PIN until they sign in; 0, or -1 on Esc. */
static int
desk_sign_in(struct ui *ui, struct db *db)
{
	for (;;) {
		char *name = ui_prompt(
		    ui, _("Sign in"), _("Your name"), NULL, UI_FIELD_TEXT, 0);
		char *pin, *site;
		enum status st;

		if (name == NULL)
			return -1;
		pin = ui_prompt(ui, _("Sign in"), _("PIN"), NULL, UI_FIELD_TEXT,
		    UI_FIELD_SECRET);
		st = pin != NULL ? clerk_signin(db, name, pin) : ST_BAD_PIN;
		free(name);
		if (pin == NULL)
			return -1;
		free(pin);
		if (st == ST_OK) {
			site = setting_get(db, "site_name", "");
			ui_set_identity(ui, db_actor(db), site);
			free(site);
			return 0;
		}
		ui_alert(ui, _("That name and PIN do not match."));
	}
}

int
desk_run(const char *db_path)
{
	struct db *db = NULL;
	char *err = NULL;
	struct ui *ui;

	if (db_open(db_path, DB_OPEN_EXISTING, &db, &err) != ST_OK) {
		fprintf(stderr, "coopstock: %s\n",
		    err != NULL ? err : _("cannot open the database"));
		free(err);
		return 1;
	}
	desk_set_db(db);
	ui = ui_new();
	ui_push(ui, &desk_menu_screen, db);
	if (desk_sign_in(ui, db) == 0)
		ui_run(ui);
	ui_free(ui);
	desk_set_db(NULL);
	db_close(db);
	return 0;
}
