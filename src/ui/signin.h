/*
 * signin.h - who is at the terminal: sign-in (name and PIN), a first PIN
 * typed twice, switching clerk (Ctrl-W from anywhere) and the idle lock.
 */
#ifndef COOPSTOCK_UI_SIGNIN_H
#define COOPSTOCK_UI_SIGNIN_H

#include "ui/app.h"

/* The plain backdrop of the sign-in and lock dialogs: nothing of
 * anyone's work shows behind them.  Push with arg NULL. */
extern const struct screen signin_screen;

/*
 * Let a clerk pick a name and type the PIN (a clerk with no PIN yet sets
 * one, twice) until the model accepts it, then make the clerk the actor
 * and show the name and the site on the title line.  Esc on the list of
 * names gives up.  Returns 1 when someone signed in, 0 when not (the
 * actor is then unchanged).  *first_pin (if not NULL) is set to 1 when
 * the clerk has just chosen a first PIN.
 */
int signin_run(struct ui *ui, int *first_pin);

/* For ui_set_switch_clerk(): sign in another clerk over the backdrop,
 * then (the backdrop gone) offer that clerk's drafts. */
void signin_switch(struct ui *ui, void *arg);

/* For ui_set_idle_lock(): hide the screen and ask the signed-in clerk's
 * PIN until it is right; Esc lets another clerk sign in instead (whose
 * drafts are then offered). */
void signin_lock(struct ui *ui, void *arg);

/* Offer each of the signed-in clerk's drafts (see drafts table in
 * signin.c): ask, and reopen the form when the clerk says yes. */
void signin_offer_drafts(struct ui *ui);

#endif
