/*
 * deskdemo.c - runs the desk screens (Intake, Members, Reports, Import /
 * Export) on a real database for tests/tui/desk.sh, until the Home
 * screen and sign-in of the real program carry them (built by make
 * check, never installed).
 *
 * Usage: deskdemo DB.  Asks for the clerk's name and PIN (clerk_signin),
 * then shows the desk menu.
 */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "db/db.h"
#include "model/clerk.h"
#include "model/setting.h"
#include "ui/app.h"
#include "ui/desk.h"
#include "ui/dialog.h"
#include "util/xalloc.h"

/* Ask for a name and PIN until they sign in; 0, or -1 on Esc. */
static int
sign_in(struct ui *ui, struct db *db)
{
	for (;;) {
		char *name = ui_prompt(
		    ui, "Sign in", "Clerk", NULL, UI_FIELD_TEXT, 0);
		char *pin;
		enum status st;

		if (name == NULL)
			return -1;
		pin = ui_prompt(ui, "Sign in", "PIN", NULL, UI_FIELD_TEXT,
		    UI_FIELD_SECRET);
		if (pin == NULL) {
			free(name);
			return -1;
		}
		st = clerk_signin(db, name, pin);
		free(pin);
		if (st == ST_OK) {
			char *site = setting_get(db, "site_name", "");

			ui_set_identity(ui, db_actor(db), site);
			free(site);
			free(name);
			return 0;
		}
		free(name);
		ui_alert(ui, "That name and PIN do not match.");
	}
}

int
main(int argc, char **argv)
{
	struct db *db = NULL;
	char *err = NULL;
	struct ui *ui;

	setlocale(LC_ALL, "");
	if (argc != 2) {
		fprintf(stderr, "usage: deskdemo DB\n");
		return 2;
	}
	if (db_open(argv[1], DB_OPEN_EXISTING, &db, &err) != ST_OK) {
		fprintf(stderr, "deskdemo: %s\n", err ? err : "cannot open");
		free(err);
		return 1;
	}
	ui = ui_new();
	ui_push(ui, &desk_menu_screen, db);
	if (sign_in(ui, db) == 0)
		ui_run(ui);
	ui_free(ui);
	db_close(db);
	return 0;
}
