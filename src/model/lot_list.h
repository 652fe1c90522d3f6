/*
 * lot_list.h - the lots one member brought in, a page at a time, for the
 * Members screen.
 *
 * Newest first (by lot id, which grows with every intake).  Keyset
 * paging on the lot id: a page costs the same for a member's thousandth
 * lot as for the first.  Read-only.
 */
#ifndef COOPSTOCK_LOT_LIST_H
#define COOPSTOCK_LOT_LIST_H

#include <stdint.h>

#include "db/db.h"

/* One lot, as lot_list passes it: strings valid during the call, never
 * NULL ("" for no grade or best-before). */
struct lot_row {
	long long id;
	const char *sku, *name, *unit;
	const char *received_on;
	int64_t qty;     /* thousandths of the unit, as taken in */
	int64_t on_hand; /* what is left of it */
	const char *grade;
	int64_t unit_cost;  /* fen per unit */
	int64_t cost_total; /* fen owed for the lot */
	const char *best_before;
};

/*
 * Call fn for up to limit (>= 1) lots of member member_id, nearest
 * first: with after 0, from the newest (backward 0) or the oldest
 * (backward 1); otherwise the lots older than lot after (backward 0) or
 * newer than it (backward 1).  A nonzero return from fn stops the walk
 * (still ST_OK).  An unknown member simply has no lots.  Returns ST_OK
 * or a status with the detail in db_errmsg().
 */
enum status lot_list(struct db *db, long long member_id, long long after,
    int backward, int limit, int (*fn)(const struct lot_row *row, void *arg),
    void *arg);

#endif
