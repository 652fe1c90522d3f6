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

#include "ui/app.h"

/* The kind of the new order's draft (model/draft.h). */
#define ORDER_DRAFT_KIND "order"

/* Open the new order form on session_db().  Returns the view, or NULL. */
struct ui_view *order_new_push(struct ui *ui);

/*
 * Offer a draft of kind ORDER_DRAFT_KIND (taken at sign-in) back to the
 * clerk: on yes, the Orders list and the new order form open with what
 * was typed; on no it is gone.  For signin.c's table of draft kinds.
 */
void order_new_offer_draft(struct ui *ui, const char *body);

#endif
