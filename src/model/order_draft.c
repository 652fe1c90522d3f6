/*
 * order_draft.c - see order_draft.h.  Plain rows of the draft table of
 * 001-initial.sql, keyed by clerk and kind.
 */
#include <config.h>

#include <stdlib.h>

#include "model/order_draft.h"
#include "model/txn.h"

static const char sql_delete[] =
    "DELETE FROM draft WHERE clerk_id = ?1 AND kind = 'order'";
static const char sql_insert[] =
    "INSERT INTO draft(clerk_id, kind, body) VALUES (?1, 'order', ?2)";
static const char sql_get[] = "SELECT body FROM draft WHERE clerk_id = ?1"
			      " AND kind = 'order' ORDER BY id DESC LIMIT 1";
static const char sql_count[] =
    "SELECT count(*) FROM draft WHERE clerk_id = ?1 AND kind = 'order'";

/* Run sql (bound to the clerk, and to body when not NULL) to the end. */
static enum status
run(struct db *db, const char *sql, const char *body)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	int rc;

	if (st == NULL)
		return ST_ERROR;
	rc = sqlite3_bind_int64(st, 1, db_actor_clerk(db));
	if (rc == SQLITE_OK && body != NULL)
		rc = db_bind_text(st, 2, body);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status(db, rc);
}

enum status
order_draft_save(struct db *db, const char *body)
{
	int nested;
	enum status s;

	if (db_actor_clerk(db) <= 0)
		return db_fail(db, ST_INVALID, "no clerk to keep a draft for");
	if ((s = txn_begin(db, &nested)) != ST_OK)
		return s;
	s = run(db, sql_delete, NULL);
	if (s == ST_OK)
		s = run(db, sql_insert, body);
	return txn_end(db, nested, s);
}

enum status
order_draft_exists(struct db *db, int *has)
{
	sqlite3_stmt *st = db_prepare(db, sql_count);
	long long n = 0;
	enum status s;

	*has = 0;
	if (st == NULL)
		return ST_ERROR;
	if (sqlite3_bind_int64(st, 1, db_actor_clerk(db)) != SQLITE_OK)
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	s = db_query_int(db, st, 0, &n);
	*has = n > 0;
	return s;
}

enum status
order_draft_take(struct db *db, char **body)
{
	sqlite3_stmt *st;
	int nested, rc;
	enum status s;

	*body = NULL;
	if ((s = txn_begin(db, &nested)) != ST_OK)
		return s;
	st = db_prepare(db, sql_get);
	if (st == NULL)
		return txn_end(db, nested, ST_ERROR);
	rc = sqlite3_bind_int64(st, 1, db_actor_clerk(db));
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*body = db_column_dup(st, 0);
	else if (rc != SQLITE_DONE)
		s = db_status(db, rc);
	sqlite3_reset(st);
	if (s == ST_OK && *body != NULL)
		s = run(db, sql_delete, NULL);
	s = txn_end(db, nested, s);
	if (s != ST_OK) {
		free(*body);
		*body = NULL;
	}
	return s;
}
