/*
 * imp_stock.h - the import kinds that move stock: intake (produce members
 * brought in, one lot per row) and tracking (a courier's tracking numbers,
 * which ship the orders).  Both are idempotent: a row whose lot or
 * shipment is already stored is counted as already present.
 */
#ifndef COOPSTOCK_IMP_STOCK_H
#define COOPSTOCK_IMP_STOCK_H

#include "sync/imp.h"

/* Import an intake file into im's open transaction. */
void imp_intake(struct imp *im, const char *path);

/* Import a tracking file: ship each order with its courier and number. */
void imp_tracking(struct imp *im, const char *path);

#endif
