/*
 * ledger.c - see ledger.h.
 *
 * The caches are written with an upsert so that a product or lot gets its
 * row on its first move.  Callers check availability before they take
 * stock.  Since schema 9 the caches may go below zero (a merge of two
 * sites' sales of the same jar, see sync/bundle.h), so the schema no longer
 * refuses it: reserved >= 0 is its only check.
 *
 * Reservations are kept per product and per lot.  An order taken in at
 * another site holds stock here per product only (ledger_order_hold): its
 * site chose the lots, and which ones is not known here.  So the lots'
 * free stock overstates what may be taken, and ledger_lots_fefo caps it at
 * the product's free stock (on hand less everything reserved).
 */
#include <config.h>

#include <stdlib.h>

#include "model/ledger.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/xalloc.h"

static const char sql_move_insert[] =
    "INSERT INTO stock_move(kind, product_id, lot_id, qty, order_id, actor,"
    " note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
/* An upsert would check the CHECKs on the would-be new row (a negative
 * on_hand) before seeing the conflict, so: update, else insert. */
static const char sql_stock_add[] =
    "UPDATE stock SET on_hand = on_hand + ?2 WHERE product_id = ?1";
static const char sql_stock_new[] =
    "INSERT INTO stock(product_id, on_hand) VALUES (?1, ?2)";
static const char sql_lot_add[] =
    "UPDATE lot_stock SET on_hand = on_hand + ?2 WHERE lot_id = ?1";
static const char sql_lot_new[] =
    "INSERT INTO lot_stock(lot_id, on_hand) VALUES (?1, ?2)";
static const char sql_stock_reserve[] =
    "UPDATE stock SET reserved = reserved + ?2 WHERE product_id = ?1";
static const char sql_lot_reserve[] =
    "UPDATE lot_stock SET reserved = reserved + ?2 WHERE lot_id = ?1";
static const char sql_lots_fefo[] =
    "SELECT l.id, s.on_hand - s.reserved FROM lot l"
    " JOIN lot_stock s ON s.lot_id = l.id"
    " WHERE l.product_id = ?1 AND s.on_hand > s.reserved"
    " AND (?2 IS NULL OR l.best_before IS NULL OR l.best_before >= ?2)"
    " ORDER BY l.best_before IS NULL, l.best_before, l.id";
static const char sql_product_free[] =
    "SELECT on_hand - reserved FROM stock WHERE product_id = ?1";
/* A product row for every product of the order, then each line's
 * quantity times ?2 onto its product's reserved figure. */
static const char sql_hold_rows[] =
    "INSERT OR IGNORE INTO stock(product_id, on_hand)"
    " SELECT DISTINCT product_id, 0 FROM order_line WHERE order_id = ?1";
static const char sql_hold[] =
    "UPDATE stock SET reserved = reserved + ?2 * (SELECT sum(qty)"
    " FROM order_line WHERE order_id = ?1 AND product_id = stock.product_id)"
    " WHERE product_id IN (SELECT product_id FROM order_line"
    " WHERE order_id = ?1)";
static const char sql_sku_unit[] =
    "SELECT sku, unit FROM product WHERE id = ?1";

enum status
ledger_step(struct db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	enum status s = rc == SQLITE_ROW ? ST_OK : db_status(db, rc);

	sqlite3_reset(st);
	return s;
}

/* Run sql with (key, qty). */
static enum status
run_key_qty(struct db *db, const char *sql, long long key, int64_t qty)
{
	sqlite3_stmt *st = db_prepare(db, sql);

	if (st == NULL)
		return ST_ERROR;
	if (sqlite3_bind_int64(st, 1, key) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, qty) != SQLITE_OK)
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	return ledger_step(db, st);
}

/* Add qty to one cache's on_hand: update its row, or insert the row. */
static enum status
cache_add(struct db *db, const char *add, const char *create, long long key,
    int64_t qty)
{
	enum status s = run_key_qty(db, add, key, qty);

	if (s == ST_OK && sqlite3_changes(db_sqlite(db)) == 0)
		s = run_key_qty(db, create, key, qty);
	return s;
}

enum status
ledger_move(struct db *db, const char *kind, long long product_id,
    long long lot_id, int64_t qty, long long order_id, const char *note)
{
	sqlite3_stmt *st = db_prepare(db, sql_move_insert);
	int bad = 0;
	enum status s;

	if (st == NULL)
		return ST_ERROR;
	bad |= sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC) != SQLITE_OK;
	bad |= sqlite3_bind_int64(st, 2, product_id) != SQLITE_OK;
	bad |= sqlite3_bind_int64(st, 3, lot_id) != SQLITE_OK;
	bad |= sqlite3_bind_int64(st, 4, qty) != SQLITE_OK;
	if (order_id > 0)
		bad |= sqlite3_bind_int64(st, 5, order_id) != SQLITE_OK;
	bad |= db_bind_text(st, 6, db_actor(db)) != SQLITE_OK;
	bad |= db_bind_text(st, 7, note != NULL ? note : "") != SQLITE_OK;
	if (bad)
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	s = ledger_step(db, st);
	if (s == ST_OK)
		s = cache_add(
		    db, sql_stock_add, sql_stock_new, product_id, qty);
	if (s == ST_OK)
		s = cache_add(db, sql_lot_add, sql_lot_new, lot_id, qty);
	return s;
}

/* Add qty to one cache's reserved; exactly one row must change. */
static enum status
cache_reserve(struct db *db, const char *sql, long long key, int64_t qty)
{
	enum status s = run_key_qty(db, sql, key, qty);

	if (s == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		s = db_fail(
		    db, ST_ERROR, "no stock row to reserve in (%lld)", key);
	return s;
}

enum status
ledger_reserve(
    struct db *db, long long product_id, long long lot_id, int64_t qty)
{
	enum status s = cache_reserve(db, sql_stock_reserve, product_id, qty);

	if (s == ST_OK)
		s = cache_reserve(db, sql_lot_reserve, lot_id, qty);
	return s;
}

enum status
ledger_lots_fefo(struct db *db, long long product_id, int skip_expired,
    struct ledger_lot **out, size_t *n)
{
	sqlite3_stmt *st;
	char today[DATE_SIZE];
	struct ledger_lot *v = NULL;
	size_t cnt = 0, cap = 0;
	int64_t left; /* the product's free stock not yet listed */
	int rc = SQLITE_DONE;
	enum status s = ledger_product_free(db, product_id, &left);

	*out = NULL;
	*n = 0;
	if (s != ST_OK)
		return s;
	st = db_prepare(db, sql_lots_fefo);
	if (st == NULL)
		return ST_ERROR;
	if (sqlite3_bind_int64(st, 1, product_id) != SQLITE_OK ||
	    (skip_expired && db_bind_text(st, 2,
				 date_today(today, sizeof today)) != SQLITE_OK))
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	while (left > 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cnt == cap) {
			cap = cap ? cap * 2 : 8;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[cnt].lot_id = sqlite3_column_int64(st, 0);
		v[cnt].free = sqlite3_column_int64(st, 1);
		if (v[cnt].free > left)
			v[cnt].free = left;
		left -= v[cnt++].free;
	}
	if (left > 0 && rc != SQLITE_DONE) {
		s = db_status(db, rc);
		sqlite3_reset(st);
		free(v);
		return s;
	}
	sqlite3_reset(st);
	*out = v;
	*n = cnt;
	return ST_OK;
}

enum status
ledger_product_free(struct db *db, long long product_id, int64_t *free_qty)
{
	sqlite3_stmt *st = db_prepare_id(db, sql_product_free, product_id);
	long long v;
	enum status s;

	*free_qty = 0;
	if (st == NULL)
		return ST_ERROR;
	s = db_query_int(db, st, 0, &v);
	if (s == ST_OK)
		*free_qty = v;
	return s;
}

enum status
ledger_order_hold(struct db *db, long long order_id, int sign)
{
	sqlite3_stmt *st;
	enum status s = ST_OK;

	if (sign > 0) {
		st = db_prepare_id(db, sql_hold_rows, order_id);
		if (st == NULL)
			return ST_ERROR;
		s = ledger_step(db, st);
	}
	if (s == ST_OK)
		s = run_key_qty(db, sql_hold, order_id, sign > 0 ? 1 : -1);
	return s;
}

char *
ledger_shortage(struct db *db, long long product_id, int64_t qty)
{
	sqlite3_stmt *st = db_prepare(db, sql_sku_unit);
	char q[NUM_FMT_SIZE];
	char *sku = NULL, *unit = NULL, *msg;

	if (st != NULL && sqlite3_bind_int64(st, 1, product_id) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		sku = db_column_dup(st, 0);
		unit = db_column_dup(st, 1);
	}
	if (st != NULL)
		sqlite3_reset(st);
	qty_format(qty, q, sizeof q);
	/* TRANSLATORS: "HONEY-500: short by 3 jar" */
	msg = xasprintf(
	    _("%s: short by %s %s"), sku ? sku : "?", q, unit ? unit : "");
	free(sku);
	free(unit);
	return msg;
}
