/*
 * scr_sync.h - the sync screens: "Sync with another site" (export a
 * bundle for a peer, import one with a preview first), the list of
 * conflicts merges recorded (a manager marks one resolved), and the list
 * of oversold products (Enter opens the product, where a manager adjusts
 * its stock).  The model is sync/bundle.h and model/syncstate.h.
 */
#ifndef COOPSTOCK_UI_SCR_SYNC_H
#define COOPSTOCK_UI_SCR_SYNC_H

#include "ui/screen.h"

/* Push with arg NULL: the sync menu. */
extern const struct screen sync_screen;
/* Push with arg NULL: open conflicts, oldest first. */
extern const struct screen conflicts_screen;
/* Push with arg NULL: products sold below zero (or below reserved). */
extern const struct screen oversold_screen;

/* How many products are oversold now (0 when it cannot be read). */
int sync_oversold_count(void);
/* How many conflicts are open now (0 when it cannot be read). */
int sync_conflicts_count(void);

#endif
