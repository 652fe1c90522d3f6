/*
 * reports.h - the Reports screen: pick stock, low stock, sales (from/to
 * dates) or member payouts; the report opens in the table widget, and F2
 * saves it as CSV to a path the clerk types, with the same bytes as
 * `coopstock report NAME --csv` (both go through sync/report_rows.h).
 */
#ifndef COOPSTOCK_UI_REPORTS_H
#define COOPSTOCK_UI_REPORTS_H

#include "ui/screen.h"

/* Push with arg NULL (the session's database) or a struct db *. */
extern const struct screen reports_screen;

#endif
