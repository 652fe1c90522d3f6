/*
 * text.c - see text.h.
 *
 * Everything here works on UTF-8 bytes one code point at a time through
 * utf8_decode(); there is no wchar_t, no mbstate and no setlocale(), so
 * the results are the same on a clerk's PC, in cron and in the tests.
 *
 * Widths come from two sorted range tables searched by bisection.  The
 * wide table holds the East Asian Width W and F ranges that matter for
 * Chinese text and emoji (checked against glibc 2.36's wcwidth); the
 * zero-width table holds combining marks of the scripts a Chinese
 * cooperative meets (Latin, Arabic for Uyghur and Kazakh, Tibetan,
 * Mongolian, Thai, Hangul jamo) and the format characters.
 * Zero-width is checked first because a few combining marks (U+302A-302D,
 * U+3099-309A) sit inside wide blocks.  A character in neither table is 1
 * column; a wrong guess shifts the rest of one row, nothing worse.
 *
 * text_sanitize() is the security boundary.  It replaces rather than
 * deletes so that a clerk can see that a name held something odd, and
 * it replaces every byte of an invalid sequence separately so that no
 * input byte ever reaches the terminal unexamined.
 */
#include <config.h>

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/fatal.h"
#include "util/text.h"
#include "util/xalloc.h"

#define CP_REPLACEMENT 0xFFFDu
#define CP_PICTURE_BASE 0x2400u /* U+2400 SYMBOL FOR NULL ... */
#define CP_PICTURE_DEL 0x2421u
#define CP_MAX 0x10FFFFu
#define CP_IDEO_SPACE 0x3000u

struct cp_range {
	uint32_t first;
	uint32_t last;
};

/* Combining marks and format characters: 0 columns. */
/* clang-format off */
static const struct cp_range zero_width[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
	{ 0x05BF, 0x05BF }, { 0x05C1, 0x05C2 }, { 0x05C4, 0x05C5 },
	{ 0x05C7, 0x05C7 }, { 0x0610, 0x061A }, { 0x061C, 0x061C },
	{ 0x064B, 0x065F }, { 0x0670, 0x0670 }, { 0x06D6, 0x06DC },
	{ 0x06DF, 0x06E4 }, { 0x06E7, 0x06E8 }, { 0x06EA, 0x06ED },
	{ 0x0711, 0x0711 }, { 0x0730, 0x074A }, { 0x08CA, 0x08E1 },
	{ 0x08E3, 0x08FF }, { 0x0900, 0x0902 }, { 0x093A, 0x093A },
	{ 0x093C, 0x093C }, { 0x0941, 0x0948 }, { 0x094D, 0x094D },
	{ 0x0951, 0x0957 }, { 0x0962, 0x0963 }, { 0x0E31, 0x0E31 },
	{ 0x0E34, 0x0E3A }, { 0x0E47, 0x0E4E }, { 0x0EB1, 0x0EB1 },
	{ 0x0EB4, 0x0EBC }, { 0x0EC8, 0x0ECD }, { 0x0F18, 0x0F19 },
	{ 0x0F35, 0x0F35 }, { 0x0F37, 0x0F37 }, { 0x0F39, 0x0F39 },
	{ 0x0F71, 0x0F7E }, { 0x0F80, 0x0F84 }, { 0x0F86, 0x0F87 },
	{ 0x0F8D, 0x0F97 }, { 0x0F99, 0x0FBC }, { 0x0FC6, 0x0FC6 },
	{ 0x1160, 0x11FF }, { 0x180B, 0x180F }, { 0x1885, 0x1886 },
	{ 0x18A9, 0x18A9 }, { 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF },
	{ 0x200B, 0x200F }, { 0x202A, 0x202E }, { 0x2060, 0x2064 },
	{ 0x2066, 0x206F }, { 0x20D0, 0x20F0 }, { 0x302A, 0x302D },
	{ 0x3099, 0x309A }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F },
	{ 0xFEFF, 0xFEFF }, { 0xE0001, 0xE0001 }, { 0xE0020, 0xE007F },
	{ 0xE0100, 0xE01EF },
};
/* clang-format on */

/*
 * East Asian Wide and Fullwidth: 2 columns.  In the emoji blocks only the
 * emoji-presentation characters are wide: a terminal draws U+1F321 (a
 * thermometer, text presentation) in one column, and counting it as two
 * would leave the row a column short.
 */
/* clang-format off */
static const struct cp_range wide[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A },
	{ 0x23E9, 0x23EC }, { 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 },
	{ 0x25FD, 0x25FE }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
	{ 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 },
	{ 0x26CE, 0x26CE }, { 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA },
	{ 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 }, { 0x26FA, 0x26FA },
	{ 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF }, { 0x2B1B, 0x2B1C },
	{ 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x303E },
	{ 0x3041, 0x33FF }, { 0x3400, 0x9FFF }, { 0xA000, 0xA4CF },
	{ 0xA960, 0xA97F }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF },
	{ 0xFE10, 0xFE19 }, { 0xFE30, 0xFE52 }, { 0xFE54, 0xFE66 },
	{ 0xFE68, 0xFE6B }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 },
	{ 0x16FE0, 0x16FE3 }, { 0x16FF0, 0x16FF1 }, { 0x17000, 0x18CFF },
	{ 0x18D00, 0x18D7F }, { 0x1AFF0, 0x1AFFF }, { 0x1B000, 0x1B2FF },
	{ 0x1F004, 0x1F004 }, { 0x1F0CF, 0x1F0CF }, { 0x1F18E, 0x1F18E },
	{ 0x1F191, 0x1F19A }, { 0x1F200, 0x1F202 }, { 0x1F210, 0x1F23B },
	{ 0x1F240, 0x1F248 }, { 0x1F250, 0x1F251 }, { 0x1F260, 0x1F265 },
	{ 0x1F300, 0x1F320 }, { 0x1F32D, 0x1F335 }, { 0x1F337, 0x1F37C },
	{ 0x1F37E, 0x1F393 }, { 0x1F3A0, 0x1F3CA }, { 0x1F3CF, 0x1F3D3 },
	{ 0x1F3E0, 0x1F3F0 }, { 0x1F3F4, 0x1F3F4 }, { 0x1F3F8, 0x1F43E },
	{ 0x1F440, 0x1F440 }, { 0x1F442, 0x1F4FC }, { 0x1F4FF, 0x1F53D },
	{ 0x1F54B, 0x1F54E }, { 0x1F550, 0x1F567 }, { 0x1F57A, 0x1F57A },
	{ 0x1F595, 0x1F596 }, { 0x1F5A4, 0x1F5A4 }, { 0x1F5FB, 0x1F64F },
	{ 0x1F680, 0x1F6C5 }, { 0x1F6CC, 0x1F6CC }, { 0x1F6D0, 0x1F6D2 },
	{ 0x1F6D5, 0x1F6D7 }, { 0x1F6DC, 0x1F6DF }, { 0x1F6EB, 0x1F6EC },
	{ 0x1F6F4, 0x1F6FC }, { 0x1F7E0, 0x1F7EB }, { 0x1F7F0, 0x1F7F0 },
	{ 0x1F90C, 0x1F93A }, { 0x1F93C, 0x1F945 }, { 0x1F947, 0x1F9FF },
	{ 0x1FA70, 0x1FAFF }, { 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
};
/* clang-format on */

/*
 * Code points that are not controls but still change what the terminal
 * shows elsewhere: bidi overrides reorder the rest of the line (a name
 * "abc<RLO>gpj.exe" reads "abcexe.jpg"), and the separators break lines.
 */
/* clang-format off */
static const struct cp_range unsafe[] = {
	{ 0x061C, 0x061C }, { 0x200E, 0x200F }, { 0x2028, 0x202E },
	{ 0x2066, 0x2069 },
};
/* clang-format on */

/* Return 1 if cp lies in one of the n sorted, disjoint ranges of t. */
static int
in_ranges(uint32_t cp, const struct cp_range *t, size_t n)
{
	size_t lo = 0, hi = n, mid;

	if (n == 0 || cp < t[0].first || cp > t[n - 1].last)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < t[mid].first)
			hi = mid;
		else if (cp > t[mid].last)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

size_t
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t len, i;

	if (n == 0)
		return 0;
	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	/* C0 and C1 can only start overlong forms; F5-FF only > U+10FFFF. */
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > CP_MAX || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	/* Encoding a surrogate would hand invalid UTF-8 to the caller. */
	if (cp > CP_MAX || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = CP_REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

int
utf8_valid(const char *s, size_t n)
{
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		len = utf8_decode(s + i, n - i, &cp);
		if (len == 0)
			return 0;
		i += len;
	}
	return 1;
}

int
text_cp_width(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return -1;
	if (cp < 0x300) /* Latin scripts: the common case */
		return 1;
	if (in_ranges(
		cp, zero_width, sizeof(zero_width) / sizeof(zero_width[0])))
		return 0;
	if (in_ranges(cp, wide, sizeof(wide) / sizeof(wide[0])))
		return 2;
	return 1;
}

/* Return the code point to print instead of cp, or 0 if cp is safe. */
static uint32_t
placeholder(uint32_t cp)
{
	if (cp < 0x20)
		return CP_PICTURE_BASE + cp;
	if (cp == 0x7F)
		return CP_PICTURE_DEL;
	if (cp >= 0x80 && cp <= 0x9F)
		return CP_REPLACEMENT;
	if (in_ranges(cp, unsafe, sizeof(unsafe) / sizeof(unsafe[0])))
		return CP_REPLACEMENT;
	return 0;
}

char *
text_sanitize(const char *s, size_t n)
{
	char *out, *p;
	size_t i = 0, len;
	uint32_t cp, ph;

	if (s == NULL)
		n = 0;
	/* A byte grows to at most 3 (a placeholder); longer input is absurd. */
	if (n > (SIZE_MAX - 1) / 3)
		fatal("text_sanitize: %zu bytes is too long", n);
	out = p = xmalloc(n * 3 + 1);
	while (i < n) {
		len = utf8_decode(s + i, n - i, &cp);
		if (len == 0) {
			p += utf8_encode(CP_REPLACEMENT, p);
			i++;
			continue;
		}
		ph = placeholder(cp);
		if (ph != 0)
			p += utf8_encode(ph, p);
		else {
			memcpy(p, s + i, len);
			p += len;
		}
		i += len;
	}
	*p = '\0';
	/* Give back the worst-case slack; callers may keep the string. */
	return xrealloc(out, (size_t)(p - out) + 1);
}

char *
text_sanitize_str(const char *s)
{
	if (s == NULL)
		return xstrdup("");
	return text_sanitize(s, strlen(s));
}

/*
 * Measure the code point at s (n > 0 bytes): return its length in bytes
 * (at least 1, so callers always advance) and store its width in *width.
 * Invalid bytes and controls count as 1, the width of their placeholder.
 */
static size_t
next_char(const char *s, size_t n, int *width)
{
	uint32_t cp;
	size_t len;

	len = utf8_decode(s, n, &cp);
	if (len == 0) {
		*width = 1;
		return 1;
	}
	*width = text_cp_width(cp);
	if (*width < 0)
		*width = 1;
	return len;
}

int
text_width(const char *s)
{
	size_t n, i = 0;
	int w = 0, cw;

	if (s == NULL)
		return 0;
	n = strlen(s);
	while (i < n) {
		i += next_char(s + i, n - i, &cw);
		if (w > INT_MAX - cw)
			return INT_MAX;
		w += cw;
	}
	return w;
}

size_t
text_prefix_bytes(const char *s, int width)
{
	size_t n, i = 0, len;
	int w = 0, cw;

	if (s == NULL || width < 0)
		return 0;
	n = strlen(s);
	while (i < n) {
		len = next_char(s + i, n - i, &cw);
		if (cw > width - w)
			break;
		w += cw;
		i += len;
	}
	return i;
}

/* Write n spaces at p and return the position after them. */
static char *
put_spaces(char *p, int n)
{
	if (n > 0) {
		memset(p, ' ', (size_t)n);
		p += n;
	}
	return p;
}

char *
text_fit(const char *s, int width, enum text_align align, int ellipsis)
{
	char *clean, *out, *p;
	size_t keep;
	int room, pad, cut;

	if (width <= 0)
		return xstrdup("");
	clean = text_sanitize_str(s);
	cut = text_width(clean) > width;
	room = (cut && ellipsis) ? width - 1 : width;
	keep = text_prefix_bytes(clean, room);
	clean[keep] = '\0';
	/* What is left is the right padding, or the hole of a wide char. */
	pad = room - text_width(clean);

	out = p = xmalloc(keep + (size_t)pad + 2);
	if (align == TEXT_RIGHT)
		p = put_spaces(p, pad);
	memcpy(p, clean, keep);
	p += keep;
	if (align != TEXT_RIGHT)
		p = put_spaces(p, pad);
	if (cut && ellipsis)
		*p++ = '~';
	*p = '\0';
	free(clean);
	return out;
}

char *
text_fold(const char *s)
{
	char *out, *p;
	size_t n, i = 0, len;
	uint32_t cp;

	if (s == NULL)
		return xstrdup("");
	n = strlen(s);
	out = p = xmalloc(n + 1); /* folding never lengthens */
	while (i < n) {
		len = utf8_decode(s + i, n - i, &cp);
		if (len == 0) {
			/* Not our job to repair: search must match the data. */
			*p++ = s[i++];
			continue;
		}
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFF01 - 0x21;
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		if (cp < 0x80)
			*p++ = (char)cp;
		else {
			memcpy(p, s + i, len);
			p += len;
		}
		i += len;
	}
	*p = '\0';
	return out;
}

/* Return 1 if c is ASCII whitespace; isspace() would depend on locale. */
static int
is_ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	       c == '\r';
}

/* Return the length of the blank (ASCII space or U+3000) at s, or 0. */
static size_t
blank_at(const char *s, size_t n)
{
	uint32_t cp;

	if (n > 0 && is_ascii_space(s[0]))
		return 1;
	if (utf8_decode(s, n, &cp) == 3 && cp == CP_IDEO_SPACE)
		return 3;
	return 0;
}

/* Where the text of s (n bytes) starts and ends without its blanks. */
static void
trim_bounds(const char *s, size_t n, size_t *startp, size_t *endp)
{
	size_t start = 0, end = n, len;

	while ((len = blank_at(s + start, end - start)) > 0)
		start += len;
	/*
	 * From the end: E3 is a lead byte, never a continuation, so three
	 * bytes E3 80 80 at the end are a whole U+3000.
	 */
	while (end > start) {
		if (is_ascii_space(s[end - 1]))
			end--;
		else if (end - start >= 3 && blank_at(s + end - 3, 3) == 3)
			end -= 3;
		else
			break;
	}
	*startp = start;
	*endp = end;
}

char *
text_trim(const char *s)
{
	size_t start, end;

	if (s == NULL)
		return xstrdup("");
	trim_bounds(s, strlen(s), &start, &end);
	return xstrndup(s + start, end - start);
}

char *
text_trim_in_place(char *s)
{
	size_t start, end;

	trim_bounds(s, strlen(s), &start, &end);
	if (start > 0)
		memmove(s, s + start, end - start);
	s[end - start] = '\0';
	return s;
}
