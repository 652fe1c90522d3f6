/*
 * ledger.h - model-internal: the one place that writes stock_move and
 * keeps the stock and lot_stock caches (on hand and reserved) in step
 * with it.  Used by stock.c and order.c; never by layers above model/.
 *
 * Every function here must be called inside an open transaction
 * (txn_begin); none of them commits or rolls back.  They return ST_OK or a
 * status with db_errmsg() set; the caller then rolls back.
 */
#ifndef COOPSTOCK_LEDGER_H
#define COOPSTOCK_LEDGER_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

/*
 * Append one move (kind "intake", "sale", "return" or "adjust"; qty
 * signed, nonzero) for lot_id of product_id, with db_actor() as actor,
 * order_id (0: none) and note (NULL: ""), and add qty to the on_hand of
 * both caches, creating their rows when missing.  Nothing here refuses a
 * move that takes a cache below zero or below its reservation (a merge may
 * need to): callers check availability first.
 */
enum status ledger_move(struct db *db, const char *kind, long long product_id,
    long long lot_id, int64_t qty, long long order_id, const char *note);

/*
 * Add qty (positive: reserve, negative: release) to the reserved column
 * of product_id's stock row and lot_id's lot_stock row.  ST_ERROR when a
 * row is missing; ST_INVALID when reserved would leave 0..on_hand.
 */
enum status ledger_reserve(
    struct db *db, long long product_id, long long lot_id, int64_t qty);

/* One lot with stock, as ledger_lots_fefo() lists it. */
struct ledger_lot {
	long long lot_id;
	int64_t free; /* on_hand - reserved, > 0; see ledger_lots_fefo */
};

/*
 * List product_id's lots holding unreserved stock in FEFO order
 * (best_before ascending, no best-before last, then lot id).  With
 * skip_expired, lots whose best_before is before today are left out.
 * The list stops where the free quantities add up to the product's free
 * stock (ledger_product_free), the last lot's cut to fit: the product's
 * reserved figure also holds orders of other sites, which reserve no lot
 * here.  *out (free() it; NULL when *n is 0) and *n receive the list.
 */
enum status ledger_lots_fefo(struct db *db, long long product_id,
    int skip_expired, struct ledger_lot **out, size_t *n);

/*
 * The product's free stock, on hand less reserved (0 when it has no
 * stock row), into *free_qty; below zero when it is oversold.
 */
enum status ledger_product_free(
    struct db *db, long long product_id, int64_t *free_qty);

/*
 * Add (sign > 0) or take back (sign < 0) each line's quantity of order
 * order_id onto its product's reserved figure, and no lot's: how an order
 * taken in at another site holds stock here while it is confirmed or
 * packed (its own site chose the lots).  Products without a stock row get
 * one.  ST_INVALID (a CHECK) when reserved would go below 0.
 */
enum status ledger_order_hold(struct db *db, long long order_id, int sign);

/*
 * Return a newly allocated "SKU: short by QTY UNIT" for product_id
 * (translated), for ST_NO_STOCK details.
 */
char *ledger_shortage(struct db *db, long long product_id, int64_t qty);

/*
 * Step a prepared statement that returns no rows, reset it, and map the
 * result (ST_OK, or the status with db_errmsg() set).
 */
enum status ledger_step(struct db *db, sqlite3_stmt *st);

#endif
