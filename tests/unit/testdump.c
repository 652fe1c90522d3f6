/*
 * testdump.c - see testdump.h.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "testdump.h"
#include "util/xalloc.h"

struct buf {
	char *s;
	size_t len, cap;
};

static void
buf_add(struct buf *b, const char *s)
{
	size_t n = strlen(s);

	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
}

/* Add label and every row sql returns to b. */
static void
dump_query(sqlite3 *h, const char *table, const char *sql, struct buf *b)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		fail_msg("dump %s: %s", table, sqlite3_errmsg(h));
	buf_add(b, table);
	buf_add(b, ":\n");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(st); i++) {
			const unsigned char *t = sqlite3_column_text(st, i);

			buf_add(b, i ? "|" : "");
			buf_add(b, t != NULL ? (const char *)t : "<NULL>");
		}
		buf_add(b, "\n");
	}
	if (rc != SQLITE_DONE)
		fail_msg("dump %s: %s", table, sqlite3_errmsg(h));
	sqlite3_finalize(st);
}

static void
dump_table(sqlite3 *h, const char *table, struct buf *b)
{
	char *sql = sqlite3_mprintf("SELECT * FROM \"%w\" ORDER BY 1", table);

	dump_query(h, table, sql, b);
	sqlite3_free(sql);
}

char *
testdb_dump(struct db *db)
{
	sqlite3 *h = db_sqlite(db);
	sqlite3_stmt *st = NULL;
	struct buf b = { NULL, 0, 0 };
	int rc = sqlite3_prepare_v2(h, "SELECT name FROM sqlite_master "
	    "WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
	    -1, &st, NULL);

	if (rc != SQLITE_OK)
		fail_msg("dump: %s", sqlite3_errmsg(h));
	buf_add(&b, "");
	while (sqlite3_step(st) == SQLITE_ROW) {
		char *t = xstrdup((const char *)sqlite3_column_text(st, 0));

		dump_table(h, t, &b);
		free(t);
	}
	sqlite3_finalize(st);
	/* The schema too (not the root pages, which a rebuilt index moves):
	 * a failed call must not lose an index either. */
	dump_query(h, "schema",
	    "SELECT type, name, tbl_name, sql FROM sqlite_master"
	    " ORDER BY type, name",
	    &b);
	return b.s;
}

void
testdb_assert_same(struct db *db, char *before)
{
	char *after = testdb_dump(db);

	assert_string_equal(after, before);
	free(after);
	free(before);
}
