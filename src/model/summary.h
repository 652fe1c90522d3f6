/*
 * summary.h - what needs doing now, in numbers: the Home screen's counts.
 *
 * One function reads them all in one read transaction, so the screen
 * shows a consistent picture and the rules (what "low" and "expired"
 * mean) stay those of report_stock() and stock_level_get().
 */
#ifndef COOPSTOCK_SUMMARY_H
#define COOPSTOCK_SUMMARY_H

#include "db/db.h"

/* Default for near_days: lots whose best-before is this close count. */
#define SUMMARY_NEAR_DAYS 14

struct summary {
	long long orders_new;       /* orders to confirm */
	long long orders_confirmed; /* to pack */
	long long orders_packed;    /* to ship */
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

#endif
