/*
 * demo.c - `coopstock demo`: fill an empty database with the demo
 * cooperative (model/demo.h) and say what was written.
 */
#include <config.h>

#include <stdio.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "model/demo.h"
#include "util/i18n.h"

int
cmd_demo(struct db *db, int argc, char **argv)
{
	struct demo_counts c;
	enum status st;

	(void)argv;
	if (argc > 1)
		return cli_usage_error(_("demo takes no arguments"));
	st = demo_fill(db, &c);
	if (st == ST_NOT_EMPTY)
		return cli_error("%s: %s", db_path(db), db_errmsg(db));
	if (st != ST_OK)
		return cli_status_error(db, st);
	printf(_("%s: demo cooperative written: %d products, %d members, "
		 "%d lots, %d orders, %d payments\n"),
	    db_path(db), c.products, c.members, c.lots, c.orders, c.payments);
	return CLI_OK;
}
