/*
 * product_form.c - see product_form.h.
 *
 * The form holds only what was typed; the model decides (product_add,
 * product_update).  A refusal (a clerk changing a price: ST_DENIED; a
 * SKU in use; the database busy) goes to the message line and the form
 * stays open with the typing.  On hangup the values are kept as a draft
 * of kind "product": the first value says "new" or the product id.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/draft.h"
#include "model/product.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "ui/product_form.h"
#include "ui/products.h"
#include "ui/session.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/text.h"
#include "util/xalloc.h"

enum {
	F_SKU,
	F_NAME,
	F_NAME_EN,
	F_CODE,
	F_UNIT,
	F_PRICE,
	F_REORDER,
	F_CATEGORY,
	NFIELDS
};

static int unit_lookup(
    void *ctx, const char *typed, char **value, char **error);

/* clang-format off */
static const struct ui_field_def product_fields[NFIELDS] = {
	{N_("SKU"), UI_FIELD_TEXT, 20, UI_FIELD_REQUIRED, NULL, NULL, NULL},
	{N_("Name"), UI_FIELD_TEXT, 0, UI_FIELD_REQUIRED, NULL, NULL, NULL},
	{N_("English name"), UI_FIELD_TEXT, 0, 0, NULL, NULL, NULL},
	{N_("Short code"), UI_FIELD_TEXT, 10, 0, NULL, NULL, NULL},
	{N_("Unit (kg, jin, jar, bag...)"), UI_FIELD_LOOKUP, 10, UI_FIELD_REQUIRED, NULL, unit_lookup, NULL},
	{N_("Price (yuan)"), UI_FIELD_MONEY, 12, UI_FIELD_REQUIRED, NULL, NULL, NULL},
	{N_("Reorder level"), UI_FIELD_QTY, 12, 0, NULL, NULL, NULL},
	{N_("Category"), UI_FIELD_TEXT, 20, 0, NULL, NULL, NULL},
};
/* clang-format on */

/* The common units, as the catalogue spells them. */
static const char *const common_units[] = {"kg", "g", "jin", "liang", "jar",
    "bottle", "bag", "box", "tin", "piece", "pack", NULL};

/*
 * The unit is free text (斤, 袋 and any local unit are fine); a common
 * unit typed in another case or full-width ("KG", "ｋｇ") is written the
 * catalogue's way, so one unit is not spelt three ways.
 */
static int
unit_lookup(void *ctx, const char *typed, char **value, char **error)
{
	char *f = text_fold(typed);

	(void)ctx;
	(void)error;
	for (size_t i = 0; common_units[i] != NULL; i++)
		if (strcmp(f, common_units[i]) == 0) {
			free(f);
			*value = xstrdup(common_units[i]);
			return 0;
		}
	free(f);
	*value = xstrdup(typed);
	return 0;
}

struct pform {
	struct ui_form *form;
	long long id; /* 0: a new product */
	int from_draft;
};

struct pform_arg {
	long long id;
	char **values;
	size_t n;
};

static const enum ui_action pform_actions[] = {UI_ACT_SAVE, UI_ACT_NEXT_FIELD,
    UI_ACT_PREV_FIELD, UI_ACT_BACK, UI_ACT_HELP, UI_ACT_NONE};

static void
fill_from_product(struct ui_form *f, const struct product *p)
{
	char buf[NUM_FMT_SIZE];

	ui_form_set(f, F_SKU, p->sku);
	ui_form_set(f, F_NAME, p->name);
	ui_form_set(f, F_NAME_EN, p->name_en);
	ui_form_set(f, F_CODE, p->short_code);
	ui_form_set(f, F_UNIT, p->unit);
	ui_form_set(f, F_PRICE, money_format(p->price, buf, sizeof buf));
	ui_form_set(
	    f, F_REORDER, qty_format(p->reorder_level, buf, sizeof buf));
	ui_form_set(f, F_CATEGORY, p->category);
}

static int
pform_open(struct ui_view *v, void *arg)
{
	const struct pform_arg *a = arg;
	struct pform *pf = xcalloc(1, sizeof(*pf));
	struct db *db = session_db();

	pf->form = ui_form_new(product_fields, NFIELDS);
	pf->id = a->id;
	if (a->values != NULL) {
		for (size_t i = 0; i < NFIELDS && i < a->n; i++)
			ui_form_set(pf->form, i, a->values[i]);
		pf->from_draft = 1;
	} else if (a->id > 0) {
		struct product p;

		if (product_get_by_id(db, a->id, &p) != ST_OK) {
			ui_error(v->ui, _("Could not read the product: %s"),
			    db_errmsg(db));
			ui_form_free(pf->form);
			free(pf);
			return -1;
		}
		fill_from_product(pf->form, &p);
		product_clear(&p);
	} else
		ui_form_set(pf->form, F_REORDER, "0");
	if (a->id > 0)
		ui_view_set_title(v, "%s", _("Change a product"));
	v->data = pf;
	return 0;
}

static void
pform_close(struct ui_view *v)
{
	struct pform *pf = v->data;

	ui_form_free(pf->form);
	free(pf);
}

static void
pform_layout(struct ui_view *v, struct ui_rect r)
{
	struct pform *pf = v->data;

	r.y++;
	r.h--;
	ui_form_layout(pf->form, r);
}

static void
pform_draw(struct ui_view *v, struct ui_rect r)
{
	struct pform *pf = v->data;

	(void)r;
	ui_form_draw(pf->form);
}

/* Save through the model; returns the flags for the key handler. */
static unsigned
pform_save(struct ui_view *v, struct pform *pf)
{
	struct db *db = session_db();
	struct product p = {0};
	char *vals[NFIELDS];
	enum status s = ST_INVALID;

	if (ui_form_check(pf->form, v->ui) < 0)
		return UI_DRAW_BODY;
	for (size_t i = 0; i < NFIELDS; i++)
		vals[i] = ui_form_get(pf->form, i);
	p.id = pf->id;
	p.sku = vals[F_SKU];
	p.name = vals[F_NAME];
	p.name_en = vals[F_NAME_EN];
	p.short_code = vals[F_CODE];
	p.unit = vals[F_UNIT];
	p.category = vals[F_CATEGORY];
	if (money_parse(vals[F_PRICE], 0, &p.price) == NUM_OK &&
	    (vals[F_REORDER][0] == '\0' ||
		qty_parse(vals[F_REORDER], 0, &p.reorder_level) == NUM_OK))
		s = pf->id ? product_update(db, &p) : product_add(db, &p, NULL);
	if (s == ST_OK)
		ui_message(v->ui, _("Saved %s."), vals[F_SKU]);
	else if (s == ST_BUSY)
		ui_error(v->ui, _("Another clerk is saving right now and the "
				  "database is busy. Your typing is kept: "
				  "press F2 to try again."));
	else
		ui_error(v->ui, "%s", db_errmsg(db));
	for (size_t i = 0; i < NFIELDS; i++)
		free(vals[i]);
	return s == ST_OK ? UI_POP : UI_DRAW_BODY;
}

static unsigned
pform_key(struct ui_view *v, const struct ui_event *ev)
{
	struct pform *pf = v->data;
	unsigned f = ui_form_key(pf->form, v->ui, ev);

	if (f != UI_UNHANDLED)
		return f;
	if (ev->act == UI_ACT_SAVE || ev->act == UI_ACT_OPEN)
		return pform_save(v, pf);
	if (ev->act == UI_ACT_BACK) {
		if ((ui_form_changed(pf->form) || pf->from_draft) &&
		    !ui_confirm(v->ui, _("Leave without saving what you "
					 "typed?")))
			return UI_DRAW_ALL;
		return UI_POP;
	}
	return UI_UNHANDLED;
}

static int
pform_cursor(struct ui_view *v)
{
	struct pform *pf = v->data;

	return ui_form_cursor(pf->form);
}

/* The line dropped: keep what was typed as a draft.  Never draws. */
static void
pform_hangup(struct ui_view *v)
{
	struct pform *pf = v->data;
	struct db *db = session_db();
	char *vals[NFIELDS + 1], *body;

	if (db == NULL || session_clerk_id() <= 0 ||
	    (!ui_form_changed(pf->form) && !pf->from_draft))
		return;
	vals[0] = pf->id ? xasprintf("%lld", pf->id) : xstrdup("new");
	for (size_t i = 0; i < NFIELDS; i++)
		vals[i + 1] = ui_form_get(pf->form, i);
	body = draft_encode((const char *const *)vals, NFIELDS + 1);
	draft_save(db, session_clerk_id(), PRODUCT_DRAFT_KIND, body);
	free(body);
	for (size_t i = 0; i <= NFIELDS; i++)
		free(vals[i]);
}

static const struct screen product_form_screen = {
    .name = "product-form",
    .title = N_("New product"),
    .open = pform_open,
    .close = pform_close,
    .layout = pform_layout,
    .draw = pform_draw,
    .key = pform_key,
    .cursor = pform_cursor,
    .hangup = pform_hangup,
    .actions = pform_actions,
    .help = N_("Type each field; Tab or Enter goes to the next one and "
	       "checks it. F2 or Ctrl-O saves. Only a manager may change a "
	       "price. Esc leaves without saving."),
};

void
product_form_open(struct ui *ui, long long id, char **values, size_t n)
{
	struct pform_arg a = {id, values, n};

	ui_push(ui, &product_form_screen, &a);
}

void
product_form_offer_draft(struct ui *ui, const char *body)
{
	char **vals, *q;
	size_t n;
	long long id;

	draft_decode(body, &vals, &n);
	id = strcmp(vals[0], "new") == 0 ? 0 : strtoll(vals[0], NULL, 10);
	if (id == 0)
		q = xstrdup(_("You were adding a product when the connection "
			      "dropped. Continue?"));
	else
		q = xasprintf(_("You were changing product %s when the "
				"connection dropped. Continue?"),
		    n > 1 ? vals[1] : "");
	if (ui_confirm(ui, q)) {
		ui_push(ui, &products_screen, (void *)(intptr_t)PRODUCTS_ALL);
		product_form_open(ui, id, vals + 1, n - 1);
	}
	free(q);
	draft_values_free(vals, n);
}
