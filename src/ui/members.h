/*
 * members.h - the Members screen: the list (code, name, village, phone,
 * balance owed) with search as you type, a form to add or edit a member,
 * and a member's page: their lots, what they are owed and were paid,
 * and a payment to record.
 */
#ifndef COOPSTOCK_UI_MEMBERS_H
#define COOPSTOCK_UI_MEMBERS_H

#include "ui/screen.h"

/* Push with arg NULL (the session's database) or a struct db *. */
extern const struct screen members_screen;

#endif
