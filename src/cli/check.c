/*
 * check.c - `coopstock check`: SQLite's own integrity and foreign key
 * checks, then the model's ledger invariants.  Every problem is printed
 * (one per line) before the exit status says whether there were any.
 */
#include <config.h>

#include <stdio.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "db/maint.h"
#include "model/check.h"
#include "model/syncstate.h"
#include "util/i18n.h"
#include "util/num.h"

/* Print one problem found by db_integrity() or model_check(). */
static void
print_problem(const char *msg, void *arg)
{
	(void)arg;
	printf(_("problem: %s"), msg);
	putchar('\n');
}

/* Print a product that merges left below zero, or below what is
 * reserved: a note, not a problem. */
static void
print_oversold(const struct syncstate_oversold_row *r, void *arg)
{
	char q[NUM_FMT_SIZE], res[NUM_FMT_SIZE];

	(void)arg;
	qty_format(r->on_hand, q, sizeof q);
	qty_format(r->reserved, res, sizeof res);
	if (r->reserved == 0)
		printf(_("oversold: %s: %s %s on hand; a manager should "
			 "adjust it\n"),
		    r->sku, q, r->unit);
	else /* confirmed orders, of any site, hold more than there is */
		printf(_("oversold: %s: %s %s on hand but %s %s reserved; a "
			 "manager should adjust it or cancel an order\n"),
		    r->sku, q, r->unit, res, r->unit);
}

int
cmd_check(struct db *db, int argc, char **argv)
{
	int a = 0, c = 0;
	enum status st;

	if (argc > 1)
		return cli_usage_error(_("check takes no arguments"));
	st = db_integrity(db, print_problem, NULL, &a);
	if (st == ST_OK)
		st = model_check(db, print_problem, NULL, &c);
	if (st != ST_OK)
		return cli_status_error(db, st);
	if (a + c > 0)
		return cli_error(P_("%s: %d problem found", "%s: %d problems found",
		    a + c), db_path(db), a + c);
	if (syncstate_oversold(db, print_oversold, NULL, NULL) != ST_OK)
		return cli_status_error(db, ST_ERROR);
	printf(_("%s: ok\n"), db_path(db));
	return CLI_OK;
}
