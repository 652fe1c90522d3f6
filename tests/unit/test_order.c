/*
 * test_order.c - orders: creation (idempotent per channel and reference,
 * prices, customers), confirmation (FEFO reservation, expired lots never
 * sold, all-or-nothing with every short product named), every allowed and
 * every refused transition, what cancel, ship and return do to stock, and
 * model_check after each.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "faultvfs.h"
#include "fixture.h"
#include "model/check.h"
#include "model/order.h"
#include "model/order_bulk.h"
#include "model/stock.h"
#include "util/num.h"
#include "util/xalloc.h"

static void
assert_unchanged(struct db *db, const char *before)
{
	char *after = fx_snapshot(db);

	assert_string_equal(after, before);
	free(after);
}

/* The text of a one-value query (static buffer). */
static const char *
text_of(struct db *db, const char *sql)
{
	static char buf[1024];
	sqlite3_stmt *st = NULL;
	const unsigned char *v;

	assert_int_equal(
	    sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_text(st, 0);
	snprintf(buf, sizeof buf, "%s", v != NULL ? (const char *)v : "NULL");
	sqlite3_finalize(st);
	return buf;
}

static void
test_status_names(void **state)
{
	(void)state;
	for (int i = 0; i < ORDER__COUNT; i++)
		assert_int_equal(order_status_parse(order_status_name(i)), i);
	assert_string_equal(order_status_name(ORDER_PACKED), "packed");
	assert_int_equal(order_status_parse("Packed"), -1);
	assert_int_equal(order_status_parse(NULL), -1);
	assert_string_equal(order_status_name(ORDER__COUNT), "?");
	/* The label is the untranslated msgid; unknown names pass through. */
	assert_string_equal(order_status_label("shipped"), "shipped");
	assert_string_equal(order_status_label("lost"), "lost");
	assert_string_equal(order_status_label(""), "?");
	assert_string_equal(order_status_label(NULL), "?");
}

static void
test_create(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	long long q = fx_product(t->db, "WALNUT", "kg", 2450);
	struct order_line_in lines[] = {
	    {p, 2000, -1},   /* the product's price */
	    {q, 1500, 2000}, /* a given price */
	};
	struct order_in in = {
	    .channel = "taobao",
	    .ext_ref = "TB-1",
	    .ordered_at = "2026-11-27 09:30",
	    .customer_name = "王芳",
	    .customer_phone = "13800000001",
	    .customer_address = "陇南",
	    .note = "gift",
	    .lines = lines,
	    .nlines = 2,
	};
	struct order *o = NULL;
	long long id = 0;

	assert_int_equal(order_create(t->db, &in, &id), ST_OK);
	assert_true(id > 0);
	assert_int_equal(order_get(t->db, id, &o), ST_OK);
	assert_string_equal(o->channel, "taobao");
	assert_string_equal(o->ext_ref, "TB-1");
	assert_string_equal(o->ordered_at, "2026-11-27 09:30:00");
	assert_string_equal(o->status, "new");
	assert_string_equal(o->customer_name, "王芳");
	assert_string_equal(o->customer_phone, "13800000001");
	assert_string_equal(o->customer_address, "陇南");
	assert_string_equal(o->note, "gift");
	assert_string_equal(o->created_by, "tester");
	assert_int_equal(o->nlines, 2);
	assert_string_equal(o->lines[0].sku, "HONEY");
	assert_string_equal(o->lines[0].unit, "jar");
	assert_int_equal(o->lines[0].unit_price, 3800);
	assert_int_equal(o->lines[0].total, 7600);
	assert_string_equal(o->lines[1].name, "WALNUT name");
	assert_int_equal(o->lines[1].unit_price, 2000);
	assert_int_equal(o->lines[1].total, 3000);
	assert_int_equal(o->total, 10600);
	order_free(o);
	order_free(NULL);
	assert_string_equal(
	    text_of(t->db,
		"SELECT coalesce(from_status, '-')"
		" || '>' || to_status || ' ' || actor FROM order_event"),
	    "->new tester");
	assert_string_equal(
	    text_of(t->db, "SELECT name || ' ' || address"
			   " FROM customer WHERE phone = '13800000001'"),
	    "王芳 陇南");
	/* the next order by the same phone updates the name, keeps the
	 * address when none is given */
	in.ext_ref = "TB-2";
	in.customer_name = "王芳芳";
	in.customer_address = "";
	assert_int_equal(order_create(t->db, &in, &id), ST_OK);
	assert_string_equal(text_of(t->db, "SELECT name || ' ' || address"
					   " FROM customer"),
	    "王芳芳 陇南");
	assert_int_equal(order_get(t->db, 999, &o), ST_NOT_FOUND);
	assert_null(o);
	fx_check_clean(t->db);
}

static void
test_create_is_idempotent(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	struct order_line_in line = {p, 1000, -1};
	struct order_in in = {.channel = "taobao",
	    .ext_ref = "TB-9",
	    .lines = &line,
	    .nlines = 1};
	long long first = 0, again = 0, other = 0, plain1 = 0, plain2 = 0;
	char *before;

	assert_int_equal(order_create(t->db, &in, &first), ST_OK);
	before = fx_snapshot(t->db);
	line.qty = 5000; /* a re-import with other content changes nothing */
	assert_int_equal(order_create(t->db, &in, &again), ST_EXISTS);
	assert_int_equal(again, first);
	assert_unchanged(t->db, before);
	free(before);
	in.channel = "jd";
	assert_int_equal(order_create(t->db, &in, &other), ST_OK);
	assert_true(other != first);
	/* without a reference every create is a new order */
	in.ext_ref = NULL;
	assert_int_equal(order_create(t->db, &in, &plain1), ST_OK);
	in.ext_ref = "";
	assert_int_equal(order_create(t->db, &in, &plain2), ST_OK);
	assert_true(plain1 != plain2);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM orders"), 4);
	assert_int_equal(
	    testdb_int(
		t->db, "SELECT count(*) FROM orders WHERE ext_ref IS NULL"),
	    2);
}

/* The import's path: the same checks and messages as order_create,
 * nothing written on a refusal, ST_EXISTS with the existing id. */
static void
test_bulk_create(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	long long off = fx_product(t->db, "OLD", "jar", 100);
	struct order_line_in lines[2] = {{p, 1000, -1}, {p, 2000, 500}};
	struct order_in in = {.channel = "taobao",
	    .ext_ref = "TB-1",
	    .customer_phone = "139",
	    .lines = lines,
	    .nlines = 2};
	struct order_bulk *b = order_bulk_new(t->db);
	long long id = 0, again = 0;
	char *before;

	fx_exec(t->db, "UPDATE product SET active = 0 WHERE sku = 'OLD'");
	assert_int_equal(order_bulk_create(b, &in, &id), ST_INVALID);
	assert_int_equal(db_begin(t->db), ST_OK);
	assert_int_equal(order_bulk_create(b, &in, &id), ST_OK);
	assert_int_equal(order_bulk_create(b, &in, &again), ST_EXISTS);
	assert_int_equal(again, id);
	before = fx_snapshot(t->db);
	in.ext_ref = "TB-2";
	lines[1].product_id = off;
	assert_int_equal(order_bulk_create(b, &in, &again), ST_NOT_FOUND);
	assert_string_equal(
	    db_errmsg(t->db), "line 2: no active product with id 2");
	/* An order already here is that, whatever its products are now. */
	in.ext_ref = "TB-1";
	again = 0;
	assert_int_equal(order_bulk_create(b, &in, &again), ST_EXISTS);
	assert_int_equal(again, id);
	in.ext_ref = "TB-2";
	lines[1].product_id = p;
	lines[0].qty = 0;
	assert_int_equal(order_bulk_create(b, &in, &again), ST_INVALID);
	assert_unchanged(t->db, before);
	free(before);
	/* After an order that was here the next is looked up first; a new
	 * one is still made, and one made then is found. */
	lines[0].qty = 1000;
	in.ext_ref = "TB-1";
	assert_int_equal(order_bulk_create(b, &in, &again), ST_EXISTS);
	in.ext_ref = "TB-2";
	assert_int_equal(order_bulk_create(b, &in, &again), ST_OK);
	assert_int_equal(again, id + 1);
	assert_int_equal(order_bulk_create(b, &in, &again), ST_EXISTS);
	assert_int_equal(again, id + 1);
	assert_string_equal(db_errmsg(t->db),
	    "order TB-2 from taobao is already here (order 2)");
	assert_int_equal(order_bulk_finish(b), ST_OK);
	assert_int_equal(db_commit(t->db), ST_OK);
	order_bulk_free(b);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM orders"), 2);
	assert_int_equal(
	    testdb_int(t->db, "SELECT sum(qty * 10000 + unit_price) "
			      "FROM order_line"),
	    2 * (30000000 + 3800 + 500));
	assert_int_equal(
	    testdb_int(t->db, "SELECT count(*) FROM order_event "
			      "WHERE from_status IS NULL AND to_status = 'new'"),
	    2);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM customer"), 1);
	order_bulk_free(NULL);
}

static void
test_create_refusals_write_nothing(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	long long off = fx_product(t->db, "OLD", "jar", 100);
	struct order_line_in lines[2] = {{p, 1000, -1}, {p, 1000, -1}};
	struct order_in ok = {.channel = "walk-in",
	    .customer_phone = "139",
	    .lines = lines,
	    .nlines = 2};
	struct order_in in;
	long long id = 0;
	char *before;

	fx_exec(t->db, "UPDATE product SET active = 0 WHERE sku = 'OLD'");
	before = fx_snapshot(t->db);
	in = ok;
	in.channel = NULL;
	assert_int_equal(order_create(t->db, &in, &id), ST_INVALID);
	in = ok;
	in.channel = "";
	assert_int_equal(order_create(t->db, &in, &id), ST_INVALID);
	in = ok;
	in.nlines = 0;
	assert_int_equal(order_create(t->db, &in, &id), ST_INVALID);
	in = ok;
	in.ordered_at = "2026-13-01";
	assert_int_equal(order_create(t->db, &in, &id), ST_INVALID);
	lines[1].qty = 0;
	assert_int_equal(order_create(t->db, &ok, &id), ST_INVALID);
	assert_string_equal(
	    db_errmsg(t->db), "line 2: the quantity must be above zero");
	lines[1].qty = 1000;
	lines[1].product_id = 999;
	assert_int_equal(order_create(t->db, &ok, &id), ST_NOT_FOUND);
	lines[1].product_id = off;
	assert_int_equal(order_create(t->db, &ok, &id), ST_NOT_FOUND);
	assert_string_equal(
	    db_errmsg(t->db), "line 2: no active product with id 2");
	assert_int_equal(id, 0);
	assert_unchanged(t->db, before);
	free(before);
}

static void
test_confirm_reserves_fefo_skipping_expired(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	long long none = fx_lot(t->db, p, 5000, NULL);
	long long late = fx_lot(t->db, p, 2000, fx_date(30));
	long long expired = fx_lot(t->db, p, 9000, fx_date(-1));
	long long soon_b = fx_lot(t->db, p, 1000, fx_date(3));
	long long soon_a = fx_lot(t->db, p, 1000, fx_date(3));
	long long today = fx_lot(t->db, p, 1000, fx_date(0));
	long long o = fx_order(t->db, p, 6500);
	char want[256];

	(void)expired;
	assert_true(soon_b < soon_a);
	assert_int_equal(order_confirm(t->db, o), ST_OK);
	snprintf(want, sizeof want,
	    "%lld:1000 %lld:1000 %lld:1000 %lld:2000 %lld:1500", today, soon_b,
	    soon_a, late, none);
	assert_string_equal(
	    text_of(t->db,
		"SELECT group_concat(lot_id || ':' || qty, ' ') FROM (SELECT "
		"a.* FROM"
		" order_alloc a JOIN lot l ON l.id = a.lot_id"
		" ORDER BY l.best_before IS NULL, l.best_before, l.id)"),
	    want);
	assert_int_equal(testdb_int(t->db, "SELECT reserved FROM stock"), 6500);
	assert_int_equal(
	    testdb_int(t->db, "SELECT sum(reserved) FROM lot_stock"), 6500);
	assert_string_equal(
	    text_of(t->db, "SELECT status FROM orders"), "confirmed");
	assert_string_equal(
	    text_of(t->db,
		"SELECT group_concat(coalesce("
		"from_status, '-') || '>' || to_status, ' ') FROM order_event"),
	    "->new new>confirmed");
	/* a second order gets what is left outside the expired lot: 3.5 */
	o = fx_order(t->db, p, 3501);
	assert_int_equal(order_confirm(t->db, o), ST_NO_STOCK);
	assert_string_equal(db_errmsg(t->db), "HONEY: short by 0.001 jar");
	o = fx_order(t->db, p, 3500);
	assert_int_equal(order_confirm(t->db, o), ST_OK);
	assert_int_equal(testdb_int(t->db, "SELECT reserved FROM lot_stock"
					   " WHERE lot_id = 3"),
	    0);
	fx_check_clean(t->db);
}

static void
test_confirm_short_names_every_product(void **state)
{
	struct testdb *t = *state;
	long long a = fx_product(t->db, "HONEY-500", "jar", 3800);
	long long b = fx_product(t->db, "WALNUT", "kg", 2450);
	long long c = fx_product(t->db, "TEA", "bag", 1000);
	struct order_line_in lines[] = {
	    {a, 2000, -1},
	    {c, 1000, -1},
	    {b, 1250, -1},
	    {a, 3000, -1},
	};
	struct order_in in = {
	    .channel = "walk-in", .lines = lines, .nlines = 4};
	long long o = 0;
	char *before;

	fx_lot(t->db, a, 4000, NULL);
	fx_lot(t->db, b, 1000, NULL);
	fx_lot(t->db, b, 5000, fx_date(-3)); /* expired: does not count */
	fx_lot(t->db, c, 1000, NULL);
	assert_int_equal(order_create(t->db, &in, &o), ST_OK);
	before = fx_snapshot(t->db);
	assert_int_equal(order_confirm(t->db, o), ST_NO_STOCK);
	assert_string_equal(db_errmsg(t->db),
	    "HONEY-500: short by 1 jar; WALNUT: short by 0.25 kg");
	assert_unchanged(t->db, before);
	free(before);
	assert_false(db_in_transaction(t->db));
	fx_check_clean(t->db);
}

/* The transitions, as a table the tests walk. */
static enum status
op_confirm(struct db *db, long long id)
{
	return order_confirm(db, id);
}
static enum status
op_pack(struct db *db, long long id)
{
	return order_pack(db, id);
}
static enum status
op_ship(struct db *db, long long id)
{
	return order_ship(db, id, "SF", "SF123");
}
static enum status
op_deliver(struct db *db, long long id)
{
	return order_deliver(db, id);
}
static enum status
op_cancel(struct db *db, long long id)
{
	return order_cancel(db, id, "customer asked");
}
static enum status
op_return(struct db *db, long long id)
{
	return order_return(db, id, "damaged");
}

static const struct op {
	const char *name;
	enum status (*fn)(struct db *, long long);
	unsigned from;
	enum order_status to;
	const char *refusal;
} ops[] = {
    {"confirm", op_confirm, 1u << ORDER_NEW, ORDER_CONFIRMED,
	"only new orders can be confirmed"},
    {"pack", op_pack, 1u << ORDER_CONFIRMED, ORDER_PACKED,
	"only confirmed orders can be packed"},
    {"ship", op_ship, 1u << ORDER_CONFIRMED | 1u << ORDER_PACKED, ORDER_SHIPPED,
	"only confirmed or packed orders can be shipped"},
    {"deliver", op_deliver, 1u << ORDER_SHIPPED, ORDER_DELIVERED,
	"only shipped orders can be delivered"},
    {"cancel", op_cancel,
	1u << ORDER_NEW | 1u << ORDER_CONFIRMED | 1u << ORDER_PACKED,
	ORDER_CANCELLED,
	"only new, confirmed or packed orders can be cancelled"},
    {"return", op_return, 1u << ORDER_SHIPPED | 1u << ORDER_DELIVERED,
	ORDER_RETURNED, "only shipped or delivered orders can be returned"},
};

/* Make a one-jar order and walk it into state s. */
static long long
order_in_state(struct db *db, long long p, enum order_status s)
{
	long long o = fx_order(db, p, 1000);
	int ok = 1;

	if (s == ORDER_CANCELLED)
		return order_cancel(db, o, NULL) == ST_OK ? o : 0;
	if (s == ORDER_NEW)
		return o;
	ok &= order_confirm(db, o) == ST_OK;
	if (s == ORDER_PACKED)
		ok &= order_pack(db, o) == ST_OK;
	if (s >= ORDER_SHIPPED)
		ok &= order_ship(db, o, "EMS", "E1") == ST_OK;
	if (s == ORDER_DELIVERED)
		ok &= order_deliver(db, o) == ST_OK;
	if (s == ORDER_RETURNED)
		ok &= order_return(db, o, "r") == ST_OK;
	assert_true(ok);
	assert_string_equal(text_of(db, "SELECT status FROM orders"
					" ORDER BY id DESC LIMIT 1"),
	    order_status_name(s));
	return o;
}

static void
test_every_transition(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	char want[256], sql[256];
	int allowed = 0, refused = 0;

	fx_lot(t->db, p, 100000, NULL);
	for (int s = 0; s < ORDER__COUNT; s++) {
		for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
			const struct op *op = &ops[i];
			long long o = order_in_state(t->db, p, s);
			long long events;
			char *before = fx_snapshot(t->db);
			enum status st;

			snprintf(sql, sizeof sql,
			    "SELECT count(*) FROM order_event WHERE order_id = "
			    "%lld",
			    o);
			events = testdb_int(t->db, sql);
			st = op->fn(t->db, o);
			if (op->from & (1u << s)) {
				print_message("# %s from %s: allowed\n",
				    op->name, order_status_name(s));
				assert_int_equal(st, ST_OK);
				snprintf(sql, sizeof sql,
				    "SELECT from_status || '>' ||"
				    " to_status || ' ' || actor FROM "
				    "order_event"
				    " WHERE order_id = %lld ORDER BY id DESC",
				    o);
				snprintf(want, sizeof want, "%s>%s tester",
				    order_status_name(s),
				    order_status_name(op->to));
				assert_string_equal(text_of(t->db, sql), want);
				snprintf(sql, sizeof sql,
				    "SELECT count(*) FROM"
				    " order_event WHERE order_id = %lld",
				    o);
				assert_int_equal(
				    testdb_int(t->db, sql), events + 1);
				allowed++;
			} else {
				assert_int_equal(st, ST_BAD_STATE);
				snprintf(want, sizeof want,
				    "order %lld is %s; %s", o,
				    order_status_name(s), op->refusal);
				assert_string_equal(db_errmsg(t->db), want);
				assert_unchanged(t->db, before);
				refused++;
			}
			free(before);
			assert_false(db_in_transaction(t->db));
			fx_check_clean(t->db);
		}
	}
	assert_int_equal(allowed, 10);
	assert_int_equal(refused, 7 * 6 - 10);
	assert_int_equal(order_confirm(t->db, 9999), ST_NOT_FOUND);
	assert_int_equal(order_cancel(t->db, 9999, NULL), ST_NOT_FOUND);
}

static void
test_updated_at_and_note(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	long long o;

	fx_lot(t->db, p, 5000, NULL);
	o = fx_order(t->db, p, 1000);
	fx_exec(t->db, "UPDATE orders SET updated_at = '2000-01-01 00:00:00'");
	db_set_actor(t->db, 5, "li", 0);
	assert_int_equal(order_cancel(t->db, o, "changed mind"), ST_OK);
	assert_int_equal(
	    testdb_int(
		t->db, "SELECT updated_at > '2000-01-01 00:00:00' FROM orders"),
	    1);
	assert_string_equal(
	    text_of(t->db, "SELECT actor || ':' || note FROM"
			   " order_event ORDER BY id DESC LIMIT 1"),
	    "li:changed mind");
}

static void
test_cancel_releases(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	long long a, b;
	struct stock_level lv;

	fx_lot(t->db, p, 2000, fx_date(10));
	fx_lot(t->db, p, 2000, NULL);
	a = fx_order(t->db, p, 3000);
	b = fx_order(t->db, p, 1000);
	assert_int_equal(order_confirm(t->db, a), ST_OK);
	assert_int_equal(order_confirm(t->db, b), ST_OK);
	assert_int_equal(order_pack(t->db, b), ST_OK);
	assert_int_equal(stock_level_get(t->db, p, &lv), ST_OK);
	assert_int_equal(lv.reserved, 4000);
	assert_int_equal(lv.available, 0);
	assert_int_equal(order_cancel(t->db, a, "no answer"), ST_OK);
	assert_int_equal(stock_level_get(t->db, p, &lv), ST_OK);
	assert_int_equal(lv.on_hand, 4000);
	assert_int_equal(lv.reserved, 1000);
	assert_int_equal(lv.available, 3000);
	assert_int_equal(
	    testdb_int(t->db, "SELECT count(*) FROM order_alloc"), 1);
	fx_check_clean(t->db);
	assert_int_equal(order_cancel(t->db, b, NULL), ST_OK);
	assert_int_equal(
	    testdb_int(t->db, "SELECT count(*) FROM order_alloc"), 0);
	assert_int_equal(
	    testdb_int(t->db, "SELECT sum(reserved) FROM lot_stock"), 0);
	assert_int_equal(
	    testdb_int(t->db, "SELECT count(*) FROM stock_move"), 2);
	fx_check_clean(t->db);
}

/* Orders shipped in one transaction (one tracking import) carry one
 * time and one date, however long the transaction takes: a wave's
 * history groups its shipments by that time. */
static void
test_ship_one_clock(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	long long o1, o2;
	char *first;

	fx_lot(t->db, p, 5000, NULL);
	o1 = order_in_state(t->db, p, ORDER_CONFIRMED);
	o2 = order_in_state(t->db, p, ORDER_CONFIRMED);
	assert_int_equal(db_begin(t->db), ST_OK);
	assert_int_equal(order_ship(t->db, o1, "SF", "SF1"), ST_OK);
	first = xstrdup(text_of(t->db, "SELECT created_at FROM shipment"));
	testlib_wait_past(t->db, first);
	assert_int_equal(order_ship(t->db, o2, "SF", "SF2"), ST_OK);
	assert_int_equal(db_commit(t->db), ST_OK);
	assert_string_equal(text_of(t->db,
	    "SELECT count(DISTINCT created_at) || ' ' ||"
	    " count(DISTINCT shipped_on) || ' ' ||"
	    " sum(shipped_on = substr(created_at, 1, 10)) FROM shipment"),
	    "1 1 2");
	assert_int_equal(order_ship(t->db, order_in_state(t->db, p,
	    ORDER_CONFIRMED), "SF", "SF3"), ST_OK);
	assert_int_equal(testdb_int(t->db,
	    "SELECT count(DISTINCT created_at) FROM shipment"), 2);
	free(first);
}

static void
test_ship_makes_sale_moves(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	long long q = fx_product(t->db, "TEA", "bag", 1000);
	long long l1 = fx_lot(t->db, p, 2000, fx_date(5));
	long long l2 = fx_lot(t->db, p, 5000, NULL);
	long long l3 = fx_lot(t->db, q, 5000, NULL);
	struct order_line_in lines[] = {{p, 3000, -1}, {q, 500, -1}};
	struct order_in in = {.channel = "phone", .lines = lines, .nlines = 2};
	long long o = 0;
	char want[256], *before;

	assert_int_equal(order_create(t->db, &in, &o), ST_OK);
	assert_int_equal(order_confirm(t->db, o), ST_OK);
	before = fx_snapshot(t->db);
	assert_int_equal(order_ship(t->db, o, "", "X1"), ST_INVALID);
	assert_int_equal(order_ship(t->db, o, "SF", NULL), ST_INVALID);
	assert_string_equal(
	    db_errmsg(t->db), "shipping needs a tracking number");
	assert_unchanged(t->db, before);
	free(before);
	assert_int_equal(order_ship(t->db, o, "SF", "SF0001"), ST_OK);
	snprintf(
	    want, sizeof want, "%lld:-2000 %lld:-1000 %lld:-500", l1, l2, l3);
	assert_string_equal(
	    text_of(t->db,
		"SELECT group_concat(lot_id || ':' ||"
		" qty, ' ') FROM (SELECT * FROM stock_move WHERE kind = 'sale'"
		" ORDER BY id)"),
	    want);
	assert_int_equal(
	    testdb_int(t->db,
		"SELECT count(*) FROM stock_move"
		" WHERE kind = 'sale' AND order_id = 1 AND actor = 'tester'"),
	    3);
	assert_int_equal(
	    testdb_int(t->db, "SELECT count(*) FROM order_alloc"), 0);
	assert_int_equal(
	    testdb_int(t->db, "SELECT sum(reserved) FROM stock"), 0);
	assert_int_equal(testdb_int(t->db, "SELECT on_hand FROM stock"
					   " WHERE product_id = 1"),
	    4000);
	assert_int_equal(testdb_int(t->db, "SELECT on_hand FROM stock"
					   " WHERE product_id = 2"),
	    4500);
	assert_string_equal(
	    text_of(t->db, "SELECT courier || ' ' || tracking_no"
			   " || ' ' || (shipped_on = date('now', 'localtime')) "
			   "|| ' ' || actor"
			   " FROM shipment"),
	    "SF SF0001 1 tester");
	fx_check_clean(t->db);
	assert_int_equal(order_deliver(t->db, o), ST_OK);
	fx_check_clean(t->db);
}

static void
test_return_brings_stock_back(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	long long l1 = fx_lot(t->db, p, 1000, fx_date(5));
	long long l2 = fx_lot(t->db, p, 5000, NULL);
	long long o = fx_order(t->db, p, 2500);
	char want[128];

	assert_int_equal(order_confirm(t->db, o), ST_OK);
	assert_int_equal(order_ship(t->db, o, "SF", "1"), ST_OK);
	assert_int_equal(testdb_int(t->db, "SELECT on_hand FROM stock"), 3500);
	assert_int_equal(order_deliver(t->db, o), ST_OK);
	assert_int_equal(order_return(t->db, o, "broken seal"), ST_OK);
	snprintf(want, sizeof want, "%lld:1000 %lld:1500", l1, l2);
	assert_string_equal(
	    text_of(t->db,
		"SELECT group_concat(lot_id || ':' ||"
		" qty, ' ') FROM (SELECT * FROM stock_move WHERE kind = "
		"'return'"
		" AND order_id = 1 AND note = 'broken seal' ORDER BY id)"),
	    want);
	assert_int_equal(testdb_int(t->db, "SELECT on_hand FROM stock"), 6000);
	assert_int_equal(testdb_int(t->db, "SELECT on_hand FROM lot_stock"
					   " WHERE lot_id = 1"),
	    1000);
	assert_string_equal(
	    text_of(t->db, "SELECT status FROM orders"), "returned");
	fx_check_clean(t->db);
}

static void
test_two_lines_one_product(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	struct order_line_in lines[] = {{p, 1000, -1}, {p, 1500, 3000}};
	struct order_in in = {
	    .channel = "walk-in", .lines = lines, .nlines = 2};
	long long o = 0;

	fx_lot(t->db, p, 2000, fx_date(4));
	fx_lot(t->db, p, 2000, NULL);
	assert_int_equal(order_create(t->db, &in, &o), ST_OK);
	assert_int_equal(order_confirm(t->db, o), ST_OK);
	/* line 1 takes 1 from lot 1; line 2 the other 1 and 0.5 from lot 2 */
	assert_string_equal(
	    text_of(t->db, "SELECT group_concat(order_line_id || '/' || "
			   "lot_id || ':' || qty, ' ') FROM (SELECT * FROM "
			   "order_alloc ORDER BY order_line_id, lot_id)"),
	    "1/1:1000 2/1:1000 2/2:500");
	fx_check_clean(t->db);
	assert_int_equal(order_ship(t->db, o, "SF", "9"), ST_OK);
	assert_int_equal(testdb_int(t->db, "SELECT on_hand FROM stock"), 1500);
	assert_int_equal(order_return(t->db, o, NULL), ST_OK);
	assert_string_equal(
	    text_of(t->db, "SELECT group_concat(lot_id || ':' || qty, ' ') "
			   "FROM (SELECT * FROM stock_move WHERE kind = "
			   "'return' ORDER BY id)"),
	    "1:2000 2:500");
	assert_int_equal(testdb_int(t->db, "SELECT on_hand FROM stock"), 4000);
	fx_check_clean(t->db);
}

static void
test_check_catches_bad_reservations(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY-500", "jar", 3800);
	long long o;

	fx_lot(t->db, p, 5000, NULL);
	o = fx_order(t->db, p, 2000);
	assert_int_equal(order_confirm(t->db, o), ST_OK);
	fx_check_clean(t->db);
	/* an order cancelled behind the model's back keeps its allocs and
	 * the caches now disagree with the live reservations */
	fx_exec(t->db, "UPDATE orders SET status = 'cancelled'");
	assert_int_equal(fx_check_fails(t->db, "HONEY-500"), 3);
	fx_exec(t->db, "UPDATE orders SET status = 'packed'");
	fx_check_clean(t->db);
	fx_exec(t->db, "UPDATE order_alloc SET qty = 1000");
	assert_int_equal(fx_check_fails(t->db, "HONEY-500"), 2);
}

/* Inside a caller's transaction (the CSV importer's), order_create and
 * order_confirm run in savepoints: the caller's rollback undoes them. */
static void
test_nested_in_outer_transaction(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	struct order_line_in line = {p, 2000, -1};
	struct order_in in = {
	    .channel = "taobao", .ext_ref = "N-1", .lines = &line, .nlines = 1};
	long long id = 0, lot;
	char *before;

	fx_lot(t->db, p, 5000, NULL);
	before = fx_snapshot(t->db);
	assert_int_equal(db_begin(t->db), ST_OK);
	assert_int_equal(order_create(t->db, &in, &id), ST_OK);
	assert_true(db_in_transaction(t->db));
	assert_int_equal(order_confirm(t->db, id), ST_OK);
	assert_true(db_in_transaction(t->db));
	lot = testdb_int(t->db, "SELECT count(*) FROM order_alloc");
	assert_int_equal(lot, 1);
	/* A refused call inside leaves the outer transaction alone too. */
	assert_int_equal(order_create(t->db, &in, &id), ST_EXISTS);
	assert_true(db_in_transaction(t->db));
	assert_int_equal(order_pack(t->db, id), ST_OK);
	db_rollback(t->db);
	assert_unchanged(t->db, before);
	free(before);
	fx_check_clean(t->db);
}

/* A short order_confirm inside a caller's transaction undoes only its own
 * savepoint: the transaction stays open with the caller's earlier writes. */
static void
test_nested_failure_keeps_outer(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	long long a, b;
	char *mid;

	fx_lot(t->db, p, 3000, NULL);
	assert_int_equal(db_begin(t->db), ST_OK);
	a = fx_order(t->db, p, 2000);
	assert_int_equal(order_confirm(t->db, a), ST_OK);
	b = fx_order(t->db, p, 2000);
	mid = fx_snapshot(t->db);
	assert_int_equal(order_confirm(t->db, b), ST_NO_STOCK);
	assert_string_equal(db_errmsg(t->db), "HONEY: short by 1 jar");
	assert_true(db_in_transaction(t->db));
	assert_unchanged(t->db, mid);
	free(mid);
	assert_int_equal(db_commit(t->db), ST_OK);
	assert_int_equal(
	    testdb_int(t->db, "SELECT count(*) FROM orders"), 2);
	assert_string_equal(text_of(t->db,
				"SELECT group_concat(status, ',') FROM"
				" (SELECT status FROM orders ORDER BY id)"),
	    "confirmed,new");
	assert_int_equal(
	    testdb_int(t->db, "SELECT reserved FROM stock"), 2000);
	fx_check_clean(t->db);
}

/* Stock writes nest the same way. */
static void
test_stock_nested(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	char *before = fx_snapshot(t->db), *mid;

	assert_int_equal(db_begin(t->db), ST_OK);
	fx_lot(t->db, p, 3000, NULL);
	mid = fx_snapshot(t->db);
	assert_int_equal(stock_adjust(t->db, p, 0, -5000, "spilt"),
	    ST_NO_STOCK);
	assert_true(db_in_transaction(t->db));
	assert_unchanged(t->db, mid);
	assert_int_equal(stock_adjust(t->db, p, 0, -1000, "spilt"), ST_OK);
	assert_true(db_in_transaction(t->db));
	db_rollback(t->db);
	assert_unchanged(t->db, before);
	free(before);
	free(mid);
}

/* Every index's name and CREATE text, as one new string. */
static char *
index_schema(struct db *db)
{
	sqlite3_stmt *st = NULL;
	char *s;

	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db),
			     "SELECT group_concat(name || ':' || sql, ';') FROM"
			     " (SELECT name, sql FROM sqlite_master WHERE"
			     " type = 'index' AND sql IS NOT NULL ORDER BY name)",
			     -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	s = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return s;
}

static const char count_deferrable[] =
    "SELECT count(*) FROM sqlite_master WHERE name IN ('orders_status',"
    " 'orders_phone', 'orders_live', 'order_line_order',"
    " 'order_line_product', 'order_event_order')";

/* The indexes go once as many orders were made as were there, and come
 * back exactly as they were, with the settings the drop changed. */
static void
test_bulk_defers_indexes(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	struct order_line_in line = {p, 1000, -1};
	struct order_in in = {.channel = "taobao", .lines = &line, .nlines = 1};
	const char *refs[] = {"TB-1", "TB-2", "TB-3"};
	char *before = index_schema(t->db), *after;
	struct order_bulk *b;
	long long id;

	fx_order(t->db, p, 1000);
	fx_order(t->db, p, 1000);
	fx_exec(t->db, "PRAGMA temp_store = MEMORY");
	fx_exec(t->db, "PRAGMA cache_size = -4000");
	assert_int_equal(db_begin(t->db), ST_OK);
	b = order_bulk_new(t->db);
	order_bulk_defer_indexes(b, 1, 0);
	for (int i = 0; i < 3; i++) {
		in.ext_ref = refs[i];
		assert_int_equal(order_bulk_create(b, &in, &id), ST_OK);
		/* Two orders were there: the second one made drops them. */
		assert_int_equal(order_bulk_deferred(b), i >= 1);
		assert_int_equal(testdb_int(t->db, count_deferrable), i >= 1 ? 0 : 6);
	}
	assert_int_equal(testdb_int(t->db, "PRAGMA temp_store"), 1);
	assert_int_equal(order_bulk_finish(b), ST_OK);
	assert_int_equal(order_bulk_deferred(b), 0);
	assert_int_equal(order_bulk_finish(b), ST_OK); /* nothing to do */
	assert_int_equal(db_commit(t->db), ST_OK);
	order_bulk_free(b);
	after = index_schema(t->db);
	assert_string_equal(after, before);
	assert_int_equal(testdb_int(t->db, "PRAGMA temp_store"), 2);
	assert_int_equal(testdb_int(t->db, "PRAGMA cache_size"), -4000);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM order_line"
					   " INDEXED BY order_line_order"
					   " WHERE order_id > 2"),
	    3);
	/* orders_live, partial, holds the five new orders again. */
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM orders"
					   " INDEXED BY orders_live"
					   " WHERE status = 'new'"),
	    5);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM"
					   " pragma_integrity_check"
					   " WHERE integrity_check <> 'ok'"),
	    0);
	free(before);
	free(after);
}

/* A rollback brings the dropped indexes back; with confirm the lines'
 * indexes are never dropped. */
static void
test_bulk_defer_rollback(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	struct order_line_in line = {p, 1000, -1};
	struct order_in in = {
	    .channel = "taobao", .ext_ref = "TB-1", .lines = &line, .nlines = 1};
	char *before = index_schema(t->db), *after;
	struct order_bulk *b = order_bulk_new(t->db);
	long long id;

	fx_exec(t->db, "PRAGMA temp_store = MEMORY"); /* closes temp */
	assert_int_equal(db_begin(t->db), ST_OK);
	order_bulk_defer_indexes(b, 1, 1);
	assert_int_equal(order_bulk_create(b, &in, &id), ST_OK);
	assert_int_equal(order_bulk_deferred(b), 1);
	assert_int_equal(testdb_int(t->db, count_deferrable), 2);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM sqlite_master"
					   " WHERE name LIKE 'order_line_%'"
					   " AND type = 'index'"),
	    3); /* order, product and the gid one */
	db_rollback(t->db);
	order_bulk_free(b);
	after = index_schema(t->db);
	assert_string_equal(after, before);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM orders"), 0);
	free(before);
	free(after);
}

/* With the temp database open, SQLite will not move temporary storage
 * inside a transaction: the indexes are kept, and the orders made. */
static void
test_bulk_defer_refused(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	struct order_line_in line = {p, 1000, -1};
	struct order_in in = {.channel = "taobao", .lines = &line, .nlines = 1};
	const char *refs[] = {"TB-1", "TB-2"};
	struct order_bulk *b = order_bulk_new(t->db);
	long long id;

	fx_exec(t->db, "PRAGMA temp_store = MEMORY");
	fx_exec(t->db, "CREATE TEMP TABLE opens_temp(a)");
	assert_int_equal(db_begin(t->db), ST_OK);
	order_bulk_defer_indexes(b, 1, 0);
	for (int i = 0; i < 2; i++) {
		in.ext_ref = refs[i];
		assert_int_equal(order_bulk_create(b, &in, &id), ST_OK);
		assert_int_equal(order_bulk_deferred(b), 0);
	}
	assert_string_equal(db_errmsg(t->db), "");
	assert_int_equal(testdb_int(t->db, count_deferrable), 6);
	assert_int_equal(order_bulk_finish(b), ST_OK);
	assert_int_equal(db_commit(t->db), ST_OK);
	order_bulk_free(b);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM orders"), 2);
	assert_int_equal(testdb_int(t->db, "PRAGMA temp_store"), 2);
}

/* The order_event rows as "order:status:actor " in id order, the status
 * marked "+" when the event has a from_status. */
static char *
event_list(struct db *db)
{
	sqlite3_stmt *st;
	char *out = xstrdup("");

	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db),
			     "SELECT order_id, to_status, from_status IS NULL,"
			     " actor FROM order_event ORDER BY id",
			     -1, &st, NULL),
	    SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char *next = xasprintf("%s%lld:%s%s:%s ", out,
		    (long long)sqlite3_column_int64(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    sqlite3_column_int(st, 2) ? "" : "+",
		    (const char *)sqlite3_column_text(st, 3));

		free(out);
		out = next;
	}
	sqlite3_finalize(st);
	return out;
}

/*
 * The customers and "new" events of bulk orders: none before
 * order_bulk_finish, then one event per order and each phone's last
 * non-empty name and address, as order_create gives.  An order made
 * by another path in between is not counted twice, and a run longer than
 * one flush loses nothing.
 */
static void
test_bulk_customers_and_events(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	struct order_line_in line = {p, 1000, -1};
	struct order_in in = {.channel = "taobao", .lines = &line, .nlines = 1};
	struct order_bulk *b = order_bulk_new(t->db);
	char ref[32], *events;
	long long id, other;

	assert_int_equal(db_begin(t->db), ST_OK);
	in.ext_ref = "TB-1";
	in.customer_phone = "139";
	in.customer_name = "王芳";
	in.customer_address = "陇南市 1 号";
	assert_int_equal(order_bulk_create(b, &in, &id), ST_OK);
	faultvfs_clock_shift(3600); /* TB-2 is still stamped as TB-1 */
	in.ext_ref = "TB-2";
	in.customer_name = "";
	in.customer_address = "陇南市 2 号";
	assert_int_equal(order_bulk_create(b, &in, &id), ST_OK);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM customer"), 0);
	assert_int_equal(
	    testdb_int(t->db, "SELECT count(*) FROM order_event"), 0);
	in.ext_ref = "TB-3";
	in.customer_phone = "138";
	in.customer_name = "李强";
	assert_int_equal(order_create(t->db, &in, &other), ST_OK);
	in.ext_ref = "TB-4";
	in.customer_phone = "";
	assert_int_equal(order_bulk_create(b, &in, &id), ST_OK);
	assert_int_equal(order_bulk_finish(b), ST_OK);
	events = event_list(t->db);
	assert_string_equal(events, "3:new:tester 1:new:tester 2:new:tester "
				    "4:new:tester ");
	free(events);
	assert_int_equal(testdb_int(t->db,
			     "SELECT count(*) FROM customer WHERE phone = '139'"
			     " AND name = '王芳' AND address = '陇南市 2 号'"),
	    1);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM customer"), 2);
	/* The clock is the transaction's (db_now): TB-4 has TB-1's time
	 * too, and so will the orders of later runs; events and customers
	 * take their order's. */
	assert_int_equal(testdb_int(t->db,
			     "SELECT count(*) FROM orders o JOIN order_event e"
			     " ON e.order_id = o.id JOIN orders f ON f.id = 1"
			     " WHERE o.id IN (1, 2, 4) AND e.at = f.created_at"
			     " AND o.created_at = f.created_at"
			     " AND o.updated_at = f.created_at"),
	    3);
	assert_int_equal(testdb_int(t->db,
			     "SELECT count(*) FROM customer c JOIN orders o"
			     " ON o.id = 1 WHERE c.phone = '139'"
			     " AND c.updated_at = o.created_at"),
	    1);
	/* Past one run: every order gets its event, once. */
	in.customer_phone = "137";
	for (int i = 0; i < 5000; i++) {
		snprintf(ref, sizeof ref, "L-%d", i);
		in.ext_ref = ref;
		assert_int_equal(order_bulk_create(b, &in, &id), ST_OK);
		if (i == 0)
			assert_int_equal(
			    testdb_int(t->db,
				"SELECT count(*) FROM orders o JOIN orders f"
				" ON f.id = 1 WHERE o.id = 5"
				" AND o.created_at = f.created_at"),
			    1);
	}
	assert_int_equal(order_bulk_finish(b), ST_OK);
	assert_int_equal(db_commit(t->db), ST_OK);
	order_bulk_free(b);
	/* The next transaction reads the clock again: an hour later. */
	in.ext_ref = "TB-5";
	assert_int_equal(order_create(t->db, &in, &id), ST_OK);
	assert_int_equal(testdb_int(t->db,
			     "SELECT strftime('%s', o.created_at) -"
			     " strftime('%s', f.created_at) BETWEEN 3600 AND 3660"
			     " FROM orders o JOIN orders f ON f.id = 1"
			     " WHERE o.ext_ref = 'TB-5'"),
	    1);
	assert_int_equal(
	    testdb_int(t->db, "SELECT count(*) FROM order_event"), 5005);
	assert_int_equal(testdb_int(t->db,
			     "SELECT count(*) FROM (SELECT order_id FROM"
			     " order_event GROUP BY order_id HAVING count(*) = 1"
			     " AND min(to_status) = 'new')"),
	    5005);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM customer"), 3);
}

/* With event_each (import --confirm), "new" is written with the order,
 * so the confirm that follows comes after it. */
static void
test_bulk_event_each(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	struct order_line_in line = {p, 1000, -1};
	struct order_in in = {.channel = "taobao",
	    .ext_ref = "TB-1",
	    .customer_phone = "139",
	    .lines = &line,
	    .nlines = 1};
	struct order_bulk *b = order_bulk_new(t->db);
	char *events;
	long long id;

	fx_lot(t->db, p, 5000, "2099-01-01");
	order_bulk_event_each(b);
	assert_int_equal(db_begin(t->db), ST_OK);
	assert_int_equal(order_bulk_create(b, &in, &id), ST_OK);
	assert_int_equal(
	    testdb_int(t->db, "SELECT count(*) FROM order_event"), 1);
	assert_int_equal(order_confirm(t->db, id), ST_OK);
	in.ext_ref = "TB-2";
	assert_int_equal(order_bulk_create(b, &in, &id), ST_OK);
	assert_int_equal(order_bulk_finish(b), ST_OK);
	assert_int_equal(db_commit(t->db), ST_OK);
	order_bulk_free(b);
	events = event_list(t->db);
	assert_string_equal(events, "1:new:tester 1:confirmed+:tester 2:new:tester ");
	free(events);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM customer"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_status_names),
	    cmocka_unit_test_setup_teardown(
		test_create, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_create_is_idempotent, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(test_create_refusals_write_nothing,
		testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_confirm_reserves_fefo_skipping_expired, testdb_setup,
		testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_confirm_short_names_every_product, testdb_setup,
		testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_every_transition, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_updated_at_and_note, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_cancel_releases, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_ship_makes_sale_moves, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_ship_one_clock, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_return_brings_stock_back, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_two_lines_one_product, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_bulk_customers_and_events, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_bulk_event_each, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(test_check_catches_bad_reservations,
		testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_bulk_create, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_bulk_defers_indexes, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_bulk_defer_rollback, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_bulk_defer_refused, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(test_nested_in_outer_transaction,
		testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_nested_failure_keeps_outer, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_stock_nested, testdb_setup, testdb_teardown),
	};

	/* The shim moves the clock (test_bulk_customers_and_events); it
	 * must be the default VFS before any database is opened. */
	if (faultvfs_install() != SQLITE_OK) {
		fprintf(stderr, "cannot install the VFS shim\n");
		return 99;
	}
	return TESTLIB_RUN(tests);
}
