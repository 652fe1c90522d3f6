/*
 * order_get.h - one order read whole: its header, its lines and the site
 * that took it in.  Split from order.h, which includes this header, so
 * that a caller of order_get needs nothing new.
 */
#ifndef COOPSTOCK_ORDER_GET_H
#define COOPSTOCK_ORDER_GET_H

#include <stdint.h>

#include "db/db.h"

/* An order's header, as order_get returns it.  Free with order_free. */
struct order {
	long long id;
	char *channel, *ext_ref, *ordered_at, *status;
	char *customer_name, *customer_phone, *customer_address, *note;
	char *created_by;
	char *site; /* "" taken in here; else the site that took it in:
		     * its name when it is a known peer, else its id */
	int nlines;
	struct order_line {
		long long id, product_id;
		char *sku, *name, *unit;
		int64_t qty, unit_price, total;
	} *lines;
	int64_t total;           /* sum of line totals, fen */
};

/* Load order id with its lines into a new struct (*out; NULL on failure).
 * ST_NOT_FOUND.  Absent text (ext_ref) is "".  Totals are rounded half
 * away from zero per line (money_mul_qty). */
enum status order_get(struct db *db, long long id, struct order **out);
/* Free an order from order_get.  NULL is ok. */
void order_free(struct order *o);

/* Nonzero when this site may confirm, pack and ship order o: it was
 * taken in here (o->site is "").  Any site may cancel it. */
int order_fulfils_here(const struct order *o);

#endif
