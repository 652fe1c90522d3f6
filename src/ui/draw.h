/*
 * draw.h - putting text on the screen, safely and by display width.
 *
 * Every string the UI shows passes through here: it is sanitized and cut
 * or padded to an exact number of columns with text_fit(), so a product
 * name full of escape sequences shows as placeholders (␛) and 王芳 takes
 * its four columns.  Drawing is into curses' stdscr only; the app loop
 * decides when to send it (one doupdate() per input wait).
 *
 * Styles are named, not raw attributes, so monochrome stays readable:
 * each style is bold, reverse or underline first and gets a colour only
 * when ui_draw_init() was told the terminal has colours to spare.
 */
#ifndef COOPSTOCK_UI_DRAW_H
#define COOPSTOCK_UI_DRAW_H

#include "ui/keys.h"
#include "util/text.h"

/* A rectangle of the screen, in rows and columns. */
struct ui_rect {
	int y, x, h, w;
};

enum ui_style {
	UI_STYLE_NORMAL,
	UI_STYLE_TITLE,  /* the title line: reverse */
	UI_STYLE_HEADER, /* column headers and field labels: bold */
	UI_STYLE_KEY,    /* key names on the key bar: bold */
	UI_STYLE_ERROR,  /* error messages: bold (red with colours) */
	UI_STYLE_MARK,   /* a row that needs attention: bold */
	UI_STYLE_COUNT
};

/* Choose the attributes of the styles; with_color nonzero only when the
 * terminal has colours and NO_COLOR is unset (start_color() done). */
void ui_draw_init(int with_color);

/* The curses attributes of style s. */
attr_t ui_style_attr(enum ui_style s);

/*
 * Put s (raw: sanitized here) at y,x in exactly w columns, aligned by al,
 * cut with a '~' when too long, in style st.  Nothing happens when w <= 0
 * or the position is off the screen; the text never runs past column
 * x + w or the screen's edge.
 */
void ui_put(
    int y, int x, int w, const char *s, enum text_align al, enum ui_style st);

/* As ui_put() with a printf format; the formatted result is sanitized. */
void ui_putf(int y, int x, int w, enum text_align al, enum ui_style st,
    const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Blank the rectangle r. */
void ui_clear_rect(struct ui_rect r);

/*
 * Draw a horizontal rule of '-' across row y, columns 0..w-1.  ASCII on
 * purpose: line-drawing characters cost charset switches on every use
 * and show as "qqqq" where the switch is not honoured (TERM=vt100 inside
 * tmux, some SSH clients).
 */
void ui_draw_rule(int y, int w);

/*
 * Draw the title line on row 0, w columns:
 * " coopstock  TITLE          Clerk: CLERK  [SITE]"; clerk and site may be
 * NULL or "" (left out).  The right part is dropped first when w is short.
 */
void ui_draw_title(
    int w, const char *title, const char *clerk, const char *site);

/*
 * Draw the key bar on row y, w columns: "KEY Label" for each action of
 * acts (ended by UI_ACT_NONE) except the movement keys (they are in F1
 * help), labels translated.  When the items do not fit, labels are
 * shortened to 6 columns (never inside a wide character), then items are
 * dropped from the end (list actions most important first); the last
 * column and the rest of the row stay blank.
 */
void ui_draw_keybar(int y, int w, const enum ui_action *acts);

/*
 * Build the key bar text for acts in w columns, as ui_draw_keybar() would
 * show it, without styles.  Caller frees.  (For tests and the help.)
 */
char *ui_keybar_text(int w, const enum ui_action *acts);

/*
 * Wrap s (raw: sanitized here) into lines of at most w display columns,
 * breaking at ASCII spaces where possible and anywhere between
 * characters otherwise (Chinese has no spaces); '\n' starts a new line.
 * Returns a new array of *n new strings; free with ui_wrap_free().
 */
char **ui_wrap(const char *s, int w, size_t *n);

/* Free what ui_wrap() returned (NULL is ignored). */
void ui_wrap_free(char **lines, size_t n);

#endif
