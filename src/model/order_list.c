/*
 * order_list.c - see order_list.h.
 *
 * Four statements: with or without a status filter, walking up or down
 * the order numbers.  The cursor is bound as a plain range on the rowid
 * (a sentinel when starting at an end), never "?2 = 0 OR ...", so SQLite
 * walks the primary key or orders_status(status, id) directly.  Line
 * counts and totals come from a second, per-row query on the
 * order_line_order index: a page is at most a screenful of orders.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/order_list.h"
#include "model/order.h"
#include "util/num.h"
#include "util/text.h"
#include "util/xalloc.h"

#define LIST_SELECT                                                      \
	"SELECT o.id, o.ordered_at, o.channel, coalesce(o.ext_ref, '')," \
	" o.customer_name, o.customer_phone, o.status, " ORDER_SITE_SQL( \
	    "o") " FROM orders o WHERE "
#define LIST_SEARCH                                         \
	" AND (?3 = '' OR o.id = ?4"                        \
	" OR instr(lower(coalesce(o.ext_ref, '')), ?3) > 0" \
	" OR instr(lower(o.customer_name), ?3) > 0"         \
	" OR instr(o.customer_phone, ?3) > 0)"

/* [has status][ascending] */
static const char sql_all_desc[] =
    LIST_SELECT "o.id < ?2" LIST_SEARCH " ORDER BY o.id DESC LIMIT ?5";
static const char sql_all_asc[] =
    LIST_SELECT "o.id > ?2" LIST_SEARCH " ORDER BY o.id ASC LIMIT ?5";
/* ?6: only this site's orders (a state only their own site moves on). */
#define LIST_HERE " AND (?6 = 0 OR o.gid IS NULL)"
static const char sql_st_desc[] =
    LIST_SELECT "o.status = ?1 AND o.id < ?2" LIST_HERE LIST_SEARCH
		" ORDER BY o.id DESC LIMIT ?5";
static const char sql_st_asc[] =
    LIST_SELECT "o.status = ?1 AND o.id > ?2" LIST_HERE LIST_SEARCH
		" ORDER BY o.id ASC LIMIT ?5";
static const char *const list_sql[2][2] = {
    {sql_all_desc, sql_all_asc}, {sql_st_desc, sql_st_asc}};

static const char sql_lines[] =
    "SELECT qty, unit_price FROM order_line WHERE order_id = ?1";
static const char sql_count_all[] = "SELECT count(*) FROM orders";
static const char sql_count_st[] =
    "SELECT count(*) FROM orders WHERE status = ?1"
    " AND (?2 = 0 OR gid IS NULL)";

/* Does the list of state status show this site's orders only? */
static int
here_only(int status)
{
	return status == ORDER_NEW || status == ORDER_CONFIRMED ||
	       status == ORDER_PACKED;
}

/* The order number a search names ("12", "#12"), or -1. */
static long long
search_number(const char *s)
{
	const char *p = s[0] == '#' ? s + 1 : s;
	long long n = 0;

	if (*p == '\0' || strlen(p) > 15)
		return -1;
	for (; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		n = n * 10 + (*p - '0');
	}
	return n;
}

/* Count the lines of order row->id and add up their totals. */
static enum status
row_totals(struct db *db, struct order_list_row *row)
{
	sqlite3_stmt *st = db_prepare(db, sql_lines);
	int rc;

	row->nlines = 0;
	row->total = 0;
	if (st == NULL)
		return ST_ERROR;
	if ((rc = sqlite3_bind_int64(st, 1, row->id)) != SQLITE_OK)
		return db_status(db, rc);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t t;

		row->nlines++;
		if (money_mul_qty(sqlite3_column_int64(st, 1),
			sqlite3_column_int64(st, 0), &t) != NUM_OK ||
		    row->total > INT64_MAX - t)
			row->total = INT64_MAX;
		else if (row->total != INT64_MAX)
			row->total += t;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status(db, rc);
}

static int
bind_query(sqlite3_stmt *st, const struct order_list_query *q, int asc,
    long long after_id, int limit, const char *folded)
{
	int rc = SQLITE_OK;
	long long from = after_id > 0 ? after_id : (asc ? 0 : INT64_MAX);

	if (q->status >= 0)
		rc = db_bind_text(
		    st, 1, order_status_name((enum order_status)q->status));
	if (rc == SQLITE_OK && q->status >= 0)
		rc = sqlite3_bind_int(st, 6, here_only(q->status));
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int64(st, 2, from);
	if (rc == SQLITE_OK)
		rc = db_bind_text(st, 3, folded);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int64(st, 4, search_number(folded));
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int(st, 5, limit);
	return rc;
}

/* Walk the rows of st (already bound) into fn. */
static enum status
deliver(struct db *db, sqlite3_stmt *st,
    int (*fn)(const struct order_list_row *row, void *arg), void *arg)
{
	struct order_list_row row;
	enum status s = ST_OK;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&row, 0, sizeof(row));
		row.id = sqlite3_column_int64(st, 0);
		row.ordered_at = (const char *)sqlite3_column_text(st, 1);
		row.channel = (const char *)sqlite3_column_text(st, 2);
		row.ext_ref = (const char *)sqlite3_column_text(st, 3);
		row.customer_name = (const char *)sqlite3_column_text(st, 4);
		row.customer_phone = (const char *)sqlite3_column_text(st, 5);
		row.status = (const char *)sqlite3_column_text(st, 6);
		row.site = (const char *)sqlite3_column_text(st, 7);
		if (row.ordered_at == NULL || row.channel == NULL ||
		    row.ext_ref == NULL || row.customer_name == NULL ||
		    row.customer_phone == NULL || row.status == NULL ||
		    row.site == NULL) {
			s = db_status(db, SQLITE_NOMEM);
			break;
		}
		if ((s = row_totals(db, &row)) != ST_OK)
			break;
		if (fn(&row, arg) != 0)
			break;
	}
	if (s == ST_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
		s = db_status(db, rc);
	sqlite3_reset(st);
	return s;
}

enum status
order_list_page(struct db *db, const struct order_list_query *q,
    long long after_id, int dir, int limit,
    int (*fn)(const struct order_list_row *row, void *arg), void *arg)
{
	int asc = (q->sort == ORDER_LIST_OLDEST) == (dir >= 0);
	sqlite3_stmt *st;
	char *trimmed, *folded;
	enum status s;
	int rc;

	if (limit < 1)
		return db_fail(db, ST_INVALID, "order_list_page: bad limit");
	st = db_prepare(db, list_sql[q->status >= 0][asc]);
	if (st == NULL)
		return ST_ERROR;
	trimmed = text_trim(q->search);
	folded = text_fold(trimmed);
	free(trimmed);
	rc = bind_query(st, q, asc, after_id, limit, folded);
	free(folded);
	if (rc != SQLITE_OK) {
		s = db_status(db, rc);
		sqlite3_reset(st);
		return s;
	}
	return deliver(db, st, fn, arg);
}

enum status
order_list_count(struct db *db, int status, long long *n)
{
	sqlite3_stmt *st =
	    db_prepare(db, status >= 0 ? sql_count_st : sql_count_all);

	*n = 0;
	if (st == NULL)
		return ST_ERROR;
	if (status >= 0 &&
	    (db_bind_text(st, 1,
		 order_status_name((enum order_status)status)) != SQLITE_OK ||
		sqlite3_bind_int(st, 2, here_only(status)) != SQLITE_OK))
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	return db_query_int(db, st, 0, n);
}

enum status
order_list_has_away(struct db *db, int *yes)
{
	sqlite3_stmt *st = db_prepare(
	    db, "SELECT EXISTS (SELECT 1 FROM orders WHERE gid IS NOT NULL)");
	long long n = 0;
	enum status s;

	*yes = 0;
	if (st == NULL)
		return ST_ERROR;
	s = db_query_int(db, st, 0, &n);
	*yes = n != 0;
	return s;
}

static const char sql_events[] =
    "SELECT coalesce(from_status, ''), to_status, actor, note, at"
    " FROM order_event WHERE order_id = ?1 ORDER BY id";
static const char sql_shipments[] =
    "SELECT courier, tracking_no, shipped_on FROM shipment"
    " WHERE order_id = ?1 ORDER BY id";

/* Column i of st's row as text, "" for NULL. */
static const char *
col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? s : "";
}

enum status
order_events(struct db *db, long long id,
    int (*fn)(const struct order_event_row *e, void *arg), void *arg)
{
	sqlite3_stmt *st = db_prepare_id(db, sql_events, id);
	int rc;

	if (st == NULL)
		return ST_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct order_event_row e = {
		    col(st, 0), col(st, 1), col(st, 2), col(st, 3), col(st, 4)};

		if (fn(&e, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : db_status(db, rc);
}

enum status
order_shipments(struct db *db, long long id,
    int (*fn)(const struct order_shipment_row *sh, void *arg), void *arg)
{
	sqlite3_stmt *st = db_prepare_id(db, sql_shipments, id);
	int rc;

	if (st == NULL)
		return ST_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct order_shipment_row sh = {
		    col(st, 0), col(st, 1), col(st, 2)};

		if (fn(&sh, arg) != 0)
			break;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : db_status(db, rc);
}
