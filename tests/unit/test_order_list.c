/*
 * test_order_list.c - the orders list the Orders screen pages through:
 * keyset pages both ways in both orders, the status filter, search by
 * number, shop reference, Chinese name and phone, line counts and totals
 * as order_get computes them, and an order's events and shipments.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "fixture.h"
#include "model/order.h"
#include "model/order_list.h"

/* The ids a page delivered, as "5 4 3". */
struct ids {
	char s[256];
	int64_t total[16];
	int nlines[16];
	int n;
};

static int
collect(const struct order_list_row *r, void *arg)
{
	struct ids *x = arg;
	size_t l = strlen(x->s);

	snprintf(x->s + l, sizeof(x->s) - l, "%s%lld", l ? " " : "", r->id);
	x->total[x->n] = r->total;
	x->nlines[x->n] = r->nlines;
	x->n++;
	return 0;
}

static const char *
page(struct db *db, int status, const char *search, enum order_list_sort sort,
    long long after, int dir, int limit)
{
	static struct ids x;
	struct order_list_query q = {status, search, sort};

	memset(&x, 0, sizeof(x));
	assert_int_equal(
	    order_list_page(db, &q, after, dir, limit, collect, &x), ST_OK);
	return x.s;
}

/* Five orders: 1..5, customers and references varied; order 2 has two
 * lines.  Returns the product ids through p and q. */
static void
five_orders(struct db *db, long long *p, long long *q)
{
	static const char *const names[] = {
	    "王芳", "李娜", "Bob", "王强", "赵磊"};
	static const char *const refs[] = {"", "TB-2", "", "PDD-4", ""};
	static const char *const phones[] = {
	    "13800000001", "13800000002", "", "13900000004", ""};
	long long id;

	*p = fx_product(db, "HONEY", "jar", 3800);
	*q = fx_product(db, "WALNUT", "kg", 2450);
	for (int i = 0; i < 5; i++) {
		struct order_line_in lines[2] = {
		    {*p, 1000, -1}, {*q, 1500, -1}};
		struct order_in in = {.channel = i == 1 ? "taobao" : "walk-in",
		    .ext_ref = refs[i],
		    .customer_name = names[i],
		    .customer_phone = phones[i],
		    .lines = lines,
		    .nlines = i == 1 ? 2 : 1};

		assert_int_equal(order_create(db, &in, &id), ST_OK);
		assert_int_equal(id, i + 1);
	}
}

static void
test_pages(void **state)
{
	struct testdb *t = *state;
	long long p, q;

	five_orders(t->db, &p, &q);
	assert_string_equal(
	    page(t->db, -1, NULL, ORDER_LIST_NEWEST, 0, 1, 2), "5 4");
	assert_string_equal(
	    page(t->db, -1, NULL, ORDER_LIST_NEWEST, 4, 1, 2), "3 2");
	assert_string_equal(
	    page(t->db, -1, NULL, ORDER_LIST_NEWEST, 2, 1, 2), "1");
	assert_string_equal(
	    page(t->db, -1, NULL, ORDER_LIST_NEWEST, 1, 1, 2), "");
	/* Backward: nearest first. */
	assert_string_equal(
	    page(t->db, -1, NULL, ORDER_LIST_NEWEST, 0, -1, 2), "1 2");
	assert_string_equal(
	    page(t->db, -1, NULL, ORDER_LIST_NEWEST, 3, -1, 5), "4 5");
	assert_string_equal(
	    page(t->db, -1, "", ORDER_LIST_OLDEST, 0, 1, 3), "1 2 3");
	assert_string_equal(
	    page(t->db, -1, "  ", ORDER_LIST_OLDEST, 3, 1, 3), "4 5");
	assert_string_equal(
	    page(t->db, -1, NULL, ORDER_LIST_OLDEST, 3, -1, 3), "2 1");
	assert_string_equal(
	    page(t->db, -1, NULL, ORDER_LIST_OLDEST, 0, -1, 1), "5");
}

static void
test_filter_and_search(void **state)
{
	struct testdb *t = *state;
	long long p, q, n = 0;

	five_orders(t->db, &p, &q);
	fx_lot(t->db, p, 10000, NULL);
	fx_lot(t->db, q, 10000, NULL);
	assert_int_equal(order_confirm(t->db, 2), ST_OK);
	assert_int_equal(order_confirm(t->db, 4), ST_OK);
	assert_string_equal(
	    page(t->db, ORDER_CONFIRMED, NULL, ORDER_LIST_OLDEST, 0, 1, 9),
	    "2 4");
	assert_string_equal(
	    page(t->db, ORDER_NEW, NULL, ORDER_LIST_NEWEST, 0, 1, 9), "5 3 1");
	assert_string_equal(
	    page(t->db, ORDER_NEW, NULL, ORDER_LIST_NEWEST, 3, 1, 9), "1");
	assert_string_equal(
	    page(t->db, ORDER_SHIPPED, NULL, ORDER_LIST_NEWEST, 0, 1, 9), "");
	assert_int_equal(order_list_count(t->db, -1, &n), ST_OK);
	assert_int_equal(n, 5);
	assert_int_equal(order_list_count(t->db, ORDER_NEW, &n), ST_OK);
	assert_int_equal(n, 3);
	/* One Chinese character finds both 王s. */
	assert_string_equal(
	    page(t->db, -1, "王", ORDER_LIST_NEWEST, 0, 1, 9), "4 1");
	assert_string_equal(
	    page(t->db, -1, " 李娜 ", ORDER_LIST_NEWEST, 0, 1, 9), "2");
	assert_string_equal(
	    page(t->db, -1, "bob", ORDER_LIST_NEWEST, 0, 1, 9), "3");
	/* The shop's reference in any case, full-width included. */
	assert_string_equal(
	    page(t->db, -1, "tb-2", ORDER_LIST_NEWEST, 0, 1, 9), "2");
	assert_string_equal(
	    page(t->db, -1, "ｐｄｄ", ORDER_LIST_NEWEST, 0, 1, 9), "4");
	/* A number is the order number, or part of a phone. */
	assert_string_equal(
	    page(t->db, -1, "#3", ORDER_LIST_NEWEST, 0, 1, 9), "3");
	assert_string_equal(
	    page(t->db, -1, "0004", ORDER_LIST_NEWEST, 0, 1, 9), "4");
	assert_string_equal(
	    page(t->db, -1, "1", ORDER_LIST_NEWEST, 0, 1, 9), "4 2 1");
	assert_string_equal(
	    page(t->db, ORDER_CONFIRMED, "王", ORDER_LIST_NEWEST, 0, 1, 9),
	    "4");
	assert_string_equal(
	    page(t->db, -1, "nobody", ORDER_LIST_NEWEST, 0, 1, 9), "");
}

static void
test_totals(void **state)
{
	struct testdb *t = *state;
	struct order_list_query qu = {-1, NULL, ORDER_LIST_OLDEST};
	struct ids x;
	struct order *o = NULL;
	long long p, q;

	five_orders(t->db, &p, &q);
	memset(&x, 0, sizeof(x));
	assert_int_equal(
	    order_list_page(t->db, &qu, 0, 1, 5, collect, &x), ST_OK);
	assert_int_equal(x.nlines[0], 1);
	assert_int_equal(x.total[0], 3800);
	assert_int_equal(x.nlines[1], 2);
	assert_int_equal(x.total[1], 3800 + 3675); /* 1.5 kg at 24.50 */
	assert_int_equal(order_get(t->db, 2, &o), ST_OK);
	assert_int_equal(o->total, x.total[1]);
	order_free(o);
	assert_int_equal(
	    order_list_page(t->db, &qu, 0, 1, 0, collect, &x), ST_INVALID);
}

static int
event_text(const struct order_event_row *e, void *arg)
{
	char *s = arg;
	size_t l = strlen(s);

	snprintf(s + l, 512 - l, "%s%s>%s:%s", l ? " " : "", e->from_status,
	    e->to_status, e->note);
	return 0;
}

static int
shipment_text(const struct order_shipment_row *sh, void *arg)
{
	snprintf(arg, 512, "%s %s %d", sh->courier, sh->tracking_no,
	    (int)strlen(sh->shipped_on));
	return 0;
}

static void
test_events_and_shipments(void **state)
{
	struct testdb *t = *state;
	char ev[512] = "", sh[512] = "";
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	long long id;

	fx_lot(t->db, p, 5000, NULL);
	id = fx_order(t->db, p, 2000);
	assert_int_equal(order_confirm(t->db, id), ST_OK);
	assert_int_equal(order_ship(t->db, id, "sf", "SF1"), ST_OK);
	assert_int_equal(order_return(t->db, id, "broken jar"), ST_OK);
	assert_int_equal(order_events(t->db, id, event_text, ev), ST_OK);
	assert_string_equal(ev, ">new: new>confirmed: confirmed>shipped: "
				"shipped>returned:broken jar");
	assert_int_equal(order_shipments(t->db, id, shipment_text, sh), ST_OK);
	assert_string_equal(sh, "sf SF1 10");
	ev[0] = '\0';
	assert_int_equal(order_events(t->db, 999, event_text, ev), ST_OK);
	assert_string_equal(ev, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
		test_pages, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_filter_and_search, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_totals, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_events_and_shipments, testdb_setup, testdb_teardown),
	};

	return TESTLIB_RUN(tests);
}
