/*
 * check.h - prove the stock caches agree with the ledger and the
 * reservations, for `coopstock check` and the tests.
 */
#ifndef COOPSTOCK_CHECK_H
#define COOPSTOCK_CHECK_H

#include "db/db.h"

/*
 * Check, in one read transaction (unless one is already open): each
 * product's stock.on_hand and each lot's lot_stock.on_hand equal the sum
 * of their moves; stock.reserved and lot_stock.reserved equal the
 * order_alloc rows of confirmed and packed orders; no other order holds
 * order_alloc rows.  A negative ledger sum is not a problem here: it is
 * an oversold product after a merge (syncstate_oversold in syncstate.h).  Each
 * problem is passed to problem() as one translated sentence naming the
 * product by SKU (the string is valid only during the call); *count (if
 * not NULL) receives the number of problems.  Returns ST_OK when the
 * check ran, whether or not it found problems; another status (with
 * db_errmsg()) when the database could not be read.
 */
enum status model_check(struct db *db,
    void (*problem)(const char *msg, void *arg), void *arg, int *count);

#endif
