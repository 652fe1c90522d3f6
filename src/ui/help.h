/*
 * help.h - the F1 help screen, generated for the screen below it from its
 * how-to text and the key table (keys.h), so it always matches the keys
 * that work.
 */
#ifndef COOPSTOCK_UI_HELP_H
#define COOPSTOCK_UI_HELP_H

#include "ui/screen.h"

/* Push with the struct ui_view * the help is about as arg. */
extern const struct screen ui_help_screen;

/*
 * The help line for action a: the keys padded to a column,
 * then "Label: help sentence" (translated).  Caller frees.
 */
char *ui_help_line(enum ui_action a);

#endif
