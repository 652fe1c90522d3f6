/*
 * draft.c - see draft.h.  Drafts live in the `draft` table of the first
 * schema; saving is delete-then-insert in one transaction, so a clerk has
 * one draft per kind.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/draft.h"
#include "model/txn.h"
#include "util/xalloc.h"

static const char sql_del[] =
    "DELETE FROM draft WHERE clerk_id = ?1 AND kind = ?2";
static const char sql_ins[] =
    "INSERT INTO draft(clerk_id, kind, body) VALUES (?1, ?2, ?3)";
static const char sql_get[] = "SELECT id, body FROM draft"
			      " WHERE clerk_id = ?1 AND kind = ?2"
			      " ORDER BY id DESC LIMIT 1";
static const char sql_del_id[] = "DELETE FROM draft WHERE id = ?1";
static const char sql_latest[] = "SELECT kind FROM draft WHERE clerk_id = ?1"
				 " ORDER BY id DESC LIMIT 1";

/* Step st (no rows expected), reset it, map the result. */
static enum status
step_done(struct db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status(db, rc);
}

static enum status
bind_ck(struct db *db, sqlite3_stmt *st, long long clerk_id, const char *kind)
{
	int rc = sqlite3_bind_int64(st, 1, clerk_id);

	if (rc == SQLITE_OK)
		rc = db_bind_text(st, 2, kind);
	if (rc != SQLITE_OK) {
		sqlite3_reset(st);
		return db_status(db, rc);
	}
	return ST_OK;
}

enum status
draft_save(
    struct db *db, long long clerk_id, const char *kind, const char *body)
{
	sqlite3_stmt *del, *ins;
	int nested;
	enum status s = txn_begin(db, &nested);

	if (s != ST_OK)
		return s;
	del = db_prepare(db, sql_del);
	ins = db_prepare(db, sql_ins);
	if (del == NULL || ins == NULL)
		s = ST_ERROR;
	if (s == ST_OK && (s = bind_ck(db, del, clerk_id, kind)) == ST_OK)
		s = step_done(db, del);
	if (s == ST_OK && (s = bind_ck(db, ins, clerk_id, kind)) == ST_OK) {
		int rc = db_bind_text(ins, 3, body);

		s = rc == SQLITE_OK ? step_done(db, ins) : db_status(db, rc);
		sqlite3_reset(ins);
	}
	return txn_end(db, nested, s);
}

/* Read the draft's id and body; ST_NOT_FOUND when none. */
static enum status
draft_read(struct db *db, long long clerk_id, const char *kind, long long *id,
    char **body)
{
	sqlite3_stmt *st = db_prepare(db, sql_get);
	enum status s;
	int rc;

	if (st == NULL)
		return ST_ERROR;
	if ((s = bind_ck(db, st, clerk_id, kind)) != ST_OK)
		return s;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*body = db_column_dup(st, 1);
		s = *body ? ST_OK : ST_ERROR;
	} else
		s = rc == SQLITE_DONE ? ST_NOT_FOUND : db_status(db, rc);
	sqlite3_reset(st);
	return s;
}

enum status
draft_take(struct db *db, long long clerk_id, const char *kind, char **body)
{
	sqlite3_stmt *del;
	long long id = 0;
	int nested;
	enum status s = txn_begin(db, &nested);

	*body = NULL;
	if (s != ST_OK)
		return s;
	s = draft_read(db, clerk_id, kind, &id, body);
	if (s == ST_OK) {
		del = db_prepare(db, sql_del_id);
		if (del == NULL)
			s = ST_ERROR;
		else if (sqlite3_bind_int64(del, 1, id) != SQLITE_OK) {
			sqlite3_reset(del);
			s = ST_ERROR;
		} else
			s = step_done(db, del);
	}
	s = txn_end(db, nested, s);
	if (s != ST_OK) {
		free(*body);
		*body = NULL;
	}
	return s;
}

char *
draft_latest_kind(struct db *db, long long clerk_id)
{
	sqlite3_stmt *st = db_prepare(db, sql_latest);
	char *kind = NULL;

	if (st == NULL)
		return NULL;
	if (sqlite3_bind_int64(st, 1, clerk_id) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		kind = db_column_dup(st, 0);
	sqlite3_reset(st);
	return kind;
}

char *
draft_encode(const char *const *values, size_t n)
{
	size_t len = 1;
	char *out, *p;

	for (size_t i = 0; i < n; i++)
		len += 2 * strlen(values[i] ? values[i] : "") + 1;
	out = p = xmalloc(len);
	for (size_t i = 0; i < n; i++) {
		for (const char *s = values[i] ? values[i] : ""; *s; s++) {
			if (*s == '\\' || *s == '\n') {
				*p++ = '\\';
				*p++ = *s == '\n' ? 'n' : '\\';
			} else
				*p++ = *s;
		}
		if (i + 1 < n)
			*p++ = '\n';
	}
	*p = '\0';
	return out;
}

void
draft_decode(const char *body, char ***values, size_t *n)
{
	size_t cap = 1, k = 0;
	const char *s;
	char **v, *p;

	for (s = body; *s; s++)
		cap += *s == '\n';
	v = xcalloc(cap, sizeof(*v));
	v[0] = p = xmalloc(strlen(body) + 1);
	for (s = body; *s; s++) {
		if (*s == '\n') {
			*p = '\0';
			v[++k] = p = xmalloc(strlen(s) + 1);
		} else if (*s == '\\' && s[1] != '\0') {
			s++;
			*p++ = *s == 'n' ? '\n' : *s;
		} else
			*p++ = *s;
	}
	*p = '\0';
	*values = v;
	*n = k + 1;
}

void
draft_values_free(char **values, size_t n)
{
	if (values == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		free(values[i]);
	free(values);
}
