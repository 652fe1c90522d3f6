/*
 * num.h - money, quantities and dates as exact integers and ISO text.
 *
 * Money is an int64_t count of fen (1/100 yuan) and a quantity an int64_t
 * count of thousandths of a unit, so sums never drift the way binary
 * fractions do and the database stores plain INTEGERs.  There is no
 * floating point anywhere in this module.
 *
 * The parsers take what a clerk types or a spreadsheet exports, including
 * full-width digits and punctuation from a Chinese IME, '¥' and '元', and
 * Chinese dates (2026年3月5日).  They are strict where a guess could cost
 * money: extra decimals are refused rather than rounded, and day-first or
 * month-first dates are refused rather than guessed.  Every parser reports
 * an enum num_err; the UI turns it into a message with num_err_message().
 */
#ifndef COOPSTOCK_NUM_H
#define COOPSTOCK_NUM_H

#include <stddef.h>
#include <stdint.h>

/*
 * The status codes and their messages, in one list so they cannot drift
 * apart.  Messages are marked with N_() (from "util/i18n.h", which must be
 * included wherever this list is expanded) and complete a sentence that
 * starts with the field's name: "Price is empty".
 */
#define NUM_ERR_LIST(X)                                                  \
	X(NUM_OK, N_("is valid"))                                        \
	X(NUM_EMPTY, N_("is empty"))                                     \
	X(NUM_SYNTAX, N_("is not written in a form coopstock can read")) \
	X(NUM_RANGE, N_("is out of range"))                              \
	X(NUM_PRECISION, N_("has too many decimal places"))              \
	X(NUM_NEGATIVE, N_("must not be negative"))                      \
	X(NUM_AMBIGUOUS,                                                 \
	    N_("is ambiguous: write the year first, as in 2026-03-05"))

/* clang-format cannot see that the expansion ends in a comma. */
/* clang-format off */
enum num_err {
#define NUM_ERR_ENUM(name, msg) name,
	NUM_ERR_LIST(NUM_ERR_ENUM)
#undef NUM_ERR_ENUM
	NUM_ERR_COUNT		/* not an error: the number of codes */
};
/* clang-format on */

/* A buffer this size holds any money_format*() or qty_format() result. */
#define NUM_FMT_SIZE 32
/* Buffer sizes for an ISO date "YYYY-MM-DD" and "YYYY-MM-DD HH:MM:SS". */
#define DATE_SIZE 11
#define DATETIME_SIZE 20

/*
 * Return the English message for e, marked but not translated: the caller
 * wraps it in _().  Static storage; never NULL, also for out-of-range e.
 */
const char *num_err_message(enum num_err e);

/*
 * Parse money text into fen.  Accepted, around an ASCII or full-width
 * number: leading and trailing spaces (ASCII, tab, U+3000, U+00A0); one
 * '-' before or after an optional '¥'/'￥' (spaces may follow the '¥');
 * thousands separators ',' only in exact groups of 3 ("1,234.50", not
 * "12,34" or "0,123"); '.' followed by 1 or 2 digits (".5" and "1." are
 * NUM_SYNTAX); and a trailing '元', "RMB" or "CNY" (any case) with optional
 * spaces before it.  Full-width forms (U+FF01..FF5E) count as their ASCII
 * twins.  Anything else, exponents included, is NUM_SYNTAX.
 *
 * Errors, checked in this order: NUM_EMPTY (nothing but spaces),
 * NUM_SYNTAX, NUM_PRECISION (more than 2 decimals, even zeros: never
 * rounded), NUM_NEGATIVE (below zero and !allow_negative; "-0" is zero and
 * allowed), NUM_RANGE (outside int64_t).  *out is written only on NUM_OK.
 */
enum num_err money_parse(const char *s, int allow_negative, int64_t *out);

/*
 * Parse a quantity into thousandths of a unit: as money_parse() but with
 * up to 3 decimals and no currency sign or unit.
 */
enum num_err qty_parse(const char *s, int allow_negative, int64_t *out);

/*
 * Format fen as "-1234.50": '-' for negatives, always 2 decimals, no
 * grouping (for storage, export and editing).  Writes at most n bytes into
 * buf, truncating like snprintf (n >= 24 always suffices); returns buf.
 */
char *money_format(int64_t fen, char *buf, size_t n);

/*
 * As money_format() but with thousands separators, "-1,234.50", for
 * display.  n >= 27 (NUM_FMT_SIZE) always suffices.
 */
char *money_format_grouped(int64_t fen, char *buf, size_t n);

/*
 * Format a quantity with as few decimals as are needed: 1500 -> "1.5",
 * 2000 -> "2", 1234 -> "1.234", -500 -> "-0.5".  Truncates like snprintf;
 * n >= 23 always suffices.  Returns buf.
 */
char *qty_format(int64_t q, char *buf, size_t n);

/*
 * Set *out to the line total in fen for qty_milli thousandths of a unit at
 * fen_per_unit, rounded half away from zero (0.5 fen -> 1 fen, -0.5 ->
 * -1).  Exact for every input; returns NUM_RANGE (leaving *out alone) if
 * the total does not fit int64_t, else NUM_OK.
 */
enum num_err money_mul_qty(
    int64_t fen_per_unit, int64_t qty_milli, int64_t *out);

/*
 * Parse a date and write it to buf as ISO "YYYY-MM-DD" (n >= DATE_SIZE).
 * Accepted, with optional surrounding spaces and full-width digits:
 * "2026-03-05", "2026-3-5", "2026/3/5", "2026.3.5" (one separator kind,
 * touching the digits) and "2026年3月5日" (spaces allowed around 年月日,
 * 日 optional).  Any of them may be followed by a time " 14:05",
 * " 14:05:09" or "T14:05:09", which must be valid but is dropped here.
 *
 * Errors, checked in this order: NUM_EMPTY; NUM_SYNTAX for anything else;
 * NUM_AMBIGUOUS when the year is not written first in 4 digits, as in
 * "05/03/2026", "3/5/26" or "26年3月5日" (never guessed); NUM_RANGE for a
 * date or time not on the calendar (2026-02-29, 0000-01-01, 24:00).  On
 * error buf is set to "".
 */
enum num_err date_parse(const char *s, char *buf, size_t n);

/*
 * As date_parse() but keep the time: buf (n >= DATETIME_SIZE) gets
 * "YYYY-MM-DD HH:MM:SS"; a missing time is 00:00:00 and missing seconds
 * are :00.
 */
enum num_err datetime_parse(const char *s, char *buf, size_t n);

/*
 * Return 1 if s is exactly a canonical ISO date "YYYY-MM-DD" on the
 * calendar (ASCII digits, zero-padded, nothing around it), else 0.  This
 * is the precondition of date_diff_days() and date_add_days().
 */
int date_is_iso(const char *s);

/*
 * Write today's local date as ISO into buf (n >= DATE_SIZE); returns buf.
 * Calls fatal() if the system clock cannot be read.
 */
char *date_today(char *buf, size_t n);

/*
 * Return b - a in days.  Both must satisfy date_is_iso() (asserted).
 */
long date_diff_days(const char *a, const char *b);

/*
 * Write the ISO date days after a (before, if negative) into buf
 * (n >= DATE_SIZE); returns buf.  a must satisfy date_is_iso() and the
 * result must fall in years 0001..9999 (both asserted).  buf may be a.
 */
char *date_add_days(const char *a, long days, char *buf, size_t n);

#endif
