/*
 * clock.c - see clock.h.
 *
 * The hooks only clear a flag: SQLite forbids a commit hook to use its
 * connection, and nothing more is needed.  The time is read by a query
 * of SQLite's own, outside the hooks.  A ROLLBACK TO a savepoint
 * ends no transaction and calls no hook, so the time stays, as it
 * should.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/clock.h"
#include "util/xalloc.h"

struct db_clock {
	sqlite3 *h;
	sqlite3_stmt *st; /* the query of the time, once prepared */
	int set; /* now holds this transaction's time */
	char now[32];
};

static int
clock_commit(void *arg)
{
	((struct db_clock *)arg)->set = 0;
	return 0; /* let the commit go on */
}

static void
clock_rollback(void *arg)
{
	((struct db_clock *)arg)->set = 0;
}

struct db_clock *
db_clock_new(sqlite3 *h)
{
	struct db_clock *c = xcalloc(1, sizeof *c);

	c->h = h;
	sqlite3_commit_hook(h, clock_commit, c);
	sqlite3_rollback_hook(h, clock_rollback, c);
	return c;
}

void
db_clock_free(struct db_clock *c)
{
	if (c == NULL)
		return;
	sqlite3_finalize(c->st);
	sqlite3_commit_hook(c->h, NULL, NULL);
	sqlite3_rollback_hook(c->h, NULL, NULL);
	free(c);
}

/* SQLite's own clock, through the VFS (so a test's shifted clock is
 * this one too); the C library's if the query fails (out of memory). */
static void
clock_read(struct db_clock *c)
{
	const unsigned char *t = NULL;
	time_t now;
	struct tm tm;

	if (c->st != NULL || sqlite3_prepare_v2(c->h,
	    "SELECT datetime('now', 'localtime')", -1, &c->st, NULL) == SQLITE_OK)
		if (sqlite3_step(c->st) == SQLITE_ROW)
			t = sqlite3_column_text(c->st, 0);
	if (t != NULL)
		snprintf(c->now, sizeof c->now, "%s", (const char *)t);
	if (c->st != NULL)
		sqlite3_reset(c->st);
	if (t != NULL)
		return;
	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL ||
	    strftime(c->now, sizeof c->now, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		strcpy(c->now, "1970-01-01 00:00:00");
}

const char *
db_clock_now(struct db_clock *c)
{
	if (c->set)
		return c->now;
	clock_read(c);
	c->set = !sqlite3_get_autocommit(c->h);
	return c->now;
}
