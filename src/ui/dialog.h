/*
 * dialog.h - modal dialogs: confirm, message, text prompt (also hidden,
 * for PINs), choice list.
 *
 * Each is a screen pushed over the current one (drawn in a box in the
 * middle of the body) and run with ui_run_modal(), so a dialog is a plain
 * function call that returns the answer, while resizes, F1 help and
 * hangups keep working inside it.  The prompt is a one-field form and the
 * choice list a table: the same widgets as everywhere else.  If quit was
 * asked while a dialog was open, it answers "no"/"cancel".
 */
#ifndef COOPSTOCK_UI_DIALOG_H
#define COOPSTOCK_UI_DIALOG_H

#include <stddef.h>

#include "ui/app.h"
#include "ui/form.h"

/* Ask a yes/no question (y or Enter: yes; n or Esc: no).  Returns 1 for
 * yes, 0 for no. */
int ui_confirm(struct ui *ui, const char *question);

/* Show text until Enter or Esc. */
void ui_alert(struct ui *ui, const char *text);

/*
 * Ask for one line of text: label before the field, initial text (NULL is
 * ""), type of field (UI_FIELD_TEXT, UI_FIELD_MONEY, ...) and flags
 * (UI_FIELD_SECRET hides what is typed: PINs).  Enter accepts once the
 * value checks good.  Returns the value (new string, caller frees) or
 * NULL when the clerk pressed Esc.
 */
char *ui_prompt(struct ui *ui, const char *title, const char *label,
    const char *initial, enum ui_field_type type, unsigned flags);

/*
 * Let the clerk pick one of n items (raw strings, shown sanitized),
 * starting at index 0; '/' filters them.  Returns the index picked with
 * Enter, or -1 for Esc.
 */
long ui_choose(
    struct ui *ui, const char *title, const char *const *items, size_t n);

#endif
