/*
 * num.c - see num.h.
 *
 * The parsers walk the UTF-8 input one code point at a time through
 * peek(), which folds full-width forms and the odd spaces to ASCII, so the
 * grammar below is written once, in ASCII, and a clerk's IME output parses
 * the same as a keyboard's.  Nothing is copied or allocated.
 *
 * Digits are accumulated in uint64_t with an overflow flag rather than
 * stopping at the first overflow, so that a long number followed by junk
 * is reported as junk (NUM_SYNTAX), not as NUM_RANGE.
 *
 * Dates go through day numbers (Howard Hinnant's days_from_civil and its
 * inverse): integer arithmetic only, proleptic Gregorian, no time zones,
 * no mktime() and its DST surprises.
 */
#include <config.h>

#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util/fatal.h"
#include "util/i18n.h"
#include "util/num.h"

/* Code points the grammar compares against, after fold(). */
enum {
	CP_END = 0,
	CP_YEN = 0x00a5,  /* '¥'; full-width '￥' folds to it */
	CP_YUAN = 0x5143, /* '元' */
	CP_NIAN = 0x5e74, /* '年' */
	CP_YUE = 0x6708,  /* '月' */
	CP_RI = 0x65e5,   /* '日' */
	CP_BAD = 0xfffd   /* malformed UTF-8 */
};

/* days_from_civil() of 0001-01-01 and 9999-12-31, the calendar we allow. */
#define DAY_FIRST (-719162L)
#define DAY_LAST 2932896L

/* Digits read so far; value saturates and sets overflow instead. */
struct digits {
	uint64_t value;
	int overflow;
};

/* A decimal as read, before it is checked against places and sign. */
struct amount {
	struct digits ip; /* integer part */
	struct digits fp; /* fraction digits as an integer */
	int nfrac;        /* how many fraction digits */
};

/* A date and time as read, before it is checked against the calendar. */
struct when {
	int y, m, d;
	int hh, mi, ss;
};

/* clang-format cannot see that the expansion ends in a comma. */
/* clang-format off */
static const char *const num_messages[] = {
#define NUM_ERR_MESSAGE(name, msg) [name] = msg,
	NUM_ERR_LIST(NUM_ERR_MESSAGE)
#undef NUM_ERR_MESSAGE
};
/* clang-format on */

const char *
num_err_message(enum num_err e)
{
	if ((unsigned)e >= NUM_ERR_COUNT)
		return N_("is not valid");
	return num_messages[e];
}

/*
 * Decode one UTF-8 sequence at p into a code point and its length.  A
 * malformed sequence (overlong, surrogate, truncated, stray byte) is
 * CP_BAD of length 1: it can only be a syntax error and never makes us
 * read past the NUL, which is not a continuation byte.
 */
static uint32_t
utf8_decode(const unsigned char *p, size_t *len)
{
	uint32_t c;
	size_t i, n;

	*len = 1;
	if (p[0] < 0x80) {
		*len = p[0] != 0;
		return p[0];
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2, c = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3, c = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4, c = p[0] & 0x07;
	else
		return CP_BAD;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return CP_BAD;
		c = (c << 6) | (p[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) || c > 0x10ffff ||
	    (c >= 0xd800 && c <= 0xdfff))
		return CP_BAD;
	*len = n;
	return c;
}

/*
 * Map what a Chinese IME or a copied web page produces onto ASCII: the
 * full-width block U+FF01..FF5E (digits, '－', '．', '，', '：', '／',
 * letters) onto 0x21..0x7E, every space we accept onto ' ', and '￥' onto
 * '¥'.
 */
static uint32_t
fold(uint32_t c)
{
	if (c >= 0xff01 && c <= 0xff5e)
		return c - 0xfee0;
	switch (c) {
	case '\t':
	case 0x00a0: /* no-break space, from spreadsheets */
	case 0x3000: /* ideographic space */
		return ' ';
	case 0xffe5:
		return CP_YEN;
	}
	return c;
}

/* Return the folded code point at p; if next is not NULL, point it past. */
static uint32_t
peek(const char *p, const char **next)
{
	size_t len;
	uint32_t c;

	/* Most of what is read is ASCII, which folds to itself but tab. */
	if ((unsigned char)*p < 0x80 && *p != '\t') {
		if (next != NULL)
			*next = p + (*p != '\0');
		return (unsigned char)*p;
	}
	c = fold(utf8_decode((const unsigned char *)p, &len));
	if (next != NULL)
		*next = p + len;
	return c;
}

/* Consume the code point want at *pp if it is there; return whether. */
static int
accept(const char **pp, uint32_t want)
{
	const char *next;

	if (peek(*pp, &next) != want)
		return 0;
	*pp = next;
	return 1;
}

/* Skip spaces at *pp; return how many there were. */
static int
skip_space(const char **pp)
{
	int n = 0;

	while (accept(pp, ' '))
		n++;
	return n;
}

/* Append the digits at *pp to d; return how many there were. */
static int
digit_run(const char **pp, struct digits *d)
{
	const char *next;
	uint32_t c;
	int n = 0;

	while ((c = peek(*pp, &next)) >= '0' && c <= '9') {
		if (d->value > (UINT64_MAX - (c - '0')) / 10) {
			d->overflow = 1;
			d->value = UINT64_MAX;
		} else
			d->value = d->value * 10 + (c - '0');
		*pp = next;
		n++;
	}
	return n;
}

/* Return |v| without the undefined behaviour of -INT64_MIN. */
static uint64_t
magnitude(int64_t v)
{
	return v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
}

/*
 * Read an unsigned decimal at *pp into a: digits, optionally grouped by
 * ',' in exact threes after a first group of 1-3 not starting with 0,
 * then optionally '.' and at least one digit.  Returns 0 on bad syntax.
 */
static int
read_decimal(const char **pp, struct amount *a)
{
	uint32_t first = peek(*pp, NULL);
	int n;

	memset(a, 0, sizeof *a);
	n = digit_run(pp, &a->ip);
	if (n == 0)
		return 0;
	if (peek(*pp, NULL) == ',') {
		if (n > 3 || first == '0')
			return 0;
		while (accept(pp, ','))
			if (digit_run(pp, &a->ip) != 3)
				return 0;
	}
	if (accept(pp, '.')) {
		a->nfrac = digit_run(pp, &a->fp);
		if (a->nfrac == 0)
			return 0;
	}
	return 1;
}

/*
 * Read the sign and currency sign before a money amount: '-', '¥', both
 * in either order, or neither.  Spaces may follow '¥' ("¥ 12.50") but not
 * '-'.  Returns 1 if there was a '-'.
 */
static int
read_prefix(const char **pp, int money)
{
	int neg = accept(pp, '-');

	if (money && accept(pp, CP_YEN)) {
		skip_space(pp);
		if (!neg)
			neg = accept(pp, '-');
	}
	return neg;
}

/* Consume a trailing '元', "RMB" or "CNY" (any case); return whether. */
static int
read_unit(const char **pp)
{
	static const char *const codes[] = {"RMB", "CNY"};
	const char *q, *next;
	uint32_t c;
	size_t i, j;

	if (accept(pp, CP_YUAN))
		return 1;
	for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		q = *pp;
		for (j = 0; codes[i][j] != '\0'; j++) {
			c = peek(q, &next);
			if (c >= 'a' && c <= 'z')
				c -= 'a' - 'A';
			if (c != (uint32_t)codes[i][j])
				break;
			q = next;
		}
		if (codes[i][j] == '\0') {
			*pp = q;
			return 1;
		}
	}
	return 0;
}

/*
 * Turn a syntactically valid amount with at most places decimals into a
 * signed count of 1/10^places, or NUM_RANGE if it does not fit.
 */
static enum num_err
amount_value(const struct amount *a, int places, int neg, int64_t *out)
{
	uint64_t limit, scale = 1, frac = a->fp.value, mag;
	int i;

	limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (i = 0; i < places; i++)
		scale *= 10;
	for (i = a->nfrac; i < places; i++)
		frac *= 10;
	if (a->ip.overflow || a->ip.value > (limit - frac) / scale)
		return NUM_RANGE;
	mag = a->ip.value * scale + frac;
	if (!neg)
		*out = (int64_t)mag;
	else if (mag == (uint64_t)INT64_MAX + 1)
		*out = INT64_MIN;
	else
		*out = -(int64_t)mag;
	return NUM_OK;
}

/* The grammar shared by money_parse() and qty_parse(); see num.h. */
static enum num_err
parse_amount(
    const char *s, int places, int money, int allow_negative, int64_t *out)
{
	struct amount a;
	const char *p = s;
	int neg, zero;

	assert(s != NULL && out != NULL);
	skip_space(&p);
	if (peek(p, NULL) == CP_END)
		return NUM_EMPTY;
	neg = read_prefix(&p, money);
	if (!read_decimal(&p, &a))
		return NUM_SYNTAX;
	skip_space(&p);
	if (money && read_unit(&p))
		skip_space(&p);
	if (peek(p, NULL) != CP_END)
		return NUM_SYNTAX;
	if (a.nfrac > places)
		return NUM_PRECISION;
	zero = a.ip.value == 0 && a.fp.value == 0;
	if (neg && zero)
		neg = 0; /* "-0" is zero, not a negative */
	if (neg && !allow_negative)
		return NUM_NEGATIVE;
	return amount_value(&a, places, neg, out);
}

enum num_err
money_parse(const char *s, int allow_negative, int64_t *out)
{
	return parse_amount(s, 2, 1, allow_negative, out);
}

enum num_err
qty_parse(const char *s, int allow_negative, int64_t *out)
{
	return parse_amount(s, 3, 0, allow_negative, out);
}

char *
money_format(int64_t fen, char *buf, size_t n)
{
	uint64_t m = magnitude(fen);

	assert(buf != NULL && n > 0);
	snprintf(buf, n, "%s%" PRIu64 ".%02u", fen < 0 ? "-" : "", m / 100,
	    (unsigned)(m % 100));
	return buf;
}

char *
money_format_grouped(int64_t fen, char *buf, size_t n)
{
	char digits[24], out[NUM_FMT_SIZE];
	uint64_t m = magnitude(fen);
	size_t len, i, o = 0;

	assert(buf != NULL && n > 0);
	snprintf(digits, sizeof digits, "%" PRIu64, m / 100);
	len = strlen(digits);
	if (fen < 0)
		out[o++] = '-';
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	snprintf(out + o, sizeof out - o, ".%02u", (unsigned)(m % 100));
	snprintf(buf, n, "%s", out);
	return buf;
}

char *
qty_format(int64_t q, char *buf, size_t n)
{
	char frac[5];
	uint64_t m = magnitude(q);
	unsigned f = (unsigned)(m % 1000);
	int len;

	assert(buf != NULL && n > 0);
	frac[0] = '.';
	frac[1] = '0' + f / 100;
	frac[2] = '0' + f / 10 % 10;
	frac[3] = '0' + f % 10;
	for (len = 4; len > 1 && frac[len - 1] == '0'; len--)
		continue;
	frac[len == 1 ? 0 : len] = '\0'; /* no decimals: no '.' either */
	snprintf(buf, n, "%s%" PRIu64 "%s", q < 0 ? "-" : "", m / 1000, frac);
	return buf;
}

/*
 * Split each factor into thousands and a remainder (C division truncates,
 * so both parts keep the factor's sign):
 *
 *	f * q / 1000 = fa*qa*1000 + fa*qb + fb*qa + fb*qb/1000
 *
 * Only the last term has a fraction, and it is small (|fb*qb| < 10^6).
 * Every nonzero term has the sign of the product, so a partial sum that
 * overflows means the total does too: the checks never fire falsely.
 * This avoids __int128, which 32-bit ARM boards do not have.
 */
enum num_err
money_mul_qty(int64_t fen_per_unit, int64_t qty_milli, int64_t *out)
{
	int64_t fa = fen_per_unit / 1000, fb = fen_per_unit % 1000;
	int64_t qa = qty_milli / 1000, qb = qty_milli % 1000;
	int64_t t, u, r, whole;

	assert(out != NULL);
	if (__builtin_mul_overflow(fa, qa, &t) ||
	    __builtin_mul_overflow(t, 1000, &t))
		return NUM_RANGE;
	if (__builtin_mul_overflow(fa, qb, &u) ||
	    __builtin_add_overflow(t, u, &t))
		return NUM_RANGE;
	if (__builtin_mul_overflow(fb, qa, &u) ||
	    __builtin_add_overflow(t, u, &t))
		return NUM_RANGE;
	r = fb * qb;
	whole = r / 1000;
	if (r % 1000 >= 500)
		whole++;
	else if (r % 1000 <= -500)
		whole--;
	if (__builtin_add_overflow(t, whole, &t))
		return NUM_RANGE;
	*out = t;
	return NUM_OK;
}

/* Return the number of days in month m (1-12) of year y. */
static int
days_in_month(int y, int m)
{
	static const int days[] = {
	    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

/* Return whether w is on the calendar in years 0001..9999. */
static int
when_valid(const struct when *w)
{
	if (w->y < 1 || w->y > 9999 || w->m < 1 || w->m > 12)
		return 0;
	if (w->d < 1 || w->d > days_in_month(w->y, w->m))
		return 0;
	return w->hh >= 0 && w->hh < 24 && w->mi >= 0 && w->mi < 60 &&
	       w->ss >= 0 && w->ss < 60;
}

/* Read a group of digits as an int; return how many digits there were. */
static int
read_group(const char **pp, int *v)
{
	struct digits d = {0, 0};
	int n;

	n = digit_run(pp, &d);
	*v = n <= 4 ? (int)d.value : 0;
	return n;
}

/*
 * Read the separator after a date group and return it, or 0.  '-', '/'
 * and '.' must touch the digits; '年' and '月' may have spaces either
 * side, since people and IMEs put them there.
 */
static uint32_t
read_sep(const char **pp)
{
	const char *q = *pp, *next;
	uint32_t c;

	if (skip_space(&q) == 0) {
		c = peek(q, &next);
		if (c == '-' || c == '/' || c == '.') {
			*pp = next;
			return c;
		}
	}
	c = peek(q, &next);
	if (c != CP_NIAN && c != CP_YUE)
		return 0;
	skip_space(&next);
	*pp = next;
	return c;
}

/*
 * Read the date part at *pp into w.  Returns NUM_SYNTAX, NUM_OK, or
 * NUM_AMBIGUOUS for a well-formed date whose year does not come first in
 * 4 digits; the caller reports that only if the rest parses.  *closed is
 * set if the date ended in '日', after which a time needs no space.
 */
static enum num_err
read_date(const char **pp, struct when *w, int *closed)
{
	const char *q;
	uint32_t sep, sep2;
	int l1, l2, l3, cjk;

	*closed = 0;
	l1 = read_group(pp, &w->y);
	sep = read_sep(pp);
	if (l1 == 0 || sep == 0 || sep == CP_YUE)
		return NUM_SYNTAX;
	cjk = sep == CP_NIAN;
	l2 = read_group(pp, &w->m);
	sep2 = read_sep(pp);
	if (l2 == 0 || sep2 != (cjk ? CP_YUE : sep))
		return NUM_SYNTAX;
	if ((l3 = read_group(pp, &w->d)) == 0)
		return NUM_SYNTAX;
	q = *pp;
	skip_space(&q);
	if (cjk && accept(&q, CP_RI)) {
		*pp = q;
		*closed = 1;
	}
	if (l1 == 4 && l2 <= 2 && l3 <= 2)
		return NUM_OK;
	/* 26年3月5日: the order is clear but the century is not. */
	if (cjk && l1 <= 2 && l2 <= 2 && l3 <= 2)
		return NUM_AMBIGUOUS;
	if (!cjk && l1 <= 2 && l2 <= 2 && (l3 == 2 || l3 == 4))
		return NUM_AMBIGUOUS;
	return NUM_SYNTAX;
}

/*
 * Read an optional time " H:MM", " H:MM:SS" or "THH:MM:SS" at *pp into
 * w, and the spaces after it.  A missing time or seconds is zero.
 */
static enum num_err
read_time(const char **pp, struct when *w, int closed)
{
	const char *q = *pp;
	int spaces, lh;

	w->hh = w->mi = w->ss = 0;
	spaces = skip_space(&q);
	if (peek(q, NULL) == CP_END) {
		*pp = q;
		return NUM_OK;
	}
	if (spaces == 0 && !accept(&q, 'T') && !closed)
		return NUM_SYNTAX;
	lh = read_group(&q, &w->hh);
	if (lh < 1 || lh > 2 || !accept(&q, ':') || read_group(&q, &w->mi) != 2)
		return NUM_SYNTAX;
	if (accept(&q, ':') && read_group(&q, &w->ss) != 2)
		return NUM_SYNTAX;
	skip_space(&q);
	*pp = q;
	return NUM_OK;
}

/* The grammar shared by date_parse() and datetime_parse(); see num.h. */
static enum num_err
parse_when(const char *s, struct when *w)
{
	const char *p = s;
	enum num_err verdict, e;
	int closed;

	assert(s != NULL);
	skip_space(&p);
	if (peek(p, NULL) == CP_END)
		return NUM_EMPTY;
	verdict = read_date(&p, w, &closed);
	if (verdict == NUM_SYNTAX)
		return verdict;
	if ((e = read_time(&p, w, closed)) != NUM_OK)
		return e;
	if (peek(p, NULL) != CP_END)
		return NUM_SYNTAX;
	if (verdict != NUM_OK)
		return verdict;
	return when_valid(w) ? NUM_OK : NUM_RANGE;
}

/* Write v (0 <= v < 10^width) as width digits at p; return the end.
 * Every order line of an import goes through here: no snprintf. */
static char *
put_digits(char *p, int v, int width)
{
	for (int i = width - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + width;
}

/* "YYYY-MM-DD" (DATE_SIZE with the NUL) at buf, from a valid w; with
 * time, " HH:MM:SS" after it. */
static void
when_format(const struct when *w, int with_time, char *buf)
{
	char *p = put_digits(buf, w->y, 4);

	*p++ = '-';
	p = put_digits(p, w->m, 2);
	*p++ = '-';
	p = put_digits(p, w->d, 2);
	if (with_time) {
		*p++ = ' ';
		p = put_digits(p, w->hh, 2);
		*p++ = ':';
		p = put_digits(p, w->mi, 2);
		*p++ = ':';
		p = put_digits(p, w->ss, 2);
	}
	*p = '\0';
}

/* Read s by the grammar into buf, formatted with or without the time;
 * buf gets "" on an error. */
static enum num_err
parse_format(const char *s, int with_time, char *buf)
{
	struct when w;
	enum num_err e;

	if ((e = parse_when(s, &w)) != NUM_OK) {
		buf[0] = '\0';
		return e;
	}
	when_format(&w, with_time, buf);
	return NUM_OK;
}

enum num_err
date_parse(const char *s, char *buf, size_t n)
{
	assert(buf != NULL && n >= DATE_SIZE);
	(void)n; /* the size is only asserted */
	return parse_format(s, 0, buf);
}

/*
 * Read s into w if it is exactly pattern: 'd' a digit, anything else
 * itself, each run of digits the next of year, month, day, hour, minute,
 * second (those not in the pattern are 0).  Return whether it is, and a
 * valid moment.
 */
static int
pattern_scan(const char *s, const char *pattern, struct when *w)
{
	int v[6] = {0, 0, 0, 0, 0, 0}, k = 0, i;

	assert(s != NULL);
	for (i = 0; pattern[i] != '\0'; i++) {
		if (pattern[i] != 'd') {
			if (s[i] != pattern[i])
				return 0;
			k++;
		} else if (s[i] >= '0' && s[i] <= '9')
			v[k] = v[k] * 10 + (s[i] - '0');
		else
			return 0;
	}
	if (s[i] != '\0')
		return 0;
	w->y = v[0];
	w->m = v[1];
	w->d = v[2];
	w->hh = v[3];
	w->mi = v[4];
	w->ss = v[5];
	return when_valid(w);
}

/* Read canonical ISO "YYYY-MM-DD" into w; return whether it is one. */
static int
iso_scan(const char *s, struct when *w)
{
	return pattern_scan(s, "dddd-dd-dd", w);
}

enum num_err
datetime_parse(const char *s, char *buf, size_t n)
{
	struct when w;

	assert(buf != NULL && n >= DATETIME_SIZE);
	(void)n; /* the size is only asserted */
	/* The form shops and our own exports write, read without the whole
	 * grammar: every line of an orders import comes here.  Anything
	 * else, or out of range, takes the grammar, which says why. */
	if (pattern_scan(s, "dddd-dd-dd dd:dd:dd", &w)) {
		when_format(&w, 1, buf);
		return NUM_OK;
	}
	return parse_format(s, 1, buf);
}

int
date_is_iso(const char *s)
{
	struct when w;

	return iso_scan(s, &w);
}

/* Days since 1970-01-01 of a valid date (Hinnant's days_from_civil). */
static long
days_from_civil(const struct when *w)
{
	long y = w->y - (w->m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	unsigned long yoe = (unsigned long)(y - era * 400);
	unsigned long mp = w->m > 2 ? w->m - 3 : w->m + 9;
	unsigned long doy = (153 * mp + 2) / 5 + w->d - 1;
	unsigned long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + (long)doe - 719468;
}

/* The date z days after 1970-01-01 (Hinnant's civil_from_days). */
static void
civil_from_days(long z, struct when *w)
{
	long era, y;
	unsigned long doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned long)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	w->d = (int)(doy - (153 * mp + 2) / 5 + 1);
	w->m = (int)(mp < 10 ? mp + 3 : mp - 9);
	w->y = (int)(y + (w->m <= 2));
	w->hh = w->mi = w->ss = 0;
}

/*
 * Read a date that the caller promised is ISO.  Under NDEBUG a broken
 * promise yields 1970-01-01 rather than uninitialised fields.
 */
static long
iso_days(const char *s)
{
	struct when w;

	if (!iso_scan(s, &w)) {
		assert(!"not a canonical ISO date");
		return 0;
	}
	return days_from_civil(&w);
}

long
date_diff_days(const char *a, const char *b)
{
	return iso_days(b) - iso_days(a);
}

char *
date_add_days(const char *a, long days, char *buf, size_t n)
{
	struct when w;
	long base = iso_days(a);

	assert(buf != NULL && n >= DATE_SIZE);
	/* Compared this way round, no sum can overflow a long. */
	assert(days >= DAY_FIRST - base && days <= DAY_LAST - base);
	if (days < DAY_FIRST - base) /* NDEBUG: clamp, never overflow */
		days = DAY_FIRST - base;
	else if (days > DAY_LAST - base)
		days = DAY_LAST - base;
	civil_from_days(base + days, &w);
	snprintf(buf, n, "%04d-%02d-%02d", w.y, w.m, w.d);
	return buf;
}

char *
date_today(char *buf, size_t n)
{
	time_t now = time(NULL);
	struct tm tm;

	assert(buf != NULL && n >= DATE_SIZE);
	if (now == (time_t)-1 || localtime_r(&now, &tm) == NULL ||
	    strftime(buf, n, "%Y-%m-%d", &tm) == 0)
		fatal("cannot read today's date from the system clock");
	return buf;
}
