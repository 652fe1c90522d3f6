/*
 * txn.h - the write transaction every catalogue function runs in.
 *
 * A model write opens BEGIN IMMEDIATE and commits it, so a single call is
 * atomic.  When the caller already holds a transaction (the CSV importer
 * wraps a whole file in one, so that nothing is written unless every row
 * is good), the call runs inside a SAVEPOINT instead: a failing call still
 * leaves the database as it found it, and the caller's transaction stays
 * open for the caller to commit or roll back.
 */
#ifndef COOPSTOCK_TXN_H
#define COOPSTOCK_TXN_H

#include "db/db.h"

/* Open a transaction, or a savepoint inside the caller's.  *nested is set
 * for txn_end.  Returns ST_OK, ST_BUSY or another status (detail in
 * db_errmsg()); on failure nothing is open. */
enum status txn_begin(struct db *db, int *nested);

/*
 * Finish what txn_begin opened: commit (or release the savepoint) when st
 * is ST_OK, otherwise roll it back, keeping the detail of the failure.
 * Returns st, or the commit's failure.
 */
enum status txn_end(struct db *db, int nested, enum status st);

#endif
