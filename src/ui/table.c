/*
 * table.c - see table.h.
 *
 * The rows in memory are a window rows[0..n) onto the filtered, sorted
 * list; top is the first row shown and cur the cursor, both indexes into
 * that window.  at_start/at_end say whether the window touches the ends
 * of the list (learned when a fetch returned fewer rows than asked).
 * Moving past the window fetches one more page on that side and drops
 * rows on the other side beyond three pages.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ui/table.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Column gap, and the marker column with its space. */
#define GAP 2
#define MARK_COLS 2

struct row {
	char *key;
	char **cells;
	unsigned flags;
};

struct ui_table_batch {
	struct row *rows;
	int n, max;
	size_t ncols;
};

struct ui_table {
	struct ui_column *cols;
	int *colw; /* computed widths */
	size_t ncols;
	ui_table_fetch_fn fetch;
	void *ctx;
	char *empty;
	char *search;
	size_t sort;
	int searching;
	struct ui_rect r;
	int page; /* data rows shown */
	struct row *rows;
	size_t n, cap, top, cur;
	int at_start, at_end;
};

static void
row_free(struct row *rw, size_t ncols)
{
	free(rw->key);
	for (size_t i = 0; i < ncols; i++)
		free(rw->cells[i]);
	free(rw->cells);
}

void
ui_table_batch_add(struct ui_table_batch *b, const char *key,
    const char *const *cells, unsigned flags)
{
	struct row *rw;

	if (b->n >= b->max)
		return;
	rw = &b->rows[b->n++];
	rw->key = xstrdup(key ? key : "");
	rw->cells = xcalloc(b->ncols, sizeof(*rw->cells));
	for (size_t i = 0; i < b->ncols; i++)
		rw->cells[i] = xstrdup(cells && cells[i] ? cells[i] : "");
	rw->flags = flags;
}

struct ui_table *
ui_table_new(const struct ui_column *cols, size_t ncols,
    ui_table_fetch_fn fetch, void *ctx)
{
	struct ui_table *t = xcalloc(1, sizeof(*t));

	t->cols = xcalloc(ncols, sizeof(*cols));
	memcpy(t->cols, cols, ncols * sizeof(*cols));
	t->colw = xcalloc(ncols, sizeof(*t->colw));
	t->ncols = ncols;
	t->fetch = fetch;
	t->ctx = ctx;
	t->empty = xstrdup(_("There is nothing here yet."));
	t->search = xstrdup("");
	for (size_t i = ncols; i > 0; i--)
		if (cols[i - 1].flags & UI_COL_SORTABLE)
			t->sort = i - 1;
	return t;
}

static void
clear_rows(struct ui_table *t)
{
	for (size_t i = 0; i < t->n; i++)
		row_free(&t->rows[i], t->ncols);
	t->n = t->top = t->cur = 0;
	t->at_start = t->at_end = 1;
}

void
ui_table_free(struct ui_table *t)
{
	if (t == NULL)
		return;
	clear_rows(t);
	free(t->rows);
	free(t->cols);
	free(t->colw);
	free(t->empty);
	free(t->search);
	free(t);
}

void
ui_table_set_empty(struct ui_table *t, const char *msg)
{
	free(t->empty);
	t->empty = xstrdup(msg ? msg : "");
}

/* Fetch up to max rows from key `from` in direction dir into a new batch;
 * returns how many came (the batch rows are handed to the caller). */
static int
fetch(struct ui_table *t, const char *from, int dir, int max,
    struct ui_table_batch *b)
{
	struct ui_table_query q = {t->search, t->sort};

	b->rows = xcalloc((size_t)max, sizeof(*b->rows));
	b->n = 0;
	b->max = max;
	b->ncols = t->ncols;
	if (t->fetch(t->ctx, &q, from, dir, max, b) < 0) {
		for (int i = 0; i < b->n; i++)
			row_free(&b->rows[i], t->ncols);
		b->n = 0;
	}
	return b->n;
}

static void
reserve(struct ui_table *t, size_t n)
{
	/* Never leave rows NULL: memcpy/memmove of 0 rows still need a
	 * valid pointer (UBSan). */
	if (n == 0)
		n = 1;
	if (n > t->cap) {
		t->cap = n;
		t->rows = xrealloc(t->rows, t->cap * sizeof(*t->rows));
	}
}

/* The most rows kept: three pages. */
static size_t
keep_max(const struct ui_table *t)
{
	return (size_t)t->page * 3;
}

/* Fetch one page after the window; drop rows before it beyond keep_max. */
static int
extend_after(struct ui_table *t)
{
	struct ui_table_batch b;
	const char *from = t->n ? t->rows[t->n - 1].key : NULL;
	int got = fetch(t, from, 1, t->page, &b);
	size_t drop;

	reserve(t, t->n + (size_t)got);
	memcpy(t->rows + t->n, b.rows, (size_t)got * sizeof(*b.rows));
	t->n += (size_t)got;
	free(b.rows);
	if (got < t->page)
		t->at_end = 1;
	if (t->n > keep_max(t)) {
		drop = t->n - keep_max(t);
		if (drop > t->top)
			drop = t->top;
		for (size_t i = 0; i < drop; i++)
			row_free(&t->rows[i], t->ncols);
		memmove(
		    t->rows, t->rows + drop, (t->n - drop) * sizeof(*t->rows));
		t->n -= drop;
		t->top -= drop;
		t->cur -= drop;
		if (drop)
			t->at_start = 0;
	}
	return got;
}

/* Fetch one page before the window; drop rows after it beyond keep_max. */
static int
extend_before(struct ui_table *t)
{
	struct ui_table_batch b;
	const char *from = t->n ? t->rows[0].key : NULL;
	int got = fetch(t, from, -1, t->page, &b);
	size_t g = (size_t)got;

	reserve(t, t->n + g);
	memmove(t->rows + g, t->rows, t->n * sizeof(*t->rows));
	for (size_t i = 0; i < g; i++)
		t->rows[g - 1 - i] = b.rows[i];
	free(b.rows);
	t->n += g;
	t->top += g;
	t->cur += g;
	if (got < t->page)
		t->at_start = 1;
	while (t->n > keep_max(t) && t->n > t->top + (size_t)t->page) {
		row_free(&t->rows[--t->n], t->ncols);
		t->at_end = 0;
	}
	return got;
}

/* Clamp top and cur so the cursor is on a row and on the page. */
static void
clamp(struct ui_table *t)
{
	size_t page = (size_t)t->page;

	if (t->n == 0) {
		t->top = t->cur = 0;
		return;
	}
	if (t->cur >= t->n)
		t->cur = t->n - 1;
	if (t->at_end && t->top + page > t->n)
		t->top = t->n > page ? t->n - page : 0;
	if (t->cur < t->top)
		t->top = t->cur;
	if (t->cur >= t->top + page)
		t->top = t->cur - page + 1;
}

void
ui_table_reload(struct ui_table *t)
{
	clear_rows(t);
	t->at_start = 1;
	t->at_end = 0;
	if (t->page > 0)
		extend_after(t);
}

/* Load the last page: End. */
static void
load_end(struct ui_table *t)
{
	clear_rows(t);
	t->at_end = 1;
	t->at_start = 0;
	extend_before(t);
	t->top = t->n > (size_t)t->page ? t->n - (size_t)t->page : 0;
	t->cur = t->n ? t->n - 1 : 0;
}

void
ui_table_refresh(struct ui_table *t)
{
	char *prev = NULL;
	size_t off = t->cur - t->top;
	int had_prev;

	if (t->n == 0 || t->page <= 0) {
		ui_table_reload(t);
		return;
	}
	if (t->top > 0)
		prev = xstrdup(t->rows[t->top - 1].key);
	else if (!t->at_start) {
		struct ui_table_batch b;

		if (fetch(t, t->rows[0].key, -1, 1, &b) == 1)
			prev = xstrdup(b.rows[0].key);
		for (int i = 0; i < b.n; i++)
			row_free(&b.rows[i], t->ncols);
		free(b.rows);
	}
	had_prev = prev != NULL;
	clear_rows(t);
	t->at_start = !had_prev;
	t->at_end = 0;
	if (had_prev) {
		/* A one-row window to fetch after, dropped right away. */
		reserve(t, 1);
		t->rows[0].key = prev;
		t->rows[0].cells = xcalloc(t->ncols, sizeof(char *));
		for (size_t i = 0; i < t->ncols; i++)
			t->rows[0].cells[i] = xstrdup("");
		t->n = 1;
		extend_after(t);
		row_free(&t->rows[0], t->ncols);
		memmove(t->rows, t->rows + 1, (t->n - 1) * sizeof(*t->rows));
		t->n--;
	} else
		extend_after(t);
	if (t->n < (size_t)t->page && !t->at_start)
		extend_before(t);
	t->cur = t->top + off;
	clamp(t);
}

/* Columns left for flexible columns are shared equally. */
static void
compute_widths(struct ui_table *t)
{
	int avail = t->r.w - MARK_COLS - GAP * ((int)t->ncols - 1);
	int fixed = 0, flex = 0;

	for (size_t i = 0; i < t->ncols; i++) {
		if (t->cols[i].width > 0)
			fixed += t->cols[i].width;
		else
			flex++;
	}
	for (size_t i = 0; i < t->ncols; i++) {
		int w = t->cols[i].width;

		if (w <= 0)
			w = flex ? (avail - fixed) / flex : 0;
		t->colw[i] = w > 1 ? w : 1;
	}
}

void
ui_table_layout(struct ui_table *t, struct ui_rect r)
{
	int old = t->page;

	t->r = r;
	t->page = r.h - 2 > 1 ? r.h - 2 : 1;
	compute_widths(t);
	if (old == 0)
		ui_table_reload(t);
	else
		ui_table_refresh(t);
}

/*
 * Move the cursor by delta rows, and the page with it when page_move,
 * fetching what that needs.
 */
static void
move_by(struct ui_table *t, long delta, int page_move)
{
	long page = t->page;

	if (t->n == 0)
		return;
	while (delta > 0 && !t->at_end) {
		long need = (long)t->cur + delta;

		if (page_move && (long)t->top + delta + page - 1 > need)
			need = (long)t->top + delta + page - 1;
		if (need < (long)t->n)
			break;
		if (extend_after(t) == 0)
			break;
	}
	while (delta < 0 && !t->at_start) {
		long need = (long)(page_move ? t->top : t->cur) + delta;

		if (need >= 0)
			break;
		if (extend_before(t) == 0)
			break;
	}
	if (delta < 0 && (long)t->cur + delta < 0)
		t->cur = 0;
	else
		t->cur = (size_t)((long)t->cur + delta);
	if (page_move)
		t->top = (long)t->top + delta < 0
			     ? 0
			     : (size_t)((long)t->top + delta);
	clamp(t);
}

static void
search_changed(struct ui_table *t)
{
	ui_table_reload(t);
}

/* Typing on the search line; returns flags, or UI_UNHANDLED to go on
 * treating the key as a table key (movement ends the typing). */
static unsigned
search_key(struct ui_table *t, const struct ui_event *ev)
{
	int k = ev->key;
	size_t len = strlen(t->search);

	if (ui_key_is_text(k)) {
		char enc[4];
		size_t el = utf8_encode((uint32_t)k, enc);

		t->search = xrealloc(t->search, len + el + 1);
		memcpy(t->search + len, enc, el);
		t->search[len + el] = '\0';
		search_changed(t);
		return UI_DRAW_BODY;
	}
	if (k == 127 || k == 8 || k == UI_KFN + KEY_BACKSPACE) {
		while (len > 0 &&
		       ((unsigned char)t->search[len - 1] & 0xC0) == 0x80)
			len--;
		if (len > 0)
			len--;
		t->search[len] = '\0';
		search_changed(t);
		return UI_DRAW_BODY;
	}
	if (k == UI_CTRL('U') && len > 0) {
		t->search[0] = '\0';
		search_changed(t);
		return UI_DRAW_BODY;
	}
	if (ev->act == UI_ACT_OPEN) {
		t->searching = 0;
		return UI_DRAW_BODY;
	}
	if (ev->act == UI_ACT_BACK) {
		t->searching = 0;
		t->search[0] = '\0';
		search_changed(t);
		return UI_DRAW_BODY;
	}
	if (ev->act == UI_ACT_HELP || ev->act == UI_ACT_QUIT ||
	    ev->act == UI_ACT_REFRESH || ev->act == UI_ACT_SWITCH_CLERK)
		return UI_UNHANDLED;
	t->searching = 0;
	return UI_UNHANDLED;
}

static void
next_sort(struct ui_table *t)
{
	for (size_t i = 1; i <= t->ncols; i++) {
		size_t c = (t->sort + i) % t->ncols;

		if (t->cols[c].flags & UI_COL_SORTABLE) {
			t->sort = c;
			break;
		}
	}
	ui_table_reload(t);
}

unsigned
ui_table_key(struct ui_table *t, const struct ui_event *ev)
{
	size_t top = t->top, cur = t->cur, n = t->n;
	const char *k0 = n ? t->rows[0].key : NULL;
	unsigned f;

	if (t->searching) {
		if ((f = search_key(t, ev)) != UI_UNHANDLED)
			return f;
		/* The typing ended: the search line loses its cursor. */
		if (!t->searching && ev->act == UI_ACT_NONE)
			return UI_DRAW_BODY;
	}
	switch (ev->act) {
	case UI_ACT_UP:
		move_by(t, -1, 0);
		break;
	case UI_ACT_DOWN:
		move_by(t, 1, 0);
		break;
	case UI_ACT_PGUP:
		move_by(t, -t->page, 1);
		break;
	case UI_ACT_PGDN:
		move_by(t, t->page, 1);
		break;
	case UI_ACT_HOME:
		ui_table_reload(t);
		return UI_DRAW_BODY;
	case UI_ACT_END:
		load_end(t);
		return UI_DRAW_BODY;
	case UI_ACT_FIND:
		t->searching = 1;
		return UI_DRAW_BODY;
	case UI_ACT_SORT:
		next_sort(t);
		return UI_DRAW_BODY;
	case UI_ACT_BACK:
		if (t->search[0] == '\0')
			return UI_UNHANDLED;
		t->search[0] = '\0';
		search_changed(t);
		return UI_DRAW_BODY;
	default:
		return UI_UNHANDLED;
	}
	if (top != t->top || cur != t->cur || n != t->n ||
	    (n && k0 != t->rows[0].key))
		return UI_DRAW_BODY;
	return UI_HANDLED;
}

static void
draw_row(const struct ui_table *t, int y, const struct row *rw, int is_cur)
{
	int x = t->r.x + MARK_COLS;
	enum ui_style st =
	    rw->flags & UI_ROW_BOLD ? UI_STYLE_MARK : UI_STYLE_NORMAL;

	/* Plain: bold would add ~14 bytes of attribute changes per move. */
	ui_put(y, t->r.x, MARK_COLS, is_cur ? ">" : "", TEXT_LEFT,
	    UI_STYLE_NORMAL);
	for (size_t i = 0; i < t->ncols; i++) {
		int w = t->colw[i];

		if (i > 0) {
			ui_put(y, x, GAP, "", TEXT_LEFT, UI_STYLE_NORMAL);
			x += GAP;
		}
		if (x + w > t->r.x + t->r.w)
			w = t->r.x + t->r.w - x;
		ui_put(y, x, w, rw->cells[i],
		    t->cols[i].flags & UI_COL_RIGHT ? TEXT_RIGHT : TEXT_LEFT,
		    st);
		x += w;
	}
	if (x < t->r.x + t->r.w)
		ui_put(
		    y, x, t->r.x + t->r.w - x, "", TEXT_LEFT, UI_STYLE_NORMAL);
}

static void
draw_header(const struct ui_table *t)
{
	struct row h;
	char *cells[64];
	size_t n = t->ncols < 64 ? t->ncols : 64;

	for (size_t i = 0; i < n; i++)
		cells[i] = (char *)_(t->cols[i].title);
	h.key = NULL;
	h.cells = cells;
	h.flags = UI_ROW_BOLD;
	draw_row(t, t->r.y, &h, 0);
}

static void
draw_info(const struct ui_table *t)
{
	int y = t->r.y + t->r.h - 1;
	char *sort = xasprintf(_("Sort: %s"), _(t->cols[t->sort].title));
	int sw = text_width(sort) + 1;
	char *find = t->searching || t->search[0]
			 ? xasprintf(_("Find: %s"), t->search)
			 : xstrdup("");

	ui_put(y, t->r.x, t->r.w - sw, find, TEXT_LEFT,
	    t->searching ? UI_STYLE_HEADER : UI_STYLE_NORMAL);
	ui_put(y, t->r.x + t->r.w - sw, sw, sort, TEXT_RIGHT, UI_STYLE_NORMAL);
	free(sort);
	free(find);
}

void
ui_table_draw(const struct ui_table *t)
{
	draw_header(t);
	for (int i = 0; i < t->page; i++) {
		size_t idx = t->top + (size_t)i;
		int y = t->r.y + 1 + i;

		if (idx < t->n)
			draw_row(t, y, &t->rows[idx], idx == t->cur);
		else if (i == 0 && t->n == 0) {
			char *m = t->search[0]
				      ? xasprintf(_("Nothing matches \"%s\"."),
					    t->search)
				      : xstrdup(t->empty);

			ui_put(y, t->r.x + MARK_COLS, t->r.w - MARK_COLS, m,
			    TEXT_LEFT, UI_STYLE_NORMAL);
			free(m);
		} else
			ui_put(
			    y, t->r.x, t->r.w, "", TEXT_LEFT, UI_STYLE_NORMAL);
	}
	draw_info(t);
}

int
ui_table_cursor(const struct ui_table *t)
{
	char *find;
	int x;

	if (!t->searching)
		return 0;
	find = xasprintf(_("Find: %s"), t->search);
	x = t->r.x + text_width(find);
	free(find);
	if (x >= t->r.x + t->r.w - 1)
		x = t->r.x + t->r.w - 1;
	move(t->r.y + t->r.h - 1, x);
	return 1;
}

const char *
ui_table_current(const struct ui_table *t)
{
	return t->n ? t->rows[t->cur].key : NULL;
}

const char *
ui_table_current_cell(const struct ui_table *t, size_t col)
{
	return t->n && col < t->ncols ? t->rows[t->cur].cells[col] : NULL;
}

const char *
ui_table_search(const struct ui_table *t)
{
	return t->search;
}

size_t
ui_table_sort(const struct ui_table *t)
{
	return t->sort;
}

size_t
ui_table_rows_held(const struct ui_table *t)
{
	return t->n;
}
