/*
 * search.c - see search.h.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/search.h"
#include "util/text.h"
#include "util/xalloc.h"

/* The upper bound is p with its last byte raised (bytes 0xFF dropped
 * first): with BINARY collation every text starting with p sorts below
 * it.  With nothing left to raise it is a blob, which sorts after all
 * text. */
int
search_bind_prefix(sqlite3_stmt *st, int lo, const char *p)
{
	size_t n = strlen(p);
	char *hi = xstrdup(p);
	int rc = sqlite3_bind_text(st, lo, p, -1, SQLITE_TRANSIENT);

	while (n > 0 && (unsigned char)hi[n - 1] == 0xff)
		n--;
	if (rc == SQLITE_OK && n == 0)
		rc = sqlite3_bind_zeroblob(st, lo + 1, 0);
	else if (rc == SQLITE_OK) {
		hi[n - 1] = (char)((unsigned char)hi[n - 1] + 1);
		rc = sqlite3_bind_text(st, lo + 1, hi, (int)n, SQLITE_TRANSIENT);
	}
	free(hi);
	return rc;
}

int
search_bind(sqlite3_stmt *st, int first, const char *search)
{
	char *raw = text_trim(search), *low = text_fold(raw);
	char *up = xstrdup(low);
	int rc;

	for (char *c = up; *c != '\0'; c++)
		if (*c >= 'a' && *c <= 'z')
			*c = (char)(*c - 'a' + 'A');
	rc = sqlite3_bind_int(st, first, *raw != '\0');
	if (rc == SQLITE_OK)
		rc = search_bind_prefix(st, first + 1, raw);
	if (rc == SQLITE_OK)
		rc = search_bind_prefix(st, first + 3, up);
	if (rc == SQLITE_OK)
		rc = search_bind_prefix(st, first + 5, low);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(st, first + 7, low, -1, SQLITE_TRANSIENT);
	free(raw);
	free(low);
	free(up);
	return rc;
}
