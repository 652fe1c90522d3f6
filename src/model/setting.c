/*
 * setting.c - see setting.h.  Reads never fail loudly: a screen header
 * asking for coop_name should show a default, not an error.
 */
#include <config.h>

#include "model/setting.h"
#include "model/txn.h"
#include "util/i18n.h"
#include "util/xalloc.h"

char *
setting_get(struct db *db, const char *key, const char *dflt)
{
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT value FROM setting WHERE key = ?1");
	char *v = NULL;

	if (st != NULL && db_bind_text(st, 1, key) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = db_column_dup(st, 0);
	if (st != NULL)
		sqlite3_reset(st);
	return v != NULL ? v : xstrdup(dflt != NULL ? dflt : "");
}

enum status
setting_set(struct db *db, const char *key, const char *value)
{
	sqlite3_stmt *st;
	enum status s;
	int nested, rc;

	if (key == NULL || *key == '\0' || value == NULL)
		return db_fail(db, ST_INVALID, _("a setting needs a name and a value"));
	if (!db_actor_is_manager(db))
		return db_fail(db, ST_DENIED, _("only a manager may change settings"));
	s = txn_begin(db, &nested);
	if (s != ST_OK)
		return s;
	st = db_prepare(db, "INSERT INTO setting(key, value) VALUES (?1, ?2) "
	    "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
	if (st == NULL)
		return txn_end(db, nested, ST_ERROR);
	rc = db_bind_text(st, 1, key);
	if (rc == SQLITE_OK)
		rc = db_bind_text(st, 2, value);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	s = db_status(db, rc);
	sqlite3_reset(st);
	return txn_end(db, nested, s);
}
