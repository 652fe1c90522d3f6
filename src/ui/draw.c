/*
 * draw.c - see draw.h.  All output goes to stdscr through waddstr() of
 * strings text_fit() made, so a string can neither carry a control
 * sequence nor spill past its field.
 */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static attr_t styles[UI_STYLE_COUNT];

void
ui_draw_init(int with_color)
{
	styles[UI_STYLE_NORMAL] = A_NORMAL;
	styles[UI_STYLE_TITLE] = A_REVERSE;
	styles[UI_STYLE_HEADER] = A_BOLD;
	styles[UI_STYLE_KEY] = A_BOLD;
	styles[UI_STYLE_ERROR] = A_BOLD;
	styles[UI_STYLE_MARK] = A_BOLD;
	if (with_color) {
		init_pair(1, COLOR_RED, -1);
		init_pair(2, COLOR_BLUE, -1);
		styles[UI_STYLE_ERROR] |= COLOR_PAIR(1);
		styles[UI_STYLE_KEY] |= COLOR_PAIR(2);
	}
}

attr_t
ui_style_attr(enum ui_style s)
{
	if ((int)s < 0 || s >= UI_STYLE_COUNT)
		s = UI_STYLE_NORMAL;
	return styles[s];
}

void
ui_put(int y, int x, int w, const char *s, enum text_align al, enum ui_style st)
{
	char *f;

	if (y < 0 || y >= LINES || x < 0 || x >= COLS || w <= 0)
		return;
	if (w > COLS - x)
		w = COLS - x;
	f = text_fit(s, w, al, 1);
	attrset(ui_style_attr(st));
	/* The bottom-right cell cannot be written without scrolling on
	 * some terminals; curses returns ERR there but still draws. */
	mvaddstr(y, x, f);
	attrset(A_NORMAL);
	free(f);
}

void
ui_putf(int y, int x, int w, enum text_align al, enum ui_style st,
    const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	ui_put(y, x, w, s, al, st);
	free(s);
}

/* A rectangle that reaches the right edge is cleared with clrtoeol():
 * the same blank cells as a line of spaces, without the multibyte
 * decoding waddstr() does per cell (0.7 of the 11 million instructions
 * coopstock spent up to its first screen). */
void
ui_clear_rect(struct ui_rect r)
{
	for (int i = 0; i < r.h; i++) {
		int y = r.y + i;

		if (r.x + r.w < COLS || y < 0 || y >= LINES || r.x < 0 ||
		    r.x >= COLS || r.w <= 0) {
			ui_put(y, r.x, r.w, "", TEXT_LEFT, UI_STYLE_NORMAL);
			continue;
		}
		attrset(A_NORMAL);
		move(y, r.x);
		clrtoeol();
	}
}

void
ui_draw_rule(int y, int w)
{
	if (y < 0 || y >= LINES)
		return;
	mvhline(y, 0, '-', w < COLS ? w : COLS);
}

void
ui_draw_title(int w, const char *title, const char *clerk, const char *site)
{
	char *left, *right;
	int lw, rw;

	left = xasprintf(" coopstock  %s", title ? title : "");
	if (clerk != NULL && *clerk != '\0')
		right = xasprintf(
		    site && *site ? _("Clerk: %s  [%s] ") : _("Clerk: %s "),
		    clerk, site ? site : "");
	else
		right = xasprintf("%s%s%s ", site && *site ? "[" : "",
		    site ? site : "", site && *site ? "]" : "");
	rw = text_width(right);
	lw = w - rw;
	if (lw < text_width(left) && lw < 40) {
		/* Too narrow for both: the screen title matters more. */
		rw = 0;
		lw = w;
	}
	ui_put(0, 0, lw, left, TEXT_LEFT, UI_STYLE_TITLE);
	if (rw > 0)
		ui_put(0, lw, rw, right, TEXT_RIGHT, UI_STYLE_TITLE);
	free(left);
	free(right);
}

/* One key bar item: the key text, the translated label and their widths. */
struct bar_item {
	char key[32];
	const char *label;
	int kw, lw;
};

/* Labels are not cut below this many columns: items go first. */
#define LABEL_MIN_COLS 6

/* Movement keys are in F1 help, not on the bar: every list has them. */
static int
bar_shows(enum ui_action a)
{
	switch (a) {
	case UI_ACT_UP:
	case UI_ACT_DOWN:
	case UI_ACT_PGUP:
	case UI_ACT_PGDN:
	case UI_ACT_HOME:
	case UI_ACT_END:
	case UI_ACT_REFRESH:
		return 0;
	default:
		return 1;
	}
}

static int
bar_width(const struct bar_item *it, size_t keep, int l)
{
	int total = 0;

	for (size_t i = 0; i < keep; i++) {
		int lw = it[i].lw < l ? it[i].lw : l;

		total += 1 + it[i].kw + (lw > 0 ? 1 + lw : 0) + (i ? 1 : 0);
	}
	return total;
}

/*
 * Lay out the key bar: fill items with the actions shown, set *n to how
 * many fit in w columns and *lmax to the widest label allowed.  Labels
 * are shortened down to LABEL_MIN_COLS first, then items are dropped
 * from the end (screens list their actions most important first), then
 * labels go altogether.
 */
static void
keybar_layout(int w, const enum ui_action *acts, struct bar_item *it, size_t *n,
    int *lmax)
{
	int widest = 0;
	size_t m = 0;

	for (size_t i = 0; acts != NULL && acts[i] != UI_ACT_NONE; i++) {
		if (!bar_shows(acts[i]))
			continue;
		ui_action_bar_key(acts[i], it[m].key, sizeof(it[m].key));
		it[m].label = _(ui_action_label(acts[i]));
		it[m].kw = text_width(it[m].key);
		it[m].lw = text_width(it[m].label);
		if (it[m].lw > widest)
			widest = it[m].lw;
		m++;
	}
	for (size_t keep = m; keep > 0; keep--)
		for (int l = widest; l >= LABEL_MIN_COLS || l == widest; l--)
			if (bar_width(it, keep, l) <= w) {
				*n = keep;
				*lmax = l;
				return;
			}
	*lmax = 0;
	for (*n = m; *n > 0 && bar_width(it, *n, 0) > w; (*n)--)
		;
}

char *
ui_keybar_text(int w, const enum ui_action *acts)
{
	size_t n = ui_actions_count(acts), keep, len = 0;
	struct bar_item *it = xcalloc(n ? n : 1, sizeof(*it));
	int lmax;
	char *out = xmalloc((size_t)(w > 0 ? w : 0) * 4 + 1);

	keybar_layout(w, acts, it, &keep, &lmax);
	out[0] = '\0';
	for (size_t i = 0; i < keep; i++) {
		int lw = it[i].lw < lmax ? it[i].lw : lmax;
		size_t lb = text_prefix_bytes(it[i].label, lw);

		len += (size_t)sprintf(out + len, "%s %s%s%.*s", i ? " " : "",
		    it[i].key, lw > 0 ? " " : "", (int)lb, it[i].label);
	}
	free(it);
	return out;
}

void
ui_draw_keybar(int y, int w, const enum ui_action *acts)
{
	size_t n = ui_actions_count(acts), keep;
	struct bar_item *it = xcalloc(n ? n : 1, sizeof(*it));
	int lmax, x = 0;

	keybar_layout(w, acts, it, &keep, &lmax);
	for (size_t i = 0; i < keep; i++) {
		int lw = it[i].lw < lmax ? it[i].lw : lmax;
		int sp = i ? 2 : 1;

		ui_put(y, x, sp, "", TEXT_LEFT, UI_STYLE_NORMAL);
		x += sp;
		ui_put(y, x, it[i].kw, it[i].key, TEXT_LEFT, UI_STYLE_KEY);
		x += it[i].kw;
		if (lw > 0) {
			ui_put(y, x, 1 + lw, "", TEXT_LEFT, UI_STYLE_NORMAL);
			char *cut = xstrndup(
			    it[i].label, text_prefix_bytes(it[i].label, lw));

			ui_put(y, x + 1, lw, cut, TEXT_LEFT, UI_STYLE_NORMAL);
			free(cut);
			x += 1 + lw;
		}
	}
	/* Never write the bottom-right cell: it scrolls a vt100. */
	if (x < w - 1)
		ui_put(y, x, w - 1 - x, "", TEXT_LEFT, UI_STYLE_NORMAL);
	free(it);
}

/* Append line [s, s+len) to the growing array. */
static void
wrap_add(char ***lines, size_t *n, const char *s, size_t len)
{
	*lines = xrealloc(*lines, (*n + 1) * sizeof(**lines));
	(*lines)[(*n)++] = xstrndup(s, len);
}

/* Wrap one paragraph (no newline) into lines. */
static void
wrap_para(const char *p, int w, char ***lines, size_t *n)
{
	do {
		size_t cut = text_prefix_bytes(p, w), next;

		if (p[cut] != '\0') {
			size_t sp = cut;

			while (sp > 0 && p[sp] != ' ')
				sp--;
			if (sp > 0)
				cut = sp;
		}
		if (cut == 0 && p[0] != '\0') {
			uint32_t cp;
			size_t l = utf8_decode(p, strlen(p), &cp);

			cut = l ? l : 1; /* narrower than one character */
		}
		wrap_add(lines, n, p, cut);
		next = cut;
		while (p[next] == ' ')
			next++;
		p += next;
	} while (*p != '\0');
}

char **
ui_wrap(const char *s, int w, size_t *n)
{
	char **lines = NULL;
	const char *p = s ? s : "";

	/* Split at newlines before sanitizing, which would show them as ␊. */
	*n = 0;
	if (w < 1)
		w = 1;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *para = text_sanitize(p, len);

		wrap_para(para, w, &lines, n);
		free(para);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	return lines;
}

void
ui_wrap_free(char **lines, size_t n)
{
	for (size_t i = 0; lines != NULL && i < n; i++)
		free(lines[i]);
	free(lines);
}
