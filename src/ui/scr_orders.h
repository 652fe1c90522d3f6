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

#include "ui/app.h"

/* What the list shows: the open argument of orders_screen, as
 * (void *)(intptr_t).  A state is shown oldest first, as a work queue;
 * every order newest first. */
enum orders_mode {
	ORDERS_ALL = 0,
	ORDERS_NEW = 1,       /* to confirm */
	ORDERS_CONFIRMED = 2, /* to pack */
	ORDERS_PACKED = 3,    /* to ship */
	ORDERS_SHIPPED = 4,
	ORDERS_DELIVERED = 5,
	ORDERS_CANCELLED = 6,
	ORDERS_RETURNED = 7 /* ORDERS_ALL + 1 + each enum order_status */
};

/* The Orders list, on session_db(), for the Home menu. */
extern const struct screen orders_screen;

/* Open the Orders list in mode (enum orders_mode).  Returns the view, or
 * NULL when it could not open (said on the message line). */
struct ui_view *orders_list_push(struct ui *ui, int mode);

/* Open the detail of order id.  NULL (and an error message) when there is
 * no such order. */
struct ui_view *order_detail_push(struct ui *ui, long long id);

/* Say that orders changed: every open list refetches its page and count
 * now (no drawing: they are drawn when they are next shown). */
void orders_changed(void);

/* The clerk's word for a stored status, translated ("shipped" is 已发货);
 * an unknown one is returned as it is. */
const char *orders_status_label(const char *status);

/* The clerk's word for a channel: the ones the new order form offers
 * are translated ("taobao" is 淘宝), a shop's own name is shown as is. */
const char *orders_channel_label(const char *channel);

#endif
