/*
 * test_header.c - unit tests for sync/header.c: header rows matched to a
 * column spec in every way shops and clerks write them.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "sync/header.h"
#include "util/xalloc.h"

static const char *const sku_aliases[] = {"商品编码", "商家编码", NULL};
static const char *const qty_aliases[] = {"数量", "商品数量(件)", NULL};
static const char *const name_aliases[] = {"商品名称", "Product name", NULL};

static const struct header_col spec[] = {
    {"sku", sku_aliases, 1},
    {"qty", qty_aliases, 1},
    {"name", name_aliases, 0},
    {"note", NULL, 0},
};
#define NSPEC (sizeof spec / sizeof spec[0])

/* Build a record of the given cells (line 1). */
static struct csvread_record *
rec_of(size_t n, const char **cells)
{
	struct csvread_record *r = xcalloc(1, sizeof *r);
	size_t *lens = xcalloc(n, sizeof *lens), i;

	for (i = 0; i < n; i++)
		lens[i] = strlen(cells[i]);
	r->nfields = n;
	r->fields = cells;
	r->lens = lens;
	r->line = 1;
	return r;
}

static void
rec_free(struct csvread_record *r)
{
	free((void *)r->lens);
	free(r);
}

/* Match cells; check indexes, warnings and errors exactly. */
static void
check(size_t n, const char **cells, enum status want_st, const int *want_idx,
    const char *want_warn, const char *want_err)
{
	struct csvread_record *r = rec_of(n, cells);
	int idx[NSPEC];
	char *warn, *err;
	size_t i;

	assert_int_equal(
	    header_match("f.csv", r, spec, NSPEC, idx, &warn, &err), want_st);
	if (want_idx != NULL)
		for (i = 0; i < NSPEC; i++)
			assert_int_equal(idx[i], want_idx[i]);
	if (want_warn == NULL)
		assert_null(warn);
	else
		assert_string_equal(warn, want_warn);
	if (want_err == NULL)
		assert_null(err);
	else
		assert_string_equal(err, want_err);
	free(warn);
	free(err);
	rec_free(r);
}

static void
test_exact_and_any_order(void **state)
{
	const char *a[] = {"sku", "qty", "name", "note"};
	const char *b[] = {"note", "qty", "sku"};
	static const int ia[] = {0, 1, 2, 3}, ib[] = {2, 1, -1, 0};

	check(4, a, ST_OK, ia, NULL, NULL);
	check(3, b, ST_OK, ib, NULL, NULL);
}

static void
test_aliases_and_folding(void **state)
{
	/* BOM, case, spaces, U+3000, full-width parentheses and letters */
	const char *a[] = {"\xEF\xBB\xBF SKU ", "\xE3\x80\x80商品数量（件）",
	    "product NAME", "ＮＯＴＥ"};
	const char *b[] = {"商家编码", "数量"};
	static const int ia[] = {0, 1, 2, 3}, ib[] = {0, 1, -1, -1};

	check(4, a, ST_OK, ia, NULL, NULL);
	check(2, b, ST_OK, ib, NULL, NULL);
}

static void
test_unknown_warned_once(void **state)
{
	const char *a[] = {"sku", "colour", "qty", "Colour ", "", "重量"};
	static const int ia[] = {0, 2, -1, -1};

	check(6, a, ST_OK, ia,
	    "f.csv:1: column 'colour' is not used; ignored\n"
	    "f.csv:1: column '重量' is not used; ignored\n",
	    NULL);
}

static void
test_missing_required(void **state)
{
	const char *a[] = {"name", "extra"};

	check(2, a, ST_INVALID, NULL,
	    "f.csv:1: column 'extra' is not used; ignored\n",
	    "f.csv:1: no 'sku' column (also accepted: 商品编码, 商家编码)\n"
	    "f.csv:1: no 'qty' column (also accepted: 数量, 商品数量(件))");
}

static void
test_matched_twice(void **state)
{
	const char *a[] = {"SKU", "qty", "商家编码"};

	check(3, a, ST_INVALID, NULL, NULL,
	    "f.csv:1: columns 1 ('SKU') and 3 ('商家编码') are both 'sku'; "
	    "keep one");
}

static void
test_normalize(void **state)
{
	char *s = header_normalize("\xEF\xBB\xBF\xEF\xBB\xBF  Ｑｔｙ（件）\t");

	assert_string_equal(s, "qty(件)");
	free(s);
	s = header_normalize("\x1b[31mX");
	assert_string_equal(s, "\x1b[31mx");
	free(s);
}

static void
test_sanitized_in_messages(void **state)
{
	const char *a[] = {"sku", "qty", "bad\x1b[2J"};

	check(3, a, ST_OK, NULL,
	    "f.csv:1: column 'bad\xE2\x90\x9B[2J' is not used; ignored\n",
	    NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_exact_and_any_order),
	    cmocka_unit_test(test_aliases_and_folding),
	    cmocka_unit_test(test_unknown_warned_once),
	    cmocka_unit_test(test_missing_required),
	    cmocka_unit_test(test_matched_twice),
	    cmocka_unit_test(test_normalize),
	    cmocka_unit_test(test_sanitized_in_messages),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
