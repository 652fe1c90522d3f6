/*
 * test_setting.c - the setting table: defaults, the keys init writes,
 * new keys, and that only a manager changes them.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "testdump.h"
#include "model/setting.h"

static void
test_get_set(void **state)
{
	struct testdb *t = *state;
	char *v;

	v = setting_get(t->db, "site_name", "x");
	assert_string_equal(v, "main");
	free(v);
	v = setting_get(t->db, "site_id", NULL);
	assert_int_equal(strlen(v), 16);
	free(v);
	v = setting_get(t->db, "no_such_key", "默认");
	assert_string_equal(v, "默认");
	free(v);
	v = setting_get(t->db, "no_such_key", NULL);
	assert_string_equal(v, "");
	free(v);
	assert_int_equal(setting_set(t->db, "coop_name", "陇南核桃合作社"), ST_OK);
	assert_int_equal(setting_set(t->db, "printer", "lp0"), ST_OK);
	assert_int_equal(setting_set(t->db, "printer", "lp1"), ST_OK);
	v = setting_get(t->db, "coop_name", "");
	assert_string_equal(v, "陇南核桃合作社");
	free(v);
	v = setting_get(t->db, "printer", "");
	assert_string_equal(v, "lp1");
	free(v);
	assert_int_equal(testdb_int(t->db,
	    "SELECT count(*) FROM setting WHERE key = 'printer'"), 1);
}

static void
test_refused(void **state)
{
	struct testdb *t = *state;
	char *before = testdb_dump(t->db);

	assert_int_equal(setting_set(t->db, "", "x"), ST_INVALID);
	assert_int_equal(setting_set(t->db, NULL, "x"), ST_INVALID);
	assert_int_equal(setting_set(t->db, "coop_name", NULL), ST_INVALID);
	db_set_actor(t->db, 5, "li", 0);
	assert_int_equal(setting_set(t->db, "coop_name", "x"), ST_DENIED);
	testdb_assert_same(t->db, before);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_get_set, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_refused, testdb_setup,
		    testdb_teardown),
	};

	return TESTLIB_RUN(tests);
}
