/*
 * order_bulk.h - creating many orders in one long transaction, for
 * `import orders`: order_create's checks and rows without a savepoint
 * per order, each product's price read once, and the customers and
 * first events written a run of orders at a time.  It may also drop the
 * orders' secondary indexes for the rest of the transaction and build
 * them again at its end (index_defer.h).
 */
#ifndef COOPSTOCK_ORDER_BULK_H
#define COOPSTOCK_ORDER_BULK_H

#include "db/db.h"
#include "model/order.h"

/*
 * A bulk creator for one long import transaction, which the caller
 * holds (db_begin) and rolls back if any order fails: order_bulk_create
 * is order_create without its savepoint.  It makes every check
 * order_create makes (same statuses and messages, ST_EXISTS writes
 * nothing and sets *id) before it writes anything, and remembers the
 * products' prices for the next orders, so the catalogue must not change
 * while it is in use.  It writes the order and its lines at once; the
 * customers and the "new" events of the orders it made are written a
 * run of orders at a time, the last run by order_bulk_finish, which the
 * caller must call before it commits.  A failure after the checks (an
 * SQLite error) may leave the order half written: the caller must then
 * roll back.  order_bulk_new never fails; order_bulk_free(NULL) does
 * nothing.
 */
struct order_bulk;
struct order_bulk *order_bulk_new(struct db *db);
enum status order_bulk_create(
    struct order_bulk *b, const struct order_in *in, long long *id);
void order_bulk_free(struct order_bulk *b);

/* Make b write each order's "new" event as it creates the order, for a
 * caller that moves the order on (order_confirm) at once, so the events
 * come in the order they happened.  Call it before the first order. */
void order_bulk_event_each(struct order_bulk *b);

/*
 * Let b drop the secondary indexes of orders, order_line and order_event
 * (index_defer.h) once it has created at least after orders and at least
 * as many as the table held before: from then on the rows are written
 * without them, and order_bulk_finish builds them again.  With confirm,
 * order_line's indexes stay (order_confirm reads an order's lines).
 * Nothing else in the transaction may then need those indexes' order
 * (queries still work, only slower).
 */
void order_bulk_defer_indexes(
    struct order_bulk *b, long long after, int confirm);

/* Return 1 if b has dropped the indexes and not yet built them again. */
int order_bulk_deferred(const struct order_bulk *b);

/*
 * Write what b still owes of the orders it made (customers, events),
 * then build again the indexes it dropped (nothing when none were): call
 * it before committing the transaction.  ST_OK, or a status after which
 * the caller must roll back.  A transaction that is rolled back instead
 * needs no call: the rollback restores them; order_bulk_free only frees.
 */
enum status order_bulk_finish(struct order_bulk *b);

#endif
