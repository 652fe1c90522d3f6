/*
 * draft.h - half-typed forms kept across a dropped line.
 *
 * When the terminal goes away while a clerk is filling a form, the screen
 * saves what was typed as a draft of a kind ("product-new", ...) for that
 * clerk; the next sign-in of the same clerk takes it back and offers to
 * continue.  A clerk holds at most one draft per kind: saving replaces.
 * The body is opaque here; draft_encode()/draft_decode() give screens a
 * simple encoding of a list of field values.
 */
#ifndef COOPSTOCK_DRAFT_H
#define COOPSTOCK_DRAFT_H

#include <stddef.h>

#include "db/db.h"

/*
 * Save body as clerk_id's draft of kind (replacing an older one), in its
 * own short transaction.  Returns ST_OK or a status with the detail in
 * db_errmsg(); on failure nothing was written.
 */
enum status draft_save(
    struct db *db, long long clerk_id, const char *kind, const char *body);

/*
 * Take clerk_id's draft of kind: *body receives it (new string, caller
 * frees) and the draft is deleted.  ST_NOT_FOUND (*body NULL) when there
 * is none.  Other statuses for database failures (*body NULL, nothing
 * deleted).
 */
enum status draft_take(
    struct db *db, long long clerk_id, const char *kind, char **body);

/*
 * The kind of clerk_id's most recent draft (new string, caller frees), or
 * NULL when there is none or it cannot be read.
 */
char *draft_latest_kind(struct db *db, long long clerk_id);

/*
 * Encode n values (NULL counts as "") as one string: each value with '\\'
 * written "\\\\" and a newline "\\n", values separated by newlines.
 * Caller frees.
 */
char *draft_encode(const char *const *values, size_t n);

/*
 * Decode what draft_encode() made: *values receives a new array of *n new
 * strings (free with draft_values_free()).
 */
void draft_decode(const char *body, char ***values, size_t *n);

/* Free what draft_decode() gave; NULL is ignored. */
void draft_values_free(char **values, size_t n);

#endif
