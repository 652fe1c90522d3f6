/*
 * form.c - see form.h.
 *
 * The FORM is posted on a subwindow of stdscr covering the form's
 * rectangle (posting erases its window, which must not be the whole
 * screen); syncok() marks its changes in stdscr, so the app's single
 * doupdate() sends them with the rest.  Because the app erases stdscr
 * before a full redraw, ui_form_draw() reposts the form, which redraws
 * every field.  f->val keeps the values while the form is not
 * posted (before the first layout and across a resize).
 */
#include <config.h>

#include <form.h>
#include <stdlib.h>
#include <string.h>

#include "ui/form.h"
#include "util/i18n.h"
#include "util/fatal.h"
#include "util/num.h"
#include "util/xalloc.h"

/* Longest value a field takes, in characters. */
#define FIELD_MAX_CHARS 200

struct ui_form {
	const struct ui_field_def *defs;
	size_t n;
	char **val;
	FIELD **fields; /* n + 1, NULL-ended */
	FORM *form;
	WINDOW *win; /* a subwindow of stdscr over r */
	struct ui_rect r;
	int labelw;
	int changed;
};

struct ui_form *
ui_form_new(const struct ui_field_def *defs, size_t n)
{
	struct ui_form *f = xcalloc(1, sizeof(*f));

	f->defs = defs;
	f->n = n;
	f->val = xcalloc(n, sizeof(*f->val));
	for (size_t i = 0; i < n; i++) {
		int w = text_width(_(defs[i].label));

		f->val[i] = xstrdup("");
		if (w > f->labelw)
			f->labelw = w;
	}
	f->labelw += 2; /* ": " */
	return f;
}

/* Copy the field buffers into f->val. */
static void
sync_values(struct ui_form *f)
{
	if (f->form == NULL)
		return;
	form_driver(f->form, REQ_VALIDATION);
	for (size_t i = 0; i < f->n; i++) {
		free(f->val[i]);
		f->val[i] = text_trim(field_buffer(f->fields[i], 0));
	}
}

static void
destroy_form(struct ui_form *f)
{
	if (f->form == NULL)
		return;
	sync_values(f);
	unpost_form(f->form);
	free_form(f->form);
	for (size_t i = 0; i < f->n; i++)
		free_field(f->fields[i]);
	free(f->fields);
	delwin(f->win);
	f->win = NULL;
	f->fields = NULL;
	f->form = NULL;
}

void
ui_form_free(struct ui_form *f)
{
	if (f == NULL)
		return;
	destroy_form(f);
	for (size_t i = 0; i < f->n; i++)
		free(f->val[i]);
	free(f->val);
	free(f);
}

void
ui_form_set(struct ui_form *f, size_t i, const char *value)
{
	if (i >= f->n)
		return;
	free(f->val[i]);
	f->val[i] = xstrdup(value ? value : "");
	if (f->form)
		set_field_buffer(f->fields[i], 0, f->val[i]);
	f->changed = 0;
}

char *
ui_form_get(struct ui_form *f, size_t i)
{
	if (i >= f->n)
		return xstrdup("");
	if (f->form) {
		form_driver(f->form, REQ_VALIDATION);
		return text_trim(field_buffer(f->fields[i], 0));
	}
	return text_trim(f->val[i]);
}

int
ui_form_changed(const struct ui_form *f)
{
	return f->changed;
}

size_t
ui_form_current(const struct ui_form *f)
{
	int i = f->form ? field_index(current_field(f->form)) : -1;

	return i >= 0 ? (size_t)i : 0;
}

void
ui_form_focus(struct ui_form *f, size_t i)
{
	if (f->form && i < f->n)
		set_current_field(f->form, f->fields[i]);
}

static FIELD *
make_field(struct ui_form *f, size_t i, int y, int x, int w)
{
	const struct ui_field_def *d = &f->defs[i];
	FIELD *fld = new_field(1, w, y, x, 0, 0);

	if (fld == NULL)
		fatal("cannot create a form field");
	field_opts_off(fld, O_AUTOSKIP | O_STATIC);
	set_max_field(fld, FIELD_MAX_CHARS);
	set_field_back(fld, A_UNDERLINE);
	if (d->flags & UI_FIELD_SECRET)
		field_opts_off(fld, O_PUBLIC);
	if (d->flags & UI_FIELD_READONLY)
		field_opts_off(fld, O_ACTIVE | O_EDIT);
	set_field_buffer(fld, 0, f->val[i]);
	return fld;
}

void
ui_form_layout(struct ui_form *f, struct ui_rect r)
{
	int h = r.h > 0 ? r.h : 1;
	int maxw = r.w - f->labelw - 1;

	destroy_form(f);
	f->r = r;
	if (maxw < 1)
		maxw = 1;
	f->fields = xcalloc(f->n + 1, sizeof(*f->fields));
	for (size_t i = 0; i < f->n; i++) {
		int w = f->defs[i].width > 0 && f->defs[i].width < maxw
			    ? f->defs[i].width
			    : maxw;

		f->fields[i] = make_field(f, i, (int)i % h, f->labelw, w);
		if (i > 0 && i % (size_t)h == 0)
			set_new_page(f->fields[i], TRUE);
	}
	f->win = derwin(stdscr, h, r.w, r.y, r.x);
	f->form = new_form(f->fields);
	if (f->form == NULL || f->win == NULL)
		fatal("cannot create a form");
	syncok(f->win, TRUE);
	set_form_win(f->form, f->win);
	set_form_sub(f->form, f->win);
}

void
ui_form_draw(struct ui_form *f)
{
	int page, cur;

	if (f->form == NULL)
		return;
	cur = field_index(current_field(f->form));
	if (cur < 0 || (size_t)cur >= f->n)
		cur = 0; /* not posted yet */
	ui_clear_rect(f->r);
	unpost_form(f->form);
	post_form(f->form);
	set_current_field(f->form, f->fields[cur]);
	page = form_page(f->form);
	for (size_t i = 0; i < f->n; i++) {
		int h = f->r.h > 0 ? f->r.h : 1;
		char *l;

		if ((int)i / h != page)
			continue;
		l = xasprintf("%s: ", _(f->defs[i].label));
		ui_put(f->r.y + (int)i % h, f->r.x, f->labelw, l, TEXT_RIGHT,
		    UI_STYLE_HEADER);
		free(l);
	}
	form_driver(f->form, REQ_END_FIELD);
}

int
ui_form_cursor(struct ui_form *f)
{
	int y, x, by, bx;

	if (f->form == NULL)
		return 0;
	pos_form_cursor(f->form);
	getyx(f->win, y, x);
	getbegyx(f->win, by, bx);
	move(by + y, bx + x);
	return 1;
}

/* The number parsers' verdict as a message: "Price is empty". */
static char *
num_message(const struct ui_field_def *d, enum num_err e)
{
	return xasprintf("%s %s", _(d->label), _(num_err_message(e)));
}

/* Check a whole number through qty_parse (no decimals allowed). */
static enum num_err
int_parse(const char *s, int neg, int64_t *out)
{
	enum num_err e = qty_parse(s, neg, out);

	if (e == NUM_OK && *out % 1000 != 0)
		return NUM_PRECISION;
	if (e == NUM_OK)
		*out /= 1000;
	return e;
}

/* Match a choice: exact or a unique prefix, ignoring case. */
static char *
choice_match(const struct ui_field_def *d, const char *s)
{
	char *fs = text_fold(s);
	const char *hit = NULL;
	int hits = 0;
	size_t len = strlen(fs);

	for (size_t i = 0; d->choices && d->choices[i]; i++) {
		char *fc = text_fold(_(d->choices[i]));

		if (strcmp(fc, fs) == 0) {
			hit = _(d->choices[i]);
			hits = 1;
			free(fc);
			break;
		}
		if (strncmp(fc, fs, len) == 0) {
			hit = _(d->choices[i]);
			hits++;
		}
		free(fc);
	}
	free(fs);
	return hits == 1 ? xstrdup(hit) : NULL;
}

/*
 * Check value v of field d: return the canonical value (new string), or
 * NULL with *err set to a new message.
 */
static char *
check_value(const struct ui_field_def *d, const char *v, char **err)
{
	int neg = (d->flags & UI_FIELD_NEGATIVE) != 0;
	char buf[NUM_FMT_SIZE];
	enum num_err e = NUM_OK;
	int64_t x;
	char *out = NULL;

	*err = NULL;
	if (*v == '\0') {
		if (d->flags & UI_FIELD_REQUIRED) {
			*err = num_message(d, NUM_EMPTY);
			return NULL;
		}
		return xstrdup("");
	}
	switch (d->type) {
	case UI_FIELD_TEXT:
		return xstrdup(v);
	case UI_FIELD_INT:
		if ((e = int_parse(v, neg, &x)) == NUM_OK)
			return xasprintf("%lld", (long long)x);
		break;
	case UI_FIELD_MONEY:
		if ((e = money_parse(v, neg, &x)) == NUM_OK)
			return xstrdup(money_format(x, buf, sizeof(buf)));
		break;
	case UI_FIELD_QTY:
		if ((e = qty_parse(v, neg, &x)) == NUM_OK)
			return xstrdup(qty_format(x, buf, sizeof(buf)));
		break;
	case UI_FIELD_DATE:
		if ((e = date_parse(v, buf, sizeof(buf))) == NUM_OK)
			return xstrdup(buf);
		break;
	case UI_FIELD_CHOICE:
		if ((out = choice_match(d, v)) == NULL)
			*err = xasprintf(_("%s must be one of the choices "
					   "(Space shows the next one)"),
			    _(d->label));
		return out;
	case UI_FIELD_LOOKUP:
		if (d->lookup == NULL)
			return xstrdup(v);
		if (d->lookup(d->lookup_ctx, v, &out, err) < 0) {
			free(out);
			if (*err == NULL)
				*err = num_message(d, NUM_SYNTAX);
			return NULL;
		}
		return out;
	}
	*err = num_message(d, e);
	return NULL;
}

/* Check field i; on success store the canonical value and return 0. */
static int
check_field(struct ui_form *f, struct ui *ui, size_t i)
{
	char *v = ui_form_get(f, i), *err, *canon;

	canon = check_value(&f->defs[i], v, &err);
	free(v);
	if (canon == NULL) {
		ui_error(ui, "%s", err);
		free(err);
		return -1;
	}
	if (f->form) {
		char *old = ui_form_get(f, i);

		if (strcmp(old, canon) != 0)
			set_field_buffer(f->fields[i], 0, canon);
		free(old);
	}
	free(f->val[i]);
	f->val[i] = canon;
	return 0;
}

int
ui_form_check(struct ui_form *f, struct ui *ui)
{
	for (size_t i = 0; i < f->n; i++)
		if (check_field(f, ui, i) < 0) {
			ui_form_focus(f, i);
			return -1;
		}
	return 0;
}

/* Leave the current field by req after checking it. */
static unsigned
leave_field(struct ui_form *f, struct ui *ui, int req)
{
	int page = form_page(f->form);

	if (check_field(f, ui, ui_form_current(f)) < 0)
		return UI_HANDLED;
	form_driver(f->form, req);
	form_driver(f->form, REQ_END_FIELD);
	return form_page(f->form) != page ? UI_DRAW_BODY : UI_HANDLED;
}

/* Space in a choice field: show the next choice. */
static void
next_choice(struct ui_form *f, size_t i)
{
	const struct ui_field_def *d = &f->defs[i];
	char *v = ui_form_get(f, i);
	size_t k = 0, n = 0;

	while (d->choices && d->choices[n])
		n++;
	for (size_t j = 0; j < n; j++)
		if (strcmp(v, _(d->choices[j])) == 0)
			k = j + 1;
	free(v);
	if (n > 0) {
		set_field_buffer(f->fields[i], 0, _(d->choices[k % n]));
		form_driver(f->form, REQ_END_FIELD);
		f->changed = 1;
	}
}

/* Editing keys inside a field; -1 when key is not one. */
static int
edit_request(int key)
{
	switch (key) {
	case UI_KFN + KEY_LEFT:
		return REQ_LEFT_CHAR;
	case UI_KFN + KEY_RIGHT:
		return REQ_RIGHT_CHAR;
	case UI_KFN + KEY_HOME:
	case UI_CTRL('A'):
		return REQ_BEG_FIELD;
	case UI_KFN + KEY_END:
	case UI_CTRL('E'):
		return REQ_END_FIELD;
	case UI_KFN + KEY_BACKSPACE:
	case 127:
	case 8:
		return REQ_DEL_PREV;
	case UI_KFN + KEY_DC:
	case UI_CTRL('D'):
		return REQ_DEL_CHAR;
	case UI_CTRL('U'):
		return REQ_CLR_FIELD;
	case UI_CTRL('K'):
		return REQ_CLR_EOF;
	default:
		return -1;
	}
}

unsigned
ui_form_key(struct ui_form *f, struct ui *ui, const struct ui_event *ev)
{
	size_t cur;
	int req;

	if (f->form == NULL)
		return UI_UNHANDLED;
	cur = ui_form_current(f);
	if (ev->key == ' ' && f->defs[cur].type == UI_FIELD_CHOICE) {
		next_choice(f, cur);
		return UI_HANDLED;
	}
	if (ev->key == '\r' || ev->key == '\n' ||
	    ev->key == UI_KFN + KEY_ENTER) {
		if (check_field(f, ui, cur) < 0)
			return UI_HANDLED;
		if (cur + 1 < f->n)
			return leave_field(f, ui, REQ_NEXT_FIELD);
		return UI_UNHANDLED; /* Enter on the last field: save */
	}
	if (ui_key_is_text(ev->key)) {
		form_driver_w(f->form, OK, (wchar_t)ev->key);
		f->changed = 1;
		return UI_HANDLED;
	}
	if ((req = edit_request(ev->key)) >= 0) {
		form_driver(f->form, req);
		f->changed = 1;
		return UI_HANDLED;
	}
	if (ev->key == '\t' || ev->key == UI_KFN + KEY_DOWN ||
	    ev->act == UI_ACT_NEXT_FIELD)
		return leave_field(f, ui, REQ_NEXT_FIELD);
	if (ev->key == UI_KFN + KEY_BTAB || ev->key == UI_KFN + KEY_UP ||
	    ev->act == UI_ACT_PREV_FIELD)
		return leave_field(f, ui, REQ_PREV_FIELD);
	return UI_UNHANDLED;
}
