/*
 * wave.c - see wave.h.
 *
 * A wave by filter is made with one INSERT ... SELECT, so a 10,000-order
 * wave costs one statement; the pick list is one GROUP BY over the
 * wave's reservations.  Packing goes through order_pack (a savepoint per
 * order inside the wave's transaction), so the rule and the order_event
 * row are the same as for one order packed by hand.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/ledger.h"
#include "model/txn.h"
#include "model/wave.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static const char *const selector_names[] = {
    [WAVE_ALL] = "all",
    [WAVE_CHANNEL] = "channel",
    [WAVE_COURIER] = "courier",
    [WAVE_ORDERS] = "orders",
};

static const char sql_wave_insert[] =
    "INSERT INTO wave(selector, filter, created_by) VALUES (?1, ?2, ?3)";
static const char sql_select_insert[] =
    "INSERT INTO wave_order(wave_id, order_id)"
    " SELECT ?1, o.id FROM orders o WHERE o.status = 'confirmed'"
    " AND o.gid IS NULL"
    " AND NOT EXISTS (SELECT 1 FROM wave_order w WHERE w.order_id = o.id)"
    " AND (?2 IS NULL OR o.channel = ?2) AND (?3 IS NULL OR o.courier = ?3)"
    " ORDER BY o.ordered_at, o.id";
static const char sql_order_state[] =
    "SELECT o.status, (SELECT w.wave_id FROM wave_order w"
    " WHERE w.order_id = o.id), o.gid IS NOT NULL FROM orders o"
    " WHERE o.id = ?1";
static const char sql_one_insert[] =
    "INSERT INTO wave_order(wave_id, order_id) VALUES (?1, ?2)";
static const char sql_event_insert[] =
    "INSERT INTO wave_event(wave_id, kind, courier, file, orders, actor)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char sql_wave_get[] =
    "SELECT selector, filter, created_by, created_at FROM wave WHERE id = ?1";
static const char sql_wave_counts[] =
    "SELECT o.status, count(*) FROM wave_order w JOIN orders o"
    " ON o.id = w.order_id WHERE w.wave_id = ?1 GROUP BY o.status";
static const char sql_wave_ids[] = "SELECT id FROM wave ORDER BY id DESC";
/* The wave's orders, in the order it took them (oldest first). */
static const char sql_wave_orders[] =
    "SELECT o.id FROM wave_order w JOIN orders o ON o.id = w.order_id"
    " WHERE w.wave_id = ?1 ORDER BY o.ordered_at, o.id";
static const char sql_picklist[] =
    "SELECT p.id, p.sku, p.name, p.unit, t.id, t.received_on,"
    " coalesce(t.best_before, ''), t.grade, coalesce(m.name, ''),"
    " sum(a.qty), count(DISTINCT l.order_id)"
    " FROM wave_order w JOIN order_line l ON l.order_id = w.order_id"
    " JOIN order_alloc a ON a.order_line_id = l.id"
    " JOIN lot t ON t.id = a.lot_id JOIN product p ON p.id = l.product_id"
    " LEFT JOIN member m ON m.id = t.member_id WHERE w.wave_id = ?1"
    " GROUP BY p.id, t.id ORDER BY p.sku, p.id, t.best_before IS NULL,"
    " t.best_before, t.received_on, t.id";
static const char sql_wave_unpacked[] =
    "SELECT o.id FROM wave_order w JOIN orders o ON o.id = w.order_id"
    " WHERE w.wave_id = ?1 AND o.status <> 'packed'"
    " ORDER BY o.ordered_at, o.id";
static const char sql_drop[] =
    "DELETE FROM wave_order WHERE wave_id = ?1 AND order_id = ?2";
static const char sql_set_courier[] =
    "UPDATE orders SET courier = ?2, updated_at = datetime('now',"
    " 'localtime') WHERE id = ?1";
static const char sql_history[] =
    "SELECT at, actor, kind, courier, file, orders, 0 AS k FROM wave_event"
    " WHERE wave_id = ?1 UNION ALL"
    " SELECT min(s.created_at), s.actor, 'shipped', s.courier, '', count(*),"
    " 1 FROM shipment s JOIN wave_order w ON w.order_id = s.order_id"
    " WHERE w.wave_id = ?1"
    " GROUP BY s.courier, s.actor, substr(s.created_at, 1, 16)"
    " ORDER BY 1, 7";
static const char sql_members[] =
    "SELECT o.id, coalesce(o.ext_ref, ''), o.channel, o.customer_name,"
    " o.status, coalesce(s.courier, ''), coalesce(s.tracking_no, '')"
    " FROM wave_order w JOIN orders o ON o.id = w.order_id"
    " LEFT JOIN shipment s ON s.id = (SELECT max(x.id) FROM shipment x"
    " WHERE x.order_id = o.id) WHERE w.wave_id = ?1"
    " ORDER BY o.ordered_at, o.id";
static const char sql_wave_exists[] = "SELECT 1 FROM wave WHERE id = ?1";

const char *
wave_selector_name(enum wave_selector by)
{
	if ((unsigned)by > WAVE_ORDERS)
		return "?";
	return selector_names[by];
}

static const char *
col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t != NULL ? (const char *)t : "";
}

/* ST_OK if wave id exists, else ST_NOT_FOUND naming it. */
static enum status
wave_exists(struct db *db, long long id)
{
	sqlite3_stmt *st = db_prepare_id(db, sql_wave_exists, id);
	long long found = 0;
	enum status s;

	if (st == NULL)
		return ST_ERROR;
	s = db_query_int(db, st, 0, &found);
	if (s == ST_OK && !found)
		s = db_fail(db, ST_NOT_FOUND, _("there is no wave %lld"), id);
	return s;
}

static enum status
event_write(struct db *db, long long id, const char *kind, const char *courier,
    const char *file, long norders)
{
	sqlite3_stmt *st = db_prepare_id(db, sql_event_insert, id);

	if (st == NULL)
		return ST_ERROR;
	if (db_bind_text(st, 2, kind) != SQLITE_OK ||
	    db_bind_text(st, 3, courier ? courier : "") != SQLITE_OK ||
	    db_bind_text(st, 4, file ? file : "") != SQLITE_OK ||
	    sqlite3_bind_int64(st, 5, norders) != SQLITE_OK ||
	    db_bind_text(st, 6, db_actor(db)) != SQLITE_OK)
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	return ledger_step(db, st);
}

/* Add one listed order to wave id, checking it may go in. */
static enum status
add_listed(struct db *db, long long id, long long oid)
{
	sqlite3_stmt *st = db_prepare_id(db, sql_order_state, oid);
	long long in_wave;
	char *status;
	int rc, foreign;
	enum status s;

	if (st == NULL)
		return ST_ERROR;
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? db_fail(db, ST_NOT_FOUND,
					       _("there is no order %lld"), oid)
					 : db_status(db, rc);
	}
	status = db_column_dup(st, 0);
	in_wave = sqlite3_column_int64(st, 1);
	foreign = sqlite3_column_int(st, 2);
	sqlite3_reset(st);
	if (in_wave == id)
		s = db_fail(
		    db, ST_EXISTS, _("order %lld is listed twice"), oid);
	else if (in_wave != 0)
		s = db_fail(db, ST_BAD_STATE,
		    _("order %lld is already in wave %lld"), oid, in_wave);
	else if (strcmp(status, "confirmed") != 0)
		/* TRANSLATORS: "order 12 is new; only ..." */
		s = db_fail(db, ST_BAD_STATE,
		    _("order %lld is %s; only confirmed orders can go into a "
		      "wave"),
		    oid, _(order_status_label(status)));
	else if (foreign) /* order.h: its own site packs it */
		s = db_fail(db, ST_BAD_STATE,
		    _("order %lld was taken in at another site; only that "
		      "site can confirm, pack or ship it"),
		    oid);
	else if ((st = db_prepare_id(db, sql_one_insert, id)) == NULL)
		s = ST_ERROR;
	else if (sqlite3_bind_int64(st, 2, oid) != SQLITE_OK)
		s = db_status(db, sqlite3_errcode(db_sqlite(db)));
	else
		s = ledger_step(db, st);
	free(status);
	return s;
}

/* Fill wave id from in; *count gets how many orders went in. */
static enum status
wave_fill(struct db *db, long long id, const struct wave_in *in, int *count)
{
	sqlite3_stmt *st;
	enum status s = ST_OK;

	if (in->by == WAVE_ORDERS) {
		for (int i = 0; s == ST_OK && i < in->nids; i++)
			s = add_listed(db, id, in->ids[i]);
		*count = in->nids;
		return s;
	}
	st = db_prepare_id(db, sql_select_insert, id);
	if (st == NULL)
		return ST_ERROR;
	if ((in->by == WAVE_CHANNEL &&
		db_bind_text(st, 2, in->filter) != SQLITE_OK) ||
	    (in->by == WAVE_COURIER &&
		db_bind_text(st, 3, in->filter) != SQLITE_OK))
		return db_status(db, sqlite3_errcode(db_sqlite(db)));
	s = ledger_step(db, st);
	*count = sqlite3_changes(db_sqlite(db));
	if (s == ST_OK && *count == 0)
		s = db_fail(db, ST_NOT_FOUND,
		    _("there are no confirmed orders to put in a wave"));
	return s;
}

static enum status
create_validate(struct db *db, const struct wave_in *in)
{
	if ((unsigned)in->by > WAVE_ORDERS)
		return db_fail(db, ST_INVALID, "unknown wave selector");
	if ((in->by == WAVE_CHANNEL || in->by == WAVE_COURIER) &&
	    (in->filter == NULL || in->filter[0] == '\0'))
		return db_fail(db, ST_INVALID,
		    in->by == WAVE_CHANNEL ? _("a wave by channel needs a "
					       "channel")
					   : _("a wave by courier needs a "
					       "courier"));
	if (in->by == WAVE_ORDERS && (in->ids == NULL || in->nids < 1))
		return db_fail(
		    db, ST_INVALID, _("a wave of listed orders needs orders"));
	return ST_OK;
}

enum status
wave_create(struct db *db, const struct wave_in *in, long long *id, int *count)
{
	sqlite3_stmt *st;
	long long wid = 0;
	int nested, n = 0;
	enum status s = create_validate(db, in);

	if (s != ST_OK)
		return s;
	s = txn_begin(db, &nested);
	if (s != ST_OK)
		return s;
	st = db_prepare(db, sql_wave_insert);
	if (st == NULL)
		s = ST_ERROR;
	else if (db_bind_text(st, 1, selector_names[in->by]) != SQLITE_OK ||
		 db_bind_text(st, 2,
		     in->by == WAVE_CHANNEL || in->by == WAVE_COURIER
			 ? in->filter
			 : "") != SQLITE_OK ||
		 db_bind_text(st, 3, db_actor(db)) != SQLITE_OK)
		s = db_status(db, sqlite3_errcode(db_sqlite(db)));
	else
		s = ledger_step(db, st);
	if (s == ST_OK) {
		wid = sqlite3_last_insert_rowid(db_sqlite(db));
		s = wave_fill(db, wid, in, &n);
	}
	if (s == ST_OK)
		s = event_write(db, wid, "created", NULL, NULL, n);
	s = txn_end(db, nested, s);
	if (s == ST_OK) {
		*id = wid;
		if (count != NULL)
			*count = n;
	}
	return s;
}

static enum status
counts_load(struct db *db, struct wave *w)
{
	sqlite3_stmt *st = db_prepare_id(db, sql_wave_counts, w->id);
	int rc, k;

	if (st == NULL)
		return ST_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		k = order_status_parse(
		    (const char *)sqlite3_column_text(st, 0));
		if (k >= 0)
			w->nstatus[k] = sqlite3_column_int(st, 1);
		w->norders += sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status(db, rc);
}

enum status
wave_get(struct db *db, long long id, struct wave *out)
{
	sqlite3_stmt *st = db_prepare_id(db, sql_wave_get, id);
	enum status s;
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return ST_ERROR;
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? db_fail(db, ST_NOT_FOUND,
					       _("there is no wave %lld"), id)
					 : db_status(db, rc);
	}
	out->id = id;
	for (int i = 0; i <= WAVE_ORDERS; i++)
		if (strcmp((const char *)sqlite3_column_text(st, 0),
			selector_names[i]) == 0)
			out->by = (enum wave_selector)i;
	out->filter = db_column_dup(st, 1);
	out->created_by = db_column_dup(st, 2);
	out->created_at = db_column_dup(st, 3);
	sqlite3_reset(st);
	s = counts_load(db, out);
	if (s != ST_OK)
		wave_clear(out);
	return s;
}

void
wave_clear(struct wave *w)
{
	if (w == NULL)
		return;
	free(w->filter);
	free(w->created_by);
	free(w->created_at);
	memset(w, 0, sizeof *w);
}

/* Load the ids a statement returns in its first column. */
static enum status
ids_load(struct db *db, sqlite3_stmt *st, long long **out, size_t *n)
{
	long long *v = NULL;
	size_t cnt = 0;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((cnt & (cnt - 1)) == 0)
			v = xrealloc(v, (cnt ? cnt * 2 : 1) * sizeof *v);
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

enum status
wave_list(struct db *db, int (*fn)(const struct wave *w, void *arg), void *arg)
{
	sqlite3_stmt *st = db_prepare(db, sql_wave_ids);
	long long *ids = NULL;
	size_t n = 0;
	struct wave w;
	enum status s;
	int stop = 0;

	if (st == NULL)
		return ST_ERROR;
	/* Ids first: wave_get reuses statements while the walk is open. */
	s = ids_load(db, st, &ids, &n);
	for (size_t i = 0; s == ST_OK && !stop && i < n; i++) {
		s = wave_get(db, ids[i], &w);
		if (s == ST_OK)
			stop = fn(&w, arg) != 0;
		wave_clear(&w);
	}
	free(ids);
	return s;
}

enum status
wave_orders(struct db *db, long long id,
    int (*fn)(long long order_id, void *arg), void *arg)
{
	sqlite3_stmt *st;
	long long *ids = NULL;
	size_t n = 0;
	enum status s = wave_exists(db, id);

	if (s != ST_OK)
		return s;
	st = db_prepare_id(db, sql_wave_orders, id);
	if (st == NULL)
		return ST_ERROR;
	/* Ids first, so fn may call the model (order_get) freely. */
	s = ids_load(db, st, &ids, &n);
	for (size_t i = 0; s == ST_OK && i < n; i++)
		if (fn(ids[i], arg) != 0)
			break;
	free(ids);
	return s;
}

enum status
wave_order_list(struct db *db, long long id,
    int (*fn)(const struct wave_member *m, void *arg), void *arg)
{
	sqlite3_stmt *st;
	struct wave_member m;
	enum status s = wave_exists(db, id);
	int rc;

	if (s != ST_OK)
		return s;
	st = db_prepare_id(db, sql_members, id);
	if (st == NULL)
		return ST_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m.order_id = sqlite3_column_int64(st, 0);
		m.ext_ref = col(st, 1);
		m.channel = col(st, 2);
		m.customer_name = col(st, 3);
		m.status = col(st, 4);
		m.courier = col(st, 5);
		m.tracking_no = col(st, 6);
		if (fn(&m, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	s = db_status(db, rc);
	sqlite3_reset(st);
	return s;
}

struct rows_filter {
	const char *status;
	int (*fn)(const struct exchange_order_row *, void *);
	void *arg;
	const long long *ids; /* the wave's orders, sorted */
	size_t n;
};

static int
cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

static int
rows_cb(const struct exchange_order_row *r, void *arg)
{
	struct rows_filter *f = arg;

	if (f->status != NULL && strcmp(r->status, f->status) != 0)
		return 0;
	if (bsearch(&r->order_id, f->ids, f->n, sizeof *f->ids, cmp_ll) == NULL)
		return 0;
	return f->fn(r, f->arg);
}

enum status
wave_order_rows(struct db *db, long long id, const char *status,
    int (*fn)(const struct exchange_order_row *row, void *arg), void *arg)
{
	struct rows_filter f = {status, fn, arg, NULL, 0};
	sqlite3_stmt *st;
	long long *ids = NULL;
	enum status s = wave_exists(db, id);

	if (s != ST_OK)
		return s;
	st = db_prepare_id(db, sql_wave_orders, id);
	if (st == NULL)
		return ST_ERROR;
	s = ids_load(db, st, &ids, &f.n);
	if (s != ST_OK)
		return s;
	qsort(ids, f.n, sizeof *ids, cmp_ll);
	f.ids = ids;
	/* The walk of the status (or of all orders) filtered to the wave
	 * keeps the one streaming query of exchange.c. */
	s = exchange_order_rows(db, status, rows_cb, &f);
	free(ids);
	return s;
}

enum status
wave_picklist(struct db *db, long long id,
    int (*fn)(const struct wave_pick *p, void *arg), void *arg)
{
	sqlite3_stmt *st;
	struct wave_pick p;
	enum status s = wave_exists(db, id);
	int rc;

	if (s != ST_OK)
		return s;
	st = db_prepare_id(db, sql_picklist, id);
	if (st == NULL)
		return ST_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		p.product_id = sqlite3_column_int64(st, 0);
		p.sku = col(st, 1);
		p.name = col(st, 2);
		p.unit = col(st, 3);
		p.lot_id = sqlite3_column_int64(st, 4);
		p.received_on = col(st, 5);
		p.best_before = col(st, 6);
		p.grade = col(st, 7);
		p.member = col(st, 8);
		p.qty = sqlite3_column_int64(st, 9);
		p.orders = sqlite3_column_int(st, 10);
		if (fn(&p, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	s = db_status(db, rc);
	sqlite3_reset(st);
	return s;
}

/* Pack the orders of the wave not packed yet; one that cannot be (it
 * is cancelled, shipped, ...) stops it, named with the wave. */
static enum status
pack_all(struct db *db, long long id, int *packed)
{
	sqlite3_stmt *st = db_prepare_id(db, sql_wave_unpacked, id);
	long long *ids = NULL;
	size_t n = 0;
	enum status s;
	char *why;

	if (st == NULL)
		return ST_ERROR;
	s = ids_load(db, st, &ids, &n);
	for (size_t i = 0; s == ST_OK && i < n; i++) {
		s = order_pack(db, ids[i]);
		if (s == ST_OK)
			(*packed)++;
	}
	if (s == ST_BAD_STATE) {
		why = xstrdup(db_errmsg(db));
		s = db_fail(db, ST_BAD_STATE, _("wave %lld: %s"), id, why);
		free(why);
	}
	free(ids);
	return s;
}

enum status
wave_mark_packed(struct db *db, long long id, int *packed)
{
	int nested, n = 0;
	enum status s = txn_begin(db, &nested);

	if (s != ST_OK)
		return s;
	s = wave_exists(db, id);
	if (s == ST_OK)
		s = pack_all(db, id, &n);
	if (s == ST_OK && n == 0)
		s = db_fail(db, ST_BAD_STATE,
		    _("wave %lld has no confirmed orders left to pack"), id);
	if (s == ST_OK)
		s = event_write(db, id, "packed", NULL, NULL, n);
	s = txn_end(db, nested, s);
	if (packed != NULL)
		*packed = s == ST_OK ? n : 0;
	return s;
}

enum status
wave_drop_order(struct db *db, long long id, long long order_id)
{
	sqlite3_stmt *st;
	int nested;
	enum status s = txn_begin(db, &nested);

	if (s != ST_OK)
		return s;
	st = db_prepare_id(db, sql_drop, id);
	if (st == NULL)
		s = ST_ERROR;
	else if (sqlite3_bind_int64(st, 2, order_id) != SQLITE_OK)
		s = db_status(db, sqlite3_errcode(db_sqlite(db)));
	else
		s = ledger_step(db, st);
	if (s == ST_OK && sqlite3_changes(db_sqlite(db)) == 0)
		s = db_fail(db, ST_NOT_FOUND,
		    _("order %lld is not in wave %lld"), order_id, id);
	return txn_end(db, nested, s);
}

enum status
wave_note_manifest(struct db *db, long long id, const char *courier,
    const char *file, long norders)
{
	int nested;
	enum status s = txn_begin(db, &nested);

	if (s != ST_OK)
		return s;
	s = wave_exists(db, id);
	if (s == ST_OK)
		s = event_write(db, id, "manifest", courier, file, norders);
	return txn_end(db, nested, s);
}

enum status
wave_set_courier(struct db *db, long long order_id, const char *courier)
{
	sqlite3_stmt *st;
	int nested;
	enum status s = txn_begin(db, &nested);

	if (s != ST_OK)
		return s;
	st = db_prepare_id(db, sql_set_courier, order_id);
	if (st == NULL)
		s = ST_ERROR;
	else if (db_bind_text(st, 2, courier ? courier : "") != SQLITE_OK)
		s = db_status(db, sqlite3_errcode(db_sqlite(db)));
	else
		s = ledger_step(db, st);
	if (s == ST_OK && sqlite3_changes(db_sqlite(db)) == 0)
		s = db_fail(
		    db, ST_NOT_FOUND, _("there is no order %lld"), order_id);
	return txn_end(db, nested, s);
}

static enum wave_what
what_parse(const char *kind)
{
	if (strcmp(kind, "packed") == 0)
		return WAVE_EV_PACKED;
	if (strcmp(kind, "manifest") == 0)
		return WAVE_EV_MANIFEST;
	if (strcmp(kind, "shipped") == 0)
		return WAVE_EV_SHIPPED;
	return WAVE_EV_CREATED;
}

enum status
wave_history(struct db *db, long long id,
    int (*fn)(const struct wave_event *e, void *arg), void *arg)
{
	sqlite3_stmt *st;
	struct wave_event e;
	enum status s = wave_exists(db, id);
	int rc;

	if (s != ST_OK)
		return s;
	st = db_prepare_id(db, sql_history, id);
	if (st == NULL)
		return ST_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		e.at = col(st, 0);
		e.actor = col(st, 1);
		e.what = what_parse(col(st, 2));
		e.courier = col(st, 3);
		e.file = col(st, 4);
		e.norders = (long)sqlite3_column_int64(st, 5);
		if (fn(&e, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	s = db_status(db, rc);
	sqlite3_reset(st);
	return s;
}
