/*
 * order_list.h - the orders list as the Orders screen pages through it.
 *
 * Keyset paging on the order number (orders.id, the primary key, and
 * orders_status(status, id) when filtered by status), so a page at the
 * end of 100,000 orders costs what one at the start does.  "Newest
 * first" is the highest order number first: the order they were entered
 * (an imported file keeps its own order).  Each row carries its number of
 * lines and its total, computed as order_get() does (money_mul_qty per
 * line, rounded half away from zero), so the list and the detail agree.
 */
#ifndef COOPSTOCK_ORDER_LIST_H
#define COOPSTOCK_ORDER_LIST_H

#include <stdint.h>

#include "db/db.h"

enum order_list_sort {
	ORDER_LIST_NEWEST, /* highest order number first */
	ORDER_LIST_OLDEST  /* lowest order number first */
};

/* What the list shows: filter, search and order.  A state that only an
 * order's own site moves on from (new, confirmed, packed: order.h) lists
 * this site's orders only, the ones its clerks have to confirm, pack or
 * ship; every other state, and -1, lists every site's. */
struct order_list_query {
	int status; /* an enum order_status, or -1 for every state */
	const char
	    *search; /* NULL or blank: every order; see order_list_page */
	enum order_list_sort sort;
};

/* One row as order_list_page passes it; strings valid only during the
 * call, "" when absent. */
struct order_list_row {
	long long id;
	const char *ordered_at; /* "YYYY-MM-DD HH:MM:SS" */
	const char *channel, *ext_ref;
	const char *customer_name, *customer_phone;
	const char *status; /* as stored: "new", "confirmed", ... */
	const char *site;   /* "" taken in here; else as struct order's */
	int nlines;
	int64_t total; /* fen; INT64_MAX if it does not fit */
};

/*
 * Call fn for up to limit (>= 1) orders matching q, nearest first in the
 * direction of the walk: forward (dir > 0) the orders that come after
 * order after_id in q->sort's order, backward (dir < 0) those before it
 * (the nearest one first).  after_id 0 starts at the first order
 * (forward) or the last (backward).
 *
 * q->search, trimmed and folded (ASCII case, full-width ASCII), matches
 * an order whose number it is (all digits, an optional leading '#'), or
 * whose external reference, customer name or customer phone contains it;
 * Chinese names match on any substring, one character included.
 *
 * A nonzero return from fn stops the walk (still ST_OK).  ST_INVALID for
 * limit < 1; otherwise ST_OK or a database status with db_errmsg().
 */
enum status order_list_page(struct db *db, const struct order_list_query *q,
    long long after_id, int dir, int limit,
    int (*fn)(const struct order_list_row *row, void *arg), void *arg);

/* Set *n to the number of orders in state status (-1: all) that
 * order_list_page lists for it.  ST_OK or a database status. */
enum status order_list_count(struct db *db, int status, long long *n);

/* Set *yes to 1 when any order here was taken in at another site (a
 * list may then show whose each is), else 0.  ST_OK or a database
 * status. */
enum status order_list_has_away(struct db *db, int *yes);

/* One status change of an order; strings valid only during the call. */
struct order_event_row {
	const char *from_status; /* "" for the creation */
	const char *to_status;
	const char *actor, *note, *at;
};

/* Call fn for each event of order id, oldest first.  A nonzero return
 * stops the walk.  An unknown order simply has none.  ST_OK or a
 * database status. */
enum status order_events(struct db *db, long long id,
    int (*fn)(const struct order_event_row *e, void *arg), void *arg);

/* One shipment of an order; strings valid only during the call. */
struct order_shipment_row {
	const char *courier, *tracking_no, *shipped_on;
};

/* Call fn for each shipment of order id, oldest first; as order_events. */
enum status order_shipments(struct db *db, long long id,
    int (*fn)(const struct order_shipment_row *sh, void *arg), void *arg);

#endif
