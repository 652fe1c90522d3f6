/*
 * journal.c - see journal.h.
 *
 * SQLite itself is the judge of "alone": leaving WAL needs an exclusive
 * lock on the file, which no one gets while another connection is
 * open in WAL mode.  Looking at the locks ourselves would mean opening
 * the -shm file, and closing it would drop this process's own POSIX
 * locks on it.
 */
#include <config.h>

#include <stddef.h>

#include "db/journal.h"

/* Set h's journal mode; 1 when the mode is now want (lower case). */
static int
journal_set(sqlite3 *h, const char *sql, const char *want, int *rc)
{
	sqlite3_stmt *st = NULL;
	const unsigned char *mode;
	int ok = 0;

	*rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);
	if (*rc == SQLITE_OK)
		*rc = sqlite3_step(st);
	if (*rc == SQLITE_ROW) {
		mode = sqlite3_column_text(st, 0);
		ok = mode != NULL && sqlite3_stricmp((const char *)mode, want) == 0;
		*rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return ok;
}

int
db_journal_solo(struct db *db)
{
	sqlite3 *h = db_sqlite(db);
	int rc, solo;

	if (!sqlite3_get_autocommit(h))
		return 0;
	sqlite3_busy_timeout(h, 0);
	solo = journal_set(h, "PRAGMA journal_mode=DELETE", "delete", &rc);
	sqlite3_busy_timeout(h, DB_BUSY_TIMEOUT_MS);
	return solo;
}

enum status
db_journal_wal(struct db *db)
{
	int rc;

	if (journal_set(db_sqlite(db), "PRAGMA journal_mode=WAL", "wal", &rc))
		return ST_OK;
	return rc != SQLITE_OK ? db_status(NULL, rc) : ST_ERROR;
}
