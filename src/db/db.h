/*
 * db.h - the SQLite connection: opening, migrations, transactions, errors.
 *
 * One struct db per process.  It is opened in WAL mode with foreign keys
 * on, synchronous=FULL and a busy timeout, because several clerks' processes
 * share one file over SSH and a dropped link must never lose a commit.
 * Writers use db_begin() (BEGIN IMMEDIATE): the write lock is taken before
 * anything is read, so a check-then-write inside one transaction cannot be
 * raced by another process.  The model layer is the only other code that
 * uses sqlite3 directly, through db_sqlite().
 */
#ifndef COOPSTOCK_DB_H
#define COOPSTOCK_DB_H

#include <sqlite3.h>
#include <stdarg.h>

#include "util/status.h"

struct db;

/* How long a connection waits for another process's lock. */
#define DB_BUSY_TIMEOUT_MS 5000

/* The page size of a database db_open creates: 8 KiB pages make a bulk
 * import a tenth to a fifth faster than SQLite's default 4 KiB (fewer
 * pages to split, balance and write), and cost searches nothing
 * measurable (README, Performance).  A file made before keeps its own.
 * A plain number: db.c writes it into its PRAGMA as text. */
#define DB_PAGE_BYTES 8192

enum db_open_mode {
	DB_OPEN_EXISTING, /* fail with ST_NOT_FOUND when the file is missing */
	DB_OPEN_CREATE    /* create the file (mode 0660 less umask) if missing */
};

/*
 * Open the database at path, bring its schema up to date and return it in
 * *out.  A file that is not an SQLite database (ST_NOTADB), a SQLite file
 * that is not coopstock's (ST_NOTADB) and a database from a newer coopstock
 * (ST_TOO_NEW) are refused before anything is written to them.  On
 * failure *out is NULL and *errmsg (if errmsg is not NULL) receives a
 * newly allocated one-line explanation naming the file, which the caller
 * frees.  A file this call created is removed again when the open fails.
 */
enum status db_open(const char *path, enum db_open_mode mode,
    struct db **out, char **errmsg);

/* Close the database; any open transaction is rolled back.  NULL is ok. */
void db_close(struct db *db);

/* Return the underlying handle, for model/ only.  Never NULL. */
sqlite3 *db_sqlite(struct db *db);

/* Return the path the database was opened with (owned by db). */
const char *db_path(const struct db *db);

/* Return the schema version (PRAGMA user_version) the file now has. */
int db_schema_version(struct db *db);

/* Return the highest schema version this coopstock knows, or -1 when the
 * migration files cannot be found. */
int db_latest_version(void);

/*
 * Start a write transaction (BEGIN IMMEDIATE).  Returns ST_OK, ST_BUSY when
 * another process held the lock past the busy timeout, or another status
 * with db_errmsg() set.  Transactions do not nest.
 */
enum status db_begin(struct db *db);
/* Commit the open transaction; on failure it is rolled back. */
enum status db_commit(struct db *db);
/* Roll back the open transaction if there is one.  Never fails. */
void db_rollback(struct db *db);
/* Return nonzero while a transaction is open. */
int db_in_transaction(struct db *db);
/* The local time "YYYY-MM-DD HH:MM:SS" for rows written now: the same
 * for every call inside one transaction (so one import's rows carry one
 * time), read afresh outside one.  Owned by db; overwritten by a later
 * call.  Never NULL. */
const char *db_now(struct db *db);

/*
 * Map an sqlite3 result code to a status, and record sqlite's message as
 * the detail (db_errmsg).  SQLITE_OK, SQLITE_ROW and SQLITE_DONE give ST_OK.
 */
enum status db_status(struct db *db, int rc);

/* Set the detail text for the last failure (printf format).  Returns st. */
enum status db_fail(struct db *db, enum status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Detail text of the last failure: owned by db, "" when there is none. */
const char *db_errmsg(const struct db *db);
/* Forget the detail text. */
void db_clear_error(struct db *db);

/* Run SQL with no results and no parameters (schema, pragmas). */
enum status db_exec(struct db *db, const char *sql);

/*
 * Tune db for loading a large amount at once (the bench generator): a
 * page cache of cache_mib MiB and synchronous=OFF, so a crash or power
 * cut during the load may lose or corrupt it.  Not for clerks' data.
 */
enum status db_bulk_mode(struct db *db, int cache_mib);

/*
 * Prepare sql, or return the copy prepared earlier (statements are cached
 * by their text pointer, so pass string literals).  The statement is reset
 * and its bindings cleared; the db owns it.  Returns NULL with db_errmsg()
 * set on failure.
 */
sqlite3_stmt *db_prepare(struct db *db, const char *sql);

/*
 * db_prepare, then bind id to ?1: the shape of most statements about one
 * row.  The db owns the statement; NULL with db_errmsg() set on failure.
 */
sqlite3_stmt *db_prepare_id(struct db *db, const char *sql, long long id);

/* Bind text (a copy is taken); NULL binds SQL NULL.  Never fails: out of
 * memory calls fatal() as xalloc does, and so does a wrong index.
 * Returns SQLITE_OK. */
int db_bind_text(sqlite3_stmt *st, int i, const char *s);

/* db_bind_text without the copy, for a row written many times a second:
 * s must stay valid and unchanged until the statement has been stepped
 * and reset.  Only for a statement from db_prepare, whose next
 * db_prepare clears the binding. */
int db_bind_text_static(sqlite3_stmt *st, int i, const char *s);

/*
 * Run a prepared statement expected to return at most one row with one
 * integer column; *out gets it (or dflt when there is no row).
 */
enum status db_query_int(struct db *db, sqlite3_stmt *st, long long dflt,
    long long *out);

/* Return a newly allocated copy of column i of the current row ("" for
 * NULL).  Out of memory is fatal, as in xalloc. */
char *db_column_dup(sqlite3_stmt *st, int i);

/*
 * The acting person recorded on every write: clerk name or Unix user.
 * name is copied (it may be db_actor(db) itself); NULL means "?".
 */
void db_set_actor(struct db *db, long long clerk_id, const char *name,
    int is_manager);
/* Actor name (owned by db; "?" until set). */
const char *db_actor(const struct db *db);
/* Clerk id of the actor, 0 for the command line. */
long long db_actor_clerk(const struct db *db);
/* Nonzero when the actor has the manager role. */
int db_actor_is_manager(const struct db *db);

#endif
