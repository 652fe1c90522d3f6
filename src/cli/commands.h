/*
 * commands.h - the entry point of each subcommand, one per file in
 * src/cli/.  Each takes the open database (NULL for commands that open
 * their own) and the arguments after the command name, and returns an
 * enum cli_exit value.
 */
#ifndef COOPSTOCK_COMMANDS_H
#define COOPSTOCK_COMMANDS_H

#include "db/db.h"

/* coopstock init: the database is created or upgraded by opening it. */
int cmd_init(struct db *db, int argc, char **argv);
/* coopstock check: integrity, foreign keys and the ledger's invariants. */
int cmd_check(struct db *db, int argc, char **argv);

/* coopstock backup FILE: an online backup to FILE. */
int cmd_backup(struct db *db, int argc, char **argv);

/* coopstock demo: fill an empty database with the demo cooperative. */
int cmd_demo(struct db *db, int argc, char **argv);

/* coopstock report NAME [--csv] [--from D --to D]: stock, low-stock,
 * sales or payouts, as a text table or CSV on standard output. */
int cmd_report(struct db *db, int argc, char **argv);

/* coopstock orders confirm --all [--channel C]: batch confirmation. */
int cmd_orders(struct db *db, int argc, char **argv);

/* coopstock import KIND FILE...: CSV in, all or nothing. */
int cmd_import(struct db *db, int argc, char **argv);
/* coopstock export KIND [FILE|-]: CSV out. */
int cmd_export(struct db *db, int argc, char **argv);

/* coopstock wave ACTION ...: packing waves (create, list, show,
 * picklist, slips, packed, manifest). */
int cmd_wave(struct db *db, int argc, char **argv);

#endif
