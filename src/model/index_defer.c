/*
 * index_defer.c - see index_defer.h.  The CREATE statements are read
 * from sqlite_master rather than written here a second time, so an index
 * a later migration changes comes back exactly as the schema has it.
 *
 * Memory: CREATE INDEX sorts the whole table.  With temp_store=MEMORY
 * (exchange_bulk_mode) SQLite's sorter never spills, so building the
 * order_line indexes of a million lines would take some 50 MiB more;
 * with temporary files it keeps at most about cache_size in memory
 * before it writes a sorted run out.  So, from the drop to the end of
 * the restore, temporary storage is in files, and the cache is made
 * smaller while the indexes are built.
 */
#include <config.h>

#include <stdlib.h>

#include "model/index_defer.h"
#include "util/xalloc.h"

/* One index that may be dropped: its name and the statement that does. */
struct deferrable {
	const char *name;
	const char *drop;
	int line; /* on order_line: kept for INDEX_DEFER_ORDERS_KEEP_LINES */
};

static const struct deferrable order_indexes[] = {
    {"orders_status", "DROP INDEX orders_status", 0},
    {"orders_phone", "DROP INDEX orders_phone", 0},
    {"orders_live", "DROP INDEX orders_live", 0},
    {"order_line_order", "DROP INDEX order_line_order", 1},
    {"order_line_product", "DROP INDEX order_line_product", 1},
    {"order_event_order", "DROP INDEX order_event_order", 0},
};

enum { N_INDEXES = sizeof order_indexes / sizeof order_indexes[0] };

struct index_defer {
	char *create[N_INDEXES]; /* NULL: not dropped */
	long long temp_store;    /* as it was before the drop */
};

/* The page cache while the indexes are built (4 MiB): also about what
 * the sorter keeps in memory. */
static const char sql_restore_cache[] = "PRAGMA cache_size = -4096";

static const char sql_temp_store[] = "PRAGMA temp_store";
static const char sql_cache_size[] = "PRAGMA cache_size";

static const char sql_index_sql[] =
    "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?1"
    " AND sql IS NOT NULL";

/* *sql gets a new copy of index name's CREATE statement, or NULL when
 * there is no such index. */
static enum status
index_sql(struct db *db, const char *name, char **sql)
{
	sqlite3_stmt *st = db_prepare(db, sql_index_sql);
	int rc;

	*sql = NULL;
	if (st == NULL)
		return ST_ERROR;
	if (db_bind_text(st, 1, name) != SQLITE_OK)
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*sql = db_column_dup(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(*sql);
		*sql = NULL;
		return db_status(db, rc);
	}
	return ST_OK;
}

/* *v gets the value of a pragma that reads one integer. */
static enum status
pragma_get(struct db *db, const char *sql, long long *v)
{
	sqlite3_stmt *st = db_prepare(db, sql);

	if (st == NULL)
		return ST_ERROR;
	return db_query_int(db, st, 0, v);
}

enum status
index_defer_drop(
    struct db *db, enum index_defer_set set, struct index_defer **out)
{
	struct index_defer *d;
	enum status s = ST_OK;

	*out = NULL;
	if (!db_in_transaction(db))
		return db_fail(
		    db, ST_INVALID, "index_defer_drop: no transaction");
	d = xcalloc(1, sizeof *d);
	s = pragma_get(db, sql_temp_store, &d->temp_store);
	if (s == ST_OK && d->temp_store != 1) {
		s = db_exec(db, "PRAGMA temp_store = FILE");
		if (s == ST_ERROR) {
			/* Refused: the temp database is open.  Keep the
			 * indexes rather than sort in memory. */
			db_clear_error(db);
			free(d);
			return ST_OK;
		}
	}
	for (int i = 0; s == ST_OK && i < N_INDEXES; i++) {
		if (set == INDEX_DEFER_ORDERS_KEEP_LINES &&
		    order_indexes[i].line)
			continue;
		s = index_sql(db, order_indexes[i].name, &d->create[i]);
		if (s == ST_OK && d->create[i] != NULL)
			s = db_exec(db, order_indexes[i].drop);
	}
	if (s != ST_OK) {
		index_defer_free(d);
		return s;
	}
	*out = d;
	return ST_OK;
}

enum status
index_defer_restore(struct db *db, const struct index_defer *d)
{
	long long cache = 0;
	char *set;
	enum status s;

	if (d == NULL)
		return ST_OK;
	s = pragma_get(db, sql_cache_size, &cache);
	if (s == ST_OK)
		s = db_exec(db, sql_restore_cache);
	for (int i = 0; s == ST_OK && i < N_INDEXES; i++)
		if (d->create[i] != NULL)
			s = db_exec(db, d->create[i]);
	if (s != ST_OK)
		return s;
	/* Both settings back as they were: 0 to 2 are the valid values. */
	set = xasprintf("PRAGMA cache_size = %lld; PRAGMA temp_store = %d",
	    cache, (int)(d->temp_store & 3));
	s = db_exec(db, set);
	free(set);
	return s;
}

void
index_defer_free(struct index_defer *d)
{
	if (d == NULL)
		return;
	for (int i = 0; i < N_INDEXES; i++)
		free(d->create[i]);
	free(d);
}
