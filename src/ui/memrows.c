/*
 * memrows.c - see memrows.h.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/memrows.h"
#include "util/text.h"
#include "util/xalloc.h"

void
memrows_init(struct memrows *m, size_t ncols)
{
	m->ncols = ncols;
	m->nrows = 0;
	m->cells = NULL;
}

void
memrows_add(struct memrows *m, const char *const *cells)
{
	m->cells =
	    xrealloc(m->cells, (m->nrows + 1) * m->ncols * sizeof *m->cells);
	for (size_t i = 0; i < m->ncols; i++)
		m->cells[m->nrows * m->ncols + i] =
		    xstrdup(cells[i] != NULL ? cells[i] : "");
	m->nrows++;
}

void
memrows_clear(struct memrows *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->nrows * m->ncols; i++)
		free(m->cells[i]);
	free(m->cells);
	m->cells = NULL;
	m->nrows = 0;
}

/* 1 if a cell of row r contains needle (folded). */
static int
row_matches(const struct memrows *m, size_t r, const char *needle)
{
	int hit = 0;

	for (size_t c = 0; c < m->ncols && !hit; c++) {
		char *hay = text_fold(m->cells[r * m->ncols + c]);

		hit = strstr(hay, needle) != NULL;
		free(hay);
	}
	return hit;
}

int
memrows_fetch(void *ctx, const struct ui_table_query *q, const char *from,
    int dir, int max, struct ui_table_batch *b)
{
	const struct memrows *m = ctx;
	long pos = from != NULL ? strtol(from, NULL, 10) + dir
				: (dir > 0 ? 0 : (long)m->nrows - 1);
	char *needle = text_fold(q->search);

	for (; pos >= 0 && pos < (long)m->nrows && max > 0; pos += dir) {
		char key[24];

		if (needle[0] != '\0' && !row_matches(m, (size_t)pos, needle))
			continue;
		snprintf(key, sizeof key, "%ld", pos);
		ui_table_batch_add(b, key,
		    (const char *const *)&m->cells[(size_t)pos * m->ncols], 0);
		max--;
	}
	free(needle);
	return 0;
}
