/*
 * scr_orders.h - the Orders screens: the list (filtered by state,
 * searched by number, shop reference, customer name or phone), one
 * order's detail with its actions (confirm, pack, ship, deliver, cancel,
 * return, packing slip), and the new order form (scr_order_new.h).
 *
 * Every action goes through the model (order.h); a refusal shows the
 * model's own reason on the message line.  After any change the detail
 * reloads and every open list refreshes the page it shows.
 */
#ifndef COOPSTOCK_UI_SCR_ORDERS_H
#define COOPSTOCK_UI_SCR_ORDERS_H

#include "db/db.h"
#include "ui/app.h"

/*
 * Open the Orders list over db (which must outlive the screen) showing
 * the orders in state status (an enum order_status: ORDER_NEW is "to
 * confirm", ORDER_CONFIRMED "to pack", ORDER_PACKED "to ship"), oldest
 * first as a work queue; or every order, newest first, for status -1.
 * Returns the view, or NULL when it could not open (said on the message
 * line).  For the Home menu.
 */
struct ui_view *orders_list_push(struct ui *ui, struct db *db, int status);

/* Open the detail of order id.  NULL (and an error message) when there is
 * no such order. */
struct ui_view *order_detail_push(struct ui *ui, struct db *db, long long id);

/* Say that orders changed: open lists refresh before they next draw. */
void orders_changed(void);

/* The clerk's word for a stored status ("new" -> "new", translated). */
const char *orders_status_label(const char *status);

#endif
