/*
 * picklist.h - the pick list of a packing wave, as plain text for a
 * printer or a screen: each product once with the total to fetch, then
 * the lots to take it from in FEFO order with a box to tick, so the
 * clerk fetches 37 bags of walnuts in one trip from the right lots.
 */
#ifndef COOPSTOCK_PICKLIST_H
#define COOPSTOCK_PICKLIST_H

#include <stdio.h>

#include "db/db.h"

/* The paper widths coopstock lays out for: a page and a receipt roll. */
#define PRINT_WIDTH_PAGE 80
#define PRINT_WIDTH_RECEIPT 42

/*
 * Write the pick list of wave id to f, width columns wide (>= 32).
 * ST_NOT_FOUND for no such wave, ST_INVALID for a narrower width; a
 * database failure as its status with db_errmsg().  Write errors are
 * left on f for the caller (ferror).
 */
enum status picklist_print(struct db *db, long long id, int width, FILE *f);

#endif
