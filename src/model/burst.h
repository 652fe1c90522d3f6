/*
 * burst.h - the live counter of a livestream session: how many orders
 * came in since the clerk's session began, and how many wait to be
 * confirmed, packed and shipped.  The screen asks when the clerk acts or
 * presses refresh, never on a timer (the link is slow), so the query is
 * cheap: the status counts are summary_get's (ranges of the orders_live
 * index) and "since" is a rowid range.  Only this site's orders count (those received
 * from another site in a bundle do not): they are the ones its clerks
 * confirm, pack and ship (order.h).
 */
#ifndef COOPSTOCK_BURST_H
#define COOPSTOCK_BURST_H

#include "db/db.h"

/* The counter's figures. */
struct burst_counts {
	long long last_id; /* the newest order's id (0: none); keep it at
			    * the session's start and pass it as after_id */
	long arrived;      /* this site's orders with an id above after_id */
	long to_confirm;   /* this site's orders new */
	long to_pack;      /* this site's orders confirmed */
	long to_ship;      /* this site's orders packed */
};

/*
 * Fill *out with the counts, orders arrived counted above after_id; a
 * negative after_id means the newest order (arrived is 0 then, and
 * last_id is where a session starting now begins).
 * Read-only; a database failure returns its status with db_errmsg()
 * (*out is zeroed then).
 */
enum status burst_counts_get(
    struct db *db, long long after_id, struct burst_counts *out);

/*
 * As burst_counts_get, but only last_id and arrived (the status counts
 * are left 0), for a caller that has just read them (Home, through
 * summary_get: orders_new, orders_confirmed, orders_packed).
 */
enum status burst_since_get(
    struct db *db, long long after_id, struct burst_counts *out);

#endif
