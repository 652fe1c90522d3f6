/*
 * export.c - `coopstock export KIND [FILE|-] [--courier NAME] [--excel]`.
 * The work is in src/sync/export.c.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/sync.h"
#include "sync/export.h"
#include "util/i18n.h"

static const struct option export_options[] = {
    {"courier", required_argument, NULL, 'c'},
    {"excel", no_argument, NULL, 'x'},
    {NULL, 0, NULL, 0},
};

int
cmd_export(struct db *db, int argc, char **argv)
{
	struct export_opts o = {0, NULL, 0};
	const char *kind, *path = "-";
	enum status st;
	char *err = NULL;
	int c;

	if (argc > 1 && strcmp(argv[1], "sync") == 0)
		return cmd_export_sync(db, argc - 1, argv + 1);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", export_options, NULL)) != -1) {
		if (c == 'c')
			o.courier = optarg;
		else if (c == 'x')
			o.excel = 1;
		else if (optopt != 0)
			return cli_usage_error(
			    _("option '%s' needs a value"), argv[optind - 1]);
		else
			return cli_usage_error(
			    _("unknown option '%s'"), argv[optind - 1]);
	}
	if (optind >= argc)
		return cli_usage_error(
		    _("export needs a kind: products, members, "
		      "stock, orders, manifest or payouts"));
	kind = argv[optind++];
	if (!export_kind_known(kind))
		return cli_usage_error(_("cannot export '%s': use products, "
					 "members, stock, orders, manifest or "
					 "payouts"),
		    kind);
	if (optind < argc)
		path = argv[optind++];
	if (optind < argc)
		return cli_usage_error(_("export writes one file"));
	if (o.courier != NULL && strcmp(kind, "manifest") != 0)
		return cli_usage_error(_("--courier is for the manifest only"));
	st = export_run(db, kind, path, &o, stderr, &err);
	if (st != ST_OK) {
		int rc =
		    cli_error("%s", err != NULL ? err : _(status_message(st)));

		free(err);
		return rc;
	}
	return CLI_OK;
}
