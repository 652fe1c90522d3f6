/*
 * sync.h - the site-to-site sync commands, reached through the import,
 * export and report commands (see sync/bundle.h):
 *   coopstock export sync --to PEER [--all] DIR
 *   coopstock import sync DIR [--dry-run]
 *   coopstock report conflicts|oversold [--csv]
 * Each takes the arguments after the command name (argv[0] is the kind)
 * and returns an enum cli_exit value.
 */
#ifndef COOPSTOCK_CLI_SYNC_H
#define COOPSTOCK_CLI_SYNC_H

#include "db/db.h"

/* coopstock export sync --to PEER [--all] DIR */
int cmd_export_sync(struct db *db, int argc, char **argv);
/* coopstock import sync DIR [--dry-run] */
int cmd_import_sync(struct db *db, int argc, char **argv);
/* coopstock report conflicts|oversold [--csv] */
int cmd_report_sync(struct db *db, int argc, char **argv);

#endif
