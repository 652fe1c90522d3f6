/*
 * line.h - the few ways printed text is laid out: a line with text on
 * the left and a figure on the right, a rule, and a paragraph wrapped to
 * the paper.  Widths are display columns (text.h), so Chinese names line
 * up; every string is sanitized before it is written, and no line ends
 * in spaces.  Nothing here knows the model.
 */
#ifndef COOPSTOCK_PRINT_LINE_H
#define COOPSTOCK_PRINT_LINE_H

#include <stdio.h>

/* Write one line of at most width columns: left (cut with '~' to fit),
 * then right aligned to the right edge in a field of rwidth columns
 * (right NULL or "": left alone).  NULL left is "". */
void print_pair(
    FILE *f, int width, const char *left, const char *right, int rwidth);

/* Write a line of width copies of the ASCII character c. */
void print_rule(FILE *f, int width, char c);

/* Write text wrapped to width columns, the first line starting with
 * prefix and the others indented by its width.  Blank text writes
 * prefix alone. */
void print_wrap(FILE *f, int width, const char *prefix, const char *text);

#endif
