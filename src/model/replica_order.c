/*
 * replica_order.c - see replica_order.h.
 *
 * One received event is: read the order's status and whether it was
 * taken in here, decide (apply, or a conflict) by the rules in the
 * header, then move the reservation with the status: into confirmed the
 * order's lines are held per product (only another site's order can get
 * there through an event), out of confirmed or packed they are released,
 * lot by lot for an order of this site and per product for another's.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/ledger.h"
#include "model/order.h"
#include "model/replica_order.h"

static const char sql_order[] =
    "SELECT status, gid IS NOT NULL FROM orders WHERE id = ?1";
static const char sql_set_status[] =
    "UPDATE orders SET status = ?2, updated_at ="
    " datetime('now', 'localtime') WHERE id = ?1";
static const char sql_conflict[] =
    "INSERT OR IGNORE INTO sync_conflict(kind, entity, ref, field,"
    " kept_value, kept_by, kept_at, lost_value, lost_by, lost_at, a, b)"
    " SELECT 'status', 'order', coalesce(o.ext_ref, 'CS' || o.id),"
    " 'status', o.status, '', datetime('now', 'localtime'),"
    " ?2 || ' -> ' || ?3, ?4, ?5, ?6, '' FROM orders o WHERE o.id = ?1";
/* May an order move from stored status a to stored status b (order.h)? */
static int
transition_allowed(const char *a, const char *b)
{
	int from = order_status_parse(a), to = order_status_parse(b);

	return from >= 0 && to >= 0 &&
	       order_transition_allowed(
		   (enum order_status)from, (enum order_status)to);
}

/* Does an order in status s hold stock? */
static int
holds(const char *s)
{
	return strcmp(s, "confirmed") == 0 || strcmp(s, "packed") == 0;
}

/* Is a move to status s one only the order's own site makes? */
static int
own_site_only(const char *s)
{
	return holds(s) || strcmp(s, "shipped") == 0;
}

/* Were the rows of global ids a and b ("SITE.N") made at one site? */
static int
same_site(const char *a, const char *b)
{
	const char *da = strrchr(a, '.'), *dbt = strrchr(b, '.');

	return da != NULL && dbt != NULL && da - a == dbt - b &&
	       strncmp(a, b, (size_t)(da - a)) == 0;
}

/* Set order's status to `to` and move its reservation from `now`. */
static enum status
status_apply(struct db *db, long long order, int foreign, const char *now,
    const char *to)
{
	sqlite3_stmt *st = db_prepare_id(db, sql_set_status, order);
	enum status s;

	if (st == NULL)
		return ST_ERROR;
	if (db_bind_text(st, 2, to) != SQLITE_OK)
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	s = ledger_step(db, st);
	if (s == ST_OK && foreign && !holds(now) && holds(to))
		s = ledger_order_hold(db, order, 1);
	else if (s == ST_OK && holds(now) && !holds(to))
		s = order_release(db, order);
	return s;
}

/* Record event c as a conflict with order's status (once per event). */
static enum status
conflict_note(struct db *db, long long order, const char *const *c)
{
	sqlite3_stmt *st = db_prepare(db, sql_conflict);
	static const int cell[] = {2, 3, 4, 6, 0}; /* for ?2 .. ?6 */
	int bad;

	if (st == NULL)
		return ST_ERROR;
	bad = sqlite3_bind_int64(st, 1, order) != SQLITE_OK;
	for (int i = 0; i < 5; i++)
		bad |= db_bind_text(st, i + 2, c[cell[i]]) != SQLITE_OK;
	if (bad)
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	return ledger_step(db, st);
}

enum status
replica_order_settle(struct db *db, long long order, const char *const *c)
{
	sqlite3_stmt *st = db_prepare_id(db, sql_order, order);
	const char *from = c[2], *to = c[3];
	char *now;
	int rc, foreign;
	enum status s;

	if (st == NULL)
		return ST_ERROR;
	rc = sqlite3_step(st);
	now = rc == SQLITE_ROW ? db_column_dup(st, 0) : NULL;
	foreign = rc == SQLITE_ROW && sqlite3_column_int(st, 1);
	sqlite3_reset(st);
	if (now == NULL)
		return db_status(db, rc);
	if (strcmp(now, to) == 0)
		s = ST_OK; /* both sites made the same move */
	else if (own_site_only(to) && !same_site(c[0], c[1]))
		s = conflict_note(db, order, c);
	else if (strcmp(to, "cancelled") == 0 && transition_allowed(now, to))
		s = status_apply(db, order, foreign, now, to);
	else if (strcmp(now, from) == 0 && transition_allowed(from, to))
		s = status_apply(db, order, foreign, now, to);
	else
		s = conflict_note(db, order, c);
	free(now);
	return s;
}
