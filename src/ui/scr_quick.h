/*
 * scr_quick.h - quick phone order entry, for the burst of a livestream:
 * phone first (a repeat customer's name and address fill in), then the
 * lines typed as "ht 2, fm 1.5" with names, prices and the total shown as
 * they are typed; Enter saves and clears the form for the next order.
 */
#ifndef COOPSTOCK_UI_SCR_QUICK_H
#define COOPSTOCK_UI_SCR_QUICK_H

#include "ui/screen.h"

/* Push with arg NULL (Home opens it). */
extern const struct screen quick_screen;

#endif
