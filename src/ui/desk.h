/*
 * desk.h - what the desk screens (Intake, Members, Reports, Import /
 * Export; opened from the Home menu) share.
 */
#ifndef COOPSTOCK_UI_DESK_H
#define COOPSTOCK_UI_DESK_H

#include "ui/screen.h"
#include "util/status.h"

struct db;

/*
 * The database a desk screen works on: arg when a caller pushed the
 * screen with a struct db * (tests), else session_db() (the Home menu
 * pushes its screens with an int argument of 0, which is NULL here).
 */
struct db *desk_db(void *arg);

/* Show the model's reason for st on ui's message line: db_errmsg(db)
 * when there is one, else the status's message (translated). */
void desk_error(struct ui *ui, struct db *db, enum status st);

#endif
