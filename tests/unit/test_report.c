/*
 * test_report.c - the rows behind coopstock report: stock levels with
 * expired stock left out of what is available, the low-stock filter at
 * exactly the reorder level, and sales counting only shipped and
 * delivered orders in the date range, each line rounded to the fen.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "fixture.h"
#include "model/order.h"
#include "model/report.h"
#include "util/xalloc.h"

/* Rows as text, one per line, appended to *arg. */
static void
append(char **text, char *line)
{
	char *next = xasprintf("%s%s\n", *text, line);

	free(*text);
	free(line);
	*text = next;
}

static int
stock_text(const struct report_stock_row *r, void *arg)
{
	append(arg, xasprintf("%s %lld %lld %lld %lld %lld %d", r->sku,
			(long long)r->on_hand, (long long)r->reserved,
			(long long)r->expired, (long long)r->available,
			(long long)r->reorder_level, r->low));
	return 0;
}

static int
sales_text(const struct report_sales_row *r, void *arg)
{
	append(arg, xasprintf("%s %s %lld %lld %lld", r->day, r->sku, r->orders,
			(long long)r->qty, (long long)r->amount));
	return 0;
}

static void
test_stock(void **state)
{
	struct testdb *t = *state;
	long long a = fx_product(t->db, "A", "jar", 1000);
	long long b = fx_product(t->db, "B", "kg", 1000);
	char *text = xstrdup("");

	fx_product(t->db, "C", "bag", 1000); /* no stock at all */
	fx_exec(t->db, "UPDATE product SET reorder_level = 2000");
	fx_lot(t->db, a, 5000, NULL);
	fx_lot(t->db, a, 1000, fx_date(-1)); /* expired */
	fx_lot(t->db, b, 3000, NULL);
	assert_int_equal(order_confirm(t->db, fx_order(t->db, b, 1000)), ST_OK);
	assert_int_equal(report_stock(t->db, 0, stock_text, &text), ST_OK);
	assert_string_equal(text, "A 6000 0 1000 5000 2000 0\n"
				  "B 3000 1000 0 2000 2000 1\n"
				  "C 0 0 0 0 2000 1\n");
	free(text);
	text = xstrdup("");
	assert_int_equal(report_stock(t->db, 1, stock_text, &text), ST_OK);
	assert_string_equal(text, "B 3000 1000 0 2000 2000 1\n"
				  "C 0 0 0 0 2000 1\n");
	free(text);
}

/* An order of qty of product p at price fen, placed at `at`, walked to
 * state `to` (confirmed first when it must leave new). */
static long long
sale(struct db *db, long long p, int64_t qty, int64_t price, const char *at,
    enum order_status to)
{
	struct order_line_in line = {p, qty, price};
	struct order_in in = {
	    .channel = "phone", .ordered_at = at, .lines = &line, .nlines = 1};
	long long id;

	assert_int_equal(order_create(db, &in, &id), ST_OK);
	if (to == ORDER_NEW)
		return id;
	assert_int_equal(order_confirm(db, id), ST_OK);
	if (to == ORDER_CANCELLED) {
		assert_int_equal(order_cancel(db, id, NULL), ST_OK);
		return id;
	}
	if (to == ORDER_CONFIRMED)
		return id;
	assert_int_equal(order_ship(db, id, "sf", "T1"), ST_OK);
	if (to == ORDER_SHIPPED)
		return id;
	assert_int_equal(order_deliver(db, id), ST_OK);
	if (to == ORDER_RETURNED)
		assert_int_equal(order_return(db, id, "broken"), ST_OK);
	return id;
}

static void
test_sales(void **state)
{
	struct testdb *t = *state;
	long long a = fx_product(t->db, "A", "kg", 1000);
	long long b = fx_product(t->db, "B", "jar", 1000);
	char *text = xstrdup("");

	fx_lot(t->db, a, 100000, NULL);
	fx_lot(t->db, b, 100000, NULL);
	/* 1.5 kg at 3.33 = 4.995 -> 5.00 per line: rounded per line. */
	sale(t->db, a, 1500, 333, "2026-11-01 09:00", ORDER_DELIVERED);
	sale(t->db, a, 1500, 333, "2026-11-01 23:59:59", ORDER_SHIPPED);
	sale(t->db, b, 2000, 1000, "2026-11-01 10:00", ORDER_SHIPPED);
	sale(t->db, b, 1000, 1000, "2026-11-02 10:00", ORDER_RETURNED);
	sale(t->db, b, 1000, 1000, "2026-11-02 10:00", ORDER_CANCELLED);
	sale(t->db, b, 1000, 1000, "2026-11-02 10:00", ORDER_CONFIRMED);
	sale(t->db, b, 1000, 1000, "2026-11-02 10:00", ORDER_NEW);
	sale(t->db, b, 4000, 1000, "2026-11-03 00:00", ORDER_DELIVERED);
	sale(t->db, a, 1000, 1000, "2026-10-31 23:59", ORDER_DELIVERED);
	assert_int_equal(
	    report_sales(t->db, "2026-11-01", "2026-11-03", sales_text, &text),
	    ST_OK);
	assert_string_equal(text, "2026-11-01 A 2 3000 1000\n"
				  "2026-11-01 B 1 2000 2000\n"
				  "2026-11-03 B 1 4000 4000\n");
	free(text);
	text = xstrdup("");
	assert_int_equal(
	    report_sales(t->db, "2026-11-02", "2026-11-02", sales_text, &text),
	    ST_OK);
	assert_string_equal(text, "");
	assert_int_equal(
	    report_sales(t->db, "2026-11-03", "2026-11-01", sales_text, &text),
	    ST_INVALID);
	assert_int_equal(
	    report_sales(t->db, "2026-11-3", "2026-11-04", sales_text, &text),
	    ST_INVALID);
	free(text);
	assert_false(db_in_transaction(t->db));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
		test_stock, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_sales, testdb_setup, testdb_teardown),
	};

	return TESTLIB_RUN(tests);
}
