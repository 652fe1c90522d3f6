/*
 * db.c - see db.h.
 *
 * Opening is careful to look before it writes: the first bytes of an
 * existing file, then user_version and application_id, are read before
 * WAL mode or any migration touches it, so a wrong --db never damages the
 * file it points at.  Migrations are the SQL files share/sql/NNN-*.sql,
 * applied in order inside one transaction; NNN becomes user_version.
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/alloc.h"
#include "db/clock.h"
#include "db/db.h"
#include "util/fatal.h"
#include "util/i18n.h"
#include "util/paths.h"
#include "util/xalloc.h"

/* 'Coop' in ASCII: marks a file as ours (PRAGMA application_id). */
#define COOPSTOCK_APP_ID 0x436f6f70

struct stmt_cache {
	const char *sql;
	sqlite3_stmt *st;
};

struct db {
	sqlite3 *h;
	char *path;
	char *err;
	struct stmt_cache *cache;
	size_t ncache, acache;
	long long actor_clerk;
	char *actor;
	int actor_manager;
	struct db_clock *clock;
};

struct migration {
	int version;
	char *file;
};

static void
set_err(char **errmsg, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
set_err(char **errmsg, const char *fmt, ...)
{
	va_list ap;

	if (errmsg == NULL)
		return;
	va_start(ap, fmt);
	*errmsg = xvasprintf(fmt, ap);
	va_end(ap);
}

/* Collect NNN-*.sql from the data directory, sorted by NNN. */
static int
migration_cmp(const void *a, const void *b)
{
	const struct migration *x = a, *y = b;

	return (x->version > y->version) - (x->version < y->version);
}

static struct migration *
migrations_list(size_t *count)
{
	char *dir = xasprintf("%s/sql", paths_datadir());
	DIR *d = opendir(dir);
	struct dirent *e;
	struct migration *m = NULL;
	size_t n = 0;

	*count = 0;
	if (d == NULL) {
		free(dir);
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		const char *nm = e->d_name;
		size_t len = strlen(nm);

		if (len < 8 || strspn(nm, "0123456789") != 3 || nm[3] != '-' ||
		    strcmp(nm + len - 4, ".sql") != 0)
			continue;
		m = xrealloc(m, (n + 1) * sizeof *m);
		m[n].version = atoi(nm);
		m[n].file = xasprintf("%s/%s", dir, nm);
		n++;
	}
	closedir(d);
	free(dir);
	qsort(m, n, sizeof *m, migration_cmp);
	*count = n;
	return m;
}

static void
migrations_free(struct migration *m, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(m[i].file);
	free(m);
}

int
db_latest_version(void)
{
	size_t n;
	struct migration *m = migrations_list(&n);
	int v = n > 0 ? m[n - 1].version : -1;

	migrations_free(m, n);
	return v;
}

/* Read a whole (small) file; NULL on error. */
static char *
slurp(const char *file)
{
	FILE *f = fopen(file, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, got;

	if (f == NULL)
		return NULL;
	do {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 8192;
			buf = xrealloc(buf, cap);
		}
		got = fread(buf + len, 1, cap - len - 1, f);
		len += got;
	} while (got > 0);
	if (ferror(f)) {
		free(buf);
		fclose(f);
		return NULL;
	}
	fclose(f);
	buf[len] = '\0';
	return buf;
}

/*
 * Look at an existing file before SQLite does: it must be empty or start
 * with the SQLite magic.  Returns ST_OK, ST_NOT_FOUND or ST_NOTADB.
 */
static enum status
precheck_file(const char *path, char **errmsg)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	struct stat sb;
	ssize_t got;
	int fd;

	if (stat(path, &sb) != 0) {
		if (errno == ENOENT)
			return ST_NOT_FOUND;
		set_err(errmsg, _("%s: %s"), path, strerror(errno));
		return ST_IO;
	}
	if (!S_ISREG(sb.st_mode)) {
		set_err(errmsg, _("%s: not a regular file"), path);
		return ST_NOTADB;
	}
	if (sb.st_size == 0)
		return ST_OK;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		set_err(errmsg, _("%s: %s"), path, strerror(errno));
		return ST_IO;
	}
	got = read(fd, head, sizeof head);
	close(fd);
	if (got != (ssize_t)sizeof head || memcmp(head, magic, sizeof magic) != 0) {
		set_err(errmsg, _("%s: not a coopstock database (refusing to touch it)"),
		    path);
		return ST_NOTADB;
	}
	return ST_OK;
}

/* Remove path and the -wal and -shm files SQLite may have made beside it. */
static void
remove_db_files(const char *path)
{
	static const char *const suffix[] = { "-wal", "-shm", "" };

	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		char *f = xasprintf("%s%s", path, suffix[i]);

		unlink(f);
		free(f);
	}
}

/* Create the file ourselves so its mode is 0660 less the umask. */
static enum status
create_file(const char *path, char **errmsg)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0660);

	if (fd < 0) {
		set_err(errmsg, _("%s: cannot create: %s"), path, strerror(errno));
		return ST_IO;
	}
	close(fd);
	return ST_OK;
}

static long long
pragma_int(sqlite3 *h, const char *sql, int *rc)
{
	sqlite3_stmt *st = NULL;
	long long v = 0;

	*rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);
	if (*rc == SQLITE_OK) {
		*rc = sqlite3_step(st);
		if (*rc == SQLITE_ROW) {
			v = sqlite3_column_int64(st, 0);
			*rc = SQLITE_OK;
		} else if (*rc == SQLITE_DONE)
			*rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return v;
}

/* The reason to show for st: "the disk is full", "the database is
 * read-only" or "another clerk is saving" (a long import, say) say more
 * to a clerk than SQLite's words; else the detail. */
static const char *
plain_reason(struct db *db, enum status st)
{
	if (st == ST_FULL || st == ST_READONLY || st == ST_BUSY)
		return _(status_message(st));
	return db->err;
}

/*
 * Decide, by reading only, whether the open file is ours and not from the
 * future.  Sets *version to its user_version.
 */
static enum status
identify(struct db *db, int latest, int *version, char **errmsg)
{
	int rc;
	long long uv, app, tables;

	uv = pragma_int(db->h, "PRAGMA user_version", &rc);
	if (rc == SQLITE_OK)
		app = pragma_int(db->h, "PRAGMA application_id", &rc);
	if (rc == SQLITE_OK)
		tables = pragma_int(db->h,
		    "SELECT count(*) FROM sqlite_master", &rc);
	if (rc == SQLITE_NOTADB) {
		set_err(errmsg, _("%s: not a coopstock database (refusing to touch it)"),
		    db->path);
		return ST_NOTADB;
	}
	if (rc != SQLITE_OK) {
		enum status st = db_status(db, rc);

		set_err(errmsg, "%s: %s", db->path, plain_reason(db, st));
		return st;
	}
	if (app != COOPSTOCK_APP_ID && (uv != 0 || tables != 0)) {
		set_err(errmsg, _("%s: an SQLite database, but not coopstock's (refusing to touch it)"),
		    db->path);
		return ST_NOTADB;
	}
	if (uv > latest) {
		set_err(errmsg, _("%s: written by a newer coopstock (schema %lld, this one knows %d); upgrade coopstock"),
		    db->path, uv, latest);
		return ST_TOO_NEW;
	}
	*version = (int)uv;
	return ST_OK;
}

/* Return "file:PATH?immutable=1" with PATH percent-encoded as a URI. */
static char *
immutable_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	char *uri = xmalloc(strlen(path) * 3 + sizeof "file:?immutable=1");
	char *o = uri;

	o += sprintf(o, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/._~-", *p) != NULL) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	strcpy(o, "?immutable=1");
	return uri;
}

/*
 * SQLite cannot read a WAL database in a directory it may not write when
 * the -shm file is missing: it must create it first (SQLITE_READONLY on
 * the first read).  No -wal file can exist there either (nor a
 * -journal), so no writer is at work and the file alone is the whole
 * database: open it immutable and
 * read-only, so `check` and `backup` still work and writes fail with
 * ST_READONLY.  Returns 1 when db->h was reopened so.
 */
static int
reopen_immutable(struct db *db)
{
	char *wal = xasprintf("%s-wal", db->path), *uri;
	char *journal = xasprintf("%s-journal", db->path);
	int rc, absent = access(wal, F_OK) != 0 && errno == ENOENT;

	/* Nor a rollback journal (an import cut short in db_journal_solo's
	 * mode): its pages must be put back before the file is whole. */
	absent = absent && access(journal, F_OK) != 0 && errno == ENOENT;
	free(wal);
	free(journal);
	if (!absent)
		return 0;
	uri = immutable_uri(db->path);
	db_clock_free(db->clock);
	db->clock = NULL;
	sqlite3_close(db->h);
	db->h = NULL;
	rc = sqlite3_open_v2(uri, &db->h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
	    SQLITE_OPEN_NOFOLLOW, NULL);
	free(uri);
	if (rc != SQLITE_OK)
		return 0;
	sqlite3_extended_result_codes(db->h, 0);
	db->clock = db_clock_new(db->h);
	return 1;
}

/*
 * A file this call created gets DB_PAGE_BYTES pages; it must be said
 * before WAL mode and the first table.  (An existing file keeps its
 * size: changing it would take a VACUUM of the whole file.)
 */
#define PAGE_SIZE_SQL(n) "PRAGMA page_size=" #n
#define PAGE_SIZE_PRAGMA(n) PAGE_SIZE_SQL(n)
static const char sql_page_size[] = PAGE_SIZE_PRAGMA(DB_PAGE_BYTES);

static enum status
new_page_size(struct db *db, char **errmsg)
{
	enum status st = db_exec(db, sql_page_size);

	if (st != ST_OK)
		set_err(errmsg, "%s: %s", db->path, plain_reason(db, st));
	return st;
}

static enum status
configure_connection(struct db *db, char **errmsg)
{
	static const char *const pragmas[] = {
		"PRAGMA journal_mode=WAL",
		"PRAGMA synchronous=FULL",
		"PRAGMA foreign_keys=ON",
	};
	enum status st;

	for (size_t i = 0; i < sizeof pragmas / sizeof *pragmas; i++) {
		st = db_exec(db, pragmas[i]);
		if (st != ST_OK) {
			set_err(errmsg, "%s: %s", db->path, plain_reason(db, st));
			return st;
		}
	}
	return ST_OK;
}

enum status
db_bulk_mode(struct db *db, int cache_mib)
{
	char *sql = xasprintf("PRAGMA cache_size=-%d; PRAGMA synchronous=OFF; "
	    "PRAGMA temp_store=MEMORY",
	    cache_mib > 0 ? cache_mib * 1024 : 2048);
	enum status st = db_exec(db, sql);

	free(sql);
	return st;
}

/* ST_OK when no row breaks a foreign key, else ST_CORRUPT (rows that
 * refer to nothing: damage a migration must not carry forward). */
static enum status
foreign_keys_hold(struct db *db)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db->h, "PRAGMA foreign_key_check", -1, &st,
	    NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return db_fail(db, ST_CORRUPT,
		    _("some rows refer to rows that are missing; 'coopstock check' lists them"));
	return rc == SQLITE_DONE ? ST_OK : db_status(db, rc);
}

/* migrate()'s transaction: committed whole or rolled back. */
static enum status
migrate_all(struct db *db, struct migration *m, size_t n)
{
	enum status st;
	int rc, version;
	char *sql, *set;

	st = db_begin(db);
	if (st != ST_OK)
		return st;
	/* Another process may have migrated while we waited for the lock. */
	version = (int)pragma_int(db->h, "PRAGMA user_version", &rc);
	for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
		if (m[i].version <= version)
			continue;
		sql = slurp(m[i].file);
		if (sql == NULL) {
			db_fail(db, ST_NO_SCHEMA, "%s: %s", m[i].file, strerror(errno));
			st = ST_NO_SCHEMA;
			goto rollback;
		}
		st = db_exec(db, sql);
		free(sql);
		if (st != ST_OK)
			goto rollback;
		/* xasprintf, not sqlite3_mprintf: a NULL from the latter ran as
		 * an empty statement, committing the tables without the new
		 * user_version, and every later open failed re-creating them. */
		set = xasprintf("PRAGMA user_version=%d; PRAGMA application_id=%d",
		    m[i].version, COOPSTOCK_APP_ID);
		st = db_exec(db, set);
		free(set);
		if (st != ST_OK)
			goto rollback;
	}
	if (rc != SQLITE_OK) {
		st = db_status(db, rc);
		goto rollback;
	}
	st = foreign_keys_hold(db);
	if (st == ST_OK)
		return db_commit(db);
rollback:
	db_rollback(db);
	return st;
}

/*
 * Apply every migration newer than the file's version, in one transaction.
 * Foreign keys are off meanwhile, as SQLite's procedure for rebuilding a
 * table asks (DROP TABLE would otherwise delete the rows that refer to
 * it), and checked in full before the commit instead.
 */
static enum status
migrate(struct db *db, struct migration *m, size_t n, char **errmsg)
{
	enum status st;

	st = db_exec(db, "PRAGMA foreign_keys=OFF");
	if (st == ST_OK)
		st = migrate_all(db, m, n);
	if (db_exec(db, "PRAGMA foreign_keys=ON") != ST_OK && st == ST_OK)
		st = ST_ERROR;
	if (st == ST_OK)
		return ST_OK;
	/* A clerk understands "the disk is full" better than SQLite's words. */
	set_err(errmsg, _("%s: cannot update the schema: %s"), db->path,
	    plain_reason(db, st));
	return st;
}

/*
 * coopstock has one thread, so SQLite's global mutexes (its allocator's
 * and its page cache's, some 37 lock and unlock pairs per line of an
 * orders import, 3.6% of its instructions) only cost: say so before
 * SQLite's first use.  Nothing reads SQLite's memory totals either
 * (sqlite3_memory_used), and keeping them asks malloc for every block's
 * size twice: off, 2.6% fewer instructions for that import.  The page
 * cache counters test_pcache reads are kept all the same.  Small blocks
 * come from db_alloc_install's lists (alloc.h: 3.5% fewer instructions
 * in the import's writing thread).  When something initialised SQLite
 * first (the fault tests do), the calls are refused and change nothing.
 */
static void
single_thread(void)
{
	static int done;

	if (!done) {
		done = 1;
		(void)sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
		(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		(void)db_alloc_install();
	}
}

enum status
db_open(const char *path, enum db_open_mode mode, struct db **out,
    char **errmsg)
{
	struct db *db;
	struct migration *m;
	size_t n;
	int version = 0, rc, created = 0;
	enum status st;

	*out = NULL;
	if (errmsg != NULL)
		*errmsg = NULL;
	single_thread();
	m = migrations_list(&n);
	if (n == 0) {
		set_err(errmsg, _("cannot find the schema files in %s/sql; is coopstock installed?"),
		    paths_datadir());
		return ST_NO_SCHEMA;
	}
	st = precheck_file(path, errmsg);
	if (st == ST_NOT_FOUND && mode == DB_OPEN_CREATE) {
		st = create_file(path, errmsg);
		created = st == ST_OK;
	}
	else if (st == ST_NOT_FOUND)
		set_err(errmsg, _("%s: no database here; create one with: coopstock --db %s init"),
		    path, path);
	if (st != ST_OK) {
		migrations_free(m, n);
		return st;
	}
	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	db->err = xstrdup("");
	db->actor = xstrdup("?");
	/* NOMUTEX: a connection is only ever used by the thread that
	 * opened it (coopstock has one), so SQLite need not lock it on
	 * every call; a bulk import makes millions. */
	rc = sqlite3_open_v2(path, &db->h,
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX,
	    NULL);
	if (rc != SQLITE_OK) {
		set_err(errmsg, "%s: %s", path, sqlite3_errstr(rc));
		st = db_status(db, rc);
		goto fail;
	}
	sqlite3_extended_result_codes(db->h, 0);
	db->clock = db_clock_new(db->h);
	/* Before the first read: identify() reads a file other processes
	 * may be writing, and must wait for them, not fail. */
	sqlite3_busy_timeout(db->h, DB_BUSY_TIMEOUT_MS);
	st = identify(db, m[n - 1].version, &version, errmsg);
	if (st == ST_READONLY && reopen_immutable(db)) {
		if (errmsg != NULL) {
			free(*errmsg);
			*errmsg = NULL;
		}
		st = identify(db, m[n - 1].version, &version, errmsg);
	}
	if (st == ST_OK && created)
		st = new_page_size(db, errmsg);
	if (st == ST_OK)
		st = configure_connection(db, errmsg);
	if (st == ST_OK && version < m[n - 1].version)
		st = migrate(db, m, n, errmsg);
	if (st != ST_OK)
		goto fail;
	migrations_free(m, n);
	*out = db;
	return ST_OK;
fail:
	migrations_free(m, n);
	db_close(db);
	/* A database this call created and could not finish (disk full, I/O
	 * error) is removed, so no half-made file is left to puzzle anyone.
	 * Not when busy: then another process has the new file open. */
	if (created && st != ST_BUSY)
		remove_db_files(path);
	return st;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	for (size_t i = 0; i < db->ncache; i++)
		sqlite3_finalize(db->cache[i].st);
	free(db->cache);
	if (db->h != NULL) {
		if (!sqlite3_get_autocommit(db->h))
			sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		db_clock_free(db->clock);
		sqlite3_close(db->h);
	}
	free(db->path);
	free(db->err);
	free(db->actor);
	free(db);
}

sqlite3 *
db_sqlite(struct db *db)
{
	return db->h;
}

const char *
db_path(const struct db *db)
{
	return db->path;
}

int
db_schema_version(struct db *db)
{
	int rc;

	return (int)pragma_int(db->h, "PRAGMA user_version", &rc);
}

enum status
db_begin(struct db *db)
{
	return db_exec(db, "BEGIN IMMEDIATE");
}

enum status
db_commit(struct db *db)
{
	enum status st = db_exec(db, "COMMIT");

	if (st != ST_OK)
		db_rollback(db);
	return st;
}

void
db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

const char *
db_now(struct db *db)
{
	return db_clock_now(db->clock);
}

int
db_in_transaction(struct db *db)
{
	return !sqlite3_get_autocommit(db->h);
}

enum status
db_status(struct db *db, int rc)
{
	enum status st;

	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return ST_OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		st = ST_BUSY;
		break;
	case SQLITE_FULL:
		st = ST_FULL;
		break;
	case SQLITE_READONLY:
		st = ST_READONLY;
		break;
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		/* SQLite reports ENOSPC while it sizes the -shm file or writes
		 * outside a transaction as an I/O error: say "full". */
		st = db != NULL && db->h != NULL &&
		    sqlite3_system_errno(db->h) == ENOSPC ? ST_FULL : ST_IO;
		break;
	case SQLITE_NOTADB:
		st = ST_NOTADB;
		break;
	case SQLITE_CORRUPT:
		st = ST_CORRUPT;
		break;
	case SQLITE_NOMEM:
		st = ST_NOMEM;
		break;
	case SQLITE_CONSTRAINT:
		st = ST_INVALID;
		break;
	default:
		st = ST_ERROR;
		break;
	}
	if (db != NULL && db->h != NULL)
		db_fail(db, st, "%s", sqlite3_errmsg(db->h));
	return st;
}

enum status
db_fail(struct db *db, enum status st, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	free(db->err);
	db->err = msg;
	return st;
}

const char *
db_errmsg(const struct db *db)
{
	return db->err;
}

void
db_clear_error(struct db *db)
{
	free(db->err);
	db->err = xstrdup("");
}

enum status
db_exec(struct db *db, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, &msg);
	enum status st = ST_OK;

	if (rc != SQLITE_OK) {
		st = db_status(db, rc);
		if (msg != NULL)
			db_fail(db, st, "%s", msg);
	}
	sqlite3_free(msg);
	return st;
}

sqlite3_stmt *
db_prepare(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	int rc;

	for (size_t i = 0; i < db->ncache; i++) {
		if (db->cache[i].sql == sql) {
			st = db->cache[i].st;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
	}
	rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
	    NULL);
	if (rc != SQLITE_OK) {
		db_status(db, rc);
		return NULL;
	}
	if (db->ncache == db->acache) {
		db->acache = db->acache ? db->acache * 2 : 32;
		db->cache = xrealloc(db->cache, db->acache * sizeof *db->cache);
	}
	db->cache[db->ncache].sql = sql;
	db->cache[db->ncache].st = st;
	db->ncache++;
	return st;
}

sqlite3_stmt *
db_prepare_id(struct db *db, const char *sql, long long id)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	int rc;

	if (st != NULL && (rc = sqlite3_bind_int64(st, 1, id)) != SQLITE_OK) {
		db_status(db, rc);
		return NULL;
	}
	return st;
}

/*
 * A failed bind leaves the parameter NULL, and the statement would still
 * run: a lookup would say "not found", an UPDATE would write NULL.  So a
 * bind never fails quietly: out of memory is fatal like every other
 * allocation (xalloc.h), and anything else is a programming error.
 */
static int
bind_text(sqlite3_stmt *st, int i, const char *s, sqlite3_destructor_type d)
{
	int rc;

	if (s == NULL)
		rc = sqlite3_bind_null(st, i);
	else
		rc = sqlite3_bind_text(st, i, s, -1, d);
	if (rc == SQLITE_NOMEM)
		fatal("out of memory");
	if (rc != SQLITE_OK)
		fatal("cannot bind SQL parameter %d: %s", i, sqlite3_errstr(rc));
	return rc;
}

int
db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	return bind_text(st, i, s, SQLITE_TRANSIENT);
}

/* SQLite reads a static binding only while the statement steps; a
 * cached statement's bindings are cleared by db_prepare before it can
 * step again, so the pointer is never read once the caller is done. */
int
db_bind_text_static(sqlite3_stmt *st, int i, const char *s)
{
	return bind_text(st, i, s, SQLITE_STATIC);
}

enum status
db_query_int(struct db *db, sqlite3_stmt *st, long long dflt, long long *out)
{
	int rc = sqlite3_step(st);

	*out = dflt;
	if (rc == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) != SQLITE_NULL)
			*out = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ST_OK : db_status(db, rc);
}

char *
db_column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	/* NULL is SQL NULL, or a failed conversion: never read the latter as
	 * "" (a record read so and written back would lose the field). */
	if (s == NULL && sqlite3_errcode(sqlite3_db_handle(st)) == SQLITE_NOMEM)
		fatal("out of memory");
	return xstrdup(s != NULL ? (const char *)s : "");
}

void
db_set_actor(struct db *db, long long clerk_id, const char *name,
    int is_manager)
{
	/* Copy before freeing: name may be db_actor(db) itself. */
	char *copy = xstrdup(name != NULL ? name : "?");

	free(db->actor);
	db->actor = copy;
	db->actor_clerk = clerk_id;
	db->actor_manager = is_manager;
}

const char *
db_actor(const struct db *db)
{
	return db->actor;
}

long long
db_actor_clerk(const struct db *db)
{
	return db->actor_clerk;
}

int
db_actor_is_manager(const struct db *db)
{
	return db->actor_manager;
}
