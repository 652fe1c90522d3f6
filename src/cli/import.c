/*
 * import.c - `coopstock import KIND FILE... [--dry-run] [--encoding ENC]
 * [--from TEMPLATE] [--confirm]`.  The work is in src/sync/import.c; this
 * file reads the command line and turns the outcome into an exit status.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/sync.h"
#include "sync/import.h"
#include "util/i18n.h"

static const struct option import_options[] = {
    {"dry-run", no_argument, NULL, 'n'},
    {"encoding", required_argument, NULL, 'e'},
    {"from", required_argument, NULL, 'f'},
    {"confirm", no_argument, NULL, 'c'},
    {NULL, 0, NULL, 0},
};

/* Parse the options into *o; returns CLI_OK or a usage error. */
static int
import_parse(int argc, char **argv, struct imp_opts *o)
{
	int c;

	memset(o, 0, sizeof *o);
	o->enc = DECODE_AUTO;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", import_options, NULL)) != -1) {
		switch (c) {
		case 'n':
			o->dry_run = 1;
			break;
		case 'c':
			o->confirm = 1;
			break;
		case 'f':
			o->from = optarg;
			break;
		case 'e':
			if (decode_enc_parse(optarg, &o->enc) != ST_OK)
				return cli_usage_error(
				    _("unknown encoding '%s' (use utf-8 or "
				      "gbk)"),
				    optarg);
			break;
		default:
			if (optopt != 0)
				return cli_usage_error(
				    _("option '%s' needs a value"),
				    argv[optind - 1]);
			return cli_usage_error(
			    _("unknown option '%s'"), argv[optind - 1]);
		}
	}
	return CLI_OK;
}

int
cmd_import(struct db *db, int argc, char **argv)
{
	struct imp_opts o;
	const char *kind;
	long problems;
	enum status st;
	int rc;

	if (argc > 1 && strcmp(argv[1], "sync") == 0)
		return cmd_import_sync(db, argc - 1, argv + 1);
	rc = import_parse(argc, argv, &o);

	if (rc != CLI_OK)
		return rc;
	if (optind >= argc)
		return cli_usage_error(
		    _("import needs a kind: products, "
		      "members, intake, orders or tracking"));
	kind = argv[optind++];
	if (!import_kind_known(kind))
		return cli_usage_error(_("cannot import '%s': use products, "
					 "members, intake, orders or tracking"),
		    kind);
	if (optind >= argc)
		return cli_usage_error(_("import %s needs a file"), kind);
	if (o.confirm && strcmp(kind, "orders") != 0)
		return cli_usage_error(_("--confirm is for orders only"));
	if (o.from != NULL && strcmp(kind, "orders") != 0)
		return cli_usage_error(_("--from is for orders only"));
	if (o.from != NULL && strcmp(o.from, "taobao") == 0 &&
	    argc - optind != 2)
		return cli_usage_error(_("--from taobao takes two files: the "
					 "order list and the item report"));
	fflush(stdout);
	st = import_run(db, kind, argv + optind, argc - optind, &o, stdout,
	    stderr, &problems);
	if (st == ST_REJECTED)
		return cli_error(
		    P_("%ld problem; nothing was written",
			"%ld problems; nothing was written", problems),
		    problems);
	if (st != ST_OK)
		return cli_status_error(db, st);
	return CLI_OK;
}
