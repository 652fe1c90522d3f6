/*
 * fixture.c - see fixture.h.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "fixture.h"
#include "model/check.h"
#include "model/order.h"
#include "model/stock.h"
#include "util/num.h"
#include "util/xalloc.h"

static long long
insert(struct db *db, const char *sql, const char *a, const char *b, int64_t n)
{
	sqlite3_stmt *st = NULL;
	sqlite3 *h = db_sqlite(db);

	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("prepare: %s", sqlite3_errmsg(h));
	assert_int_equal(
	    sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC), SQLITE_OK);
	if (sqlite3_bind_parameter_count(st) >= 2)
		assert_int_equal(
		    sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC), SQLITE_OK);
	if (sqlite3_bind_parameter_count(st) >= 3)
		assert_int_equal(sqlite3_bind_int64(st, 3, n), SQLITE_OK);
	if (sqlite3_step(st) != SQLITE_DONE)
		fail_msg("insert: %s", sqlite3_errmsg(h));
	sqlite3_finalize(st);
	return sqlite3_last_insert_rowid(h);
}

long long
fx_product(struct db *db, const char *sku, const char *unit, int64_t price)
{
	return insert(db,
	    "INSERT INTO product(sku, name, unit, price)"
	    " VALUES (?1, ?1 || ' name', ?2, ?3)",
	    sku, unit, price);
}

long long
fx_member(struct db *db, const char *code)
{
	return insert(db, "INSERT INTO member(code, name) VALUES (?1, ?1)",
	    code, NULL, 0);
}

const char *
fx_date(long days)
{
	static char buf[4][DATE_SIZE];
	static int next;
	char today[DATE_SIZE];
	char *b = buf[next++ % 4];

	date_today(today, sizeof today);
	return date_add_days(today, days, b, DATE_SIZE);
}

long long
fx_lot(
    struct db *db, long long product_id, int64_t qty, const char *best_before)
{
	char received[DATE_SIZE];
	struct intake in = {
	    .product_id = product_id,
	    .qty = qty,
	    .unit_cost = 100,
	    .best_before = best_before,
	};
	long long lot = 0;
	enum status s;

	if (best_before != NULL) {
		date_add_days(best_before, -30, received, sizeof received);
		in.received_on = received;
	}
	s = stock_intake(db, &in, &lot);
	if (s != ST_OK)
		fail_msg("stock_intake: %s: %s", status_name(s), db_errmsg(db));
	return lot;
}

long long
fx_order(struct db *db, long long product_id, int64_t qty)
{
	struct order_line_in line = {product_id, qty, -1};
	struct order_in in = {
	    .channel = "walk-in", .lines = &line, .nlines = 1};
	long long id = 0;
	enum status s = order_create(db, &in, &id);

	if (s != ST_OK)
		fail_msg("order_create: %s: %s", status_name(s), db_errmsg(db));
	return id;
}

static void
print_problem(const char *msg, void *arg)
{
	const char *needle = arg;

	print_message("# problem: %s\n", msg);
	if (needle != NULL && strstr(msg, needle) == NULL)
		fail_msg("problem without '%s': %s", needle, msg);
}

void
fx_check_clean(struct db *db)
{
	int n = -1;

	assert_int_equal(model_check(db, print_problem, NULL, &n), ST_OK);
	assert_int_equal(n, 0);
}

int
fx_check_fails(struct db *db, const char *needle)
{
	int n = -1;

	assert_int_equal(
	    model_check(db, print_problem, (void *)needle, &n), ST_OK);
	assert_true(n > 0);
	return n;
}

void
fx_exec(struct db *db, const char *sql)
{
	if (db_exec(db, sql) != ST_OK)
		fail_msg("%s: %s", sql, db_errmsg(db));
}

char *
fx_snapshot(struct db *db)
{
	static const char *const q[] = {
	    "SELECT count(*) FROM lot",
	    "SELECT count(*) FROM stock_move",
	    "SELECT total(qty) FROM stock_move",
	    "SELECT count(*) FROM stock",
	    "SELECT total(on_hand) * 1000003 + total(reserved) FROM stock",
	    "SELECT count(*) FROM lot_stock",
	    "SELECT total(on_hand * lot_id) + total(reserved * lot_id * 7)"
	    " FROM lot_stock",
	    "SELECT count(*) FROM orders",
	    "SELECT count(*) FROM order_line",
	    "SELECT count(*) FROM order_alloc",
	    "SELECT total(qty * lot_id) FROM order_alloc",
	    "SELECT count(*) FROM order_event",
	    "SELECT count(*) FROM shipment",
	    "SELECT count(*) FROM customer",
	    "SELECT group_concat(id || status || updated_at) FROM orders",
	};
	char *s = xstrdup(""), *t;

	for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
		sqlite3_stmt *st = NULL;
		const unsigned char *v;

		assert_int_equal(
		    sqlite3_prepare_v2(db_sqlite(db), q[i], -1, &st, NULL),
		    SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		v = sqlite3_column_text(st, 0);
		t = xasprintf("%s%s|", s, v != NULL ? (const char *)v : "NULL");
		free(s);
		s = t;
		sqlite3_finalize(st);
	}
	return s;
}
