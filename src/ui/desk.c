/*
 * desk.c - see desk.h.
 */
#include <config.h>

#include "db/db.h"
#include "ui/app.h"
#include "ui/desk.h"
#include "ui/session.h"
#include "util/i18n.h"

struct db *
desk_db(void *arg)
{
	return arg != NULL ? arg : session_db();
}

void
desk_error(struct ui *ui, struct db *db, enum status st)
{
	const char *d = db != NULL ? db_errmsg(db) : "";

	ui_error(ui, "%s", *d != '\0' ? d : _(status_message(st)));
}
