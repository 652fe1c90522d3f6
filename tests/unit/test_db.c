/*
 * test_db.c - the database layer: migrations, transactions, the statement
 * cache, error mapping, and that a second connection sees the same file;
 * the transaction's clock (db_now) and the lone writer's rollback
 * journal (db_journal_solo).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/journal.h"
#include "testlib.h"
#include "util/xalloc.h"

static void
test_open_migrates_to_latest(void **state)
{
	struct testdb *t = *state;

	assert_true(db_latest_version() >= 1);
	assert_int_equal(db_schema_version(t->db), db_latest_version());
	assert_int_equal(testdb_int(t->db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(testdb_int(t->db, "PRAGMA application_id"), 0x436f6f70);
	assert_int_equal(testdb_int(t->db,
	    "SELECT count(*) FROM clerk WHERE role = 'manager' AND pin_hash IS NULL"), 1);
}

static void
test_wal_and_sync(void **state)
{
	struct testdb *t = *state;
	sqlite3_stmt *st = db_prepare(t->db, "PRAGMA journal_mode");

	assert_non_null(st);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_reset(st);
	assert_int_equal(testdb_int(t->db, "PRAGMA synchronous"), 2);
	assert_int_equal(testdb_int(t->db, "PRAGMA page_size"), 8192);
}

static void
test_prepare_caches_by_pointer(void **state)
{
	struct testdb *t = *state;
	static const char sql[] = "SELECT ?1 + 1";
	sqlite3_stmt *a = db_prepare(t->db, sql);
	sqlite3_stmt *b;
	long long v;

	assert_non_null(a);
	sqlite3_bind_int(a, 1, 41);
	assert_int_equal(db_query_int(t->db, a, -1, &v), ST_OK);
	assert_int_equal(v, 42);
	b = db_prepare(t->db, sql);
	assert_ptr_equal(a, b);
	/* bindings were cleared: NULL + 1 is NULL, so the default comes back */
	assert_int_equal(db_query_int(t->db, b, -1, &v), ST_OK);
	assert_int_equal(v, -1);
}

/* A static binding is the caller's buffer itself, read when the
 * statement steps; the next db_prepare clears it, so a freed buffer is
 * never read (AddressSanitizer would say so). */
static void
test_bind_static(void **state)
{
	struct testdb *t = *state;
	static const char sql[] = "SELECT coalesce(length(?1), -2)";
	char *s = xstrdup("walnut");
	sqlite3_stmt *st = db_prepare(t->db, sql);
	long long v;

	assert_non_null(st);
	assert_int_equal(db_bind_text_static(st, 1, s), SQLITE_OK);
	s[3] = '\0'; /* not copied: the step sees "wal" */
	assert_int_equal(db_query_int(t->db, st, -1, &v), ST_OK);
	assert_int_equal(v, 3);
	free(s);
	st = db_prepare(t->db, sql);
	assert_int_equal(db_query_int(t->db, st, -1, &v), ST_OK);
	assert_int_equal(v, -2);
}

static void
test_prepare_error_sets_message(void **state)
{
	struct testdb *t = *state;

	assert_null(db_prepare(t->db, "SELEKT 1"));
	assert_non_null(strstr(db_errmsg(t->db), "syntax error"));
}

static void
test_rollback_discards(void **state)
{
	struct testdb *t = *state;

	assert_int_equal(db_begin(t->db), ST_OK);
	assert_true(db_in_transaction(t->db));
	assert_int_equal(db_exec(t->db,
	    "INSERT INTO member(code, name) VALUES ('M1', '张三')"), ST_OK);
	db_rollback(t->db);
	assert_false(db_in_transaction(t->db));
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM member"), 0);
}

/* db_now keeps one time per transaction, past a savepoint rolled back,
 * and forgets it when the transaction commits or rolls back. */
static void
test_now_per_transaction(void **state)
{
	struct testdb *t = *state;
	char *first, *later, *sql;

	assert_int_equal(db_begin(t->db), ST_OK);
	first = xstrdup(db_now(t->db));
	assert_int_equal(strlen(first), 19);
	/* SQLite's own form of its local time, within a few seconds. */
	sql = xasprintf("SELECT datetime('%s') = '%s' AND abs(julianday('now',"
	    " 'localtime') - julianday('%s')) * 86400 < 5", first, first, first);
	assert_int_equal(testdb_int(t->db, sql), 1);
	free(sql);
	testlib_wait_past(t->db, first);
	assert_string_equal(db_now(t->db), first);
	assert_int_equal(db_exec(t->db, "SAVEPOINT s"), ST_OK);
	assert_int_equal(db_exec(t->db, "ROLLBACK TO s"), ST_OK);
	assert_int_equal(db_exec(t->db, "RELEASE s"), ST_OK);
	assert_string_equal(db_now(t->db), first);
	assert_int_equal(db_commit(t->db), ST_OK);
	assert_string_not_equal(db_now(t->db), first);

	assert_int_equal(db_begin(t->db), ST_OK);
	later = xstrdup(db_now(t->db));
	db_rollback(t->db);
	testlib_wait_past(t->db, later);
	assert_int_equal(db_begin(t->db), ST_OK);
	assert_string_not_equal(db_now(t->db), later);
	db_rollback(t->db);
	free(first);
	free(later);
}

static const char *
journal_mode(struct db *db)
{
	static char mode[16];
	sqlite3_stmt *st = NULL;

	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), "PRAGMA journal_mode",
			     -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(mode, sizeof mode, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return mode;
}

/* The rollback journal is taken only by a connection alone with the
 * file and outside a transaction, and WAL comes back. */
static void
test_journal_solo(void **state)
{
	struct testdb *t = *state;
	struct db *other;

	assert_int_equal(db_journal_solo(t->db), 1);
	assert_string_equal(journal_mode(t->db), "delete");
	assert_int_equal(db_begin(t->db), ST_OK);
	assert_int_equal(db_exec(t->db,
	    "INSERT INTO member(code, name) VALUES ('M1', 'A')"), ST_OK);
	assert_int_equal(db_commit(t->db), ST_OK);
	assert_int_equal(db_journal_wal(t->db), ST_OK);
	assert_string_equal(journal_mode(t->db), "wal");

	assert_int_equal(db_begin(t->db), ST_OK);
	assert_int_equal(db_journal_solo(t->db), 0);
	db_rollback(t->db);

	other = testdb_open_again(t);
	assert_int_equal(testdb_int(other, "SELECT count(*) FROM member"), 1);
	assert_int_equal(db_journal_solo(t->db), 0);
	assert_string_equal(journal_mode(t->db), "wal");
	assert_string_equal(db_errmsg(t->db), "");
	assert_int_equal(testdb_int(other, "SELECT count(*) FROM member"), 1);
	db_close(other);
	assert_int_equal(db_journal_solo(t->db), 1);
	assert_int_equal(db_journal_wal(t->db), ST_OK);
	assert_string_equal(journal_mode(t->db), "wal");
}

static void
test_busy_is_reported_not_raw(void **state)
{
	struct testdb *t = *state;
	struct db *other = testdb_open_again(t);

	sqlite3_busy_timeout(db_sqlite(other), 50);
	assert_int_equal(db_begin(t->db), ST_OK);
	assert_int_equal(db_begin(other), ST_BUSY);
	db_rollback(t->db);
	assert_int_equal(db_begin(other), ST_OK);
	assert_int_equal(db_commit(other), ST_OK);
	db_close(other);
}

static void
test_ledger_is_append_only(void **state)
{
	struct testdb *t = *state;

	assert_int_equal(db_exec(t->db,
	    "INSERT INTO product(sku, name, unit, price) VALUES ('HT-1', '核桃', 'kg', 3000);"
	    "INSERT INTO lot(product_id, received_on, qty, actor) VALUES (1, '2026-11-01', 1000, 't');"
	    "INSERT INTO stock_move(kind, product_id, lot_id, qty, actor) VALUES ('intake', 1, 1, 1000, 't');"),
	    ST_OK);
	assert_int_equal(db_exec(t->db, "UPDATE stock_move SET qty = 5"), ST_INVALID);
	assert_non_null(strstr(db_errmsg(t->db), "append-only"));
	assert_int_equal(db_exec(t->db, "DELETE FROM stock_move"), ST_INVALID);
	assert_int_equal(testdb_int(t->db, "SELECT qty FROM stock_move"), 1000);
}

static void
test_actor(void **state)
{
	struct testdb *t = *state;

	assert_string_equal(db_actor(t->db), "tester");
	db_set_actor(t->db, 7, "王芳", 0);
	assert_string_equal(db_actor(t->db), "王芳");
	assert_int_equal(db_actor_clerk(t->db), 7);
	assert_false(db_actor_is_manager(t->db));
	/* The same name again (ASan catches a use after free) and NULL. */
	db_set_actor(t->db, 7, db_actor(t->db), 1);
	assert_string_equal(db_actor(t->db), "王芳");
	assert_true(db_actor_is_manager(t->db));
	db_set_actor(t->db, 0, NULL, 0);
	assert_string_equal(db_actor(t->db), "?");
}

/* The -wal and -shm exist only while a connection is open, so the shell
 * test (tests/cli/db-open.sh) cannot see them: check all three here, for
 * a database created under umask 002 on a group-shared terminal. */
static void
test_group_modes_while_open(void **state)
{
	static const char *const sfx[] = { "", "-wal", "-shm" };
	char dir[] = "/tmp/coopstock-modes.XXXXXX";
	struct db *db = NULL;
	struct stat sb;
	mode_t old;
	char *path, *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/g.db", dir);
	old = umask(002);
	assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, NULL), ST_OK);
	umask(old);
	assert_int_equal(db_exec(db, "INSERT INTO setting(key, value) "
	    "VALUES ('mode-test', 'x')"), ST_OK);
	for (size_t i = 0; i < 3; i++) {
		f = xasprintf("%s%s", path, sfx[i]);
		assert_int_equal(stat(f, &sb), 0);
		if ((sb.st_mode & 0777) != 0660)
			fail_msg("%s has mode %o, not 660", f,
			    (unsigned)(sb.st_mode & 0777));
		free(f);
	}
	db_close(db);
	for (size_t i = 0; i < 3; i++) {
		f = xasprintf("%s%s", path, sfx[i]);
		unlink(f);
		free(f);
	}
	rmdir(dir);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_migrates_to_latest, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(test_wal_and_sync, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(test_prepare_caches_by_pointer, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(test_bind_static, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(test_prepare_error_sets_message, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(test_rollback_discards, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(test_now_per_transaction, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(test_journal_solo, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(test_busy_is_reported_not_raw, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(test_ledger_is_append_only, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(test_actor, testdb_setup, testdb_teardown),
		cmocka_unit_test(test_group_modes_while_open),
	};

	return TESTLIB_RUN(tests);
}
