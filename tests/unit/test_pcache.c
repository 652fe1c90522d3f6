/*
 * test_pcache.c - db_pcache_fixed: installed before SQLite starts, the
 * page cache's pages come from the fixed region (SQLite's own counters
 * say how many, and how much went to malloc instead), a second call
 * installs nothing more, and once the region is full SQLite reuses its
 * pages instead of growing; a process whose SQLite has already started
 * is told 0 and goes on as usual.  Each case runs in a child process
 * (fork), as the cache is the whole process's; the child's exit status
 * says which check failed.
 */
#include <config.h>

#include <stdlib.h>

#include "testlib.h"
#include "db/pcache.h"

/* More pages than the region holds: a table of about 4 MiB, read. */
static const char fill_sql[] =
    "CREATE TABLE big(x BLOB); "
    "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c "
    "WHERE i < 4000) INSERT INTO big SELECT zeroblob(900) FROM c; "
    "SELECT count(*) FROM big";

/* The most SQLite's counter op has reached, or -1. */
static sqlite3_int64
highwater(int op)
{
	sqlite3_int64 cur = -1, hi = -1;

	if (sqlite3_status64(op, &cur, &hi, 0) != SQLITE_OK)
		return -1;
	return hi;
}

/* Exit status: 0 when every check holds, else the failed check's
 * number. */
static int
child_installed(void)
{
	struct testdb *t;
	int n = db_pcache_fixed(), rc = 0;

	/* Pages of DB_PAGE_BYTES, each with a header of some hundred
	 * bytes. */
	if (n < (int)(DB_PCACHE_BYTES / (DB_PAGE_BYTES + 1024)) ||
	    n >= (int)(DB_PCACHE_BYTES / DB_PAGE_BYTES))
		return 1;
	if (db_pcache_fixed() != n)
		return 2;
	t = testdb_new();
	if (db_exec(t->db, fill_sql) != ST_OK)
		rc = 3;
	else if (highwater(SQLITE_STATUS_PAGECACHE_USED) < n - 20)
		rc = 4;		/* the region filled */
	else if (highwater(SQLITE_STATUS_PAGECACHE_OVERFLOW) >
	    DB_PCACHE_BYTES / 8)
		rc = 5;		/* and little went past it */
	testdb_free(t);
	return rc;
}

static int
child_too_late(void)
{
	if (sqlite3_initialize() != SQLITE_OK)
		return 1;
	if (db_pcache_fixed() != 0)
		return 2;
	return 0;
}

static void
test_installed(void **state)
{
	(void)state;
	testlib_in_child(child_installed);
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
		cmocka_unit_test(test_installed),
		cmocka_unit_test(test_too_late),
	};

	return TESTLIB_RUN(tests);
}
