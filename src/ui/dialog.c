/*
 * dialog.c - see dialog.h.  One struct dialog lives on the caller's stack
 * while the modal loop runs; the screen's callbacks find it in v->data.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ui/dialog.h"
#include "ui/table.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define DIALOG_MAX_W 64

enum dialog_kind { DLG_CONFIRM, DLG_ALERT, DLG_PROMPT, DLG_CHOOSE };

struct dialog {
	enum dialog_kind kind;
	const char *title;
	const char *text;
	struct ui *ui;
	struct ui_rect box; /* the frame */
	struct ui_rect in;  /* inside the frame */
	char **lines;       /* wrapped text */
	size_t nlines;
	/* prompt */
	struct ui_field_def def;
	struct ui_form *form;
	/* choose */
	const char *const *items;
	size_t nitems;
	struct ui_table *table;
	/* answer */
	int yes;
	char *value;
	long index;
};

static const enum ui_action confirm_actions[] = {
    UI_ACT_YES, UI_ACT_NO, UI_ACT_NONE};
static const enum ui_action alert_actions[] = {UI_ACT_OPEN, UI_ACT_NONE};
static const enum ui_action prompt_actions[] = {
    UI_ACT_OPEN, UI_ACT_BACK, UI_ACT_HELP, UI_ACT_NONE};
static const enum ui_action choose_actions[] = {UI_ACT_OPEN, UI_ACT_FIND,
    UI_ACT_UP, UI_ACT_DOWN, UI_ACT_BACK, UI_ACT_HELP, UI_ACT_NONE};

/* Rows inside the frame each kind needs besides the wrapped text. */
static int
extra_rows(const struct dialog *d)
{
	switch (d->kind) {
	case DLG_CONFIRM:
	case DLG_ALERT:
		return 2; /* blank, the answer keys */
	case DLG_PROMPT:
		return 2; /* blank, the field */
	case DLG_CHOOSE:
		return 12;
	}
	return 0;
}

static void
dialog_layout(struct ui_view *v, struct ui_rect body)
{
	struct dialog *d = v->data;
	int w = body.w - 4 < DIALOG_MAX_W ? body.w - 4 : DIALOG_MAX_W;
	int h;

	ui_wrap_free(d->lines, d->nlines);
	d->lines = NULL;
	d->nlines = 0;
	if (d->text != NULL && d->text[0] != '\0')
		d->lines = ui_wrap(d->text, w - 4, &d->nlines);
	h = (int)d->nlines + extra_rows(d) + 2;
	if (h > body.h)
		h = body.h;
	d->box = (struct ui_rect){
	    body.y + (body.h - h) / 2, body.x + (body.w - w) / 2, h, w};
	d->in = (struct ui_rect){d->box.y + 1, d->box.x + 2, h - 2, w - 4};
	if (d->form)
		ui_form_layout(d->form, (struct ui_rect){d->in.y + d->in.h - 1,
					    d->in.x, 1, d->in.w});
	if (d->table) {
		int th = d->in.h - (int)d->nlines;

		ui_table_layout(
		    d->table, (struct ui_rect){d->in.y + (int)d->nlines,
				  d->in.x, th > 3 ? th : 3, d->in.w});
	}
}

/* The frame is ASCII, like the rules: see ui_draw_rule(). */
static void
draw_frame(const struct dialog *d)
{
	struct ui_rect b = d->box;

	ui_clear_rect(b);
	mvhline(b.y, b.x + 1, '-', b.w - 2);
	mvhline(b.y + b.h - 1, b.x + 1, '-', b.w - 2);
	mvvline(b.y + 1, b.x, '|', b.h - 2);
	mvvline(b.y + 1, b.x + b.w - 1, '|', b.h - 2);
	mvaddch(b.y, b.x, '+');
	mvaddch(b.y, b.x + b.w - 1, '+');
	mvaddch(b.y + b.h - 1, b.x, '+');
	mvaddch(b.y + b.h - 1, b.x + b.w - 1, '+');
	if (d->title && *d->title) {
		char *t = xasprintf(" %s ", d->title);
		int tw = text_width(t);

		if (tw > b.w - 4)
			tw = b.w - 4;
		ui_put(b.y, b.x + 2, tw, t, TEXT_LEFT, UI_STYLE_HEADER);
		free(t);
	}
}

static void
dialog_draw(struct ui_view *v, struct ui_rect body)
{
	struct dialog *d = v->data;
	int y = d->in.y;

	draw_frame(d);
	for (size_t i = 0; i < d->nlines && y < d->in.y + d->in.h; i++)
		ui_put(y++, d->in.x, d->in.w, d->lines[i], TEXT_LEFT,
		    UI_STYLE_NORMAL);
	if (d->kind == DLG_CONFIRM)
		ui_put(d->in.y + d->in.h - 1, d->in.x, d->in.w,
		    _("y = Yes     n = No"), TEXT_LEFT, UI_STYLE_KEY);
	else if (d->kind == DLG_ALERT)
		ui_put(d->in.y + d->in.h - 1, d->in.x, d->in.w, _("Enter = OK"),
		    TEXT_LEFT, UI_STYLE_KEY);
	else if (d->form)
		ui_form_draw(d->form);
	else if (d->table)
		ui_table_draw(d->table);
}

static unsigned
confirm_key(struct dialog *d, const struct ui_event *ev)
{
	if (ev->act == UI_ACT_YES || ev->act == UI_ACT_OPEN || ev->key == 'Y') {
		d->yes = 1;
		return UI_POP;
	}
	if (ev->act == UI_ACT_NO || ev->act == UI_ACT_BACK || ev->key == 'N')
		return UI_POP;
	return UI_HANDLED; /* any other key: the question stays */
}

static unsigned
prompt_key(struct dialog *d, const struct ui_event *ev)
{
	unsigned f;

	if (ev->act == UI_ACT_BACK)
		return UI_POP;
	f = ui_form_key(d->form, d->ui, ev);
	if (f == UI_UNHANDLED &&
	    (ev->act == UI_ACT_OPEN || ev->act == UI_ACT_SAVE)) {
		if (ui_form_check(d->form, d->ui) == 0) {
			d->value = ui_form_get(d->form, 0);
			return UI_POP;
		}
		return UI_HANDLED;
	}
	return f;
}

static unsigned
choose_key(struct dialog *d, const struct ui_event *ev)
{
	unsigned f = ui_table_key(d->table, ev);

	if (f != UI_UNHANDLED)
		return f;
	if (ev->act == UI_ACT_OPEN) {
		const char *k = ui_table_current(d->table);

		if (k != NULL)
			d->index = strtol(k, NULL, 10);
		return k ? UI_POP : UI_HANDLED;
	}
	if (ev->act == UI_ACT_BACK)
		return UI_POP;
	return UI_UNHANDLED;
}

static unsigned
dialog_key(struct ui_view *v, const struct ui_event *ev)
{
	struct dialog *d = v->data;

	switch (d->kind) {
	case DLG_CONFIRM:
		return confirm_key(d, ev);
	case DLG_ALERT:
		return ev->act == UI_ACT_OPEN || ev->act == UI_ACT_BACK
			   ? UI_POP
			   : UI_UNHANDLED;
	case DLG_PROMPT:
		return prompt_key(d, ev);
	case DLG_CHOOSE:
		return choose_key(d, ev);
	}
	return UI_UNHANDLED;
}

static int
dialog_cursor(struct ui_view *v)
{
	struct dialog *d = v->data;

	if (d->form)
		return ui_form_cursor(d->form);
	if (d->table)
		return ui_table_cursor(d->table);
	return 0;
}

static int
dialog_open(struct ui_view *v, void *arg)
{
	struct dialog *d = arg;

	v->data = d;
	if (d->kind == DLG_CONFIRM)
		v->actions = confirm_actions;
	else if (d->kind == DLG_ALERT)
		v->actions = alert_actions;
	else if (d->kind == DLG_PROMPT)
		v->actions = prompt_actions;
	else
		v->actions = choose_actions;
	return 0;
}

static void
dialog_close(struct ui_view *v)
{
	struct dialog *d = v->data;

	ui_wrap_free(d->lines, d->nlines);
	d->lines = NULL;
	d->nlines = 0;
}

static const struct screen dialog_screen = {
    .name = "dialog",
    .title = N_("Question"),
    .open = dialog_open,
    .close = dialog_close,
    .layout = dialog_layout,
    .draw = dialog_draw,
    .key = dialog_key,
    .cursor = dialog_cursor,
    .help = N_("Answer the question in the box.  Esc goes back without "
	       "changing anything."),
    .overlay = 1,
};

/* Push d and run it until it closes. */
static void
run_dialog(struct ui *ui, struct dialog *d)
{
	struct ui_view *v;

	d->ui = ui;
	v = ui_push(ui, &dialog_screen, d);
	if (v != NULL)
		ui_run_modal(ui, v);
}

int
ui_confirm(struct ui *ui, const char *question)
{
	struct dialog d = {.kind = DLG_CONFIRM, .text = question};

	run_dialog(ui, &d);
	return d.yes;
}

void
ui_alert(struct ui *ui, const char *text)
{
	struct dialog d = {.kind = DLG_ALERT, .text = text};

	run_dialog(ui, &d);
}

char *
ui_prompt(struct ui *ui, const char *title, const char *label,
    const char *initial, enum ui_field_type type, unsigned flags)
{
	struct dialog d = {.kind = DLG_PROMPT, .title = title, .text = ""};

	d.def.label = label;
	d.def.type = type;
	d.def.flags = flags;
	d.form = ui_form_new(&d.def, 1);
	ui_form_set(d.form, 0, initial);
	run_dialog(ui, &d);
	ui_form_free(d.form);
	return d.value;
}

/* The choice list's rows: keys are item indexes in decimal. */
static int
choose_fetch(void *ctx, const struct ui_table_query *q, const char *from,
    int dir, int max, struct ui_table_batch *b)
{
	struct dialog *d = ctx;
	long i = from ? strtol(from, NULL, 10) + dir
		      : (dir > 0 ? 0 : (long)d->nitems - 1);
	char *needle = text_fold(q->search);

	for (; i >= 0 && i < (long)d->nitems && max > 0; i += dir) {
		char *hay = text_fold(d->items[i]);
		char key[24];

		if (strstr(hay, needle) != NULL) {
			snprintf(key, sizeof(key), "%ld", i);
			ui_table_batch_add(b, key, &d->items[i], 0);
			max--;
		}
		free(hay);
	}
	free(needle);
	return 0;
}

long
ui_choose(struct ui *ui, const char *title, const char *const *items, size_t n)
{
	static const struct ui_column col[] = {{N_("Choice"), 0, 0}};
	struct dialog d = {.kind = DLG_CHOOSE,
	    .title = title,
	    .text = "",
	    .items = items,
	    .nitems = n,
	    .index = -1};

	d.table = ui_table_new(col, 1, choose_fetch, &d);
	run_dialog(ui, &d);
	ui_table_free(d.table);
	return d.index;
}
