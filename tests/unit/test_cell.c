/*
 * test_cell.c - unit tests for sync/cell.c: cleaning cells of real shop
 * exports, Excel's scientific-notation damage, and the formula
 * neutralisation round trip (export then import gives the same bytes).
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

#include "sync/cell.h"
#include "util/xalloc.h"

static void
check_clean(const char *in, const char *want, unsigned want_flags)
{
	unsigned flags = 99;
	char *got = cell_clean(in, strlen(in), &flags);

	assert_string_equal(got, want);
	assert_int_equal(flags, want_flags);
	free(got);
}

static void
test_clean(void **state)
{
	check_clean("\t3812345678901234", "3812345678901234", 0); /* Douyin */
	check_clean("  王芳  ", "王芳", 0);
	check_clean("\xE3\x80\x80王芳\xE3\x80\x80", "王芳", 0); /* U+3000 */
	check_clean("=\"3812345678901234\"", "3812345678901234",
	    CELL_UNWRAPPED); /* Taobao */
	check_clean(" =\" 12 \" ", "12", CELL_UNWRAPPED);
	check_clean("=\"a\"\"b\"", "a\"b", CELL_UNWRAPPED);
	check_clean("=\"a\"b\"", "=\"a\"b\"", 0); /* not Excel's form */
	check_clean("=SUM(A1)", "=SUM(A1)", 0);
	check_clean("=\"\"", "", CELL_UNWRAPPED); /* Excel empty text */
	check_clean("138****1234", "138****1234", CELL_MASKED);
	check_clean("****", "****", CELL_MASKED);
	check_clean("王**", "王**", CELL_MASKED);
	check_clean("王＊＊", "王＊＊", CELL_MASKED);
	check_clean(
	    "=\"138****1234\"", "138****1234", CELL_MASKED | CELL_UNWRAPPED);
	check_clean("500g*2袋", "500g*2袋", 0);
	/* ｘ is EF BD 98: an EF that starts no star. */
	check_clean("ｘ*ｘ*", "ｘ*ｘ*", 0);
	check_clean("ｘ*＊", "ｘ*＊", CELL_MASKED);
	check_clean("", "", 0);
	check_clean(" \t ", "", 0);
}

static void
test_clean_length(void **state)
{
	char *got = cell_clean(" ab cd", 4, NULL); /* only " ab " */

	assert_string_equal(got, "ab");
	free(got);
}

static void
test_excel_sci(void **state)
{
	assert_true(cell_is_excel_sci("1.5E+12"));
	assert_true(cell_is_excel_sci("1.23457E+17"));
	assert_true(cell_is_excel_sci("3E+15"));
	assert_true(cell_is_excel_sci("3.81235e+15"));
	assert_false(cell_is_excel_sci("3812345678901234"));
	assert_false(cell_is_excel_sci("1.5E-3"));
	assert_false(cell_is_excel_sci("E+12"));
	assert_false(cell_is_excel_sci("1.E+12"));
	assert_false(cell_is_excel_sci("1.5E+"));
	assert_false(cell_is_excel_sci("1.5E+12x"));
	assert_false(cell_is_excel_sci("SKU-1E+2"));
	assert_false(cell_is_excel_sci(""));
	assert_string_equal(cell_text_problem("1.23457E+17"),
	    "looks like a number Excel turned into scientific notation; "
	    "format the column as Text in Excel and export again");
	assert_null(cell_text_problem("13812341234"));
}

static void
check_neutral(const char *in, const char *want)
{
	char *got = cell_neutralize(in), *back;

	assert_string_equal(got, want);
	back = cell_unneutralize(got);
	assert_string_equal(back, in);
	free(got);
	free(back);
}

static void
test_neutralize(void **state)
{
	check_neutral("=SUM(A1)", "'=SUM(A1)");
	check_neutral("+86 138", "'+86 138");
	check_neutral("-5", "'-5");
	check_neutral("@x", "'@x");
	check_neutral("\tx", "'\tx");
	check_neutral("\rx", "'\rx");
	check_neutral("＝1", "'＝1");
	check_neutral("＋1", "'＋1");
	check_neutral("－1", "'－1");
	check_neutral("＠1", "'＠1");
	check_neutral("'=x", "''=x");
	check_neutral("''=x", "'''=x");
	check_neutral("'", "'");
	check_neutral("''", "''");
	check_neutral("'abc", "'abc");
	check_neutral("abc=1", "abc=1");
	check_neutral("", "");
	check_neutral("王芳", "王芳");
	check_neutral(" =x", " =x");
}

static void
test_unneutralize(void **state)
{
	char *s;

	s = cell_unneutralize("'=x");
	assert_string_equal(s, "=x");
	free(s);
	s = cell_unneutralize("'''-1");
	assert_string_equal(s, "''-1");
	free(s);
	s = cell_unneutralize("'abc"); /* not ours: kept */
	assert_string_equal(s, "'abc");
	free(s);
	s = cell_unneutralize("=x");
	assert_string_equal(s, "=x");
	free(s);
}

/* The round trip holds for every string: all short strings over an
 * alphabet of the characters that matter, then seeded random ones. */
static void
round_trip(const char *s)
{
	char *n = cell_neutralize(s), *b = cell_unneutralize(n);
	char *c = xstrdup(n);

	if (strcmp(b, s) != 0)
		fail_msg("round trip of [%s] gave [%s] via [%s]", s, b, n);
	if (strcmp(cell_unneutralize_in_place(c), s) != 0)
		fail_msg("in place, round trip of [%s] gave [%s]", s, c);
	free(c);
	free(n);
	free(b);
}

static void
test_round_trip_property(void **state)
{
	static const char *const atoms[] = {
	    "'",
	    "=",
	    "+",
	    "-",
	    "@",
	    "\t",
	    "\r",
	    "＝",
	    "＋",
	    "－",
	    "＠",
	    "a",
	    "1",
	    " ",
	    "王",
	    "\n",
	    "\"",
	};
	size_t na = sizeof atoms / sizeof atoms[0], i, j, k, len;
	char buf[64];
	unsigned seed = 12345;

	round_trip("");
	for (i = 0; i < na; i++) {
		for (j = 0; j < na; j++) {
			for (k = 0; k < na; k++) {
				snprintf(buf, sizeof buf, "%s%s%s", atoms[i],
				    atoms[j], atoms[k]);
				round_trip(buf);
			}
		}
	}
	for (i = 0; i < 20000; i++) {
		buf[0] = '\0';
		seed = seed * 1103515245u + 12345u;
		len = (seed >> 16) % 8;
		for (j = 0; j < len; j++) {
			seed = seed * 1103515245u + 12345u;
			strcat(buf, atoms[(seed >> 16) % na]);
		}
		round_trip(buf);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_clean),
	    cmocka_unit_test(test_clean_length),
	    cmocka_unit_test(test_excel_sci),
	    cmocka_unit_test(test_neutralize),
	    cmocka_unit_test(test_unneutralize),
	    cmocka_unit_test(test_round_trip_property),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
