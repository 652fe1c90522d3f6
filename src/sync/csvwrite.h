/*
 * csvwrite.h - a buffered CSV writer for exports.
 *
 * Text cells are neutralised (cell_neutralize) so a spreadsheet never runs
 * them as formulas, and quoted only when they must be: a comma, a quote,
 * CR or LF inside, or a space or tab at either end (which csvread, like
 * most readers, would otherwise drop).  Numbers are written as given.
 *
 * Excel mode (--excel) starts the file with a UTF-8 byte order mark and
 * ends lines with CRLF.  The BOM is how Excel 2016 and later, Chinese
 * Windows included, knows a CSV is UTF-8; without it Excel reads the file
 * as GBK and shows mojibake.  We write UTF-8 with a BOM rather than
 * GB18030 (which could hold every character too) so that the file stays
 * UTF-8 everywhere: the same bytes on Linux, in WPS, in web uploads, and
 * exactly what our own importer reads back.  By default: LF, no BOM.
 *
 * Errors (a full disk) are sticky: after the first failure every call
 * returns it, so callers may check only csvw_close().
 */
#ifndef COOPSTOCK_CSVWRITE_H
#define COOPSTOCK_CSVWRITE_H

#include <stdio.h>

#include "util/status.h"

enum {
	CSVW_EXCEL = 1 << 0 /* UTF-8 BOM first, CRLF line ends */
};

struct csvw;

/*
 * Create path for writing ("-" is standard output) with a large buffer,
 * write the BOM in Excel mode, and store a new writer in *out.  Returns
 * ST_OK, or ST_WRITE/ST_FULL with *out NULL and *err a new message
 * "PATH: reason" (caller frees).
 */
enum status csvw_open(
    const char *path, unsigned flags, struct csvw **out, char **err);

/*
 * Return a new writer on fp, which must be open for writing with nothing
 * written yet (its buffer is enlarged).  csvw_close() flushes but does
 * not close fp.  name is used in messages.  Never NULL.
 */
struct csvw *csvw_new(FILE *fp, const char *name, unsigned flags);

/* Write NUL-terminated text cell s (neutralised, quoted if needed). */
enum status csvw_text(struct csvw *w, const char *s);

/* Write the already formatted number s ("12.50"); never neutralised. */
enum status csvw_number(struct csvw *w, const char *s);

/* End the row (LF, or CRLF in Excel mode). */
enum status csvw_end_row(struct csvw *w);

/*
 * Flush, close the file (if csvw_open opened it) and free w.  Returns
 * the first error of any call on w: ST_FULL (no space left) or ST_WRITE,
 * with *err (may be NULL) a new message "PATH: reason"; else ST_OK with
 * *err NULL.  NULL w gives ST_OK.
 */
enum status csvw_close(struct csvw *w, char **err);

#endif
