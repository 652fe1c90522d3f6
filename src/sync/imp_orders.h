/*
 * imp_orders.h - the import kind "orders": our own layout (one row per
 * order line) or a shop's export read through its template (douyin,
 * pinduoduo, or taobao's order list and item report joined on 订单编号).
 *
 * The rows of one order must follow each other (every shop writes them
 * so).  An order whose (channel, reference) is already stored is counted
 * as already present and left alone, so importing a file again changes
 * nothing; the same reference twice in one import is a problem.  An
 * unknown SKU is a problem, never a dropped line.  With o->confirm every
 * new order is also confirmed (stock reserved), all or nothing.
 */
#ifndef COOPSTOCK_IMP_ORDERS_H
#define COOPSTOCK_IMP_ORDERS_H

#include "sync/imp.h"

/* Import files[0..nfiles) as orders into im's open transaction. */
void imp_orders(struct imp *im, char *const *files, int nfiles);

#endif
