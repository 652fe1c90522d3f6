/*
 * check.c - see check.h.
 *
 * Each invariant is one query that returns only the rows breaking it, so
 * a healthy database costs one scan per rule and prints nothing.  Every
 * query yields (sku, a number, cached, expected) and a format string
 * turns the row into a sentence.  A negative ledger sum is not a problem
 * since schema 9: two sites that both sold the last jar merge into it;
 * syncstate_oversold() lists those products for a manager.  Reserved
 * is proved against the orders' lines, not their lot allocations: an
 * order taken in at another site is held here per product only.
 */
#include <config.h>

#include <stdlib.h>

#include "model/check.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/xalloc.h"

/* Per-product totals: moves, and reservations of live orders. */
static const char sql_product_onhand[] =
    "SELECT p.sku, p.unit, 0, coalesce(s.on_hand, 0), coalesce(m.q, 0)"
    " FROM product p LEFT JOIN stock s ON s.product_id = p.id"
    " LEFT JOIN (SELECT product_id, sum(qty) AS q FROM stock_move"
    " GROUP BY product_id) m ON m.product_id = p.id"
    " WHERE coalesce(s.on_hand, 0) <> coalesce(m.q, 0) ORDER BY p.id";
static const char sql_lot_onhand[] =
    "SELECT p.sku, p.unit, l.id, coalesce(s.on_hand, 0), coalesce(m.q, 0)"
    " FROM lot l JOIN product p ON p.id = l.product_id"
    " LEFT JOIN lot_stock s ON s.lot_id = l.id"
    " LEFT JOIN (SELECT lot_id, sum(qty) AS q FROM stock_move"
    " GROUP BY lot_id) m ON m.lot_id = l.id"
    " WHERE coalesce(s.on_hand, 0) <> coalesce(m.q, 0) ORDER BY l.id";
/* Every confirmed or packed order holds its lines, whichever site took
 * it in (replica_order.h), so the product's reserved figure is the sum of
 * those lines; sql_line_alloc proves how each one holds them. */
static const char sql_product_reserved[] =
    "SELECT p.sku, p.unit, 0, coalesce(s.reserved, 0), coalesce(a.q, 0)"
    " FROM product p LEFT JOIN stock s ON s.product_id = p.id"
    " LEFT JOIN (SELECT ol.product_id, sum(ol.qty) AS q FROM order_line ol"
    " JOIN orders o ON o.id = ol.order_id"
    " WHERE o.status IN ('confirmed', 'packed') GROUP BY ol.product_id) a"
    " ON a.product_id = p.id"
    " WHERE coalesce(s.reserved, 0) <> coalesce(a.q, 0) ORDER BY p.id";
/* A live order of this site holds each line in full in its lots; one of
 * another site holds no lot here (it is held per product only). */
static const char sql_line_alloc[] =
    "SELECT p.sku, p.unit, o.id, coalesce(a.q, 0),"
    " CASE WHEN o.gid IS NULL THEN ol.qty ELSE 0 END FROM order_line ol"
    " JOIN orders o ON o.id = ol.order_id"
    " JOIN product p ON p.id = ol.product_id"
    " LEFT JOIN (SELECT order_line_id, sum(qty) AS q FROM order_alloc"
    " GROUP BY order_line_id) a ON a.order_line_id = ol.id"
    " WHERE o.status IN ('confirmed', 'packed') AND coalesce(a.q, 0) <>"
    " CASE WHEN o.gid IS NULL THEN ol.qty ELSE 0 END ORDER BY ol.id";
static const char sql_lot_reserved[] =
    "SELECT p.sku, p.unit, l.id, coalesce(s.reserved, 0), coalesce(a.q, 0)"
    " FROM lot l JOIN product p ON p.id = l.product_id"
    " LEFT JOIN lot_stock s ON s.lot_id = l.id"
    " LEFT JOIN (SELECT oa.lot_id, sum(oa.qty) AS q FROM order_alloc oa"
    " JOIN order_line ol ON ol.id = oa.order_line_id"
    " JOIN orders o ON o.id = ol.order_id"
    " WHERE o.status IN ('confirmed', 'packed') GROUP BY oa.lot_id) a"
    " ON a.lot_id = l.id"
    " WHERE coalesce(s.reserved, 0) <> coalesce(a.q, 0) ORDER BY l.id";
static const char sql_stale_alloc[] =
    "SELECT p.sku, p.unit, o.id, o.status, sum(oa.qty) FROM order_alloc oa"
    " JOIN order_line ol ON ol.id = oa.order_line_id"
    " JOIN orders o ON o.id = ol.order_id"
    " JOIN product p ON p.id = ol.product_id"
    " WHERE o.status NOT IN ('confirmed', 'packed')"
    " GROUP BY o.id, p.id ORDER BY o.id, p.id";
static const char sql_alloc_lot_mismatch[] =
    "SELECT p.sku, p.unit, oa.lot_id, ol.order_id, oa.qty FROM order_alloc oa"
    " JOIN order_line ol ON ol.id = oa.order_line_id"
    " JOIN lot l ON l.id = oa.lot_id JOIN product p ON p.id = ol.product_id"
    " WHERE l.product_id <> ol.product_id ORDER BY oa.lot_id";
enum rule_kind {
	RULE_PRODUCT_ONHAND,
	RULE_LOT_ONHAND,
	RULE_PRODUCT_RESERVED,
	RULE_LOT_RESERVED,
	RULE_STALE_ALLOC,
	RULE_ALLOC_LOT,
	RULE_LINE_ALLOC
};

static const struct rule {
	const char *sql;
	enum rule_kind kind;
} rules[] = {
    {sql_product_onhand, RULE_PRODUCT_ONHAND},
    {sql_lot_onhand, RULE_LOT_ONHAND},
    {sql_product_reserved, RULE_PRODUCT_RESERVED},
    {sql_lot_reserved, RULE_LOT_RESERVED},
    {sql_stale_alloc, RULE_STALE_ALLOC},
    {sql_alloc_lot_mismatch, RULE_ALLOC_LOT},
    {sql_line_alloc, RULE_LINE_ALLOC},
};

/* Turn one offending row into a sentence (newly allocated). */
static char *
rule_message(enum rule_kind kind, sqlite3_stmt *st)
{
	const char *sku = (const char *)sqlite3_column_text(st, 0);
	const char *unit = (const char *)sqlite3_column_text(st, 1);
	long long id = sqlite3_column_int64(st, 2);
	char a[NUM_FMT_SIZE], b[NUM_FMT_SIZE];

	qty_format(sqlite3_column_int64(st, 3), a, sizeof a);
	qty_format(sqlite3_column_int64(st, 4), b, sizeof b);
	sku = sku != NULL ? sku : "?";
	unit = unit != NULL ? unit : "";
	switch (kind) {
	case RULE_PRODUCT_ONHAND:
		return xasprintf(_("%s: stock on hand is %s %s but the ledger "
				   "sums to %s %s"),
		    sku, a, unit, b, unit);
	case RULE_LOT_ONHAND:
		return xasprintf(_("%s lot %lld: on hand is %s %s but the "
				   "ledger sums to %s %s"),
		    sku, id, a, unit, b, unit);
	case RULE_PRODUCT_RESERVED:
		return xasprintf(_("%s: reserved is %s %s but confirmed and "
				   "packed orders hold %s %s"),
		    sku, a, unit, b, unit);
	case RULE_LOT_RESERVED:
		return xasprintf(_("%s lot %lld: reserved is %s %s but "
				   "confirmed and packed orders hold %s %s"),
		    sku, id, a, unit, b, unit);
	case RULE_STALE_ALLOC:
		return xasprintf(
		    _("%s: order %lld is %s but still holds %s %s"), sku, id,
		    (const char *)sqlite3_column_text(st, 3), b, unit);
	case RULE_ALLOC_LOT:
		return xasprintf(_("%s: order %lld holds %s %s in lot %lld of "
				   "another product"),
		    sku, sqlite3_column_int64(st, 3), b, unit, id);
	case RULE_LINE_ALLOC:
		return xasprintf(_("%s: order %lld holds %s %s in lots but "
				   "should hold %s %s"),
		    sku, id, a, unit, b, unit);
	}
	return xstrdup("?");
}

/* Run one rule; adds its problems to *count. */
static enum status
rule_run(struct db *db, const struct rule *r,
    void (*problem)(const char *, void *), void *arg, int *count)
{
	sqlite3_stmt *st = db_prepare(db, r->sql);
	enum status s;
	char *msg;
	int rc;

	if (st == NULL)
		return ST_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		msg = rule_message(r->kind, st);
		(*count)++;
		if (problem != NULL)
			problem(msg, arg);
		free(msg);
	}
	s = rc == SQLITE_DONE ? ST_OK : db_status(db, rc);
	sqlite3_reset(st);
	return s;
}

enum status
model_check(struct db *db, void (*problem)(const char *msg, void *arg),
    void *arg, int *count)
{
	int n = 0, own = !db_in_transaction(db);
	enum status s = ST_OK;

	if (own)
		s = db_exec(db, "BEGIN");
	for (size_t i = 0; s == ST_OK && i < sizeof rules / sizeof *rules; i++)
		s = rule_run(db, &rules[i], problem, arg, &n);
	if (own)
		db_rollback(db);
	if (count != NULL)
		*count = n;
	return s;
}
