/*
 * scr_order_new.h - the new order form: a customer block (channel, name,
 * phone, address, note) and order lines added by product lookup (SKU,
 * short code, or part of the name), quantity and price, with the running
 * total.  Saving creates the order (order_create) and offers to confirm
 * it at once; the clerk then lands on the new order's detail.
 *
 * A price typed on a line is that order's sale price: the product's own
 * price (manager only, product.h) is not changed, and the screen says so.
 */
#ifndef COOPSTOCK_UI_SCR_ORDER_NEW_H
#define COOPSTOCK_UI_SCR_ORDER_NEW_H

#include "db/db.h"
#include "ui/app.h"

/* Open the new order form over db (which must outlive it).  Returns the
 * view, or NULL. */
struct ui_view *order_new_push(struct ui *ui, struct db *db);

#endif
