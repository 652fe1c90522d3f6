/*
 * replica_order.h - model-internal: what a received order event does to
 * the order and to the stock reservations here.  Used by replica.c only.
 *
 * Why: the reserved figure must not depend on which site confirmed an
 * order, or two sites that have merged each other's bundles would show
 * different `export stock` files.  So it is a function of the merged
 * facts: every order in confirmed or packed holds its lines' quantities,
 * at every site.  The order's own site holds them lot by lot
 * (order_alloc, it chose the lots); the others per product only
 * (ledger_order_hold), because which lots were chosen does not travel.
 *
 * For that to hold, the status of an order must end the same everywhere
 * whatever order its events arrive in:
 *   - confirm, pack and ship are made only by the order's own site
 *     (order.h refuses them elsewhere); an event for one of those moves
 *     that another site made is listed as a conflict and not applied;
 *   - a cancel (any site may cancel) wins over a confirm or a pack it
 *     crossed: it applies whenever the order can still be cancelled, even
 *     if the order was confirmed or packed since the cancelling site saw
 *     it.  The crossing confirm or pack then arrives at a cancelled order
 *     and is listed as a conflict.  A ship it crossed is a conflict either
 *     way; the sale moves stand (facts), and nothing is held at either
 *     site, so the stock still agrees.
 *   - any other event applies when the order is in its from status and
 *     the move is allowed (order.h), else it is a conflict.
 */
#ifndef COOPSTOCK_REPLICA_ORDER_H
#define COOPSTOCK_REPLICA_ORDER_H

#include "db/db.h"

/*
 * Settle a received order event, already stored: c holds its cells as
 * replica_columns(REPLICA_EVENTS) names them (gid, order, from_status,
 * to_status, actor, note, at), with c[1] the order's global id as the
 * sender wrote it; order is the order's local id.  Applies it by the rules
 * above (status, reservations held or released), or records a 'status'
 * conflict once per event.  Inside the caller's merge transaction; on
 * failure the caller rolls back.
 */
enum status replica_order_settle(
    struct db *db, long long order, const char *const *c);

#endif
