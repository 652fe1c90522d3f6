/*
 * order_draft.h - a new order half typed when the line dropped, kept in
 * the draft table (kind "order") for the clerk who was typing it, so the
 * New order screen can offer it back.  One draft per clerk: a newer one
 * replaces the older.  The body is the screen's own text; the model only
 * stores it.
 */
#ifndef COOPSTOCK_ORDER_DRAFT_H
#define COOPSTOCK_ORDER_DRAFT_H

#include "db/db.h"

/*
 * Keep body (non-NULL) as the acting clerk's (db_actor_clerk()) order
 * draft, replacing any older one, in one transaction (or a savepoint in
 * the caller's).  ST_INVALID when no clerk is acting (the command line);
 * otherwise ST_OK or a database status with db_errmsg().
 */
enum status order_draft_save(struct db *db, const char *body);

/* Set *has to 1 when the acting clerk has an order draft, else 0. */
enum status order_draft_exists(struct db *db, int *has);

/*
 * Take the acting clerk's order draft: *body gets it (a new string the
 * caller frees) and the draft is deleted; *body is NULL when there is
 * none (still ST_OK).  Otherwise a database status, nothing deleted.
 */
enum status order_draft_take(struct db *db, char **body);

#endif
