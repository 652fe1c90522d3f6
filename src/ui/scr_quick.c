/*
 * scr_quick.c - see scr_quick.h.
 *
 * The form holds only what was typed.  After every key in the lines
 * field the text is parsed again (quick_parse, read-only: no transaction
 * is open while the clerk types) and the lines below the form are
 * redrawn; the parser's reason for a bad token goes to the message line.
 * Leaving the phone field asks customer_find once per number typed.
 * Saving is quick_order_create, one transaction.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/customer.h"
#include "model/quick.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "ui/scr_quick.h"
#include "ui/session.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/xalloc.h"

enum { F_PHONE, F_NAME, F_ADDRESS, F_LINES, NFIELDS };

/* clang-format off */
static const struct ui_field_def quick_fields[NFIELDS] = {
	{N_("Phone"), UI_FIELD_TEXT, 20, 0, NULL, NULL, NULL},
	{N_("Name"), UI_FIELD_TEXT, 0, 0, NULL, NULL, NULL},
	{N_("Address"), UI_FIELD_TEXT, 0, 0, NULL, NULL, NULL},
	{N_("Lines (ht 2, fm 1.5)"), UI_FIELD_TEXT, 0, UI_FIELD_REQUIRED, NULL, NULL, NULL},
};
/* clang-format on */

static const enum ui_action quick_actions[] = {UI_ACT_SAVE, UI_ACT_NEXT_FIELD,
    UI_ACT_PREV_FIELD, UI_ACT_HELP, UI_ACT_NONE};

struct quick {
	struct ui_form *form;
	struct ui_rect body;
	char *looked_up; /* the phone customer_find was last asked about */
	struct quick_spec spec;
	int parsed; /* spec holds the lines field's parse */
	long saved; /* orders saved on this screen */
};

static int
quick_open(struct ui_view *v, void *arg)
{
	struct quick *q = xcalloc(1, sizeof(*q));

	(void)arg;
	q->form = ui_form_new(quick_fields, NFIELDS);
	v->data = q;
	return 0;
}

static void
quick_close(struct ui_view *v)
{
	struct quick *q = v->data;

	ui_form_free(q->form);
	quick_spec_clear(&q->spec);
	free(q->looked_up);
	free(q);
}

static void
quick_layout(struct ui_view *v, struct ui_rect r)
{
	struct quick *q = v->data;

	q->body = r;
	r.y++;
	r.h = NFIELDS;
	ui_form_layout(q->form, r);
}

/* The parsed lines below the form, and the running total. */
static void
draw_lines(struct quick *q)
{
	struct ui_rect r = q->body;
	int y = r.y + NFIELDS + 2, last = r.y + r.h - 1;
	char qty[32], price[32], total[32];

	for (int i = y; i <= last; i++)
		ui_put(i, r.x, r.w, "", TEXT_LEFT, UI_STYLE_NORMAL);
	if (!q->parsed)
		return;
	for (int i = 0; i < q->spec.n && y < last; i++, y++) {
		const struct quick_line *l = &q->spec.v[i];

		ui_putf(y, r.x + 1, r.w - 2, TEXT_LEFT, UI_STYLE_NORMAL,
		    "%-10s %s", l->sku, l->name);
		ui_putf(y, r.x + 40, 38, TEXT_LEFT, UI_STYLE_NORMAL,
		    "%10s %-6s x %8s = %10s",
		    qty_format(l->in.qty, qty, sizeof qty), l->unit,
		    money_format(l->in.unit_price, price, sizeof price),
		    money_format(l->total, total, sizeof total));
	}
	ui_putf(y, r.x + 1, r.w - 2, TEXT_LEFT, UI_STYLE_HEADER,
	    _("Total: %s yuan"), money_format(q->spec.total, total, sizeof total));
}

static void
quick_draw(struct ui_view *v, struct ui_rect r)
{
	struct quick *q = v->data;

	ui_clear_rect(r);
	ui_putf(r.y, r.x + 1, r.w - 2, TEXT_LEFT, UI_STYLE_HEADER,
	    _("Quick phone order: %ld saved here"), q->saved);
	ui_form_draw(q->form);
	draw_lines(q);
}

/* Parse the lines field again; the error to the message line. */
static void
reparse(struct ui_view *v, struct quick *q)
{
	struct db *db = session_db();
	char *text = ui_form_get(q->form, F_LINES);

	quick_spec_clear(&q->spec);
	q->parsed = 0;
	if (text[0] != '\0') {
		if (quick_parse(db, text, &q->spec) == ST_OK)
			q->parsed = 1;
		else
			ui_error(v->ui, "%s", db_errmsg(db));
	}
	free(text);
}

/* The phone was left: fill name and address of a known customer. */
static void
fill_customer(struct ui_view *v, struct quick *q)
{
	struct db *db = session_db();
	char *phone = ui_form_get(q->form, F_PHONE);
	struct customer c;

	if (phone[0] == '\0' ||
	    (q->looked_up != NULL && strcmp(q->looked_up, phone) == 0)) {
		free(phone);
		return;
	}
	free(q->looked_up);
	q->looked_up = phone;
	if (customer_find(db, phone, &c) != ST_OK) {
		ui_message(v->ui, _("A new customer."));
		return;
	}
	ui_form_set(q->form, F_NAME, c.name);
	ui_form_set(q->form, F_ADDRESS, c.address);
	ui_message(v->ui, _("A repeat customer: %d earlier orders."), c.orders);
	customer_clear(&c);
}

/* Clear the form for the next order. */
static void
reset(struct quick *q)
{
	for (size_t i = 0; i < NFIELDS; i++)
		ui_form_set(q->form, i, "");
	free(q->looked_up);
	q->looked_up = NULL;
	quick_spec_clear(&q->spec);
	q->parsed = 0;
	ui_form_focus(q->form, F_PHONE);
}

static unsigned
quick_save(struct ui_view *v, struct quick *q)
{
	struct db *db = session_db();
	char *vals[NFIELDS];
	struct quick_order o = {0};
	long long id = 0;
	enum status s;

	if (ui_form_check(q->form, v->ui) < 0)
		return UI_DRAW_BODY;
	for (size_t i = 0; i < NFIELDS; i++)
		vals[i] = ui_form_get(q->form, i);
	o.phone = vals[F_PHONE];
	o.name = vals[F_NAME];
	o.address = vals[F_ADDRESS];
	o.lines = vals[F_LINES];
	s = quick_order_create(db, &o, &id);
	if (s == ST_OK) {
		q->saved++;
		reset(q);
		ui_message(v->ui, _("Order %lld saved."), id);
	} else if (s == ST_BUSY)
		ui_error(v->ui, _("Another clerk is saving right now and the "
				  "database is busy. Your typing is kept: "
				  "press F2 to try again."));
	else
		ui_error(v->ui, "%s", db_errmsg(db));
	for (size_t i = 0; i < NFIELDS; i++)
		free(vals[i]);
	return UI_DRAW_BODY;
}

static unsigned
quick_key(struct ui_view *v, const struct ui_event *ev)
{
	struct quick *q = v->data;
	size_t before = ui_form_current(q->form);
	unsigned f;

	if (ev->act == UI_ACT_SAVE ||
	    (ev->act == UI_ACT_OPEN && before == F_LINES))
		return quick_save(v, q);
	f = ui_form_key(q->form, v->ui, ev);
	if (f != UI_UNHANDLED) {
		if (before == F_PHONE &&
		    ui_form_current(q->form) != F_PHONE) {
			fill_customer(v, q);
			f |= UI_DRAW_BODY;
		}
		if (before == F_LINES) {
			reparse(v, q);
			draw_lines(q);
		}
		return f;
	}
	if (ev->act == UI_ACT_BACK) {
		if (ui_form_changed(q->form) &&
		    !ui_confirm(v->ui, _("Leave without saving what you "
					 "typed?")))
			return UI_DRAW_ALL;
		return UI_POP;
	}
	return UI_UNHANDLED;
}

static int
quick_cursor(struct ui_view *v)
{
	struct quick *q = v->data;

	return ui_form_cursor(q->form);
}

const struct screen quick_screen = {
    .name = "quick-order",
    .title = N_("Quick phone order"),
    .open = quick_open,
    .close = quick_close,
    .layout = quick_layout,
    .draw = quick_draw,
    .key = quick_key,
    .cursor = quick_cursor,
    .actions = quick_actions,
    .help = N_("Type the phone first: a repeat customer's name and address "
	       "fill in, to change if they changed. Then type the lines as "
	       "short codes or SKUs and quantities, like ht 2, fm 1.5; the "
	       "products, prices and total show as you type. Enter on the "
	       "lines, or F2, saves the order and clears the form for the "
	       "next one. Esc goes back."),
};
