/*
 * report.h - the rows of coopstock's reports: stock, low stock and sales.
 * (Payouts come from payout_list in payment.h.)
 *
 * The model hands out rows through a callback and knows nothing of how
 * they are printed; the command line lays them out as a text table or a
 * CSV file.  Strings in a row are valid only during the call; quantities
 * are thousandths of the product's unit, money is fen.  A nonzero return
 * from the callback stops the walk (still ST_OK).  Reads run in one read
 * transaction (unless the caller holds one), so a report is a consistent
 * picture even while clerks are working.
 */
#ifndef COOPSTOCK_REPORT_H
#define COOPSTOCK_REPORT_H

#include <stdint.h>

#include "db/db.h"

/* One active product's stock, as report_stock passes it. */
struct report_stock_row {
	long long product_id;
	const char *sku, *name, *unit;
	int64_t on_hand;
	int64_t reserved;
	int64_t expired;   /* unreserved stock in lots past best-before */
	int64_t available; /* on_hand - reserved - expired */
	int64_t reorder_level;
	int low; /* available <= reorder_level */
};

/*
 * Call fn for every active product in SKU order, or with low_only only
 * for those whose available stock is at or below their reorder level.
 * "Expired" uses today's local date, as stock_level_get() does.
 */
enum status report_stock(struct db *db, int low_only,
    int (*fn)(const struct report_stock_row *row, void *arg), void *arg);

/*
 * Set *count to the number of rows report_stock(db, 1, ...) would pass,
 * in one query over indexes (Home counts them at every draw).
 */
enum status report_stock_low_count(struct db *db, long long *count);

/* What was sold of one product on one day, as report_sales passes it. */
struct report_sales_row {
	const char *day; /* ISO date the orders were placed */
	long long product_id;
	const char *sku, *name, *unit;
	long long orders; /* orders with this product that day */
	int64_t qty;
	int64_t amount; /* sum of line totals, each rounded to the fen */
};

/*
 * Call fn for each (day, product) with sales, by day then SKU, for the
 * orders placed from `from` to `to` (ISO dates, both included).  A sale
 * is a line of an order that is now shipped or delivered: the stock has
 * left and stayed gone.  Sales are therefore net of returns: a returned
 * order brings every unit back (order_return) and counts for nothing,
 * and new, confirmed, packed and cancelled orders are not sales yet or at
 * all.  ST_INVALID when a date is not ISO or from is after to.
 */
enum status report_sales(struct db *db, const char *from, const char *to,
    int (*fn)(const struct report_sales_row *row, void *arg), void *arg);

#endif
