/*
 * test_demo.c - demo_fill: all of it through the model (model_check is
 * clean), the actor unchanged afterwards, and refused without a trace on
 * a database that has a product or a member, or for a clerk who is not a
 * manager.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "fixture.h"
#include "model/demo.h"

static void
test_fill(void **state)
{
	struct testdb *t = *state;
	struct demo_counts c;
	char *before;

	assert_int_equal(demo_fill(t->db, &c), ST_OK);
	assert_int_equal(c.products, 12);
	assert_int_equal(c.members, 12);
	assert_int_equal(c.lots, 15);
	assert_int_equal(c.orders, 14);
	assert_int_equal(c.payments, 2);
	assert_int_equal(c.clerks, 2);
	assert_string_equal(db_actor(t->db), "tester");
	assert_true(db_actor_is_manager(t->db));
	assert_false(db_in_transaction(t->db));
	fx_check_clean(t->db);
	assert_int_equal(testdb_int(t->db, "SELECT count(DISTINCT status)"
					   " FROM orders"),
	    7);

	before = fx_snapshot(t->db);
	assert_int_equal(demo_fill(t->db, &c), ST_NOT_EMPTY);
	{
		char *after = fx_snapshot(t->db);

		assert_string_equal(after, before);
		free(after);
	}
	free(before);
}

static void
test_refusals(void **state)
{
	struct testdb *t = *state;
	char *before;

	fx_member(t->db, "M1");
	before = fx_snapshot(t->db);
	assert_int_equal(demo_fill(t->db, NULL), ST_NOT_EMPTY);
	assert_non_null(strstr(db_errmsg(t->db), "0 products and 1 members"));
	db_set_actor(t->db, 0, "clerk", 0);
	assert_int_equal(demo_fill(t->db, NULL), ST_DENIED);
	{
		char *after = fx_snapshot(t->db);

		assert_string_equal(after, before);
		free(after);
	}
	free(before);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
		test_fill, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_refusals, testdb_setup, testdb_teardown),
	};

	return TESTLIB_RUN(tests);
}
