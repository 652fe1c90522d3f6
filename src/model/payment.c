/*
 * payment.c - see payment.h.  Totals are computed from lot and payment
 * each time, not cached: a member has a few hundred rows at most, and a
 * computed balance can never disagree with its rows.
 */
#include <config.h>

#include <string.h>

#include "model/payment.h"
#include "model/txn.h"
#include "util/i18n.h"
#include "util/num.h"

static enum status
record_in_txn(struct db *db, long long member_id, int64_t amount,
    const char *paid_on, const char *note)
{
	sqlite3_stmt *st;
	long long n;
	enum status s;
	int rc;

	st = db_prepare(db, "SELECT count(*) FROM member WHERE id = ?1");
	if (st == NULL)
		return ST_ERROR;
	sqlite3_bind_int64(st, 1, member_id);
	s = db_query_int(db, st, 0, &n);
	if (s != ST_OK)
		return s;
	if (n == 0)
		return db_fail(db, ST_NOT_FOUND, _("no such member"));
	st = db_prepare(db, "INSERT INTO payment(member_id, amount, paid_on, "
	    "note, actor) VALUES (?1, ?2, ?3, ?4, ?5)");
	if (st == NULL)
		return ST_ERROR;
	sqlite3_bind_int64(st, 1, member_id);
	sqlite3_bind_int64(st, 2, amount);
	db_bind_text(st, 3, paid_on);
	db_bind_text(st, 4, note != NULL ? note : "");
	db_bind_text(st, 5, db_actor(db));
	rc = sqlite3_step(st);
	s = db_status(db, rc);
	sqlite3_reset(st);
	return s;
}

enum status
payment_record(struct db *db, long long member_id, int64_t amount,
    const char *paid_on, const char *note)
{
	char today[DATE_SIZE];
	enum status s;
	int nested;

	if (amount <= 0)
		return db_fail(db, ST_INVALID, _("a payment must be more than zero"));
	if (paid_on == NULL)
		paid_on = date_today(today, sizeof today);
	else if (!date_is_iso(paid_on))
		return db_fail(db, ST_INVALID,
		    _("the payment date %s is not a date like 2026-03-05"),
		    paid_on);
	s = txn_begin(db, &nested);
	if (s != ST_OK)
		return s;
	return txn_end(db, nested,
	    record_in_txn(db, member_id, amount, paid_on, note));
}

#define OWED_SQL(m) \
	"coalesce((SELECT sum(cost_total) FROM lot WHERE member_id = " m \
	"), 0)"
#define PAID_SQL(m) \
	"coalesce((SELECT sum(amount) FROM payment WHERE member_id = " m \
	"), 0)"

enum status
payout_balance(struct db *db, long long member_id, int64_t *owed,
    int64_t *paid, int64_t *balance)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " OWED_SQL("m.id") ", "
	    PAID_SQL("m.id") " FROM member m WHERE m.id = ?1");
	enum status s;
	int64_t o = 0, p = 0;
	int rc;

	if (st == NULL)
		return ST_ERROR;
	sqlite3_bind_int64(st, 1, member_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		o = sqlite3_column_int64(st, 0);
		p = sqlite3_column_int64(st, 1);
		s = ST_OK;
	} else if (rc == SQLITE_DONE)
		s = db_fail(db, ST_NOT_FOUND, _("no such member"));
	else
		s = db_status(db, rc);
	sqlite3_reset(st);
	if (owed != NULL)
		*owed = o;
	if (paid != NULL)
		*paid = p;
	if (balance != NULL)
		*balance = o - p;
	return s;
}

enum status
payout_list(struct db *db, int (*fn)(const struct payout_row *row, void *arg),
    void *arg)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT m.id, m.code, m.name, "
	    "m.village, m.active, " OWED_SQL("m.id") ", " PAID_SQL("m.id")
	    " FROM member m ORDER BY m.code, m.id");
	struct payout_row r;
	enum status s;
	int rc;

	if (st == NULL)
		return ST_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.member_id = sqlite3_column_int64(st, 0);
		r.code = (const char *)sqlite3_column_text(st, 1);
		r.name = (const char *)sqlite3_column_text(st, 2);
		r.village = (const char *)sqlite3_column_text(st, 3);
		r.active = sqlite3_column_int(st, 4);
		r.owed = sqlite3_column_int64(st, 5);
		r.paid = sqlite3_column_int64(st, 6);
		r.balance = r.owed - r.paid;
		if (fn(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	s = db_status(db, rc);
	sqlite3_reset(st);
	return s;
}
