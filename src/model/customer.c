/*
 * customer.c - see customer.h.  One lookup by the primary key, and a
 * count of the customer's orders (index orders_phone).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/customer.h"
#include "util/i18n.h"
#include "util/text.h"

static const char sql_find[] =
    "SELECT phone, name, address, updated_at, (SELECT count(*) FROM orders"
    " WHERE customer_phone = ?1) FROM customer WHERE phone = ?1";

enum status
customer_find(struct db *db, const char *phone, struct customer *out)
{
	char *key = text_trim(phone);
	sqlite3_stmt *st;
	enum status s;
	int rc;

	memset(out, 0, sizeof *out);
	if (key[0] == '\0') {
		free(key);
		return db_fail(db, ST_NOT_FOUND, _("no phone number given"));
	}
	st = db_prepare(db, sql_find);
	if (st == NULL) {
		free(key);
		return ST_ERROR;
	}
	if (db_bind_text(st, 1, key) != SQLITE_OK) {
		free(key);
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->phone = db_column_dup(st, 0);
		out->name = db_column_dup(st, 1);
		out->address = db_column_dup(st, 2);
		out->updated_at = db_column_dup(st, 3);
		out->orders = sqlite3_column_int(st, 4);
		s = ST_OK;
	} else if (rc == SQLITE_DONE)
		s = db_fail(db, ST_NOT_FOUND,
		    _("no customer has the phone number %s"), key);
	else
		s = db_status(db, rc);
	sqlite3_reset(st);
	free(key);
	return s;
}

void
customer_clear(struct customer *c)
{
	if (c == NULL)
		return;
	free(c->phone);
	free(c->name);
	free(c->address);
	free(c->updated_at);
	memset(c, 0, sizeof *c);
}
