/*
 * order_get.c - see order_get.h.  Reading only: every write of an order
 * is in order.c, inside its transactions.
 */
#include <config.h>

#include <stdlib.h>

#include "model/order.h"
#include "model/order_get.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/xalloc.h"

static const char sql_order_get[] =
    "SELECT channel, ext_ref, ordered_at, status, customer_name,"
    " customer_phone, customer_address, note, created_by, " ORDER_SITE_SQL(
	"orders") " FROM orders WHERE id = ?1";
static const char sql_lines_get[] =
    "SELECT l.id, l.product_id, p.sku, p.name, p.unit, l.qty, l.unit_price"
    " FROM order_line l JOIN product p ON p.id = l.product_id"
    " WHERE l.order_id = ?1 ORDER BY l.id";

static enum status
lines_get(struct db *db, struct order *o)
{
	sqlite3_stmt *st = db_prepare_id(db, sql_lines_get, o->id);
	struct order_line *l;
	int rc;

	if (st == NULL)
		return ST_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		o->lines = xrealloc(
		    o->lines, (size_t)(o->nlines + 1) * sizeof *o->lines);
		l = &o->lines[o->nlines++];
		l->id = sqlite3_column_int64(st, 0);
		l->product_id = sqlite3_column_int64(st, 1);
		l->sku = db_column_dup(st, 2);
		l->name = db_column_dup(st, 3);
		l->unit = db_column_dup(st, 4);
		l->qty = sqlite3_column_int64(st, 5);
		l->unit_price = sqlite3_column_int64(st, 6);
		if (money_mul_qty(l->unit_price, l->qty, &l->total) != NUM_OK)
			l->total = INT64_MAX;
		o->total = o->total > INT64_MAX - l->total
			       ? INT64_MAX
			       : o->total + l->total;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status(db, rc);
}

enum status
order_get(struct db *db, long long id, struct order **out)
{
	sqlite3_stmt *st = db_prepare_id(db, sql_order_get, id);
	struct order *o;
	enum status s;
	int rc;

	*out = NULL;
	if (st == NULL)
		return ST_ERROR;
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		s = rc == SQLITE_DONE ? db_fail(db, ST_NOT_FOUND,
					    _("there is no order %lld"), id)
				      : db_status(db, rc);
		sqlite3_reset(st);
		return s;
	}
	o = xcalloc(1, sizeof *o);
	o->id = id;
	o->channel = db_column_dup(st, 0);
	o->ext_ref = db_column_dup(st, 1);
	o->ordered_at = db_column_dup(st, 2);
	o->status = db_column_dup(st, 3);
	o->customer_name = db_column_dup(st, 4);
	o->customer_phone = db_column_dup(st, 5);
	o->customer_address = db_column_dup(st, 6);
	o->note = db_column_dup(st, 7);
	o->created_by = db_column_dup(st, 8);
	o->site = db_column_dup(st, 9);
	sqlite3_reset(st);
	s = lines_get(db, o);
	if (s != ST_OK) {
		order_free(o);
		return s;
	}
	*out = o;
	return ST_OK;
}

void
order_free(struct order *o)
{
	if (o == NULL)
		return;
	for (int i = 0; i < o->nlines; i++) {
		free(o->lines[i].sku);
		free(o->lines[i].name);
		free(o->lines[i].unit);
	}
	free(o->lines);
	free(o->channel);
	free(o->ext_ref);
	free(o->ordered_at);
	free(o->status);
	free(o->customer_name);
	free(o->customer_phone);
	free(o->customer_address);
	free(o->note);
	free(o->created_by);
	free(o->site);
	free(o);
}

int
order_fulfils_here(const struct order *o)
{
	return o->site == NULL || o->site[0] == '\0';
}
