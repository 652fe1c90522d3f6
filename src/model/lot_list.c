/*
 * lot_list.c - see lot_list.h.  Two statements, one per direction, so
 * each is a plain range scan of the lot_member index in its order.
 */
#include <config.h>

#include <stddef.h>

#include "model/lot_list.h"

#define LOT_COLS                                                             \
	"SELECT l.id, p.sku, p.name, p.unit, l.received_on, l.qty, "         \
	"coalesce((SELECT on_hand FROM lot_stock WHERE lot_id = l.id), 0), " \
	"l.grade, l.unit_cost, l.cost_total, coalesce(l.best_before, '') "   \
	"FROM lot l JOIN product p ON p.id = l.product_id "                  \
	"WHERE l.member_id = ?1 "

static const char older_sql[] =
    LOT_COLS "AND (?2 = 0 OR l.id < ?2) ORDER BY l.id DESC LIMIT ?3";
static const char newer_sql[] =
    LOT_COLS "AND l.id > ?2 ORDER BY l.id ASC LIMIT ?3";

static const char *
col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s != NULL ? (const char *)s : "";
}

enum status
lot_list(struct db *db, long long member_id, long long after, int backward,
    int limit, int (*fn)(const struct lot_row *row, void *arg), void *arg)
{
	sqlite3_stmt *st = db_prepare(db, backward ? newer_sql : older_sql);
	enum status s = ST_OK;
	int rc;

	if (st == NULL)
		return ST_ERROR;
	sqlite3_bind_int64(st, 1, member_id);
	sqlite3_bind_int64(st, 2, after);
	sqlite3_bind_int(st, 3, limit < 1 ? 1 : limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct lot_row r = {
		    .id = sqlite3_column_int64(st, 0),
		    .sku = col_text(st, 1),
		    .name = col_text(st, 2),
		    .unit = col_text(st, 3),
		    .received_on = col_text(st, 4),
		    .qty = sqlite3_column_int64(st, 5),
		    .on_hand = sqlite3_column_int64(st, 6),
		    .grade = col_text(st, 7),
		    .unit_cost = sqlite3_column_int64(st, 8),
		    .cost_total = sqlite3_column_int64(st, 9),
		    .best_before = col_text(st, 10),
		};

		if (fn(&r, arg) != 0)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		s = db_status(db, rc);
	sqlite3_reset(st);
	return s;
}
