/*
 * desk.h - the desk screens (Intake, Members, Reports, Import / Export)
 * as menu entries, for the Home screen's menu, and a small menu screen
 * of its own until Home lands.
 */
#ifndef COOPSTOCK_UI_DESK_H
#define COOPSTOCK_UI_DESK_H

#include <stddef.h>

#include "ui/screen.h"
#include "util/status.h"

struct db;

/*
 * The database the desk screens work on when they are pushed with a NULL
 * arg (as the Home menu pushes them, with an int argument of 0): the one
 * desk_run() opened, or the one set with desk_set_db() (borrowed).  NULL
 * before either.
 */
struct db *desk_db(void);
void desk_set_db(struct db *db);

/* Show the model's reason for st on ui's message line: db_errmsg(db)
 * when there is one, else the status's message (translated). */
void desk_error(struct ui *ui, struct db *db, enum status st);

/* One entry: the label (marked for gettext) and the screen, pushed with the
 * struct db * as arg. */
struct desk_entry {
	const char *label;
	const struct screen *sc;
};

extern const struct desk_entry desk_entries[];
extern const size_t desk_nentries;

/* A list of desk_entries; Enter opens one.  Push with the struct db *. */
extern const struct screen desk_menu_screen;

/*
 * Until the Home screen and sign-in land: open the database at db_path,
 * ask for a clerk's name and PIN (clerk_signin) and run the desk menu.
 * Returns the process exit status (1 when the database cannot be opened,
 * with the reason on stderr).
 */
int desk_run(const char *db_path);

#endif
