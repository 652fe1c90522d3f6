/*
 * replica.h - the model side of site-to-site sync: the rows a bundle
 * carries, read out of this database, and the merge of rows received from
 * another site.  The files, the manifest and the checks are in
 * sync/bundle.h; the rules are in README.md, "Syncing two sites".
 *
 * Every row that travels has a global id: site_id || '.' || id for a row
 * made here (never stored), or the gid column for a row received from
 * another site.  References between rows travel as global ids too.
 *
 * Merge rules, one per kind:
 *   - lots, stock moves, payments, order events, shipments, order lines:
 *     facts.  A fact whose global id is already here is skipped; else it
 *     is added.  Stock moves update the stock caches without the checks a
 *     local sale makes (the sale happened): stock may go below zero, and
 *     syncstate_oversold() lists the products that did.
 *   - products, members: a new one is added with its values; their
 *     later edits travel as field changes (REPLICA_CHANGES): each is a
 *     fact, and a field takes the value of the latest change (by time,
 *     then site id, then global id, so every site picks the same one).
 *     Two changes of one field made from the same earlier value (neither
 *     site had seen the other's) are a conflict, recorded once.
 *   - orders: added with status 'new' (the model never edits an order's
 *     header afterwards); their status moves only through order events,
 *     by the rules in replica_order.h: confirm, pack and ship come only
 *     from the order's own site, a cancel wins over a confirm or pack it
 *     crossed, any other event applies when the order is in its from
 *     status and the move is allowed; an event that does not apply is
 *     kept (for forwarding) and listed as a conflict.  Every order in
 *     confirmed or packed holds its lines at every site (lot by lot at
 *     its own site, per product elsewhere), so the reserved figures agree
 *     once the bundles have crossed.  The customer list stays local.
 */
#ifndef COOPSTOCK_REPLICA_H
#define COOPSTOCK_REPLICA_H

#include "db/db.h"

/* The kinds a bundle carries, in the order they must be applied. */
enum replica_kind {
	REPLICA_PRODUCTS,
	REPLICA_MEMBERS,
	REPLICA_CHANGES,
	REPLICA_LOTS,
	REPLICA_ORDERS,
	REPLICA_ORDER_LINES,
	REPLICA_MOVES,
	REPLICA_EVENTS,
	REPLICA_SHIPMENTS,
	REPLICA_PAYMENTS,
	REPLICA__COUNT
};

/* The bundle file name of kind k ("products.csv"); static string. */
const char *replica_file(enum replica_kind k);
/* The column names of kind k, NULL-terminated; static. */
const char *const *replica_columns(enum replica_kind k);
/* How many columns kind k has. */
int replica_ncolumns(enum replica_kind k);

/*
 * Call fn for every row of kind k whose local id is above after, in id
 * order, with its cells (replica_ncolumns(k) strings; "" for SQL NULL;
 * valid only during the call).  A nonzero return from fn stops the walk
 * with ST_ERROR (fn sets its own error).  *last (not NULL) receives the
 * highest local id passed to fn, or after when there was none.  site is
 * this database's site_id; rows received from the site whose id is peer
 * ("" for none) are left out: it has them.  Must run inside a transaction, so
 * that the rows and *last agree.
 */
enum status replica_rows(struct db *db, enum replica_kind k, const char *site,
    const char *peer, long long after,
    int (*fn)(const char *const *cells, void *arg), void *arg, long long *last);

/*
 * Start a merge inside the caller's transaction (db_begin): from here
 * until replica_merge_end, edits are not logged as local field changes.
 * site is this database's site_id.
 */
enum status replica_merge_begin(struct db *db, const char *site);
/* End the merge started by replica_merge_begin (same transaction). */
enum status replica_merge_end(struct db *db);

/*
 * Merge one received row of kind k (cells as replica_columns(k) names
 * them) by the rules above; *added is 1 when it was new here, 0 when its
 * global id was already known.  ST_INVALID for a cell that cannot be read
 * or a reference to a row not here; ST_EXISTS when a new product, member
 * or order collides with a different one here (same SKU, member code, or
 * shop order number).  db_errmsg() says which.  On failure the caller
 * rolls the transaction back.
 */
enum status replica_apply(
    struct db *db, enum replica_kind k, const char *const *cells, int *added);

#endif
