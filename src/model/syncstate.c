/*
 * syncstate.c - see syncstate.h.
 */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "model/syncstate.h"
#include "model/txn.h"
#include "util/i18n.h"
#include "util/xalloc.h"

void
syncstate_peer_clear(struct syncstate_peer *p)
{
	free(p->name);
	free(p->site_id);
	memset(p, 0, sizeof *p);
}

char *
syncstate_marks_format(const long long marks[REPLICA__COUNT])
{
	char *s = xstrdup(""), *t;

	for (int i = 0; i < REPLICA__COUNT; i++) {
		t = xasprintf("%s%s%lld", s, i > 0 ? " " : "", marks[i]);
		free(s);
		s = t;
	}
	return s;
}

enum status
syncstate_marks_parse(const char *text, long long marks[REPLICA__COUNT])
{
	const char *p = text;
	char *end;

	memset(marks, 0, REPLICA__COUNT * sizeof *marks);
	if (*text == '\0')
		return ST_OK;
	for (int i = 0; i < REPLICA__COUNT; i++) {
		errno = 0;
		marks[i] = strtoll(p, &end, 10);
		if (errno != 0 || end == p || marks[i] < 0 ||
		    (*end != ' ' && *end != '\0'))
			return ST_INVALID;
		p = *end == ' ' ? end + 1 : end;
	}
	return *p == '\0' ? ST_OK : ST_INVALID;
}

enum status
syncstate_peer_get(
    struct db *db, const char *key, struct syncstate_peer *out, int *found)
{
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT name, coalesce(site_id, ''),"
	    " sent_seq, acked, applied_seq, applied FROM sync_peer"
	    " WHERE site_id = ?1 OR name = ?1 ORDER BY site_id = ?1 DESC");
	enum status s = ST_OK;
	int rc;

	memset(out, 0, sizeof *out);
	*found = 0;
	if (st == NULL)
		return ST_ERROR;
	db_bind_text(st, 1, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = 1;
		out->name = db_column_dup(st, 0);
		out->site_id = db_column_dup(st, 1);
		out->sent_seq = sqlite3_column_int64(st, 2);
		out->applied_seq = sqlite3_column_int64(st, 4);
		if (syncstate_marks_parse(
			(const char *)sqlite3_column_text(st, 3), out->acked) !=
			ST_OK ||
		    syncstate_marks_parse(
			(const char *)sqlite3_column_text(st, 5),
			out->applied) != ST_OK)
			s = db_fail(db, ST_CORRUPT, "sync_peer %s: bad marks",
			    out->name);
	} else if (rc != SQLITE_DONE)
		s = db_status(db, rc);
	sqlite3_reset(st);
	if (!*found) {
		out->name = xstrdup("");
		out->site_id = xstrdup("");
	}
	return s;
}

enum status
syncstate_peer_put(struct db *db, const struct syncstate_peer *p)
{
	sqlite3_stmt *st = db_prepare(db,
	    "INSERT INTO sync_peer(name, site_id,"
	    " sent_seq, acked, applied_seq, applied, applied_at) VALUES (?1,"
	    " nullif(?2, ''), ?3, ?4, ?5, ?6, CASE WHEN ?5 > 0 THEN"
	    " datetime('now', 'localtime') END) ON CONFLICT(name) DO UPDATE SET"
	    " site_id = coalesce(excluded.site_id, site_id),"
	    " sent_seq = excluded.sent_seq, acked = excluded.acked,"
	    " applied_at = CASE WHEN excluded.applied_seq <> applied_seq"
	    " OR excluded.applied <> applied THEN excluded.applied_at"
	    " ELSE applied_at END,"
	    " applied_seq = excluded.applied_seq, applied = excluded.applied");
	char *acked, *applied;
	int rc;

	if (st == NULL)
		return ST_ERROR;
	acked = syncstate_marks_format(p->acked);
	applied = syncstate_marks_format(p->applied);
	db_bind_text(st, 1, p->name);
	db_bind_text(st, 2, p->site_id != NULL ? p->site_id : "");
	sqlite3_bind_int64(st, 3, p->sent_seq);
	db_bind_text(st, 4, acked);
	sqlite3_bind_int64(st, 5, p->applied_seq);
	db_bind_text(st, 6, applied);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	free(acked);
	free(applied);
	if (rc == SQLITE_CONSTRAINT)
		return db_fail(db, ST_EXISTS,
		    _("another peer already has site "
		      "id %s"),
		    p->site_id);
	return db_status(db, rc);
}

enum status
syncstate_oversold(struct db *db,
    void (*fn)(const struct syncstate_oversold_row *row, void *arg), void *arg,
    int *count)
{
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT p.id, p.sku, p.name, p.unit, s.on_hand, s.reserved"
	    " FROM product p JOIN stock s ON s.product_id = p.id"
	    " WHERE s.on_hand < s.reserved ORDER BY p.sku");
	struct syncstate_oversold_row r;
	int n = 0, rc;

	if (count != NULL)
		*count = 0;
	if (st == NULL)
		return ST_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.product_id = sqlite3_column_int64(st, 0);
		r.sku = (const char *)sqlite3_column_text(st, 1);
		r.name = (const char *)sqlite3_column_text(st, 2);
		r.unit = (const char *)sqlite3_column_text(st, 3);
		r.on_hand = sqlite3_column_int64(st, 4);
		r.reserved = sqlite3_column_int64(st, 5);
		n++;
		if (fn != NULL)
			fn(&r, arg);
	}
	sqlite3_reset(st);
	if (count != NULL)
		*count = n;
	return rc == SQLITE_DONE ? ST_OK : db_status(db, rc);
}

/* Column i as text, "" for NULL. */
static const char *
text_col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s != NULL ? s : "";
}

enum status
syncstate_conflicts(struct db *db,
    void (*fn)(const struct syncstate_conflict_row *row, void *arg), void *arg,
    int *count)
{
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT id, kind, entity, ref, field, kept_value, kept_by, kept_at,"
	    " lost_value, lost_by, lost_at, noted_at FROM sync_conflict"
	    " WHERE resolved = 0 ORDER BY id");
	struct syncstate_conflict_row r;
	int n = 0, rc;

	if (count != NULL)
		*count = 0;
	if (st == NULL)
		return ST_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(st, 0);
		r.kind = text_col(st, 1);
		r.entity = text_col(st, 2);
		r.ref = text_col(st, 3);
		r.field = text_col(st, 4);
		r.kept_value = text_col(st, 5);
		r.kept_by = text_col(st, 6);
		r.kept_at = text_col(st, 7);
		r.lost_value = text_col(st, 8);
		r.lost_by = text_col(st, 9);
		r.lost_at = text_col(st, 10);
		r.noted_at = text_col(st, 11);
		n++;
		if (fn != NULL)
			fn(&r, arg);
	}
	sqlite3_reset(st);
	if (count != NULL)
		*count = n;
	return rc == SQLITE_DONE ? ST_OK : db_status(db, rc);
}

enum status
syncstate_conflict_resolve(struct db *db, long long id)
{
	sqlite3_stmt *st;
	enum status s;
	int nested, rc;

	if (!db_actor_is_manager(db))
		return db_fail(db, ST_DENIED,
		    _("only a manager may close a "
		      "conflict"));
	s = txn_begin(db, &nested);
	if (s != ST_OK)
		return s;
	st = db_prepare(db, "UPDATE sync_conflict SET resolved = 1"
			    " WHERE id = ?1 AND resolved = 0");
	if (st == NULL)
		return txn_end(db, nested, ST_ERROR);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	s = db_status(db, rc);
	if (s == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		s = db_fail(db, ST_NOT_FOUND, _("no such open conflict"));
	return txn_end(db, nested, s);
}

enum status
syncstate_peers(struct db *db,
    void (*fn)(const struct syncstate_peer_row *row, void *arg), void *arg)
{
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT name, site_id, sent_seq, applied_seq, applied_at"
	    " FROM sync_peer ORDER BY name");
	struct syncstate_peer_row r;
	int rc;

	if (st == NULL)
		return ST_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.name = text_col(st, 0);
		r.site_id = text_col(st, 1);
		r.sent_seq = sqlite3_column_int64(st, 2);
		r.applied_seq = sqlite3_column_int64(st, 3);
		r.applied_at = text_col(st, 4);
		fn(&r, arg);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status(db, rc);
}
