/*
 * testlib.h - shared helpers for the cmocka unit tests: a fresh database
 * in a fresh temp directory for each test (no mocks: the model runs on a
 * real SQLite file), and TAP output.
 */
#ifndef COOPSTOCK_TESTLIB_H
#define COOPSTOCK_TESTLIB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "db/db.h"

struct testdb {
	char *dir;   /* temp directory, removed by testdb_free */
	char *path;  /* dir/test.db */
	struct db *db;
};

/* Create a temp dir and a migrated database in it; aborts the test on
 * failure.  The actor is a manager named "tester". */
struct testdb *testdb_new(void);
/* Close the database and remove the directory.  NULL is ok. */
void testdb_free(struct testdb *t);
/* Open a second connection to the same file (another "process"). */
struct db *testdb_open_again(struct testdb *t);

/* Run a query returning one integer (asserts it succeeds). */
long long testdb_int(struct db *db, const char *sql);

/* cmocka setup/teardown pair storing a struct testdb in *state. */
int testdb_setup(void **state);
int testdb_teardown(void **state);

/* Run fn in a child process (fork) and assert it exits with 0: for a
 * case that changes what is the whole process's (SQLite's allocator,
 * its page cache).  fn's return value is the exit status, so a nonzero
 * one names the check that failed. */
void testlib_in_child(int (*fn)(void));

/* Sleep until db's clock (SQLite's datetime('now', 'localtime'), so a
 * faultvfs_clock_shift counts) is later than when: for tests of a clock
 * that must not move.  Fails the test if it has not after three
 * seconds. */
void testlib_wait_past(struct db *db, const char *when);

/* Run the group with TAP output; use as main's return value. */
#define TESTLIB_RUN(tests) \
	(cmocka_set_message_output(CM_OUTPUT_TAP), \
	 cmocka_run_group_tests(tests, NULL, NULL))

#endif
