/*
 * memrows.h - rows held in memory, served to the table widget through
 * its fetch callback: for lists that are already complete when shown (a
 * report, the lines of an import's dry run).  The row key is the row's
 * index.  A search keeps the rows where any cell contains the folded
 * search text.
 */
#ifndef COOPSTOCK_UI_MEMROWS_H
#define COOPSTOCK_UI_MEMROWS_H

#include <stddef.h>

#include "ui/table.h"

struct memrows {
	size_t ncols;
	size_t nrows;
	char **cells; /* nrows * ncols, owned */
};

/* Make m empty with ncols columns. */
void memrows_init(struct memrows *m, size_t ncols);

/* Append a row of m->ncols cells (copied; NULL is ""). */
void memrows_add(struct memrows *m, const char *const *cells);

/* Free the cells and empty m.  NULL is ignored. */
void memrows_clear(struct memrows *m);

/* A ui_table_fetch_fn over ctx, a struct memrows. */
int memrows_fetch(void *ctx, const struct ui_table_query *q, const char *from,
    int dir, int max, struct ui_table_batch *b);

#endif
