/*
 * summary.c - see summary.h.  Low stock is counted by report.c, next to
 * report_stock() and from the same SQL, so the Home screen and `coopstock
 * report low` can never disagree.
 */
#include <config.h>

#include <string.h>

#include "model/report.h"
#include "model/summary.h"
#include "util/num.h"

/*
 * Each count is a range of orders_live (013-check-lists.sql), which a
 * query may use only when it repeats the index's WHERE (gid IS NOT NULL
 * is a range of it too).
 */
#define LIVE                                                        \
	"FROM orders WHERE (status = 'new' OR status = 'confirmed'" \
	" OR status = 'packed')"
#define COUNT(st, gid) \
	"(SELECT count(*) " LIVE " AND status = '" st "' AND gid " gid ")"
/* clang-format off */
static const char sql_orders[] =
    "SELECT " COUNT("new", "IS NULL") ", " COUNT("confirmed", "IS NULL")
    ", " COUNT("packed", "IS NULL") ", " COUNT("new", "IS NOT NULL")
    ", " COUNT("confirmed", "IS NOT NULL") ", " COUNT("packed", "IS NOT NULL");
/* clang-format on */
static const char sql_lots[] =
    "SELECT coalesce(sum(l.best_before < ?1), 0),"
    " coalesce(sum(l.best_before >= ?1 AND l.best_before <= ?2), 0)"
    " FROM lot l JOIN lot_stock ls ON ls.lot_id = l.id"
    " WHERE ls.on_hand > 0 AND l.best_before IS NOT NULL";

static const char sql_list[] =
    "SELECT l.id, l.best_before, p.sku, p.name, p.unit,"
    " coalesce(m.name, ''), ls.on_hand"
    " FROM lot l JOIN lot_stock ls ON ls.lot_id = l.id"
    " JOIN product p ON p.id = l.product_id"
    " LEFT JOIN member m ON m.id = l.member_id"
    " WHERE ls.on_hand > 0 AND l.best_before IS NOT NULL"
    " AND ((?3 AND l.best_before < ?1)"
    "  OR (NOT ?3 AND l.best_before >= ?1 AND l.best_before <= ?2))"
    " ORDER BY l.best_before, l.id";

static enum status
read_orders(struct db *db, struct summary *out)
{
	long long *const to[] = {&out->orders_new, &out->orders_confirmed,
	    &out->orders_packed, &out->away_new, &out->away_confirmed,
	    &out->away_packed};
	sqlite3_stmt *st = db_prepare(db, sql_orders);
	int rc;

	if (st == NULL)
		return ST_ERROR;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		for (size_t i = 0; i < sizeof to / sizeof to[0]; i++)
			*to[i] = sqlite3_column_int64(st, (int)i);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status(db, rc);
}

static enum status
read_lots(struct db *db, int near_days, struct summary *out)
{
	char today[DATE_SIZE], until[DATE_SIZE];
	sqlite3_stmt *st = db_prepare(db, sql_lots);
	int rc;

	if (st == NULL)
		return ST_ERROR;
	date_today(today, sizeof today);
	date_add_days(today, near_days, until, sizeof until);
	if ((rc = db_bind_text(st, 1, today)) != SQLITE_OK ||
	    (rc = db_bind_text(st, 2, until)) != SQLITE_OK) {
		sqlite3_reset(st);
		return db_status(db, rc);
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->lots_expired = sqlite3_column_int64(st, 0);
		out->lots_near = sqlite3_column_int64(st, 1);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status(db, rc);
}

enum status
summary_get(struct db *db, int near_days, struct summary *out)
{
	int own = !db_in_transaction(db);
	enum status s = own ? db_exec(db, "BEGIN") : ST_OK;

	memset(out, 0, sizeof(*out));
	if (s != ST_OK)
		return s;
	s = read_orders(db, out);
	if (s == ST_OK)
		s = read_lots(db, near_days, out);
	if (s == ST_OK)
		s = report_stock_low_count(db, &out->low_stock);
	if (own)
		db_rollback(db);
	return s;
}

enum status
summary_lots(struct db *db, int near_days, int expired,
    int (*fn)(const struct summary_lot *lot, void *arg), void *arg)
{
	char today[DATE_SIZE], until[DATE_SIZE];
	sqlite3_stmt *st = db_prepare(db, sql_list);
	struct summary_lot r;
	int rc;

	if (st == NULL)
		return ST_ERROR;
	date_today(today, sizeof today);
	date_add_days(today, near_days, until, sizeof until);
	if ((rc = db_bind_text(st, 1, today)) != SQLITE_OK ||
	    (rc = db_bind_text(st, 2, until)) != SQLITE_OK ||
	    (rc = sqlite3_bind_int(st, 3, expired != 0)) != SQLITE_OK) {
		sqlite3_reset(st);
		return db_status(db, rc);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.lot_id = sqlite3_column_int64(st, 0);
		r.best_before = (const char *)sqlite3_column_text(st, 1);
		r.sku = (const char *)sqlite3_column_text(st, 2);
		r.name = (const char *)sqlite3_column_text(st, 3);
		r.unit = (const char *)sqlite3_column_text(st, 4);
		r.member = (const char *)sqlite3_column_text(st, 5);
		r.on_hand = sqlite3_column_int64(st, 6);
		r.days_left = date_is_iso(r.best_before)
				  ? date_diff_days(today, r.best_before)
				  : 0;
		if (fn(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status(db, rc);
}
