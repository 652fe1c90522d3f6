/*
 * imp.c - see imp.h.  Cells are read through cell_clean and
 * cell_unneutralize (csvread_open_cells applies both while it parses
 * ahead, in its own thread), so what our exporter wrote comes back byte
 * for byte and what a shop wrote (="...", a leading tab) comes back
 * clean.
 */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sync/cell.h"
#include "sync/imp.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/text.h"
#include "util/xalloc.h"

int
imp_fault(struct imp *im, enum status st)
{
	switch (st) {
	case ST_ERROR: case ST_NOMEM: case ST_IO: case ST_FULL:
	case ST_READONLY: case ST_BUSY: case ST_CORRUPT:
		if (im->fault == ST_OK)
			im->fault = st;
		return 1;
	default:
		return 0;
	}
}

void
imp_problem(struct imp *im, long line, const char *column, const char *fmt, ...)
{
	va_list ap;

	if (line > 0)
		fprintf(im->err, "%s:%ld: ", im->path, line);
	else
		fprintf(im->err, "%s: ", im->path);
	if (column != NULL)
		fprintf(im->err, "%s: ", column);
	va_start(ap, fmt);
	vfprintf(im->err, fmt, ap);
	va_end(ap);
	fputc('\n', im->err);
	im->problems++;
}

void
imp_say(struct imp *im, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(im->out, fmt, ap);
	va_end(ap);
}

void
imp_close(struct imp *im)
{
	csvread_free(im->r);
	im->r = NULL;
	im->rec = NULL;
	if (im->colname != NULL)
		for (size_t i = 0; i < im->nspec; i++)
			free(im->colname[i]);
	free(im->colname);
	free(im->index);
	im->colname = NULL;
	im->index = NULL;
}

/* Keep the file's own name of each column for messages. */
static void
name_columns(struct imp *im, const struct csvread_record *hdr)
{
	im->colname = xcalloc(im->nspec, sizeof *im->colname);
	for (size_t i = 0; i < im->nspec; i++) {
		int f = im->index[i];

		if (f >= 0) {
			char *c =
			    cell_clean(hdr->fields[f], hdr->lens[f], NULL);
			/* The file's own text, without a BOM or spaces. */
			char *h = text_trim(c);

			if (strncmp(h, "\xef\xbb\xbf", 3) == 0)
				memmove(h, h + 3, strlen(h + 3) + 1);
			im->colname[i] = text_sanitize_str(h);
			free(h);
			free(c);
		} else
			im->colname[i] = xstrdup(im->spec[i].name);
	}
}

enum status
imp_open(struct imp *im, const char *path, const struct header_col *spec,
    size_t n, int must_match)
{
	const struct csvread_record *hdr;
	char *err = NULL, *warn = NULL;
	enum status st;

	imp_close(im);
	im->path = path;
	st = csvread_open_cells(path, im->o->enc, NULL, &im->r, &err);
	if (st != ST_OK) {
		fprintf(im->err, "%s\n", err);
		im->problems++;
		free(err);
		return st;
	}
	st = csvread_next(im->r, &hdr);
	if (st != ST_OK || hdr == NULL) {
		if (st != ST_OK)
			fprintf(im->err, "%s\n", csvread_error(im->r));
		else
			imp_problem(im, 0, NULL, _("the file is empty"));
		if (st != ST_OK)
			im->problems++;
		imp_close(im);
		return st != ST_OK ? st : ST_INVALID;
	}
	im->spec = spec;
	im->nspec = n;
	im->nhead = hdr->nfields;
	im->index = xcalloc(n, sizeof *im->index);
	st = header_match(path, hdr, spec, n, im->index, &warn, &err);
	if (st != ST_OK) {
		if (must_match) {
			fprintf(im->err, "%s\n", err);
			im->problems++;
		} else
			st = ST_NOT_FOUND;
		free(err);
		free(warn);
		imp_close(im);
		return st;
	}
	if (warn != NULL && !im->quiet)
		fputs(warn, im->err);
	free(warn);
	name_columns(im, hdr);
	return ST_OK;
}

int
imp_next(struct imp *im)
{
	const struct csvread_record *rec;

	if (im->fault != ST_OK)
		return 0; /* the import fails with it: read no further */
	for (;;) {
		enum status st = csvread_next(im->r, &rec);

		if (st != ST_OK) {
			fprintf(im->err, "%s\n", csvread_error(im->r));
			im->problems++;
			return -1;
		}
		if (rec == NULL)
			return 0;
		im->rec = rec;
		im->line = rec->line;
		if (im->progress != NULL &&
		    ++im->rows_read % IMP_PROGRESS_EVERY == 0)
			im->progress(im->progress_arg, im->path, im->line);
		if (rec->nfields == im->nhead)
			return 1;
		imp_problem(im, rec->line, NULL,
		    P_("the row has %zu field; the header has %zu",
			"the row has %zu fields; the header has %zu",
			rec->nfields),
		    rec->nfields, im->nhead);
	}
}

int
imp_has(const struct imp *im, int c)
{
	return im->index[c] >= 0;
}

char *
imp_text(struct imp *im, int c, int required, unsigned *flags)
{
	int f = im->index[c];
	char *s;

	if (flags != NULL)
		*flags = 0;
	if (f < 0)
		s = xstrdup("");
	else {
		s = xstrdup(im->rec->cells[f]);
		if (flags != NULL)
			*flags = im->rec->cell_flags[f];
	}
	if (required && *s == '\0') {
		imp_problem(im, im->line, im->colname[c], "%s",
		    _(num_err_message(NUM_EMPTY)));
		free(s);
		return NULL;
	}
	return s;
}

char *
imp_id(struct imp *im, int c, int required)
{
	char *s = imp_text(im, c, required, NULL);
	const char *why;

	if (s == NULL || (why = cell_text_problem(s)) == NULL)
		return s;
	char *shown = text_sanitize_str(s);

	imp_problem(im, im->line, im->colname[c], "'%s' %s", shown, why);
	free(shown);
	free(s);
	return NULL;
}

/* Report e for the cell text s of column c. */
static int
num_problem(struct imp *im, int c, const char *s, enum num_err e)
{
	char *shown = text_sanitize_str(s);

	if (*s == '\0')
		imp_problem(
		    im, im->line, im->colname[c], "%s", _(num_err_message(e)));
	else
		imp_problem(im, im->line, im->colname[c], "'%s' %s", shown,
		    _(num_err_message(e)));
	free(shown);
	return 0;
}

static int
imp_number(struct imp *im, int c, int required, int64_t dflt, int64_t *out,
    enum num_err (*parse)(const char *, int, int64_t *))
{
	char *s = imp_text(im, c, required, NULL);
	enum num_err e;
	int ok;

	if (s == NULL)
		return 0;
	if (*s == '\0') {
		*out = dflt;
		free(s);
		return 1;
	}
	e = parse(s, 0, out);
	ok = e == NUM_OK ? 1 : num_problem(im, c, s, e);
	free(s);
	return ok;
}

int
imp_money(struct imp *im, int c, int required, int64_t dflt, int64_t *out)
{
	return imp_number(im, c, required, dflt, out, money_parse);
}

int
imp_qty(struct imp *im, int c, int required, int64_t dflt, int64_t *out)
{
	return imp_number(im, c, required, dflt, out, qty_parse);
}

int
imp_date(
    struct imp *im, int c, int required, int with_time, char *buf, size_t n)
{
	char *s = imp_text(im, c, required, NULL);
	enum num_err e;
	int ok;

	buf[0] = '\0';
	if (s == NULL)
		return 0;
	if (*s == '\0') {
		free(s);
		return 1;
	}
	e = with_time ? datetime_parse(s, buf, n) : date_parse(s, buf, n);
	ok = e == NUM_OK ? 1 : num_problem(im, c, s, e);
	free(s);
	return ok;
}
