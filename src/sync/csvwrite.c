/*
 * csvwrite.c - see csvwrite.h.  Quoting goes through libcsv's csv_fwrite
 * (it doubles the quotes); the FILE buffer makes the per-byte putc cheap.
 */
#include <config.h>

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sync/cell.h"
#include "sync/csvwrite.h"
#include "util/xalloc.h"

#define BUF_SIZE (256 * 1024)

struct csvw {
	FILE *fp;
	char *name;
	int own; /* fclose on close */
	unsigned flags;
	size_t col;      /* cells written in this row */
	int first_empty; /* the row's only cell so far is empty */
	enum status st;
	int err; /* errno of the first failure */
};

static enum status
failed(struct csvw *w)
{
	if (w->st == ST_OK) {
		w->err = errno ? errno : EIO;
		w->st = w->err == ENOSPC ? ST_FULL : ST_WRITE;
	}
	return w->st;
}

struct csvw *
csvw_new(FILE *fp, const char *name, unsigned flags)
{
	struct csvw *w = xcalloc(1, sizeof *w);

	w->fp = fp;
	w->name = xstrdup(name);
	w->flags = flags;
	setvbuf(fp, NULL, _IOFBF, BUF_SIZE);
	if ((flags & CSVW_EXCEL) && fwrite("\xEF\xBB\xBF", 1, 3, fp) != 3)
		failed(w);
	return w;
}

enum status
csvw_open(const char *path, unsigned flags, struct csvw **out, char **err)
{
	FILE *fp;
	struct csvw *w;

	*out = NULL;
	*err = NULL;
	if (strcmp(path, "-") == 0) {
		fp = stdout;
	} else if ((fp = fopen(path, "wb")) == NULL) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return errno == ENOSPC ? ST_FULL : ST_WRITE;
	}
	w = csvw_new(fp, path, flags);
	w->own = fp != stdout;
	*out = w;
	return ST_OK;
}

static int
needs_quotes(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	if (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t')
		return 1;
	return strpbrk(s, ",\"\r\n") != NULL;
}

/* Write one cell as is, quoted if needed. */
static enum status
put_cell(struct csvw *w, const char *s)
{
	size_t n = strlen(s);

	if (w->st != ST_OK)
		return w->st;
	errno = 0;
	if (w->col > 0 && putc(',', w->fp) == EOF)
		return failed(w);
	w->first_empty = w->col == 0 && n == 0;
	w->col++;
	if (needs_quotes(s, n)) {
		if (csv_fwrite(w->fp, s, n) != 0)
			return failed(w);
	} else if (n > 0 && fwrite(s, 1, n, w->fp) != n) {
		return failed(w);
	}
	return ST_OK;
}

enum status
csvw_text(struct csvw *w, const char *s)
{
	char *t = cell_neutralize(s);
	enum status st = put_cell(w, t);

	free(t);
	return st;
}

enum status
csvw_number(struct csvw *w, const char *s)
{
	return put_cell(w, s);
}

enum status
csvw_end_row(struct csvw *w)
{
	const char *eol = (w->flags & CSVW_EXCEL) ? "\r\n" : "\n";

	if (w->st != ST_OK)
		return w->st;
	errno = 0;
	/* A row of one empty cell would be a blank line, which readers skip. */
	if (w->col == 1 && w->first_empty && fputs("\"\"", w->fp) == EOF)
		return failed(w);
	if (fputs(eol, w->fp) == EOF)
		return failed(w);
	w->col = 0;
	return ST_OK;
}

enum status
csvw_close(struct csvw *w, char **err)
{
	enum status st;

	if (err != NULL)
		*err = NULL;
	if (w == NULL)
		return ST_OK;
	errno = 0;
	if (fflush(w->fp) == EOF)
		failed(w);
	if (w->own && fclose(w->fp) == EOF)
		failed(w);
	st = w->st;
	if (st != ST_OK && err != NULL)
		*err = xasprintf("%s: %s", w->name, strerror(w->err));
	free(w->name);
	free(w);
	return st;
}
