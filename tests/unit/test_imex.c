/*
 * test_imex.c - the pieces under the CSV importers: the string map and
 * the exchange queries that make re-imports idempotent.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "model/exchange.h"
#include "model/order.h"
#include "model/product.h"
#include "sync/strmap.h"
#include "util/xalloc.h"

static void
count_cb(struct strmap_entry *e, void *arg)
{
	*(long *)arg += e->val;
}

static void
test_strmap(void **state)
{
	struct strmap *m = strmap_new();
	struct strmap_entry *e;
	char key[32];
	long sum = 0;
	int added;

	(void)state;
	for (int i = 0; i < 10000; i++) {
		snprintf(key, sizeof key, "k%d", i);
		e = strmap_get(m, key, 1, &added);
		assert_int_equal(added, 1);
		e->val = i;
	}
	assert_int_equal(strmap_count(m), 10000);
	e = strmap_get(m, "k1234", 1, &added);
	assert_int_equal(added, 0);
	assert_int_equal(e->val, 1234);
	assert_null(strmap_get(m, "nope", 0, NULL));
	assert_non_null(strmap_get(m, "", 1, &added));
	assert_int_equal(added, 1);
	strmap_each(m, count_cb, &sum);
	assert_int_equal(sum, 10000L * 9999 / 2);
	strmap_free(m);
	strmap_free(NULL);
}

static long long
add_product(struct db *db, const char *sku)
{
	struct product p = {0};
	long long id;

	p.sku = (char *)sku;
	p.name = (char *)"n";
	p.unit = (char *)"kg";
	p.price = 100;
	assert_int_equal(product_add(db, &p, &id), ST_OK);
	return id;
}

static int
row_cb(const struct exchange_order_row *r, void *arg)
{
	char **s = arg;
	char *n = xasprintf("%s%s/%s/%s/%lld;", *s, r->ext_ref, r->channel,
	    r->sku, (long long)r->qty);

	free(*s);
	*s = n;
	return 0;
}

static void
test_exchange_orders(void **state)
{
	struct testdb *t = *state;
	struct db *db = t->db;
	struct order_line_in l[2] = {{0, 1000, -1}, {0, 2500, 50}};
	struct order_in in = {0};
	long long id1, id2, id;
	char *status, *rows = xstrdup("");
	int n, found;

	l[0].product_id = add_product(db, "A");
	l[1].product_id = add_product(db, "B");
	in.channel = "taobao";
	in.ext_ref = "R1";
	in.lines = l;
	in.nlines = 2;
	assert_int_equal(order_create(db, &in, &id1), ST_OK);
	in.channel = "douyin";
	in.nlines = 1;
	assert_int_equal(order_create(db, &in, &id2), ST_OK);
	assert_int_equal(exchange_order_rows(db, NULL, row_cb, &rows), ST_OK);
	assert_string_equal(
	    rows, "R1/taobao/A/1000;R1/taobao/B/2500;R1/douyin/A/1000;");
	free(rows);
	assert_int_equal(
	    exchange_order_find(db, "R1", NULL, &id, &status, &n), ST_OK);
	assert_int_equal(n, 2);
	assert_int_equal(id, 0);
	assert_null(status);
	assert_int_equal(
	    exchange_order_find(db, "R1", "douyin", &id, &status, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(id, id2);
	assert_string_equal(status, "new");
	free(status);
	assert_int_equal(exchange_shipment_has(db, id1, "SF1", &found), ST_OK);
	assert_int_equal(found, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_strmap),
	    cmocka_unit_test_setup_teardown(
		test_exchange_orders, testdb_setup, testdb_teardown),
	};

	return TESTLIB_RUN(tests);
}
