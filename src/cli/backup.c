/*
 * backup.c - `coopstock backup FILE`.  The copy is made by SQLite's
 * online backup API (db_backup), so it is consistent even while other
 * clerks are writing; a plain cp of a WAL database can miss commits.
 */
#include <config.h>

#include <stdio.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "db/maint.h"
#include "util/i18n.h"

int
cmd_backup(struct db *db, int argc, char **argv)
{
	enum status st;

	if (argc != 2)
		return cli_usage_error(_("backup needs one argument: the file to write"));
	st = db_backup(db, argv[1]);
	if (st != ST_OK)
		return cli_status_error(db, st);
	printf(_("backed up %s to %s\n"), db_path(db), argv[1]);
	return CLI_OK;
}
