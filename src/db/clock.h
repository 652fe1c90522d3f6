/*
 * clock.h - one local time per transaction.
 *
 * SQLite's 'now' is fixed only within one statement, so the rows one
 * import writes over a few seconds would carry different times, and
 * anything that groups them by time (a wave's history) would split one
 * import into two.  This clock is read once per transaction instead.
 */
#ifndef COOPSTOCK_DB_CLOCK_H
#define COOPSTOCK_DB_CLOCK_H

#include <sqlite3.h>

struct db_clock;

/*
 * A clock for connection h.  It sets h's commit and rollback hooks
 * (replacing any others), so that the time is forgotten whenever a
 * transaction ends.  Never NULL (aborts when out of memory, as xmalloc
 * does).  Free it with db_clock_free() before closing h.
 */
struct db_clock *db_clock_new(sqlite3 *h);

/* Remove c's hooks from its connection and free c; NULL is a no-op. */
void db_clock_free(struct db_clock *c);

/*
 * The local time as "YYYY-MM-DD HH:MM:SS": SQLite's
 * datetime('now', 'localtime'), read by a query on c's connection (the
 * C library's clock if that fails).  Inside a transaction every call
 * returns the time of the first call in it; outside one, the time now.
 * The text belongs to c and is overwritten by a later call.  Not to be
 * called from inside an SQLite callback.
 */
const char *db_clock_now(struct db_clock *c);

#endif
