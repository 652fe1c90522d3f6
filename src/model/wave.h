/*
 * wave.h - packing waves: the confirmed orders a clerk picks, packs and
 * hands to one courier together, the day a livestream brings hundreds.
 *
 * A wave is made from this site's confirmed orders (another site packs
 * its own, order.h) not yet in a wave (all of
 * them, one channel's, one courier's, or a list of ids), by db_actor()
 * at a time.  Its pick list totals the reservations (order_alloc) of its
 * orders by product and lot, in FEFO order, so each lot is fetched once.
 * wave_mark_packed packs every order of the wave in one transaction, all
 * or nothing.  The courier manifest of a wave (sync/export.h, wave_id)
 * is recorded by wave_note_manifest; when the tracking numbers come back
 * (import tracking), the orders' shipment rows are the wave's history of
 * it.  Functions return ST_OK or a status with the detail in db_errmsg();
 * a write that fails leaves nothing behind.
 */
#ifndef COOPSTOCK_WAVE_H
#define COOPSTOCK_WAVE_H

#include <stdint.h>

#include "db/db.h"
#include "model/exchange.h"
#include "model/order.h"

/* How a wave chose its orders. */
enum wave_selector {
	WAVE_ALL,     /* every confirmed order not in a wave */
	WAVE_CHANNEL, /* ... of one channel */
	WAVE_COURIER, /* ... whose courier (orders.courier) is the one named */
	WAVE_ORDERS   /* the orders listed by id */
};

/* The selection for wave_create. */
struct wave_in {
	enum wave_selector by;
	const char *filter;   /* the channel or courier; else ignored */
	const long long *ids; /* WAVE_ORDERS: the orders, in that order */
	int nids;
};

/*
 * Create a wave of the confirmed orders not yet in any wave that in
 * selects, oldest first (ordered_at, id).  *id receives the wave, *count
 * (if not NULL) its number of orders.  ST_INVALID for WAVE_CHANNEL or
 * WAVE_COURIER without a filter or WAVE_ORDERS without ids; with
 * WAVE_ORDERS, ST_NOT_FOUND for an unknown order, ST_BAD_STATE for one
 * that is not confirmed, is in a wave already or was taken in at another
 * site (naming it), ST_EXISTS
 * for an id listed twice; ST_NOT_FOUND when the selection is empty.
 */
enum status wave_create(
    struct db *db, const struct wave_in *in, long long *id, int *count);

/* A wave as wave_get and wave_list give it. */
struct wave {
	long long id;
	enum wave_selector by;
	char *filter; /* "" unless by channel or courier */
	char *created_by;
	char *created_at; /* "YYYY-MM-DD HH:MM:SS" */
	int norders;
	int nstatus[ORDER__COUNT]; /* its orders by their status now */
};

/* The selector as stored ("all", "channel", ...); static string. */
const char *wave_selector_name(enum wave_selector by);

/* Fill *out (release with wave_clear) with wave id.  ST_NOT_FOUND. */
enum status wave_get(struct db *db, long long id, struct wave *out);
/* Free the strings of w and zero it.  NULL is ok. */
void wave_clear(struct wave *w);

/*
 * Call fn for every wave, newest first (w valid only during the call); a
 * nonzero return stops the walk (still ST_OK).
 */
enum status wave_list(
    struct db *db, int (*fn)(const struct wave *w, void *arg), void *arg);

/*
 * Call fn with the id of each order of wave id, in the order the wave
 * took them (oldest first).  ST_NOT_FOUND for no such wave.
 */
enum status wave_orders(struct db *db, long long id,
    int (*fn)(long long order_id, void *arg), void *arg);

/* One order of a wave, as wave_order_list gives it; strings are valid
 * only during the call, "" when absent. */
struct wave_member {
	long long order_id;
	const char *ext_ref, *channel, *customer_name, *status;
	const char *courier, *tracking_no; /* its latest shipment's */
};

/*
 * Call fn for each order of wave id in the wave's order (oldest first),
 * with its status now and its tracking number once shipped; a nonzero
 * return stops the walk.  ST_NOT_FOUND for no such wave.
 */
enum status wave_order_list(struct db *db, long long id,
    int (*fn)(const struct wave_member *m, void *arg), void *arg);

/*
 * Call fn for every line of every order of wave id that is in state
 * status (NULL: any), as exchange_order_rows does (order id, line id
 * order).  ST_NOT_FOUND for no such wave.
 */
enum status wave_order_rows(struct db *db, long long id, const char *status,
    int (*fn)(const struct exchange_order_row *row, void *arg), void *arg);

/* One row of a pick list: what to take from one lot.  Strings are valid
 * only during the call; "" when absent. */
struct wave_pick {
	long long product_id;
	const char *sku, *name, *unit;
	long long lot_id;
	const char *received_on, *best_before, *grade, *member;
	int64_t qty; /* thousandths of the unit, > 0 */
	int orders;  /* how many of the wave's orders take from this lot */
};

/*
 * Call fn for each (product, lot) that the wave's confirmed and packed
 * orders hold reserved, with the quantity summed: products by SKU, the
 * lots of each product in FEFO order (best-before, no date last, then
 * received, then lot id).  Orders already shipped hold nothing and are
 * not in it.  ST_NOT_FOUND for no such wave.
 */
enum status wave_picklist(struct db *db, long long id,
    int (*fn)(const struct wave_pick *p, void *arg), void *arg);

/*
 * Pack every confirmed order of wave id, in one transaction; orders
 * already packed are left as they are.  All or nothing: when an order
 * cannot be packed (cancelled, shipped, ...) nothing is packed and
 * ST_BAD_STATE names it ("wave 3: order 12 is cancelled; ...").
 * ST_BAD_STATE too when no order of the wave is left to pack.  *packed
 * (if not NULL) receives how many were packed.  A 'packed' event joins
 * the wave's history.
 */
enum status wave_mark_packed(struct db *db, long long id, int *packed);

/*
 * Take order_id out of wave id (a cancelled order, say, so the rest can
 * be packed).  ST_NOT_FOUND when it is not in that wave.
 */
enum status wave_drop_order(struct db *db, long long id, long long order_id);

/*
 * Record in wave id's history that a manifest of norders orders for
 * courier was written to file.  ST_NOT_FOUND for no such wave.
 */
enum status wave_note_manifest(struct db *db, long long id, const char *courier,
    const char *file, long norders);

/*
 * Set the courier order_id will go with ("" or NULL: any), for waves by
 * courier.  ST_NOT_FOUND for no such order.
 */
enum status wave_set_courier(
    struct db *db, long long order_id, const char *courier);

/* What happened to a wave. */
enum wave_what {
	WAVE_EV_CREATED,
	WAVE_EV_PACKED,
	WAVE_EV_MANIFEST, /* courier, file */
	WAVE_EV_SHIPPED   /* tracking numbers came back: courier */
};

/* One entry of a wave's history; strings valid only during the call. */
struct wave_event {
	const char *at; /* "YYYY-MM-DD HH:MM:SS" */
	const char *actor;
	enum wave_what what;
	const char *courier, *file; /* "" when not applicable */
	long norders;
};

/*
 * Call fn for each entry of wave id's history, oldest first: its
 * creation, packing and manifests, and the shipments of its orders
 * grouped by courier, clerk and minute (one import of a tracking file is
 * one entry, at its first shipment).  ST_NOT_FOUND for no such wave.
 */
enum status wave_history(struct db *db, long long id,
    int (*fn)(const struct wave_event *e, void *arg), void *arg);

#endif
