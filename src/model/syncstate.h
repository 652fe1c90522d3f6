/*
 * syncstate.h - what a site remembers about its sync peers, and what
 * merges left for a manager: conflicts and oversold products.  The
 * tables are sync_peer and sync_conflict (share/sql/009-sitesync.sql);
 * the merge itself is replica.h, the bundle files sync/bundle.h.
 */
#ifndef COOPSTOCK_SYNCSTATE_H
#define COOPSTOCK_SYNCSTATE_H

#include "db/db.h"
#include "model/replica.h"

/* One peer.  Free the strings with syncstate_peer_clear. */
struct syncstate_peer {
	char *name;                      /* the peer's site name */
	char *site_id;                   /* "" until its first bundle arrived */
	long long sent_seq;              /* our last bundle for it */
	long long applied_seq;           /* its last bundle we merged */
	long long acked[REPLICA__COUNT]; /* our rows it has, per kind */
	long long applied[REPLICA__COUNT]; /* its marks in that bundle */
};

/*
 * Find the peer whose site id or name is key.  *found is 0 (and *out
 * zeroed, with empty strings) when there is none.  Returns ST_OK or a
 * status with db_errmsg() set.
 */
enum status syncstate_peer_get(
    struct db *db, const char *key, struct syncstate_peer *out, int *found);
/* Free the strings of p (not p).  Fields are zeroed. */
void syncstate_peer_clear(struct syncstate_peer *p);
/*
 * Store p (found by p->name; created when new): its site id (if not
 * empty), sequence numbers and marks.  Must run inside the caller's
 * transaction.  ST_EXISTS when p's site id is already another peer's.
 */
enum status syncstate_peer_put(struct db *db, const struct syncstate_peer *p);
/* One peer as syncstate_peers passes it (strings valid during the call). */
struct syncstate_peer_row {
	const char *name, *site_id; /* site_id "" until it has sent a bundle */
	long long sent_seq, applied_seq;
	const char *applied_at; /* when its last bundle merged, or "" */
};
/* Call fn for each known peer, by name.  Returns ST_OK or a status. */
enum status syncstate_peers(struct db *db,
    void (*fn)(const struct syncstate_peer_row *row, void *arg), void *arg);
/* Format marks as "N N N ..." (REPLICA__COUNT numbers); caller frees. */
char *syncstate_marks_format(const long long marks[REPLICA__COUNT]);
/* Parse text from syncstate_marks_format; ST_INVALID when malformed. */
enum status syncstate_marks_parse(
    const char *text, long long marks[REPLICA__COUNT]);

/* One product that sold more than it had, as syncstate_oversold passes it
 * (strings valid during the call only). */
struct syncstate_oversold_row {
	long long product_id;
	const char *sku, *name, *unit;
	long long on_hand, reserved; /* thousandths */
};
/*
 * Call fn (may be NULL) for each product whose stock on hand is below
 * zero or below what is reserved, by SKU: after a merge, two sites sold
 * the same stock.  A manager's adjustment up (stock_adjust) clears it.
 * (A single lot may stay below zero while the product as a whole is not:
 * that is not listed; FEFO never takes from such a lot.)  *count (may be
 * NULL) receives how many.  For the Home screen and `coopstock report
 * oversold`.
 */
enum status syncstate_oversold(struct db *db,
    void (*fn)(const struct syncstate_oversold_row *row, void *arg), void *arg,
    int *count);

/* One recorded conflict, as syncstate_conflicts passes it. */
struct syncstate_conflict_row {
	long long id;
	const char *kind;   /* "field" or "status" */
	const char *entity; /* "product", "member" or "order" */
	const char *ref;    /* SKU, member code, or order reference */
	const char *field;
	const char *kept_value, *kept_by, *kept_at;
	const char *lost_value, *lost_by, *lost_at;
	const char *noted_at;
};
/*
 * Call fn for each conflict recorded by merges and not yet marked
 * resolved, oldest first (strings
 * valid during the call only).  *count (may be NULL) receives how many.
 */
enum status syncstate_conflicts(struct db *db,
    void (*fn)(const struct syncstate_conflict_row *row, void *arg), void *arg,
    int *count);

/* Mark conflict id as looked at: it is no longer listed.  Manager only
 * (ST_DENIED); ST_NOT_FOUND for no such open conflict. */
enum status syncstate_conflict_resolve(struct db *db, long long id);

#endif
