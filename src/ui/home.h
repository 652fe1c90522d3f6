/*
 * home.h - the Home screen: what needs doing now, and the way to every
 * other screen.
 *
 * Home is a menu built from one table (home_entries in home.c), one line
 * per entry: a label, the key that opens it from Home, the screen it
 * opens with an int argument, and which of the summary's counts it shows
 * (summary_get() in model/summary.h).  A screen helper adds its screen by
 * appending a line there, for example an orders list filtered by status:
 *
 *	{N_("Orders to pack"), 'k', &orders_screen, ORDERS_CONFIRMED,
 *	    HOME_ORDERS_CONFIRMED},
 *
 * The screen's open callback then receives (void *)(intptr_t)arg.  An
 * entry without a screen shows its count only; it is hidden when another
 * entry with the same count has a screen, so appending a real entry
 * replaces a placeholder without editing it.  Counts are read when Home
 * opens, when the clerk comes back to it, and on Ctrl-L: never by timer.
 */
#ifndef COOPSTOCK_UI_HOME_H
#define COOPSTOCK_UI_HOME_H

#include "ui/screen.h"

/* Which number of struct summary an entry shows. */
enum home_count {
	HOME_NO_COUNT,
	HOME_ORDERS_NEW,       /* orders to confirm */
	HOME_ORDERS_CONFIRMED, /* to pack */
	HOME_ORDERS_PACKED,    /* to ship */
	HOME_LOW_STOCK,        /* products at or below reorder level */
	HOME_LOTS_NEAR,        /* lots near best-before */
	HOME_LOTS_EXPIRED      /* lots past best-before */
};

struct home_entry {
	const char *label;           /* marked N_() */
	int key;                     /* opens it from Home (a letter, digit) */
	const struct screen *screen; /* NULL: a count only, no list yet */
	int arg;                     /* to screen->open as (void *)(intptr_t) */
	enum home_count count;
};

/* Push with arg NULL. */
extern const struct screen home_screen;

#endif
