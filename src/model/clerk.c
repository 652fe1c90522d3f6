/*
 * clerk.c - see clerk.h.
 *
 * Hashing uses crypt_gensalt_rn("$y$") for a yescrypt setting with a salt
 * from the system's random source, then crypt_rn.  The work area of crypt
 * holds the PIN while it hashes, so it is wiped before it is freed.
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

/* A new yescrypt hash of pin; NULL (with the detail set) on failure. */
static char *
pin_hash(struct db *db, const char *pin)
{
	char setting[CRYPT_GENSALT_OUTPUT_SIZE];
	char *h = NULL;

	if (crypt_gensalt_rn("$y$", 0, NULL, 0, setting, sizeof setting) != NULL)
		h = pin_crypt(pin, setting);
	if (h == NULL)
		db_fail(db, ST_ERROR, "libcrypt could not hash a PIN");
	return h;
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
	char *stored, *hash;
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
			db_set_actor(db, sqlite3_column_int64(st, 0),
			    (const char *)sqlite3_column_text(st, 1),
			    strcmp((const char *)sqlite3_column_text(st, 3),
				"manager") == 0);
			s = ST_OK;
		}
		free(stored);
		free(hash);
	} else if (rc != SQLITE_DONE)
		s = db_status(db, rc);
	sqlite3_reset(st);
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
