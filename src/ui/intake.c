/*
 * intake.c - see intake.h.  A form screen; the two lookups keep the id
 * they found next to the text they showed, so checking the form again
 * before saving does not search again.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/draft.h"
#include "model/member.h"
#include "model/product.h"
#include "model/setting.h"
#include "model/stock.h"
#include "ui/desk.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "ui/intake.h"
#include "ui/print_receipt.h"
#include "ui/session.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/xalloc.h"

#define PICK_MAX 50

/* A lookup's state: what it found and showed. */
struct desk_pick {
	struct db *db;
	struct ui *ui;
	long long id; /* 0 until picked */
	char *shown;  /* the canonical text of the pick */
};

enum { F_MEMBER, F_PRODUCT, F_QTY, F_GRADE, F_COST, F_RECEIVED, F_BEST, F_N };

struct intake_ui {
	struct db *db;
	struct desk_pick member, product;
	struct ui_field_def defs[F_N];
	struct ui_form *form;
	int from_draft; /* opened from a draft: keep it again on hangup */
};

/* Names found by a search, for ui_choose. */
struct found {
	char *items[PICK_MAX];
	long long ids[PICK_MAX];
	size_t n;
};

static void
found_free(struct found *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->items[i]);
}

/* Settle a pick: one match is taken, several asked, none an error. */
static int
pick_settle(struct desk_pick *pk, struct found *f, const char *title,
    const char *typed, char **value, char **error)
{
	long i = 0;

	if (f->n == 0) {
		*error = xasprintf(_("Nothing matches \"%s\"."), typed);
		return -1;
	}
	if (f->n > 1)
		i = ui_choose(
		    pk->ui, title, (const char *const *)f->items, f->n);
	if (i < 0) {
		*error = xstrdup(_("Nothing was chosen."));
		return -1;
	}
	pk->id = f->ids[i];
	free(pk->shown);
	pk->shown = xstrdup(f->items[i]);
	*value = xstrdup(pk->shown);
	return 0;
}

/* "CODE name" exactly as a pick shows it (a draft brings it back):
 * ST_OK with *m filled when typed is that of an active member. */
static enum status
canonical_member(struct db *db, const char *typed, struct member *m)
{
	const char *sp = strchr(typed, ' ');
	char *code, *shown;
	enum status st;

	if (sp == NULL)
		return ST_NOT_FOUND;
	code = xstrndup(typed, (size_t)(sp - typed));
	st = member_get_by_code(db, code, m);
	if (st == ST_OK) {
		shown = xasprintf("%s %s", m->code, m->name);
		if (strcmp(shown, typed) != 0 || !m->active) {
			member_clear(m);
			st = ST_NOT_FOUND;
		}
		free(shown);
	}
	free(code);
	return st;
}

/* As canonical_member, for "SKU name" of a product. */
static enum status
canonical_product(struct db *db, const char *typed, struct product *p)
{
	const char *sp = strchr(typed, ' ');
	char *sku, *shown;
	enum status st;

	if (sp == NULL)
		return ST_NOT_FOUND;
	sku = xstrndup(typed, (size_t)(sp - typed));
	st = product_get_by_sku(db, sku, p);
	if (st == ST_OK) {
		shown = xasprintf("%s %s", p->sku, p->name);
		if (strcmp(shown, typed) != 0 || !p->active) {
			product_clear(p);
			st = ST_NOT_FOUND;
		}
		free(shown);
	}
	free(sku);
	return st;
}

static int
member_found(const struct member_row *r, void *arg)
{
	struct found *f = arg;

	f->ids[f->n] = r->m.id;
	f->items[f->n++] = xasprintf("%s %s", r->m.code, r->m.name);
	return f->n >= PICK_MAX;
}

static int
member_lookup(void *ctx, const char *typed, char **value, char **error)
{
	struct desk_pick *pk = ctx;
	struct member m = {0};
	struct found f = {.n = 0};
	int rc;

	if (pk->shown != NULL && strcmp(typed, pk->shown) == 0) {
		*value = xstrdup(pk->shown);
		return 0;
	}
	if (canonical_member(pk->db, typed, &m) == ST_OK ||
	    (member_get_by_code(pk->db, typed, &m) == ST_OK && m.active)) {
		f.ids[0] = m.id;
		f.items[f.n++] = xasprintf("%s %s", m.code, m.name);
	} else if (member_page(pk->db, typed, MEMBER_SORT_NAME, 0, NULL, 0,
		       PICK_MAX, member_found, &f) != ST_OK) {
		*error = xstrdup(db_errmsg(pk->db));
		member_clear(&m);
		return -1;
	}
	member_clear(&m);
	rc = pick_settle(pk, &f, _("Which member?"), typed, value, error);
	found_free(&f);
	return rc;
}

static int
product_found(const struct product_row *r, void *arg)
{
	struct found *f = arg;

	f->ids[f->n] = r->p.id;
	f->items[f->n++] = xasprintf("%s %s", r->p.sku, r->p.name);
	return f->n >= PICK_MAX;
}

static int
product_lookup(void *ctx, const char *typed, char **value, char **error)
{
	struct desk_pick *pk = ctx;
	struct product p = {0};
	struct found f = {.n = 0};
	int rc;

	if (pk->shown != NULL && strcmp(typed, pk->shown) == 0) {
		*value = xstrdup(pk->shown);
		return 0;
	}
	if (canonical_product(pk->db, typed, &p) == ST_OK ||
	    (product_find_code(pk->db, typed, &p) == ST_OK && p.active)) {
		f.ids[0] = p.id;
		f.items[f.n++] = xasprintf("%s %s", p.sku, p.name);
	} else if (product_page(pk->db, typed, PRODUCT_SORT_SKU, 0, NULL, 0,
		       PICK_MAX, product_found, &f) != ST_OK) {
		*error = xstrdup(db_errmsg(pk->db));
		product_clear(&p);
		return -1;
	}
	product_clear(&p);
	rc = pick_settle(pk, &f, _("Which product?"), typed, value, error);
	found_free(&f);
	return rc;
}

static const struct ui_field_def intake_defs[F_N] = {
    [F_MEMBER] = {N_("Member"), UI_FIELD_LOOKUP, 0, UI_FIELD_REQUIRED, NULL,
	NULL, NULL},
    [F_PRODUCT] = {N_("Product"), UI_FIELD_LOOKUP, 0, UI_FIELD_REQUIRED, NULL,
	NULL, NULL},
    [F_QTY] = {N_("Quantity"), UI_FIELD_QTY, 12, UI_FIELD_REQUIRED, NULL, NULL,
	NULL},
    [F_GRADE] = {N_("Grade"), UI_FIELD_TEXT, 12, 0, NULL, NULL, NULL},
    [F_COST] = {N_("Unit cost"), UI_FIELD_MONEY, 12, UI_FIELD_REQUIRED, NULL,
	NULL, NULL},
    [F_RECEIVED] = {N_("Received"), UI_FIELD_DATE, 12, UI_FIELD_REQUIRED, NULL,
	NULL, NULL},
    [F_BEST] = {N_("Best-before"), UI_FIELD_DATE, 12, 0, NULL, NULL, NULL},
};

static const enum ui_action intake_actions[] = {UI_ACT_HELP, UI_ACT_SAVE,
    UI_ACT_NEXT_FIELD, UI_ACT_PREV_FIELD, UI_ACT_BACK, UI_ACT_NONE};

/* The values of a draft being reopened (intake_offer_draft), taken by the
 * next intake_open. */
static char **draft_vals;
static size_t draft_n;

static void
intake_reset(struct intake_ui *s)
{
	char today[DATE_SIZE];

	for (size_t i = 0; i < F_N; i++)
		ui_form_set(s->form, i, NULL);
	ui_form_set(s->form, F_RECEIVED, date_today(today, sizeof today));
	ui_form_focus(s->form, F_MEMBER);
}

static int
intake_open(struct ui_view *v, void *arg)
{
	struct intake_ui *s = xcalloc(1, sizeof *s);

	s->db = desk_db(arg);
	s->member.db = s->product.db = s->db;
	s->member.ui = s->product.ui = v->ui;
	memcpy(s->defs, intake_defs, sizeof s->defs);
	s->defs[F_MEMBER].lookup = member_lookup;
	s->defs[F_MEMBER].lookup_ctx = &s->member;
	s->defs[F_PRODUCT].lookup = product_lookup;
	s->defs[F_PRODUCT].lookup_ctx = &s->product;
	s->form = ui_form_new(s->defs, F_N);
	intake_reset(s);
	for (size_t i = 0; draft_vals != NULL && i < draft_n && i < F_N; i++)
		ui_form_set(s->form, i, draft_vals[i]);
	s->from_draft = draft_vals != NULL;
	draft_vals = NULL;
	v->data = s;
	return 0;
}

static void
intake_close(struct ui_view *v)
{
	struct intake_ui *s = v->data;

	ui_form_free(s->form);
	free(s->member.shown);
	free(s->product.shown);
	free(s);
}

static void
intake_layout(struct ui_view *v, struct ui_rect r)
{
	struct intake_ui *s = v->data;

	r.y++;
	r.h -= 2;
	ui_form_layout(s->form, r);
}

static void
intake_draw(struct ui_view *v, struct ui_rect r)
{
	struct intake_ui *s = v->data;

	ui_put(r.y, r.x + 1, r.w - 2,
	    _("Member: a code or part of a name.  Product: SKU, short code or "
	      "name."),
	    TEXT_LEFT, UI_STYLE_NORMAL);
	ui_form_draw(s->form);
}

/* Offer the receipt of the lot just saved. */
static void
intake_receipt(struct intake_ui *s, struct ui *ui, const struct intake *in,
    long long lot_id, const char *unit)
{
	struct receipt r = {0};
	char *coop = setting_get(s->db, "coop_name", "coopstock");
	char *path, *text, *err = NULL;
	int64_t total = 0;

	money_mul_qty(in->unit_cost, in->qty, &total);
	r.coop_name = coop;
	r.date = in->received_on;
	r.member = s->member.shown;
	r.product = s->product.shown;
	r.unit = unit;
	r.grade = in->grade;
	r.best_before = in->best_before;
	r.clerk = db_actor(s->db);
	r.lot_id = lot_id;
	r.qty = in->qty;
	r.unit_cost = in->unit_cost;
	r.total = total;
	path = ui_prompt(ui, _("Receipt"), _("Save to file (empty: printer)"),
	    NULL, UI_FIELD_TEXT, 0);
	if (path != NULL) {
		char *wstr = setting_get(s->db, "receipt_width", "32");

		text = receipt_format(&r, atoi(wstr));
		free(wstr);
		if (receipt_print(text, path, &err) < 0)
			ui_error(ui, "%s", err);
		else
			ui_message(
			    ui, _("Lot %lld saved; receipt printed."), lot_id);
		free(text);
		free(err);
		free(path);
	}
	free(coop);
}

static char *
get_or_null(struct ui_form *f, size_t i)
{
	char *s = ui_form_get(f, i);

	if (s[0] != '\0')
		return s;
	free(s);
	return NULL;
}

static unsigned
intake_save(struct ui_view *v, struct intake_ui *s)
{
	struct intake in = {0};
	struct product p = {0};
	char *qty, *cost, *grade, *received, *best;
	long long lot = 0;
	enum status st;

	if (ui_form_check(s->form, v->ui) < 0)
		return UI_DRAW_BODY;
	qty = ui_form_get(s->form, F_QTY);
	cost = ui_form_get(s->form, F_COST);
	grade = ui_form_get(s->form, F_GRADE);
	received = ui_form_get(s->form, F_RECEIVED);
	best = get_or_null(s->form, F_BEST);
	in.product_id = s->product.id;
	in.member_id = s->member.id;
	qty_parse(qty, 0, &in.qty);
	money_parse(cost, 0, &in.unit_cost);
	in.grade = grade;
	in.received_on = received;
	in.best_before = best;
	st = stock_intake(s->db, &in, &lot);
	if (st != ST_OK) {
		desk_error(v->ui, s->db, st);
	} else {
		ui_message(v->ui, _("Lot %lld saved."), lot);
		product_get_by_id(s->db, in.product_id, &p);
		intake_receipt(
		    s, v->ui, &in, lot, p.unit != NULL ? p.unit : "");
		product_clear(&p);
		intake_reset(s);
	}
	free(qty);
	free(cost);
	free(grade);
	free(received);
	free(best);
	return UI_DRAW_ALL;
}

/* After the quantity or the cost: say what the lot will be owed. */
static void
intake_owed_hint(struct ui_view *v, struct intake_ui *s)
{
	char *qty = ui_form_get(s->form, F_QTY);
	char *cost = ui_form_get(s->form, F_COST);
	char buf[NUM_FMT_SIZE];
	int64_t q, c, total;

	if (qty_parse(qty, 0, &q) == NUM_OK &&
	    money_parse(cost, 0, &c) == NUM_OK &&
	    money_mul_qty(c, q, &total) == NUM_OK)
		ui_message(v->ui, _("%s x %s = %s owed to the member"), qty,
		    cost, money_format_grouped(total, buf, sizeof buf));
	free(qty);
	free(cost);
}

static unsigned
intake_key(struct ui_view *v, const struct ui_event *ev)
{
	struct intake_ui *s = v->data;
	size_t was = ui_form_current(s->form);
	unsigned fl = ui_form_key(s->form, v->ui, ev);

	if (ui_form_current(s->form) != was && (was == F_QTY || was == F_COST))
		intake_owed_hint(v, s);

	if (fl != UI_UNHANDLED ||
	    (ev->act != UI_ACT_SAVE && ev->act != UI_ACT_OPEN))
		return fl;
	return intake_save(v, s);
}

static int
intake_cursor(struct ui_view *v)
{
	struct intake_ui *s = v->data;

	return ui_form_cursor(s->form);
}

/* The line dropped: keep what was typed as a draft.  Never draws. */
static void
intake_hangup(struct ui_view *v)
{
	struct intake_ui *s = v->data;
	char *vals[F_N], *body;

	if (session_clerk_id() <= 0 ||
	    (!ui_form_changed(s->form) && !s->from_draft))
		return;
	for (size_t i = 0; i < F_N; i++)
		vals[i] = ui_form_get(s->form, i);
	body = draft_encode((const char *const *)vals, F_N);
	draft_save(s->db, session_clerk_id(), INTAKE_DRAFT_KIND, body);
	free(body);
	for (size_t i = 0; i < F_N; i++)
		free(vals[i]);
}

void
intake_offer_draft(struct ui *ui, const char *body)
{
	char **vals;
	size_t n;

	draft_decode(body, &vals, &n);
	if (ui_confirm(ui, _("You were taking in produce when the connection "
			     "dropped. Continue?"))) {
		draft_vals = vals;
		draft_n = n;
		ui_push(ui, &intake_screen, NULL);
		draft_vals = NULL;
	}
	draft_values_free(vals, n);
}

const struct screen intake_screen = {
    .name = "intake",
    .title = N_("Intake"),
    .open = intake_open,
    .close = intake_close,
    .layout = intake_layout,
    .draw = intake_draw,
    .key = intake_key,
    .cursor = intake_cursor,
    .hangup = intake_hangup,
    .actions = intake_actions,
    .help = N_("A member brings produce in.  Type the member's code or "
	       "part of the name, the product's SKU, short code or name, "
	       "then the quantity, grade and cost per unit.  F2 saves the "
	       "lot and offers a receipt: type a file name, or leave it "
	       "empty to print."),
};
