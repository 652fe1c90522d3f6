/*
 * app.c - see app.h.
 *
 * Shape: htop's handlers return a bitmask and tmux redraws by flags; here
 * a screen's key callback returns enum ui_flags, the loop folds them into
 * ui->dirty and the next turn draws only those parts.  ncurses then sends
 * only the cells that changed (idlok() lets it scroll with insert/delete
 * line).  Measured with strace on ncurses 6.4: with typeahead(-1) and one
 * early endwin() (see setup_terminal) each update is ONE write() -- a
 * Down arrow ~30 bytes, a one-line scroll ~130, a PgDn ~850 -- where the
 * defaults gave 4 to 60 writes.  ncurses writes to the descriptor of the
 * FILE* given to newterm() itself; that stream is still fully buffered
 * and flushed after each doupdate() in case a build goes through stdio.
 *
 * Signals: the handlers store the signal number in a sig_atomic_t; they
 * are installed without SA_RESTART, so a blocked read() returns EINTR and
 * the loop sees the flag at once.  A signal that lands between the flag
 * check and the read is seen at the next key; SIGHUP from a dead line
 * also makes the read fail, which the loop treats as a hangup too.
 */
#include <config.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "ui/app.h"
#include "ui/help.h"
#include "util/fatal.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum dirty {
	D_TITLE = 1 << 0,
	D_BODY = 1 << 1,
	D_STATUS = 1 << 2,
	D_BAR = 1 << 3,
	D_ALL = 1 << 4 /* erase, then everything (and every overlay below) */
};

/* After this many failed reads in a row the terminal is gone. */
#define READ_FAILS_HANGUP 3
#define OUT_BUFFER_SIZE 65536

struct ui {
	SCREEN *term;
	FILE *out;
	struct ui_view **stack;
	size_t n, cap;
	unsigned long next_id;
	unsigned dirty;
	int quitting;
	int too_small;
	int cursor_shown; /* -1 unknown */
	int read_fails;
	char *msg;
	int msg_error;
	char *clerk, *site;
	void (*switch_clerk)(struct ui *, void *);
	void *switch_arg;
	void (*lock)(struct ui *, void *);
	void *lock_arg;
	long lock_after; /* seconds; 0: never */
	struct timespec last_key;
	int in_hook; /* a switch or lock dialog is running */
};

static volatile sig_atomic_t got_winch;
static volatile sig_atomic_t got_hangup; /* the signal number */
static struct ui *the_ui;

static void
on_signal(int sig)
{
	if (sig == SIGWINCH)
		got_winch = 1;
	else
		got_hangup = sig;
}

static void
install_signals(void)
{
	struct sigaction sa;
	static const int sigs[] = {SIGWINCH, SIGHUP, SIGTERM, SIGINT};

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: interrupt the read */
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

static void
fatal_cleanup(void)
{
	if (the_ui != NULL && the_ui->term != NULL && !isendwin()) {
		endwin();
		fflush(the_ui->out);
	}
}

static struct ui_rect
body_rect(void)
{
	struct ui_rect r = {2, 0, LINES - 4, COLS};

	return r;
}

static void
check_size(struct ui *ui)
{
	int small = LINES < UI_MIN_LINES || COLS < UI_MIN_COLS;

	if (!small)
		for (size_t i = 0; i < ui->n; i++) {
			ui->stack[i]->body = body_rect();
			if (ui->stack[i]->sc->layout)
				ui->stack[i]->sc->layout(
				    ui->stack[i], ui->stack[i]->body);
		}
	ui->too_small = small;
	ui->dirty |= D_ALL;
}

static void
setup_terminal(struct ui *ui)
{
	int fd = dup(STDOUT_FILENO);

	if (fd < 0 || (ui->out = fdopen(fd, "w")) == NULL)
		fatal(
		    "cannot open the terminal for output: %s", strerror(errno));
	setvbuf(ui->out, NULL, _IOFBF, OUT_BUFFER_SIZE);
	ui->term = newterm(NULL, ui->out, stdin);
	if (ui->term == NULL)
		fatal(_("cannot use terminal type \"%s\"; try TERM=vt100"),
		    getenv("TERM") ? getenv("TERM") : "");
	set_escdelay(25);
	/* No typeahead check: it flushes the output after every few lines,
	 * turning one update into dozens of write()s and packets. */
	typeahead(-1);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	idlok(stdscr, TRUE);
	idcok(stdscr, TRUE);
	/*
	 * ncurses 6.4 flushes after every cursor move until the screen has
	 * once been suspended and resumed (its _endwin state leaves
	 * "initial" only then), which splits one update into many write()s.
	 * One endwin() now, resumed by the first doupdate(), makes the
	 * output of each update reach the stream in one piece.
	 */
	endwin();
	if (has_colors() && getenv("NO_COLOR") == NULL) {
		start_color();
		use_default_colors();
		ui_draw_init(1);
	} else
		ui_draw_init(0);
}

struct ui *
ui_new(void)
{
	struct ui *ui = xcalloc(1, sizeof(*ui));

	if (the_ui != NULL)
		fatal("ui_new called twice");
	the_ui = ui;
	install_signals();
	fatal_set_cleanup(fatal_cleanup);
	setup_terminal(ui);
	ui->cursor_shown = -1;
	ui->msg = xstrdup("");
	check_size(ui);
	return ui;
}

static void
view_free(struct ui_view *v)
{
	if (v->sc->close)
		v->sc->close(v);
	free(v->title);
	free(v);
}

void
ui_free(struct ui *ui)
{
	if (ui == NULL)
		return;
	while (ui->n > 0)
		view_free(ui->stack[--ui->n]);
	free(ui->stack);
	if (!isendwin())
		endwin();
	fflush(ui->out);
	delscreen(ui->term);
	fclose(ui->out);
	fatal_set_cleanup(NULL);
	free(ui->msg);
	free(ui->clerk);
	free(ui->site);
	free(ui);
	the_ui = NULL;
}

struct ui_view *
ui_push(struct ui *ui, const struct screen *sc, void *arg)
{
	struct ui_view *v = xcalloc(1, sizeof(*v));

	v->sc = sc;
	v->ui = ui;
	v->title = xstrdup(sc->title ? _(sc->title) : "");
	v->body = body_rect();
	v->actions = sc->actions;
	v->id = ++ui->next_id;
	if (sc->open && sc->open(v, arg) < 0) {
		free(v->title);
		free(v);
		return NULL;
	}
	if (ui->n == ui->cap) {
		ui->cap = ui->cap ? ui->cap * 2 : 8;
		ui->stack = xrealloc(ui->stack, ui->cap * sizeof(*ui->stack));
	}
	ui->stack[ui->n++] = v;
	if (sc->layout && !ui->too_small)
		sc->layout(v, v->body);
	ui->dirty |= sc->overlay ? D_BODY | D_BAR : D_ALL;
	return v;
}

void
ui_pop(struct ui *ui)
{
	if (ui->n == 0)
		return;
	view_free(ui->stack[--ui->n]);
	ui->dirty |= D_ALL;
}

struct ui_view *
ui_top(struct ui *ui)
{
	return ui->n ? ui->stack[ui->n - 1] : NULL;
}

int
ui_quitting(const struct ui *ui)
{
	return ui->quitting;
}

static void
set_message(struct ui *ui, int error, const char *fmt, va_list ap)
{
	free(ui->msg);
	ui->msg = xvasprintf(fmt, ap);
	ui->msg_error = error;
	ui->dirty |= D_STATUS;
}

void
ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(ui, 0, fmt, ap);
	va_end(ap);
}

void
ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(ui, 1, fmt, ap);
	va_end(ap);
}

const char *
ui_message_text(const struct ui *ui)
{
	return ui->msg;
}

void
ui_view_set_title(struct ui_view *v, const char *fmt, ...)
{
	va_list ap;

	free(v->title);
	va_start(ap, fmt);
	v->title = xvasprintf(fmt, ap);
	va_end(ap);
	if (v->ui)
		v->ui->dirty |= D_TITLE;
}

void
ui_set_identity(struct ui *ui, const char *clerk, const char *site)
{
	free(ui->clerk);
	free(ui->site);
	ui->clerk = xstrdup(clerk ? clerk : "");
	ui->site = xstrdup(site ? site : "");
	ui->dirty |= D_TITLE;
}

void
ui_set_switch_clerk(
    struct ui *ui, void (*fn)(struct ui *ui, void *arg), void *arg)
{
	ui->switch_clerk = fn;
	ui->switch_arg = arg;
}

void
ui_set_idle_lock(struct ui *ui, long seconds,
    void (*fn)(struct ui *ui, void *arg), void *arg)
{
	ui->lock = fn;
	ui->lock_arg = arg;
	ui->lock_after = seconds > 0 ? seconds : 0;
	clock_gettime(CLOCK_MONOTONIC, &ui->last_key);
}

/*
 * The idle lock, checked when a key arrives (never by a timer, so an idle
 * terminal receives nothing): when the gap since the previous key is
 * longer than the limit, the key is swallowed and the lock runs instead.
 * Returns 1 when it ran.
 */
static int
idle_check(struct ui *ui)
{
	struct timespec now;
	int ran = 0;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (ui->lock && ui->lock_after > 0 && !ui->in_hook &&
	    now.tv_sec - ui->last_key.tv_sec > ui->lock_after) {
		ui->in_hook = 1;
		ui->lock(ui, ui->lock_arg);
		ui->in_hook = 0;
		ran = 1;
		clock_gettime(CLOCK_MONOTONIC, &now);
	}
	ui->last_key = now;
	return ran;
}

void
ui_redraw_all(struct ui *ui)
{
	ui->dirty |= D_ALL;
}

/* The lowest view that must be drawn for the top to look right. */
static size_t
first_visible(const struct ui *ui)
{
	size_t i = ui->n - 1;

	while (i > 0 && ui->stack[i]->sc->overlay)
		i--;
	return i;
}

static void
draw_too_small(void)
{
	char *m = xasprintf(_("Terminal too small: need %dx%d, have %dx%d"),
	    UI_MIN_COLS, UI_MIN_LINES, COLS, LINES);

	erase();
	ui_put(0, 0, COLS, m, TEXT_LEFT, UI_STYLE_NORMAL);
	free(m);
}

static void
draw_frame(struct ui *ui, struct ui_view *top, unsigned d)
{
	/* A dialog's box has its own title: the title line keeps naming
	 * the screen under it. */
	struct ui_view *under = top ? ui->stack[first_visible(ui)] : NULL;

	if (d & (D_ALL | D_TITLE))
		ui_draw_title(
		    COLS, under ? under->title : "", ui->clerk, ui->site);
	if (d & D_ALL)
		ui_draw_rule(1, COLS);
	if (d & (D_ALL | D_STATUS))
		ui_put(LINES - 2, 0, COLS, ui->msg, TEXT_LEFT,
		    ui->msg_error ? UI_STYLE_ERROR : UI_STYLE_NORMAL);
	if (d & (D_ALL | D_BAR))
		ui_draw_keybar(LINES - 1, COLS, top ? top->actions : NULL);
}

static void
place_cursor(struct ui *ui, struct ui_view *top)
{
	int show = 0;

	if (top != NULL && !ui->too_small && top->sc->cursor)
		show = top->sc->cursor(top);
	leaveok(stdscr, show ? FALSE : TRUE);
	if (show != ui->cursor_shown) {
		curs_set(show ? 1 : 0); /* ERR on a vt100: harmless */
		ui->cursor_shown = show;
	}
}

static void
render(struct ui *ui)
{
	struct ui_view *top = ui_top(ui);
	unsigned d = ui->dirty;

	ui->dirty = 0;
	if (ui->too_small) {
		if (d)
			draw_too_small();
	} else if (d) {
		if (d & D_ALL)
			erase();
		draw_frame(ui, top, d);
		if (top && (d & D_ALL)) {
			for (size_t i = first_visible(ui); i < ui->n; i++)
				if (ui->stack[i]->sc->draw)
					ui->stack[i]->sc->draw(
					    ui->stack[i], ui->stack[i]->body);
		} else if (top && (d & D_BODY) && top->sc->draw)
			top->sc->draw(top, top->body);
	}
	place_cursor(ui, top);
	wnoutrefresh(stdscr);
	doupdate();
	fflush(ui->out);
}

static void
hangup_exit(struct ui *ui, int sig)
{
	for (size_t i = ui->n; i > 0; i--)
		if (ui->stack[i - 1]->sc->hangup)
			ui->stack[i - 1]->sc->hangup(ui->stack[i - 1]);
	if (!isendwin())
		endwin();
	fflush(ui->out);
	exit(128 + sig);
}

static void
handle_resize(struct ui *ui)
{
	struct winsize ws;

	got_winch = 0;
	if (ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	check_size(ui);
}

/*
 * wget_wch() failed with no signal pending: decide whether the terminal
 * is gone.  A hung-up or closed input (POLLHUP, EIO) is; input that polls
 * readable yet gives ERR again and again is at EOF.  With nothing to
 * read, wait in poll() for input or a signal instead of spinning.
 */
static void
read_failed(struct ui *ui, int err)
{
	struct pollfd p = {STDIN_FILENO, POLLIN, 0};
	int n = poll(&p, 1, 0);

	if (err == EIO ||
	    (n > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL))))
		hangup_exit(ui, SIGHUP);
	if (n > 0) {
		if (++ui->read_fails >= READ_FAILS_HANGUP)
			hangup_exit(ui, SIGHUP);
		return;
	}
	p.revents = 0;
	poll(&p, 1, -1); /* EINTR on a signal: the loop looks at the flags */
}

/* Read one key; -1 when interrupted or nothing usable came. */
static int
read_key(struct ui *ui)
{
	wint_t wc;
	int r;

	errno = 0;
	r = wget_wch(stdscr, &wc);
	if (r == ERR) {
		int err = errno;

		if (got_winch || got_hangup || err == EINTR)
			return -1;
		read_failed(ui, err);
		return -1;
	}
	ui->read_fails = 0;
	if (r == KEY_CODE_YES)
		return wc == KEY_RESIZE ? -1 : UI_KFN + (int)wc;
	return (int)wc;
}

static void
do_global(struct ui *ui, struct ui_view *top, enum ui_action act)
{
	switch (act) {
	case UI_ACT_HELP:
		if (!ui->too_small && top != NULL && top->sc != &ui_help_screen)
			ui_push(ui, &ui_help_screen, top);
		break;
	case UI_ACT_QUIT:
		ui->quitting = 1;
		break;
	case UI_ACT_BACK:
		if (ui->n > 1)
			ui_pop(ui);
		break;
	case UI_ACT_REFRESH:
		clearok(curscr, TRUE);
		ui->dirty |= D_ALL;
		break;
	case UI_ACT_SWITCH_CLERK:
		if (ui->in_hook)
			break;
		if (ui->switch_clerk) {
			ui->in_hook = 1;
			ui->switch_clerk(ui, ui->switch_arg);
			ui->in_hook = 0;
		} else
			ui_error(ui, _("Switching clerks is not available "
				       "here yet"));
		break;
	default:
		break;
	}
}

static void
dispatch(struct ui *ui, int key)
{
	struct ui_view *top = ui_top(ui);
	struct ui_event ev = {key, UI_ACT_NONE};
	unsigned f = 0;

	if (ui->msg[0] != '\0') {
		ui->msg[0] = '\0';
		ui->dirty |= D_STATUS;
	}
	ev.act = ui_keys_lookup(key, top ? top->actions : NULL);
	if (top && !ui->too_small && top->sc->key)
		f = top->sc->key(top, &ev);
	if (f == UI_UNHANDLED) {
		/* Nothing is shown below 80x24: only quit and redraw work. */
		if (!ui->too_small || ev.act == UI_ACT_QUIT ||
		    ev.act == UI_ACT_REFRESH)
			do_global(ui, top, ev.act);
		return;
	}
	if (f & UI_DRAW_BODY)
		ui->dirty |= D_BODY;
	if (f & UI_DRAW_BAR)
		ui->dirty |= D_BAR;
	if (f & UI_DRAW_ALL)
		ui->dirty |= D_ALL;
	if ((f & UI_POP) && ui_top(ui) == top)
		ui_pop(ui);
	if (f & UI_QUIT)
		ui->quitting = 1;
}

/* One loop turn: signals, drawing, one key. */
static void
loop_turn(struct ui *ui)
{
	int key;

	if (got_hangup)
		hangup_exit(ui, got_hangup);
	if (got_winch)
		handle_resize(ui);
	render(ui);
	key = read_key(ui);
	if (key >= 0 && !idle_check(ui))
		dispatch(ui, key);
}

int
ui_run(struct ui *ui)
{
	while (ui->n > 0 && !ui->quitting)
		loop_turn(ui);
	return 0;
}

void
ui_run_modal(struct ui *ui, struct ui_view *v)
{
	size_t idx;
	unsigned long id = v->id;

	for (idx = 0; idx < ui->n && ui->stack[idx] != v; idx++)
		;
	while (!ui->quitting && idx < ui->n && ui->stack[idx]->id == id)
		loop_turn(ui);
}
