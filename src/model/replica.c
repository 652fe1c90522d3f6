/*
 * replica.c - see replica.h.
 *
 * Each kind is a row of kinds[]: its file, columns and the query that
 * reads it out (?1 site id, ?2 the id to start after; the last result
 * column is the local id).  Applying is one function per kind: look the
 * row's global id up, resolve the global ids it refers to, insert.  A
 * global id "SITE.N" with this site's id names local row N (whose gid is
 * NULL); any other is looked up in the gid column through its partial
 * index.
 */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "model/order.h"
#include "model/replica.h"
#include "model/replica_order.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* The global id of table alias a. */
#define GID(a) "coalesce(" a ".gid, ?1 || '.' || " a ".id)"
/* Not a row that came from the recipient (?3, its site id) itself. */
#define NOT_FROM(a) \
	"substr(coalesce(" a ".gid, ''), 1, length(?3) + 1) <> ?3 || '.'"

static const char *const product_cols[] = {"gid", "sku", "name", "name_en",
    "short_code", "unit", "price", "reorder_level", "category", "active",
    "created_at", NULL};
static const char *const member_cols[] = {
    "gid", "code", "name", "village", "phone", "active", "created_at", NULL};
static const char *const change_cols[] = {"gid", "entity", "row", "field",
    "value", "base", "site", "actor", "at", NULL};
static const char *const lot_cols[] = {"gid", "product", "member",
    "received_on", "qty", "grade", "unit_cost", "cost_total", "best_before",
    "actor", "created_at", NULL};
static const char *const order_cols[] = {"gid", "channel", "ext_ref",
    "ordered_at", "customer_name", "customer_phone", "customer_address", "note",
    "created_by", "created_at", NULL};
static const char *const line_cols[] = {
    "gid", "order", "product", "qty", "unit_price", NULL};
static const char *const move_cols[] = {"gid", "kind", "product", "lot", "qty",
    "order", "actor", "note", "created_at", NULL};
static const char *const event_cols[] = {
    "gid", "order", "from_status", "to_status", "actor", "note", "at", NULL};
static const char *const shipment_cols[] = {"gid", "order", "courier",
    "tracking_no", "shipped_on", "actor", "created_at", NULL};
static const char *const payment_cols[] = {
    "gid", "member", "amount", "paid_on", "note", "actor", "created_at", NULL};

/* The queries read best as written: */
// clang-format off
static const char sql_products[] =
    "SELECT " GID("p") ", p.sku, p.name, p.name_en, p.short_code, p.unit,"
    " p.price, p.reorder_level, p.category, p.active, p.created_at, p.id"
    " FROM product p WHERE p.id > ?2"
    " AND " NOT_FROM("p") " ORDER BY p.id";
static const char sql_members[] =
    "SELECT " GID("m") ", m.code, m.name, m.village, m.phone, m.active,"
    " m.created_at, m.id FROM member m WHERE m.id > ?2"
    " AND " NOT_FROM("m") " ORDER BY m.id";
static const char sql_changes[] =
    "SELECT coalesce(c.gid, c.site || '.' || c.id), c.entity,"
    " CASE c.entity WHEN 'product' THEN (SELECT " GID("p")
    " FROM product p WHERE p.id = c.row_id) ELSE (SELECT " GID("m")
    " FROM member m WHERE m.id = c.row_id) END,"
    " c.field, c.value, c.base, c.site, c.actor, c.at, c.id"
    " FROM field_change c WHERE c.id > ?2"
    " AND " NOT_FROM("c") " ORDER BY c.id";
static const char sql_lots[] =
    "SELECT " GID("l") ", " GID("p") ", CASE WHEN m.id IS NOT NULL THEN "
    GID("m") " END, l.received_on, l.qty, l.grade, l.unit_cost,"
    " l.cost_total, l.best_before, l.actor, l.created_at, l.id"
    " FROM lot l JOIN product p ON p.id = l.product_id"
    " LEFT JOIN member m ON m.id = l.member_id WHERE l.id > ?2"
    " AND " NOT_FROM("l") " ORDER BY l.id";
static const char sql_orders[] =
    "SELECT " GID("o") ", o.channel, o.ext_ref, o.ordered_at,"
    " o.customer_name, o.customer_phone, o.customer_address, o.note,"
    " o.created_by, o.created_at, o.id FROM orders o WHERE o.id > ?2"
    " AND " NOT_FROM("o") " ORDER BY o.id";
static const char sql_lines[] =
    "SELECT " GID("ol") ", " GID("o") ", " GID("p") ", ol.qty,"
    " ol.unit_price, ol.id FROM order_line ol"
    " JOIN orders o ON o.id = ol.order_id"
    " JOIN product p ON p.id = ol.product_id WHERE ol.id > ?2"
    " AND " NOT_FROM("ol") " ORDER BY ol.id";
static const char sql_moves[] =
    "SELECT " GID("s") ", s.kind, " GID("p") ", " GID("l") ","
    " s.qty, CASE WHEN o.id IS NOT NULL THEN " GID("o") " END, s.actor,"
    " s.note, s.created_at, s.id FROM stock_move s"
    " JOIN product p ON p.id = s.product_id JOIN lot l ON l.id = s.lot_id"
    " LEFT JOIN orders o ON o.id = s.order_id WHERE s.id > ?2"
    " AND " NOT_FROM("s") " ORDER BY s.id";
static const char sql_events[] =
    "SELECT " GID("e") ", " GID("o") ", e.from_status, e.to_status,"
    " e.actor, e.note, e.at, e.id FROM order_event e"
    " JOIN orders o ON o.id = e.order_id WHERE e.id > ?2"
    " AND " NOT_FROM("e") " ORDER BY e.id";
static const char sql_shipments[] =
    "SELECT " GID("s") ", " GID("o") ", s.courier, s.tracking_no,"
    " s.shipped_on, s.actor, s.created_at, s.id FROM shipment s"
    " JOIN orders o ON o.id = s.order_id WHERE s.id > ?2"
    " AND " NOT_FROM("s") " ORDER BY s.id";
static const char sql_payments[] =
    "SELECT " GID("y") ", " GID("m") ", y.amount, y.paid_on, y.note,"
    " y.actor, y.created_at, y.id FROM payment y"
    " JOIN member m ON m.id = y.member_id WHERE y.id > ?2"
    " AND " NOT_FROM("y") " ORDER BY y.id";
// clang-format on

/* Lookups of a stored global id, and of a local row by id, per table. */
struct table {
	const char *name;
	const char *by_gid, *by_id;
};
/* Lookups of table tbl's rows; label names it in messages. */
#define TABLE(var, tbl, label)                       \
	static const struct table var = {label,      \
	    "SELECT id FROM " tbl " WHERE gid = ?1", \
	    "SELECT id FROM " tbl " WHERE id = ?1 AND gid IS NULL"}
TABLE(t_product, "product", N_("product"));
TABLE(t_member, "member", N_("member"));
TABLE(t_lot, "lot", N_("lot"));
TABLE(t_orders, "orders", N_("order"));
TABLE(t_line, "order_line", N_("order line"));
TABLE(t_move, "stock_move", N_("stock move"));
TABLE(t_event, "order_event", N_("order event"));
TABLE(t_shipment, "shipment", N_("shipment"));
TABLE(t_payment, "payment", N_("payment"));
TABLE(t_change, "field_change", N_("field change"));

typedef enum status (*apply_fn)(struct db *, const char *const *, int *);

static enum status apply_product(struct db *, const char *const *, int *);
static enum status apply_member(struct db *, const char *const *, int *);
static enum status apply_change(struct db *, const char *const *, int *);
static enum status apply_lot(struct db *, const char *const *, int *);
static enum status apply_order(struct db *, const char *const *, int *);
static enum status apply_line(struct db *, const char *const *, int *);
static enum status apply_move(struct db *, const char *const *, int *);
static enum status apply_event(struct db *, const char *const *, int *);
static enum status apply_shipment(struct db *, const char *const *, int *);
static enum status apply_payment(struct db *, const char *const *, int *);

static const struct kind {
	const char *file;
	const char *const *cols;
	const char *sql;
	apply_fn apply;
} kinds[REPLICA__COUNT] = {
    [REPLICA_PRODUCTS] = {"products.csv", product_cols, sql_products,
	apply_product},
    [REPLICA_MEMBERS] = {"members.csv", member_cols, sql_members, apply_member},
    [REPLICA_CHANGES] = {"changes.csv", change_cols, sql_changes, apply_change},
    [REPLICA_LOTS] = {"lots.csv", lot_cols, sql_lots, apply_lot},
    [REPLICA_ORDERS] = {"orders.csv", order_cols, sql_orders, apply_order},
    [REPLICA_ORDER_LINES] = {"order_lines.csv", line_cols, sql_lines,
	apply_line},
    [REPLICA_MOVES] = {"stock_moves.csv", move_cols, sql_moves, apply_move},
    [REPLICA_EVENTS] = {"order_events.csv", event_cols, sql_events,
	apply_event},
    [REPLICA_SHIPMENTS] = {"shipments.csv", shipment_cols, sql_shipments,
	apply_shipment},
    [REPLICA_PAYMENTS] = {"payments.csv", payment_cols, sql_payments,
	apply_payment},
};

/* This site's id while a merge runs (replica_merge_begin). */
static char *merge_site;

const char *
replica_file(enum replica_kind k)
{
	return kinds[k].file;
}

const char *const *
replica_columns(enum replica_kind k)
{
	return kinds[k].cols;
}

int
replica_ncolumns(enum replica_kind k)
{
	int n = 0;

	while (kinds[k].cols[n] != NULL)
		n++;
	return n;
}

enum status
replica_rows(struct db *db, enum replica_kind k, const char *site,
    const char *peer, long long after,
    int (*fn)(const char *const *cells, void *arg), void *arg, long long *last)
{
	sqlite3_stmt *st = db_prepare(db, kinds[k].sql);
	int n = replica_ncolumns(k), rc;
	const char *cells[16];
	enum status s = ST_OK;

	*last = after;
	if (st == NULL)
		return ST_ERROR;
	db_bind_text(st, 1, site);
	sqlite3_bind_int64(st, 2, after);
	db_bind_text(st, 3, peer);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++) {
			cells[i] = (const char *)sqlite3_column_text(st, i);
			if (cells[i] == NULL)
				cells[i] = "";
		}
		*last = sqlite3_column_int64(st, n);
		if (fn(cells, arg) != 0) {
			s = ST_ERROR;
			break;
		}
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_status(db, rc);
	sqlite3_reset(st);
	return s;
}

enum status
replica_merge_begin(struct db *db, const char *site)
{
	free(merge_site);
	merge_site = xstrdup(site);
	return db_exec(db, "INSERT OR IGNORE INTO sync_applying(x) VALUES (1)");
}

enum status
replica_merge_end(struct db *db)
{
	free(merge_site);
	merge_site = NULL;
	return db_exec(db, "DELETE FROM sync_applying");
}

enum status
replica_apply(
    struct db *db, enum replica_kind k, const char *const *cells, int *added)
{
	*added = 0;
	if (merge_site == NULL)
		return db_fail(db, ST_ERROR, "replica_apply outside a merge");
	return kinds[k].apply(db, cells, added);
}

/* Step a statement that returns no rows, reset it, map the result. */
static enum status
step_done(struct db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	enum status s = rc == SQLITE_ROW ? ST_OK : db_status(db, rc);

	sqlite3_reset(st);
	return s;
}

/* Find the local id of global id gid in table t: *id is 0 when absent. */
static enum status
lookup(struct db *db, const struct table *t, const char *gid, long long *id)
{
	size_t n = strlen(merge_site);
	sqlite3_stmt *st;

	*id = 0;
	if (strncmp(gid, merge_site, n) == 0 && gid[n] == '.') {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(gid + n + 1, &end, 10);
		if (errno != 0 || *end != '\0' || v <= 0)
			return ST_OK;
		st = db_prepare(db, t->by_id);
		if (st == NULL)
			return ST_ERROR;
		sqlite3_bind_int64(st, 1, v);
	} else {
		st = db_prepare(db, t->by_gid);
		if (st == NULL)
			return ST_ERROR;
		db_bind_text(st, 1, gid);
	}
	return db_query_int(db, st, 0, id);
}

/* Like lookup, but a reference that must be here: ST_INVALID if not.
 * An empty gid with optional set gives *id 0. */
static enum status
resolve(struct db *db, const struct table *t, const char *gid, int optional,
    long long *id)
{
	enum status s;

	*id = 0;
	if (*gid == '\0' && optional)
		return ST_OK;
	s = lookup(db, t, gid, id);
	if (s == ST_OK && *id == 0)
		s = db_fail(db, ST_INVALID,
		    _("refers to %s %s, which is not here"), _(t->name), gid);
	return s;
}

/* Parse an integer cell strictly. */
static enum status
int_cell(struct db *db, const char *col, const char *text, long long *v)
{
	char *end;

	errno = 0;
	*v = strtoll(text, &end, 10);
	if (errno != 0 || end == text || *end != '\0')
		return db_fail(db, ST_INVALID,
		    _("%s: '%s' is not a whole number"), col, text);
	return ST_OK;
}

/* Bind an optional text cell: "" binds NULL. */
static void
bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	db_bind_text(st, i, *s != '\0' ? s : NULL);
}

/* Bind integer cells cols[i] of c to parameters; the first failing one
 * is reported. */
static enum status
bind_ints(struct db *db, sqlite3_stmt *st, const char *const *cols,
    const char *const *c, const int *idx, const int *param, int n)
{
	long long v;

	for (int i = 0; i < n; i++) {
		enum status s = int_cell(db, cols[idx[i]], c[idx[i]], &v);

		if (s != ST_OK)
			return s;
		sqlite3_bind_int64(st, param[i], v);
	}
	return ST_OK;
}

/* Is the global id in c[0] already in table t?  Sets *known. */
static enum status
known(struct db *db, const struct table *t, const char *const *c, int *known)
{
	long long id;
	enum status s;

	*known = 0;
	if (*c[0] == '\0')
		return db_fail(
		    db, ST_INVALID, _("gid: a row without a global id"));
	s = lookup(db, t, c[0], &id);
	*known = id != 0;
	return s;
}

static enum status
apply_product(struct db *db, const char *const *c, int *added)
{
	static const int idx[] = {6, 7, 9}, par[] = {7, 8, 10};
	sqlite3_stmt *st;
	long long other;
	enum status s;
	int have;

	s = known(db, &t_product, c, &have);
	if (s != ST_OK || have)
		return s;
	st = db_prepare(db, "SELECT id FROM product WHERE sku = ?1");
	if (st == NULL)
		return ST_ERROR;
	db_bind_text(st, 1, c[1]);
	s = db_query_int(db, st, 0, &other);
	if (s == ST_OK && other != 0)
		return db_fail(db, ST_EXISTS,
		    _("product %s was created at both "
		      "sites; rename one of them and "
		      "send the bundle again"),
		    c[1]);
	st = db_prepare(db,
	    "INSERT INTO product(gid, sku, name, name_en, "
	    "short_code, unit, price, reorder_level, category, active, "
	    "created_at, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7, ?8, ?9, ?10, ?11, ?11, '')");
	if (s != ST_OK || st == NULL)
		return s != ST_OK ? s : ST_ERROR;
	for (int i = 0; i < 6; i++)
		db_bind_text(st, i + 1, c[i]);
	bind_opt(st, 5, c[4]);
	db_bind_text(st, 9, c[8]);
	db_bind_text(st, 11, c[10]);
	s = bind_ints(db, st, product_cols, c, idx, par, 3);
	if (s == ST_OK)
		s = step_done(db, st);
	*added = s == ST_OK;
	return s;
}

static enum status
apply_member(struct db *db, const char *const *c, int *added)
{
	static const int idx[] = {5}, par[] = {6};
	sqlite3_stmt *st;
	long long other;
	enum status s;
	int have;

	s = known(db, &t_member, c, &have);
	if (s != ST_OK || have)
		return s;
	st = db_prepare(db, "SELECT id FROM member WHERE code = ?1");
	if (st == NULL)
		return ST_ERROR;
	db_bind_text(st, 1, c[1]);
	s = db_query_int(db, st, 0, &other);
	if (s == ST_OK && other != 0)
		return db_fail(db, ST_EXISTS,
		    _("member %s was created at both "
		      "sites; change one code and send "
		      "the bundle again"),
		    c[1]);
	st = db_prepare(db,
	    "INSERT INTO member(gid, code, name, village, "
	    "phone, active, created_at, updated_at, updated_by) VALUES (?1, "
	    "?2, ?3, ?4, ?5, ?6, ?7, ?7, '')");
	if (s != ST_OK || st == NULL)
		return s != ST_OK ? s : ST_ERROR;
	for (int i = 0; i < 5; i++)
		db_bind_text(st, i + 1, c[i]);
	db_bind_text(st, 7, c[6]);
	s = bind_ints(db, st, member_cols, c, idx, par, 1);
	if (s == ST_OK)
		s = step_done(db, st);
	*added = s == ST_OK;
	return s;
}

static enum status
apply_lot(struct db *db, const char *const *c, int *added)
{
	static const int idx[] = {4, 6, 7}, par[] = {5, 7, 8};
	sqlite3_stmt *st;
	long long product, member;
	enum status s;
	int have;

	s = known(db, &t_lot, c, &have);
	if (s != ST_OK || have)
		return s;
	s = resolve(db, &t_product, c[1], 0, &product);
	if (s == ST_OK)
		s = resolve(db, &t_member, c[2], 1, &member);
	if (s != ST_OK)
		return s;
	st = db_prepare(db,
	    "INSERT INTO lot(gid, product_id, member_id, "
	    "received_on, qty, grade, unit_cost, cost_total, best_before, "
	    "actor, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, ?8, ?9, ?10, ?11, ?11)");
	if (st == NULL)
		return ST_ERROR;
	db_bind_text(st, 1, c[0]);
	sqlite3_bind_int64(st, 2, product);
	if (member != 0)
		sqlite3_bind_int64(st, 3, member);
	db_bind_text(st, 4, c[3]);
	db_bind_text(st, 6, c[5]);
	bind_opt(st, 9, c[8]);
	db_bind_text(st, 10, c[9]);
	db_bind_text(st, 11, c[10]);
	s = bind_ints(db, st, lot_cols, c, idx, par, 3);
	if (s == ST_OK)
		s = step_done(db, st);
	*added = s == ST_OK;
	return s;
}

static enum status
apply_order(struct db *db, const char *const *c, int *added)
{
	sqlite3_stmt *st;
	long long other = 0;
	enum status s;
	int have;

	s = known(db, &t_orders, c, &have);
	if (s != ST_OK || have)
		return s;
	if (*c[2] != '\0') {
		st = db_prepare(db, "SELECT id FROM orders WHERE channel = ?1 "
				    "AND ext_ref = ?2");
		if (st == NULL)
			return ST_ERROR;
		db_bind_text(st, 1, c[1]);
		db_bind_text(st, 2, c[2]);
		s = db_query_int(db, st, 0, &other);
	}
	if (s == ST_OK && other != 0)
		return db_fail(db, ST_EXISTS,
		    _("order %s of %s was taken in at "
		      "both sites; cancel one of them"),
		    c[2], c[1]);
	st = db_prepare(db,
	    "INSERT INTO orders(gid, channel, ext_ref, "
	    "ordered_at, customer_name, customer_phone, customer_address, "
	    "note, "
	    "created_by, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7, ?8, ?9, ?10, ?10)");
	if (s != ST_OK || st == NULL)
		return s != ST_OK ? s : ST_ERROR;
	for (int i = 0; i < 10; i++)
		db_bind_text(st, i + 1, c[i]);
	bind_opt(st, 3, c[2]);
	s = step_done(db, st);
	*added = s == ST_OK;
	return s;
}

static enum status
apply_line(struct db *db, const char *const *c, int *added)
{
	static const int idx[] = {3, 4}, par[] = {4, 5};
	sqlite3_stmt *st;
	long long order, product;
	enum status s;
	int have;

	s = known(db, &t_line, c, &have);
	if (s != ST_OK || have)
		return s;
	s = resolve(db, &t_orders, c[1], 0, &order);
	if (s == ST_OK)
		s = resolve(db, &t_product, c[2], 0, &product);
	if (s != ST_OK)
		return s;
	st = db_prepare(db, "INSERT INTO order_line(gid, order_id, product_id, "
			    "qty, unit_price) VALUES (?1, ?2, ?3, ?4, ?5)");
	if (st == NULL)
		return ST_ERROR;
	db_bind_text(st, 1, c[0]);
	sqlite3_bind_int64(st, 2, order);
	sqlite3_bind_int64(st, 3, product);
	s = bind_ints(db, st, line_cols, c, idx, par, 2);
	if (s == ST_OK)
		s = step_done(db, st);
	*added = s == ST_OK;
	return s;
}

/* Add qty to a stock cache row (update, else insert), without checks. */
static enum status
cache_add(struct db *db, const char *add, const char *create, long long key,
    long long qty)
{
	sqlite3_stmt *st = db_prepare(db, add);
	enum status s;

	if (st == NULL)
		return ST_ERROR;
	sqlite3_bind_int64(st, 1, key);
	sqlite3_bind_int64(st, 2, qty);
	s = step_done(db, st);
	if (s != ST_OK || sqlite3_changes(db_sqlite(db)) != 0)
		return s;
	st = db_prepare(db, create);
	if (st == NULL)
		return ST_ERROR;
	sqlite3_bind_int64(st, 1, key);
	sqlite3_bind_int64(st, 2, qty);
	return step_done(db, st);
}

static enum status
apply_move(struct db *db, const char *const *c, int *added)
{
	static const int idx[] = {4}, par[] = {5};
	sqlite3_stmt *st;
	long long product, lot, order, qty;
	enum status s;
	int have;

	s = known(db, &t_move, c, &have);
	if (s != ST_OK || have)
		return s;
	s = resolve(db, &t_product, c[2], 0, &product);
	if (s == ST_OK)
		s = resolve(db, &t_lot, c[3], 0, &lot);
	if (s == ST_OK)
		s = resolve(db, &t_orders, c[5], 1, &order);
	if (s == ST_OK)
		s = int_cell(db, "qty", c[4], &qty);
	if (s != ST_OK)
		return s;
	st = db_prepare(db,
	    "INSERT INTO stock_move(gid, kind, product_id, "
	    "lot_id, qty, order_id, actor, note, created_at) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	if (st == NULL)
		return ST_ERROR;
	db_bind_text(st, 1, c[0]);
	db_bind_text(st, 2, c[1]);
	sqlite3_bind_int64(st, 3, product);
	sqlite3_bind_int64(st, 4, lot);
	if (order != 0)
		sqlite3_bind_int64(st, 6, order);
	db_bind_text(st, 7, c[6]);
	db_bind_text(st, 8, c[7]);
	db_bind_text(st, 9, c[8]);
	s = bind_ints(db, st, move_cols, c, idx, par, 1);
	if (s == ST_OK)
		s = step_done(db, st);
	if (s == ST_OK)
		s = cache_add(db,
		    "UPDATE stock SET on_hand = on_hand + ?2 WHERE product_id "
		    "= ?1",
		    "INSERT INTO stock(product_id, on_hand) VALUES (?1, ?2)",
		    product, qty);
	if (s == ST_OK)
		s = cache_add(db,
		    "UPDATE lot_stock SET on_hand = on_hand + ?2 WHERE lot_id "
		    "= ?1",
		    "INSERT INTO lot_stock(lot_id, on_hand) VALUES (?1, ?2)",
		    lot, qty);
	*added = s == ST_OK;
	return s;
}

static enum status
apply_shipment(struct db *db, const char *const *c, int *added)
{
	sqlite3_stmt *st;
	long long order;
	enum status s;
	int have;

	s = known(db, &t_shipment, c, &have);
	if (s == ST_OK && !have)
		s = resolve(db, &t_orders, c[1], 0, &order);
	if (s != ST_OK || have)
		return s;
	st = db_prepare(db,
	    "INSERT INTO shipment(gid, order_id, courier, "
	    "tracking_no, shipped_on, actor, created_at) VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6, ?7)");
	if (st == NULL)
		return ST_ERROR;
	for (int i = 0; i < 7; i++)
		db_bind_text(st, i + 1, c[i]);
	sqlite3_bind_int64(st, 2, order);
	s = step_done(db, st);
	*added = s == ST_OK;
	return s;
}

static enum status
apply_payment(struct db *db, const char *const *c, int *added)
{
	static const int idx[] = {2}, par[] = {3};
	sqlite3_stmt *st;
	long long member;
	enum status s;
	int have;

	s = known(db, &t_payment, c, &have);
	if (s == ST_OK && !have)
		s = resolve(db, &t_member, c[1], 0, &member);
	if (s != ST_OK || have)
		return s;
	st = db_prepare(db,
	    "INSERT INTO payment(gid, member_id, amount, "
	    "paid_on, note, actor, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7)");
	if (st == NULL)
		return ST_ERROR;
	for (int i = 3; i < 7; i++)
		db_bind_text(st, i + 1, c[i]);
	db_bind_text(st, 1, c[0]);
	sqlite3_bind_int64(st, 2, member);
	s = bind_ints(db, st, payment_cols, c, idx, par, 1);
	if (s == ST_OK)
		s = step_done(db, st);
	*added = s == ST_OK;
	return s;
}

/* The fields a field change may name, and how a winner's value is put
 * back into the row (?1 row id, ?2 value text). */
static const struct field {
	const char *entity, *name, *update;
} fields[] = {
    {"product", "sku", "UPDATE product SET sku = ?2 WHERE id = ?1"},
    {"product", "name", "UPDATE product SET name = ?2 WHERE id = ?1"},
    {"product", "name_en", "UPDATE product SET name_en = ?2 WHERE id = ?1"},
    {"product", "short_code",
	"UPDATE product SET short_code = nullif(?2, '') WHERE id = ?1"},
    {"product", "unit", "UPDATE product SET unit = ?2 WHERE id = ?1"},
    {"product", "price",
	"UPDATE product SET price = CAST(?2 AS INTEGER) WHERE id = ?1"},
    {"product", "reorder_level",
	"UPDATE product SET reorder_level = CAST(?2 AS INTEGER) WHERE id = ?1"},
    {"product", "category", "UPDATE product SET category = ?2 WHERE id = ?1"},
    {"product", "active",
	"UPDATE product SET active = CAST(?2 AS INTEGER) WHERE id = ?1"},
    {"member", "code", "UPDATE member SET code = ?2 WHERE id = ?1"},
    {"member", "name", "UPDATE member SET name = ?2 WHERE id = ?1"},
    {"member", "village", "UPDATE member SET village = ?2 WHERE id = ?1"},
    {"member", "phone", "UPDATE member SET phone = ?2 WHERE id = ?1"},
    {"member", "active",
	"UPDATE member SET active = CAST(?2 AS INTEGER) WHERE id = ?1"},
};

/* The order in which the latest change of a field wins. */
#define LATEST \
	" ORDER BY at DESC, site DESC, coalesce(gid, site || '.' || id) DESC"

/* The name of the site whose id is column a.site, as far as known. */
#define SITE_NAME(a)                                                          \
	"coalesce((SELECT name FROM sync_peer WHERE site_id = " a ".site),"   \
	" (SELECT n.value FROM setting n JOIN setting i ON i.key = 'site_id'" \
	" AND i.value = " a ".site WHERE n.key = 'site_name'), " a ".site)"

/* Record a conflict between field change id (just added) and every
 * change of the same field made from the same base with another value. */
static enum status
field_conflicts(struct db *db, long long id)
{
	sqlite3_stmt *st = db_prepare(db,
	    "INSERT OR IGNORE INTO sync_conflict(kind, entity, ref, field,"
	    " kept_value, kept_by, kept_at, lost_value, lost_by, lost_at, a, b)"
	    " SELECT 'field', n.entity, CASE n.entity WHEN 'product' THEN"
	    " (SELECT sku FROM product WHERE id = n.row_id) ELSE"
	    " (SELECT code FROM member WHERE id = n.row_id) END, n.field,"
	    " w.value, w.actor || '@' || " SITE_NAME(
		"w") ", w.at,"
		     " l.value, l.actor || '@' || " SITE_NAME(
			 "l") ", l.at,"
			      " min(n.g, o.g), max(n.g, o.g)"
			      " FROM (SELECT *, coalesce(gid, site || '.' || "
			      "id) AS g"
			      "  FROM field_change WHERE id = ?1) n"
			      " JOIN (SELECT *, coalesce(gid, site || '.' || "
			      "id) AS g"
			      "  FROM field_change) o ON o.entity = n.entity"
			      "  AND o.row_id = n.row_id AND o.field = n.field "
			      "AND o.id <> n.id"
			      "  AND o.base IS n.base"
			      "  AND coalesce(o.value, '') <> "
			      "coalesce(n.value, '')"
			      " JOIN field_change w ON w.id = CASE WHEN (n.at, "
			      "n.site, n.g) >"
			      "  (o.at, o.site, o.g) THEN n.id ELSE o.id END"
			      " JOIN field_change l ON l.id = CASE WHEN w.id = "
			      "n.id THEN o.id"
			      "  ELSE n.id END");

	if (st == NULL)
		return ST_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return step_done(db, st);
}

/* Put the latest change of (entity, row, field) into the row. */
static enum status
field_settle(struct db *db, const struct field *f, long long row)
{
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT value FROM field_change"
	    " WHERE entity = ?1 AND row_id = ?2 AND field = ?3" LATEST
	    " LIMIT 1");
	char *value = NULL;
	enum status s;
	int rc;

	if (st == NULL)
		return ST_ERROR;
	db_bind_text(st, 1, f->entity);
	sqlite3_bind_int64(st, 2, row);
	db_bind_text(st, 3, f->name);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		value = db_column_dup(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_status(db, rc);
	st = db_prepare(db, f->update);
	if (st == NULL) {
		free(value);
		return ST_ERROR;
	}
	sqlite3_bind_int64(st, 1, row);
	db_bind_text(st, 2, value);
	s = step_done(db, st);
	free(value);
	return s;
}

static enum status
apply_change(struct db *db, const char *const *c, int *added)
{
	const struct field *f = NULL;
	sqlite3_stmt *st;
	long long row;
	enum status s;
	int have;

	s = known(db, &t_change, c, &have);
	if (s != ST_OK || have)
		return s;
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		if (strcmp(fields[i].entity, c[1]) == 0 &&
		    strcmp(fields[i].name, c[3]) == 0)
			f = &fields[i];
	if (f == NULL)
		return db_fail(db, ST_INVALID, _("field: no field %s of a %s"),
		    c[3], c[1]);
	s = resolve(db, strcmp(c[1], "product") == 0 ? &t_product : &t_member,
	    c[2], 0, &row);
	if (s != ST_OK)
		return s;
	st = db_prepare(db,
	    "INSERT INTO field_change(gid, entity, row_id, "
	    "field, value, base, site, actor, at) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7, ?8, ?9)");
	if (st == NULL)
		return ST_ERROR;
	for (int i = 0; i < 9; i++)
		db_bind_text(st, i + 1, c[i]);
	sqlite3_bind_int64(st, 3, row);
	bind_opt(st, 6, c[5]);
	s = step_done(db, st);
	if (s == ST_OK)
		s = field_conflicts(
		    db, sqlite3_last_insert_rowid(db_sqlite(db)));
	if (s == ST_OK)
		s = field_settle(db, f, row);
	*added = s == ST_OK;
	return s;
}

static enum status
apply_event(struct db *db, const char *const *c, int *added)
{
	sqlite3_stmt *st;
	long long order;
	enum status s;
	int have;

	s = known(db, &t_event, c, &have);
	if (s == ST_OK && !have)
		s = resolve(db, &t_orders, c[1], 0, &order);
	if (s != ST_OK || have)
		return s;
	if (order_status_parse(c[3]) < 0 ||
	    (*c[2] != '\0' && order_status_parse(c[2]) < 0))
		return db_fail(db, ST_INVALID,
		    _("status: '%s' -> '%s' is not "
		      "an order status"),
		    c[2], c[3]);
	st = db_prepare(db,
	    "INSERT INTO order_event(gid, order_id, "
	    "from_status, to_status, actor, note, at) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6, ?7)");
	if (st == NULL)
		return ST_ERROR;
	for (int i = 0; i < 7; i++)
		db_bind_text(st, i + 1, c[i]);
	sqlite3_bind_int64(st, 2, order);
	bind_opt(st, 3, c[2]);
	s = step_done(db, st);
	if (s == ST_OK && *c[2] != '\0')
		s = replica_order_settle(db, order, c);
	*added = s == ST_OK;
	return s;
}
