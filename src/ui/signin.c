/*
 * signin.c - see signin.h.
 *
 * Every check is the model's (clerk_signin, clerk_set_pin): the screen
 * only asks and shows the model's message.  PINs live in memory only as
 * long as the call that checks them and are wiped before being freed.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/clerk.h"
#include "model/draft.h"
#include "model/setting.h"
#include "ui/dialog.h"
#include "ui/product_form.h"
#include "ui/session.h"
#include "ui/signin.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* clang-format off */
/* Drafts a form may leave behind: a screen helper appends its kind. */
static const struct {
	const char *kind;
	void (*offer)(struct ui *ui, const char *body);
} draft_kinds[] = {
	{PRODUCT_DRAFT_KIND, product_form_offer_draft},
};
/* clang-format on */

static void
backdrop_draw(struct ui_view *v, struct ui_rect r)
{
	(void)v;
	ui_clear_rect(r);
	ui_put(r.y + 1, r.x + 2, r.w - 4,
	    _("Welcome. Choose your name, then type your PIN."), TEXT_LEFT,
	    UI_STYLE_NORMAL);
}

static const enum ui_action backdrop_actions[] = {
    UI_ACT_HELP, UI_ACT_QUIT, UI_ACT_NONE};

const struct screen signin_screen = {
    .name = "signin",
    .title = N_("Sign in"),
    .draw = backdrop_draw,
    .actions = backdrop_actions,
    .help = N_("Pick your name with the arrows and Enter (/ finds a "
	       "name), then type your PIN; it is not shown. A new clerk "
	       "chooses a PIN of 4 to 8 digits and types it twice."),
};

struct names {
	char **v;
	size_t n, cap;
};

static int
add_name(const struct clerk_row *row, void *arg)
{
	struct names *nm = arg;

	if (nm->n == nm->cap) {
		nm->cap = nm->cap ? nm->cap * 2 : 8;
		nm->v = xrealloc(nm->v, nm->cap * sizeof(*nm->v));
	}
	nm->v[nm->n++] = xstrdup(row->name);
	return 0;
}

static void
names_free(struct names *nm)
{
	for (size_t i = 0; i < nm->n; i++)
		free(nm->v[i]);
	free(nm->v);
}

static void
pin_free(char *pin)
{
	if (pin != NULL) {
		memset(pin, 0, strlen(pin));
		free(pin);
	}
}

static char *
ask_pin(struct ui *ui, const char *title, const char *label)
{
	return ui_prompt(ui, title, label, NULL, UI_FIELD_TEXT,
	    UI_FIELD_SECRET | UI_FIELD_REQUIRED);
}

/* A clerk with no PIN chooses one, twice.  Returns 1 when set and
 * signed in, 0 on Esc. */
static int
set_first_pin(struct ui *ui, const char *name)
{
	struct db *db = session_db();
	char *title = xasprintf(_("Choose a PIN for %s"), name);
	int done = 0;

	while (!done && !ui_quitting(ui)) {
		char *a = ask_pin(ui, title, _("New PIN (4-8 digits)")), *b;

		if (a == NULL)
			break;
		if (!clerk_pin_valid(a)) {
			ui_error(ui, _("A PIN is 4 to 8 digits."));
			pin_free(a);
			continue;
		}
		b = ask_pin(ui, title, _("The same PIN again"));
		if (b != NULL && strcmp(a, b) != 0)
			ui_error(ui, _("The two PINs are not the same; "
				       "try again."));
		else if (b != NULL && clerk_set_pin(db, name, a) != ST_OK)
			ui_error(ui, "%s", db_errmsg(db));
		else if (b != NULL && clerk_signin(db, name, a) != ST_OK)
			ui_error(ui, "%s", db_errmsg(db));
		else if (b != NULL)
			done = 1;
		pin_free(a);
		if (b == NULL)
			break;
		pin_free(b);
	}
	free(title);
	return done;
}

/* Ask name's PIN until right.  1 signed in, 0 on Esc. */
static int
check_pin(struct ui *ui, const char *name)
{
	struct db *db = session_db();
	char *label = xasprintf(_("PIN for %s"), name);
	int done = 0;

	while (!done && !ui_quitting(ui)) {
		char *pin = ask_pin(ui, _("Sign in"), label);

		if (pin == NULL)
			break;
		if (clerk_signin(db, name, pin) == ST_OK)
			done = 1;
		else
			ui_error(ui, "%s", db_errmsg(db));
		pin_free(pin);
	}
	free(label);
	return done;
}

static void
show_identity(struct ui *ui)
{
	char *site = setting_get(session_db(), "site_name", "");

	ui_set_identity(ui, session_clerk_name(), site);
	free(site);
}

int
signin_run(struct ui *ui, int *first_pin)
{
	struct db *db = session_db();
	struct names nm = {0};
	int done = 0;

	if (first_pin)
		*first_pin = 0;
	if (clerk_list(db, 0, add_name, &nm) != ST_OK || nm.n == 0) {
		ui_error(ui, _("Could not read the clerks: %s"), db_errmsg(db));
		names_free(&nm);
		return 0;
	}
	while (!done && !ui_quitting(ui)) {
		long i = ui_choose(
		    ui, _("Who are you?"), (const char *const *)nm.v, nm.n);

		if (i < 0)
			break;
		if (clerk_needs_pin(db, nm.v[i])) {
			done = set_first_pin(ui, nm.v[i]);
			if (done && first_pin)
				*first_pin = 1;
		} else
			done = check_pin(ui, nm.v[i]);
	}
	names_free(&nm);
	if (done) {
		show_identity(ui);
		ui_message(ui, _("Signed in as %s."), session_clerk_name());
	}
	return done;
}

void
signin_offer_drafts(struct ui *ui)
{
	struct db *db = session_db();

	for (size_t i = 0; i < sizeof(draft_kinds) / sizeof(draft_kinds[0]);
	     i++) {
		char *body = NULL;

		if (draft_take(db, session_clerk_id(), draft_kinds[i].kind,
			&body) == ST_OK)
			draft_kinds[i].offer(ui, body);
		free(body);
	}
}

void
signin_switch(struct ui *ui, void *arg)
{
	int done;

	(void)arg;
	ui_push(ui, &signin_screen, NULL);
	done = signin_run(ui, NULL);
	ui_pop(ui); /* the dialogs are gone: the backdrop is on top */
	if (done)
		signin_offer_drafts(ui);
	ui_redraw_all(ui);
}

void
signin_lock(struct ui *ui, void *arg)
{
	char *name = xstrdup(session_clerk_name());
	char *label =
	    xasprintf(_("Locked. PIN for %s (Esc: other clerk)"), name);
	int done = 0, other = 0;

	(void)arg;
	/* Hide the work on the screen while locked. */
	ui_push(ui, &signin_screen, NULL);
	while (!done && !ui_quitting(ui)) {
		char *pin = ask_pin(ui, _("Locked"), label);

		if (pin == NULL) {
			done = other = signin_run(ui, NULL);
			continue;
		}
		if (clerk_signin(session_db(), name, pin) == ST_OK)
			done = 1;
		else
			ui_error(ui, "%s", db_errmsg(session_db()));
		pin_free(pin);
	}
	free(label);
	free(name);
	ui_pop(ui);
	if (other)
		signin_offer_drafts(ui);
	ui_redraw_all(ui);
}
