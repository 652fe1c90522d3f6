/*
 * test_alloc.c - db_alloc_install: installed before SQLite starts, a
 * small block freed is the next handed out of its size, a block's size
 * is its request rounded to 16 bytes, realloc keeps the contents (in
 * place while the block is big enough), big blocks pass through, and
 * SQLite runs real statements on it; once SQLite has started nothing is
 * installed.  Each case runs in a child process (fork), as the allocator
 * is the whole process's; the child's exit status says which check
 * failed.
 */
#include <config.h>

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "db/alloc.h"

static int
child_blocks(void)
{
	char *a, *b, *c;

	if (db_alloc_install() != 1 || db_alloc_install() != 0)
		return 1;
	if (sqlite3_initialize() != SQLITE_OK)
		return 2;
	a = sqlite3_malloc(100);
	if (a == NULL || sqlite3_msize(a) != 112 || ((size_t)a & 15) != 0)
		return 3;
	memset(a, 'x', 100);
	sqlite3_free(a);
	b = sqlite3_malloc(97); /* the same size class: the same block */
	if (b != a)
		return 4;
	memcpy(b, "walnut", 7);
	c = sqlite3_realloc(b, 110); /* still fits */
	if (c != b)
		return 5;
	c = sqlite3_realloc(b, 3000); /* moves, keeps the text */
	if (c == NULL || strcmp(c, "walnut") != 0 || sqlite3_msize(c) < 3000)
		return 6;
	sqlite3_free(c);
	c = sqlite3_malloc(DB_ALLOC_SMALL * 8);
	if (c == NULL || sqlite3_msize(c) != DB_ALLOC_SMALL * 8)
		return 7;
	sqlite3_free(c);
	return 0;
}

/* More freed blocks than the lists keep, then SQLite's own work. */
static int
child_sql(void)
{
	enum { N = 2 * (int)(DB_ALLOC_KEEP / DB_ALLOC_SMALL) };
	void **v = malloc(N * sizeof *v);
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int i, rc = 0;

	if (v == NULL || db_alloc_install() != 1)
		return 1;
	for (i = 0; i < N; i++)
		if ((v[i] = sqlite3_malloc(DB_ALLOC_SMALL)) == NULL)
			return 2;
	for (i = 0; i < N; i++)
		sqlite3_free(v[i]);
	free(v);
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlite3_exec(db,
		"CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT); "
		"CREATE INDEX t_b ON t(b); "
		"WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c"
		" WHERE i < 20000) INSERT INTO t SELECT i, printf('核桃-%d', i)"
		" FROM c",
		NULL, NULL, NULL) != SQLITE_OK)
		rc = 3;
	else if (sqlite3_prepare_v2(db,
		     "SELECT count(*), sum(a) FROM t WHERE b LIKE '核桃-1%'",
		     -1, &st, NULL) != SQLITE_OK ||
		 sqlite3_step(st) != SQLITE_ROW)
		rc = 4;
	else if (sqlite3_column_int64(st, 0) != 11111 ||
		 sqlite3_column_int64(st, 1) != 151509596)
		rc = 5;
	sqlite3_finalize(st);
	sqlite3_close(db);
	return rc;
}

static int
child_too_late(void)
{
	if (sqlite3_initialize() != SQLITE_OK)
		return 1;
	if (db_alloc_install() != 0)
		return 2;
	return 0;
}

static void
test_blocks(void **state)
{
	(void)state;
	testlib_in_child(child_blocks);
}

static void
test_sql(void **state)
{
	(void)state;
	testlib_in_child(child_sql);
}

static void
test_too_late(void **state)
{
	(void)state;
	testlib_in_child(child_too_late);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_sql),
		cmocka_unit_test(test_too_late),
	};

	return TESTLIB_RUN(tests);
}
