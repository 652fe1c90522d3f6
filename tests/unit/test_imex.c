/*
 * test_imex.c - the pieces under the CSV importers: the string map and
 * the exchange queries that make re-imports idempotent.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "testlib.h"
#include "model/exchange.h"
#include "model/order.h"
#include "model/product.h"
#include "sync/import.h"
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

/* exchange_fk_checks turns SQLite's checks off and on again: a line of
 * an order that does not exist goes in only while they are off. */
static void
test_fk_checks(void **state)
{
	struct testdb *t = *state;
	static const char bad_line[] =
	    "INSERT INTO order_line(order_id, product_id, qty, unit_price)"
	    " VALUES (99, 99, 1, 1)";

	assert_int_equal(exchange_fk_checks(t->db, 0), ST_OK);
	assert_int_equal(testdb_int(t->db, "PRAGMA foreign_keys"), 0);
	assert_int_equal(db_exec(t->db, bad_line), ST_OK);
	assert_int_equal(db_exec(t->db, "DELETE FROM order_line"), ST_OK);
	assert_int_equal(exchange_fk_checks(t->db, 1), ST_OK);
	assert_int_equal(testdb_int(t->db, "PRAGMA foreign_keys"), 1);
	assert_int_not_equal(db_exec(t->db, bad_line), ST_OK);
	db_clear_error(t->db);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM order_line"), 0);
}

/* Import path's text as an orders file and return import_run's status. */
static enum status
import_orders_solo(struct testdb *t, const char *text, int confirm,
    long long solo_bytes, long *problems)
{
	char *path = xasprintf("%s/o.csv", t->dir);
	char *files[1] = {path};
	struct imp_opts o = {
	    .enc = DECODE_AUTO, .confirm = confirm, .solo_bytes = solo_bytes};
	FILE *fp = fopen(path, "w"), *sink = fopen("/dev/null", "w");
	enum status st;

	assert_non_null(fp);
	assert_non_null(sink);
	fputs(text, fp);
	fclose(fp);
	st = import_run(t->db, "orders", files, 1, &o, sink, sink, problems);
	fclose(sink);
	free(path);
	return st;
}

static enum status
import_orders(struct testdb *t, const char *text, int confirm, long *problems)
{
	return import_orders_solo(t, text, confirm, 0, problems);
}

/* Bytes in the database's -wal file, 0 when there is none. */
static long long
wal_bytes(struct testdb *t)
{
	char *wal = xasprintf("%s-wal", db_path(t->db));
	struct stat sb;
	long long n = stat(wal, &sb) == 0 ? (long long)sb.st_size : 0;

	free(wal);
	return n;
}

/* `import orders` writes without foreign key checks, and leaves them on
 * again for the connection whatever the outcome; what it wrote holds
 * every reference. */
static void
test_orders_import_keys(void **state)
{
	struct testdb *t = *state;
	long problems = -1;

	add_product(t->db, "A");
	add_product(t->db, "B");
	assert_int_equal(import_orders(t,
			     "order_ref,channel,sku,qty,unit_price\n"
			     "K1,taobao,A,2,1.00\nK1,taobao,B,1,2.00\n"
			     "K2,taobao,B,3,2.00\n",
			     0, &problems),
	    ST_OK);
	assert_int_equal(problems, 0);
	assert_int_equal(testdb_int(t->db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM order_line l"
					   " JOIN orders o ON o.id = l.order_id"
					   " JOIN product p ON p.id = l.product_id"),
	    3);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM order_event e"
					   " JOIN orders o ON o.id = e.order_id"),
	    2);
	assert_int_equal(
	    testdb_int(t->db, "SELECT count(*) FROM pragma_foreign_key_check"),
	    0);
	assert_int_equal(import_orders(t,
			     "order_ref,channel,sku,qty,unit_price\n"
			     "K3,taobao,NOPE,1,1.00\n",
			     0, &problems),
	    ST_REJECTED);
	assert_int_equal(problems, 1);
	assert_int_equal(testdb_int(t->db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM orders"), 2);
}

/*
 * An import alone with the database, of a file at least solo_bytes
 * long, writes with a rollback journal: its pages never pass through
 * the WAL, which is empty afterwards, and WAL mode is back.  It is all
 * or nothing as before.  Below the size, or with another connection
 * open, the pages go through the WAL.
 */
static void
test_orders_import_solo(void **state)
{
	struct testdb *t = *state;
	long problems = -1;
	struct db *other;

	add_product(t->db, "A");
	assert_int_equal(testdb_int(t->db, "PRAGMA wal_checkpoint(TRUNCATE)"), 0);
	assert_int_equal(import_orders_solo(t,
			     "order_ref,channel,sku,qty,unit_price\n"
			     "S1,taobao,A,2,1.00\nS2,taobao,A,1,1.00\n",
			     0, 1, &problems),
	    ST_OK);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM orders"), 2);
	assert_int_equal(wal_bytes(t), 0);
	assert_int_equal(testdb_int(t->db,
	    "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);

	assert_int_equal(import_orders_solo(t,
			     "order_ref,channel,sku,qty,unit_price\n"
			     "S3,taobao,A,1,1.00\nS4,taobao,NOPE,1,1.00\n",
			     0, 1, &problems),
	    ST_REJECTED);
	assert_int_equal(problems, 1);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM orders"), 2);
	assert_int_equal(testdb_int(t->db,
	    "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);

	/* The default size: a small file goes through the WAL. */
	assert_int_equal(import_orders(t,
			     "order_ref,channel,sku,qty,unit_price\n"
			     "S5,taobao,A,1,1.00\n",
			     0, &problems),
	    ST_OK);
	assert_true(wal_bytes(t) > 0);

	assert_int_equal(testdb_int(t->db, "PRAGMA wal_checkpoint(TRUNCATE)"), 0);
	other = testdb_open_again(t);
	assert_int_equal(testdb_int(other, "SELECT count(*) FROM orders"), 3);
	assert_int_equal(import_orders_solo(t,
			     "order_ref,channel,sku,qty,unit_price\n"
			     "S6,taobao,A,1,1.00\n",
			     0, 1, &problems),
	    ST_OK);
	assert_true(wal_bytes(t) > 0);
	assert_int_equal(testdb_int(other, "SELECT count(*) FROM orders"), 4);
	db_close(other);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_strmap),
	    cmocka_unit_test_setup_teardown(
		test_exchange_orders, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_fk_checks, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_orders_import_keys, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_orders_import_solo, testdb_setup, testdb_teardown),
	};

	return TESTLIB_RUN(tests);
}
