/*
 * test_order_draft.c - a half-typed order kept for the clerk who typed it:
 * one per clerk, taken once, never for the command line.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "model/order_draft.h"

static void
test_save_take(void **state)
{
	struct testdb *t = *state;
	char *body = NULL;
	int has = -1;

	db_set_actor(t->db, 1, "manager", 1);
	assert_int_equal(order_draft_exists(t->db, &has), ST_OK);
	assert_int_equal(has, 0);
	assert_int_equal(order_draft_take(t->db, &body), ST_OK);
	assert_null(body);
	assert_int_equal(order_draft_save(t->db, "name=王芳\n"), ST_OK);
	assert_int_equal(order_draft_save(t->db, "name=李娜\n"), ST_OK);
	assert_int_equal(order_draft_exists(t->db, &has), ST_OK);
	assert_int_equal(has, 1);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM draft"), 1);
	assert_int_equal(order_draft_take(t->db, &body), ST_OK);
	assert_string_equal(body, "name=李娜\n");
	free(body);
	assert_int_equal(order_draft_take(t->db, &body), ST_OK);
	assert_null(body);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM draft"), 0);
}

static void
test_per_clerk(void **state)
{
	struct testdb *t = *state;
	char *body = NULL;
	int has = -1;

	assert_int_equal(
	    db_exec(t->db, "INSERT INTO clerk(name) VALUES ('李娜')"), ST_OK);
	db_set_actor(t->db, 1, "manager", 1);
	assert_int_equal(order_draft_save(t->db, "a"), ST_OK);
	db_set_actor(t->db, 2, "李娜", 0);
	assert_int_equal(order_draft_exists(t->db, &has), ST_OK);
	assert_int_equal(has, 0);
	assert_int_equal(order_draft_take(t->db, &body), ST_OK);
	assert_null(body);
	db_set_actor(t->db, 0, "root (command line)", 1);
	assert_int_equal(order_draft_save(t->db, "b"), ST_INVALID);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM draft"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
		test_save_take, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_per_clerk, testdb_setup, testdb_teardown),
	};

	return TESTLIB_RUN(tests);
}
