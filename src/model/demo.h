/*
 * demo.h - a demonstration cooperative for training and trying coopstock:
 * a village co-op in the hills of Longnan, Gansu, with its clerks,
 * products, member farmers, lots, orders in every state and payouts.
 *
 * Everything is written through the model's own functions (product_add,
 * stock_intake, order_create, order_confirm, ...), so the demo obeys the
 * same rules as a clerk's work and `coopstock check` passes afterwards.
 * The data are fixed; only the dates are relative to today, so that
 * best-before states (one lot expired, some near expiry) and "the last 30
 * days" stay meaningful whenever the demo is run.
 */
#ifndef COOPSTOCK_DEMO_H
#define COOPSTOCK_DEMO_H

#include "db/db.h"

/* The PINs demo_fill gives its clerks (documented in README.md). */
#define DEMO_MANAGER_PIN "1234"

/* What demo_fill wrote, for the summary line. */
struct demo_counts {
	int clerks; /* clerks added (existing names are kept as they are) */
	int products;
	int members;
	int lots;
	int orders;
	int payments;
};

/*
 * Fill an empty database with the demo cooperative, all or nothing, in
 * one transaction (or a savepoint inside the caller's).  "Empty" means no
 * product and no member: lots and orders need a product, so none can
 * exist then.  ST_NOT_EMPTY (nothing written) otherwise.  The settings
 * coop_name, coop_phone and coop_address are set; the clerk "manager"
 * gets the PIN DEMO_MANAGER_PIN only when it has none; clerks 李娜
 * (1111) and 王强 (2222) are added unless their names exist.  Needs the
 * manager role (ST_DENIED).  *counts (if not NULL) receives what was
 * written.  On failure the detail is in db_errmsg() and nothing was
 * written.  The actor is the same afterwards as before.
 */
enum status demo_fill(struct db *db, struct demo_counts *counts);

#endif
