/*
 * report.c - see report.h.
 *
 * Stock comes from the caches (stock, lot_stock) that model_check proves
 * against the ledger.  Sales are summed here in C, not in SQL, so that
 * each line total is rounded exactly as order_get rounds it
 * (money_mul_qty) and a long report cannot overflow silently.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/report.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/xalloc.h"

/* Unreserved stock in product p's lots past best-before (?1: today). */
#define SQL_EXPIRED                                                 \
	"coalesce((SELECT sum(ls.on_hand - ls.reserved) FROM lot l" \
	"  JOIN lot_stock ls ON ls.lot_id = l.id"                   \
	"  WHERE l.product_id = p.id AND l.best_before < ?1), 0)"
#define SQL_FREE "coalesce(s.on_hand, 0) - coalesce(s.reserved, 0)"
static const char sql_stock[] =
    "SELECT p.id, p.sku, p.name, p.unit, coalesce(s.on_hand, 0),"
    " coalesce(s.reserved, 0), " SQL_EXPIRED ", p.reorder_level"
    " FROM product p LEFT JOIN stock s ON s.product_id = p.id"
    " WHERE p.active = 1 ORDER BY p.sku";
/* report_stock's r.low, counted: expired is never negative, so a product
 * already low before it is low without the lots being read. */
static const char sql_low_count[] =
    "SELECT count(*) FROM product p LEFT JOIN stock s ON s.product_id = p.id"
    " WHERE p.active = 1 AND (" SQL_FREE " <= p.reorder_level"
    " OR " SQL_FREE " - " SQL_EXPIRED " <= p.reorder_level)";
static const char sql_sales[] =
    "SELECT substr(o.ordered_at, 1, 10) AS day, p.id, p.sku, p.name, p.unit,"
    " o.id, l.qty, l.unit_price"
    " FROM orders o JOIN order_line l ON l.order_id = o.id"
    " JOIN product p ON p.id = l.product_id"
    " WHERE o.status IN ('shipped', 'delivered')"
    " AND substr(o.ordered_at, 1, 10) BETWEEN ?1 AND ?2"
    " ORDER BY day, p.sku, p.id, o.id";

/* Open a read transaction unless one is open; returns whether we did. */
static int
read_begin(struct db *db, enum status *s)
{
	int own = !db_in_transaction(db);

	*s = own ? db_exec(db, "BEGIN") : ST_OK;
	return own && *s == ST_OK;
}

static void
read_end(struct db *db, int own)
{
	if (own)
		db_rollback(db);
}

enum status
report_stock(struct db *db, int low_only,
    int (*fn)(const struct report_stock_row *row, void *arg), void *arg)
{
	char today[DATE_SIZE];
	struct report_stock_row r;
	sqlite3_stmt *st;
	enum status s;
	int own = read_begin(db, &s), rc = SQLITE_DONE;

	if (s != ST_OK)
		return s;
	st = db_prepare(db, sql_stock);
	if (st == NULL) {
		read_end(db, own);
		return ST_ERROR;
	}
	if (db_bind_text(st, 1, date_today(today, sizeof today)) != SQLITE_OK)
		rc = sqlite3_errcode(db_sqlite(db));
	while (rc == SQLITE_DONE && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.product_id = sqlite3_column_int64(st, 0);
		r.sku = (const char *)sqlite3_column_text(st, 1);
		r.name = (const char *)sqlite3_column_text(st, 2);
		r.unit = (const char *)sqlite3_column_text(st, 3);
		r.on_hand = sqlite3_column_int64(st, 4);
		r.reserved = sqlite3_column_int64(st, 5);
		r.expired = sqlite3_column_int64(st, 6);
		r.available = r.on_hand - r.reserved - r.expired;
		r.reorder_level = sqlite3_column_int64(st, 7);
		r.low = r.available <= r.reorder_level;
		rc = SQLITE_DONE;
		if ((!low_only || r.low) && fn(&r, arg) != 0)
			break;
	}
	s = rc == SQLITE_DONE ? ST_OK : db_status(db, rc);
	sqlite3_reset(st);
	read_end(db, own);
	return s;
}

enum status
report_stock_low_count(struct db *db, long long *count)
{
	char today[DATE_SIZE];
	sqlite3_stmt *st;
	enum status s;
	int own = read_begin(db, &s), rc;

	*count = 0;
	if (s != ST_OK)
		return s;
	st = db_prepare(db, sql_low_count);
	if (st == NULL) {
		read_end(db, own);
		return ST_ERROR;
	}
	rc = db_bind_text(st, 1, date_today(today, sizeof today));
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*count = sqlite3_column_int64(st, 0);
		rc = SQLITE_DONE;
	}
	s = rc == SQLITE_DONE ? ST_OK : db_status(db, rc);
	sqlite3_reset(st);
	read_end(db, own);
	return s;
}

/* The row being summed, with its own copies of the strings. */
struct sales_acc {
	struct report_sales_row r;
	char *day, *sku, *name, *unit;
	long long last_order;
	int open;
};

static void
acc_clear(struct sales_acc *a)
{
	free(a->day);
	free(a->sku);
	free(a->name);
	free(a->unit);
	memset(a, 0, sizeof *a);
}

/* Start a new group from the current row of st. */
static void
acc_start(struct sales_acc *a, sqlite3_stmt *st)
{
	acc_clear(a);
	a->r.day = a->day = db_column_dup(st, 0);
	a->r.product_id = sqlite3_column_int64(st, 1);
	a->r.sku = a->sku = db_column_dup(st, 2);
	a->r.name = a->name = db_column_dup(st, 3);
	a->r.unit = a->unit = db_column_dup(st, 4);
	a->open = 1;
}

/* Add the current row of st to a; ST_INVALID when a sum overflows. */
static enum status
acc_add(struct db *db, struct sales_acc *a, sqlite3_stmt *st)
{
	long long order = sqlite3_column_int64(st, 5);
	int64_t qty = sqlite3_column_int64(st, 6), total;

	if (money_mul_qty(sqlite3_column_int64(st, 7), qty, &total) != NUM_OK ||
	    a->r.amount > INT64_MAX - total || a->r.qty > INT64_MAX - qty)
		return db_fail(
		    db, ST_INVALID, _("the sales total is too large"));
	a->r.amount += total;
	a->r.qty += qty;
	if (order != a->last_order)
		a->r.orders++;
	a->last_order = order;
	return ST_OK;
}

/* Whether the current row of st belongs to the group in a. */
static int
acc_same(const struct sales_acc *a, sqlite3_stmt *st)
{
	const char *day = (const char *)sqlite3_column_text(st, 0);

	return a->open && sqlite3_column_int64(st, 1) == a->r.product_id &&
	       day != NULL && strcmp(day, a->r.day) == 0;
}

static enum status
sales_walk(struct db *db, sqlite3_stmt *st,
    int (*fn)(const struct report_sales_row *row, void *arg), void *arg)
{
	struct sales_acc a;
	enum status s = ST_OK;
	int rc = SQLITE_DONE, stop = 0;

	memset(&a, 0, sizeof a);
	while (s == ST_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!acc_same(&a, st)) {
			if (a.open && fn(&a.r, arg) != 0) {
				stop = 1;
				break;
			}
			acc_start(&a, st);
		}
		s = acc_add(db, &a, st);
	}
	if (s == ST_OK && !stop && rc != SQLITE_DONE)
		s = db_status(db, rc);
	if (s == ST_OK && !stop && a.open)
		fn(&a.r, arg);
	acc_clear(&a);
	return s;
}

enum status
report_sales(struct db *db, const char *from, const char *to,
    int (*fn)(const struct report_sales_row *row, void *arg), void *arg)
{
	sqlite3_stmt *st;
	enum status s;
	int own;

	if (from == NULL || to == NULL || !date_is_iso(from) ||
	    !date_is_iso(to))
		return db_fail(db, ST_INVALID, _("a report needs ISO dates"));
	if (strcmp(from, to) > 0)
		return db_fail(db, ST_INVALID,
		    _("the report starts on %s, after it ends on %s"), from,
		    to);
	own = read_begin(db, &s);
	if (s != ST_OK)
		return s;
	st = db_prepare(db, sql_sales);
	if (st == NULL)
		s = ST_ERROR;
	else if (db_bind_text(st, 1, from) != SQLITE_OK ||
		 db_bind_text(st, 2, to) != SQLITE_OK)
		s = db_status(db, sqlite3_errcode(db_sqlite(db)));
	else
		s = sales_walk(db, st, fn, arg);
	if (st != NULL)
		sqlite3_reset(st);
	read_end(db, own);
	return s;
}
