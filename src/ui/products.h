/*
 * products.h - the Products screens: the list (search, sort, stock per
 * product), one product's detail with its ledger of moves, and the
 * product form (product_form.h).
 */
#ifndef COOPSTOCK_UI_PRODUCTS_H
#define COOPSTOCK_UI_PRODUCTS_H

#include "ui/screen.h"

/* What the list shows: the open argument, as (void *)(intptr_t). */
enum products_mode {
	PRODUCTS_ALL = 0, /* every active product, searchable */
	PRODUCTS_LOW = 1  /* active products at or below reorder level */
};

extern const struct screen products_screen;

/* One product's detail: push with a long long * (the product id, read
 * during open only). */
extern const struct screen product_detail_screen;

#endif
