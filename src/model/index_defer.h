/*
 * index_defer.h - secondary indexes dropped for a large load and built
 * again before it commits.  Keeping an index while a table grows by
 * hundreds of thousands of rows costs a B-tree descent (and, once the
 * tables outgrow the page cache, page reads and writes) per row and
 * index; building it once from the finished table is a sort, several
 * times cheaper.  Everything happens inside the caller's transaction:
 * other connections (WAL readers) keep seeing the old schema, and a
 * rollback brings the indexes back as they were.
 */
#ifndef COOPSTOCK_INDEX_DEFER_H
#define COOPSTOCK_INDEX_DEFER_H

#include "db/db.h"

/* The indexes one index_defer_drop dropped, with their CREATE text. */
struct index_defer;

/* The secondary indexes of orders, order_line and order_event that
 * creating orders does not read: orders_status, orders_phone,
 * orders_live, order_event_order, and order_line_order and
 * order_line_product unless keep_lines (order_confirm reads an order's
 * lines by order_id). */
enum index_defer_set { INDEX_DEFER_ORDERS, INDEX_DEFER_ORDERS_KEEP_LINES };

/*
 * Inside the caller's transaction (ST_INVALID without one), drop the
 * indexes of set that exist, remembering how each was created, and put
 * temporary storage in files until index_defer_restore (see
 * index_defer.c).  *out gets the set to pass to index_defer_restore; on
 * ST_OK it is NULL only when nothing was dropped because SQLite refused
 * to move temporary storage inside this transaction (it does once the
 * connection's temp database is open).  On any other status some may
 * have been dropped: the caller must roll back; *out is NULL.
 */
enum status index_defer_drop(
    struct db *db, enum index_defer_set set, struct index_defer **out);

/*
 * Create again, from their remembered CREATE statements, the indexes d
 * holds (NULL: none), in the same transaction, before it commits, and
 * set temporary storage and the page cache size back as they were.
 * ST_OK, or a status after which the caller must roll back.  d stays
 * the caller's.
 */
enum status index_defer_restore(struct db *db, const struct index_defer *d);

/* Free d (NULL: nothing); the indexes are not touched. */
void index_defer_free(struct index_defer *d);

#endif
