/*
 * app.h - the full-screen application: terminal setup, the screen stack
 * and the one input loop.
 *
 * The loop is the only place that talks to the terminal.  Each turn it
 * handles a pending signal, redraws exactly what the last key's flags
 * asked for, calls doupdate() once and flushes the output once (one
 * write(), so one packet over SSH), then blocks in wget_wch() for the
 * next key.  There are no timers: nothing is written while the clerk
 * thinks.  Signal handlers only set flags; SIGWINCH re-lays out every
 * screen, SIGHUP/SIGTERM/SIGINT or a terminal that stops answering call
 * each screen's hangup callback, restore the terminal and exit.
 *
 * Layout at 80x24: row 0 the title, row 1 a rule, rows 2..21 the top
 * screen's body, row 22 the message line, row 23 the key bar.  Below
 * 80x24 only "Terminal too small" is drawn.
 */
#ifndef COOPSTOCK_UI_APP_H
#define COOPSTOCK_UI_APP_H

#include "ui/screen.h"

/* The smallest terminal the screens are laid out for. */
#define UI_MIN_COLS 80
#define UI_MIN_LINES 24

struct ui;

/*
 * Take over the terminal on stdin/stdout: newterm() with a large, fully
 * buffered output stream, raw keys, Esc delay 25 ms, colours only when
 * the terminal has them and $NO_COLOR is unset, signal handlers, and a
 * fatal() cleanup that ends curses first.  Calls fatal() when the
 * terminal cannot be used ($TERM unknown).  Only one ui may exist.
 */
struct ui *ui_new(void);

/* Close every screen (close callbacks, top first), restore the terminal
 * and free ui.  NULL is ignored. */
void ui_free(struct ui *ui);

/*
 * Open screen sc on top of the stack with arg passed to its open
 * callback.  Returns the new view, or NULL when open refused.  The top
 * is redrawn at the next loop turn.
 */
struct ui_view *ui_push(struct ui *ui, const struct screen *sc, void *arg);

/* Close the top screen now (its close callback runs); no-op when empty. */
void ui_pop(struct ui *ui);

/* The top view, or NULL when the stack is empty. */
struct ui_view *ui_top(struct ui *ui);

/*
 * Run the loop until the stack is empty or a screen or key asked to quit.
 * Returns 0.  (A hangup never returns: it exits the process.)
 */
int ui_run(struct ui *ui);

/*
 * Run the loop until view v has been popped (or quit was asked), for
 * modal dialogs: the caller pushes v, runs this, then reads the answer.
 */
void ui_run_modal(struct ui *ui, struct ui_view *v);

/* 1 once quit has been asked (F10, Ctrl-X, UI_QUIT), else 0. */
int ui_quitting(const struct ui *ui);

/*
 * Show a message on the message line until the next key (printf format;
 * the result is sanitized when drawn).  ui_error() shows it in the error
 * style.  Both may be called from any callback.
 */
void ui_message(struct ui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ui_error(struct ui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The message now shown ("" when none); valid until the next change. */
const char *ui_message_text(const struct ui *ui);

/* Set v's title (printf format; sanitized when drawn). */
void ui_view_set_title(struct ui_view *v, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Set who is at the terminal and where, for the title line (copied;
 * NULL or "" leaves the part out). */
void ui_set_identity(struct ui *ui, const char *clerk, const char *site);

/*
 * Set what Ctrl-W (switch clerk) does, from any screen: fn(ui, arg) runs
 * between two keys and may push dialogs.  Without it Ctrl-W says it is
 * not available.
 */
void ui_set_switch_clerk(
    struct ui *ui, void (*fn)(struct ui *ui, void *arg), void *arg);

/* Ask for a full redraw of everything at the next loop turn. */
void ui_redraw_all(struct ui *ui);

/*
 * Lock the terminal after seconds without a key (0: never): fn(ui, arg)
 * then runs instead of the key that ended the gap, and may push dialogs
 * (ask for the PIN).  There is no timer: the gap is measured when the
 * next key arrives, so an idle terminal is sent nothing at all; the
 * screen behind stays visible until that key.  Neither fn nor the
 * switch-clerk callback runs while the other is running.
 */
void ui_set_idle_lock(struct ui *ui, long seconds,
    void (*fn)(struct ui *ui, void *arg), void *arg);

#endif
