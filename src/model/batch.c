/*
 * batch.c - see batch.h.
 *
 * The list of new orders is read first, under the write lock, then each
 * is confirmed by order_confirm in a savepoint (txn.h nests it inside
 * the batch's transaction).  When one comes back ST_NO_STOCK its
 * savepoint is already rolled back, and the shortfall is measured again
 * with the same rule order_confirm used (ledger_lots_fefo, expired lots
 * left out), per product, so the caller gets numbers and not only text.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/batch.h"
#include "model/ledger.h"
#include "model/order.h"
#include "model/txn.h"
#include "util/xalloc.h"

static const char sql_new_orders[] =
    "SELECT id FROM orders WHERE status = 'new' AND gid IS NULL"
    " AND (?1 IS NULL OR channel = ?1) ORDER BY ordered_at, id";

/* Load the ids of the new orders, oldest first. */
static enum status
new_orders(struct db *db, const char *channel, long long **out, size_t *n)
{
	sqlite3_stmt *st = db_prepare(db, sql_new_orders);
	long long *v = NULL;
	size_t cnt = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ST_ERROR;
	if (db_bind_text(st, 1, channel) != SQLITE_OK)
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, (cnt + 1) * sizeof *v);
		v[cnt++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(v);
		return db_status(db, rc);
	}
	*out = v;
	*n = cnt;
	return ST_OK;
}

/* Unreserved, unexpired stock of product_id into *have. */
static enum status
free_stock(struct db *db, long long product_id, int64_t *have)
{
	struct ledger_lot *lots;
	size_t n;
	enum status s = ledger_lots_fefo(db, product_id, 1, &lots, &n);

	*have = 0;
	for (size_t i = 0; s == ST_OK && i < n; i++)
		*have += lots[i].free;
	free(lots);
	return s;
}

/* Work out what order o is short of and pass it to on_short; *stop is
 * set when the callback asks to stop. */
static enum status
shortfall_report(struct db *db, const struct order *o,
    int (*on_short)(const struct batch_shortfall *, void *), void *arg,
    int *stop)
{
	struct batch_short_line *v = xcalloc((size_t)o->nlines + 1, sizeof *v);
	struct batch_shortfall sf = {o->id, o->channel, o->ext_ref,
	    o->customer_name, o->ordered_at, v, 0};
	enum status s = ST_OK;

	for (int i = 0; s == ST_OK && i < o->nlines; i++) {
		const struct order_line *l = &o->lines[i];
		int64_t need = 0, have;
		int seen = 0;

		for (int j = 0; j < i; j++)
			seen |= o->lines[j].product_id == l->product_id;
		for (int j = i; j < o->nlines && !seen; j++)
			if (o->lines[j].product_id == l->product_id)
				need += o->lines[j].qty;
		if (seen || (s = free_stock(db, l->product_id, &have)) != ST_OK)
			continue;
		if (need > have)
			v[sf.nlines++] = (struct batch_short_line){
			    l->product_id, l->sku, l->unit, need - have};
	}
	if (s == ST_OK && on_short != NULL && sf.nlines > 0)
		*stop = on_short(&sf, arg) != 0;
	free(v);
	return s;
}

/* Confirm one order; a shortage is counted and reported, not failed. */
static enum status
confirm_one(struct db *db, long long id,
    int (*on_short)(const struct batch_shortfall *, void *), void *arg,
    struct batch_result *r, int *stop)
{
	struct order *o = NULL;
	enum status s = order_confirm(db, id);

	if (s == ST_OK) {
		r->confirmed++;
		return ST_OK;
	}
	if (s != ST_NO_STOCK)
		return s;
	r->short_++;
	s = order_get(db, id, &o);
	if (s == ST_OK)
		s = shortfall_report(db, o, on_short, arg, stop);
	order_free(o);
	return s;
}

enum status
order_confirm_batch(struct db *db, const char *channel,
    int (*on_short)(const struct batch_shortfall *s, void *arg), void *arg,
    struct batch_result *res)
{
	struct batch_result r = {0, 0};
	long long *ids = NULL;
	size_t n = 0;
	int nested, stop = 0;
	enum status s = txn_begin(db, &nested);

	if (s != ST_OK)
		return s;
	s = new_orders(db, channel, &ids, &n);
	for (size_t i = 0; s == ST_OK && !stop && i < n; i++)
		s = confirm_one(db, ids[i], on_short, arg, &r, &stop);
	free(ids);
	s = txn_end(db, nested, s);
	if (res != NULL)
		*res = s == ST_OK ? r : (struct batch_result){0, 0};
	return s;
}
