/*
 * stock.c - see stock.h.
 *
 * Each write is one BEGIN IMMEDIATE transaction (or a savepoint inside
 * the caller's, see txn.h): checks and writes happen under the write lock,
 * so a check cannot be raced by another clerk's process.  The moves themselves
 * go through ledger.c, which keeps the caches.  Levels are read from the
 * caches; the ledger walk is read from stock_move and sums the running balance
 * itself.
 */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "model/ledger.h"
#include "model/stock.h"
#include "model/txn.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/xalloc.h"

static const char sql_product_active[] =
    "SELECT active FROM product WHERE id = ?1";
static const char sql_member_active[] =
    "SELECT active FROM member WHERE id = ?1";
static const char sql_lot_insert[] =
    "INSERT INTO lot(product_id, member_id, received_on, qty, grade,"
    " unit_cost, cost_total, best_before, actor)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
static const char sql_lot_of_product[] =
    "SELECT coalesce(s.on_hand - s.reserved, 0) FROM lot l"
    " LEFT JOIN lot_stock s ON s.lot_id = l.id"
    " WHERE l.id = ?1 AND l.product_id = ?2";
static const char sql_newest_lot[] =
    "SELECT max(id) FROM lot WHERE product_id = ?1";
static const char sql_level[] =
    "SELECT on_hand, reserved FROM stock WHERE product_id = ?1";
static const char sql_expired[] =
    "SELECT sum(max(s.on_hand - s.reserved, 0)) FROM lot l"
    " JOIN lot_stock s ON s.lot_id = l.id"
    " WHERE l.product_id = ?1 AND l.best_before < ?2";
static const char sql_moves[] =
    "SELECT id, kind, lot_id, qty, coalesce(order_id, 0), actor, note,"
    " created_at FROM stock_move WHERE product_id = ?1 ORDER BY id";

/* ST_OK when the row id in table (by sql) exists and, if need_active, is
 * active; ST_NOT_FOUND otherwise. */
static enum status
row_check(struct db *db, const char *sql, long long id, int need_active)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	long long active;
	enum status s;

	if (st == NULL)
		return ST_ERROR;
	if (sqlite3_bind_int64(st, 1, id) != SQLITE_OK)
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	s = db_query_int(db, st, -1, &active);
	if (s != ST_OK)
		return s;
	if (active < 0 || (need_active && active == 0))
		return ST_NOT_FOUND;
	return ST_OK;
}

/* Check an intake's values; fills received (today when NULL). */
static enum status
intake_validate(
    struct db *db, const struct intake *in, char *received, int64_t *cost)
{
	if (in->qty <= 0)
		return db_fail(
		    db, ST_INVALID, _("the quantity must be above zero"));
	if (in->unit_cost < 0)
		return db_fail(
		    db, ST_INVALID, _("the unit cost must not be negative"));
	if (in->received_on == NULL)
		date_today(received, DATE_SIZE);
	else if (date_is_iso(in->received_on))
		strcpy(received, in->received_on);
	else
		return db_fail(
		    db, ST_INVALID, _("not a date: %s"), in->received_on);
	if (in->best_before != NULL && !date_is_iso(in->best_before))
		return db_fail(
		    db, ST_INVALID, _("not a date: %s"), in->best_before);
	if (in->best_before != NULL && strcmp(in->best_before, received) < 0)
		return db_fail(db, ST_INVALID,
		    _("the best-before date %s is before the receipt date %s"),
		    in->best_before, received);
	if (money_mul_qty(in->unit_cost, in->qty, cost) != NUM_OK)
		return db_fail(
		    db, ST_INVALID, _("the lot's cost is too large"));
	return ST_OK;
}

/* Insert the lot row; *lot_id gets its id. */
static enum status
lot_insert(struct db *db, const struct intake *in, const char *received,
    int64_t cost, long long *lot_id)
{
	sqlite3_stmt *st = db_prepare(db, sql_lot_insert);
	int bad = 0;
	enum status s;

	if (st == NULL)
		return ST_ERROR;
	bad |= sqlite3_bind_int64(st, 1, in->product_id) != SQLITE_OK;
	if (in->member_id != 0)
		bad |= sqlite3_bind_int64(st, 2, in->member_id) != SQLITE_OK;
	bad |= db_bind_text(st, 3, received) != SQLITE_OK;
	bad |= sqlite3_bind_int64(st, 4, in->qty) != SQLITE_OK;
	bad |= db_bind_text(st, 5, in->grade ? in->grade : "") != SQLITE_OK;
	bad |= sqlite3_bind_int64(st, 6, in->unit_cost) != SQLITE_OK;
	bad |= sqlite3_bind_int64(st, 7, cost) != SQLITE_OK;
	bad |= db_bind_text(st, 8, in->best_before) != SQLITE_OK;
	bad |= db_bind_text(st, 9, db_actor(db)) != SQLITE_OK;
	if (bad)
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	s = ledger_step(db, st);
	if (s == ST_OK)
		*lot_id = sqlite3_last_insert_rowid(db_sqlite(db));
	return s;
}

enum status
stock_intake(struct db *db, const struct intake *in, long long *lot_id)
{
	char received[DATE_SIZE];
	int64_t cost;
	long long id = 0;
	int nested;
	enum status s;

	s = intake_validate(db, in, received, &cost);
	if (s != ST_OK)
		return s;
	s = txn_begin(db, &nested);
	if (s != ST_OK)
		return s;
	s = row_check(db, sql_product_active, in->product_id, 1);
	if (s == ST_NOT_FOUND)
		db_fail(
		    db, s, _("no active product with id %lld"), in->product_id);
	if (s == ST_OK && in->member_id != 0) {
		s = row_check(db, sql_member_active, in->member_id, 1);
		if (s == ST_NOT_FOUND)
			db_fail(db, s, _("no active member with id %lld"),
			    in->member_id);
	}
	if (s == ST_OK)
		s = lot_insert(db, in, received, cost, &id);
	if (s == ST_OK)
		s = ledger_move(
		    db, "intake", in->product_id, id, in->qty, 0, in->note);
	s = txn_end(db, nested, s);
	if (s == ST_OK && lot_id != NULL)
		*lot_id = id;
	return s;
}

/* Take -delta (> 0) from the product's lots, FEFO, expired ones first. */
static enum status
adjust_down_fefo(
    struct db *db, long long product_id, int64_t want, const char *reason)
{
	struct ledger_lot *lots;
	size_t n;
	int64_t have = 0, take;
	enum status s = ledger_lots_fefo(db, product_id, 0, &lots, &n);

	if (s != ST_OK)
		return s;
	for (size_t i = 0; i < n; i++)
		have += lots[i].free;
	if (have < want) {
		char *msg = ledger_shortage(db, product_id, want - have);

		s = db_fail(db, ST_NO_STOCK, "%s", msg);
		free(msg);
	}
	for (size_t i = 0; s == ST_OK && want > 0 && i < n; i++) {
		take = lots[i].free < want ? lots[i].free : want;
		s = ledger_move(
		    db, "adjust", product_id, lots[i].lot_id, -take, 0, reason);
		want -= take;
	}
	free(lots);
	return s;
}

/* Adjust one given lot (or the newest when lot_id is 0 and delta > 0). */
static enum status
adjust_lot(struct db *db, long long product_id, long long lot_id, int64_t delta,
    const char *reason)
{
	sqlite3_stmt *st;
	long long free_qty;
	int64_t pfree;
	enum status s;

	if (lot_id == 0) {
		st = db_prepare(db, sql_newest_lot);
		if (st == NULL)
			return ST_ERROR;
		if (sqlite3_bind_int64(st, 1, product_id) != SQLITE_OK)
			return db_status(db, sqlite3_errcode(db_sqlite(db)));
		s = db_query_int(db, st, 0, &lot_id);
		if (s != ST_OK)
			return s;
		if (lot_id == 0)
			return db_fail(db, ST_NOT_FOUND,
			    _("the product has no lot to add to"));
	}
	st = db_prepare(db, sql_lot_of_product);
	if (st == NULL)
		return ST_ERROR;
	if (sqlite3_bind_int64(st, 1, lot_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, product_id) != SQLITE_OK)
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	/* no row: not a lot of this product (free stock itself may be below
	 * zero after a merge, see replica.h) */
	s = db_query_int(db, st, LLONG_MIN, &free_qty);
	if (s != ST_OK)
		return s;
	if (free_qty == LLONG_MIN)
		return db_fail(db, ST_NOT_FOUND,
		    _("lot %lld is not a lot of this product"), lot_id);
	/* other sites' orders hold the product, not a lot (ledger.h) */
	if (delta < 0) {
		s = ledger_product_free(db, product_id, &pfree);
		if (s != ST_OK)
			return s;
		if (pfree < free_qty)
			free_qty = pfree;
	}
	if (delta < 0 && free_qty < -delta) {
		char *msg = ledger_shortage(db, product_id, -delta - free_qty);

		s = db_fail(db, ST_NO_STOCK, "%s", msg);
		free(msg);
		return s;
	}
	return ledger_move(db, "adjust", product_id, lot_id, delta, 0, reason);
}

enum status
stock_adjust(struct db *db, long long product_id, long long lot_id,
    int64_t delta, const char *reason)
{
	int nested;
	enum status s;

	if (!db_actor_is_manager(db))
		return db_fail(
		    db, ST_DENIED, _("only a manager may adjust stock"));
	if (reason == NULL || reason[strspn(reason, " \t")] == '\0')
		return db_fail(
		    db, ST_INVALID, _("a stock adjustment needs a reason"));
	if (delta == 0)
		return db_fail(
		    db, ST_INVALID, _("the adjustment must not be zero"));
	s = txn_begin(db, &nested);
	if (s != ST_OK)
		return s;
	s = row_check(db, sql_product_active, product_id, 0);
	if (s == ST_NOT_FOUND)
		db_fail(db, s, _("no product with id %lld"), product_id);
	if (s == ST_OK && lot_id == 0 && delta < 0)
		s = adjust_down_fefo(db, product_id, -delta, reason);
	else if (s == ST_OK)
		s = adjust_lot(db, product_id, lot_id, delta, reason);
	return txn_end(db, nested, s);
}

enum status
stock_level_get(struct db *db, long long product_id, struct stock_level *out)
{
	sqlite3_stmt *st;
	char today[DATE_SIZE];
	long long expired;
	int rc;
	enum status s;

	memset(out, 0, sizeof *out);
	s = row_check(db, sql_product_active, product_id, 0);
	if (s == ST_NOT_FOUND)
		return db_fail(db, s, _("no product with id %lld"), product_id);
	if (s != ST_OK)
		return s;
	st = db_prepare(db, sql_level);
	if (st == NULL)
		return ST_ERROR;
	if (sqlite3_bind_int64(st, 1, product_id) != SQLITE_OK)
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->on_hand = sqlite3_column_int64(st, 0);
		out->reserved = sqlite3_column_int64(st, 1);
	}
	s = rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status(db, rc);
	sqlite3_reset(st);
	if (s != ST_OK)
		return s;
	st = db_prepare(db, sql_expired);
	if (st == NULL)
		return ST_ERROR;
	if (sqlite3_bind_int64(st, 1, product_id) != SQLITE_OK ||
	    db_bind_text(st, 2, date_today(today, sizeof today)) != SQLITE_OK)
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	s = db_query_int(db, st, 0, &expired);
	if (s != ST_OK)
		return s;
	out->expired = expired;
	out->available = out->on_hand - out->reserved - out->expired;
	return ST_OK;
}

enum status
stock_ledger(struct db *db, long long product_id,
    int (*fn)(const struct stock_move_row *, void *), void *arg)
{
	sqlite3_stmt *st;
	struct stock_move_row r;
	int64_t balance = 0;
	int rc;
	enum status s;

	s = row_check(db, sql_product_active, product_id, 0);
	if (s == ST_NOT_FOUND)
		return db_fail(db, s, _("no product with id %lld"), product_id);
	if (s != ST_OK)
		return s;
	st = db_prepare(db, sql_moves);
	if (st == NULL)
		return ST_ERROR;
	if (sqlite3_bind_int64(st, 1, product_id) != SQLITE_OK)
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(st, 0);
		r.kind = (const char *)sqlite3_column_text(st, 1);
		r.lot_id = sqlite3_column_int64(st, 2);
		r.qty = sqlite3_column_int64(st, 3);
		balance += r.qty;
		r.balance = balance;
		r.order_id = sqlite3_column_int64(st, 4);
		r.actor = (const char *)sqlite3_column_text(st, 5);
		r.note = (const char *)sqlite3_column_text(st, 6);
		r.created_at = (const char *)sqlite3_column_text(st, 7);
		if (fn(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	s = rc == SQLITE_DONE ? ST_OK : db_status(db, rc);
	sqlite3_reset(st);
	return s;
}
