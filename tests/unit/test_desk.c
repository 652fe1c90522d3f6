/*
 * test_desk.c - the desk screens' non-screen parts: the intake receipt
 * byte for byte at 32 and 42 columns with a Chinese name, lot_list's
 * keyset paging, the model's price rule holding through the importer for
 * a clerk, and the importer's progress callback.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "model/lot_list.h"
#include "model/member.h"
#include "model/stock.h"
#include "sync/import.h"
#include "ui/print_receipt.h"
#include "util/xalloc.h"

static const struct receipt demo_receipt = {
    .coop_name = "陇南核桃合作社",
    .date = "2026-11-28",
    .member = "M001 李娜",
    .product = "HT-KG 核桃 (散装, 带壳, 一级品)",
    .unit = "kg",
    .grade = "A",
    .best_before = "",
    .clerk = "manager",
    .lot_id = 7,
    .qty = 20000,
    .unit_cost = 3000,
    .total = 60000,
};

static void
test_receipt_32(void **state)
{
	char *s = receipt_format(&demo_receipt, 32);

	(void)state;
	assert_string_equal(s, "         陇南核桃合作社\n"
			       "        Produce receipt\n"
			       "--------------------------------\n"
			       "Date        2026-11-28\n"
			       "Lot         7\n"
			       "Member      M001 李娜\n"
			       "Product     HT-KG 核桃 (散装,  ~\n"
			       "Quantity    20 kg\n"
			       "Grade       A\n"
			       "Unit cost   30.00\n"
			       "Owed        600.00\n"
			       "Handled by  manager\n"
			       "--------------------------------\n"
			       "\n"
			       "Signature:\n");
	free(s);
}

static void
test_receipt_42(void **state)
{
	char *s = receipt_format(&demo_receipt, 42);

	(void)state;
	assert_string_equal(s, "              陇南核桃合作社\n"
			       "             Produce receipt\n"
			       "------------------------------------------\n"
			       "Date        2026-11-28\n"
			       "Lot         7\n"
			       "Member      M001 李娜\n"
			       "Product     HT-KG 核桃 (散装, 带壳, 一级 ~\n"
			       "Quantity    20 kg\n"
			       "Grade       A\n"
			       "Unit cost   30.00\n"
			       "Owed        600.00\n"
			       "Handled by  manager\n"
			       "------------------------------------------\n"
			       "\n"
			       "Signature:\n");
	free(s);
}

static void
test_receipt_hostile(void **state)
{
	struct receipt r = demo_receipt;
	char *s;

	(void)state;
	r.member = "M9 \x1b]0;pwned\x07";
	s = receipt_format(&r, 80);
	assert_null(strchr(s, '\x1b'));
	assert_non_null(strstr(s, "M9 ␛]0;pwned␇\n"));
	free(s);
}

static void
test_receipt_print_file(void **state)
{
	struct testdb *t = *state;
	char *path = xasprintf("%s/receipt.txt", t->dir), *err = NULL;
	char buf[64] = "";
	FILE *fp;

	assert_int_equal(receipt_print("hello\n", path, &err), 0);
	assert_null(err);
	fp = fopen(path, "r");
	assert_non_null(fp);
	assert_non_null(fgets(buf, sizeof buf, fp));
	fclose(fp);
	assert_string_equal(buf, "hello\n");
	assert_int_equal(
	    receipt_print("x", "/nonexistent/dir/r.txt", &err), -1);
	assert_non_null(err);
	free(err);
	free(path);
}

/* Two products, a member with five lots, another with one. */
static long long
lots_setup(struct db *db)
{
	struct member m = {0};
	long long a, b;

	assert_int_equal(db_exec(db, "INSERT INTO product(id, sku, name, unit, "
				     "price) VALUES (1, 'HT-KG', '核桃', 'kg', "
				     "3000), (2, 'FM', '蜂蜜', 'jar', 5000)"),
	    ST_OK);
	m.code = (char *)"M1";
	m.name = (char *)"李娜";
	assert_int_equal(member_add(db, &m, &a), ST_OK);
	m.code = (char *)"M2";
	m.name = (char *)"王强";
	assert_int_equal(member_add(db, &m, &b), ST_OK);
	for (int i = 1; i <= 5; i++) {
		struct intake in = {.product_id = 1 + i % 2,
		    .member_id = a,
		    .qty = 1000 * i,
		    .unit_cost = 100,
		    .received_on = "2026-11-01",
		    .grade = i == 3 ? "B" : "",
		    .best_before = i == 2 ? "2027-01-01" : NULL};

		assert_int_equal(stock_intake(db, &in, NULL), ST_OK);
		if (i == 2) {
			in.member_id = b;
			assert_int_equal(stock_intake(db, &in, NULL), ST_OK);
		}
	}
	return a;
}

struct collect {
	char text[512];
};

static int
collect_row(const struct lot_row *r, void *arg)
{
	struct collect *c = arg;
	size_t n = strlen(c->text);

	snprintf(c->text + n, sizeof c->text - n, "%lld:%s:%lld:%s:%s;", r->id,
	    r->sku, (long long)r->qty, r->grade, r->best_before);
	return 0;
}

static void
test_lot_list(void **state)
{
	struct testdb *t = *state;
	long long a = lots_setup(t->db);
	struct collect c = {""};

	assert_int_equal(lot_list(t->db, a, 0, 0, 2, collect_row, &c), ST_OK);
	assert_string_equal(c.text, "6:FM:5000::;5:HT-KG:4000::;");
	c.text[0] = '\0';
	assert_int_equal(lot_list(t->db, a, 5, 0, 10, collect_row, &c), ST_OK);
	assert_string_equal(
	    c.text, "4:FM:3000:B:;2:HT-KG:2000::2027-01-01;1:FM:1000::;");
	c.text[0] = '\0';
	assert_int_equal(lot_list(t->db, a, 2, 1, 2, collect_row, &c), ST_OK);
	assert_string_equal(c.text, "4:FM:3000:B:;5:HT-KG:4000::;");
	c.text[0] = '\0';
	assert_int_equal(lot_list(t->db, a, 0, 1, 1, collect_row, &c), ST_OK);
	assert_string_equal(c.text, "1:FM:1000::;");
	c.text[0] = '\0';
	assert_int_equal(lot_list(t->db, 999, 0, 0, 5, collect_row, &c), ST_OK);
	assert_string_equal(c.text, "");
}

/* A clerk's product import that changes a price is refused by the
 * model's rule, row by row, and writes nothing; a manager's goes in. */
static void
test_clerk_price_import(void **state)
{
	struct testdb *t = *state;
	char *path = xasprintf("%s/p.csv", t->dir);
	char *files[1] = {path};
	struct imp_opts o = {.enc = DECODE_AUTO};
	char *errs = NULL, *outs = NULL;
	size_t nerr = 0, nout = 0;
	FILE *fp = fopen(path, "w"), *err, *out;
	long problems = 0;

	assert_non_null(fp);
	fputs("sku,name,unit,price\nHT-KG,核桃,kg,35\nNEW-1,新品,kg,9\n", fp);
	fclose(fp);
	assert_int_equal(
	    db_exec(t->db, "INSERT INTO product(id, sku, name, "
			   "unit, price) VALUES (1, 'HT-KG', '核桃', "
			   "'kg', 3000)"),
	    ST_OK);
	db_set_actor(t->db, 2, "李娜", 0);
	err = open_memstream(&errs, &nerr);
	out = open_memstream(&outs, &nout);
	assert_int_equal(
	    import_run(t->db, "products", files, 1, &o, out, err, &problems),
	    ST_REJECTED);
	fclose(err);
	fclose(out);
	assert_int_equal(problems, 1);
	assert_non_null(strstr(errs, "p.csv:2: sku: "));
	assert_int_equal(
	    testdb_int(t->db, "SELECT price FROM product WHERE id = 1"), 3000);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM product"), 1);
	free(errs);
	free(outs);
	db_set_actor(t->db, 1, "manager", 1);
	err = open_memstream(&errs, &nerr);
	out = open_memstream(&outs, &nout);
	assert_int_equal(
	    import_run(t->db, "products", files, 1, &o, out, err, &problems),
	    ST_OK);
	fclose(err);
	fclose(out);
	assert_int_equal(
	    testdb_int(t->db, "SELECT price FROM product WHERE id = 1"), 3500);
	free(errs);
	free(outs);
	free(path);
}

struct progress_log {
	char text[256];
};

static void
on_progress(void *arg, const char *path, long line)
{
	struct progress_log *l = arg;
	size_t n = strlen(l->text);

	(void)path;
	snprintf(l->text + n, sizeof l->text - n, "%ld;", line);
}

/* The importer reports progress every IMP_PROGRESS_EVERY rows, dry run
 * or not, with the line reached. */
static void
test_import_progress(void **state)
{
	struct testdb *t = *state;
	char *path = xasprintf("%s/m.csv", t->dir);
	char *files[1] = {path};
	struct progress_log log = {""};
	struct imp_opts o = {.enc = DECODE_AUTO, .dry_run = 1};
	FILE *fp = fopen(path, "w"), *devnull = fopen("/dev/null", "w");
	long problems = 0;

	assert_non_null(fp);
	assert_non_null(devnull);
	fputs("code,name\n", fp);
	for (int i = 1; i <= 1200; i++)
		fprintf(fp, "M%04d,农户%d\n", i, i);
	fclose(fp);
	assert_int_equal(import_run_progress(t->db, "members", files, 1, &o,
			     devnull, devnull, &problems, on_progress, &log),
	    ST_OK);
	fclose(devnull);
	assert_string_equal(log.text, "501;1001;");
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM member"), 0);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_receipt_32),
	    cmocka_unit_test(test_receipt_42),
	    cmocka_unit_test(test_receipt_hostile),
	    cmocka_unit_test_setup_teardown(
		test_receipt_print_file, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_lot_list, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_clerk_price_import, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_import_progress, testdb_setup, testdb_teardown),
	};

	return TESTLIB_RUN(tests);
}
