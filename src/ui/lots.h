/*
 * lots.h - the lots near or past their best-before, opened from Home.
 */
#ifndef COOPSTOCK_UI_LOTS_H
#define COOPSTOCK_UI_LOTS_H

#include "ui/screen.h"

/* The open argument, as (void *)(intptr_t). */
enum lots_mode {
	LOTS_NEAR = 0,   /* best-before from today to near_days ahead */
	LOTS_EXPIRED = 1 /* best-before already past */
};

extern const struct screen lots_screen;

#endif
