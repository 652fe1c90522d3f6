/*
 * order_bulk.c - see order_bulk.h.
 *
 * Per order, only what must be per order is a statement of its own: the
 * header and the lines.  The customers and "new" events of a run of
 * consecutive ids are each one INSERT ... SELECT over the run, which
 * spares SQLite's per-statement cost of two statements per order.  A
 * reference already here costs a second statement after the insert that
 * did nothing, so after one the next reference is looked up first.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "model/index_defer.h"
#include "model/ledger.h"
#include "model/order_bulk.h"
#include "util/num.h"
#include "util/xalloc.h"

static const char sql_max_order[] = "SELECT max(id) FROM orders";
/*
 * The bulk creator's customers and first events, for the orders ?1..?2
 * it made, in one statement each.  In id order, so the last order of a
 * phone has the last word, as one upsert per order would give.  (The
 * WHERE is what lets SQLite read the ON CONFLICT after a SELECT.)
 */
static const char sql_bulk_customers[] =
    "INSERT INTO customer(phone, name, address, updated_at) SELECT"
    " customer_phone, customer_name, customer_address, created_at FROM"
    " orders WHERE id BETWEEN ?1 AND ?2 AND customer_phone <> ''"
    " ORDER BY id" ORDER_CUSTOMER_UPSERT;
static const char sql_bulk_events[] =
    "INSERT INTO order_event(order_id, to_status, actor, note, at)"
    " SELECT id, 'new', ?3, '', created_at FROM orders"
    " WHERE id BETWEEN ?1 AND ?2 ORDER BY id";

/*
 * A bulk creator: the prices of the products seen so far, in an open
 * addressing table keyed by product id (ids are > 0; 0 marks a free
 * slot).  Nothing is written before every check has passed, so no
 * savepoint is needed per order.  With deferred indexes, the count of
 * orders created decides when they are dropped.
 */
struct order_bulk {
	struct db *db;
	long long *key, *price;
	size_t cap, n;
	long long defer_after; /* 0: keep the indexes */
	int keep_lines;
	long long made;     /* orders created */
	long long existing; /* max(id) before the first, -1: not read yet */
	struct index_defer *dropped;
	/* Orders first..last (none when first is 0) have their lines but
	 * not yet their customers (nor, unless event_each, their events):
	 * bulk_flush writes those for the whole run at once. */
	long long first, last;
	int event_each;
	int probe; /* the last order was here: look the next one up first */
};

/*
 * Orders per flush.  A statement over many rows keeps, for its own
 * rollback, a copy of every page it changes that the transaction had
 * already changed; in memory (temp_store) that grows with the run, so a
 * run is cut at this size, where the per-statement cost is long gone.
 * Customers' phones in a shop's file are in no order, so a run's upsert
 * can touch a customer page per order: 1,024 of 8 KiB pages is 8 MiB
 * at most (4,096 took the peak of a million lines to 66 MiB).
 */
enum { BULK_RUN_MAX = 1024 };

struct order_bulk *
order_bulk_new(struct db *db)
{
	struct order_bulk *b = xcalloc(1, sizeof *b);

	b->db = db;
	b->cap = 1024;
	b->key = xcalloc(b->cap, sizeof *b->key);
	b->price = xcalloc(b->cap, sizeof *b->price);
	b->existing = -1;
	return b;
}

void
order_bulk_defer_indexes(struct order_bulk *b, long long after, int confirm)
{
	b->defer_after = after > 0 ? after : 1;
	b->keep_lines = confirm;
}

/* Drop the deferrable indexes once this run has created at least
 * defer_after orders and as many as were there before it. */
static enum status
bulk_maybe_defer(struct order_bulk *b)
{
	enum status s;

	if (b->defer_after == 0 || b->dropped != NULL)
		return ST_OK;
	if (b->existing < 0) {
		sqlite3_stmt *st = db_prepare(b->db, sql_max_order);

		if (st == NULL)
			return ST_ERROR;
		s = db_query_int(b->db, st, 0, &b->existing);
		if (s != ST_OK)
			return s;
		b->existing -= b->made; /* the orders made before this read */
	}
	if (b->made < b->defer_after || b->made < b->existing)
		return ST_OK;
	s = index_defer_drop(b->db,
	    b->keep_lines ? INDEX_DEFER_ORDERS_KEEP_LINES : INDEX_DEFER_ORDERS,
	    &b->dropped);
	if (s == ST_OK && b->dropped == NULL)
		b->defer_after = 0; /* refused here: keep them, do not retry */
	return s;
}

int
order_bulk_deferred(const struct order_bulk *b)
{
	return b != NULL && b->dropped != NULL;
}

void
order_bulk_event_each(struct order_bulk *b)
{
	b->event_each = 1;
}

/* Run sql over the orders first..last (?1, ?2; ?3 the actor when
 * with_actor). */
static enum status
bulk_range(struct order_bulk *b, const char *sql, int with_actor)
{
	sqlite3_stmt *st = db_prepare_id(b->db, sql, b->first);

	if (st == NULL)
		return ST_ERROR;
	if (sqlite3_bind_int64(st, 2, b->last) != SQLITE_OK ||
	    (with_actor && db_bind_text(st, 3, db_actor(b->db)) != SQLITE_OK))
		return db_status(b->db, sqlite3_errcode(db_sqlite(b->db)));
	return ledger_step(b->db, st);
}

/* Write the customers and events of the run not yet written. */
static enum status
bulk_flush(struct order_bulk *b)
{
	enum status s;

	if (b->first == 0)
		return ST_OK;
	s = bulk_range(b, sql_bulk_customers, 0);
	if (s == ST_OK && !b->event_each)
		s = bulk_range(b, sql_bulk_events, 1);
	if (s == ST_OK)
		b->first = b->last = 0;
	return s;
}

/*
 * What an order id, whose header and lines are written, still needs:
 * its event now when event_each (a confirm follows at once), and its
 * place in the run.  An id that does not follow the run, or a full run,
 * flushes it first, so the run only ever holds this creator's orders.
 */
static enum status
bulk_write(struct order_bulk *b, long long id)
{
	enum status s = ST_OK;

	if (b->event_each)
		s = order_event_new(b->db, id);
	if (s == ST_OK && b->first != 0 &&
	    (id != b->last + 1 || b->last - b->first + 1 >= BULK_RUN_MAX))
		s = bulk_flush(b);
	if (s != ST_OK)
		return s;
	if (b->first == 0)
		b->first = id;
	b->last = id;
	return ST_OK;
}

enum status
order_bulk_finish(struct order_bulk *b)
{
	enum status s = bulk_flush(b);

	if (s != ST_OK)
		return s;
	s = index_defer_restore(b->db, b->dropped);
	if (s == ST_OK) {
		index_defer_free(b->dropped);
		b->dropped = NULL;
	}
	return s;
}

void
order_bulk_free(struct order_bulk *b)
{
	if (b == NULL)
		return;
	index_defer_free(b->dropped);
	free(b->key);
	free(b->price);
	free(b);
}

static size_t
bulk_slot(const struct order_bulk *b, long long id)
{
	size_t i = (size_t)((unsigned long long)id * 0x9e3779b97f4a7c15ull) &
		   (b->cap - 1);

	while (b->key[i] != 0 && b->key[i] != id)
		i = (i + 1) & (b->cap - 1);
	return i;
}

static void
bulk_grow(struct order_bulk *b)
{
	long long *key = b->key, *price = b->price;
	size_t cap = b->cap;

	b->cap *= 2;
	b->key = xcalloc(b->cap, sizeof *b->key);
	b->price = xcalloc(b->cap, sizeof *b->price);
	for (size_t i = 0; i < cap; i++)
		if (key[i] != 0) {
			size_t j = bulk_slot(b, key[i]);

			b->key[j] = key[i];
			b->price[j] = price[i];
		}
	free(key);
	free(price);
}

/* The price of product id (-1: no active product), cached. */
static enum status
bulk_price(struct order_bulk *b, long long id, long long *price)
{
	size_t i;
	enum status s;

	if (id <= 0) {
		*price = -1;
		return ST_OK;
	}
	i = bulk_slot(b, id);
	if (b->key[i] == id) {
		*price = b->price[i];
		return ST_OK;
	}
	s = order_product_price(b->db, id, price);
	if (s != ST_OK)
		return s;
	if (2 * (b->n + 1) > b->cap) {
		bulk_grow(b);
		i = bulk_slot(b, id);
	}
	b->key[i] = id;
	b->price[i] = *price;
	b->n++;
	return ST_OK;
}

/* Every check of order_create, before anything is written; prices get
 * the products' prices (nlines of them). */
static enum status
bulk_check(struct order_bulk *b, const struct order_in *in, char *when,
    long long *prices, long long *id)
{
	struct db *db = b->db;
	enum status s = order_validate(db, in, when);

	if (s == ST_OK && !db_in_transaction(db))
		s = db_fail(db, ST_INVALID, "order_bulk_create: no transaction");
	for (int i = 0; s == ST_OK && i < in->nlines; i++) {
		s = bulk_price(b, in->lines[i].product_id, &prices[i]);
		if (s == ST_OK && prices[i] < 0) {
			/* An order already here is that, as order_create
			 * says, whatever its products have become. */
			s = order_ref_present(db, in, id);
			if (s == ST_NOT_FOUND)
				s = order_no_product(db, i, &in->lines[i]);
		}
	}
	return s;
}

/*
 * Write in's header, *id the new order, or ST_EXISTS (*id the order
 * there).  A new order costs one statement, its insert, which does
 * nothing when the reference is here; but then it takes a second, to
 * find the order, so after an order that was here the next is looked
 * for first: a file already imported costs one lookup per order.
 */
static enum status
bulk_header(struct order_bulk *b, const struct order_in *in,
    const char *when, long long *id)
{
	enum status s;

	if (b->probe) {
		s = order_ref_present(b->db, in, id);
		if (s != ST_NOT_FOUND)
			return s;
		b->probe = 0;
	}
	/* The transaction's clock: one created_at for the whole import,
	 * read once instead of twice per order. */
	s = order_header_write(b->db, 1, in, when, db_now(b->db), id);
	if (s != ST_OK || *id != 0)
		return s;
	b->probe = 1;
	s = order_ref_present(b->db, in, id);
	if (s == ST_NOT_FOUND) /* DO NOTHING, yet no conflict */
		s = db_fail(b->db, ST_ERROR, "order %s not written",
		    in->ext_ref);
	return s;
}

enum status
order_bulk_create(
    struct order_bulk *b, const struct order_in *in, long long *id)
{
	struct db *db = b->db;
	char when[DATETIME_SIZE];
	long long oid = 0, one[8];
	long long *prices = one;
	enum status s;

	if (in->nlines > (int)(sizeof one / sizeof one[0]))
		prices = xcalloc((size_t)in->nlines, sizeof *prices);
	s = bulk_check(b, in, when, prices, &oid);
	if (s == ST_OK)
		s = bulk_header(b, in, when, &oid);
	if (s == ST_EXISTS)
		*id = oid;
	for (int i = 0; s == ST_OK && i < in->nlines; i++)
		s = order_line_write(db, oid, &in->lines[i], prices[i]);
	if (s == ST_OK)
		s = bulk_write(b, oid);
	if (s == ST_OK) {
		*id = oid;
		b->made++;
		s = bulk_maybe_defer(b);
	}
	if (prices != one)
		free(prices);
	return s;
}
