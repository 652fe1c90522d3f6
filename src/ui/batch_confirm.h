/*
 * batch_confirm.h - confirm every new order at once from a screen, and
 * show the orders the stock cannot fill.
 */
#ifndef COOPSTOCK_UI_BATCH_CONFIRM_H
#define COOPSTOCK_UI_BATCH_CONFIRM_H

#include "ui/app.h"

/*
 * Ask the clerk, then confirm every new order oldest first
 * (order_confirm_batch, one transaction after the answer); say how many
 * were confirmed on the message line and list the short ones, with the
 * products and quantities short, in a scrollable dialog.  Returns the
 * number of orders confirmed (-1: the clerk said no or it failed).
 */
int batch_confirm_run(struct ui *ui);

#endif
