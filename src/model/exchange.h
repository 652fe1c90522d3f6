/*
 * exchange.h - the few queries the CSV importers and exporters need that
 * the rest of the model has no use for: orders walked line by line in one
 * pass (an export of a million lines must not load them), an order found
 * by the shop's reference alone (a courier's tracking file has no
 * channel), and the checks that make re-importing a file change nothing.
 * Read-only; every function returns ST_OK or a status with the detail in
 * db_errmsg().
 */
#ifndef COOPSTOCK_EXCHANGE_H
#define COOPSTOCK_EXCHANGE_H

#include <stdint.h>

#include "db/db.h"

/* One order line with its order's header, as exchange_order_rows passes
 * it.  Strings are valid only during the call, never NULL. */
struct exchange_order_row {
	long long order_id;
	const char *ext_ref; /* "" for an order typed in at the counter */
	const char *channel;
	const char *ordered_at; /* "YYYY-MM-DD HH:MM:SS" */
	const char *status;
	const char *customer_name, *customer_phone, *customer_address;
	const char *note;
	long long line_id;
	const char *sku, *name, *unit;
	int64_t qty;        /* thousandths of the unit */
	int64_t unit_price; /* fen per unit */
};

/*
 * Call fn for every line of every order (only of orders in state status,
 * unless status is NULL), in order id then line id order.  A nonzero
 * return from fn stops the walk (still ST_OK).
 */
enum status exchange_order_rows(struct db *db, const char *status,
    int (*fn)(const struct exchange_order_row *row, void *arg), void *arg);

/*
 * Find the order with the shop reference ext_ref (and channel, unless it
 * is NULL or "").  *count gets how many orders match; when it is 1, *id
 * gets the order and *status (if not NULL) a new copy of its status
 * (caller frees); otherwise *id is 0 and *status NULL.
 */
enum status exchange_order_find(struct db *db, const char *ext_ref,
    const char *channel, long long *id, char **status, int *count);

/* Set *found to 1 if order_id has a shipment with tracking_no, else 0. */
enum status exchange_shipment_has(
    struct db *db, long long order_id, const char *tracking_no, int *found);

/* An intake as a lot row records it, for exchange_lot_exists. */
struct exchange_lot_key {
	long long product_id, member_id; /* member_id 0: none */
	const char *received_on;         /* ISO date */
	int64_t qty, unit_cost;
	const char *grade;       /* "" when none */
	const char *best_before; /* NULL or "" when none */
};

/* Set *found to 1 if a lot with exactly these values exists, else 0. */
enum status exchange_lot_exists(
    struct db *db, const struct exchange_lot_key *k, int *found);

/*
 * Set the connection up for one long import transaction: savepoint
 * journals in memory (most model calls inside an import are savepoints,
 * the orders of `import orders` excepted: order_bulk_create makes none;
 * on disk, every page a savepoint touches is first copied to a
 * temporary file) and an 8 MiB page cache.  A larger one measured no
 * faster (32 MiB: a tenth slower, the fresh memory's first touches
 * cost more than the spills it saves) and took the peak of a million
 * lines from 23 to 45 MiB.  Memory stays bounded: the savepoint journal
 * holds one call's pages at a time.
 */
enum status exchange_bulk_mode(struct db *db);

/*
 * Turn SQLite's foreign key checks off (on = 0) or back on (1) for this
 * connection.  Call it outside a transaction: inside one SQLite ignores
 * it.  Off is only for a writer that makes every reference it writes
 * itself, as order_bulk_create does (an order's lines and events name
 * the order it has just inserted; its products were checked, active, in
 * the same transaction): there the checks cannot fail, and they cost
 * 7.5% of the instructions of `import orders`.  Returns ST_OK or the
 * failure's status.
 */
enum status exchange_fk_checks(struct db *db, int on);

#endif
