/*
 * clerk.h - the people who use the shared terminal: sign-in by name and
 * PIN, the manager role, and PINs that are only ever stored hashed.
 *
 * A PIN is 4 to 8 ASCII digits (clerk_pin_valid).  It is hashed with
 * yescrypt from libcrypt at cost 3 ("$y$j7T$", 4 MiB; clerk.c says why),
 * with a fresh random salt each time it is set, so
 * the same PIN never gives the same hash twice; the PIN itself is never
 * stored, logged or put in an error message.  A clerk created without a
 * PIN (pin_hash NULL) chooses one at the first sign-in (clerk_needs_pin,
 * clerk_set_pin).  Write functions return ST_OK or a status with the
 * detail in db_errmsg(); on failure nothing was written.
 */
#ifndef COOPSTOCK_CLERK_H
#define COOPSTOCK_CLERK_H

#include "db/db.h"

#define CLERK_PIN_MIN 4
#define CLERK_PIN_MAX 8

enum clerk_role {
	CLERK_ROLE_CLERK,
	CLERK_ROLE_MANAGER
};

/* Return 1 when pin is 4 to 8 ASCII digits and nothing else, else 0. */
int clerk_pin_valid(const char *pin);

/* Return 1 when hash (a stored PIN hash) has the cost new hashes get,
 * 0 for another cost or method, or NULL. */
int clerk_hash_current(const char *hash);

/*
 * Add a clerk named name (surrounding spaces trimmed; names are unique
 * ignoring ASCII case) with role, and a PIN or NULL to have the clerk
 * choose one at the first sign-in.  Manager only (ST_DENIED).  ST_INVALID
 * for an empty name or a PIN breaking the rules, ST_EXISTS for a name in
 * use.  *id (if not NULL) receives the new clerk's id.
 */
enum status clerk_create(struct db *db, const char *name, enum clerk_role role,
    const char *pin, long long *id);

/*
 * Set the PIN of the active clerk called name.  Anyone may set the first
 * PIN of a clerk who has none yet; replacing a PIN, or clearing it with
 * pin NULL (the clerk then chooses a new one at the next sign-in), is for
 * a manager only (ST_DENIED).  ST_NOT_FOUND for no such active clerk,
 * ST_INVALID for a PIN breaking the rules.
 */
enum status clerk_set_pin(struct db *db, const char *name, const char *pin);

/*
 * Sign in: when name (any ASCII case) is an active clerk with a PIN and
 * pin matches it, make the clerk the actor (db_set_actor with its id,
 * stored name and role) and return ST_OK.  A wrong name, a wrong PIN, an
 * inactive clerk and a clerk with no PIN yet all give ST_BAD_PIN, and the
 * actor is unchanged.  Other statuses only for database failures.  A PIN
 * hash of an older cost is replaced by one of the current cost on success
 * (when the database can be written then; if not, the sign-in still
 * succeeds).
 */
enum status clerk_signin(struct db *db, const char *name, const char *pin);

/* Return 1 when name is an active clerk who has no PIN yet (the sign-in
 * screen asks for a new one twice instead), else 0. */
int clerk_needs_pin(struct db *db, const char *name);

/* One clerk, as clerk_list passes it; strings valid during the call. */
struct clerk_row {
	long long id;
	const char *name;
	enum clerk_role role;
	int active;
	int has_pin;
};

/*
 * Call fn for each clerk, by name (ASCII case ignored); inactive clerks
 * only when include_inactive.  A nonzero return from fn stops the walk
 * (still ST_OK).
 */
enum status clerk_list(struct db *db, int include_inactive,
    int (*fn)(const struct clerk_row *row, void *arg), void *arg);

/*
 * Make clerk id active (1) or not (0).  Manager only (ST_DENIED).
 * ST_NOT_FOUND for no such clerk; ST_INVALID when it would leave no
 * active manager.
 */
enum status clerk_set_active(struct db *db, long long id, int active);

#endif
