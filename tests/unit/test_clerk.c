/*
 * test_clerk.c - clerks: PIN rules, yescrypt hashing and its cost (and the
 * upgrade of older-cost hashes at sign-in), sign-in, first-use
 * PINs, the manager-only actions, and that every refused call leaves the
 * database as it was.
 */
#include <config.h>

#include <crypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "testdump.h"
#include "model/clerk.h"
#include "util/xalloc.h"

/* The stored hash of clerk name, newly allocated ("" for NULL). */
static char *
hash_of(struct db *db, const char *name)
{
	char *sql = sqlite3_mprintf(
	    "SELECT coalesce(pin_hash, '') FROM clerk WHERE name = %Q", name);
	sqlite3_stmt *st = NULL;
	char *h;

	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	h = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return h;
}

static void
as_clerk(struct db *db)
{
	db_set_actor(db, 5, "li", 0);
}

static void
test_pin_rules(void **state)
{
	(void)state;
	assert_true(clerk_pin_valid("1234"));
	assert_true(clerk_pin_valid("00000000"));
	assert_true(clerk_pin_valid("0123"));
	assert_false(clerk_pin_valid("123"));
	assert_false(clerk_pin_valid("123456789"));
	assert_false(clerk_pin_valid("12a4"));
	assert_false(clerk_pin_valid(" 1234"));
	assert_false(clerk_pin_valid("1234 "));
	assert_false(clerk_pin_valid(""));
	assert_false(clerk_pin_valid(NULL));
	assert_false(clerk_pin_valid("\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93\xef\xbc\x94"));
}

static void
test_hashing(void **state)
{
	struct testdb *t = *state;
	char *h1, *h2, *h3;
	long long id = 0;

	assert_int_equal(clerk_create(t->db, "li", CLERK_ROLE_CLERK, "1234", &id),
	    ST_OK);
	assert_true(id > 0);
	assert_int_equal(clerk_create(t->db, "wang", CLERK_ROLE_CLERK, "1234",
	    NULL), ST_OK);
	h1 = hash_of(t->db, "li");
	h2 = hash_of(t->db, "wang");
	assert_int_equal(strncmp(h1, "$y$", 3), 0);
	assert_int_equal(strncmp(h2, "$y$", 3), 0);
	assert_string_not_equal(h1, "1234");
	assert_string_not_equal(h1, h2);
	/* the PIN is not stored anywhere else either */
	assert_int_equal(testdb_int(t->db,
	    "SELECT count(*) FROM clerk WHERE name = '1234' OR pin_hash = '1234'"),
	    0);
	/* setting the same PIN again salts it afresh */
	assert_int_equal(clerk_set_pin(t->db, "li", "1234"), ST_OK);
	h3 = hash_of(t->db, "li");
	assert_int_equal(strncmp(h3, "$y$", 3), 0);
	assert_string_not_equal(h1, h3);
	assert_int_equal(clerk_signin(t->db, "li", "1234"), ST_OK);
	free(h1);
	free(h2);
	free(h3);
}

/* Store for clerk name a hash of pin at libcrypt's yescrypt cost cost (0:
 * libcrypt's default, what coopstock used before it chose a cost). */
static char *
store_old_hash(struct db *db, const char *name, const char *pin, int cost)
{
	char setting[CRYPT_GENSALT_OUTPUT_SIZE], *sql, *h;
	struct crypt_data *cd = xcalloc(1, sizeof *cd);

	assert_non_null(crypt_gensalt_rn("$y$", cost, NULL, 0, setting,
	    sizeof setting));
	h = xstrdup(crypt_rn(pin, setting, cd, (int)sizeof *cd));
	free(cd);
	sql = sqlite3_mprintf("UPDATE clerk SET pin_hash = %Q WHERE name = %Q",
	    h, name);
	assert_int_equal(sqlite3_exec(db_sqlite(db), sql, NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_free(sql);
	return h;
}

static void
test_hash_cost(void **state)
{
	struct testdb *t = *state;
	char *old, *h;

	/* new hashes: yescrypt at cost 3 (4 MiB), whoever sets them */
	assert_int_equal(clerk_create(t->db, "li", CLERK_ROLE_CLERK, "1234",
	    NULL), ST_OK);
	h = hash_of(t->db, "li");
	assert_int_equal(strncmp(h, "$y$j7T$", 7), 0);
	assert_true(clerk_hash_current(h));
	free(h);
	assert_int_equal(clerk_set_pin(t->db, "li", "24680135"), ST_OK);
	h = hash_of(t->db, "li");
	assert_int_equal(strncmp(h, "$y$j7T$", 7), 0);
	free(h);
	assert_false(clerk_hash_current("$y$j9T$abc$def"));
	assert_false(clerk_hash_current("$2b$05$abc"));
	assert_false(clerk_hash_current("$y$j7T"));
	assert_false(clerk_hash_current(NULL));

	/* an old hash (libcrypt's default cost, 16 MiB) still verifies */
	old = store_old_hash(t->db, "li", "8642", 0);
	assert_int_equal(strncmp(old, "$y$j9T$", 7), 0);
	assert_false(clerk_hash_current(old));
	/* a wrong PIN changes nothing */
	db_set_actor(t->db, 0, "", 0);
	assert_int_equal(clerk_signin(t->db, "li", "8641"), ST_BAD_PIN);
	h = hash_of(t->db, "li");
	assert_string_equal(h, old);
	free(h);
	/* the right one signs in and is re-hashed at the current cost */
	assert_int_equal(clerk_signin(t->db, "li", "8642"), ST_OK);
	assert_string_equal(db_actor(t->db), "li");
	h = hash_of(t->db, "li");
	assert_int_equal(strncmp(h, "$y$j7T$", 7), 0);
	assert_string_not_equal(h, old);
	/* which is the same PIN, and is left alone from then on */
	assert_int_equal(clerk_signin(t->db, "li", "8641"), ST_BAD_PIN);
	assert_int_equal(clerk_signin(t->db, "li", "8642"), ST_OK);
	free(old);
	old = hash_of(t->db, "li");
	assert_string_equal(old, h);
	free(old);
	free(h);

	/* a cheaper old cost is raised to the current one as well */
	old = store_old_hash(t->db, "li", "1357", 1);
	assert_int_equal(clerk_signin(t->db, "li", "1357"), ST_OK);
	h = hash_of(t->db, "li");
	assert_int_equal(strncmp(h, "$y$j7T$", 7), 0);
	free(h);
	free(old);
}

static void
test_signin(void **state)
{
	struct testdb *t = *state;
	long long li, boss;

	assert_int_equal(clerk_create(t->db, "Li Na", CLERK_ROLE_CLERK, "2468",
	    &li), ST_OK);
	assert_int_equal(clerk_create(t->db, "王经理", CLERK_ROLE_MANAGER,
	    "13579", &boss), ST_OK);
	as_clerk(t->db);
	assert_int_equal(clerk_signin(t->db, "Li Na", "2469"), ST_BAD_PIN);
	assert_string_equal(db_errmsg(t->db), "wrong name or PIN");
	assert_string_equal(db_actor(t->db), "li");
	assert_int_equal(clerk_signin(t->db, "Nobody", "2468"), ST_BAD_PIN);
	assert_string_equal(db_errmsg(t->db), "wrong name or PIN");
	assert_int_equal(clerk_signin(t->db, "Li Na", ""), ST_BAD_PIN);
	assert_int_equal(clerk_signin(t->db, "Li Na", NULL), ST_BAD_PIN);
	assert_int_equal(clerk_signin(t->db, NULL, "2468"), ST_BAD_PIN);
	assert_string_equal(db_actor(t->db), "li");
	/* names ignore ASCII case; the actor gets the stored spelling */
	assert_int_equal(clerk_signin(t->db, "li na", "2468"), ST_OK);
	assert_string_equal(db_actor(t->db), "Li Na");
	assert_int_equal(db_actor_clerk(t->db), li);
	assert_false(db_actor_is_manager(t->db));
	assert_int_equal(clerk_signin(t->db, "王经理", "13579"), ST_OK);
	assert_string_equal(db_actor(t->db), "王经理");
	assert_int_equal(db_actor_clerk(t->db), boss);
	assert_true(db_actor_is_manager(t->db));
}

static void
test_inactive_cannot_sign_in(void **state)
{
	struct testdb *t = *state;
	long long li;
	char *before;

	assert_int_equal(clerk_create(t->db, "li", CLERK_ROLE_CLERK, "1234",
	    &li), ST_OK);
	assert_int_equal(clerk_set_active(t->db, li, 0), ST_OK);
	assert_int_equal(clerk_signin(t->db, "li", "1234"), ST_BAD_PIN);
	assert_string_equal(db_actor(t->db), "tester");
	assert_false(clerk_needs_pin(t->db, "li"));
	before = testdb_dump(t->db);
	assert_int_equal(clerk_set_pin(t->db, "li", "5555"), ST_NOT_FOUND);
	testdb_assert_same(t->db, before);
	assert_int_equal(clerk_set_active(t->db, li, 1), ST_OK);
	assert_int_equal(clerk_signin(t->db, "li", "1234"), ST_OK);
	before = testdb_dump(t->db);
	assert_int_equal(clerk_set_active(t->db, 999, 0), ST_DENIED);
	db_set_actor(t->db, 0, "tester", 1);
	assert_int_equal(clerk_set_active(t->db, 999, 0), ST_NOT_FOUND);
	testdb_assert_same(t->db, before);
}

static void
test_first_use_pin(void **state)
{
	struct testdb *t = *state;
	char *before;

	assert_int_equal(clerk_create(t->db, "zhao", CLERK_ROLE_CLERK, NULL,
	    NULL), ST_OK);
	assert_true(clerk_needs_pin(t->db, "zhao"));
	assert_true(clerk_needs_pin(t->db, "ZHAO"));
	assert_false(clerk_needs_pin(t->db, "nobody"));
	assert_false(clerk_needs_pin(t->db, NULL));
	assert_int_equal(clerk_signin(t->db, "zhao", "1234"), ST_BAD_PIN);
	assert_int_equal(clerk_signin(t->db, "zhao", ""), ST_BAD_PIN);
	/* at the terminal nobody is signed in yet: a plain clerk actor */
	as_clerk(t->db);
	before = testdb_dump(t->db);
	assert_int_equal(clerk_set_pin(t->db, "zhao", "12"), ST_INVALID);
	assert_int_equal(clerk_set_pin(t->db, "zhao", NULL), ST_DENIED);
	testdb_assert_same(t->db, before);
	assert_int_equal(clerk_set_pin(t->db, "zhao", "8642"), ST_OK);
	assert_false(clerk_needs_pin(t->db, "zhao"));
	/* once set, only a manager may change it */
	before = testdb_dump(t->db);
	assert_int_equal(clerk_set_pin(t->db, "zhao", "1111"), ST_DENIED);
	testdb_assert_same(t->db, before);
	assert_int_equal(clerk_signin(t->db, "zhao", "8642"), ST_OK);
	/* a manager resets it, then clears it for a new first use */
	db_set_actor(t->db, 0, "tester", 1);
	assert_int_equal(clerk_set_pin(t->db, "zhao", "1111"), ST_OK);
	assert_int_equal(clerk_signin(t->db, "zhao", "8642"), ST_BAD_PIN);
	assert_int_equal(clerk_signin(t->db, "zhao", "1111"), ST_OK);
	db_set_actor(t->db, 0, "tester", 1);
	assert_int_equal(clerk_set_pin(t->db, "zhao", NULL), ST_OK);
	assert_true(clerk_needs_pin(t->db, "zhao"));
	assert_int_equal(clerk_signin(t->db, "zhao", "1111"), ST_BAD_PIN);
	assert_int_equal(clerk_set_pin(t->db, "nobody", "1234"), ST_NOT_FOUND);
}

static void
test_manager_only(void **state)
{
	struct testdb *t = *state;
	long long li;
	char *before;

	assert_int_equal(clerk_create(t->db, "li", CLERK_ROLE_CLERK, "1234",
	    &li), ST_OK);
	as_clerk(t->db);
	before = testdb_dump(t->db);
	assert_int_equal(clerk_create(t->db, "sun", CLERK_ROLE_CLERK, "1234",
	    NULL), ST_DENIED);
	assert_string_equal(db_errmsg(t->db), "only a manager may add clerks");
	assert_int_equal(clerk_create(t->db, "sun", CLERK_ROLE_MANAGER, NULL,
	    NULL), ST_DENIED);
	assert_int_equal(clerk_set_active(t->db, li, 0), ST_DENIED);
	assert_int_equal(clerk_set_active(t->db, 1, 0), ST_DENIED);
	assert_int_equal(clerk_set_pin(t->db, "li", "9999"), ST_DENIED);
	testdb_assert_same(t->db, before);
}

static void
test_create_rules(void **state)
{
	struct testdb *t = *state;
	char *before;

	assert_int_equal(clerk_create(t->db, "  li  ", CLERK_ROLE_CLERK, "1234",
	    NULL), ST_OK);
	assert_int_equal(testdb_int(t->db,
	    "SELECT count(*) FROM clerk WHERE name = 'li' AND role = 'clerk'"), 1);
	before = testdb_dump(t->db);
	assert_int_equal(clerk_create(t->db, "LI", CLERK_ROLE_CLERK, "1234",
	    NULL), ST_EXISTS);
	assert_string_equal(db_errmsg(t->db), "there is already a clerk called LI");
	assert_int_equal(clerk_create(t->db, "Manager", CLERK_ROLE_MANAGER, NULL,
	    NULL), ST_EXISTS);
	assert_int_equal(clerk_create(t->db, " \t", CLERK_ROLE_CLERK, NULL,
	    NULL), ST_INVALID);
	assert_int_equal(clerk_create(t->db, NULL, CLERK_ROLE_CLERK, NULL,
	    NULL), ST_INVALID);
	assert_int_equal(clerk_create(t->db, "sun", CLERK_ROLE_CLERK, "123",
	    NULL), ST_INVALID);
	assert_string_equal(db_errmsg(t->db), "a PIN is 4 to 8 digits");
	assert_int_equal(clerk_create(t->db, "sun", CLERK_ROLE_CLERK, "abcd",
	    NULL), ST_INVALID);
	testdb_assert_same(t->db, before);
}

static void
test_last_manager_stays(void **state)
{
	struct testdb *t = *state;
	long long boss;
	char *before = testdb_dump(t->db);

	/* the schema's first clerk, "manager", is the only manager */
	assert_int_equal(clerk_set_active(t->db, 1, 0), ST_INVALID);
	assert_string_equal(db_errmsg(t->db),
	    "at least one manager must stay active");
	testdb_assert_same(t->db, before);
	assert_int_equal(clerk_create(t->db, "boss", CLERK_ROLE_MANAGER, "1234",
	    &boss), ST_OK);
	assert_int_equal(clerk_set_active(t->db, 1, 0), ST_OK);
	assert_int_equal(clerk_set_active(t->db, boss, 0), ST_INVALID);
}

struct names {
	char text[256];
};

static int
collect(const struct clerk_row *r, void *arg)
{
	struct names *n = arg;
	size_t len = strlen(n->text);

	snprintf(n->text + len, sizeof n->text - len, "%s:%c%d%d;", r->name,
	    r->role == CLERK_ROLE_MANAGER ? 'M' : 'C', r->active, r->has_pin);
	return 0;
}

static int
stop_first(const struct clerk_row *r, void *arg)
{
	(void)r;
	(*(int *)arg)++;
	return 1;
}

static void
test_list(void **state)
{
	struct testdb *t = *state;
	struct names n = { "" };
	long long id;
	int calls = 0;

	assert_int_equal(clerk_create(t->db, "zhou", CLERK_ROLE_CLERK, "1234",
	    &id), ST_OK);
	assert_int_equal(clerk_create(t->db, "Ann", CLERK_ROLE_CLERK, NULL,
	    NULL), ST_OK);
	assert_int_equal(clerk_create(t->db, "bo", CLERK_ROLE_MANAGER, "1234",
	    NULL), ST_OK);
	assert_int_equal(clerk_set_active(t->db, id, 0), ST_OK);
	assert_int_equal(clerk_list(t->db, 0, collect, &n), ST_OK);
	assert_string_equal(n.text, "Ann:C10;bo:M11;manager:M10;");
	n.text[0] = '\0';
	assert_int_equal(clerk_list(t->db, 1, collect, &n), ST_OK);
	assert_string_equal(n.text, "Ann:C10;bo:M11;manager:M10;zhou:C01;");
	assert_int_equal(clerk_list(t->db, 1, stop_first, &calls), ST_OK);
	assert_int_equal(calls, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pin_rules),
		cmocka_unit_test_setup_teardown(test_hashing, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_hash_cost, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_signin, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_inactive_cannot_sign_in,
		    testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(test_first_use_pin, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_manager_only, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_create_rules, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_last_manager_stays,
		    testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(test_list, testdb_setup,
		    testdb_teardown),
	};

	return TESTLIB_RUN(tests);
}
