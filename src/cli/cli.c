/*
 * cli.c - global options and the dispatch table of subcommands.
 *
 * The table (COMMAND_LIST) is data: --help is generated from it, so a new
 * command cannot be added without its line of help.  --db is accepted
 * before or after the command name, because clerks' scripts are written
 * both ways.
 */
#include <config.h>

#include <getopt.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "util/i18n.h"
#include "util/paths.h"
#include "util/xalloc.h"

/* X(name, function, how the database is opened, arguments, help) */
#define COMMAND_LIST(X)                                                       \
	X("init", cmd_init, DB_OPEN_CREATE, "[--site NAME]",                  \
	    N_("create the database, or bring its schema up to date"))        \
	X("check", cmd_check, DB_OPEN_EXISTING, "",                           \
	    N_("verify the database file and the stock ledger"))             \
	X("backup", cmd_backup, DB_OPEN_EXISTING, "FILE",                     \
	    N_("copy the database safely, even while clerks work"))          \
	X("demo", cmd_demo, DB_OPEN_CREATE, "",                               \
	    N_("fill an empty database with a demo cooperative"))            \
	X("report", cmd_report, DB_OPEN_EXISTING, "NAME [--csv]",             \
	    N_("stock, low-stock, payouts, sales [--from D] [--to D]"))      \
	X("orders", cmd_orders, DB_OPEN_EXISTING, "confirm --all",            \
	    N_("confirm new orders, oldest first [--channel C]"))            \
	X("import", cmd_import, DB_OPEN_EXISTING, "KIND FILE...",             \
	    N_("CSV in: products members intake orders tracking sync"))       \
	X("export", cmd_export, DB_OPEN_EXISTING, "KIND [FILE]",              \
	    N_("CSV out: products members stock orders manifest payouts"))  \
	X("wave", cmd_wave, DB_OPEN_EXISTING, "ACTION [WAVE]",                \
	    N_("waves: create list show picklist slips packed manifest"))

struct command {
	const char *name;
	int (*run)(struct db *, int, char **);
	enum db_open_mode mode;
	const char *args;
	const char *help;
};

static const struct command commands[] = {
#define COMMAND_ROW(n, fn, mode, args, help) { n, fn, mode, args, help },
	COMMAND_LIST(COMMAND_ROW)
#undef COMMAND_ROW
};

int
cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("coopstock: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLI_FAIL;
}

int
cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("coopstock: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, _(" (see coopstock --help)"));
	fputc('\n', stderr);
	return CLI_USAGE;
}

int
cli_status_error(struct db *db, enum status st)
{
	const char *detail = db != NULL ? db_errmsg(db) : "";

	if (*detail != '\0')
		return cli_error("%s: %s", _(status_message(st)), detail);
	return cli_error("%s", _(status_message(st)));
}

static void
print_help(void)
{
	printf(_("Usage: coopstock [--db FILE] [COMMAND [ARGS...]]\n"
		 "Stock, produce and orders of a village cooperative.\n"
		 "Without a command, opens the full-screen interface.\n\n"
		 "Commands:\n"));
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
		char *left = xasprintf("%s %s", commands[i].name, commands[i].args);

		printf("  %-22s %s\n", left, _(commands[i].help));
		free(left);
	}
	printf(_("\nOptions:\n"
		 "  --db FILE        the database (default: $COOPSTOCK_DB, else\n"
		 "                   $XDG_DATA_HOME/coopstock/coopstock.db)\n"
		 "  -h, --help       show this help and exit\n"
		 "  -V, --version    show the version and exit\n\n"
		 "Exit status: 0 on success, 1 when a command fails, 2 for a\n"
		 "wrong command line.\n"));
}

static const struct command *
find_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* The command line acts as the Unix user, with every right: whoever can
 * write the database file can do anything to it anyway. */
static void
set_unix_actor(struct db *db)
{
	struct passwd *pw = getpwuid(getuid());
	char *name;

	if (pw != NULL)
		name = xasprintf("%s (command line)", pw->pw_name);
	else
		name = xasprintf("uid %ld (command line)", (long)getuid());
	db_set_actor(db, 0, name, 1);
	free(name);
}

static int
run_command(const struct command *cmd, const char *db_opt, int argc,
    char **argv)
{
	const char *why = NULL;
	char *path, *err = NULL;
	struct db *db = NULL;
	enum status st;
	int rc;

	path = paths_database(db_opt, &why);
	if (path == NULL)
		return cli_error("%s", _(why));
	st = db_open(path, cmd->mode, &db, &err);
	free(path);
	if (st != ST_OK) {
		rc = cli_error("%s", err != NULL ? err : _(status_message(st)));
		free(err);
		return rc;
	}
	set_unix_actor(db);
	rc = cmd->run(db, argc, argv);
	db_close(db);
	return rc;
}

/* Take --db FILE / --db=FILE out of argv wherever it stands (before "--").
 * Returns the count left in rest, or -1 after a usage error. */
static int
take_db_option(int argc, char **argv, char **rest, const char **db_opt)
{
	int n = 0, i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--db") == 0) {
			if (i + 1 >= argc) {
				cli_usage_error(_("--db needs a file name"));
				return -1;
			}
			*db_opt = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0)
			*db_opt = argv[i] + 5;
		else
			rest[n++] = argv[i];
	}
	for (; i < argc; i++)
		rest[n++] = argv[i];
	rest[n] = NULL;
	return n;
}

int
cli_main(int argc, char **argv, char **db_path_out)
{
	char **rest = xcalloc((size_t)argc + 1, sizeof *rest);
	const char *db_opt = NULL, *why = NULL;
	const struct command *cmd;
	int n, rc;

	*db_path_out = NULL;
	n = take_db_option(argc, argv, rest, &db_opt);
	if (n < 0) {
		rc = CLI_USAGE;
	} else if (n == 0) {
		*db_path_out = paths_database(db_opt, &why);
		rc = *db_path_out != NULL ? -1 : cli_error("%s", _(why));
	} else if (strcmp(rest[0], "-h") == 0 || strcmp(rest[0], "--help") == 0) {
		print_help();
		rc = CLI_OK;
	} else if (strcmp(rest[0], "-V") == 0 ||
	    strcmp(rest[0], "--version") == 0) {
		printf("coopstock %s\n", PACKAGE_VERSION);
		rc = CLI_OK;
	} else if (rest[0][0] == '-') {
		rc = cli_usage_error(_("unknown option '%s'"), rest[0]);
	} else if ((cmd = find_command(rest[0])) == NULL) {
		rc = cli_usage_error(_("unknown command '%s'"), rest[0]);
	} else {
		rc = run_command(cmd, db_opt, n, rest);
	}
	free(rest);
	return rc;
}
