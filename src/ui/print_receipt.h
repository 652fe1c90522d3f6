/*
 * print_receipt.h - the intake receipt a member takes home: plain text,
 * 32, 42 or 80 columns (58 mm and 80 mm receipt printers, a page), CJK
 * aligned by display width.
 *
 * Model-free on purpose: the Intake screen fills a struct receipt from
 * what it saved, so the layout can be tested byte for byte without a
 * database.  Every string is sanitized (text_fit) before it is laid out,
 * so a name full of escape sequences cannot drive the printer.
 */
#ifndef COOPSTOCK_UI_PRINT_RECEIPT_H
#define COOPSTOCK_UI_PRINT_RECEIPT_H

#include <stdint.h>

/* What a receipt shows.  NULL strings count as "". */
struct receipt {
	const char *coop_name;
	const char *date;        /* ISO date received */
	const char *member;      /* "CODE name" */
	const char *product;     /* "SKU name" */
	const char *unit;        /* kg, jin, ... */
	const char *grade;       /* "" when none */
	const char *best_before; /* "" when none */
	const char *clerk;
	long long lot_id;
	int64_t qty;       /* thousandths of the unit */
	int64_t unit_cost; /* fen per unit */
	int64_t total;     /* fen owed to the member */
};

/*
 * Lay r out in width columns (clamped to 24..132): the coop name and a
 * heading centred, a rule, one "Label  value" line per item (values cut
 * with '~' when too long, never inside a wide character), a rule, and a
 * line for the member's signature.  Lines end with '\n' and carry no
 * trailing blanks.  Labels go through gettext.  Returns a new string;
 * caller frees.
 */
char *receipt_format(const struct receipt *r, int width);

/*
 * Send text to path (created or truncated), or when path is NULL or ""
 * to `lpr` if it is on $PATH.  Returns 0, or -1 with *err a new
 * translated message (caller frees).
 */
int receipt_print(const char *text, const char *path, char **err);

#endif
