/*
 * order.c - see order.h.
 *
 * Every transition is: BEGIN IMMEDIATE (or a savepoint inside the
 * caller's transaction, txn.h), read the status under the write lock,
 * refuse (ST_BAD_STATE, naming the current state) unless it is one the
 * transition starts from, do the stock work through ledger.c, write the
 * order_event row and the new status, commit.  Any failure rolls the
 * transaction (or savepoint) back, so a refused or failed call leaves no
 * trace.
 *
 * An order belongs to the site that took it in.  Only that site confirms,
 * packs or ships it: those moves choose lots and take stock off its
 * shelves, and it is the one site whose order_alloc rows name the lots.
 * Every other site holds the order's lines per product while it is
 * confirmed or packed (ledger_order_hold, from the merged status events,
 * see replica_order.h), so the reserved figure is the same everywhere.
 *
 * The import's bulk creator is order_bulk.c; the pieces of order_create
 * it shares are declared at the end of order.h.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/ledger.h"
#include "model/order.h"
#include "model/txn.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/xalloc.h"

static const char *const status_names[ORDER__COUNT] = {
    [ORDER_NEW] = "new",
    [ORDER_CONFIRMED] = "confirmed",
    [ORDER_PACKED] = "packed",
    [ORDER_SHIPPED] = "shipped",
    [ORDER_DELIVERED] = "delivered",
    [ORDER_CANCELLED] = "cancelled",
    [ORDER_RETURNED] = "returned",
};

/*
 * The same states as a person reads them: msgids, never translated here
 * (order_status_label), so the stored names above stay data.  The one
 * table the UI and the CLI show, and this file's messages use.
 */
static const char *const status_labels[ORDER__COUNT] = {
    [ORDER_NEW] = N_("new"),
    [ORDER_CONFIRMED] = N_("confirmed"),
    [ORDER_PACKED] = N_("packed"),
    [ORDER_SHIPPED] = N_("shipped"),
    [ORDER_DELIVERED] = N_("delivered"),
    [ORDER_CANCELLED] = N_("cancelled"),
    [ORDER_RETURNED] = N_("returned"),
};

/* A bit per state, for the sets a transition may start from. */
static unsigned
bit(enum order_status s)
{
	return 1u << s;
}

#define B(s) (1u << (s))
/* The state machine of order.h: the states each move starts from. */
static const unsigned starts_from[ORDER__COUNT] = {
    [ORDER_CONFIRMED] = B(ORDER_NEW),
    [ORDER_PACKED] = B(ORDER_CONFIRMED),
    [ORDER_SHIPPED] = B(ORDER_CONFIRMED) | B(ORDER_PACKED),
    [ORDER_DELIVERED] = B(ORDER_SHIPPED),
    [ORDER_CANCELLED] = B(ORDER_NEW) | B(ORDER_CONFIRMED) | B(ORDER_PACKED),
    [ORDER_RETURNED] = B(ORDER_SHIPPED) | B(ORDER_DELIVERED),
};
#undef B

static const char sql_status[] =
    "SELECT status, gid IS NOT NULL FROM orders WHERE id = ?1";
static const char sql_foreign[] =
    "SELECT gid IS NOT NULL FROM orders WHERE id = ?1";
static const char sql_set_status[] =
    "UPDATE orders SET status = ?2, updated_at = datetime('now', 'localtime')"
    " WHERE id = ?1";
static const char sql_event[] =
    "INSERT INTO order_event(order_id, from_status, to_status, actor, note)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";
static const char sql_find_ref[] =
    "SELECT id FROM orders WHERE channel = ?1 AND ext_ref = ?2";
static const char sql_product_price[] =
    "SELECT price FROM product WHERE id = ?1 AND active = 1";
#define ORDER_INSERT                                                         \
	"INSERT INTO orders(channel, ext_ref, ordered_at, customer_name,"    \
	" customer_phone, customer_address, note, created_by, created_at,"    \
	" updated_at) VALUES (?1, ?2, coalesce(?3, datetime('now',"          \
	" 'localtime')), ?4, ?5, ?6, ?7, ?8, coalesce(?9, datetime('now',"   \
	" 'localtime')), coalesce(?9, datetime('now', 'localtime')))"
static const char sql_order_insert[] = ORDER_INSERT;
/* The bulk creator's: an order already here writes nothing, which
 * spares a lookup of every reference before its insert. */
static const char sql_order_insert_new[] =
    ORDER_INSERT " ON CONFLICT(channel, ext_ref) DO NOTHING";
static const char sql_line_insert[] =
    "INSERT INTO order_line(order_id, product_id, qty, unit_price)"
    " VALUES (?1, ?2, ?3, ?4)";
static const char sql_customer[] =
    "INSERT INTO customer(phone, name, address) VALUES (?1, ?2, ?3)"
    ORDER_CUSTOMER_UPSERT;
static const char sql_lines[] =
    "SELECT id, product_id, qty FROM order_line WHERE order_id = ?1"
    " ORDER BY id";
static const char sql_alloc_insert[] =
    "INSERT INTO order_alloc(order_line_id, lot_id, qty) VALUES (?1, ?2, ?3)";
static const char sql_allocs[] =
    "SELECT l.product_id, a.lot_id, a.qty FROM order_alloc a"
    " JOIN order_line l ON l.id = a.order_line_id WHERE l.order_id = ?1"
    " ORDER BY a.order_line_id, a.lot_id";
static const char sql_alloc_delete[] =
    "DELETE FROM order_alloc WHERE order_line_id IN"
    " (SELECT id FROM order_line WHERE order_id = ?1)";
static const char sql_sold[] =
    "SELECT product_id, lot_id, -sum(qty) FROM stock_move"
    " WHERE order_id = ?1 AND kind = 'sale' GROUP BY product_id, lot_id"
    " ORDER BY min(id)";
static const char sql_shipment[] =
    "INSERT INTO shipment(order_id, courier, tracking_no, shipped_on, actor,"
    " created_at) VALUES (?1, ?2, ?3, substr(?5, 1, 10), ?4, ?5)";

const char *
order_status_name(enum order_status s)
{
	if ((unsigned)s >= ORDER__COUNT)
		return "?";
	return status_names[s];
}

const char *
order_status_label(const char *stored)
{
	int s = order_status_parse(stored);

	if (s >= 0)
		return status_labels[s];
	return stored != NULL && stored[0] != '\0' ? stored : "?";
}

int
order_transition_allowed(enum order_status from, enum order_status to)
{
	return (unsigned)from < ORDER__COUNT && (unsigned)to < ORDER__COUNT &&
	       (starts_from[to] & bit(from)) != 0;
}

int
order_status_parse(const char *name)
{
	for (int i = 0; name != NULL && i < ORDER__COUNT; i++)
		if (strcmp(name, status_names[i]) == 0)
			return i;
	return -1;
}

/* The sentence that says which states a transition starts from. */
static const char *
refusal(enum order_status to)
{
	switch (to) {
	case ORDER_CONFIRMED:
		return _("only new orders can be confirmed");
	case ORDER_PACKED:
		return _("only confirmed orders can be packed");
	case ORDER_SHIPPED:
		return _("only confirmed or packed orders can be shipped");
	case ORDER_DELIVERED:
		return _("only shipped orders can be delivered");
	case ORDER_CANCELLED:
		return _(
		    "only new, confirmed or packed orders can be cancelled");
	case ORDER_RETURNED:
		return _("only shipped or delivered orders can be returned");
	default:
		return "";
	}
}

/*
 * Begin the transaction (or a savepoint in the caller's, see txn.h; *nested
 * says which, for order_finish) and check that order id is in a state
 * it may move to `to` from (order_transition_allowed).  *from gets its
 * state.  On failure nothing is open.
 */
static enum status
order_begin(struct db *db, long long id, enum order_status to,
    enum order_status *from, int *nested)
{
	sqlite3_stmt *st;
	enum status s = txn_begin(db, nested);
	int rc, cur = -1, foreign = 0;
	unsigned own_only =
	    bit(ORDER_CONFIRMED) | bit(ORDER_PACKED) | bit(ORDER_SHIPPED);

	if (s != ST_OK)
		return s;
	st = db_prepare_id(db, sql_status, id);
	if (st == NULL)
		return txn_end(db, *nested, ST_ERROR);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		cur = order_status_parse(
		    (const char *)sqlite3_column_text(st, 0));
		foreign = sqlite3_column_int(st, 1);
	}
	s = rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_status(db, rc);
	sqlite3_reset(st);
	if (s == ST_OK && rc == SQLITE_DONE)
		s = db_fail(db, ST_NOT_FOUND, _("there is no order %lld"), id);
	else if (s == ST_OK && foreign && (own_only & bit(to)))
		s = db_fail(db, ST_BAD_STATE,
		    _("order %lld was taken in at another site; only that "
		      "site can confirm, pack or ship it"),
		    id);
	else if (s == ST_OK &&
		 (cur < 0 || !order_transition_allowed(
				 (enum order_status)cur, to)))
		/* TRANSLATORS: "order 12 is shipped; only ..." */
		s = db_fail(db, ST_BAD_STATE, _("order %lld is %s; %s"), id,
		    cur < 0 ? "?" : _(status_labels[cur]), refusal(to));
	if (s != ST_OK)
		return txn_end(db, *nested, s);
	*from = (enum order_status)cur;
	return ST_OK;
}

/* Write the event row (from may be -1: none). */
static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

static enum status
event_write(struct db *db, long long id, int from, enum order_status to,
    const char *note)
{
	sqlite3_stmt *st = db_prepare_id(db, sql_event, id);

	if (st == NULL)
		return ST_ERROR;
	/* A bind never fails (db_bind_text). */
	if (from >= 0)
		db_bind_text(st, 2, status_names[from]);
	db_bind_text(st, 3, status_names[to]);
	db_bind_text(st, 4, db_actor(db));
	db_bind_text(st, 5, or_empty(note));
	return ledger_step(db, st);
}

enum status
order_event_new(struct db *db, long long id)
{
	return event_write(db, id, -1, ORDER_NEW, NULL);
}

/*
 * Finish a transition begun with order_begin: if s is ST_OK, write the
 * event and the new status and commit (or release the savepoint);
 * otherwise (or on any failure) roll it back.  Returns the final status.
 */
static enum status
order_finish(struct db *db, int nested, enum status s, long long id,
    enum order_status from, enum order_status to, const char *note)
{
	sqlite3_stmt *st;

	if (s == ST_OK)
		s = event_write(db, id, (int)from, to, note);
	if (s == ST_OK) {
		st = db_prepare_id(db, sql_set_status, id);
		if (st == NULL)
			s = ST_ERROR;
		else if (db_bind_text(st, 2, status_names[to]) != SQLITE_OK)
			s = db_status(db, sqlite3_errcode(db_sqlite(db)));
		else
			s = ledger_step(db, st);
	}
	return txn_end(db, nested, s);
}

enum status
order_validate(struct db *db, const struct order_in *in, char *when)
{
	if (in->channel == NULL || in->channel[0] == '\0')
		return db_fail(db, ST_INVALID, _("an order needs a channel"));
	if (in->nlines < 1 || in->lines == NULL)
		return db_fail(
		    db, ST_INVALID, _("an order needs at least one line"));
	for (int i = 0; i < in->nlines; i++)
		if (in->lines[i].qty <= 0)
			return db_fail(db, ST_INVALID,
			    _("line %d: the quantity must be above zero"),
			    i + 1);
	if (in->ordered_at != NULL &&
	    datetime_parse(in->ordered_at, when, DATETIME_SIZE) != NUM_OK)
		return db_fail(db, ST_INVALID, _("not a date and time: %s"),
		    in->ordered_at);
	return ST_OK;
}

enum status
order_ref_present(struct db *db, const struct order_in *in, long long *id)
{
	sqlite3_stmt *st;
	enum status s;

	*id = 0;
	if (in->ext_ref == NULL || in->ext_ref[0] == '\0')
		return ST_NOT_FOUND;
	st = db_prepare(db, sql_find_ref);
	if (st == NULL)
		return ST_ERROR;
	if (db_bind_text(st, 1, in->channel) != SQLITE_OK ||
	    db_bind_text(st, 2, in->ext_ref) != SQLITE_OK)
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	s = db_query_int(db, st, 0, id);
	if (s != ST_OK)
		return s;
	if (*id == 0)
		return ST_NOT_FOUND;
	return db_fail(db, ST_EXISTS,
	    _("order %s from %s is already here (order %lld)"), in->ext_ref,
	    in->channel, *id);
}

enum status
order_header_write(struct db *db, int if_new, const struct order_in *in,
    const char *when, const char *now, long long *id)
{
	sqlite3_stmt *st =
	    db_prepare(db, if_new ? sql_order_insert_new : sql_order_insert);
	sqlite3 *h = db_sqlite(db);
	enum status s;

	*id = 0;
	if (st == NULL)
		return ST_ERROR;
	/* The texts are bound, not copied: they outlive the step below.
	 * A bind never fails (db_bind_text). */
	db_bind_text_static(st, 1, in->channel);
	if (in->ext_ref != NULL && in->ext_ref[0] != '\0')
		db_bind_text_static(st, 2, in->ext_ref);
	if (in->ordered_at != NULL)
		db_bind_text_static(st, 3, when);
	db_bind_text_static(st, 4, or_empty(in->customer_name));
	db_bind_text_static(st, 5, or_empty(in->customer_phone));
	db_bind_text_static(st, 6, or_empty(in->customer_address));
	db_bind_text_static(st, 7, or_empty(in->note));
	db_bind_text_static(st, 8, db_actor(db));
	if (now != NULL)
		db_bind_text_static(st, 9, now);
	s = ledger_step(db, st);
	if (s == ST_OK && sqlite3_changes(h) > 0)
		*id = sqlite3_last_insert_rowid(h);
	return s;
}

enum status
order_product_price(struct db *db, long long product_id, long long *price)
{
	sqlite3_stmt *st = db_prepare_id(db, sql_product_price, product_id);

	if (st == NULL)
		return ST_ERROR;
	return db_query_int(db, st, -1, price);
}

enum status
order_no_product(struct db *db, int i, const struct order_line_in *l)
{
	return db_fail(db, ST_NOT_FOUND,
	    _("line %d: no active product with id %lld"), i + 1,
	    l->product_id);
}

/* Write line l of order id; price is the product's (used when the line
 * has none). */
enum status
order_line_write(struct db *db, long long id, const struct order_line_in *l,
    long long price)
{
	sqlite3_stmt *st = db_prepare_id(db, sql_line_insert, id);
	int bad = 0;

	if (st == NULL)
		return ST_ERROR;
	bad |= sqlite3_bind_int64(st, 2, l->product_id) != SQLITE_OK;
	bad |= sqlite3_bind_int64(st, 3, l->qty) != SQLITE_OK;
	bad |= sqlite3_bind_int64(st, 4,
		   l->unit_price < 0 ? price : l->unit_price) != SQLITE_OK;
	if (bad)
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	return ledger_step(db, st);
}

static enum status
line_insert(struct db *db, long long id, int i, const struct order_line_in *l)
{
	long long price;
	enum status s = order_product_price(db, l->product_id, &price);

	if (s != ST_OK)
		return s;
	if (price < 0)
		return order_no_product(db, i, l);
	return order_line_write(db, id, l, price);
}

static enum status
customer_remember(struct db *db, const struct order_in *in)
{
	sqlite3_stmt *st;

	if (in->customer_phone == NULL || in->customer_phone[0] == '\0')
		return ST_OK;
	st = db_prepare(db, sql_customer);
	if (st == NULL)
		return ST_ERROR;
	db_bind_text(st, 1, in->customer_phone);
	db_bind_text(st, 2, or_empty(in->customer_name));
	db_bind_text(st, 3, or_empty(in->customer_address));
	return ledger_step(db, st);
}

enum status
order_create(struct db *db, const struct order_in *in, long long *id)
{
	char when[DATETIME_SIZE];
	long long oid = 0;
	int nested;
	enum status s = order_validate(db, in, when);

	if (s != ST_OK)
		return s;
	s = txn_begin(db, &nested);
	if (s != ST_OK)
		return s;
	s = order_ref_present(db, in, &oid);
	if (s == ST_EXISTS)
		*id = oid;
	if (s != ST_NOT_FOUND)
		return txn_end(db, nested, s);
	s = order_header_write(db, 0, in, when, NULL, &oid);
	for (int i = 0; s == ST_OK && i < in->nlines; i++)
		s = line_insert(db, oid, i, &in->lines[i]);
	if (s == ST_OK)
		s = customer_remember(db, in);
	if (s == ST_OK)
		s = order_event_new(db, oid);
	s = txn_end(db, nested, s);
	if (s == ST_OK)
		*id = oid;
	return s;
}

/* One line of an order, for confirm. */
struct cline {
	long long id, product_id;
	int64_t qty, short_by;
};

static enum status
lines_load(struct db *db, long long id, struct cline **out, int *n)
{
	sqlite3_stmt *st = db_prepare_id(db, sql_lines, id);
	struct cline *v = NULL;
	int cnt = 0, rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ST_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, (size_t)(cnt + 1) * sizeof *v);
		v[cnt].id = sqlite3_column_int64(st, 0);
		v[cnt].product_id = sqlite3_column_int64(st, 1);
		v[cnt].qty = sqlite3_column_int64(st, 2);
		v[cnt].short_by = 0;
		cnt++;
	}
	if (rc != SQLITE_DONE) {
		enum status s = db_status(db, rc);

		sqlite3_reset(st);
		free(v);
		return s;
	}
	sqlite3_reset(st);
	*out = v;
	*n = cnt;
	return ST_OK;
}

/* Reserve one line FEFO from unexpired lots; what cannot be had goes to
 * l->short_by (the reservations made so far are rolled back later). */
static enum status
line_allocate(struct db *db, struct cline *l)
{
	struct ledger_lot *lots;
	size_t n;
	int64_t want = l->qty, take;
	sqlite3_stmt *st;
	enum status s = ledger_lots_fefo(db, l->product_id, 1, &lots, &n);

	for (size_t i = 0; s == ST_OK && want > 0 && i < n; i++) {
		take = lots[i].free < want ? lots[i].free : want;
		st = db_prepare_id(db, sql_alloc_insert, l->id);
		if (st == NULL) {
			s = ST_ERROR;
			break;
		}
		if (sqlite3_bind_int64(st, 2, lots[i].lot_id) != SQLITE_OK ||
		    sqlite3_bind_int64(st, 3, take) != SQLITE_OK)
			s = db_status(db, sqlite3_errcode(db_sqlite(db)));
		if (s == ST_OK)
			s = ledger_step(db, st);
		if (s == ST_OK)
			s = ledger_reserve(
			    db, l->product_id, lots[i].lot_id, take);
		want -= take;
	}
	free(lots);
	l->short_by = want;
	return s;
}

/* Build "SKU: short by N unit; ..." with one entry per short product,
 * in the order the products first appear on the order. */
static char *
shortage_text(struct db *db, const struct cline *v, int n)
{
	char *msg = xstrdup(""), *part, *joined;

	for (int i = 0; i < n; i++) {
		int64_t total = 0;
		int seen = 0;

		for (int j = 0; j < i; j++)
			seen |= v[j].product_id == v[i].product_id;
		for (int j = i; j < n && !seen; j++)
			if (v[j].product_id == v[i].product_id)
				total += v[j].short_by;
		if (seen || total == 0)
			continue;
		part = ledger_shortage(db, v[i].product_id, total);
		joined = xasprintf("%s%s%s", msg, msg[0] ? "; " : "", part);
		free(part);
		free(msg);
		msg = joined;
	}
	return msg;
}

enum status
order_confirm(struct db *db, long long id)
{
	enum order_status from;
	int nested;
	struct cline *v = NULL;
	int n = 0, is_short = 0;
	enum status s = order_begin(db, id, ORDER_CONFIRMED, &from, &nested);

	if (s != ST_OK)
		return s;
	s = lines_load(db, id, &v, &n);
	for (int i = 0; s == ST_OK && i < n; i++) {
		s = line_allocate(db, &v[i]);
		is_short |= v[i].short_by > 0;
	}
	if (s == ST_OK && is_short) {
		char *msg = shortage_text(db, v, n);

		s = db_fail(db, ST_NO_STOCK, "%s", msg);
		free(msg);
	}
	free(v);
	return order_finish(db, nested, s, id, from, ORDER_CONFIRMED, NULL);
}

enum status
order_pack(struct db *db, long long id)
{
	enum order_status from;
	int nested;
	enum status s = order_begin(db, id, ORDER_PACKED, &from, &nested);

	if (s != ST_OK)
		return s;
	return order_finish(db, nested, s, id, from, ORDER_PACKED, NULL);
}

/* One (product, lot, quantity) row of an order's allocations or sales. */
struct lot_qty {
	long long product_id, lot_id;
	int64_t qty;
};

/*
 * Read every row of sql (product_id, lot_id, qty for order id) into a new
 * array *out of *n rows, so the ledger can be written after the statement
 * is reset.  The caller frees *out, also on failure.
 */
static enum status
lot_qty_collect(struct db *db, const char *sql, long long id,
    struct lot_qty **out, int *n)
{
	sqlite3_stmt *st = db_prepare_id(db, sql, id);
	struct lot_qty *v = NULL;
	enum status s = ST_OK;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ST_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, (size_t)(*n + 1) * sizeof *v);
		v[*n].product_id = sqlite3_column_int64(st, 0);
		v[*n].lot_id = sqlite3_column_int64(st, 1);
		v[*n].qty = sqlite3_column_int64(st, 2);
		(*n)++;
	}
	if (rc != SQLITE_DONE)
		s = db_status(db, rc);
	sqlite3_reset(st);
	*out = v;
	return s;
}

/*
 * For each allocation of the order: release it, and with sell, turn it
 * into a sale move.  Then delete the allocations.
 */
static enum status
allocs_settle(struct db *db, long long id, int sell)
{
	sqlite3_stmt *st;
	struct lot_qty *v;
	int n;
	enum status s = lot_qty_collect(db, sql_allocs, id, &v, &n);

	/* Release first: on_hand may not drop below what is reserved. */
	for (int i = 0; s == ST_OK && i < n; i++) {
		s = ledger_reserve(db, v[i].product_id, v[i].lot_id, -v[i].qty);
		if (s == ST_OK && sell)
			s = ledger_move(db, "sale", v[i].product_id,
			    v[i].lot_id, -v[i].qty, id, NULL);
	}
	free(v);
	if (s == ST_OK) {
		st = db_prepare_id(db, sql_alloc_delete, id);
		s = st != NULL ? ledger_step(db, st) : ST_ERROR;
	}
	return s;
}

static enum status
shipment_insert(
    struct db *db, long long id, const char *courier, const char *tracking_no)
{
	sqlite3_stmt *st = db_prepare_id(db, sql_shipment, id);

	if (st == NULL)
		return ST_ERROR;
	if (db_bind_text(st, 2, courier) != SQLITE_OK ||
	    db_bind_text(st, 3, tracking_no) != SQLITE_OK ||
	    db_bind_text(st, 4, db_actor(db)) != SQLITE_OK ||
	    db_bind_text(st, 5, db_now(db)) != SQLITE_OK)
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	return ledger_step(db, st);
}

enum status
order_ship(
    struct db *db, long long id, const char *courier, const char *tracking_no)
{
	enum order_status from;
	int nested;
	enum status s;

	if (courier == NULL || courier[0] == '\0')
		return db_fail(db, ST_INVALID, _("shipping needs a courier"));
	if (tracking_no == NULL || tracking_no[0] == '\0')
		return db_fail(
		    db, ST_INVALID, _("shipping needs a tracking number"));
	s = order_begin(db, id, ORDER_SHIPPED, &from, &nested);
	if (s != ST_OK)
		return s;
	s = allocs_settle(db, id, 1);
	if (s == ST_OK)
		s = shipment_insert(db, id, courier, tracking_no);
	return order_finish(db, nested, s, id, from, ORDER_SHIPPED, NULL);
}

enum status
order_deliver(struct db *db, long long id)
{
	enum order_status from;
	int nested;
	enum status s = order_begin(db, id, ORDER_DELIVERED, &from, &nested);

	if (s != ST_OK)
		return s;
	return order_finish(db, nested, s, id, from, ORDER_DELIVERED, NULL);
}

enum status
order_release(struct db *db, long long id)
{
	sqlite3_stmt *st;
	long long foreign;
	enum status s = allocs_settle(db, id, 0);

	if (s != ST_OK)
		return s;
	/* Another site's order holds per product (top comment), no lots. */
	if ((st = db_prepare_id(db, sql_foreign, id)) == NULL)
		return ST_ERROR;
	s = db_query_int(db, st, 0, &foreign);
	if (s == ST_OK && foreign)
		s = ledger_order_hold(db, id, -1);
	return s;
}

enum status
order_cancel(struct db *db, long long id, const char *reason)
{
	enum order_status from;
	int nested;
	enum status s = order_begin(db, id, ORDER_CANCELLED, &from, &nested);

	if (s != ST_OK)
		return s;
	if (from != ORDER_NEW) /* a new order holds nothing */
		s = order_release(db, id);
	return order_finish(db, nested, s, id, from, ORDER_CANCELLED, reason);
}

/* Put back every sold unit of the order into the lot it came from. */
static enum status
sales_return(struct db *db, long long id, const char *reason)
{
	struct lot_qty *v;
	int n;
	enum status s = lot_qty_collect(db, sql_sold, id, &v, &n);

	for (int i = 0; s == ST_OK && i < n; i++)
		if (v[i].qty > 0)
			s = ledger_move(db, "return", v[i].product_id,
			    v[i].lot_id, v[i].qty, id, reason);
	free(v);
	return s;
}

enum status
order_return(struct db *db, long long id, const char *reason)
{
	enum order_status from;
	int nested;
	enum status s = order_begin(db, id, ORDER_RETURNED, &from, &nested);

	if (s != ST_OK)
		return s;
	s = sales_return(db, id, reason);
	return order_finish(db, nested, s, id, from, ORDER_RETURNED, reason);
}
