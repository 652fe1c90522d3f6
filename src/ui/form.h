/*
 * form.h - the one record form widget: labelled, typed fields edited with
 * ncurses' form library (formw, driven with form_driver_w() so Chinese
 * input works: tested by tests/tui/widgets.sh).
 *
 * A field is checked when the clerk leaves it (Tab, Enter, arrows): a
 * bad value keeps the cursor in the field, keeps what was typed, and puts
 * the reason on the message line ("Price is not written in a form
 * coopstock can read").  A good value is rewritten in its canonical form
 * (money "¥1,234.5" becomes "1234.50", a date "2026年3月5日" becomes
 * "2026-03-05").  Values go in and out as UTF-8 strings.
 *
 * Fields sit one per row, labels on the left; a form taller than its
 * rectangle continues on further pages, which Tab walks through.
 */
#ifndef COOPSTOCK_UI_FORM_H
#define COOPSTOCK_UI_FORM_H

#include <stddef.h>

#include "ui/app.h"

enum ui_field_type {
	UI_FIELD_TEXT,   /* any text, trimmed */
	UI_FIELD_INT,    /* a whole number */
	UI_FIELD_MONEY,  /* money_parse(): yuan with up to 2 decimals */
	UI_FIELD_QTY,    /* qty_parse(): up to 3 decimals */
	UI_FIELD_DATE,   /* date_parse(): ISO date */
	UI_FIELD_CHOICE, /* one of choices; Space cycles, a prefix completes */
	UI_FIELD_LOOKUP  /* checked and normalised by the lookup callback */
};

enum ui_field_flags {
	UI_FIELD_REQUIRED = 1 << 0, /* empty is an error */
	UI_FIELD_NEGATIVE = 1 << 1, /* numbers may be below zero */
	UI_FIELD_SECRET = 1 << 2,   /* typed characters are not shown (PIN) */
	UI_FIELD_READONLY = 1 << 3  /* shown, not editable, skipped by Tab */
};

/*
 * A lookup callback: check typed (trimmed, non-empty) and return 0 with
 * *value set to the canonical text (new allocation), or -1 with *error
 * set to a translated message (new allocation).
 */
typedef int (*ui_lookup_fn)(
    void *ctx, const char *typed, char **value, char **error);

struct ui_field_def {
	const char *label; /* marked N_() */
	enum ui_field_type type;
	int width;      /* input columns; 0 = to the right edge */
	unsigned flags; /* enum ui_field_flags */
	const char *const
	    *choices;        /* UI_FIELD_CHOICE: N_() strings, NULL-ended */
	ui_lookup_fn lookup; /* UI_FIELD_LOOKUP */
	void *lookup_ctx;
};

struct ui_form;

/* Create a form of n fields (defs must stay valid while it lives; labels
 * and choices static).  All values start "". */
struct ui_form *ui_form_new(const struct ui_field_def *defs, size_t n);

/* Free f; NULL is ignored. */
void ui_form_free(struct ui_form *f);

/* Set field i's value (UTF-8, copied; NULL is "") without checking it. */
void ui_form_set(struct ui_form *f, size_t i, const char *value);

/* Field i's value as typed so far, trimmed (new string; caller frees). */
char *ui_form_get(struct ui_form *f, size_t i);

/* 1 if any value was typed into since the form was made or last set. */
int ui_form_changed(const struct ui_form *f);

/* The index of the field being edited. */
size_t ui_form_current(const struct ui_form *f);

/* Move the cursor to field i (no check). */
void ui_form_focus(struct ui_form *f, size_t i);

/* Place f in r (first time and on resize); values are kept. */
void ui_form_layout(struct ui_form *f, struct ui_rect r);

/* Draw labels and fields (after the app erased the screen). */
void ui_form_draw(struct ui_form *f);

/*
 * Handle a key: typing and editing (Left/Right, Home/^A, End/^E,
 * Backspace, Del/^D, ^U clears the field), and leaving a field (Tab/Down/
 * Enter forward, Shift-Tab/Up/^P back) after checking it, with errors
 * reported through ui_error(ui, ...).  Returns UI_HANDLED or UI_DRAW_BODY;
 * returns UI_UNHANDLED for Save (F2/^O), for Enter on the last field once
 * it checked good, and for keys that are not the form's, so the screen
 * can then call ui_form_check() and save.
 */
unsigned ui_form_key(
    struct ui_form *f, struct ui *ui, const struct ui_event *ev);

/*
 * Check every field.  Return 0 when all are good (values normalised), or
 * -1 after moving to the first bad field and reporting it on ui.
 */
int ui_form_check(struct ui_form *f, struct ui *ui);

/* Put the terminal cursor in the current field; returns 1 (shown). */
int ui_form_cursor(struct ui_form *f);

#endif
