/*
 * header.h - matching a CSV header row to the columns an import needs.
 *
 * Shops rename columns between versions and clerks retype them, so a
 * column is found by any of its names (a canonical English one and
 * aliases, mostly Chinese), in any order.  Names are compared after
 * header_normalize(): a BOM, surrounding spaces (ASCII and U+3000), ASCII
 * case and full-width forms (（件） is (件), ＳＫＵ is sku) do not count.
 */
#ifndef COOPSTOCK_HEADER_H
#define COOPSTOCK_HEADER_H

#include <stddef.h>

#include "sync/csvread.h"
#include "util/status.h"

/* One column an import knows. */
struct header_col {
	const char *name;           /* canonical name, e.g. "sku" */
	const char *const *aliases; /* NULL-terminated list, or NULL */
	int required;               /* the file must have it */
};

/*
 * Return a new copy of NUL-terminated s as header names are compared:
 * leading BOMs (U+FEFF) and surrounding ASCII whitespace and U+3000
 * removed, ASCII and full-width ASCII letters lowered, full-width ASCII
 * punctuation and digits made ASCII (text_fold).  Caller frees.
 */
char *header_normalize(const char *s);

/*
 * Match the header record rec of the file path against spec[0..n).  Store
 * in index[i] the field number (0-based) of spec[i] in rec, or -1 if the
 * file lacks that optional column.  Columns that match nothing are
 * reported in *warn, a new string of lines "PATH:LINE: column 'X' is not
 * used; ignored\n" (each distinct name once; empty header cells are
 * silently ignored), or NULL if there are none.  Returns ST_OK, or
 * ST_INVALID with *err a new message of one or more lines (joined by
 * '\n', no final newline) when a required column is missing ("PATH:LINE:
 * no 'sku' column (also accepted: 商品编码, 商家编码)") or two columns of
 * the file give the same spec column.  On ST_OK *err is NULL; *warn is set
 * in both cases.  Header text is sanitized for display in messages.
 */
enum status header_match(const char *path, const struct csvread_record *rec,
    const struct header_col *spec, size_t n, int *index, char **warn,
    char **err);

#endif
