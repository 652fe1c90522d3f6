/*
 * test_template.c - unit tests for sync/template.c: every shipped
 * template loads, its contents are what the shops and couriers use, and
 * a broken template is refused with the line of the mistake.
 * COOPSTOCK_DATADIR points at the source tree's share/ (tests/local.mk).
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sync/template.h"
#include "util/xalloc.h"

static char *tmpdir;

static const char *const shipped[] = {
    "courier-generic",
    "courier-sf",
    "douyin",
    "pinduoduo",
    "taobao-items",
    "taobao-orders",
};
#define NSHIPPED (sizeof shipped / sizeof shipped[0])

static struct template *
find_ok(const char *name)
{
	struct template *t;
	char *err = NULL;

	if (template_find(name, &t, &err) != ST_OK)
		fail_msg("%s: %s", name, err);
	return t;
}

static const struct template_field *
field(const struct template *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->nfields; i++)
		if (strcmp(t->fields[i].field, name) == 0)
			return &t->fields[i];
	fail_msg("no field %s in %s", name, t->name);
	return NULL;
}

static void
test_all_shipped_load(void **state)
{
	size_t n, i;
	char **list = template_list(&n);
	struct template *t;

	assert_int_equal(n, NSHIPPED);
	for (i = 0; i < NSHIPPED; i++) {
		assert_string_equal(list[i], shipped[i]);
		t = find_ok(list[i]);
		assert_string_equal(t->name, shipped[i]);
		assert_non_null(t->title);
		template_free(t);
	}
	assert_null(list[n]);
	template_list_free(list);
}

static void
test_taobao_orders(void **state)
{
	struct template *t = find_ok("taobao-orders");
	const struct template_field *f;

	assert_int_equal(t->kind, TEMPLATE_SHOP);
	assert_int_equal(t->dir, TEMPLATE_IMPORT);
	assert_int_equal(t->encoding, DECODE_AUTO);
	assert_int_equal(t->ncolumns, 0);
	f = field(t, "order_no");
	assert_int_equal(f->nheaders, 1);
	assert_string_equal(f->headers[0], "订单编号");
	assert_null(f->headers[1]);
	assert_true(f->required);
	f = field(t, "phone");
	assert_int_equal(f->nheaders, 2);
	assert_string_equal(f->headers[0], "联系手机");
	assert_string_equal(f->headers[1], "联系电话");
	assert_false(field(t, "buyer")->required);
	template_free(t);
}

static void
test_courier_sf(void **state)
{
	struct template *t = find_ok("courier-sf");
	const struct template_column *c = t->columns;

	assert_int_equal(t->kind, TEMPLATE_COURIER);
	assert_int_equal(t->dir, TEMPLATE_EXPORT);
	assert_true(t->excel);
	assert_int_equal(t->nfields, 0);
	assert_int_equal(t->ncolumns, 16);
	assert_string_equal(c[0].header, "用户订单号");
	assert_int_equal(c[0].src, TEMPLATE_SRC_FIELD);
	assert_string_equal(c[0].value, "order_no");
	assert_string_equal(c[7].header, "收件公司");
	assert_int_equal(c[7].src, TEMPLATE_SRC_EMPTY);
	assert_string_equal(c[7].value, "");
	assert_string_equal(c[13].header, "付款方式");
	assert_int_equal(c[13].src, TEMPLATE_SRC_CONST);
	assert_string_equal(c[13].value, "寄付月结");
	assert_string_equal(c[15].header, "备注");
	template_free(t);
}

/* A Pinduoduo header with full-width parentheses matches the template. */
static void
test_spec_matches_header(void **state)
{
	struct template *t = find_ok("pinduoduo");
	const char *cells[] = {"订单号", "商品数量（件）", "订单成交时间",
	    "收货人", "手机", "身份证号码"};
	size_t lens[6] = {0}, n, i;
	struct csvread_record rec = {6, cells, lens, 1, NULL, NULL};
	struct header_col *spec = template_header_spec(t, &n);
	int *idx = xcalloc(n, sizeof *idx);
	char *warn, *err;

	assert_int_equal(n, t->nfields);
	assert_int_equal(
	    header_match("p.csv", &rec, spec, n, idx, &warn, &err), ST_OK);
	assert_string_equal(
	    warn, "p.csv:1: column '身份证号码' is not used; ignored\n");
	for (i = 0; i < n; i++) {
		if (strcmp(spec[i].name, "qty") == 0)
			assert_int_equal(idx[i], 1);
		if (strcmp(spec[i].name, "sku") == 0)
			assert_int_equal(idx[i], -1);
	}
	free(warn);
	free(idx);
	free(spec);
	template_free(t);
}

static void
test_broken_fixture(void **state)
{
	const char *src = getenv("TESTS_SRCDIR");
	char *p = xasprintf("%s/data/bad-template.tmpl", src ? src : "tests");
	char *err = NULL, *msg;
	struct template *t = (struct template *)1;

	assert_int_equal(template_load(p, &t, &err), ST_INVALID);
	assert_null(t);
	msg = xasprintf("%s:6: unknown field 'recipent'", p);
	assert_string_equal(err, msg);
	free(msg);
	free(err);
	free(p);
}

/* Write text to tmpdir/NAME.tmpl, load it, expect "PATH" msg_tail. */
static void
check_broken(const char *name, const char *text, const char *msg_tail)
{
	char *p = xasprintf("%s/%s.tmpl", tmpdir, name), *err = NULL, *msg;
	FILE *fp = fopen(p, "w");
	struct template *t;

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	assert_int_equal(template_load(p, &t, &err), ST_INVALID);
	assert_null(t);
	msg = xasprintf("%s%s", p, msg_tail);
	assert_string_equal(err, msg);
	free(msg);
	free(err);
	free(p);
}

#define HEAD "name = x\nkind = shop\ndirection = import\n"

static void
test_broken_lines(void **state)
{
	check_broken("x", HEAD "field sku\n", ":4: expected 'setting = value'");
	check_broken(
	    "x", HEAD "colour = red\n", ":4: unknown setting 'colour'");
	check_broken("x", HEAD "field sku = A\n# c\nfield sku = B\n",
	    ":6: field 'sku' is given twice");
	check_broken(
	    "x", HEAD "field sku = A |  | B\n", ":4: an empty header name");
	check_broken("x", HEAD "require = sku\n",
	    ":4: required field 'sku' has no 'field' line above");
	check_broken("x", "name = x\nkind = bank\n",
	    ":2: 'bank' is not one of the allowed values");
	check_broken(
	    "x", HEAD "encoding = latin1\n", ":4: unknown encoding 'latin1'");
	check_broken(
	    "x", HEAD "field sku = \xff\n", ":4: the line is not UTF-8 text");
	check_broken("x",
	    "name = x\nkind = courier\ndirection = export\n"
	    "column A = \"open\n",
	    ":4: a constant must end with '\"'");
	check_broken(
	    "y", HEAD "field sku = A\n", ": name 'x' is not the file name");
	check_broken("x", "name = x\n",
	    ": 'name', 'kind' and 'direction' "
	    "must be given");
	check_broken("x", HEAD "column A = sku\n",
	    ": an import template has 'field' lines and no 'column' lines");
}

static void
test_not_found(void **state)
{
	struct template *t;
	char *err = NULL;

	assert_int_equal(template_find("fedex", &t, &err), ST_NOT_FOUND);
	assert_string_equal(err, "no template 'fedex'");
	free(err);
	assert_int_equal(
	    template_find("../sql/001-initial", &t, &err), ST_NOT_FOUND);
	assert_string_equal(err, "no template '../sql/001-initial'");
	free(err);
}

static void
test_good_minimal(void **state)
{
	char *p = xasprintf("%s/mini.tmpl", tmpdir), *err = NULL;
	FILE *fp = fopen(p, "w");
	struct template *t;

	fputs("\xEF\xBB\xBF# BOM and CRLF are fine\r\nname = mini\r\n"
	      "kind = shop\r\ndirection = import\r\n"
	      "  field qty = 数量 |商品数量(件)  \r\nrequire = qty\r\n",
	    fp);
	fclose(fp);
	assert_int_equal(template_load(p, &t, &err), ST_OK);
	assert_int_equal(t->nfields, 1);
	assert_string_equal(t->fields[0].headers[0], "数量");
	assert_string_equal(t->fields[0].headers[1], "商品数量(件)");
	assert_true(t->fields[0].required);
	template_free(t);
	free(p);
}

static int
setup(void **state)
{
	char tmpl[] = "/tmp/coopstock-template-XXXXXX";

	tmpdir = xstrdup(mkdtemp(tmpl));
	return 0;
}

static int
teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);

	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(tmpdir);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_all_shipped_load),
	    cmocka_unit_test(test_taobao_orders),
	    cmocka_unit_test(test_courier_sf),
	    cmocka_unit_test(test_spec_matches_header),
	    cmocka_unit_test(test_broken_fixture),
	    cmocka_unit_test(test_broken_lines),
	    cmocka_unit_test(test_not_found),
	    cmocka_unit_test(test_good_minimal),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, setup, teardown);
}
