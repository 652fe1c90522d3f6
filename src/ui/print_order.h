/*
 * print_order.h - a packing slip for one order, as plain text for a file
 * or a printer: 80 columns for A4 paper, 42 (or anything from 32) for a
 * receipt printer.  Columns are measured by display width, so 辣椒酱
 * takes six and the quantities still line up; every string is sanitized,
 * so a hostile name cannot reach the printer as a control sequence.
 * No curses here: the screens call it, and tests could too.
 */
#ifndef COOPSTOCK_UI_PRINT_ORDER_H
#define COOPSTOCK_UI_PRINT_ORDER_H

#include "model/order.h"

/* Who prints the slip (the coop_* settings); NULL fields count as "". */
struct print_coop {
	const char *name, *phone, *address;
};

/* Slip widths below this are raised to it. */
#define PRINT_MIN_COLS 32

/*
 * Return the packing slip of o, width columns wide (at least
 * PRINT_MIN_COLS; 80 shows SKU and prices, narrower slips name, quantity
 * and unit only), every line ended by '\n' and none wider than width.
 * Caller frees.
 */
char *print_order_slip(
    const struct order *o, const struct print_coop *coop, int width);

/* "$HOME/coopstock-slip-ID.txt" ("./..." without $HOME).  Caller frees. */
char *print_order_default_path(long long id);

/*
 * Write text to path, replacing it; a leading "~/" is $HOME.  Returns 0,
 * or -1 with *err set to a new translated message naming the file.
 */
int print_to_file(const char *path, const char *text, char **err);

/* 1 when an executable lpr is on $PATH, else 0. */
int print_have_lpr(void);

/* Send text to the default printer through lpr.  0, or -1 with *err set
 * to a new translated message. */
int print_to_lpr(const char *text, char **err);

#endif
