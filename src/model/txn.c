/*
 * txn.c - see txn.h.  The savepoint has one fixed name.  That is enough
 * even when model calls nest (order_confirm_batch opens one and calls
 * order_confirm in it): SQLite resolves ROLLBACK TO and RELEASE to the
 * innermost savepoint of that name, so each level undoes only its own.
 */
#include <config.h>

#include <stddef.h>

#include "model/txn.h"

enum status
txn_begin(struct db *db, int *nested)
{
	*nested = db_in_transaction(db);
	if (*nested)
		return db_exec(db, "SAVEPOINT model_call");
	return db_begin(db);
}

enum status
txn_end(struct db *db, int nested, enum status st)
{
	if (st == ST_OK)
		return nested ? db_exec(db, "RELEASE model_call") : db_commit(db);
	if (nested)
		sqlite3_exec(db_sqlite(db),
		    "ROLLBACK TO model_call; RELEASE model_call", NULL, NULL,
		    NULL);
	else
		db_rollback(db);
	return st;
}
