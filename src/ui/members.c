/*
 * members.c - see members.h.  Three screens: the list (the table widget
 * over member_page), the member form, and one member's page (the table
 * widget over lot_list under a header with the balance).
 *
 * A table row key is "ID\x1fSORTKEY": the member_cursor the next page
 * starts from, so paging is keyset paging all the way down.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/lot_list.h"
#include "model/member.h"
#include "model/payment.h"
#include "ui/desk.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "ui/members.h"
#include "ui/table.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/xalloc.h"

#define PAGE_MAX 256

/* ---- the list ---- */

static const struct ui_column list_cols[] = {
    {N_("Code"), 8, UI_COL_SORTABLE},
    {N_("Full name"), 12, UI_COL_SORTABLE},
    {N_("Village"), 0, 0},
    {N_("Phone"), 12, 0},
    {N_("Balance"), 11, UI_COL_RIGHT},
};

struct mlist {
	struct db *db;
	struct ui_table *table;
};

/* Rows of one member_page call, kept to hand out nearest first. */
struct mrows {
	struct db *db;
	char *keys[PAGE_MAX];
	char *cells[PAGE_MAX][5];
	int n;
};

static int
mrows_add(const struct member_row *r, void *arg)
{
	struct mrows *m = arg;
	char buf[NUM_FMT_SIZE];
	int64_t bal = 0;

	payout_balance(m->db, r->m.id, NULL, NULL, &bal);
	m->keys[m->n] = xasprintf("%lld\x1f%s", r->cursor.id, r->cursor.key);
	m->cells[m->n][0] = xstrdup(r->m.code);
	m->cells[m->n][1] = xstrdup(r->m.name);
	m->cells[m->n][2] = xstrdup(r->m.village ? r->m.village : "");
	m->cells[m->n][3] = xstrdup(r->m.phone ? r->m.phone : "");
	m->cells[m->n][4] = xstrdup(money_format_grouped(bal, buf, sizeof buf));
	return ++m->n >= PAGE_MAX;
}

/* Split "ID\x1fKEY" into c (key points into a copy the caller frees). */
static char *
key_split(const char *from, struct member_cursor *c)
{
	char *copy = xstrdup(from), *sep = strchr(copy, '\x1f');

	c->id = strtoll(copy, NULL, 10);
	c->key = sep != NULL ? sep + 1 : copy + strlen(copy);
	return copy;
}

static int
mlist_fetch(void *ctx, const struct ui_table_query *q, const char *from,
    int dir, int max, struct ui_table_batch *b)
{
	struct mlist *l = ctx;
	struct mrows *m = xcalloc(1, sizeof *m);
	struct member_cursor cur = {0};
	char *copy = NULL;
	enum status st;
	int rc = 0;

	cur.sort = q->sort == 1 ? MEMBER_SORT_NAME : MEMBER_SORT_CODE;
	if (from != NULL)
		copy = key_split(from, &cur);
	m->db = l->db;
	st = member_page(l->db, q->search, cur.sort, 0,
	    from != NULL ? &cur : NULL, dir<0, max> PAGE_MAX ? PAGE_MAX : max,
	    mrows_add, m);
	for (int i = 0; i < m->n; i++) {
		int k = dir < 0 ? m->n - 1 - i : i;

		ui_table_batch_add(
		    b, m->keys[k], (const char *const *)m->cells[k], 0);
	}
	for (int i = 0; i < m->n; i++) {
		free(m->keys[i]);
		for (int c = 0; c < 5; c++)
			free(m->cells[i][c]);
	}
	free(m);
	free(copy);
	if (st != ST_OK) {
		rc = -1;
	}
	return rc;
}

/* The member id under the cursor, or 0. */
static long long
mlist_current(struct mlist *l)
{
	const char *k = ui_table_current(l->table);

	return k != NULL ? strtoll(k, NULL, 10) : 0;
}

/* ---- the member form ---- */

enum { MF_CODE, MF_NAME, MF_VILLAGE, MF_PHONE, MF_N };

static const struct ui_field_def member_defs[MF_N] = {
    {N_("Code"), UI_FIELD_TEXT, 12, UI_FIELD_REQUIRED, NULL, NULL, NULL},
    {N_("Full name"), UI_FIELD_TEXT, 24, UI_FIELD_REQUIRED, NULL, NULL, NULL},
    {N_("Village"), UI_FIELD_TEXT, 0, 0, NULL, NULL, NULL},
    {N_("Phone"), UI_FIELD_TEXT, 16, 0, NULL, NULL, NULL},
};

struct mform {
	struct db *db;
	long long id; /* 0: a new member */
	struct ui_form *form;
};

/* What the member form is opened with. */
struct mform_arg {
	struct db *db;
	long long id;
};

static const enum ui_action form_actions[] = {UI_ACT_HELP, UI_ACT_SAVE,
    UI_ACT_NEXT_FIELD, UI_ACT_PREV_FIELD, UI_ACT_BACK, UI_ACT_NONE};

static int
mform_open(struct ui_view *v, void *arg)
{
	const struct mform_arg *a = arg;
	struct mform *f = xcalloc(1, sizeof *f);
	struct member m = {0};

	f->db = a->db;
	f->id = a->id;
	f->form = ui_form_new(member_defs, MF_N);
	if (f->id != 0 && member_get_by_id(f->db, f->id, &m) == ST_OK) {
		ui_form_set(f->form, MF_CODE, m.code);
		ui_form_set(f->form, MF_NAME, m.name);
		ui_form_set(f->form, MF_VILLAGE, m.village);
		ui_form_set(f->form, MF_PHONE, m.phone);
		ui_view_set_title(v, _("Member %s"), m.code);
	}
	member_clear(&m);
	v->data = f;
	return 0;
}

static void
mform_close(struct ui_view *v)
{
	struct mform *f = v->data;

	ui_form_free(f->form);
	free(f);
}

static void
mform_layout(struct ui_view *v, struct ui_rect r)
{
	struct mform *f = v->data;

	r.y++;
	r.h--;
	ui_form_layout(f->form, r);
}

static void
mform_draw(struct ui_view *v, struct ui_rect r)
{
	struct mform *f = v->data;

	(void)r;
	ui_form_draw(f->form);
}

static unsigned
mform_key(struct ui_view *v, const struct ui_event *ev)
{
	struct mform *f = v->data;
	unsigned fl = ui_form_key(f->form, v->ui, ev);
	struct member m = {0};
	enum status st;

	if (fl != UI_UNHANDLED ||
	    (ev->act != UI_ACT_SAVE && ev->act != UI_ACT_OPEN))
		return fl;
	if (ui_form_check(f->form, v->ui) < 0)
		return UI_DRAW_BODY;
	m.id = f->id;
	m.code = ui_form_get(f->form, MF_CODE);
	m.name = ui_form_get(f->form, MF_NAME);
	m.village = ui_form_get(f->form, MF_VILLAGE);
	m.phone = ui_form_get(f->form, MF_PHONE);
	st =
	    f->id != 0 ? member_update(f->db, &m) : member_add(f->db, &m, NULL);
	if (st == ST_OK)
		ui_message(v->ui, _("Member %s saved."), m.code);
	else
		desk_error(v->ui, f->db, st);
	member_clear(&m);
	return st == ST_OK ? UI_POP : UI_HANDLED;
}

static int
mform_cursor(struct ui_view *v)
{
	struct mform *f = v->data;

	return ui_form_cursor(f->form);
}

static const struct screen member_form_screen = {
    .name = "member-form",
    .title = N_("New member"),
    .open = mform_open,
    .close = mform_close,
    .layout = mform_layout,
    .draw = mform_draw,
    .key = mform_key,
    .cursor = mform_cursor,
    .actions = form_actions,
    .help = N_("The member's code (unique), name, village and phone.  F2 "
	       "saves."),
};

/* ---- one member's page ---- */

static const struct ui_column lot_cols[] = {
    {N_("Lot"), 4, UI_COL_RIGHT},
    {N_("Received"), 10, 0},
    {N_("Product"), 0, 0},
    {N_("Qty"), 10, UI_COL_RIGHT},
    {N_("Grade"), 5, 0},
    {N_("Cost"), 9, UI_COL_RIGHT},
    {N_("Best-before"), 11, 0},
};

struct mdetail {
	struct db *db;
	struct member m;
	int64_t owed, paid, balance;
	struct ui_table *table;
};

struct lot_batch {
	struct ui_table_batch *b;
};

static int
lot_add(const struct lot_row *r, void *arg)
{
	struct lot_batch *lb = arg;
	char key[24], id[24], qty[NUM_FMT_SIZE], cost[NUM_FMT_SIZE];
	char *q, *prod;

	snprintf(key, sizeof key, "%lld", r->id);
	snprintf(id, sizeof id, "%lld", r->id);
	qty_format(r->qty, qty, sizeof qty);
	q = xasprintf("%s %s", qty, r->unit);
	prod = xasprintf("%s %s", r->sku, r->name);
	money_format_grouped(r->cost_total, cost, sizeof cost);
	{
		const char *cells[7] = {id, r->received_on, prod, q, r->grade,
		    cost, r->best_before};

		ui_table_batch_add(lb->b, key, cells, 0);
	}
	free(q);
	free(prod);
	return 0;
}

static int
lot_fetch(void *ctx, const struct ui_table_query *q, const char *from, int dir,
    int max, struct ui_table_batch *b)
{
	struct mdetail *d = ctx;
	struct lot_batch lb = {b};

	(void)q;
	if (lot_list(d->db, d->m.id, from != NULL ? strtoll(from, NULL, 10) : 0,
		dir < 0, max, lot_add, &lb) != ST_OK)
		return -1;
	return 0;
}

static const enum ui_action detail_actions[] = {UI_ACT_HELP, UI_ACT_PAY,
    UI_ACT_EDIT, UI_ACT_UP, UI_ACT_DOWN, UI_ACT_PGUP, UI_ACT_PGDN, UI_ACT_HOME,
    UI_ACT_END, UI_ACT_BACK, UI_ACT_NONE};

static void
detail_load(struct mdetail *d, struct ui_view *v)
{
	long long id = d->m.id;

	member_clear(&d->m);
	member_get_by_id(d->db, id, &d->m);
	d->m.id = id;
	payout_balance(d->db, id, &d->owed, &d->paid, &d->balance);
	ui_view_set_title(v, _("Member %s %s"), d->m.code ? d->m.code : "",
	    d->m.name ? d->m.name : "");
}

static int
detail_open(struct ui_view *v, void *arg)
{
	const struct mform_arg *a = arg;
	struct mdetail *d = xcalloc(1, sizeof *d);

	d->db = a->db;
	d->m.id = a->id;
	d->table = ui_table_new(lot_cols, 7, lot_fetch, d);
	ui_table_set_empty(d->table, _("No lots from this member yet."));
	detail_load(d, v);
	v->data = d;
	return 0;
}

static void
detail_close(struct ui_view *v)
{
	struct mdetail *d = v->data;

	ui_table_free(d->table);
	member_clear(&d->m);
	free(d);
}

static void
detail_layout(struct ui_view *v, struct ui_rect r)
{
	struct mdetail *d = v->data;

	r.y += 3;
	r.h -= 3;
	ui_table_layout(d->table, r);
}

static void
detail_draw(struct ui_view *v, struct ui_rect r)
{
	struct mdetail *d = v->data;
	char o[NUM_FMT_SIZE], p[NUM_FMT_SIZE], b[NUM_FMT_SIZE];

	ui_putf(r.y, r.x + 1, r.w - 2, TEXT_LEFT, UI_STYLE_NORMAL, "%s  %s",
	    d->m.village ? d->m.village : "", d->m.phone ? d->m.phone : "");
	ui_putf(r.y + 1, r.x + 1, r.w - 2, TEXT_LEFT, UI_STYLE_HEADER,
	    _("Owed %s   Paid %s   Balance %s"),
	    money_format_grouped(d->owed, o, sizeof o),
	    money_format_grouped(d->paid, p, sizeof p),
	    money_format_grouped(d->balance, b, sizeof b));
	ui_table_draw(d->table);
}

static unsigned
detail_pay(struct ui_view *v, struct mdetail *d)
{
	char *amount, *note;
	int64_t fen = 0;
	enum status st;

	amount = ui_prompt(v->ui, _("Payment"), _("Amount"), NULL,
	    UI_FIELD_MONEY, UI_FIELD_REQUIRED);
	if (amount == NULL)
		return UI_DRAW_ALL;
	note =
	    ui_prompt(v->ui, _("Payment"), _("Note"), NULL, UI_FIELD_TEXT, 0);
	if (note == NULL) {
		free(amount);
		return UI_DRAW_ALL;
	}
	money_parse(amount, 0, &fen);
	st = payment_record(d->db, d->m.id, fen, NULL, note);
	if (st == ST_OK)
		ui_message(v->ui, _("Paid %s to %s."), amount, d->m.name);
	else
		desk_error(v->ui, d->db, st);
	detail_load(d, v);
	free(amount);
	free(note);
	return UI_DRAW_ALL;
}

static unsigned
detail_key(struct ui_view *v, const struct ui_event *ev)
{
	struct mdetail *d = v->data;
	unsigned fl = ui_table_key(d->table, ev);
	struct mform_arg a = {d->db, d->m.id};

	if (fl != UI_UNHANDLED)
		return fl;
	if (ev->act == UI_ACT_PAY)
		return detail_pay(v, d);
	if (ev->act == UI_ACT_EDIT) {
		struct ui_view *c = ui_push(v->ui, &member_form_screen, &a);

		if (c != NULL)
			ui_run_modal(v->ui, c);
		detail_load(d, v);
		return UI_DRAW_ALL;
	}
	return UI_UNHANDLED;
}

static const struct screen member_detail_screen = {
    .name = "member",
    .title = N_("Member"),
    .open = detail_open,
    .close = detail_close,
    .layout = detail_layout,
    .draw = detail_draw,
    .key = detail_key,
    .actions = detail_actions,
    .help = N_("The lots this member brought in, newest first, and what "
	       "the cooperative owes them.  P records a payment."),
};

/* ---- the list screen ---- */

/* Run sc modally over v with a, so the caller can refresh after it. */
static void
push_modal(struct ui_view *v, const struct screen *sc, struct mform_arg *a)
{
	struct ui_view *c = ui_push(v->ui, sc, a);

	if (c != NULL)
		ui_run_modal(v->ui, c);
}

static const enum ui_action list_actions[] = {UI_ACT_HELP, UI_ACT_OPEN,
    UI_ACT_NEW, UI_ACT_EDIT, UI_ACT_FIND, UI_ACT_SORT, UI_ACT_UP, UI_ACT_DOWN,
    UI_ACT_PGUP, UI_ACT_PGDN, UI_ACT_HOME, UI_ACT_END, UI_ACT_BACK,
    UI_ACT_NONE};

static int
mlist_open(struct ui_view *v, void *arg)
{
	struct mlist *l = xcalloc(1, sizeof *l);

	l->db = desk_db(arg);
	l->table = ui_table_new(list_cols, 5, mlist_fetch, l);
	ui_table_set_empty(l->table, _("No members yet: n adds one."));
	v->data = l;
	return 0;
}

static void
mlist_close(struct ui_view *v)
{
	struct mlist *l = v->data;

	ui_table_free(l->table);
	free(l);
}

static void
mlist_layout(struct ui_view *v, struct ui_rect r)
{
	struct mlist *l = v->data;

	ui_table_layout(l->table, r);
}

static void
mlist_draw(struct ui_view *v, struct ui_rect r)
{
	struct mlist *l = v->data;

	(void)r;
	ui_table_draw(l->table);
}

static unsigned
mlist_key(struct ui_view *v, const struct ui_event *ev)
{
	struct mlist *l = v->data;
	unsigned fl = ui_table_key(l->table, ev);
	struct mform_arg a = {l->db, mlist_current(l)};

	if (fl != UI_UNHANDLED)
		return fl;
	switch (ev->act) {
	case UI_ACT_NEW:
		a.id = 0;
		push_modal(v, &member_form_screen, &a);
		break;
	case UI_ACT_EDIT:
		if (a.id != 0)
			push_modal(v, &member_form_screen, &a);
		break;
	case UI_ACT_OPEN:
		if (a.id != 0)
			push_modal(v, &member_detail_screen, &a);
		break;
	default:
		return UI_UNHANDLED;
	}
	ui_table_refresh(l->table);
	return UI_DRAW_ALL;
}

static int
mlist_cursor(struct ui_view *v)
{
	struct mlist *l = v->data;

	return ui_table_cursor(l->table);
}

const struct screen members_screen = {
    .name = "members",
    .title = N_("Members"),
    .open = mlist_open,
    .close = mlist_close,
    .layout = mlist_layout,
    .draw = mlist_draw,
    .key = mlist_key,
    .cursor = mlist_cursor,
    .actions = list_actions,
    .help = N_("The farmers who bring produce in.  / finds by code, name "
	       "or village; Enter opens a member's lots and balance; n adds "
	       "a member, e edits one."),
};
