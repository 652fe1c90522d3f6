/*
 * summary.h - what needs doing now, in numbers: the Home screen's counts.
 *
 * One function reads them all in one read transaction, so the screen
 * shows a consistent picture and the rules (what "low" and "expired"
 * mean) stay those of report_stock() and stock_level_get().
 */
#ifndef COOPSTOCK_SUMMARY_H
#define COOPSTOCK_SUMMARY_H

#include <stdint.h>

#include "db/db.h"

/* Default for near_days: lots whose best-before is this close count. */
#define SUMMARY_NEAR_DAYS 14

/* The order counts are of this site's orders only: confirm, pack and
 * ship are its own site's to do (order.h).  Other sites' orders in those
 * states are counted apart, as waiting at their site. */
struct summary {
	long long orders_new;       /* this site's orders to confirm */
	long long orders_confirmed; /* to pack */
	long long orders_packed;    /* to ship */
	long long away_new;         /* other sites' orders new */
	long long away_confirmed;   /* other sites' orders confirmed */
	long long away_packed;      /* other sites' orders packed */
	long long low_stock;        /* active products at or below reorder level
				       (report_stock's "low") */
	long long lots_near;    /* lots with stock, best-before today..+near */
	long long lots_expired; /* lots with stock past their best-before */
};

/*
 * Fill *out (zeroed first) from db; lots count as near when their
 * best-before is from today to today + near_days (local dates).
 * Returns ST_OK or a status with the detail in db_errmsg().
 */
enum status summary_get(struct db *db, int near_days, struct summary *out);

/* One lot with stock, as summary_lots passes it; strings valid during
 * the call. */
struct summary_lot {
	long long lot_id;
	const char *best_before; /* ISO date */
	const char *sku, *name, *unit;
	const char *member; /* member's name, "" when none */
	int64_t on_hand;    /* thousandths of the unit */
	long days_left;     /* best_before - today; negative when past */
};

/*
 * Call fn for each lot with stock whose best-before is past (expired
 * nonzero) or from today to today + near_days (expired zero), soonest
 * first, the same lots summary_get() counts.  A nonzero return from fn
 * stops the walk (still ST_OK).
 */
enum status summary_lots(struct db *db, int near_days, int expired,
    int (*fn)(const struct summary_lot *lot, void *arg), void *arg);

#endif
