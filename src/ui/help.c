/*
 * help.c - see help.h.  The lines are built at open and re-wrapped at
 * each layout; the screen scrolls them with the usual movement keys.
 */
#include <config.h>

#include <stdlib.h>

#include "ui/app.h"
#include "ui/help.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Width of the keys column. */
#define KEYS_COLS 14

struct help {
	struct ui_view *about;
	char *text; /* the whole help, one line per paragraph */
	char **lines;
	size_t n, top;
	int h;
};

/* q closes help (as in less) rather than quitting: see help_key(). */
static const enum ui_action help_actions[] = {
    UI_ACT_BACK, UI_ACT_DOWN, UI_ACT_UP, UI_ACT_PGDN, UI_ACT_PGUP, UI_ACT_NONE};

/* Globals listed on every help screen after the screen's own actions. */
static const enum ui_action help_globals[] = {UI_ACT_HELP, UI_ACT_BACK,
    UI_ACT_SWITCH_CLERK, UI_ACT_REFRESH, UI_ACT_QUIT, UI_ACT_NONE};

char *
ui_help_line(enum ui_action a)
{
	char keys[48];
	char *k, *line;

	ui_action_keys(a, keys, sizeof(keys));
	k = text_fit(keys, KEYS_COLS, TEXT_LEFT, 0);
	line = xasprintf(
	    "  %s %s: %s", k, _(ui_action_label(a)), _(ui_action_help(a)));
	free(k);
	return line;
}

/* Append s and a newline to *text. */
static void
add_text(char **text, const char *s)
{
	char *t = xasprintf("%s%s\n", *text, s);

	free(*text);
	*text = t;
}

static void
add_actions(char **text, const enum ui_action *acts, const enum ui_action *skip)
{
	for (size_t i = 0; acts != NULL && acts[i] != UI_ACT_NONE; i++) {
		int dup = 0;
		char *l;

		for (size_t j = 0; skip != NULL && skip[j] != UI_ACT_NONE; j++)
			dup |= skip[j] == acts[i];
		if (dup)
			continue;
		l = ui_help_line(acts[i]);
		add_text(text, l);
		free(l);
	}
}

static int
help_open(struct ui_view *v, void *arg)
{
	struct help *h = xcalloc(1, sizeof(*h));
	struct ui_view *about = arg;

	h->about = about;
	h->text = xstrdup("");
	if (about->sc->help)
		add_text(&h->text, _(about->sc->help));
	add_text(&h->text, "");
	add_text(&h->text, _("Keys on this screen:"));
	add_actions(&h->text, about->actions, NULL);
	add_text(&h->text, "");
	add_text(&h->text, _("Keys on every screen:"));
	add_actions(&h->text, help_globals, about->actions);
	ui_view_set_title(v, _("Help: %s"), about->title);
	v->data = h;
	return 0;
}

static void
help_close(struct ui_view *v)
{
	struct help *h = v->data;

	ui_wrap_free(h->lines, h->n);
	free(h->text);
	free(h);
}

static void
help_layout(struct ui_view *v, struct ui_rect body)
{
	struct help *h = v->data;

	ui_wrap_free(h->lines, h->n);
	h->lines = ui_wrap(h->text, body.w - 2, &h->n);
	h->h = body.h;
	h->top = 0;
}

static void
help_draw(struct ui_view *v, struct ui_rect r)
{
	struct help *h = v->data;

	for (int i = 0; i < r.h; i++) {
		size_t li = h->top + (size_t)i;

		ui_put(r.y + i, r.x, r.w, li < h->n ? h->lines[li] : "",
		    TEXT_LEFT, UI_STYLE_NORMAL);
	}
}

static unsigned
help_key(struct ui_view *v, const struct ui_event *ev)
{
	struct help *h = v->data;
	size_t page = h->h > 1 ? (size_t)h->h - 1 : 1;
	size_t max = h->n > (size_t)h->h ? h->n - (size_t)h->h : 0;
	size_t old = h->top;

	if (ev->key == 'q')
		return UI_POP;
	switch (ev->act) {
	case UI_ACT_DOWN:
		h->top++;
		break;
	case UI_ACT_UP:
		h->top = h->top ? h->top - 1 : 0;
		break;
	case UI_ACT_PGDN:
		h->top += page;
		break;
	case UI_ACT_PGUP:
		h->top = h->top > page ? h->top - page : 0;
		break;
	case UI_ACT_HELP:
	case UI_ACT_BACK:
	case UI_ACT_OPEN:
		return UI_POP;
	default:
		return UI_UNHANDLED;
	}
	if (h->top > max)
		h->top = max;
	return h->top != old ? UI_DRAW_BODY : UI_HANDLED;
}

const struct screen ui_help_screen = {
    .name = "help",
    .title = N_("Help"),
    .open = help_open,
    .close = help_close,
    .layout = help_layout,
    .draw = help_draw,
    .key = help_key,
    .actions = help_actions,
};
