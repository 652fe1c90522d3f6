/*
 * order.h - customer orders and their life:
 *
 *   new -> confirmed -> packed -> shipped -> delivered
 *   new | confirmed | packed -> cancelled
 *   shipped | delivered -> returned
 *
 * Confirming reserves stock lot by lot, oldest best-before first (FEFO),
 * never from expired lots; cancelling releases the reservation; shipping
 * turns it into 'sale' moves and records the shipment; returning brings
 * the stock back with 'return' moves.  Each transition checks and writes
 * inside one BEGIN IMMEDIATE transaction, so two clerks confirming the
 * last jar at once cannot both succeed: the loser gets ST_NO_STOCK, never
 * a raw SQLITE_BUSY.  When the caller already holds a transaction (the
 * CSV importer, order_confirm_batch), the call runs in a savepoint inside
 * it instead (txn.h).  Every change of status is an order_event row with
 * db_actor() and the time.  Functions return ST_OK or a status with the
 * detail in db_errmsg(); on failure nothing was written, and the caller's
 * transaction, if any, stays open with its earlier writes.
 */
#ifndef COOPSTOCK_ORDER_H
#define COOPSTOCK_ORDER_H

#include <stdint.h>

#include "db/db.h"
#include "model/order_get.h"

enum order_status {
	ORDER_NEW,
	ORDER_CONFIRMED,
	ORDER_PACKED,
	ORDER_SHIPPED,
	ORDER_DELIVERED,
	ORDER_CANCELLED,
	ORDER_RETURNED,
	ORDER__COUNT
};

/* The status as stored ("new", "confirmed", ...); static string. */
const char *order_status_name(enum order_status s);
/*
 * The state a person reads for a stored status name: the English msgid
 * (marked, not translated here), for whoever shows it to translate with
 * gettext; an unknown name comes back as is, NULL or "" as "?".  Exports
 * keep order_status_name().  Static string or stored itself.
 */
const char *order_status_label(const char *stored);
/* Parse a stored status name; returns -1 when unknown. */
int order_status_parse(const char *name);
/*
 * Nonzero when the state machine above lets an order move from `from` to
 * `to` (the one table order.c and the site merge both follow); 0 for any
 * other pair, an out-of-range value included.
 */
int order_transition_allowed(enum order_status from, enum order_status to);

struct order_line_in {
	long long product_id;
	int64_t qty;         /* thousandths of the unit, > 0 */
	int64_t unit_price;  /* fen per unit; < 0: the product's current price */
};

struct order_in {
	const char *channel;     /* "walk-in", "phone", a shop name; required */
	const char *ext_ref;     /* the shop's order number, or NULL */
	const char *ordered_at;  /* "YYYY-MM-DD HH:MM:SS" or NULL: now */
	const char *customer_name;
	const char *customer_phone;
	const char *customer_address;
	const char *note;
	const struct order_line_in *lines;
	int nlines;              /* >= 1 */
};

/*
 * Create an order in state 'new'.  *id receives its id.  When ext_ref is
 * set (NULL and "" mean none) and (channel, ext_ref) already exists,
 * nothing is written, *id is the existing order and ST_EXISTS is
 * returned.  ST_NOT_FOUND for an unknown or inactive product, ST_INVALID
 * for no channel, no lines, a quantity <= 0 or an ordered_at that
 * datetime_parse() refuses (it is stored as "YYYY-MM-DD HH:MM:SS").  The
 * customer (by phone, when given) is remembered for the next order; an
 * empty name or address keeps the remembered one.  The first order_event
 * row has from_status NULL.
 */
enum status order_create(struct db *db, const struct order_in *in,
    long long *id);

/*
 * Common to every transition below: ST_NOT_FOUND for an unknown order;
 * ST_BAD_STATE when the order is not in a state the transition starts
 * from, with db_errmsg() naming it ("order 12 is shipped; only new,
 * confirmed or packed orders can be cancelled"); otherwise an
 * order_event row (from, to, db_actor(), note) and orders.updated_at.
 * Confirm, pack and ship are ST_BAD_STATE for an order taken in at
 * another site (received in a bundle): only its own site does those.
 * Cancelling one releases what it holds here per product
 * (ledger_order_hold).
 */

/* new -> confirmed: reserve stock for every line (FEFO, unexpired lots;
 * order_alloc rows).  ST_NO_STOCK names each short product and by how
 * much in db_errmsg() ("HONEY: short by 2 jar; WALNUT: short by 0.5 kg",
 * products in order of first appearance); nothing is reserved then. */
enum status order_confirm(struct db *db, long long id);
/* confirmed -> packed. */
enum status order_pack(struct db *db, long long id);
/* confirmed | packed -> shipped: sale moves per allocated lot, the
 * reservation released and its order_alloc rows deleted, a shipment row
 * dated today.  courier and tracking_no are required (ST_INVALID when
 * NULL or empty, checked before the state). */
enum status order_ship(struct db *db, long long id, const char *courier,
    const char *tracking_no);
/* shipped -> delivered. */
enum status order_deliver(struct db *db, long long id);
/* new | confirmed | packed -> cancelled; releases the reservation.
 * reason (NULL: "") is the event's note. */
enum status order_cancel(struct db *db, long long id, const char *reason);
/*
 * Release what order id holds while it is confirmed or packed: its lots'
 * reservations (order_alloc) at its own site, its lines per product at
 * any other (ledger_order_hold).  No transaction of its own and no
 * status change: for order_cancel and for the site merge, which record
 * the move themselves (replica_order.h).  On failure the caller rolls
 * back.
 */
enum status order_release(struct db *db, long long id);
/* shipped | delivered -> returned: every sold unit comes back to its lot
 * as a 'return' move; reason (NULL: "") is their note and the event's. */
enum status order_return(struct db *db, long long id, const char *reason);

/*
 * The pieces of order_create that the bulk creator (order_bulk.h) also
 * uses; nothing else should need them.  Each returns ST_OK or a status
 * with db_errmsg() set, and none opens a transaction.
 * order_validate: the checks that need no database (ST_INVALID); when
 * gets ordered_at as stored (DATETIME_SIZE bytes).
 * order_ref_present: ST_EXISTS (the message set, *id the order) when
 * in's (channel, ext_ref) is here, ST_NOT_FOUND when not or in has none.
 * order_header_write: the orders row, *id the new id; with if_new an
 * order already there writes nothing and sets *id to 0.  now, when not
 * NULL, is its created_at and updated_at (as stored); NULL: the clock's.
 * order_product_price: an active product's price into *price, or -1.
 * order_no_product: ST_NOT_FOUND naming line i (from 0) and its product.
 * order_line_write: line l of order id at l's price, or price when l
 * has none (unit_price < 0).
 * order_event_new: order id's first event ("new", no from_status).
 */
enum status order_validate(
    struct db *db, const struct order_in *in, char *when);
enum status order_ref_present(
    struct db *db, const struct order_in *in, long long *id);
enum status order_header_write(struct db *db, int if_new,
    const struct order_in *in, const char *when, const char *now,
    long long *id);
enum status order_product_price(
    struct db *db, long long product_id, long long *price);
enum status order_no_product(
    struct db *db, int i, const struct order_line_in *l);
enum status order_line_write(struct db *db, long long id,
    const struct order_line_in *l, long long price);
enum status order_event_new(struct db *db, long long id);

/* For the model's SQL: the end of an INSERT INTO customer(phone, name,
 * address[, updated_at]) that remembers a customer; an empty name or
 * address keeps the remembered one, and updated_at is the insert's (the
 * clock's when it names none). */
#define ORDER_CUSTOMER_UPSERT                                                      \
	" ON CONFLICT(phone) DO UPDATE SET name = CASE WHEN excluded.name"   \
	" <> '' THEN excluded.name ELSE name END, address = CASE WHEN"       \
	" excluded.address <> '' THEN excluded.address ELSE address END,"    \
	" updated_at = excluded.updated_at"

/*
 * For the model's SQL: the site of the orders row aliased a, as
 * struct order's site says it ("" for this site's own).  A global id is
 * "SITE.N", and a site id holds no '.'.
 */
#define ORDER_SITE_SQL(a)                                                    \
	"CASE WHEN " a ".gid IS NULL THEN '' ELSE coalesce((SELECT name"     \
	" FROM sync_peer WHERE site_id = substr(" a ".gid, 1, instr(" a      \
	".gid, '.') - 1)), substr(" a ".gid, 1, instr(" a ".gid, '.') - 1))" \
	" END"

#endif
