/*
 * product_form.h - the form that adds or changes a product, and its
 * draft when the line drops while it is open.
 */
#ifndef COOPSTOCK_UI_PRODUCT_FORM_H
#define COOPSTOCK_UI_PRODUCT_FORM_H

#include "ui/app.h"

/* The draft kind the form saves under (model/draft.h). */
#define PRODUCT_DRAFT_KIND "product"

/*
 * Open the product form over the current screen: a new product when id is
 * 0, else product id's fields to change.  values (NULL: none) are the
 * field values to start from, as a draft keeps them (n of them).
 */
void product_form_open(struct ui *ui, long long id, char **values, size_t n);

/*
 * Offer the product draft in body (as the form saved it on hangup):
 * ask whether to continue and reopen the form filled in when yes.
 */
void product_form_offer_draft(struct ui *ui, const char *body);

#endif
