/*
 * test_stock.c - the stock ledger: intake, adjustments (manager only,
 * FEFO, never below what is reserved), levels (expired stock is not
 * available), the ledger walk and its running balance, and model_check
 * proving the caches against the ledger.
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

static void
assert_unchanged(struct db *db, const char *before)
{
	char *after = fx_snapshot(db);

	assert_string_equal(after, before);
	free(after);
}

static void
test_intake_writes_lot_move_and_caches(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "WALNUT", "kg", 2000);
	long long m = fx_member(t->db, "M01");
	struct intake in = {
	    .product_id = p,
	    .member_id = m,
	    .qty = 1500,
	    .unit_cost = 333,
	    .received_on = "2026-03-01",
	    .grade = "A",
	    .best_before = "2026-09-01",
	    .note = "first harvest",
	};
	long long lot = 0;

	assert_int_equal(stock_intake(t->db, &in, &lot), ST_OK);
	assert_true(lot > 0);
	/* 1.5 kg at 3.33 yuan = 4.995 yuan, rounded half up to 5.00 */
	assert_int_equal(testdb_int(t->db, "SELECT cost_total FROM lot"), 500);
	assert_int_equal(
	    testdb_int(t->db,
		"SELECT count(*) FROM lot WHERE qty = 1500 AND unit_cost = 333"
		" AND grade = 'A' AND received_on = '2026-03-01'"
		" AND best_before = '2026-09-01' AND actor = 'tester'"
		" AND member_id = 1"),
	    1);
	assert_int_equal(
	    testdb_int(t->db,
		"SELECT count(*) FROM stock_move WHERE kind = 'intake'"
		" AND qty = 1500 AND actor = 'tester' AND note = 'first "
		"harvest'"
		" AND order_id IS NULL"),
	    1);
	assert_int_equal(testdb_int(t->db, "SELECT on_hand FROM stock"), 1500);
	assert_int_equal(
	    testdb_int(t->db, "SELECT on_hand FROM lot_stock"), 1500);
	in.qty = 500;
	assert_int_equal(stock_intake(t->db, &in, NULL), ST_OK);
	assert_int_equal(testdb_int(t->db, "SELECT on_hand FROM stock"), 2000);
	assert_int_equal(
	    testdb_int(t->db, "SELECT count(*) FROM lot_stock"), 2);
	fx_check_clean(t->db);
}

static void
test_intake_defaults(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	struct intake in = {.product_id = p, .qty = 4000};

	assert_int_equal(stock_intake(t->db, &in, NULL), ST_OK);
	assert_int_equal(
	    testdb_int(t->db, "SELECT count(*) FROM lot WHERE member_id IS "
			      "NULL AND grade = ''"
			      " AND best_before IS NULL AND cost_total = 0"),
	    1);
	assert_int_equal(
	    testdb_int(t->db,
		"SELECT received_on = date('now', 'localtime') FROM lot"),
	    1);
	fx_check_clean(t->db);
}

static void
test_intake_refusals_write_nothing(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	long long off = fx_product(t->db, "OLD", "jar", 100);
	long long m = fx_member(t->db, "M01");
	long long gone = fx_member(t->db, "M02");
	struct intake ok = {.product_id = p,
	    .member_id = m,
	    .qty = 1000,
	    .received_on = "2026-03-01"};
	struct intake in;
	char *before;

	fx_exec(t->db, "UPDATE product SET active = 0 WHERE sku = 'OLD'");
	fx_exec(t->db, "UPDATE member SET active = 0 WHERE code = 'M02'");
	fx_lot(t->db, p, 1000, NULL);
	before = fx_snapshot(t->db);
	in = ok;
	in.qty = 0;
	assert_int_equal(stock_intake(t->db, &in, NULL), ST_INVALID);
	in = ok;
	in.qty = -5;
	assert_int_equal(stock_intake(t->db, &in, NULL), ST_INVALID);
	in = ok;
	in.unit_cost = -1;
	assert_int_equal(stock_intake(t->db, &in, NULL), ST_INVALID);
	in = ok;
	in.received_on = "2026-02-30";
	assert_int_equal(stock_intake(t->db, &in, NULL), ST_INVALID);
	in = ok;
	in.best_before = "yesterday";
	assert_int_equal(stock_intake(t->db, &in, NULL), ST_INVALID);
	in = ok;
	in.best_before = "2026-02-28";
	assert_int_equal(stock_intake(t->db, &in, NULL), ST_INVALID);
	assert_string_equal(
	    db_errmsg(t->db), "the best-before date 2026-02-28 is before the "
			      "receipt date 2026-03-01");
	in = ok;
	in.qty = 2000;
	in.unit_cost = INT64_MAX;
	assert_int_equal(stock_intake(t->db, &in, NULL), ST_INVALID);
	in = ok;
	in.product_id = 999;
	assert_int_equal(stock_intake(t->db, &in, NULL), ST_NOT_FOUND);
	in = ok;
	in.product_id = off;
	assert_int_equal(stock_intake(t->db, &in, NULL), ST_NOT_FOUND);
	in = ok;
	in.member_id = 999;
	assert_int_equal(stock_intake(t->db, &in, NULL), ST_NOT_FOUND);
	in = ok;
	in.member_id = gone;
	assert_int_equal(stock_intake(t->db, &in, NULL), ST_NOT_FOUND);
	assert_string_equal(db_errmsg(t->db), "no active member with id 2");
	assert_unchanged(t->db, before);
	assert_false(db_in_transaction(t->db));
	free(before);
	/* a best-before on the day of receipt is fine */
	in = ok;
	in.best_before = "2026-03-01";
	assert_int_equal(stock_intake(t->db, &in, NULL), ST_OK);
	fx_check_clean(t->db);
}

static void
test_adjust_is_manager_only(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	long long lot = fx_lot(t->db, p, 5000, NULL);
	char *before = fx_snapshot(t->db);

	db_set_actor(t->db, 5, "li", 0);
	assert_int_equal(
	    stock_adjust(t->db, p, 0, -1000, "broken jar"), ST_DENIED);
	assert_int_equal(
	    stock_adjust(t->db, p, lot, 1000, "found one"), ST_DENIED);
	assert_unchanged(t->db, before);
	free(before);
	db_set_actor(t->db, 1, "boss", 1);
	assert_int_equal(stock_adjust(t->db, p, 0, -1000, "broken jar"), ST_OK);
	assert_int_equal(
	    testdb_int(t->db,
		"SELECT count(*) FROM stock_move WHERE kind = 'adjust'"
		" AND qty = -1000 AND actor = 'boss' AND note = 'broken jar'"),
	    1);
	assert_int_equal(testdb_int(t->db, "SELECT on_hand FROM stock"), 4000);
	fx_check_clean(t->db);
}

static void
test_adjust_needs_reason_and_nonzero(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	char *before;

	fx_lot(t->db, p, 5000, NULL);
	before = fx_snapshot(t->db);
	assert_int_equal(stock_adjust(t->db, p, 0, -1000, NULL), ST_INVALID);
	assert_int_equal(stock_adjust(t->db, p, 0, -1000, ""), ST_INVALID);
	assert_int_equal(stock_adjust(t->db, p, 0, -1000, "  "), ST_INVALID);
	assert_string_equal(
	    db_errmsg(t->db), "a stock adjustment needs a reason");
	assert_int_equal(stock_adjust(t->db, p, 0, 0, "nothing"), ST_INVALID);
	assert_int_equal(
	    stock_adjust(t->db, 999, 0, -1, "no such"), ST_NOT_FOUND);
	assert_unchanged(t->db, before);
	free(before);
}

static void
test_adjust_down_is_fefo(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	long long late = fx_lot(t->db, p, 3000, fx_date(20));
	long long none = fx_lot(t->db, p, 3000, NULL);
	long long soon = fx_lot(t->db, p, 3000, fx_date(5));
	long long old = fx_lot(t->db, p, 1000, fx_date(-2)); /* expired */
	struct stock_level lv;

	assert_int_equal(stock_adjust(t->db, p, 0, -4500, "mice"), ST_OK);
	/* expired first, then soonest best-before, then later, NULL last */
	{
		char want[128];
		sqlite3_stmt *st = NULL;

		snprintf(want, sizeof want, "%lld:-1000 %lld:-3000 %lld:-500",
		    old, soon, late);
		assert_int_equal(
		    sqlite3_prepare_v2(db_sqlite(t->db),
			"SELECT group_concat(lot_id || ':' || qty, ' ') FROM"
			" (SELECT * FROM stock_move WHERE kind = 'adjust' "
			"ORDER BY id)",
			-1, &st, NULL),
		    SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_string_equal(
		    (const char *)sqlite3_column_text(st, 0), want);
		sqlite3_finalize(st);
	}
	assert_int_equal(stock_level_get(t->db, p, &lv), ST_OK);
	assert_int_equal(lv.on_hand, 5500);
	assert_int_equal(
	    testdb_int(t->db, "SELECT on_hand FROM lot_stock"
			      " WHERE lot_id = (SELECT max(id) FROM lot WHERE "
			      "best_before IS NULL)"),
	    3000);
	(void)none;
	/* taking the rest reaches into the lot without best-before */
	assert_int_equal(stock_adjust(t->db, p, 0, -5500, "flood"), ST_OK);
	assert_int_equal(testdb_int(t->db, "SELECT on_hand FROM stock"), 0);
	fx_check_clean(t->db);
}

static void
test_adjust_never_below_reserved(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	long long lot = fx_lot(t->db, p, 5000, NULL);
	long long o = fx_order(t->db, p, 3000);
	char *before;

	assert_int_equal(order_confirm(t->db, o), ST_OK);
	before = fx_snapshot(t->db);
	assert_int_equal(
	    stock_adjust(t->db, p, 0, -2500, "spilt"), ST_NO_STOCK);
	assert_string_equal(db_errmsg(t->db), "HONEY: short by 0.5 jar");
	assert_int_equal(
	    stock_adjust(t->db, p, lot, -2001, "spilt"), ST_NO_STOCK);
	assert_string_equal(db_errmsg(t->db), "HONEY: short by 0.001 jar");
	assert_unchanged(t->db, before);
	free(before);
	assert_int_equal(stock_adjust(t->db, p, lot, -2000, "spilt"), ST_OK);
	assert_int_equal(testdb_int(t->db, "SELECT on_hand FROM stock"), 3000);
	assert_int_equal(testdb_int(t->db, "SELECT reserved FROM stock"), 3000);
	fx_check_clean(t->db);
}

static void
test_adjust_up(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	long long q = fx_product(t->db, "TEA", "bag", 1000);
	long long first, newest, other;

	assert_int_equal(
	    stock_adjust(t->db, p, 0, 1000, "found"), ST_NOT_FOUND);
	first = fx_lot(t->db, p, 1000, NULL);
	newest = fx_lot(t->db, p, 1000, NULL);
	other = fx_lot(t->db, q, 1000, NULL);
	assert_int_equal(stock_adjust(t->db, p, 0, 2000, "found"), ST_OK);
	assert_int_equal(
	    testdb_int(
		t->db, "SELECT lot_id FROM stock_move WHERE kind = 'adjust'"),
	    newest);
	assert_int_equal(stock_adjust(t->db, p, first, 500, "found"), ST_OK);
	assert_int_equal(
	    stock_adjust(t->db, p, other, 500, "wrong lot"), ST_NOT_FOUND);
	assert_int_equal(
	    stock_adjust(t->db, p, other, -500, "wrong lot"), ST_NOT_FOUND);
	assert_int_equal(testdb_int(t->db, "SELECT on_hand FROM stock"
					   " WHERE product_id = 1"),
	    4500);
	fx_check_clean(t->db);
}

static void
test_levels(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	long long q = fx_product(t->db, "TEA", "bag", 1000);
	struct stock_level lv;
	long long o;

	assert_int_equal(stock_level_get(t->db, q, &lv), ST_OK);
	assert_int_equal(lv.on_hand, 0);
	assert_int_equal(lv.reserved, 0);
	assert_int_equal(lv.available, 0);
	assert_int_equal(lv.expired, 0);
	assert_int_equal(stock_level_get(t->db, 999, &lv), ST_NOT_FOUND);
	fx_lot(t->db, p, 2000, fx_date(-1)); /* expired yesterday */
	fx_lot(t->db, p, 3000, fx_date(0));  /* good until today */
	fx_lot(t->db, p, 4000, NULL);
	o = fx_order(t->db, p, 1000);
	assert_int_equal(order_confirm(t->db, o), ST_OK);
	assert_int_equal(stock_level_get(t->db, p, &lv), ST_OK);
	assert_int_equal(lv.on_hand, 9000);
	assert_int_equal(lv.reserved, 1000);
	assert_int_equal(lv.expired, 2000);
	assert_int_equal(lv.available, 6000);
	fx_check_clean(t->db);
}

struct walk {
	int n, stop_at;
	char text[512];
};

static int
walk_fn(const struct stock_move_row *r, void *arg)
{
	struct walk *w = arg;
	size_t len = strlen(w->text);

	snprintf(w->text + len, sizeof w->text - len,
	    "%s %lld %lld %lld %s %s|", r->kind, (long long)r->qty,
	    (long long)r->balance, r->order_id, r->actor, r->note);
	assert_non_null(r->created_at);
	assert_true(r->lot_id > 0 && r->id > 0);
	return ++w->n == w->stop_at;
}

static void
test_ledger_running_balance(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	struct walk w = {0};
	long long o;
	char want[512];

	fx_lot(t->db, p, 5000, NULL);
	fx_lot(t->db, p, 1000, NULL);
	assert_int_equal(stock_adjust(t->db, p, 0, -500, "cracked"), ST_OK);
	o = fx_order(t->db, p, 2000);
	assert_int_equal(order_confirm(t->db, o), ST_OK);
	assert_int_equal(order_ship(t->db, o, "SF", "SF100"), ST_OK);
	assert_int_equal(order_return(t->db, o, "wrong flavour"), ST_OK);
	assert_int_equal(stock_ledger(t->db, p, walk_fn, &w), ST_OK);
	snprintf(want, sizeof want,
	    "intake 5000 5000 0 tester |intake 1000 6000 0 tester |"
	    "adjust -500 5500 0 tester cracked|sale -2000 3500 %lld tester |"
	    "return 2000 5500 %lld tester wrong flavour|",
	    o, o);
	assert_string_equal(w.text, want);
	assert_int_equal(w.n, 5);
	assert_int_equal(testdb_int(t->db, "SELECT on_hand FROM stock"), 5500);
	/* a nonzero return stops the walk */
	memset(&w, 0, sizeof w);
	w.stop_at = 2;
	assert_int_equal(stock_ledger(t->db, p, walk_fn, &w), ST_OK);
	assert_int_equal(w.n, 2);
	assert_int_equal(stock_ledger(t->db, 999, walk_fn, &w), ST_NOT_FOUND);
	fx_check_clean(t->db);
}

static void
test_check_catches_corrupt_caches(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY-500", "jar", 3800);
	long long o;

	fx_product(t->db, "TEA", "bag", 1000);
	fx_lot(t->db, p, 5000, NULL);
	o = fx_order(t->db, p, 1000);
	assert_int_equal(order_confirm(t->db, o), ST_OK);
	fx_check_clean(t->db);

	fx_exec(t->db, "UPDATE stock SET on_hand = on_hand + 1");
	assert_int_equal(fx_check_fails(t->db, "HONEY-500"), 1);
	fx_exec(t->db, "UPDATE stock SET on_hand = on_hand - 1");
	fx_check_clean(t->db);

	fx_exec(t->db, "UPDATE lot_stock SET on_hand = 4000");
	assert_int_equal(
	    fx_check_fails(t->db, "HONEY-500 lot 1: on hand is 4"), 1);
	fx_exec(t->db, "UPDATE lot_stock SET on_hand = 5000");

	fx_exec(t->db, "UPDATE stock SET reserved = 0");
	assert_int_equal(
	    fx_check_fails(t->db, "HONEY-500: reserved is 0 jar but confirmed "
				  "and packed orders hold 1 jar"),
	    1);
	fx_exec(t->db, "UPDATE stock SET reserved = 1000");

	fx_exec(t->db, "UPDATE lot_stock SET reserved = 2000");
	assert_int_equal(fx_check_fails(t->db, "HONEY-500 lot 1"), 1);
	fx_exec(t->db, "UPDATE lot_stock SET reserved = 1000");

	fx_exec(t->db, "DELETE FROM stock");
	assert_int_equal(fx_check_fails(t->db, "HONEY-500"), 2);
	fx_exec(t->db, "INSERT INTO stock VALUES (1, 5000, 1000)");
	fx_check_clean(t->db);
}

static void
test_check_catches_negative_ledger(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);

	fx_lot(t->db, p, 1000, NULL);
	/* a move written behind the model's back, caches left alone */
	fx_exec(t->db,
	    "INSERT INTO stock_move(kind, product_id, lot_id, qty,"
	    " actor, note) VALUES ('adjust', 1, 1, -3000, 'x', 'by hand')");
	/* on hand (product, lot); a negative sum is oversold, not corrupt */
	assert_int_equal(fx_check_fails(t->db, "HONEY"), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
		test_intake_writes_lot_move_and_caches, testdb_setup,
		testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_intake_defaults, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(test_intake_refusals_write_nothing,
		testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_adjust_is_manager_only, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_adjust_needs_reason_and_nonzero, testdb_setup,
		testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_adjust_down_is_fefo, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(test_adjust_never_below_reserved,
		testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_adjust_up, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_levels, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_ledger_running_balance, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(test_check_catches_corrupt_caches,
		testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(test_check_catches_negative_ledger,
		testdb_setup, testdb_teardown),
	};

	return TESTLIB_RUN(tests);
}
