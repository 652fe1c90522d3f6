/*
 * testlib.c - see testlib.h.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testlib.h"
#include "util/xalloc.h"

struct testdb *
testdb_new(void)
{
	struct testdb *t = xcalloc(1, sizeof *t);
	const char *base = getenv("TMPDIR");
	char *err = NULL;
	enum status st;

	t->dir = xasprintf("%s/coopstock-unit.XXXXXX", base ? base : "/tmp");
	if (mkdtemp(t->dir) == NULL)
		fail_msg("mkdtemp %s failed", t->dir);
	t->path = xasprintf("%s/test.db", t->dir);
	st = db_open(t->path, DB_OPEN_CREATE, &t->db, &err);
	if (st != ST_OK)
		fail_msg("db_open: %s", err ? err : status_name(st));
	db_set_actor(t->db, 0, "tester", 1);
	return t;
}

struct db *
testdb_open_again(struct testdb *t)
{
	struct db *db = NULL;
	char *err = NULL;

	if (db_open(t->path, DB_OPEN_EXISTING, &db, &err) != ST_OK)
		fail_msg("db_open again: %s", err ? err : "?");
	db_set_actor(db, 0, "tester2", 1);
	return db;
}

void
testdb_free(struct testdb *t)
{
	char *cmd;

	if (t == NULL)
		return;
	db_close(t->db);
	cmd = xasprintf("rm -rf '%s'", t->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "# could not remove %s\n", t->dir);
	free(cmd);
	free(t->dir);
	free(t->path);
	free(t);
}

long long
testdb_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long v = 0;
	int rc = sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		fail_msg("prepare %s: %s", sql, sqlite3_errmsg(db_sqlite(db)));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		fail_msg("step %s: %s", sql, sqlite3_errmsg(db_sqlite(db)));
	sqlite3_finalize(st);
	return v;
}

int
testdb_setup(void **state)
{
	*state = testdb_new();
	return 0;
}

int
testdb_teardown(void **state)
{
	testdb_free(*state);
	return 0;
}

void
testlib_in_child(int (*fn)(void))
{
	int st = 0;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0)
		_exit(fn());
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

void
testlib_wait_past(struct db *db, const char *when)
{
	const struct timespec pause = {0, 10 * 1000 * 1000};
	sqlite3_stmt *st = NULL;
	int past = 0;

	if (sqlite3_prepare_v2(db_sqlite(db),
		"SELECT datetime('now', 'localtime') > ?1", -1, &st,
		NULL) != SQLITE_OK ||
	    sqlite3_bind_text(st, 1, when, -1, SQLITE_TRANSIENT) != SQLITE_OK) {
		sqlite3_finalize(st);
		fail_msg("the clock: %s", sqlite3_errmsg(db_sqlite(db)));
	}
	for (int i = 0; i < 300 && !past; i++) {
		if (sqlite3_step(st) != SQLITE_ROW) {
			sqlite3_finalize(st);
			fail_msg("the clock: %s", sqlite3_errmsg(db_sqlite(db)));
		}
		past = sqlite3_column_int(st, 0);
		sqlite3_reset(st);
		if (!past)
			nanosleep(&pause, NULL);
	}
	sqlite3_finalize(st);
	if (!past)
		fail_msg("the clock stayed at %s", when);
}
