/*
 * test_num.c - unit tests for util/num.
 *
 * Each test states exact outcomes for one class of input.  The check_*
 * helpers print the input that failed before asserting, since cmocka's
 * own message only shows the two numbers.  Parsers must leave *out alone
 * on error, so each check starts *out at a sentinel and looks at it.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util/num.h"

#define SENTINEL INT64_C(-777)

typedef enum num_err (*amount_parser)(const char *, int, int64_t *);

static void
check_amount(amount_parser parse, const char *name, const char *s,
    int allow_negative, enum num_err want_err, int64_t want)
{
	int64_t v = SENTINEL;
	enum num_err e = parse(s, allow_negative, &v);

	if (want_err == NUM_OK && (e != NUM_OK || v != want))
		print_error("%s(\"%s\") = %d, %" PRId64 "; want %" PRId64 "\n",
		    name, s, (int)e, v, want);
	else if (want_err != NUM_OK && e != want_err)
		print_error("%s(\"%s\") = %d; want error %d\n", name, s, (int)e,
		    (int)want_err);
	assert_int_equal(e, want_err);
	assert_true(v == (want_err == NUM_OK ? want : SENTINEL));
}

/* money_parse(s, 1, ...) must give exactly want. */
static void
money_ok(const char *s, int64_t want)
{
	check_amount(money_parse, "money_parse", s, 1, NUM_OK, want);
}

/* money_parse(s, 1, ...) must fail with want_err. */
static void
money_bad(const char *s, enum num_err want_err)
{
	check_amount(money_parse, "money_parse", s, 1, want_err, 0);
}

static void
qty_ok(const char *s, int64_t want)
{
	check_amount(qty_parse, "qty_parse", s, 1, NUM_OK, want);
}

static void
qty_bad(const char *s, enum num_err want_err)
{
	check_amount(qty_parse, "qty_parse", s, 1, want_err, 0);
}

static void
check_date(const char *s, enum num_err want_err, const char *want)
{
	char buf[DATE_SIZE] = "junk";
	enum num_err e = date_parse(s, buf, sizeof buf);

	if (e != want_err || strcmp(buf, want) != 0)
		print_error("date_parse(\"%s\") = %d \"%s\"; want %d \"%s\"\n",
		    s, (int)e, buf, (int)want_err, want);
	assert_int_equal(e, want_err);
	assert_string_equal(buf, want);
}

static void
date_ok(const char *s, const char *want)
{
	check_date(s, NUM_OK, want);
}

static void
date_bad(const char *s, enum num_err want_err)
{
	check_date(s, want_err, "");
}

static void
check_datetime(const char *s, enum num_err want_err, const char *want)
{
	char buf[DATETIME_SIZE] = "junk";
	enum num_err e = datetime_parse(s, buf, sizeof buf);

	if (e != want_err || strcmp(buf, want) != 0)
		print_error("datetime_parse(\"%s\") = %d \"%s\"; want %d "
			    "\"%s\"\n",
		    s, (int)e, buf, (int)want_err, want);
	assert_int_equal(e, want_err);
	assert_string_equal(buf, want);
}

static void
check_mul(int64_t fen, int64_t qty, enum num_err want_err, int64_t want)
{
	int64_t v = SENTINEL;
	enum num_err e = money_mul_qty(fen, qty, &v);

	if (e != want_err || (e == NUM_OK && v != want))
		print_error("money_mul_qty(%" PRId64 ", %" PRId64
			    ") = %d, %" PRId64 "; want %d, %" PRId64 "\n",
		    fen, qty, (int)e, v, (int)want_err, want);
	assert_int_equal(e, want_err);
	assert_true(v == (want_err == NUM_OK ? want : SENTINEL));
}

/* --- messages --- */

static void
test_err_messages(void **state)
{
	int i, j;

	(void)state;
	for (i = 0; i < NUM_ERR_COUNT; i++) {
		assert_non_null(num_err_message(i));
		assert_true(strlen(num_err_message(i)) > 0);
		for (j = 0; j < i; j++)
			assert_string_not_equal(
			    num_err_message(i), num_err_message(j));
	}
	assert_string_equal(num_err_message(NUM_EMPTY), "is empty");
	assert_string_equal(
	    num_err_message(NUM_PRECISION), "has too many decimal places");
	assert_non_null(num_err_message(NUM_ERR_COUNT));
	assert_non_null(num_err_message((enum num_err) - 1));
}

/* --- money_parse --- */

static void
test_money_plain(void **state)
{
	(void)state;
	money_ok("0", 0);
	money_ok("0.00", 0);
	money_ok("1", 100);
	money_ok("12.5", 1250);
	money_ok("12.50", 1250);
	money_ok("0.01", 1);
	money_ok("0.5", 50);
	money_ok("007.50", 750);
	money_ok("1234.56", 123456);
}

static void
test_money_spaces(void **state)
{
	(void)state;
	money_ok("  12.50  ", 1250);
	money_ok("\t12.50\t", 1250);
	money_ok("\xe3\x80\x80"
		 "12.50"
		 "\xe3\x80\x80",
	    1250); /* U+3000 */
	money_ok("\xc2\xa0"
		 "5",
	    500); /* U+00A0 */
	money_bad("1 2", NUM_SYNTAX);
	money_bad("12 .50", NUM_SYNTAX);
	money_bad("12. 50", NUM_SYNTAX);
}

static void
test_money_empty(void **state)
{
	(void)state;
	money_bad("", NUM_EMPTY);
	money_bad("   ", NUM_EMPTY);
	money_bad("\xe3\x80\x80", NUM_EMPTY);
	money_bad(" \t\xe3\x80\x80 ", NUM_EMPTY);
}

static void
test_money_sign(void **state)
{
	(void)state;
	money_ok("-12.50", -1250);
	money_ok(" -0.01 ", -1);
	money_ok("\xef\xbc\x8d"
		 "3",
	    -300); /* '－' */
	money_ok("-0", 0);
	money_ok("-0.00", 0);
	money_bad("--1", NUM_SYNTAX);
	money_bad("- 1", NUM_SYNTAX);
	money_bad("+1", NUM_SYNTAX);
	money_bad("1-", NUM_SYNTAX);
	money_bad("-", NUM_SYNTAX);
}

static void
test_money_negative_refused(void **state)
{
	(void)state;
	check_amount(money_parse, "money_parse", "-1", 0, NUM_NEGATIVE, 0);
	check_amount(money_parse, "money_parse", "-0.01", 0, NUM_NEGATIVE, 0);
	check_amount(money_parse, "money_parse", "¥-5", 0, NUM_NEGATIVE, 0);
	check_amount(money_parse, "money_parse", "-0", 0, NUM_OK, 0);
	check_amount(money_parse, "money_parse", "-0.00", 0, NUM_OK, 0);
	check_amount(money_parse, "money_parse", "5", 0, NUM_OK, 500);
	/* Syntax and precision come before sign. */
	check_amount(money_parse, "money_parse", "-1x", 0, NUM_SYNTAX, 0);
	check_amount(money_parse, "money_parse", "-1.234", 0, NUM_PRECISION, 0);
	/* Sign comes before range. */
	check_amount(money_parse, "money_parse", "-99999999999999999999", 0,
	    NUM_NEGATIVE, 0);
}

static void
test_money_currency(void **state)
{
	(void)state;
	money_ok("¥12.50", 1250);
	money_ok("￥12.50", 1250);
	money_ok("¥ 12.50", 1250);
	money_ok("-¥12.50", -1250);
	money_ok("¥-12.50", -1250);
	money_ok("￥－１２", -1200);
	money_ok("12.50元", 1250);
	money_ok("12.50 元", 1250);
	money_ok("12.50\xe3\x80\x80元", 1250);
	money_ok("12.50 元 ", 1250);
	money_ok("12.50RMB", 1250);
	money_ok("12.50 rmb", 1250);
	money_ok("12.50 Cny", 1250);
	money_ok("12.50 ＣＮＹ", 1250);
	money_ok("¥12元", 1200);
	money_bad("12.50 USD", NUM_SYNTAX);
	money_bad("12.50 RM", NUM_SYNTAX);
	money_bad("12.50 RMBX", NUM_SYNTAX);
	money_bad("12.50元元", NUM_SYNTAX);
	money_bad("元12", NUM_SYNTAX);
	money_bad("12¥", NUM_SYNTAX);
	money_bad("¥", NUM_SYNTAX);
	money_bad("元", NUM_SYNTAX);
	money_bad("¥¥1", NUM_SYNTAX);
	money_bad("-¥-1", NUM_SYNTAX);
	money_bad("$12", NUM_SYNTAX);
}

static void
test_money_grouping(void **state)
{
	(void)state;
	money_ok("1,234.50", 123450);
	money_ok("1,234", 123400);
	money_ok("1,234,567.89", 123456789);
	money_ok("999,999", 99999900);
	money_ok("１，２３４．５０", 123450);
	money_ok("-1,000", -100000);
	money_bad("12,34", NUM_SYNTAX);
	money_bad("1,2345", NUM_SYNTAX);
	money_bad(",123", NUM_SYNTAX);
	money_bad("1,", NUM_SYNTAX);
	money_bad("1,,234", NUM_SYNTAX);
	money_bad("1234,567", NUM_SYNTAX);
	money_bad("0,123", NUM_SYNTAX);
	money_bad("1,234.5,6", NUM_SYNTAX);
	money_bad("1.234,56", NUM_SYNTAX);
}

static void
test_money_decimals(void **state)
{
	(void)state;
	money_bad(".5", NUM_SYNTAX);
	money_bad("1.", NUM_SYNTAX);
	money_bad(".", NUM_SYNTAX);
	money_bad("1..5", NUM_SYNTAX);
	money_bad("1.2.3", NUM_SYNTAX);
	money_bad("1.234", NUM_PRECISION);
	money_bad("1.000", NUM_PRECISION); /* never silently dropped */
	money_bad("0.001", NUM_PRECISION);
	money_bad("1.23456789012345678901234567890", NUM_PRECISION);
	money_bad("1.234x", NUM_SYNTAX); /* syntax before precision */
}

static void
test_money_fullwidth(void **state)
{
	(void)state;
	money_ok("０", 0);
	money_ok("１２３４．５６", 123456);
	money_ok("９", 900);
	money_ok("12．5", 1250);
	money_bad("１２a", NUM_SYNTAX);
}

static void
test_money_junk(void **state)
{
	(void)state;
	money_bad("1.5E+12", NUM_SYNTAX);
	money_bad("1e5", NUM_SYNTAX);
	money_bad("0x10", NUM_SYNTAX);
	money_bad("abc", NUM_SYNTAX);
	money_bad("12abc", NUM_SYNTAX);
	money_bad("NaN", NUM_SYNTAX);
	money_bad("inf", NUM_SYNTAX);
	money_bad("十二", NUM_SYNTAX);
	money_bad("\xff", NUM_SYNTAX);
	money_bad("12\xe5", NUM_SYNTAX); /* truncated UTF-8 */
	money_bad("12\xe5\x85", NUM_SYNTAX);
	money_bad("\xc0\xb1", NUM_SYNTAX); /* overlong '1' */
	money_bad("\xef\xbc", NUM_SYNTAX);
}

static void
test_money_range(void **state)
{
	(void)state;
	money_ok("92233720368547758.07", INT64_MAX);
	money_ok("92,233,720,368,547,758.07", INT64_MAX);
	money_ok("-92233720368547758.08", INT64_MIN);
	money_bad("92233720368547758.08", NUM_RANGE);
	money_bad("-92233720368547758.09", NUM_RANGE);
	money_bad("92233720368547759", NUM_RANGE);
	money_bad("184467440737095516", NUM_RANGE); /* wraps uint64 */
	money_bad("99999999999999999999999999999", NUM_RANGE);
	money_bad("99999999999999999999999999999x", NUM_SYNTAX);
}

/* --- qty_parse --- */

static void
test_qty_parse(void **state)
{
	(void)state;
	qty_ok("0", 0);
	qty_ok("1.5", 1500);
	qty_ok("1.50", 1500);
	qty_ok("1.234", 1234);
	qty_ok("0.001", 1);
	qty_ok("2", 2000);
	qty_ok(" 1,000.5 ", 1000500);
	qty_ok("-0.5", -500);
	qty_ok("-0", 0);
	qty_ok("２．５", 2500);
	qty_bad("1.2345", NUM_PRECISION);
	qty_bad("1.0000", NUM_PRECISION);
	qty_bad("", NUM_EMPTY);
	qty_bad(" ", NUM_EMPTY);
	qty_bad(".5", NUM_SYNTAX);
	qty_bad("1.", NUM_SYNTAX);
	qty_bad("1,23", NUM_SYNTAX);
	qty_bad("1.5E3", NUM_SYNTAX);
	qty_bad("1.5kg", NUM_SYNTAX);
}

static void
test_qty_no_currency(void **state)
{
	(void)state;
	qty_bad("¥1", NUM_SYNTAX);
	qty_bad("1元", NUM_SYNTAX);
	qty_bad("1 RMB", NUM_SYNTAX);
}

static void
test_qty_negative_and_range(void **state)
{
	(void)state;
	check_amount(qty_parse, "qty_parse", "-1", 0, NUM_NEGATIVE, 0);
	check_amount(qty_parse, "qty_parse", "-0.000", 0, NUM_OK, 0);
	qty_ok("9223372036854775.807", INT64_MAX);
	qty_ok("-9223372036854775.808", INT64_MIN);
	qty_bad("9223372036854775.808", NUM_RANGE);
	qty_bad("9223372036854776", NUM_RANGE);
}

/* --- formatting --- */

static void
test_money_format(void **state)
{
	char buf[NUM_FMT_SIZE];

	(void)state;
	assert_string_equal(money_format(0, buf, sizeof buf), "0.00");
	assert_string_equal(money_format(1, buf, sizeof buf), "0.01");
	assert_string_equal(money_format(50, buf, sizeof buf), "0.50");
	assert_string_equal(money_format(123450, buf, sizeof buf), "1234.50");
	assert_string_equal(money_format(-1, buf, sizeof buf), "-0.01");
	assert_string_equal(money_format(-123450, buf, sizeof buf), "-1234.50");
	assert_string_equal(
	    money_format(INT64_MAX, buf, sizeof buf), "92233720368547758.07");
	assert_string_equal(
	    money_format(INT64_MIN, buf, sizeof buf), "-92233720368547758.08");
	assert_true(money_format(1, buf, sizeof buf) == buf);
}

static void
test_money_format_small_buffer(void **state)
{
	char buf[24];

	(void)state;
	assert_string_equal(
	    money_format(INT64_MIN, buf, sizeof buf), "-92233720368547758.08");
	/* Truncates like snprintf, always terminated. */
	assert_string_equal(money_format(123450, buf, 5), "1234");
	assert_string_equal(money_format_grouped(123450, buf, 4), "1,2");
	assert_string_equal(qty_format(1500, buf, 2), "1");
}

static void
test_money_format_grouped(void **state)
{
	char buf[NUM_FMT_SIZE];

	(void)state;
	assert_string_equal(money_format_grouped(0, buf, sizeof buf), "0.00");
	assert_string_equal(
	    money_format_grouped(99999, buf, sizeof buf), "999.99");
	assert_string_equal(
	    money_format_grouped(100000, buf, sizeof buf), "1,000.00");
	assert_string_equal(
	    money_format_grouped(123450, buf, sizeof buf), "1,234.50");
	assert_string_equal(
	    money_format_grouped(123456789, buf, sizeof buf), "1,234,567.89");
	assert_string_equal(
	    money_format_grouped(-12345678, buf, sizeof buf), "-123,456.78");
	assert_string_equal(money_format_grouped(-5, buf, sizeof buf), "-0.05");
	assert_string_equal(money_format_grouped(INT64_MAX, buf, sizeof buf),
	    "92,233,720,368,547,758.07");
	assert_string_equal(money_format_grouped(INT64_MIN, buf, sizeof buf),
	    "-92,233,720,368,547,758.08");
	assert_true(strlen(buf) < NUM_FMT_SIZE);
}

static void
test_qty_format(void **state)
{
	char buf[NUM_FMT_SIZE];

	(void)state;
	assert_string_equal(qty_format(0, buf, sizeof buf), "0");
	assert_string_equal(qty_format(1500, buf, sizeof buf), "1.5");
	assert_string_equal(qty_format(2000, buf, sizeof buf), "2");
	assert_string_equal(qty_format(1234, buf, sizeof buf), "1.234");
	assert_string_equal(qty_format(1230, buf, sizeof buf), "1.23");
	assert_string_equal(qty_format(1, buf, sizeof buf), "0.001");
	assert_string_equal(qty_format(10, buf, sizeof buf), "0.01");
	assert_string_equal(qty_format(-500, buf, sizeof buf), "-0.5");
	assert_string_equal(qty_format(-2000, buf, sizeof buf), "-2");
	assert_string_equal(qty_format(1000000, buf, sizeof buf), "1000");
	assert_string_equal(
	    qty_format(INT64_MAX, buf, sizeof buf), "9223372036854775.807");
	assert_string_equal(
	    qty_format(INT64_MIN, buf, sizeof buf), "-9223372036854775.808");
}

/* What is formatted parses back to the same value. */
static void
test_format_round_trip(void **state)
{
	static const int64_t values[] = {0, 1, -1, 99, 100, 1500, -1500,
	    123456789, -987654321, INT64_MAX, INT64_MIN, INT64_MAX - 1,
	    INT64_MIN + 1};
	char buf[NUM_FMT_SIZE];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof values / sizeof values[0]; i++) {
		money_ok(money_format(values[i], buf, sizeof buf), values[i]);
		money_ok(money_format_grouped(values[i], buf, sizeof buf),
		    values[i]);
		qty_ok(qty_format(values[i], buf, sizeof buf), values[i]);
	}
}

/* --- money_mul_qty --- */

static void
test_mul_exact(void **state)
{
	(void)state;
	check_mul(0, 0, NUM_OK, 0);
	check_mul(1250, 1000, NUM_OK, 1250);
	check_mul(1250, 2000, NUM_OK, 2500);
	check_mul(1000, 1500, NUM_OK, 1500);
	check_mul(0, INT64_MAX, NUM_OK, 0);
	check_mul(INT64_MIN, 0, NUM_OK, 0);
	check_mul(INT64_MAX, 1000, NUM_OK, INT64_MAX);
	check_mul(INT64_MIN, 1000, NUM_OK, INT64_MIN);
	check_mul(1000, INT64_MAX, NUM_OK, INT64_MAX);
}

static void
test_mul_rounding(void **state)
{
	(void)state;
	check_mul(333, 1500, NUM_OK, 500); /* 499.5 */
	check_mul(-333, 1500, NUM_OK, -500);
	check_mul(333, -1500, NUM_OK, -500);
	check_mul(-333, -1500, NUM_OK, 500);
	check_mul(1, 499, NUM_OK, 0); /* 0.499 */
	check_mul(1, 500, NUM_OK, 1); /* 0.5 */
	check_mul(-1, 500, NUM_OK, -1);
	check_mul(-1, 499, NUM_OK, 0);
	check_mul(999, 1, NUM_OK, 1);        /* 0.999 */
	check_mul(999, 999, NUM_OK, 998);    /* 998.001 */
	check_mul(1999, 2999, NUM_OK, 5995); /* 5995.001 */
	check_mul(1001, 1501, NUM_OK, 1503); /* 1502.501 */
	check_mul(-1001, 1501, NUM_OK, -1503);
	check_mul(1001, 1500, NUM_OK, 1502); /* 1501.5 */
	check_mul(1001, 1499, NUM_OK, 1500); /* 1500.499 */
	check_mul(-1001, -1499, NUM_OK, 1500);
}

static void
test_mul_overflow(void **state)
{
	(void)state;
	check_mul(INT64_MAX, 1001, NUM_RANGE, 0);
	check_mul(INT64_MIN, 1001, NUM_RANGE, 0);
	check_mul(INT64_MIN, -1000, NUM_RANGE, 0);
	check_mul(INT64_MAX, INT64_MAX, NUM_RANGE, 0);
	check_mul(INT64_MIN, INT64_MIN, NUM_RANGE, 0);
	check_mul(INT64_MAX, -1000, NUM_OK, -INT64_MAX);
	/* UINT64_MAX / 3 * 1.5 = INT64_MAX + 0.5: only the rounding spills. */
	check_mul(INT64_C(6148914691236517205), 1500, NUM_RANGE, 0);
	check_mul(INT64_C(-6148914691236517205), 1500, NUM_OK, INT64_MIN);
	check_mul(INT64_C(6148914691236517204), 1500, NUM_OK, INT64_MAX - 1);
	/* The product overflows 64 bits but the total fits. */
	check_mul(INT64_MAX / 2, 2000, NUM_OK, INT64_MAX / 2 * 2);
	check_mul(INT64_C(4611686018427387904), 1999, NUM_OK,
	    INT64_C(9218760350836348420));
	check_mul(INT64_C(4611686018427387904), 2000, NUM_RANGE, 0);
}

#ifdef __SIZEOF_INT128__
/* Compare against 128-bit arithmetic over awkward values. */
static void
test_mul_matches_int128(void **state)
{
	static const int64_t v[] = {0, 1, -1, 499, 500, 501, -499, -500, -501,
	    999, 1000, 1001, -999, -1000, -1001, 333, 1500, 123456789,
	    -987654321, INT64_C(9223372036854775), INT64_C(-9223372036854776),
	    INT64_C(3037000499), INT64_C(-3037000500), INT64_MAX, INT64_MIN,
	    INT64_MAX - 499, INT64_MIN + 500, INT64_MAX / 1000,
	    INT64_MIN / 1000, INT64_MAX / 999};
	size_t i, j, n = sizeof v / sizeof v[0];
	__int128 p, q, r;
	int64_t got;
	enum num_err e;

	(void)state;
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			p = (__int128)v[i] * v[j];
			q = p / 1000;
			r = p % 1000;
			q += r >= 500 ? 1 : r <= -500 ? -1 : 0;
			e = money_mul_qty(v[i], v[j], &got);
			if (q > INT64_MAX || q < INT64_MIN)
				assert_int_equal(e, NUM_RANGE);
			else {
				assert_int_equal(e, NUM_OK);
				assert_true(got == (int64_t)q);
			}
		}
	}
}
#endif

/* --- date_parse --- */

static void
test_date_iso(void **state)
{
	(void)state;
	date_ok("2026-03-05", "2026-03-05");
	date_ok("2026-3-5", "2026-03-05");
	date_ok("2026-12-31", "2026-12-31");
	date_ok("  2026-03-05  ", "2026-03-05");
	date_ok("0001-01-01", "0001-01-01");
	date_ok("9999-12-31", "9999-12-31");
}

static void
test_date_separators(void **state)
{
	(void)state;
	date_ok("2026/3/5", "2026-03-05");
	date_ok("2026/03/05", "2026-03-05");
	date_ok("2026.3.5", "2026-03-05");
	date_ok("2026.03.05", "2026-03-05");
	date_ok("２０２６－０３－０５", "2026-03-05");
	date_ok("２０２６／３／５", "2026-03-05");
	date_bad("2026-3/5", NUM_SYNTAX);
	date_bad("2026/3-5", NUM_SYNTAX);
	date_bad("2026 - 3 - 5", NUM_SYNTAX);
	date_bad("2026_3_5", NUM_SYNTAX);
	date_bad("2026 3 5", NUM_SYNTAX);
}

static void
test_date_chinese(void **state)
{
	(void)state;
	date_ok("2026年3月5日", "2026-03-05");
	date_ok("2026年03月05日", "2026-03-05");
	date_ok("2026 年 3 月 5 日", "2026-03-05");
	date_ok("２０２６年３月５日", "2026-03-05");
	date_ok("\xe3\x80\x80"
		"2026年3月5日"
		"\xe3\x80\x80",
	    "2026-03-05");
	date_ok("2026年3月5", "2026-03-05");
	date_bad("2026年3-5", NUM_SYNTAX);
	date_bad("2026-3月5日", NUM_SYNTAX);
	date_bad("2026月3年5日", NUM_SYNTAX);
	date_bad("2026年3月5日日", NUM_SYNTAX);
	date_bad("2026年3月", NUM_SYNTAX);
	date_bad("2026年", NUM_SYNTAX);
}

static void
test_date_with_time(void **state)
{
	(void)state;
	date_ok("2026-03-05 14:05", "2026-03-05");
	date_ok("2026-03-05 14:05:09", "2026-03-05");
	date_ok("2026-03-05T14:05:09", "2026-03-05");
	date_ok("2026-03-05   9:05 ", "2026-03-05");
	date_ok("2026/3/5 14:05", "2026-03-05");
	date_ok("2026年3月5日 14:05", "2026-03-05");
	date_ok("2026年3月5日14:05", "2026-03-05");
	date_ok("2026-03-05 １４：０５", "2026-03-05");
	/* The time is dropped but must still be right. */
	date_bad("2026-03-05 24:00", NUM_RANGE);
	date_bad("2026-03-05 14:60", NUM_RANGE);
	date_bad("2026-03-05 14:05:60", NUM_RANGE);
	date_bad("2026-03-05 14", NUM_SYNTAX);
	date_bad("2026-03-05 14:5", NUM_SYNTAX);
	date_bad("2026-03-05 14:05:9", NUM_SYNTAX);
	date_bad("2026-03-05 123:05", NUM_SYNTAX);
	date_bad("2026-03-05 14:05:09.5", NUM_SYNTAX);
	date_bad("2026-03-05 14:05:09Z", NUM_SYNTAX);
	date_bad("2026-03-0514:05", NUM_SYNTAX);
	date_bad("2026-03-05 T14:05", NUM_SYNTAX);
	date_bad("2026-03-05t14:05", NUM_SYNTAX);
	date_bad("2026-03-05T", NUM_SYNTAX);
	date_bad("2026年3月5 14:05x", NUM_SYNTAX);
}

static void
test_date_calendar(void **state)
{
	(void)state;
	date_ok("2024-02-29", "2024-02-29");
	date_ok("2000-02-29", "2000-02-29");
	date_ok("2026-02-28", "2026-02-28");
	date_bad("2026-02-29", NUM_RANGE);
	date_bad("1900-02-29", NUM_RANGE);
	date_bad("2026-02-30", NUM_RANGE);
	date_bad("2026-04-31", NUM_RANGE);
	date_bad("2026-13-01", NUM_RANGE);
	date_bad("2026-00-10", NUM_RANGE);
	date_bad("2026-01-00", NUM_RANGE);
	date_bad("2026-01-32", NUM_RANGE);
	date_bad("0000-01-01", NUM_RANGE);
	date_bad("2026年2月30日", NUM_RANGE);
}

static void
test_date_ambiguous(void **state)
{
	(void)state;
	date_bad("05/03/2026", NUM_AMBIGUOUS);
	date_bad("3/5/2026", NUM_AMBIGUOUS);
	date_bad("13/05/2026", NUM_AMBIGUOUS); /* never guessed */
	date_bad("5-3-2026", NUM_AMBIGUOUS);
	date_bad("05.03.2026", NUM_AMBIGUOUS);
	date_bad("3/5/26", NUM_AMBIGUOUS);
	date_bad("26-03-05", NUM_AMBIGUOUS);
	date_bad("26年3月5日", NUM_AMBIGUOUS);
	date_bad("05/03/2026 14:05", NUM_AMBIGUOUS);
	/* Junk wins over ambiguity. */
	date_bad("05/03/2026 junk", NUM_SYNTAX);
	date_bad("05/03-2026", NUM_SYNTAX);
}

static void
test_date_junk(void **state)
{
	(void)state;
	date_bad("", NUM_EMPTY);
	date_bad("   ", NUM_EMPTY);
	date_bad("\xe3\x80\x80", NUM_EMPTY);
	date_bad("today", NUM_SYNTAX);
	date_bad("2026", NUM_SYNTAX);
	date_bad("20260305", NUM_SYNTAX);
	date_bad("2026-03", NUM_SYNTAX);
	date_bad("2026-03-", NUM_SYNTAX);
	date_bad("2026--03-05", NUM_SYNTAX);
	date_bad("2026-003-05", NUM_SYNTAX);
	date_bad("2026-03-005", NUM_SYNTAX);
	date_bad("02026-03-05", NUM_SYNTAX);
	date_bad("202-03-05", NUM_SYNTAX);
	date_bad("2026-03-05x", NUM_SYNTAX);
	date_bad("-2026-03-05", NUM_SYNTAX);
	date_bad("3/5/202", NUM_SYNTAX);
	date_bad("2026-03-05\xff", NUM_SYNTAX);
	date_bad("2026-03-0\xe5", NUM_SYNTAX);
	date_bad("99999999999999999999-1-1", NUM_SYNTAX);
}

/* --- datetime_parse --- */

static void
test_datetime_parse(void **state)
{
	(void)state;
	check_datetime("2026-03-05", NUM_OK, "2026-03-05 00:00:00");
	check_datetime("2026-03-05 14:05", NUM_OK, "2026-03-05 14:05:00");
	check_datetime("2026-03-05 14:05:09", NUM_OK, "2026-03-05 14:05:09");
	check_datetime("2026-03-05T14:05:09", NUM_OK, "2026-03-05 14:05:09");
	check_datetime("2026-3-5 9:05", NUM_OK, "2026-03-05 09:05:00");
	check_datetime("2026/3/5 0:00:00", NUM_OK, "2026-03-05 00:00:00");
	check_datetime("2026-03-05 23:59:59", NUM_OK, "2026-03-05 23:59:59");
	check_datetime("2026年3月5日 14:05", NUM_OK, "2026-03-05 14:05:00");
	check_datetime("２０２６年３月５日　１４：０５：０９", NUM_OK,
	    "2026-03-05 14:05:09");
	check_datetime("2024-02-29 12:00", NUM_OK, "2024-02-29 12:00:00");
}

static void
test_datetime_errors(void **state)
{
	(void)state;
	check_datetime("", NUM_EMPTY, "");
	check_datetime("2026-03-05 24:00", NUM_RANGE, "");
	check_datetime("2026-03-05 00:60", NUM_RANGE, "");
	check_datetime("2026-03-05 00:00:60", NUM_RANGE, "");
	check_datetime("2026-02-29 12:00", NUM_RANGE, "");
	check_datetime("2026-03-05 12:", NUM_SYNTAX, "");
	check_datetime("2026-03-05 12:00:", NUM_SYNTAX, "");
	check_datetime("2026-03-05 -1:00", NUM_SYNTAX, "");
	/* The exact ISO form out of range: the general grammar says so. */
	check_datetime("2026-02-29 12:00:00", NUM_RANGE, "");
	check_datetime("2026-03-05 24:00:00", NUM_RANGE, "");
	check_datetime("0000-01-01 00:00:00", NUM_RANGE, "");
	check_datetime("2026-03-05 12:00:00 ", NUM_OK, "2026-03-05 12:00:00");
	check_datetime("2026-03-05 12:00:0x", NUM_SYNTAX, "");
	check_datetime("05/03/2026 12:00", NUM_AMBIGUOUS, "");
}

/* --- date arithmetic --- */

static void
test_date_is_iso(void **state)
{
	(void)state;
	assert_true(date_is_iso("2026-03-05"));
	assert_true(date_is_iso("2024-02-29"));
	assert_true(date_is_iso("0001-01-01"));
	assert_false(date_is_iso("2026-02-29"));
	assert_false(date_is_iso("2026-3-5"));
	assert_false(date_is_iso("2026/03/05"));
	assert_false(date_is_iso(" 2026-03-05"));
	assert_false(date_is_iso("2026-03-05 "));
	assert_false(date_is_iso("2026-03-05 00:00:00"));
	assert_false(date_is_iso("0000-01-01"));
	assert_false(date_is_iso(""));
	assert_false(date_is_iso("2026-03-0"));
}

static void
test_date_diff(void **state)
{
	(void)state;
	assert_int_equal(date_diff_days("2026-03-05", "2026-03-05"), 0);
	assert_int_equal(date_diff_days("2026-03-05", "2026-03-06"), 1);
	assert_int_equal(date_diff_days("2026-03-06", "2026-03-05"), -1);
	assert_int_equal(date_diff_days("2025-12-31", "2026-01-01"), 1);
	assert_int_equal(date_diff_days("2024-02-28", "2024-03-01"), 2);
	assert_int_equal(date_diff_days("2026-02-28", "2026-03-01"), 1);
	assert_int_equal(date_diff_days("2024-01-01", "2025-01-01"), 366);
	assert_int_equal(date_diff_days("2026-01-01", "2027-01-01"), 365);
	assert_int_equal(date_diff_days("1970-01-01", "2000-01-01"), 10957);
	assert_int_equal(date_diff_days("2000-01-01", "1970-01-01"), -10957);
	assert_int_equal(date_diff_days("1900-01-01", "2100-01-01"), 73049);
	assert_true(date_diff_days("0001-01-01", "9999-12-31") == 3652058);
	assert_true(date_diff_days("1970-01-01", "0001-01-01") == -719162);
	assert_true(date_diff_days("1970-01-01", "9999-12-31") == 2932896);
}

static void
test_date_add(void **state)
{
	char buf[DATE_SIZE];

	(void)state;
	assert_string_equal(
	    date_add_days("2026-03-05", 0, buf, sizeof buf), "2026-03-05");
	assert_string_equal(
	    date_add_days("2026-03-05", 30, buf, sizeof buf), "2026-04-04");
	assert_string_equal(
	    date_add_days("2025-12-31", 1, buf, sizeof buf), "2026-01-01");
	assert_string_equal(
	    date_add_days("2026-01-01", -1, buf, sizeof buf), "2025-12-31");
	assert_string_equal(
	    date_add_days("2024-02-28", 1, buf, sizeof buf), "2024-02-29");
	assert_string_equal(
	    date_add_days("2026-02-28", 1, buf, sizeof buf), "2026-03-01");
	assert_string_equal(
	    date_add_days("2024-03-01", -1, buf, sizeof buf), "2024-02-29");
	assert_string_equal(
	    date_add_days("2026-03-05", 365, buf, sizeof buf), "2027-03-05");
	assert_string_equal(
	    date_add_days("2026-03-05", -3650, buf, sizeof buf), "2016-03-07");
	assert_string_equal(
	    date_add_days("0001-01-01", 3652058, buf, sizeof buf),
	    "9999-12-31");
	assert_string_equal(
	    date_add_days("9999-12-31", -3652058, buf, sizeof buf),
	    "0001-01-01");
}

static void
test_date_add_in_place(void **state)
{
	char buf[DATE_SIZE] = "2026-03-05";

	(void)state;
	assert_string_equal(
	    date_add_days(buf, 27, buf, sizeof buf), "2026-04-01");
}

/* Adding then diffing agrees, day by day across several leap years. */
static void
test_date_add_diff_agree(void **state)
{
	char buf[DATE_SIZE], prev[DATE_SIZE];
	long d;

	(void)state;
	strcpy(prev, "1999-12-25");
	for (d = 1; d < 366 * 9; d++) {
		date_add_days("1999-12-25", d, buf, sizeof buf);
		assert_true(date_is_iso(buf));
		assert_true(date_diff_days("1999-12-25", buf) == d);
		assert_true(date_diff_days(prev, buf) == 1);
		assert_true(strcmp(prev, buf) < 0);
		strcpy(prev, buf);
	}
}

static void
test_date_today(void **state)
{
	char buf[DATE_SIZE], want[DATE_SIZE];
	time_t now = time(NULL);
	struct tm tm;

	(void)state;
	assert_true(date_today(buf, sizeof buf) == buf);
	assert_true(date_is_iso(buf));
	assert_non_null(localtime_r(&now, &tm));
	strftime(want, sizeof want, "%Y-%m-%d", &tm);
	/* Midnight may pass between the two reads. */
	assert_true(strcmp(buf, want) == 0 || date_diff_days(buf, want) == 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_err_messages),
	    cmocka_unit_test(test_money_plain),
	    cmocka_unit_test(test_money_spaces),
	    cmocka_unit_test(test_money_empty),
	    cmocka_unit_test(test_money_sign),
	    cmocka_unit_test(test_money_negative_refused),
	    cmocka_unit_test(test_money_currency),
	    cmocka_unit_test(test_money_grouping),
	    cmocka_unit_test(test_money_decimals),
	    cmocka_unit_test(test_money_fullwidth),
	    cmocka_unit_test(test_money_junk),
	    cmocka_unit_test(test_money_range),
	    cmocka_unit_test(test_qty_parse),
	    cmocka_unit_test(test_qty_no_currency),
	    cmocka_unit_test(test_qty_negative_and_range),
	    cmocka_unit_test(test_money_format),
	    cmocka_unit_test(test_money_format_small_buffer),
	    cmocka_unit_test(test_money_format_grouped),
	    cmocka_unit_test(test_qty_format),
	    cmocka_unit_test(test_format_round_trip),
	    cmocka_unit_test(test_mul_exact),
	    cmocka_unit_test(test_mul_rounding),
	    cmocka_unit_test(test_mul_overflow),
#ifdef __SIZEOF_INT128__
	    cmocka_unit_test(test_mul_matches_int128),
#endif
	    cmocka_unit_test(test_date_iso),
	    cmocka_unit_test(test_date_separators),
	    cmocka_unit_test(test_date_chinese),
	    cmocka_unit_test(test_date_with_time),
	    cmocka_unit_test(test_date_calendar),
	    cmocka_unit_test(test_date_ambiguous),
	    cmocka_unit_test(test_date_junk),
	    cmocka_unit_test(test_datetime_parse),
	    cmocka_unit_test(test_datetime_errors),
	    cmocka_unit_test(test_date_is_iso),
	    cmocka_unit_test(test_date_diff),
	    cmocka_unit_test(test_date_add),
	    cmocka_unit_test(test_date_add_in_place),
	    cmocka_unit_test(test_date_add_diff_agree),
	    cmocka_unit_test(test_date_today),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
