/*
 * fuzz_num.c - the money, quantity and date parsers on any text: they
 * never crash, and what they accept survives a round trip: a parsed value
 * formatted by money_format (or money_format_grouped, qty_format) and
 * parsed again is the same value, and a parsed date is canonical ISO and
 * parses to itself.
 *
 * Input: the bytes as one C string (up to the first NUL).
 */
#include <config.h>

#include <string.h>

#include "fuzz.h"
#include "util/num.h"
#include "util/xalloc.h"

static void
check_money(const char *s, int allow_negative)
{
	char buf[NUM_FMT_SIZE];
	int64_t v, w;

	if (money_parse(s, allow_negative, &v) != NUM_OK)
		return;
	FUZZ_CHECK(allow_negative || v >= 0);
	money_format(v, buf, sizeof buf);
	FUZZ_CHECK(money_parse(buf, 1, &w) == NUM_OK && w == v);
	money_format_grouped(v, buf, sizeof buf);
	FUZZ_CHECK(money_parse(buf, 1, &w) == NUM_OK && w == v);
}

static void
check_qty(const char *s, int allow_negative)
{
	char buf[NUM_FMT_SIZE];
	int64_t v, w;

	if (qty_parse(s, allow_negative, &v) != NUM_OK)
		return;
	FUZZ_CHECK(allow_negative || v >= 0);
	qty_format(v, buf, sizeof buf);
	FUZZ_CHECK(qty_parse(buf, 1, &w) == NUM_OK && w == v);
}

static void
check_dates(const char *s)
{
	char d[DATE_SIZE], again[DATE_SIZE], dt[DATETIME_SIZE],
	    dt2[DATETIME_SIZE];

	if (date_parse(s, d, sizeof d) == NUM_OK) {
		FUZZ_CHECK(date_is_iso(d));
		FUZZ_CHECK(date_parse(d, again, sizeof again) == NUM_OK);
		FUZZ_CHECK(strcmp(d, again) == 0);
	} else {
		FUZZ_CHECK(d[0] == '\0');
	}
	if (datetime_parse(s, dt, sizeof dt) == NUM_OK) {
		FUZZ_CHECK(strlen(dt) == DATETIME_SIZE - 1);
		FUZZ_CHECK(datetime_parse(dt, dt2, sizeof dt2) == NUM_OK);
		FUZZ_CHECK(strcmp(dt, dt2) == 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xstrndup(size ? (const char *)data : "", size);
	int64_t m, q, total;

	check_money(s, 0);
	check_money(s, 1);
	check_qty(s, 0);
	check_qty(s, 1);
	check_dates(s);
	/* The line total never overflows silently. */
	if (money_parse(s, 1, &m) == NUM_OK && qty_parse(s, 1, &q) == NUM_OK)
		(void)money_mul_qty(m, q, &total);
	free(s);
	return 0;
}
