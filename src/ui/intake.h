/*
 * intake.h - the Intake screen: a member brings produce in.
 *
 * Member and product are looked up from what the clerk types (a code, a
 * SKU or short code, or part of a name: several matches open a choice
 * list); then quantity, grade, unit cost, received date (today) and an
 * optional best-before.  F2 saves the lot and its move (stock_intake)
 * and offers the receipt (print_receipt.h) for a file or the printer.
 */
#ifndef COOPSTOCK_UI_INTAKE_H
#define COOPSTOCK_UI_INTAKE_H

#include "ui/app.h"

/* Push with arg NULL (the session's database) or a struct db *. */
extern const struct screen intake_screen;

/* The draft kind the form saves under on hangup (model/draft.h). */
#define INTAKE_DRAFT_KIND "intake"

/* Offer the intake draft in body: ask whether to continue and reopen the
 * form filled in when yes (for signin.c's table of draft kinds). */
void intake_offer_draft(struct ui *ui, const char *body);

#endif
