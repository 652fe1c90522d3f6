/*
 * check.c - `coopstock check`: SQLite's own integrity and foreign key
 * checks, then the model's ledger invariants.  Every problem is printed
 * (one per line) before the exit status says whether there were any.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "model/check.h"
#include "util/i18n.h"

/* Print each row of a checking pragma that reports problems. */
static int
report_pragma(struct db *db, const char *sql, int ok_is_single_ok)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	int problems = 0, rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);

		if (ok_is_single_ok && t != NULL &&
		    sqlite3_column_count(st) == 1 &&
		    strcmp((const char *)t, "ok") == 0)
			continue;
		problems++;
		printf(_("problem: %s"), t != NULL ? (const char *)t : "?");
		for (int i = 1; i < sqlite3_column_count(st); i++) {
			t = sqlite3_column_text(st, i);
			printf(" %s", t != NULL ? (const char *)t : "NULL");
		}
		putchar('\n');
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return -1;
	return problems;
}

/* Print one problem found by model_check(). */
static void
print_problem(const char *msg, void *arg)
{
	(void)arg;
	printf(_("problem: %s"), msg);
	putchar('\n');
}

int
cmd_check(struct db *db, int argc, char **argv)
{
	int a, b, c = 0;
	enum status st;

	if (argc > 1)
		return cli_usage_error(_("check takes no arguments"));
	a = report_pragma(db, "PRAGMA integrity_check", 1);
	b = report_pragma(db, "PRAGMA foreign_key_check", 0);
	if (a < 0 || b < 0)
		return cli_status_error(db, ST_ERROR);
	st = model_check(db, print_problem, NULL, &c);
	if (st != ST_OK)
		return cli_status_error(db, st);
	if (a + b + c > 0)
		return cli_error(P_("%s: %d problem found", "%s: %d problems found",
		    a + b + c), db_path(db), a + b + c);
	printf(_("%s: ok\n"), db_path(db));
	return CLI_OK;
}
