/*
 * init.c - `coopstock init [--site NAME]`.  Opening the database with
 * DB_OPEN_CREATE already creates or upgrades it; this command says what
 * it found and, with --site, names this site for syncing (the site's
 * random id is made by the schema and never changes).  Anything else is
 * refused so a typo is not silently ignored.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "model/setting.h"
#include "util/i18n.h"
#include "util/text.h"

int
cmd_init(struct db *db, int argc, char **argv)
{
	char *name, *id;
	enum status st;

	if (argc == 3 && strcmp(argv[1], "--site") == 0) {
		if (*argv[2] == '\0' || text_width(argv[2]) > 40)
			return cli_usage_error(_("--site needs a name of up to "
						 "40 columns"));
		st = setting_set(db, "site_name", argv[2]);
		if (st != ST_OK)
			return cli_status_error(db, st);
	} else if (argc > 1)
		return cli_usage_error(_("init takes no arguments but --site "
					 "NAME"));
	if (argc == 3) {
		name = setting_get(db, "site_name", NULL);
		id = setting_get(db, "site_id", NULL);
		printf(_("this is site %s (id %s)\n"), name, id);
		free(name);
		free(id);
	}
	printf(_("%s: ready (schema version %d)\n"), db_path(db),
	    db_schema_version(db));
	return CLI_OK;
}
