/*
 * screen.h - what a screen is: a const table of functions (tmux's
 * window_mode, tig's view_ops) and the flags its key handler returns.
 *
 * A screen is written as
 *
 *	const struct screen orders_screen = {
 *		.name = "orders",
 *		.open = orders_open, .close = orders_close,
 *		.draw = orders_draw, .key = orders_key,
 *		.actions = orders_actions, .help = N_("..."),
 *	};
 *
 * and pushed with ui_push().  Each pushed copy is a struct ui_view that
 * holds the screen's private data.  The app owns the title line, the
 * message line and the key bar; a screen draws only inside its body
 * rectangle, and only when the app asks (after the flags it returned say
 * so, after a resize, after Ctrl-L).
 */
#ifndef COOPSTOCK_UI_SCREEN_H
#define COOPSTOCK_UI_SCREEN_H

#include "ui/draw.h"
#include "ui/keys.h"

struct ui;
struct ui_view;

/* What a key handler returns: a bitmask saying what to do next. */
enum ui_flags {
	UI_UNHANDLED = 0,      /* not mine: the app applies global actions */
	UI_HANDLED = 1 << 0,   /* consumed; nothing to redraw */
	UI_DRAW_BODY = 1 << 1, /* redraw this screen's body */
	UI_DRAW_BAR = 1 << 2,  /* redraw the key bar (the actions changed) */
	UI_DRAW_ALL = 1 << 3,  /* redraw everything (title too) */
	UI_POP = 1 << 4,       /* close this screen */
	UI_QUIT = 1 << 5       /* leave the program */
};

/* One key press: the raw key (see keys.h) and the action it maps to on
 * this screen (UI_ACT_NONE when none). */
struct ui_event {
	int key;
	enum ui_action act;
};

struct screen {
	const char *name; /* internal, for logs and tests */
	/* Initial title, marked N_(); ui_view_set_title() changes it. */
	const char *title;
	/*
	 * Set up v (v->data is NULL; set it) from arg.  Return 0, or -1 to
	 * refuse (after showing why with ui_message()); close is then not
	 * called.  Optional.
	 */
	int (*open)(struct ui_view *v, void *arg);
	/* Free v->data.  Optional. */
	void (*close)(struct ui_view *v);
	/* The body rectangle changed (first open and every resize). */
	void (*layout)(struct ui_view *v, struct ui_rect body);
	/* Draw the body (all of it: the app asks only when needed). */
	void (*draw)(struct ui_view *v, struct ui_rect body);
	/* Handle one key; return enum ui_flags bits. */
	unsigned (*key)(struct ui_view *v, const struct ui_event *ev);
	/*
	 * Place the terminal cursor (wmove on stdscr) and return 1 to show
	 * it, or return 0 to hide it.  Optional: hidden.
	 */
	int (*cursor)(struct ui_view *v);
	/*
	 * The line went away (SIGHUP, SIGTERM, the terminal closed): keep a
	 * draft, roll back.  Must not draw or prompt; returns promptly.
	 */
	void (*hangup)(struct ui_view *v);
	/* The actions offered, for the key bar and F1 (UI_ACT_NONE ends). */
	const enum ui_action *actions;
	/* A short how-to shown atop F1 help, marked N_(). */
	const char *help;
	/* Nonzero: drawn over the screen below (dialogs). */
	int overlay;
};

/* One screen on the stack. */
struct ui_view {
	const struct screen *sc;
	struct ui *ui;
	void *data;          /* the screen's own */
	char *title;         /* owned; see ui_view_set_title() */
	struct ui_rect body; /* where the screen draws */
	/* The actions on the key bar now: sc->actions at open; a screen may
	 * point it at another static list and return UI_DRAW_BAR. */
	const enum ui_action *actions;
	unsigned long id; /* unique per push, for modal loops */
};

#endif
