/*
 * test_summary.c - the Home screen's numbers (summary_get): orders per
 * status, low stock by report_stock's rule (and its count at the
 * boundaries), lots near and past their
 * best-before; and drafts: one per clerk and kind, taken once, and the
 * value encoding surviving newlines and backslashes.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "fixture.h"
#include "model/draft.h"
#include "model/order.h"
#include "model/report.h"
#include "model/summary.h"
#include "util/xalloc.h"

static void
test_summary(void **state)
{
	struct testdb *t = *state;
	long long a = fx_product(t->db, "A", "jar", 1000);
	long long b = fx_product(t->db, "B", "kg", 1000);
	struct summary s;

	fx_product(t->db, "C", "bag", 1000); /* no stock: low (0 <= 0) */
	fx_exec(t->db, "UPDATE product SET reorder_level = 2000");
	fx_lot(t->db, a, 5000, NULL);
	fx_lot(t->db, a, 1000, fx_date(-1)); /* expired */
	fx_lot(t->db, b, 3000, fx_date(3));  /* near */
	fx_lot(t->db, b, 1000, fx_date(30)); /* neither */
	fx_order(t->db, a, 1000);
	fx_order(t->db, a, 1000);
	fx_exec(t->db, "UPDATE orders SET status = 'packed' WHERE id = 2");
	assert_int_equal(summary_get(t->db, 14, &s), ST_OK);
	assert_int_equal(s.orders_new, 1);
	assert_int_equal(s.orders_confirmed, 0);
	assert_int_equal(s.orders_packed, 1);
	assert_int_equal(s.lots_expired, 1);
	assert_int_equal(s.lots_near, 1);
	/* C has nothing: low.  A: 5 available > 2.  B: 4 > 2. */
	assert_int_equal(s.low_stock, 1);
	assert_int_equal(summary_get(t->db, 60, &s), ST_OK);
	assert_int_equal(s.lots_near, 2);
	assert_false(db_in_transaction(t->db));
}

static int
count_row(const struct report_stock_row *r, void *arg)
{
	(void)r;
	(*(long long *)arg)++;
	return 0;
}

/* Low at the boundary: equal counts, one thousandth over does not, expired
 * lots alone can make a product low, inactive products never count; and
 * the count is report_stock's walk. */
static void
test_low_rule(void **state)
{
	struct testdb *t = *state;
	long long d = fx_product(t->db, "D", "kg", 1000);
	long long e = fx_product(t->db, "E", "kg", 1000);
	long long f = fx_product(t->db, "F", "kg", 1000);
	long long n = 0, walked = 0;
	struct summary s;

	fx_product(t->db, "G", "kg", 1000);
	fx_exec(t->db, "UPDATE product SET reorder_level = 3000");
	fx_exec(t->db, "UPDATE product SET active = 0 WHERE sku = 'G'");
	fx_lot(t->db, d, 3000, fx_date(30));
	fx_lot(t->db, d, 2000, fx_date(-2)); /* 5000 on hand, 3000 usable */
	fx_lot(t->db, e, 3001, fx_date(30)); /* one over: not low */
	fx_lot(t->db, f, 3000, NULL);        /* at the level: low */
	assert_int_equal(report_stock_low_count(t->db, &n), ST_OK);
	assert_int_equal(n, 2);
	assert_int_equal(report_stock(t->db, 1, count_row, &walked), ST_OK);
	assert_int_equal(walked, n);
	assert_int_equal(summary_get(t->db, 14, &s), ST_OK);
	assert_int_equal(s.low_stock, 2);
	fx_exec(t->db, "UPDATE product SET reorder_level = 2999 WHERE id = "
		       "(SELECT id FROM product WHERE sku = 'D')");
	assert_int_equal(report_stock_low_count(t->db, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_false(db_in_transaction(t->db));
}

static int
lot_text(const struct summary_lot *l, void *arg)
{
	char **text = arg, *next;

	next = xasprintf("%s%s %ld %lld\n", *text, l->sku, l->days_left,
	    (long long)l->on_hand);
	free(*text);
	*text = next;
	return 0;
}

static void
test_lots(void **state)
{
	struct testdb *t = *state;
	long long a = fx_product(t->db, "A", "jar", 1000);
	long long b = fx_product(t->db, "B", "kg", 1000);
	char *text = xstrdup("");

	fx_lot(t->db, a, 1000, fx_date(-1));
	fx_lot(t->db, b, 3000, fx_date(3));
	fx_lot(t->db, a, 2000, fx_date(0));
	fx_lot(t->db, b, 1000, fx_date(30));
	fx_lot(t->db, b, 1000, NULL);
	assert_int_equal(summary_lots(t->db, 14, 0, lot_text, &text), ST_OK);
	assert_string_equal(text, "A 0 2000\nB 3 3000\n");
	free(text);
	text = xstrdup("");
	assert_int_equal(summary_lots(t->db, 14, 1, lot_text, &text), ST_OK);
	assert_string_equal(text, "A -1 1000\n");
	free(text);
}

static void
test_draft(void **state)
{
	struct testdb *t = *state;
	const char *vals[] = {"new", "a\\b", "two\nlines", "", "核桃"};
	char *body = draft_encode(vals, 5), *got = NULL, **out, *kind;
	size_t n;

	assert_int_equal(draft_save(t->db, 1, "product", "old"), ST_OK);
	assert_int_equal(draft_save(t->db, 1, "product", body), ST_OK);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM draft"), 1);
	kind = draft_latest_kind(t->db, 1);
	assert_string_equal(kind, "product");
	free(kind);
	assert_int_equal(draft_take(t->db, 2, "product", &got), ST_NOT_FOUND);
	assert_null(got);
	assert_int_equal(draft_take(t->db, 1, "product", &got), ST_OK);
	assert_string_equal(got, body);
	free(got);
	assert_int_equal(draft_take(t->db, 1, "product", &got), ST_NOT_FOUND);
	assert_null(got);
	draft_decode(body, &out, &n);
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(out[i], vals[i]);
	draft_values_free(out, n);
	draft_decode("", &out, &n);
	assert_int_equal(n, 1);
	assert_string_equal(out[0], "");
	draft_values_free(out, n);
	free(body);
	assert_false(db_in_transaction(t->db));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
		test_summary, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_low_rule, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_lots, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_draft, testdb_setup, testdb_teardown),
	};

	return TESTLIB_RUN(tests);
}
