/*
 * imex.h - the Import / Export screen.
 *
 * Import: choose the kind, type the file's path (or pick one of the
 * *.csv files of a directory with Enter on an empty path... see the
 * help), a shop template for orders, the encoding.  F2 first runs a dry
 * run (sync/import.h, nothing written) and shows its counts and EVERY
 * problem line in a scrollable list; R then imports for real, with the
 * line reached shown while a long file is read, and a summary.
 * Export: the kind, the path (and a courier template for a manifest);
 * F2 writes it (sync/export.h).
 */
#ifndef COOPSTOCK_UI_IMEX_H
#define COOPSTOCK_UI_IMEX_H

#include "ui/screen.h"

/* Push with arg NULL (the session's database) or a struct db *. */
extern const struct screen imex_screen;

#endif
