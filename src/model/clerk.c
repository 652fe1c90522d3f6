/*
 * clerk.c - see clerk.h.
 *
 * Hashing uses crypt_gensalt_rn("$y$", PIN_COST) for a yescrypt setting
 * with a salt from the system's random source, then crypt_rn.  The work
 * area of crypt holds the PIN while it hashes, so it is wiped before it is
 * freed.
 *
 * The cost.  libcrypt's default yescrypt cost (5, "$y$j9T$") fills 16 MiB
 * and takes ~40 ms per hash: more memory than the rest of coopstock uses on
 * a 100,000-product database, for little gain.  A PIN is 4 to 8 digits, so
 * whoever has a copy of the file needs at most 10^4 to 10^8 guesses: at
 * cost 5 a 4-digit PIN falls in minutes and an 8-digit one in about 50
 * core-days; at cost 3 ("$y$j7T$", 4 MiB, ~4 ms) in under a minute and in
 * about 5 core-days.  Neither cost makes a PIN safe against the file's
 * thief (the file's mode 0660 and the machine's accounts are what guard
 * it); what the hash buys is that the PIN is not readable at a glance and
 * that guessing costs memory on a GPU, which 4 MiB still does.  So cost 3:
 * signing in peaks under 10 MiB.  crypt() reads the cost from the stored
 * hash, so hashes of any older cost still verify, and a successful sign-in
 * with one re-hashes the PIN at PIN_COST (maybe_rehash).
 */
#include <config.h>

#include <crypt.h>
#include <stdlib.h>
#include <string.h>

#include "model/clerk.h"
#include "model/txn.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

/* libcrypt's yescrypt cost for new PIN hashes: 4 MiB (see above). */
#define PIN_COST 3

int
clerk_pin_valid(const char *pin)
{
	size_t n;

	if (pin == NULL)
		return 0;
	n = strspn(pin, "0123456789");
	return pin[n] == '\0' && n >= CLERK_PIN_MIN && n <= CLERK_PIN_MAX;
}

/* Hash pin with setting (a fresh salt, or a stored hash to compare with).
 * Returns a new string, or NULL when libcrypt refuses. */
static char *
pin_crypt(const char *pin, const char *setting)
{
	struct crypt_data *cd = xcalloc(1, sizeof *cd);
	char *out = NULL;
	const char *h = crypt_rn(pin, setting, cd, (int)sizeof *cd);

	if (h != NULL && h[0] != '*')
		out = xstrdup(h);
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return out;
}

/* A new yescrypt hash of pin at PIN_COST, or NULL. */
static char *
pin_hash_new(const char *pin)
{
	char setting[CRYPT_GENSALT_OUTPUT_SIZE];

	if (crypt_gensalt_rn("$y$", PIN_COST, NULL, 0, setting,
	    sizeof setting) == NULL)
		return NULL;
	return pin_crypt(pin, setting);
}

/* A new hash of pin; NULL (with the detail set) on failure. */
static char *
pin_hash(struct db *db, const char *pin)
{
	char *h = pin_hash_new(pin);

	if (h == NULL)
		db_fail(db, ST_ERROR, "libcrypt could not hash a PIN");
	return h;
}

/* Length of the method and cost part of a hash or setting ("$y$j7T$"):
 * up to and including its third '$'; 0 when it has fewer. */
static size_t
params_len(const char *h)
{
	size_t n = 0;

	for (int k = 0; k < 3; k++) {
		const char *d = strchr(h + n, '$');

		if (d == NULL)
			return 0;
		n = (size_t)(d - h) + 1;
	}
	return n;
}

int
clerk_hash_current(const char *hash)
{
	char setting[CRYPT_GENSALT_OUTPUT_SIZE];
	size_t n;

	if (hash == NULL || crypt_gensalt_rn("$y$", PIN_COST, NULL, 0,
	    setting, sizeof setting) == NULL)
		return 0;
	n = params_len(setting);
	return n > 0 && params_len(hash) == n && strncmp(hash, setting, n) == 0;
}

/* Clerk id signed in with pin against stored, a hash of another cost:
 * store a new hash at PIN_COST.  Best effort: if the database cannot be
 * written now (read-only, busy), the old hash stays and still verifies, so
 * the sign-in is not refused for it and the next one tries again. */
static void
maybe_rehash(struct db *db, long long id, const char *pin, const char *stored)
{
	sqlite3_stmt *st;
	char *h;

	if (clerk_hash_current(stored) || (h = pin_hash_new(pin)) == NULL)
		return;
	st = db_prepare(db, "UPDATE clerk SET pin_hash = ?2 "
	    "WHERE id = ?1 AND pin_hash = ?3");
	if (st == NULL || sqlite3_bind_int64(st, 1, id) != SQLITE_OK ||
	    db_bind_text(st, 2, h) != SQLITE_OK ||
	    db_bind_text(st, 3, stored) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_DONE)
		db_clear_error(db); /* not the sign-in's failure */
	if (st != NULL)
		sqlite3_reset(st);
	explicit_bzero(h, strlen(h));
	free(h);
}

/* Compare without stopping at the first difference. */
static int
hash_equal(const char *a, const char *b)
{
	size_t n = strlen(a);
	unsigned char d = 0;

	if (n != strlen(b))
		return 0;
	for (size_t i = 0; i < n; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

/* Step a single-row write; ST_OK when it changed exactly one row. */
static enum status
step_write(struct db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	enum status s = db_status(db, rc);

	sqlite3_reset(st);
	if (s == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		s = db_fail(db, ST_NOT_FOUND, _("no such clerk"));
	return s;
}

static enum status
create_in_txn(struct db *db, const char *name, enum clerk_role role,
    const char *hash, long long *id)
{
	sqlite3_stmt *st;
	long long n;
	enum status s;

	st = db_prepare(db, "SELECT count(*) FROM clerk WHERE name = ?1");
	if (st == NULL)
		return ST_ERROR;
	db_bind_text(st, 1, name);
	s = db_query_int(db, st, 0, &n);
	if (s != ST_OK)
		return s;
	if (n > 0)
		return db_fail(db, ST_EXISTS, _("there is already a clerk called %s"),
		    name);
	st = db_prepare(db, "INSERT INTO clerk(name, pin_hash, role) "
	    "VALUES (?1, ?2, ?3)");
	if (st == NULL)
		return ST_ERROR;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, hash);
	db_bind_text(st, 3, role == CLERK_ROLE_MANAGER ? "manager" : "clerk");
	s = step_write(db, st);
	if (s == ST_OK && id != NULL)
		*id = sqlite3_last_insert_rowid(db_sqlite(db));
	return s;
}

enum status
clerk_create(struct db *db, const char *name, enum clerk_role role,
    const char *pin, long long *id)
{
	char *nm, *hash = NULL;
	enum status s;
	int nested;

	if (!db_actor_is_manager(db))
		return db_fail(db, ST_DENIED, _("only a manager may add clerks"));
	nm = text_trim(name);
	if (*nm == '\0') {
		free(nm);
		return db_fail(db, ST_INVALID, _("the clerk's name is empty"));
	}
	if (pin != NULL && !clerk_pin_valid(pin)) {
		free(nm);
		return db_fail(db, ST_INVALID, _("a PIN is 4 to 8 digits"));
	}
	if (pin != NULL && (hash = pin_hash(db, pin)) == NULL) {
		free(nm);
		return ST_ERROR;
	}
	s = txn_begin(db, &nested);
	if (s == ST_OK)
		s = txn_end(db, nested, create_in_txn(db, nm, role, hash, id));
	free(nm);
	free(hash);
	return s;
}

/* Look up an active clerk: ST_OK with *id and *has_pin, or ST_NOT_FOUND. */
static enum status
find_active(struct db *db, const char *name, long long *id, int *has_pin)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, pin_hash IS NOT NULL "
	    "FROM clerk WHERE name = ?1 AND active = 1");
	enum status s = ST_NOT_FOUND;
	int rc;

	if (st == NULL)
		return ST_ERROR;
	db_bind_text(st, 1, name);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*has_pin = sqlite3_column_int(st, 1);
		s = ST_OK;
	} else if (rc != SQLITE_DONE)
		s = db_status(db, rc);
	sqlite3_reset(st);
	return s;
}

static enum status
set_pin_in_txn(struct db *db, const char *name, const char *hash)
{
	sqlite3_stmt *st;
	long long id;
	int has_pin;
	enum status s = find_active(db, name, &id, &has_pin);

	if (s == ST_NOT_FOUND)
		return db_fail(db, s, _("no active clerk called %s"), name);
	if (s != ST_OK)
		return s;
	if ((has_pin || hash == NULL) && !db_actor_is_manager(db))
		return db_fail(db, ST_DENIED,
		    _("only a manager may change a clerk's PIN"));
	st = db_prepare(db, "UPDATE clerk SET pin_hash = ?2, "
	    "updated_at = datetime('now', 'localtime') WHERE id = ?1");
	if (st == NULL)
		return ST_ERROR;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, hash);
	return step_write(db, st);
}

enum status
clerk_set_pin(struct db *db, const char *name, const char *pin)
{
	char *hash = NULL;
	enum status s;
	int nested;

	if (name == NULL)
		return db_fail(db, ST_NOT_FOUND, _("no such clerk"));
	if (pin != NULL && !clerk_pin_valid(pin))
		return db_fail(db, ST_INVALID, _("a PIN is 4 to 8 digits"));
	if (pin != NULL && (hash = pin_hash(db, pin)) == NULL)
		return ST_ERROR;
	s = txn_begin(db, &nested);
	if (s == ST_OK)
		s = txn_end(db, nested, set_pin_in_txn(db, name, hash));
	free(hash);
	return s;
}

enum status
clerk_signin(struct db *db, const char *name, const char *pin)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, name, pin_hash, role "
	    "FROM clerk WHERE name = ?1 AND active = 1 AND pin_hash IS NOT NULL");
	enum status s = ST_BAD_PIN;
	char *stored = NULL, *hash;
	long long id = 0;
	int rc;

	if (st == NULL)
		return ST_ERROR;
	if (name == NULL || pin == NULL)
		return db_fail(db, ST_BAD_PIN, _("wrong name or PIN"));
	db_bind_text(st, 1, name);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		stored = db_column_dup(st, 2);
		hash = pin_crypt(pin, stored);
		if (hash != NULL && hash_equal(hash, stored)) {
			id = sqlite3_column_int64(st, 0);
			db_set_actor(db, id,
			    (const char *)sqlite3_column_text(st, 1),
			    strcmp((const char *)sqlite3_column_text(st, 3),
				"manager") == 0);
			s = ST_OK;
		}
		free(hash);
	} else if (rc != SQLITE_DONE)
		s = db_status(db, rc);
	sqlite3_reset(st);
	if (s == ST_OK)
		maybe_rehash(db, id, pin, stored);
	free(stored);
	if (s == ST_BAD_PIN)
		db_fail(db, s, _("wrong name or PIN"));
	return s;
}

int
clerk_needs_pin(struct db *db, const char *name)
{
	long long id;
	int has_pin;

	if (name == NULL || find_active(db, name, &id, &has_pin) != ST_OK)
		return 0;
	return !has_pin;
}

enum status
clerk_list(struct db *db, int include_inactive,
    int (*fn)(const struct clerk_row *row, void *arg), void *arg)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, name, role, active, "
	    "pin_hash IS NOT NULL FROM clerk WHERE ?1 OR active = 1 "
	    "ORDER BY name COLLATE NOCASE, id");
	struct clerk_row row;
	int rc;

	if (st == NULL)
		return ST_ERROR;
	sqlite3_bind_int(st, 1, include_inactive != 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(st, 0);
		row.name = (const char *)sqlite3_column_text(st, 1);
		row.role = strcmp((const char *)sqlite3_column_text(st, 2),
		    "manager") == 0 ? CLERK_ROLE_MANAGER : CLERK_ROLE_CLERK;
		row.active = sqlite3_column_int(st, 3);
		row.has_pin = sqlite3_column_int(st, 4);
		if (fn(&row, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(st);
	return db_status(db, rc);
}

static enum status
set_active_in_txn(struct db *db, long long id, int active)
{
	sqlite3_stmt *st;
	long long managers;
	enum status s;

	st = db_prepare(db, "UPDATE clerk SET active = ?2, "
	    "updated_at = datetime('now', 'localtime') WHERE id = ?1");
	if (st == NULL)
		return ST_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, active != 0);
	s = step_write(db, st);
	if (s != ST_OK)
		return s;
	st = db_prepare(db, "SELECT count(*) FROM clerk "
	    "WHERE role = 'manager' AND active = 1");
	if (st == NULL)
		return ST_ERROR;
	s = db_query_int(db, st, 0, &managers);
	if (s == ST_OK && managers == 0)
		s = db_fail(db, ST_INVALID,
		    _("at least one manager must stay active"));
	return s;
}

enum status
clerk_set_active(struct db *db, long long id, int active)
{
	enum status s;
	int nested;

	if (!db_actor_is_manager(db))
		return db_fail(db, ST_DENIED,
		    _("only a manager may activate or deactivate clerks"));
	s = txn_begin(db, &nested);
	if (s != ST_OK)
		return s;
	return txn_end(db, nested, set_active_in_txn(db, id, active));
}
