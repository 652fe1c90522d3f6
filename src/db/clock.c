/*
 * clock.c - see clock.h.
 *
 * The hooks only clear a flag: SQLite forbids a commit hook to use its
 * connection, and nothing more is needed.  A ROLLBACK TO a savepoint
 * ends no transaction and calls no hook, so the time stays, as it
 * should.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/clock.h"
#include "util/xalloc.h"

struct db_clock {
	sqlite3 *h;
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
	sqlite3_commit_hook(c->h, NULL, NULL);
	sqlite3_rollback_hook(c->h, NULL, NULL);
	free(c);
}

static void
clock_read(struct db_clock *c)
{
	time_t t = time(NULL);
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL ||
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
