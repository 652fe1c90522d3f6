/*
 * cell.h - cleaning one cell of a real shop export, and keeping exported
 * cells from running as spreadsheet formulas.
 *
 * Shop exports carry the marks of the tricks used to keep Excel from
 * mangling long numbers: Douyin puts a tab before order ids, Taobao writes
 * them as ="3812345678901234".  Buyers' phones and names come masked
 * (138****1234, 王**).  And when a clerk opened and re-saved the file in
 * Excel anyway, a 16-digit order number has become 3.81235E+15 and cannot
 * be recovered: that is an error the clerk must fix at the source.
 *
 * Formula neutralisation: a text cell a spreadsheet would run as a
 * formula (it starts with = + - @ TAB CR, or ＝ ＋ － ＠, which some
 * spreadsheets also accept) is exported with one more leading apostrophe,
 * which spreadsheets show as text.  Leading apostrophes already there are
 * skipped first, so "'=x" becomes "''=x"; the import side removes exactly
 * one apostrophe from such cells.  cell_unneutralize(cell_neutralize(s))
 * is s for every s.
 */
#ifndef COOPSTOCK_CELL_H
#define COOPSTOCK_CELL_H

#include <stddef.h>

/* Flags cell_clean() reports. */
enum {
	CELL_MASKED = 1 << 0,   /* the shop hid part of it (138****1234) */
	CELL_UNWRAPPED = 1 << 1 /* it was written as ="..." */
};

/*
 * Return a new NUL-terminated clean copy of the n bytes at s (UTF-8, no
 * NUL inside): surrounding ASCII whitespace (so a leading tab) and U+3000
 * removed; Excel's text form ="..." unwrapped (a doubled quote inside
 * becomes one) and the result trimmed again.  Store in *flags (may be
 * NULL) CELL_UNWRAPPED if it was unwrapped and CELL_MASKED if it holds a
 * run of two or more '*' (or full-width ＊): a masked value is kept as it
 * is, the caller decides what it may be used for.  Caller frees.
 */
char *cell_clean(const char *s, size_t n, unsigned *flags);

/*
 * Return 1 if NUL-terminated s looks like a number Excel turned into
 * scientific notation (1.5E+12, 1.23457E+17, 3E+15: digits, an optional
 * fraction, E or e, '+', digits), else 0.  In a column of ids or phone
 * numbers that means digits were lost.
 */
int cell_is_excel_sci(const char *s);

/*
 * Return NULL if s is usable as an id or phone-like text cell, else the
 * translated reason to show after "FILE:LINE: column: " (static):
 * "looks like a number Excel turned into scientific notation; format the
 * column as Text in Excel and export again".
 */
const char *cell_text_problem(const char *s);

/*
 * Return a new copy of NUL-terminated text cell s for export: with one
 * more leading apostrophe if, after any leading apostrophes, it starts
 * with = + - @ TAB CR or ＝ ＋ － ＠; else unchanged.  Caller frees.
 */
char *cell_neutralize(const char *s);

/*
 * Return a new copy of NUL-terminated s read from a file: if s is one or
 * more apostrophes followed by one of the characters above, one
 * apostrophe fewer; else unchanged.  Caller frees.
 */
char *cell_unneutralize(const char *s);

/* As cell_unneutralize, but in s itself, which is returned. */
char *cell_unneutralize_in_place(char *s);

#endif
