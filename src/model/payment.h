/*
 * payment.h - what the cooperative owes its members for their produce,
 * and what it has paid them.
 *
 * A member is owed the cost_total of every lot taken in from them (see
 * stock_intake in stock.h) and is paid by payment rows.  The balance is
 * owed - paid: positive while the cooperative still owes the member,
 * negative after an advance.  All amounts are fen.
 */
#ifndef COOPSTOCK_PAYMENT_H
#define COOPSTOCK_PAYMENT_H

#include <stdint.h>

#include "db/db.h"

/*
 * Record a payment of amount fen (> 0) to member member_id on paid_on (an
 * ISO date "YYYY-MM-DD", or NULL for today), with a note (NULL: ""),
 * stamped with db_actor().  ST_NOT_FOUND for no such member (inactive
 * members may still be paid), ST_INVALID for an amount <= 0 or a date
 * that is not ISO.  On failure nothing was written; the detail is in
 * db_errmsg().
 */
enum status payment_record(struct db *db, long long member_id, int64_t amount,
    const char *paid_on, const char *note);

/*
 * Set *owed, *paid and *balance (owed - paid) for member member_id.  Any
 * of the pointers may be NULL.  ST_NOT_FOUND for no such member.
 */
enum status payout_balance(struct db *db, long long member_id, int64_t *owed,
    int64_t *paid, int64_t *balance);

/* One member's account, as payout_list passes it: valid during the call. */
struct payout_row {
	long long member_id;
	const char *code;
	const char *name;
	const char *village;
	int active;
	int64_t owed;
	int64_t paid;
	int64_t balance;
};

/*
 * Call fn once for every member (inactive ones too), in code order.  A
 * nonzero return from fn stops the walk (still ST_OK).
 */
enum status payout_list(struct db *db,
    int (*fn)(const struct payout_row *row, void *arg), void *arg);

#endif
