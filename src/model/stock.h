/*
 * stock.h - the stock ledger: intake of produce, adjustments, what is on
 * hand, reserved and available, and the history of moves.
 *
 * Every change of stock is a row in stock_move (append-only), and the
 * caches stock (per product) and lot_stock (per lot) are updated in the
 * same transaction.  Quantities are thousandths of the product's unit,
 * money is fen.  Every write function opens and commits its own BEGIN
 * IMMEDIATE transaction, or runs in a savepoint when the caller already
 * holds one (see txn.h), records db_actor() as who did it, and returns
 * ST_OK or a status with the detail in db_errmsg(); on failure nothing
 * was written and the caller's transaction, if any, stays open.
 */
#ifndef COOPSTOCK_STOCK_H
#define COOPSTOCK_STOCK_H

#include <stdint.h>

#include "db/db.h"

/* One intake: produce a member brought in. */
struct intake {
	long long product_id;
	long long member_id;     /* 0: no member (opening stock) */
	int64_t qty;             /* thousandths of the unit, > 0 */
	int64_t unit_cost;       /* fen per unit owed to the member, >= 0 */
	const char *received_on; /* ISO date; NULL: today */
	const char *grade;       /* NULL: "" */
	const char *best_before; /* ISO date or NULL */
	const char *note;        /* NULL: "" */
};

/*
 * Record an intake: a new lot and its 'intake' move; the lot's cost_total
 * (qty * unit_cost, rounded to the fen) is owed to the member.  *lot_id
 * (if not NULL) receives the new lot's id.  ST_NOT_FOUND for an unknown
 * or inactive product or member, ST_INVALID for qty <= 0, a negative
 * unit_cost, a cost_total beyond int64, dates that are not canonical ISO
 * (date_is_iso(): parse what a clerk typed with date_parse() first) or a
 * best-before before the receipt date.
 */
enum status stock_intake(struct db *db, const struct intake *in,
    long long *lot_id);

/*
 * Adjust stock by delta (signed thousandths) with a reason (required,
 * non-empty, not only blanks; ST_INVALID) and delta != 0 (ST_INVALID):
 * manager only (ST_DENIED otherwise).  lot_id 0 means: for a negative
 * delta take from the lots FEFO (expired lots first, as they come first
 * by best-before: a write-off usually is the spoiled stock); for a
 * positive one, add to the newest lot (ST_NOT_FOUND when the product has
 * no lot).  A lot_id that is not a lot of product_id, or an unknown
 * product, is ST_NOT_FOUND; inactive products may be adjusted.  Refuses
 * (ST_NO_STOCK, "SKU: short by QTY UNIT") to take stock that is reserved
 * or not there.  One 'adjust' move per lot touched, with reason as note.
 */
enum status stock_adjust(struct db *db, long long product_id,
    long long lot_id, int64_t delta, const char *reason);

/* Stock of one product (all lots, expired included in on_hand). */
struct stock_level {
	int64_t on_hand;
	int64_t reserved;
	int64_t available;  /* on_hand - reserved - expired unreserved stock */
	int64_t expired;    /* unreserved quantity in lots past best-before */
};

/* Fill *out for product_id (zeros for a product with no stock;
 * ST_NOT_FOUND, *out zeroed, for an unknown product).  "Expired" means
 * best_before < today's local date: a lot is good on its best-before day. */
enum status stock_level_get(struct db *db, long long product_id,
    struct stock_level *out);

/* One row of a product's ledger, as passed to the callback. */
struct stock_move_row {
	long long id;
	const char *kind;        /* intake | sale | return | adjust */
	long long lot_id;
	int64_t qty;             /* signed */
	int64_t balance;         /* on hand after this move */
	long long order_id;      /* 0 when none */
	const char *actor;
	const char *note;
	const char *created_at;
};

/*
 * Call fn for each move of product_id, oldest first, with the running
 * balance.  Strings are valid only during the call.  A nonzero return
 * from fn stops the walk (still ST_OK).  ST_NOT_FOUND for an unknown
 * product.  fn may read the database but must not call stock_ledger().
 */
enum status stock_ledger(struct db *db, long long product_id,
    int (*fn)(const struct stock_move_row *, void *), void *arg);

#endif
