/*
 * table.h - the one list widget: every list screen (products, orders,
 * members, clerks, ...) is this widget plus a fetch callback.
 *
 * Like tmux's mode-tree the widget owns the drawing and the keys and the
 * screen owns the data; unlike it, the widget never holds the whole list.
 * Rows come through keyset paging: the callback is asked for up to N rows
 * after (or before) the row with a given key, in the current sort order,
 * filtered by the current search text.  The widget keeps at most three
 * pages of rows and drops the far end when it fetches more, so memory and
 * work per keystroke do not grow with the table (End asks for the last
 * page directly; it does not walk there).
 *
 * The cursor is a one-column '>' marker, not a reverse-video row: moving
 * it rewrites two cells instead of two lines (~50 bytes a move instead of
 * ~224 on the wire).  '/' opens a search line and each typed character
 * refetches; 'o' switches the sort to the next sortable column.
 *
 * Layout of its rectangle: a header row, the rows, and a last line for the
 * search text, the sort and the row position.
 */
#ifndef COOPSTOCK_UI_TABLE_H
#define COOPSTOCK_UI_TABLE_H

#include <stddef.h>

#include "ui/screen.h"

enum ui_col_flags {
	UI_COL_RIGHT = 1 << 0,   /* align right (numbers, money) */
	UI_COL_SORTABLE = 1 << 1 /* 'o' can sort by this column */
};

struct ui_column {
	const char *title; /* marked N_(), translated when drawn */
	int width;         /* columns, or 0 to share what is left */
	unsigned flags;    /* enum ui_col_flags */
};

/* What the rows must match, passed to every fetch. */
struct ui_table_query {
	const char *search; /* what the clerk typed after '/'; "" for all */
	size_t sort;        /* index of the column to sort by */
};

/* Row flags. */
enum ui_row_flags {
	UI_ROW_BOLD = 1 << 0 /* draw the row in bold (needs attention) */
};

/* Where a fetch callback delivers rows (owned by the widget). */
struct ui_table_batch;

/*
 * Deliver one row: key is the row's opaque keyset cursor (for example
 * "sort value \x1f id"), which comes back as `from` in later fetches;
 * cells has one string per column (raw text: the widget sanitizes it;
 * NULL is ""); flags are enum ui_row_flags.  Everything is copied.  Rows
 * past the number asked for are ignored.
 */
void ui_table_batch_add(struct ui_table_batch *b, const char *key,
    const char *const *cells, unsigned flags);

/*
 * A fetch callback: deliver into b up to max rows matching q, nearest
 * first, that come strictly after (dir > 0) or before (dir < 0) the row
 * whose key is from in q's order.  from NULL means from the first row
 * (dir > 0) or from the last (dir < 0, so the last row comes first).
 * Return 0, or -1 on failure after reporting it (ui_error()).
 */
typedef int (*ui_table_fetch_fn)(void *ctx, const struct ui_table_query *q,
    const char *from, int dir, int max, struct ui_table_batch *b);

struct ui_table;

/*
 * Create a table of ncols columns (cols is copied, titles must be static)
 * reading rows through fetch(ctx, ...).  Sorted by the first sortable
 * column.  Nothing is fetched before ui_table_layout().  Free with
 * ui_table_free().
 */
struct ui_table *ui_table_new(const struct ui_column *cols, size_t ncols,
    ui_table_fetch_fn fetch, void *ctx);

/* Free t and its rows; NULL is ignored. */
void ui_table_free(struct ui_table *t);

/* The message shown when there are no rows and no search (copied;
 * default "There is nothing here yet."). */
void ui_table_set_empty(struct ui_table *t, const char *msg);

/* Place t in r and refetch the rows around the current one. */
void ui_table_layout(struct ui_table *t, struct ui_rect r);

/* Refetch from the first row (the data changed under the list). */
void ui_table_reload(struct ui_table *t);

/* Refetch the page now shown, keeping the cursor's place (after an edit). */
void ui_table_refresh(struct ui_table *t);

/* Draw t in its rectangle. */
void ui_table_draw(const struct ui_table *t);

/*
 * Handle a key: movement (up, down, page, first, last), find and the
 * search line's typing, sort.  Returns UI_DRAW_BODY when something
 * changed, UI_HANDLED when the key was used without a visible change
 * (Down on the last row), UI_UNHANDLED for keys the screen should handle
 * (Enter, Esc when no search is open, its own actions).
 */
unsigned ui_table_key(struct ui_table *t, const struct ui_event *ev);

/* Put the terminal cursor on the search line and return 1 while the
 * clerk types a search; else return 0 (cursor hidden). */
int ui_table_cursor(const struct ui_table *t);

/* Key of the row under the cursor, or NULL when the list is empty.
 * Valid until the next call on t. */
const char *ui_table_current(const struct ui_table *t);

/* Cell col of the row under the cursor (raw, as fetched), or NULL. */
const char *ui_table_current_cell(const struct ui_table *t, size_t col);

/* The current search text ("" when none) and sort column. */
const char *ui_table_search(const struct ui_table *t);
size_t ui_table_sort(const struct ui_table *t);

/* Rows now held in memory (for tests: bounded by three pages). */
size_t ui_table_rows_held(const struct ui_table *t);

#endif
