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

char *
search_fold(const char *search)
{
	char *raw = text_trim(search), *low = text_fold(raw);

	free(raw);
	return low;
}

/* Bytes of the character at s (valid UTF-8, not at its end). */
static size_t
char_len(const char *s)
{
	size_t n = 1;

	while (((unsigned char)s[n] & 0xc0) == 0x80)
		n++;
	return n;
}

/* Add the distinct runs of w characters of s (len bytes) to g[*n]. */
static void
add_runs(const char *s, size_t len, size_t w, char **g, int *n)
{
	for (size_t i = 0; i < len; i += char_len(s + i)) {
		size_t e = i, k = 0;
		int dup = 0;
		char *run;

		for (; k < w && e < len; k++)
			e += char_len(s + e);
		if (k < w)
			break;
		run = xstrndup(s + i, e - i);
		for (int d = 0; d < *n && !dup; d++)
			dup = strcmp(g[d], run) == 0;
		if (dup)
			free(run);
		else
			g[(*n)++] = run;
	}
}

int
search_grams(const char *s, char ***out)
{
	size_t len = strlen(s), nchars = 0;
	int ascii = 1, n = 0;
	char **g;

	*out = NULL;
	if (len == 0 || !utf8_valid(s, len))
		return 0;
	for (size_t i = 0; i < len; i += char_len(s + i)) {
		nchars++;
		ascii = ascii && (unsigned char)s[i] < 0x80;
	}
	g = xcalloc(len, sizeof *g);
	add_runs(s, len, nchars == 1 ? 1 : ascii && nchars >= 3 ? 3 : 2, g,
	    &n);
	*out = g;
	return n;
}

void
search_grams_free(char **grams, int n)
{
	for (int i = 0; grams != NULL && i < n; i++)
		free(grams[i]);
	free(grams);
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
