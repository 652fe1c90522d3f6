/*
 * init.c - `coopstock init`.  Opening the database with DB_OPEN_CREATE
 * already creates or upgrades it; this command only says what it found,
 * and refuses arguments so a typo is not silently ignored.
 */
#include <config.h>

#include <stdio.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "util/i18n.h"

int
cmd_init(struct db *db, int argc, char **argv)
{
	if (argc > 1)
		return cli_usage_error(_("init takes no arguments"));
	printf(_("%s: ready (schema version %d)\n"), db_path(db),
	    db_schema_version(db));
	return CLI_OK;
}
