/*
 * test_payment.c - member payouts: what each member is owed for their lots
 * (lots are inserted here by SQL), what was paid, the balance, and the
 * refused payments that must leave the database unchanged.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "testdump.h"
#include "model/member.h"
#include "model/payment.h"
#include "util/num.h"

static long long
add_member(struct db *db, const char *code, const char *name)
{
	struct member m = { 0 };
	long long id;

	m.code = (char *)code;
	m.name = (char *)name;
	assert_int_equal(member_add(db, &m, &id), ST_OK);
	return id;
}

static void
add_lot(struct db *db, long long member_id, long long cost_total)
{
	char *sql = sqlite3_mprintf("INSERT INTO lot(product_id, member_id, "
	    "received_on, qty, unit_cost, cost_total, actor) VALUES "
	    "(1, %lld, '2026-11-01', 1000, %lld, %lld, 'tester')",
	    member_id, cost_total, cost_total);

	assert_int_equal(db_exec(db, sql), ST_OK);
	sqlite3_free(sql);
}

static void
setup_data(struct db *db, long long *a, long long *b, long long *c)
{
	assert_int_equal(db_exec(db, "INSERT INTO product(id, sku, name, unit, "
	    "price) VALUES (1, 'HT', '核桃', 'kg', 3000)"), ST_OK);
	*a = add_member(db, "M01", "王芳");
	*b = add_member(db, "M02", "李四");
	*c = add_member(db, "M00", "赵六");
	add_lot(db, *a, 12345);
	add_lot(db, *a, 655);
	add_lot(db, *b, 5000);
	/* a lot with no member (opening stock) is owed to nobody */
	assert_int_equal(db_exec(db, "INSERT INTO lot(product_id, received_on, "
	    "qty, cost_total, actor) VALUES (1, '2026-11-01', 5, 999, 'x')"),
	    ST_OK);
}

static void
test_balance(void **state)
{
	struct testdb *t = *state;
	long long a, b, c;
	int64_t owed, paid, bal;

	setup_data(t->db, &a, &b, &c);
	assert_int_equal(payout_balance(t->db, a, &owed, &paid, &bal), ST_OK);
	assert_int_equal(owed, 13000);
	assert_int_equal(paid, 0);
	assert_int_equal(bal, 13000);
	assert_int_equal(payment_record(t->db, a, 5000, "2026-11-10", "现金"),
	    ST_OK);
	assert_int_equal(payment_record(t->db, a, 3000, NULL, NULL), ST_OK);
	assert_int_equal(payout_balance(t->db, a, &owed, &paid, &bal), ST_OK);
	assert_int_equal(owed, 13000);
	assert_int_equal(paid, 8000);
	assert_int_equal(bal, 5000);
	/* an advance makes the balance negative */
	assert_int_equal(payment_record(t->db, c, 2000, "2026-11-11", "预付"),
	    ST_OK);
	assert_int_equal(payout_balance(t->db, c, &owed, &paid, &bal), ST_OK);
	assert_int_equal(owed, 0);
	assert_int_equal(paid, 2000);
	assert_int_equal(bal, -2000);
	assert_int_equal(payout_balance(t->db, b, NULL, NULL, &bal), ST_OK);
	assert_int_equal(bal, 5000);
	assert_int_equal(payout_balance(t->db, 999, &owed, &paid, &bal),
	    ST_NOT_FOUND);
	assert_int_equal(owed, 0);
	assert_int_equal(bal, 0);
	/* stamps: the actor, today for a NULL date, "" for a NULL note */
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM payment "
	    "WHERE amount = 3000 AND paid_on = date('now', 'localtime') "
	    "AND note = '' AND actor = 'tester'"), 1);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM payment "
	    "WHERE amount = 5000 AND paid_on = '2026-11-10' AND note = '现金'"),
	    1);
}

static void
test_refused(void **state)
{
	struct testdb *t = *state;
	long long a, b, c;
	char *before;

	setup_data(t->db, &a, &b, &c);
	before = testdb_dump(t->db);
	assert_int_equal(payment_record(t->db, a, 0, NULL, NULL), ST_INVALID);
	assert_int_equal(payment_record(t->db, a, -100, NULL, NULL), ST_INVALID);
	assert_int_equal(payment_record(t->db, 999, 100, NULL, NULL),
	    ST_NOT_FOUND);
	assert_int_equal(payment_record(t->db, a, 100, "2026-2-30", NULL),
	    ST_INVALID);
	assert_int_equal(payment_record(t->db, a, 100, "2026/11/10", NULL),
	    ST_INVALID);
	assert_int_equal(payment_record(t->db, a, 100, "", NULL), ST_INVALID);
	testdb_assert_same(t->db, before);
	/* an inactive member may still be paid */
	assert_int_equal(member_set_active(t->db, b, 0), ST_OK);
	assert_int_equal(payment_record(t->db, b, 100, NULL, NULL), ST_OK);
}

static int
collect(const struct payout_row *r, void *arg)
{
	char *out = arg;
	size_t len = strlen(out);

	snprintf(out + len, 512 - len, "%s %s %d %lld %lld %lld\n", r->code,
	    r->name, r->active, (long long)r->owed, (long long)r->paid,
	    (long long)r->balance);
	return 0;
}

static void
test_list(void **state)
{
	struct testdb *t = *state;
	long long a, b, c;
	char out[512] = "";

	setup_data(t->db, &a, &b, &c);
	assert_int_equal(payment_record(t->db, a, 13000, NULL, NULL), ST_OK);
	assert_int_equal(payment_record(t->db, b, 1234, NULL, NULL), ST_OK);
	assert_int_equal(payment_record(t->db, b, 1, NULL, NULL), ST_OK);
	assert_int_equal(member_set_active(t->db, c, 0), ST_OK);
	assert_int_equal(payout_list(t->db, collect, out), ST_OK);
	assert_string_equal(out,
	    "M00 赵六 0 0 0 0\n"
	    "M01 王芳 1 13000 13000 0\n"
	    "M02 李四 1 5000 1235 3765\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_balance, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_refused, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_list, testdb_setup,
		    testdb_teardown),
	};

	return TESTLIB_RUN(tests);
}
