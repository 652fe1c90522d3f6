/*
 * batch.h - confirming many orders at once: after a shop's orders are
 * imported, or at the start of the day, a clerk confirms every new order
 * and learns which ones the stock cannot fill.
 */
#ifndef COOPSTOCK_BATCH_H
#define COOPSTOCK_BATCH_H

#include <stdint.h>

#include "db/db.h"

/* One product an order is short of. */
struct batch_short_line {
	long long product_id;
	const char *sku, *unit;
	int64_t qty; /* thousandths of the unit short, > 0 */
};

/* An order left new for want of stock, as passed to the callback;
 * everything is valid only during the call. */
struct batch_shortfall {
	long long order_id;
	const char *channel, *ext_ref, *customer_name, *ordered_at;
	const struct batch_short_line *lines; /* in order of first appearance */
	int nlines;                           /* >= 1 */
};

/* What order_confirm_batch did. */
struct batch_result {
	int confirmed; /* orders now confirmed */
	int short_;    /* orders left new: not enough stock */
};

/*
 * Confirm every new order of this site (only those of channel, unless
 * it is NULL; another site's orders are its own to confirm, order.h),
 * oldest first: by ordered_at, then by id.  Each order is confirmed in its
 * own savepoint (order_confirm inside one transaction, or inside the
 * caller's): an order the stock can fill is confirmed, one it cannot
 * stays new with nothing reserved, and later orders still get their turn,
 * so the oldest orders win the stock.  For each order left new,
 * on_short (may be NULL) receives the products it is short of and by how
 * much (what it needs less the unreserved, unexpired stock left once the
 * older orders took theirs); a nonzero return stops the batch early,
 * keeping what was confirmed.  *res (if not NULL) receives the counts.
 * Returns ST_OK even when orders were short; any other failure rolls the
 * whole batch back and returns the status with db_errmsg().
 */
enum status order_confirm_batch(struct db *db, const char *channel,
    int (*on_short)(const struct batch_shortfall *s, void *arg), void *arg,
    struct batch_result *res);

#endif
