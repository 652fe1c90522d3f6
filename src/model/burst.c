/*
 * burst.c - see burst.h.  One statement, its subqueries each an index
 * or rowid range (gid is read only on the rows the range gives).
 */
#include <config.h>

#include <string.h>

#include "model/burst.h"

/* last_id and arrived; the status counts repeat orders_live's IN list
 * (012-home-counts.sql), so each is a range of that index. */
#define SINCE                                                          \
	"SELECT coalesce((SELECT max(id) FROM orders), 0),"            \
	" (SELECT count(*) FROM orders WHERE id > CASE WHEN ?1 < 0"    \
	"  THEN (SELECT coalesce(max(id), 0) FROM orders) ELSE ?1 END" \
	"  AND gid IS NULL)"
#define LIVE "FROM orders WHERE status IN ('new', 'confirmed', 'packed')"
static const char sql_since[] = SINCE;
static const char sql_counts[] = SINCE
    ", (SELECT count(*) " LIVE " AND status = 'new' AND gid IS NULL),"
    " (SELECT count(*) " LIVE " AND status = 'confirmed' AND gid IS NULL),"
    " (SELECT count(*) " LIVE " AND status = 'packed' AND gid IS NULL)";

/* Run sql (sql_since or, with statuses, sql_counts) into *out. */
static enum status
read_counts(struct db *db, const char *sql, int statuses, long long after_id,
    struct burst_counts *out)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	enum status s;
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return ST_ERROR;
	if (sqlite3_bind_int64(st, 1, after_id) != SQLITE_OK)
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->last_id = sqlite3_column_int64(st, 0);
		out->arrived = (long)sqlite3_column_int64(st, 1);
		if (statuses) {
			out->to_confirm = (long)sqlite3_column_int64(st, 2);
			out->to_pack = (long)sqlite3_column_int64(st, 3);
			out->to_ship = (long)sqlite3_column_int64(st, 4);
		}
		rc = SQLITE_DONE;
	}
	s = db_status(db, rc);
	sqlite3_reset(st);
	return s;
}

enum status
burst_counts_get(struct db *db, long long after_id, struct burst_counts *out)
{
	return read_counts(db, sql_counts, 1, after_id, out);
}

enum status
burst_since_get(struct db *db, long long after_id, struct burst_counts *out)
{
	return read_counts(db, sql_since, 0, after_id, out);
}
