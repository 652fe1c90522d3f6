/*
 * print_order.h - where the Orders screen sends one order's packing slip:
 * a file or the printer (lpr).  The slip itself is src/print/slip.c's,
 * the same one `coopstock wave slips` prints: 80 columns for A4 paper,
 * 42 for a receipt printer, CJK-aligned and sanitized.  No curses here.
 */
#ifndef COOPSTOCK_UI_PRINT_ORDER_H
#define COOPSTOCK_UI_PRINT_ORDER_H

#include "db/db.h"

/* "$HOME/coopstock-slip-ID.txt" ("./..." without $HOME).  Caller frees. */
char *print_order_default_path(long long id);

/*
 * Write the slip of order id, width columns wide, to path (replaced; a
 * leading "~/" is $HOME).  Returns 0, or -1 with *err set to a new
 * translated message naming the file or the model's reason.
 */
int print_order_to_file(
    struct db *db, long long id, int width, const char *path, char **err);

/* 1 when an executable lpr is on $PATH, else 0. */
int print_have_lpr(void);

/* Send the slip of order id to the default printer through lpr.  0, or
 * -1 with *err set to a new translated message. */
int print_order_to_lpr(struct db *db, long long id, int width, char **err);

#endif
