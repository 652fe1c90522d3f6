/*
 * member.c - see member.h.  The list follows product.c: a statement per
 * (sort, direction), row values for the cursor, the filter of search.h.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/member.h"
#include "model/search.h"
#include "model/txn.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

#define MEMBER_COLS "m.id, m.code, m.name, m.village, m.phone, m.active"

/* ?3 include_inactive, ?4..?11 the search (search.h). */
#define MEMBER_FILTER \
	"(?3 OR m.active = 1) AND (?4 = 0" \
	" OR m.code >= ?5 AND m.code < ?6" \
	" OR m.code >= ?7 AND m.code < ?8" \
	" OR m.code >= ?9 AND m.code < ?10" \
	" OR instr(lower(m.name), ?11) > 0" \
	" OR instr(lower(m.village), ?11) > 0)"

#define MEMBER_PAGE(key, cmp, dir) \
	"SELECT " MEMBER_COLS " FROM member m " \
	"WHERE (m." key ", m.id) " cmp " (?1, ?2) AND " MEMBER_FILTER \
	" ORDER BY m." key " " dir ", m.id " dir " LIMIT ?12"

/* [sort][backward] */
static const char *const page_sql[2][2] = {
	{ MEMBER_PAGE("code", ">", "ASC"), MEMBER_PAGE("code", "<", "DESC") },
	{ MEMBER_PAGE("name", ">", "ASC"), MEMBER_PAGE("name", "<", "DESC") },
};

static const char count_sql[] =
    "SELECT count(*) FROM member m WHERE " MEMBER_FILTER;

void
member_clear(struct member *m)
{
	if (m == NULL)
		return;
	free(m->code);
	free(m->name);
	free(m->village);
	free(m->phone);
	memset(m, 0, sizeof *m);
}

void
member_free(struct member *m)
{
	member_clear(m);
	free(m);
}

static void
member_from_row(sqlite3_stmt *st, struct member *m)
{
	m->id = sqlite3_column_int64(st, 0);
	m->code = db_column_dup(st, 1);
	m->name = db_column_dup(st, 2);
	m->village = db_column_dup(st, 3);
	m->phone = db_column_dup(st, 4);
	m->active = sqlite3_column_int(st, 5);
}

static enum status
get_one(struct db *db, sqlite3_stmt *st, struct member *out)
{
	int rc = sqlite3_step(st);
	enum status s;

	if (rc == SQLITE_ROW) {
		member_from_row(st, out);
		s = ST_OK;
	} else if (rc == SQLITE_DONE)
		s = db_fail(db, ST_NOT_FOUND, _("no such member"));
	else
		s = db_status(db, rc);
	sqlite3_reset(st);
	return s;
}

enum status
member_get_by_id(struct db *db, long long id, struct member *out)
{
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT " MEMBER_COLS " FROM member m WHERE m.id = ?1");

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return ST_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return get_one(db, st, out);
}

enum status
member_get_by_code(struct db *db, const char *code, struct member *out)
{
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT " MEMBER_COLS " FROM member m WHERE m.code = ?1");
	char *c = text_trim(code);
	enum status s = ST_ERROR;

	memset(out, 0, sizeof *out);
	if (st != NULL) {
		db_bind_text(st, 1, c);
		s = get_one(db, st, out);
	}
	free(c);
	return s;
}

/* Trimmed copies; ST_INVALID with the detail when a rule is broken. */
static enum status
member_normalize(struct db *db, const struct member *in, struct member *out)
{
	memset(out, 0, sizeof *out);
	out->id = in->id;
	out->code = text_trim(in->code);
	out->name = text_trim(in->name);
	out->village = text_trim(in->village);
	out->phone = text_trim(in->phone);
	if (*out->code == '\0')
		return db_fail(db, ST_INVALID, _("the member code is empty"));
	if (*out->name == '\0')
		return db_fail(db, ST_INVALID, _("the name is empty"));
	return ST_OK;
}

static enum status
step_done(struct db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return db_status(db, rc);
}

/* ST_EXISTS when a member other than m->id has m's code. */
static enum status
check_unique(struct db *db, const struct member *m)
{
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT name FROM member WHERE code = ?1 AND id <> ?2");
	enum status s = ST_OK;
	int rc;

	if (st == NULL)
		return ST_ERROR;
	db_bind_text(st, 1, m->code);
	sqlite3_bind_int64(st, 2, m->id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		s = db_fail(db, ST_EXISTS, _("member code %s is already used by %s"),
		    m->code, (const char *)sqlite3_column_text(st, 0));
	else if (rc != SQLITE_DONE)
		s = db_status(db, rc);
	sqlite3_reset(st);
	return s;
}

static enum status
add_in_txn(struct db *db, const struct member *m, long long *id)
{
	sqlite3_stmt *st;
	enum status s = check_unique(db, m);

	if (s != ST_OK)
		return s;
	st = db_prepare(db, "INSERT INTO member(code, name, village, phone, "
	    "updated_by) VALUES (?1, ?2, ?3, ?4, ?5)");
	if (st == NULL)
		return ST_ERROR;
	db_bind_text(st, 1, m->code);
	db_bind_text(st, 2, m->name);
	db_bind_text(st, 3, m->village);
	db_bind_text(st, 4, m->phone);
	db_bind_text(st, 5, db_actor(db));
	s = step_done(db, st);
	if (s == ST_OK && id != NULL)
		*id = sqlite3_last_insert_rowid(db_sqlite(db));
	return s;
}

enum status
member_add(struct db *db, const struct member *m, long long *id)
{
	struct member n;
	enum status s = member_normalize(db, m, &n);
	int nested;

	n.id = 0;
	if (s == ST_OK)
		s = txn_begin(db, &nested);
	if (s == ST_OK)
		s = txn_end(db, nested, add_in_txn(db, &n, id));
	member_clear(&n);
	return s;
}

static enum status
update_in_txn(struct db *db, const struct member *m)
{
	sqlite3_stmt *st;
	enum status s = check_unique(db, m);

	if (s != ST_OK)
		return s;
	st = db_prepare(db, "UPDATE member SET code = ?1, name = ?2, "
	    "village = ?3, phone = ?4, updated_by = ?5, "
	    "updated_at = datetime('now', 'localtime') WHERE id = ?6");
	if (st == NULL)
		return ST_ERROR;
	db_bind_text(st, 1, m->code);
	db_bind_text(st, 2, m->name);
	db_bind_text(st, 3, m->village);
	db_bind_text(st, 4, m->phone);
	db_bind_text(st, 5, db_actor(db));
	sqlite3_bind_int64(st, 6, m->id);
	s = step_done(db, st);
	if (s == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		s = db_fail(db, ST_NOT_FOUND, _("no such member"));
	return s;
}

enum status
member_update(struct db *db, const struct member *m)
{
	struct member n;
	enum status s = member_normalize(db, m, &n);
	int nested;

	if (s == ST_OK)
		s = txn_begin(db, &nested);
	if (s == ST_OK)
		s = txn_end(db, nested, update_in_txn(db, &n));
	member_clear(&n);
	return s;
}

static enum status
set_active_in_txn(struct db *db, long long id, int active)
{
	sqlite3_stmt *st = db_prepare(db, "UPDATE member SET active = ?2, "
	    "updated_by = ?3, updated_at = datetime('now', 'localtime') "
	    "WHERE id = ?1");
	enum status s;

	if (st == NULL)
		return ST_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, active != 0);
	db_bind_text(st, 3, db_actor(db));
	s = step_done(db, st);
	if (s == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		s = db_fail(db, ST_NOT_FOUND, _("no such member"));
	return s;
}

enum status
member_set_active(struct db *db, long long id, int active)
{
	int nested;
	enum status s = txn_begin(db, &nested);

	if (s != ST_OK)
		return s;
	return txn_end(db, nested, set_active_in_txn(db, id, active));
}

void
member_cursor_copy(struct member_cursor *dst, const struct member_cursor *src)
{
	char *key = xstrdup(src->key != NULL ? src->key : "");

	free(dst->key);
	dst->sort = src->sort;
	dst->key = key;
	dst->id = src->id;
}

void
member_cursor_clear(struct member_cursor *c)
{
	if (c == NULL)
		return;
	free(c->key);
	memset(c, 0, sizeof *c);
}

static int
bind_filter(sqlite3_stmt *st, const char *search, int include_inactive)
{
	int rc = sqlite3_bind_int(st, 3, include_inactive != 0);

	return rc == SQLITE_OK ? search_bind(st, 4, search) : rc;
}

enum status
member_count(struct db *db, const char *search, int include_inactive,
    long long *n)
{
	sqlite3_stmt *st = db_prepare(db, count_sql);
	int rc;

	*n = 0;
	if (st == NULL)
		return ST_ERROR;
	rc = bind_filter(st, search, include_inactive);
	if (rc != SQLITE_OK)
		return db_status(db, rc);
	return db_query_int(db, st, 0, n);
}

/* As product.c's bind_cursor. */
static int
bind_cursor(sqlite3_stmt *st, const struct member_cursor *after, int backward)
{
	int rc;

	if (after != NULL) {
		rc = db_bind_text(st, 1, after->key != NULL ? after->key : "");
		if (rc == SQLITE_OK)
			rc = sqlite3_bind_int64(st, 2, after->id);
		return rc;
	}
	rc = backward ? sqlite3_bind_zeroblob(st, 1, 0) : db_bind_text(st, 1, "");
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int64(st, 2, 0);
	return rc;
}

static void
row_from_stmt(sqlite3_stmt *st, enum member_sort sort, struct member_row *r)
{
	member_from_row(st, &r->m);
	r->cursor.sort = sort;
	r->cursor.key = sort == MEMBER_SORT_NAME ? r->m.name : r->m.code;
	r->cursor.id = r->m.id;
}

/* Read up to limit rows (nearest first) and deliver them ascending. */
static enum status
deliver(struct db *db, sqlite3_stmt *st, enum member_sort sort, int backward,
    int limit, int (*fn)(const struct member_row *row, void *arg), void *arg)
{
	struct member_row *rows = xcalloc((size_t)limit, sizeof *rows);
	int n = 0, rc = SQLITE_DONE, stop = 0;
	enum status s;

	while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_from_stmt(st, sort, &rows[n]);
		if (!backward) {
			stop = fn(&rows[n], arg);
			member_clear(&rows[n].m);
			if (stop)
				break;
		} else
			n++;
	}
	if (n == limit || stop)
		rc = SQLITE_DONE;
	s = db_status(db, rc);
	sqlite3_reset(st);
	for (int i = n - 1; i >= 0; i--) {
		if (!stop && s == ST_OK)
			stop = fn(&rows[i], arg);
		member_clear(&rows[i].m);
	}
	free(rows);
	return s;
}

enum status
member_page(struct db *db, const char *search, enum member_sort sort,
    int include_inactive, const struct member_cursor *after, int backward,
    int limit, int (*fn)(const struct member_row *row, void *arg), void *arg)
{
	sqlite3_stmt *st;
	int rc;

	if (limit < 1 || (sort != MEMBER_SORT_CODE && sort != MEMBER_SORT_NAME))
		return db_fail(db, ST_INVALID, "member_page: bad limit or sort");
	if (after != NULL && after->sort != sort)
		return db_fail(db, ST_INVALID,
		    "member_page: the cursor is from another sort");
	st = db_prepare(db, page_sql[sort][backward != 0]);
	if (st == NULL)
		return ST_ERROR;
	rc = bind_cursor(st, after, backward);
	if (rc == SQLITE_OK)
		rc = bind_filter(st, search, include_inactive);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int(st, 12, limit);
	if (rc != SQLITE_OK)
		return db_status(db, rc);
	return deliver(db, st, sort, backward != 0, limit, fn, arg);
}
