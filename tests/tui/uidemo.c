/*
 * uidemo.c - the widget test program driven by tests/tui/widgets.sh
 * through tmux (built by make check, never installed).
 *
 * A list of 100,000 generated products served from memory through the
 * table widget's keyset callbacks (the same contract the model's queries
 * will meet), a form with every field type, and keys that open each
 * dialog.  Row 3 holds a hostile name full of escape sequences.  The
 * title shows how many rows were fetched and how many are held, so the
 * test can prove End does not walk the whole list.  On hangup the form
 * writes what was typed to $UIDEMO_DRAFT, as a real screen keeps a draft.
 */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "ui/table.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define NROWS 100000
#define HOSTILE_ROW 3

static const char hostile[] = "Evil\x1b]0;pwned\x07name\x1b[2J\xc2\x9b"
			      "\xe2\x80\xae"
			      "cba";

struct demo {
	char **names;   /* by id - 1 */
	size_t *byname; /* ids - 1 in name order */
	struct ui_table *table;
	long fetched;
};

static struct demo demo;

static const char *const words[] = {"核桃", "花椒", "蜂蜜", "木耳", "香菇",
    "Walnut", "Honey", "Pepper", "Tea", "Mushroom"};

static int
cmp_name(const void *a, const void *b)
{
	const size_t *x = a, *y = b;
	int c = strcmp(demo.names[*x], demo.names[*y]);

	return c ? c : (*x > *y) - (*x < *y);
}

static void
demo_build(void)
{
	size_t nw = sizeof(words) / sizeof(words[0]);

	demo.names = xcalloc(NROWS, sizeof(char *));
	demo.byname = xcalloc(NROWS, sizeof(size_t));
	for (size_t i = 0; i < NROWS; i++) {
		if (i + 1 == HOSTILE_ROW)
			demo.names[i] = xstrdup(hostile);
		else if (i % 7 == 1)
			demo.names[i] =
			    xasprintf("王芳的%s %zu", words[i % nw], i + 1);
		else
			demo.names[i] =
			    xasprintf("%s %zu", words[i % nw], i + 1);
		demo.byname[i] = i;
	}
	qsort(demo.byname, NROWS, sizeof(size_t), cmp_name);
}

/* Row id (0-based) at position pos of sort order sort. */
static size_t
id_at(size_t sort, long pos)
{
	return sort == 1 ? demo.byname[pos] : (size_t)pos;
}

static int
list_fetch(void *ctx, const struct ui_table_query *q, const char *from, int dir,
    int max, struct ui_table_batch *b)
{
	long pos =
	    from ? strtol(from, NULL, 10) + dir : (dir > 0 ? 0 : NROWS - 1);
	char *needle = text_fold(q->search);

	for (; pos >= 0 && pos < NROWS && max > 0; pos += dir) {
		size_t id = id_at(q->sort, pos);
		char key[24], no[24], qty[24], price[24];
		const char *cells[4] = {no, demo.names[id], qty, price};

		if (needle[0] != '\0') {
			char *hay = text_fold(demo.names[id]);
			int hit = strstr(hay, needle) != NULL;

			free(hay);
			if (!hit)
				continue;
		}
		snprintf(key, sizeof(key), "%ld", pos);
		snprintf(no, sizeof(no), "%zu", id + 1);
		snprintf(qty, sizeof(qty), "%zu", (id * 37) % 500);
		snprintf(price, sizeof(price), "%zu.%02zu", id % 300, id % 100);
		ui_table_batch_add(
		    b, key, cells, id % 50 == 0 ? UI_ROW_BOLD : 0);
		demo.fetched++;
		max--;
	}
	free(needle);
	return 0;
}

/* ---- the form screen ---- */

static const char *const units[] = {
    N_("kg"), N_("jin"), N_("jar"), N_("bag"), NULL};

static int
sku_lookup(void *ctx, const char *typed, char **value, char **error)
{
	char *up = xstrdup(typed);

	for (char *p = up; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	if (strncmp(up, "SKU-", 4) != 0) {
		*error = xstrdup("SKU must start with SKU-");
		free(up);
		return -1;
	}
	*value = up;
	return 0;
}

static const struct ui_field_def form_defs[] = {
    {"Name", UI_FIELD_TEXT, 30, UI_FIELD_REQUIRED, NULL, NULL, NULL},
    {"Price", UI_FIELD_MONEY, 14, 0, NULL, NULL, NULL},
    {"Quantity", UI_FIELD_QTY, 14, 0, NULL, NULL, NULL},
    {"Best before", UI_FIELD_DATE, 12, 0, NULL, NULL, NULL},
    {"Unit", UI_FIELD_CHOICE, 8, 0, units, NULL, NULL},
    {"Count", UI_FIELD_INT, 8, UI_FIELD_NEGATIVE, NULL, NULL, NULL},
    {"SKU", UI_FIELD_LOOKUP, 16, 0, NULL, sku_lookup, NULL},
};
#define NFIELDS (sizeof(form_defs) / sizeof(form_defs[0]))

static const enum ui_action form_actions[] = {UI_ACT_HELP, UI_ACT_SAVE,
    UI_ACT_NEXT_FIELD, UI_ACT_PREV_FIELD, UI_ACT_BACK, UI_ACT_NONE};

static int
form_open(struct ui_view *v, void *arg)
{
	struct ui_form *f = ui_form_new(form_defs, NFIELDS);

	if (arg != NULL)
		ui_form_set(f, 0, arg);
	v->data = f;
	return 0;
}

static void
form_close(struct ui_view *v)
{
	ui_form_free(v->data);
}

static void
form_layout(struct ui_view *v, struct ui_rect r)
{
	r.y++;
	r.h--;
	ui_form_layout(v->data, r);
}

static void
form_draw(struct ui_view *v, struct ui_rect r)
{
	ui_form_draw(v->data);
}

static unsigned
form_key(struct ui_view *v, const struct ui_event *ev)
{
	struct ui_form *f = v->data;
	unsigned fl = ui_form_key(f, v->ui, ev);
	char *name, *price;

	if (fl != UI_UNHANDLED ||
	    (ev->act != UI_ACT_SAVE && ev->act != UI_ACT_OPEN))
		return fl;
	if (ui_form_check(f, v->ui) < 0)
		return UI_HANDLED;
	name = ui_form_get(f, 0);
	price = ui_form_get(f, 1);
	ui_message(v->ui, "Saved: %s / %s", name, price);
	free(name);
	free(price);
	return UI_POP;
}

static int
form_cursor(struct ui_view *v)
{
	return ui_form_cursor(v->data);
}

static void
form_hangup(struct ui_view *v)
{
	const char *path = getenv("UIDEMO_DRAFT");
	FILE *fp;

	if (path == NULL || (fp = fopen(path, "w")) == NULL)
		return;
	for (size_t i = 0; i < NFIELDS; i++) {
		char *s = ui_form_get(v->data, i);

		fprintf(fp, "%s=%s\n", form_defs[i].label, s);
		free(s);
	}
	fclose(fp);
}

static const struct screen form_screen = {
    .name = "demo-form",
    .title = "Demo form",
    .open = form_open,
    .close = form_close,
    .layout = form_layout,
    .draw = form_draw,
    .key = form_key,
    .cursor = form_cursor,
    .hangup = form_hangup,
    .actions = form_actions,
    .help = "Fill in the fields; F2 saves.",
};

/* ---- the list screen ---- */

static const struct ui_column cols[] = {
    {"No.", 7, UI_COL_RIGHT | UI_COL_SORTABLE},
    {"Name", 0, UI_COL_SORTABLE},
    {"Qty", 6, UI_COL_RIGHT},
    {"Price", 9, UI_COL_RIGHT},
};

static const enum ui_action list_actions[] = {UI_ACT_HELP, UI_ACT_OPEN,
    UI_ACT_NEW, UI_ACT_FIND, UI_ACT_SORT, UI_ACT_CONFIRM, UI_ACT_PACK,
    UI_ACT_SHIP, UI_ACT_DELIVER, UI_ACT_UP, UI_ACT_DOWN, UI_ACT_PGUP,
    UI_ACT_PGDN, UI_ACT_HOME, UI_ACT_END, UI_ACT_QUIT, UI_ACT_NONE};

static void
list_title(struct ui_view *v)
{
	ui_view_set_title(v, "Demo list  fetched:%ld held:%zu", demo.fetched,
	    ui_table_rows_held(demo.table));
}

static int
list_open(struct ui_view *v, void *arg)
{
	demo.table = ui_table_new(cols, 4, list_fetch, NULL);
	ui_table_set_empty(demo.table, "No products yet.");
	v->data = demo.table;
	return 0;
}

static void
list_close(struct ui_view *v)
{
	ui_table_free(v->data);
}

static void
list_layout(struct ui_view *v, struct ui_rect r)
{
	ui_table_layout(v->data, r);
	list_title(v);
}

static void
list_draw(struct ui_view *v, struct ui_rect r)
{
	ui_table_draw(v->data);
}

/* The keys that open dialogs. */
static unsigned
list_dialogs(struct ui_view *v, enum ui_action act)
{
	static const char *const fruit[] = {"花椒", "核桃", "Honey", "Tea"};
	char *s;
	long i;

	switch (act) {
	case UI_ACT_CONFIRM:
		ui_message(v->ui, "Answer: %s",
		    ui_confirm(v->ui, "Confirm order 10231 for 王芳?") ? "yes"
								       : "no");
		return UI_HANDLED;
	case UI_ACT_PACK:
		s = ui_prompt(v->ui, "Clerk", "PIN", NULL, UI_FIELD_TEXT,
		    UI_FIELD_SECRET);
		ui_message(v->ui, "PIN: %s", s ? s : "(cancelled)");
		free(s);
		return UI_HANDLED;
	case UI_ACT_SHIP:
		i = ui_choose(v->ui, "Courier", fruit, 4);
		ui_message(v->ui, "Chose: %s", i >= 0 ? fruit[i] : "nothing");
		return UI_HANDLED;
	case UI_ACT_DELIVER:
		ui_alert(v->ui, "Delivered.  This is a message box.");
		ui_message(v->ui, "Alert closed");
		return UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

static unsigned
list_key(struct ui_view *v, const struct ui_event *ev)
{
	unsigned f = ui_table_key(v->data, ev);

	if (f == UI_UNHANDLED && ev->act == UI_ACT_OPEN)
		f = ui_push(v->ui, &form_screen,
			(void *)ui_table_current_cell(v->data, 1))
			? UI_HANDLED
			: UI_HANDLED;
	else if (f == UI_UNHANDLED && ev->act == UI_ACT_NEW)
		f = ui_push(v->ui, &form_screen, NULL) ? UI_HANDLED
						       : UI_HANDLED;
	else if (f == UI_UNHANDLED)
		f = list_dialogs(v, ev->act);
	list_title(v);
	return f;
}

static int
list_cursor(struct ui_view *v)
{
	return ui_table_cursor(v->data);
}

static const struct screen list_screen = {
    .name = "demo-list",
    .title = "Demo list",
    .open = list_open,
    .close = list_close,
    .layout = list_layout,
    .draw = list_draw,
    .key = list_key,
    .cursor = list_cursor,
    .actions = list_actions,
    .help = "A list of 100,000 made-up products.  Move with the arrows, "
	    "type / to find.",
};

int
main(void)
{
	struct ui *ui;

	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	/* The build tree's catalogues (made by make all): tests/tui/zh.sh. */
	bindtextdomain(PACKAGE, ABS_TOP_BUILDDIR "/po/locale");
	textdomain(PACKAGE);
#endif
	demo_build();
	ui = ui_new();
	ui_set_identity(ui, "王芳", "Longnan");
	ui_push(ui, &list_screen, NULL);
	ui_run(ui);
	ui_free(ui);
	for (size_t i = 0; i < NROWS; i++)
		free(demo.names[i]);
	free(demo.names);
	free(demo.byname);
	return 0;
}
