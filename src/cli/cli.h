/*
 * cli.h - the command line: global options, the table of subcommands.
 *
 * Each subcommand lives in its own file under src/cli/ and is one row of
 * the table in cli.c.  A subcommand gets an open database (when it needs
 * one) and its own arguments, prints its results on stdout, and reports
 * failure as one line on stderr through cli_error().
 */
#ifndef COOPSTOCK_CLI_H
#define COOPSTOCK_CLI_H

#include "db/db.h"

/* Exit statuses of every command. */
enum cli_exit {
	CLI_OK = 0,
	CLI_FAIL = 1,  /* the command ran and failed; the reason is on stderr */
	CLI_USAGE = 2  /* the command line was wrong */
};

/*
 * Run coopstock's command line.  argv is main()'s.  Returns the exit
 * status, or -1 when there is no subcommand and the caller should start
 * the full-screen interface on *db_path_out (newly allocated; caller frees).
 */
int cli_main(int argc, char **argv, char **db_path_out);

/* Print "coopstock: MESSAGE" on stderr (printf format).  Returns CLI_FAIL. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print a usage error with the hint to --help.  Returns CLI_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Print the failure of a model or db call: the translated status message
 * and the detail from db_errmsg() when there is one.  Returns CLI_FAIL.
 */
int cli_status_error(struct db *db, enum status st);

#endif
