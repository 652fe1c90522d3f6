/*
 * main.c - set up the locale and hand over to the command line, which
 * either runs a subcommand or asks for the full-screen interface
 * (ui_main).
 */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "ui/shell.h"
#include "util/i18n.h"
#include "util/paths.h"

int
main(int argc, char **argv)
{
	char *db_path = NULL;
	int rc;

	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, paths_localedir());
	textdomain(PACKAGE);
#endif
	rc = cli_main(argc, argv, &db_path);
	if (rc < 0)
		rc = ui_main(db_path);
	free(db_path);
	return rc;
}
