/*
 * burst.c - see burst.h.  "Since" is one statement of rowid ranges; the
 * status counts are summary.c's, so the live counter and Home's lines
 * share one query (and one index, orders_live) and cannot disagree.
 */
#include <config.h>

#include <string.h>

#include "model/burst.h"
#include "model/summary.h"

/* last_id, and arrived: a rowid range, gid read only on the rows it
 * gives.  The status counts are summary_get's (burst_counts_get). */
static const char sql_since[] =
    "SELECT coalesce((SELECT max(id) FROM orders), 0),"
    " (SELECT count(*) FROM orders WHERE id > CASE WHEN ?1 < 0"
    "  THEN (SELECT coalesce(max(id), 0) FROM orders) ELSE ?1 END"
    "  AND gid IS NULL)";

enum status
burst_since_get(struct db *db, long long after_id, struct burst_counts *out)
{
	sqlite3_stmt *st = db_prepare_id(db, sql_since, after_id);
	enum status s;
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return ST_ERROR;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->last_id = sqlite3_column_int64(st, 0);
		out->arrived = (long)sqlite3_column_int64(st, 1);
		rc = SQLITE_DONE;
	}
	s = db_status(db, rc);
	sqlite3_reset(st);
	return s;
}

enum status
burst_counts_get(struct db *db, long long after_id, struct burst_counts *out)
{
	struct summary sum;
	enum status s = burst_since_get(db, after_id, out);

	if (s == ST_OK)
		s = summary_get(db, 0, &sum);
	if (s != ST_OK) {
		memset(out, 0, sizeof *out);
		return s;
	}
	out->to_confirm = (long)sum.orders_new;
	out->to_pack = (long)sum.orders_confirmed;
	out->to_ship = (long)sum.orders_packed;
	return ST_OK;
}
