/*
 * test_text.c - unit tests for util/text.c.
 *
 * Expected output is written as exact bytes: the placeholders are spelled
 * out in hex below (with the glyph in a comment) because several control
 * pictures look alike in an editor and the point is to prove which bytes
 * reach the terminal.  Every sanitize and fit test also checks the safety
 * promise itself (valid UTF-8, no control byte, no C1, no bidi), and a
 * seeded fuzz test checks it over many hostile byte soups.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "util/text.h"
#include "util/xalloc.h"

#define PIC_NUL "\xE2\x90\x80" /* ␀ U+2400 */
#define PIC_BEL "\xE2\x90\x87" /* ␇ U+2407 */
#define PIC_BS "\xE2\x90\x88"  /* ␈ U+2408 */
#define PIC_HT "\xE2\x90\x89"  /* ␉ U+2409 */
#define PIC_LF "\xE2\x90\x8A"  /* ␊ U+240A */
#define PIC_CR "\xE2\x90\x8D"  /* ␍ U+240D */
#define PIC_ESC "\xE2\x90\x9B" /* ␛ U+241B */
#define PIC_DEL "\xE2\x90\xA1" /* ␡ U+2421 */
#define FFFD "\xEF\xBF\xBD"    /* � U+FFFD */

/* Return 1 for the code points text_sanitize() promises to remove. */
static int
is_bidi_or_separator(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Fail unless s keeps every promise text_sanitize() makes. */
static void
assert_safe(const char *s)
{
	size_t n = strlen(s), i, len;
	uint32_t cp;

	assert_true(utf8_valid(s, n));
	for (i = 0; i < n; i++) {
		assert_true((unsigned char)s[i] >= 0x20);
		assert_true((unsigned char)s[i] != 0x7F);
	}
	for (i = 0; i < n; i += len) {
		len = utf8_decode(s + i, n - i, &cp);
		assert_true(len > 0);
		assert_false(cp >= 0x80 && cp <= 0x9F);
		assert_false(is_bidi_or_separator(cp));
	}
}

/* Sanitize n bytes of in and require exactly want, and safety. */
static void
check_sanitize(const char *in, size_t n, const char *want)
{
	char *got = text_sanitize(in, n);

	assert_string_equal(got, want);
	assert_safe(got);
	free(got);
}

/* As check_sanitize() for a NUL-terminated input. */
static void
check_sanitize_str(const char *in, const char *want)
{
	check_sanitize(in, strlen(in), want);
}

/* Fit s and require exactly want, exactly width columns, and safety. */
static void
check_fit(const char *s, int width, enum text_align align, int ellipsis,
    const char *want)
{
	char *got = text_fit(s, width, align, ellipsis);

	assert_string_equal(got, want);
	assert_int_equal(text_width(got), width > 0 ? width : 0);
	assert_safe(got);
	free(got);
}

/* Require that fn(in) returns exactly want. */
static void
check_copy(char *(*fn)(const char *), const char *in, const char *want)
{
	char *got = fn(in);

	assert_string_equal(got, want);
	free(got);
}

/* --- utf8_decode / utf8_encode / utf8_valid ----------------------------- */

static void
test_decode_ascii(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 0x41);
	assert_int_equal(utf8_decode("", 1, &cp), 1); /* the NUL */
	assert_int_equal(cp, 0);
	assert_int_equal(utf8_decode("A", 0, &cp), 0);
}

static void
test_decode_multibyte(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(utf8_decode("\xC3\xA9", 2, &cp), 2); /* é */
	assert_int_equal(cp, 0xE9);
	assert_int_equal(utf8_decode("\xE7\x8E\x8B", 3, &cp), 3); /* 王 */
	assert_int_equal(cp, 0x738B);
	assert_int_equal(utf8_decode("王芳", 6, &cp), 3);
	assert_int_equal(cp, 0x738B);
}

static void
test_decode_four_byte_ext_b(void **state)
{
	uint32_t cp;

	(void)state;
	/* 𠮷, a surname character outside the BMP, in GB18030 */
	assert_int_equal(utf8_decode("\xF0\xA0\xAE\xB7", 4, &cp), 4);
	assert_int_equal(cp, 0x20BB7);
	assert_int_equal(utf8_decode("\xF4\x8F\xBF\xBF", 4, &cp), 4);
	assert_int_equal(cp, 0x10FFFF);
}

static void
test_decode_overlong(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(utf8_decode("\xC0\xAF", 2, &cp), 0); /* '/' */
	assert_int_equal(utf8_decode("\xC1\xBF", 2, &cp), 0);
	assert_int_equal(utf8_decode("\xE0\x80\xAF", 3, &cp), 0);
	assert_int_equal(utf8_decode("\xE0\x9F\xBF", 3, &cp), 0);
	assert_int_equal(utf8_decode("\xF0\x80\x80\xAF", 4, &cp), 0);
	assert_int_equal(utf8_decode("\xF0\x8F\xBF\xBF", 4, &cp), 0);
	/* the smallest legal forms still decode */
	assert_int_equal(utf8_decode("\xC2\x80", 2, &cp), 2);
	assert_int_equal(cp, 0x80);
	assert_int_equal(utf8_decode("\xE0\xA0\x80", 3, &cp), 3);
	assert_int_equal(cp, 0x800);
	assert_int_equal(utf8_decode("\xF0\x90\x80\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x10000);
}

static void
test_decode_surrogate(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), 0);
	assert_int_equal(utf8_decode("\xED\xBF\xBF", 3, &cp), 0);
	assert_int_equal(utf8_decode("\xED\x9F\xBF", 3, &cp), 3);
	assert_int_equal(cp, 0xD7FF);
	assert_int_equal(utf8_decode("\xEE\x80\x80", 3, &cp), 3);
	assert_int_equal(cp, 0xE000);
}

static void
test_decode_truncated(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(utf8_decode("\xE7\x8E", 2, &cp), 0);
	assert_int_equal(utf8_decode("\xF0\xA0\xAE", 3, &cp), 0);
	assert_int_equal(utf8_decode("\xC3", 1, &cp), 0);
	/* n is the limit even when more bytes follow */
	assert_int_equal(utf8_decode("\xE7\x8E\x8B", 2, &cp), 0);
	/* a sequence broken by a non-continuation byte */
	assert_int_equal(utf8_decode("\xE7"
				     "A\x8B",
			     3, &cp),
	    0);
	assert_int_equal(utf8_decode("\xE7\x8E", 3, &cp), 0); /* NUL */
}

static void
test_decode_invalid_bytes(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(utf8_decode("\x80", 1, &cp), 0);
	assert_int_equal(utf8_decode("\xBF", 1, &cp), 0);
	assert_int_equal(utf8_decode("\xFF", 1, &cp), 0);
	assert_int_equal(utf8_decode("\xFE", 1, &cp), 0);
	assert_int_equal(utf8_decode("\xF5\x80\x80\x80", 4, &cp), 0);
	assert_int_equal(utf8_decode("\xF4\x90\x80\x80", 4, &cp), 0);
}

static void
test_encode_exact_bytes(void **state)
{
	char buf[4];

	(void)state;
	assert_int_equal(utf8_encode(0x41, buf), 1);
	assert_memory_equal(buf, "A", 1);
	assert_int_equal(utf8_encode(0xE9, buf), 2);
	assert_memory_equal(buf, "\xC3\xA9", 2);
	assert_int_equal(utf8_encode(0x738B, buf), 3);
	assert_memory_equal(buf, "\xE7\x8E\x8B", 3);
	assert_int_equal(utf8_encode(0x20BB7, buf), 4);
	assert_memory_equal(buf, "\xF0\xA0\xAE\xB7", 4);
}

static void
test_encode_invalid_gives_fffd(void **state)
{
	char buf[4];

	(void)state;
	assert_int_equal(utf8_encode(0xD800, buf), 3);
	assert_memory_equal(buf, FFFD, 3);
	assert_int_equal(utf8_encode(0xDFFF, buf), 3);
	assert_memory_equal(buf, FFFD, 3);
	assert_int_equal(utf8_encode(0x110000, buf), 3);
	assert_memory_equal(buf, FFFD, 3);
	assert_int_equal(utf8_encode(0xFFFFFFFF, buf), 3);
	assert_memory_equal(buf, FFFD, 3);
}

static void
test_encode_decode_round_trip(void **state)
{
	static const uint32_t cps[] = {
	    0x00,
	    0x41,
	    0x7F,
	    0x80,
	    0xE9,
	    0x7FF,
	    0x800,
	    0x3000,
	    0x738B,
	    0x82B3,
	    0xD7FF,
	    0xE000,
	    0xFF21,
	    0xFFFD,
	    0xFFFF,
	    0x10000,
	    0x1F600,
	    0x20BB7,
	    0x2A6D6,
	    0x10FFFF,
	};
	size_t i, len;
	uint32_t cp;
	char buf[4];

	(void)state;
	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		len = utf8_encode(cps[i], buf);
		assert_int_equal(len, cps[i] < 0x80      ? 1
				      : cps[i] < 0x800   ? 2
				      : cps[i] < 0x10000 ? 3
							 : 4);
		assert_int_equal(utf8_decode(buf, len, &cp), len);
		assert_int_equal(cp, cps[i]);
		assert_true(utf8_valid(buf, len));
	}
}

static void
test_valid(void **state)
{
	(void)state;
	assert_true(utf8_valid("", 0));
	assert_true(utf8_valid("王芳 abc 𠮷", strlen("王芳 abc 𠮷")));
	assert_true(utf8_valid("a\0b", 3));
	assert_false(utf8_valid("\xFF\xFE", 2));
	assert_false(utf8_valid("abc\xE7\x8E", 5));
	assert_false(utf8_valid("\xC0\xAF", 2));
	assert_false(utf8_valid("\xED\xA0\x80", 3));
	/* only the first n bytes count */
	assert_true(utf8_valid("abc\xFF", 3));
}

/* --- widths ----------------------------------------------------------- */

static void
test_cp_width_table(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width('a'), 1);
	assert_int_equal(text_cp_width(0xE9), 1);    /* é */
	assert_int_equal(text_cp_width(0x738B), 2);  /* 王 */
	assert_int_equal(text_cp_width(0x3400), 2);  /* Ext A */
	assert_int_equal(text_cp_width(0x20BB7), 2); /* Ext B */
	assert_int_equal(text_cp_width(0x3000), 2);  /* U+3000 space */
	assert_int_equal(text_cp_width(0x3001), 2);  /* 、 */
	assert_int_equal(text_cp_width(0xFF0C), 2);  /* ， */
	assert_int_equal(text_cp_width(0xAC00), 2);  /* 가 */
	assert_int_equal(text_cp_width(0xD7A4), 1);
	assert_int_equal(text_cp_width(0xA000), 2); /* Yi */
	assert_int_equal(text_cp_width(0xFF61), 1); /* halfwidth */
	assert_int_equal(text_cp_width(0x303F), 1);
	assert_int_equal(text_cp_width(0x0301), 0);
	assert_int_equal(text_cp_width(0x200B), 0);
	assert_int_equal(text_cp_width(0xFE0F), 0); /* VS16 */
	assert_int_equal(text_cp_width(0x302A), 0); /* in a W block */
	assert_int_equal(text_cp_width(0x3099), 0);
	assert_int_equal(text_cp_width(0x1160), 0);
	assert_int_equal(text_cp_width(0x0F71), 0);  /* Tibetan */
	assert_int_equal(text_cp_width(0x064B), 0);  /* Uyghur */
	assert_int_equal(text_cp_width(0x4DC0), 2);  /* ䷀ */
	assert_int_equal(text_cp_width(0x17000), 2); /* Tangut */
	assert_int_equal(text_cp_width(0xFFFD), 1);
	assert_int_equal(text_cp_width(0x241B), 1); /* ␛ */
}

static void
test_cp_width_controls(void **state)
{
	uint32_t cp;

	(void)state;
	for (cp = 0; cp < 0x20; cp++)
		assert_int_equal(text_cp_width(cp), -1);
	for (cp = 0x7F; cp <= 0x9F; cp++)
		assert_int_equal(text_cp_width(cp), -1);
	assert_int_equal(text_cp_width(0xA0), 1);
}

static void
test_width_chinese_name(void **state)
{
	(void)state;
	assert_int_equal(text_width("王芳"), 4);
	assert_int_equal(text_width("大米 25kg"), 9);
	assert_int_equal(text_width("𠮷"), 2);
}

static void
test_width_ascii(void **state)
{
	(void)state;
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width(NULL), 0);
}

static void
test_width_accents(void **state)
{
	(void)state;
	assert_int_equal(text_width("\xC3\xA9"), 1);  /* é, one char */
	assert_int_equal(text_width("e\xCC\x81"), 1); /* e + U+0301 */
	assert_int_equal(text_width("Jose\xCC\x81 Mu\xC3\xB1oz"), 10);
}

static void
test_width_fullwidth(void **state)
{
	(void)state;
	assert_int_equal(text_width("１２３"), 6);
	assert_int_equal(text_width("ＡＢＣ"), 6);
	assert_int_equal(text_width("￥"), 2); /* U+FFE5 */
}

static void
test_width_emoji(void **state)
{
	(void)state;
	assert_int_equal(text_width("\xF0\x9F\x98\x80"), 2); /* 😀 */
	assert_int_equal(text_width("\xF0\x9F\x8D\x9A"), 2); /* 🍚 */
	assert_int_equal(text_width("\xF0\x9F\x9A\x9C"), 2); /* 🚜 */
	assert_int_equal(text_width("\xE2\x9C\x85"), 2);     /* ✅ */
	assert_int_equal(text_width("\xF0\x9F\x9F\xA0"), 2); /* 🟠 */
	/* text-presentation symbols in emoji blocks stay narrow */
	assert_int_equal(text_width("\xF0\x9F\x8C\xA1"), 1); /* 🌡 */
	assert_int_equal(text_width("\xE2\x98\x80"), 1);     /* ☀ */
}

static void
test_width_unsanitized(void **state)
{
	(void)state;
	/* counted as their placeholders would be */
	assert_int_equal(text_width("\x1b[2J"), 4);
	assert_int_equal(text_width("\xFF\xFE"), 2);
}

/* --- text_sanitize ---------------------------------------------------- */

static void
test_sanitize_osc_title(void **state)
{
	(void)state;
	check_sanitize_str("\x1b]0;pwned\x07", PIC_ESC "]0;pwned" PIC_BEL);
}

static void
test_sanitize_osc52_clipboard(void **state)
{
	(void)state;
	check_sanitize_str(
	    "\x1b]52;c;cm0gLXJmIH4=\x07", PIC_ESC "]52;c;cm0gLXJmIH4=" PIC_BEL);
}

static void
test_sanitize_dcs(void **state)
{
	(void)state;
	check_sanitize_str("\x1bP+q544e\x1b\\", PIC_ESC "P+q544e" PIC_ESC "\\");
}

static void
test_sanitize_csi_report(void **state)
{
	(void)state;
	check_sanitize_str("\x1b[6n", PIC_ESC "[6n");
}

static void
test_sanitize_csi_clear(void **state)
{
	(void)state;
	check_sanitize_str("rice\x1b[2J", "rice" PIC_ESC "[2J");
}

static void
test_sanitize_c1_csi(void **state)
{
	(void)state;
	check_sanitize_str("\xC2\x9B"
			   "6n",
	    FFFD "6n");
	check_sanitize_str("\xC2\x9D"
			   "0;x\xC2\x9C",
	    FFFD "0;x" FFFD);
}

static void
test_sanitize_trailing_esc(void **state)
{
	(void)state;
	check_sanitize_str("abc\x1b", "abc" PIC_ESC);
	check_sanitize_str("\x1b", PIC_ESC);
}

static void
test_sanitize_cr_lf(void **state)
{
	(void)state;
	check_sanitize_str("a\rb", "a" PIC_CR "b");
	check_sanitize_str("a\nb", "a" PIC_LF "b");
}

static void
test_sanitize_bs_tab_del(void **state)
{
	(void)state;
	check_sanitize_str("a\bb", "a" PIC_BS "b");
	check_sanitize_str("a\tb", "a" PIC_HT "b");
	check_sanitize_str("a\x7f", "a" PIC_DEL);
}

static void
test_sanitize_rlo(void **state)
{
	(void)state;
	/* would read "invoiceexe.jpg" */
	check_sanitize_str("invoice\xE2\x80\xAE"
			   "gpj.exe",
	    "invoice" FFFD "gpj.exe");
}

static void
test_sanitize_all_bidi_and_separators(void **state)
{
	static const uint32_t cps[] = {
	    0x061C,
	    0x200E,
	    0x200F,
	    0x2028,
	    0x2029,
	    0x202A,
	    0x202B,
	    0x202C,
	    0x202D,
	    0x202E,
	    0x2066,
	    0x2067,
	    0x2068,
	    0x2069,
	};
	char in[8];
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		in[0] = 'x';
		len = utf8_encode(cps[i], in + 1);
		in[1 + len] = 'y';
		check_sanitize(in, len + 2, "x" FFFD "y");
	}
	/* the neighbours are harmless and kept */
	check_sanitize_str("a\xE2\x80\x8B"
			   "b",
	    "a\xE2\x80\x8B"
	    "b");
	check_sanitize_str("a\xE2\x80\x8D"
			   "b",
	    "a\xE2\x80\x8D"
	    "b");
}

static void
test_sanitize_all_c0(void **state)
{
	char in[1], want[4];
	size_t len;
	int c;

	(void)state;
	for (c = 0; c < 0x20; c++) {
		in[0] = (char)c;
		len = utf8_encode(0x2400 + (uint32_t)c, want);
		want[len] = '\0';
		check_sanitize(in, 1, want);
	}
}

static void
test_sanitize_all_c1(void **state)
{
	char in[2];
	uint32_t cp;

	(void)state;
	for (cp = 0x80; cp <= 0x9F; cp++) {
		utf8_encode(cp, in);
		check_sanitize(in, 2, FFFD);
	}
}

static void
test_sanitize_invalid_bytes(void **state)
{
	(void)state;
	check_sanitize_str("\xff\xfe", FFFD FFFD);
	check_sanitize_str("\xC0\xAF", FFFD FFFD); /* no '/' sneaks out */
	check_sanitize_str("\xED\xA0\x80", FFFD FFFD FFFD);
	check_sanitize_str("ok\xE7\x8E", "ok" FFFD FFFD);
	check_sanitize_str("\xE7\x8E"
			   "A",
	    FFFD FFFD "A");
	check_sanitize_str("\x80王", FFFD "王");
}

static void
test_sanitize_embedded_nul(void **state)
{
	(void)state;
	check_sanitize("a\0b", 3, "a" PIC_NUL "b");
	check_sanitize("\0\0", 2, PIC_NUL PIC_NUL);
}

static void
test_sanitize_keeps_text(void **state)
{
	static const char *ok = "王芳 𠮷 Jose\xCC\x81 Mu\xC3\xB1oz ¥12.50 "
				"ＡＢＣ１２３ \xF0\x9F\x8D\x9A 가 ཀ་ ئۇيغۇر";

	(void)state;
	check_sanitize_str(ok, ok);
	check_sanitize_str("", "");
}

static void
test_sanitize_null(void **state)
{
	char *s;

	(void)state;
	s = text_sanitize(NULL, 0);
	assert_string_equal(s, "");
	free(s);
	s = text_sanitize_str(NULL);
	assert_string_equal(s, "");
	free(s);
}

static void
test_sanitize_only_n_bytes(void **state)
{
	(void)state;
	check_sanitize("abc\x1b[2J", 3, "abc");
	check_sanitize("王芳", 4, "王" FFFD);
}

/* Deterministic generator for the fuzz test (no libc rand state). */
static uint32_t
fuzz_next(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 8;
}

/* Fill buf with n bytes biased toward the bytes of escapes and UTF-8. */
static void
fuzz_fill(char *buf, size_t n, uint32_t *seed)
{
	static const unsigned char pool[] = {
	    0x00,
	    0x07,
	    0x08,
	    0x0A,
	    0x0D,
	    0x1B,
	    0x7F,
	    0x80,
	    0x8B,
	    0x8E,
	    0x9B,
	    0x9C,
	    0x9D,
	    0xA0,
	    0xAE,
	    0xAF,
	    0xBF,
	    0xC0,
	    0xC2,
	    0xE2,
	    0xE3,
	    0xE7,
	    0xED,
	    0xF0,
	    0xF4,
	    0xFF,
	    '[',
	    ']',
	    'P',
	    'a',
	};
	size_t i;
	uint32_t r;

	for (i = 0; i < n; i++) {
		r = fuzz_next(seed);
		if (r % 4 == 0)
			buf[i] = (char)(r >> 8);
		else
			buf[i] = (char)pool[(r >> 8) % sizeof(pool)];
	}
}

static void
test_sanitize_fuzz(void **state)
{
	uint32_t seed = 20240601;
	char buf[65], *clean, *fit;
	size_t n, cut;
	int i, width;

	(void)state;
	for (i = 0; i < 5000; i++) {
		n = fuzz_next(&seed) % sizeof(buf);
		fuzz_fill(buf, n, &seed);
		buf[n] = '\0'; /* text_fit() reads up to a NUL */
		clean = text_sanitize(buf, n);
		assert_safe(clean);
		width = (int)(fuzz_next(&seed) % 24);
		cut = text_prefix_bytes(clean, width);
		assert_true(utf8_valid(clean, cut));
		fit = text_fit(
		    buf, width, i % 2 ? TEXT_RIGHT : TEXT_LEFT, i % 3 == 0);
		assert_int_equal(text_width(fit), width);
		assert_safe(fit);
		free(fit);
		free(clean);
	}
}

/* --- text_fit --------------------------------------------------------- */

static void
test_fit_pad(void **state)
{
	(void)state;
	check_fit("abc", 5, TEXT_LEFT, 0, "abc  ");
	check_fit("abc", 5, TEXT_RIGHT, 0, "  abc");
	check_fit("abc", 3, TEXT_LEFT, 1, "abc"); /* fits: no '~' */
}

static void
test_fit_chinese_exact(void **state)
{
	(void)state;
	check_fit("王芳", 4, TEXT_LEFT, 1, "王芳");
	check_fit("王芳", 4, TEXT_RIGHT, 1, "王芳");
}

static void
test_fit_chinese_odd_width(void **state)
{
	(void)state;
	/* 芳 would straddle column 3: dropped, its place a space */
	check_fit("王芳", 3, TEXT_LEFT, 0, "王 ");
	check_fit("王芳", 3, TEXT_RIGHT, 0, " 王");
	check_fit("a王芳", 4, TEXT_LEFT, 0, "a王 ");
}

static void
test_fit_wider_than_text(void **state)
{
	(void)state;
	check_fit("王芳", 10, TEXT_LEFT, 1, "王芳      ");
	check_fit("王芳", 10, TEXT_RIGHT, 1, "      王芳");
	check_fit("", 3, TEXT_LEFT, 1, "   ");
	check_fit(NULL, 3, TEXT_RIGHT, 1, "   ");
}

static void
test_fit_ellipsis_ascii(void **state)
{
	(void)state;
	check_fit("abcdef", 4, TEXT_LEFT, 1, "abc~");
	check_fit("abcdef", 4, TEXT_RIGHT, 1, "abc~");
	check_fit("abcdef", 4, TEXT_LEFT, 0, "abcd");
}

static void
test_fit_ellipsis_chinese(void **state)
{
	(void)state;
	check_fit("王芳芳", 5, TEXT_LEFT, 1, "王芳~");
	/* three columns for text: 王 and a space where 芳 would straddle */
	check_fit("王芳芳", 4, TEXT_LEFT, 1, "王 ~");
	check_fit("王芳芳", 4, TEXT_RIGHT, 1, " 王~");
	check_fit("王芳芳", 2, TEXT_LEFT, 1, " ~");
}

static void
test_fit_width_zero_and_negative(void **state)
{
	(void)state;
	check_fit("abc", 0, TEXT_LEFT, 1, "");
	check_fit("abc", -5, TEXT_RIGHT, 0, "");
	check_fit(NULL, 0, TEXT_LEFT, 0, "");
}

static void
test_fit_width_one(void **state)
{
	(void)state;
	check_fit("a", 1, TEXT_LEFT, 1, "a");
	check_fit("ab", 1, TEXT_LEFT, 1, "~");
	check_fit("ab", 1, TEXT_LEFT, 0, "a");
	check_fit("王", 1, TEXT_LEFT, 0, " ");
	check_fit("王", 1, TEXT_RIGHT, 0, " ");
	check_fit("王", 1, TEXT_LEFT, 1, "~");
}

static void
test_fit_combining(void **state)
{
	(void)state;
	/* the accent stays with its e, never left to join the next cell */
	check_fit("e\xCC\x81x", 1, TEXT_LEFT, 0, "e\xCC\x81");
	check_fit("e\xCC\x81x", 2, TEXT_LEFT, 1, "e\xCC\x81x");
	check_fit("e\xCC\x81xy", 2, TEXT_LEFT, 1, "e\xCC\x81~");
}

static void
test_fit_sanitizes(void **state)
{
	(void)state;
	check_fit("\x1b[2Jab", 6, TEXT_LEFT, 1, PIC_ESC "[2Jab");
	check_fit("\x1b]0;pwned\x07", 4, TEXT_LEFT, 1, PIC_ESC "]0~");
	check_fit("a\xC2\x9B"
		  "b",
	    4, TEXT_RIGHT, 0, " a" FFFD "b");
}

static void
test_fit_emoji_and_ext_b(void **state)
{
	(void)state;
	check_fit("\xF0\x9F\x8D\x9A米", 3, TEXT_LEFT, 0, "\xF0\x9F\x8D\x9A ");
	check_fit("𠮷田", 4, TEXT_LEFT, 0, "𠮷田");
	check_fit("𠮷田", 3, TEXT_LEFT, 1, "𠮷~");
}

/* --- text_prefix_bytes ------------------------------------------------ */

static void
test_prefix_bytes(void **state)
{
	(void)state;
	assert_int_equal(text_prefix_bytes("王芳", 0), 0);
	assert_int_equal(text_prefix_bytes("王芳", 1), 0);
	assert_int_equal(text_prefix_bytes("王芳", 2), 3);
	assert_int_equal(text_prefix_bytes("王芳", 3), 3);
	assert_int_equal(text_prefix_bytes("王芳", 4), 6);
	assert_int_equal(text_prefix_bytes("王芳", 100), 6);
	assert_int_equal(text_prefix_bytes("abc", 2), 2);
	assert_int_equal(text_prefix_bytes("abc", -1), 0);
	assert_int_equal(text_prefix_bytes(NULL, 5), 0);
	assert_int_equal(text_prefix_bytes("e\xCC\x81x", 1), 3);
	assert_int_equal(text_prefix_bytes("a𠮷b", 3), 5);
}

/* --- text_fold and text_trim ------------------------------------------ */

static void
test_fold_ascii(void **state)
{
	(void)state;
	check_copy(text_fold, "Rice ABC xyz", "rice abc xyz");
	check_copy(text_fold, "@[`{", "@[`{"); /* neighbours of A-Z, a-z */
	check_copy(text_fold, NULL, "");
}

static void
test_fold_fullwidth(void **state)
{
	(void)state;
	check_copy(text_fold, "ＡＢＣ１２３！", "abc123!");
	check_copy(text_fold, "ｘｙｚ０９", "xyz09");
	check_copy(text_fold, "大米Ａ级", "大米a级");
	/* U+FF5E ～ is the last mapped; U+FF00 and U+FF5F are left */
	check_copy(text_fold, "\xEF\xBD\x9E", "~");
	check_copy(
	    text_fold, "\xEF\xBC\x80\xEF\xBD\x9F", "\xEF\xBC\x80\xEF\xBD\x9F");
}

static void
test_fold_leaves_rest(void **state)
{
	(void)state;
	check_copy(text_fold, "王芳 É \xE3\x80\x80", "王芳 É \xE3\x80\x80");
	check_copy(text_fold,
	    "A\xFF"
	    "B",
	    "a\xFF"
	    "b");
}

/* text_trim and text_trim_in_place agree on s, and give want. */
static void
check_trim(const char *s, const char *want)
{
	char *copy = xstrdup(s);

	check_copy(text_trim, s, want);
	assert_ptr_equal(text_trim_in_place(copy), copy);
	assert_string_equal(copy, want);
	free(copy);
}

static void
test_trim_in_place(void **state)
{
	(void)state;
	check_trim("  \t abc \r\n", "abc");
	check_trim("abc", "abc");
	check_trim("", "");
	check_trim(" \v\f ", "");
	check_trim("\xE3\x80\x80王芳\xE3\x80\x80 ", "王芳");
	check_trim("王\xE3\x80\x80芳", "王\xE3\x80\x80芳");
	check_trim("\xC2\xA0"
		   "a ",
	    "\xC2\xA0"
	    "a");
}

static void
test_trim_ascii(void **state)
{
	(void)state;
	check_copy(text_trim, "  \t abc \r\n", "abc");
	check_copy(text_trim, "abc", "abc");
	check_copy(text_trim, "a b", "a b");
	check_copy(text_trim, "", "");
	check_copy(text_trim, " \v\f ", "");
	check_copy(text_trim, NULL, "");
}

static void
test_trim_ideographic_space(void **state)
{
	(void)state;
	check_copy(text_trim, "\xE3\x80\x80王芳\xE3\x80\x80 ", "王芳");
	check_copy(text_trim, " \xE3\x80\x80 \xE3\x80\x80", "");
	check_copy(text_trim, "王\xE3\x80\x80芳", "王\xE3\x80\x80芳");
}

static void
test_trim_leaves_other_spaces(void **state)
{
	(void)state;
	/* NBSP is data, not padding */
	check_copy(text_trim,
	    "\xC2\xA0"
	    "a\xC2\xA0",
	    "\xC2\xA0"
	    "a\xC2\xA0");
	/* a U+3000 cut short, or bare continuations, are not blanks */
	check_copy(text_trim, "a\xE3\x80", "a\xE3\x80");
	check_copy(text_trim,
	    "\x80\x80"
	    "a\x80\x80",
	    "\x80\x80"
	    "a\x80\x80");
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_decode_ascii),
    cmocka_unit_test(test_decode_multibyte),
    cmocka_unit_test(test_decode_four_byte_ext_b),
    cmocka_unit_test(test_decode_overlong),
    cmocka_unit_test(test_decode_surrogate),
    cmocka_unit_test(test_decode_truncated),
    cmocka_unit_test(test_decode_invalid_bytes),
    cmocka_unit_test(test_encode_exact_bytes),
    cmocka_unit_test(test_encode_invalid_gives_fffd),
    cmocka_unit_test(test_encode_decode_round_trip),
    cmocka_unit_test(test_valid),
    cmocka_unit_test(test_cp_width_table),
    cmocka_unit_test(test_cp_width_controls),
    cmocka_unit_test(test_width_chinese_name),
    cmocka_unit_test(test_width_ascii),
    cmocka_unit_test(test_width_accents),
    cmocka_unit_test(test_width_fullwidth),
    cmocka_unit_test(test_width_emoji),
    cmocka_unit_test(test_width_unsanitized),
    cmocka_unit_test(test_sanitize_osc_title),
    cmocka_unit_test(test_sanitize_osc52_clipboard),
    cmocka_unit_test(test_sanitize_dcs),
    cmocka_unit_test(test_sanitize_csi_report),
    cmocka_unit_test(test_sanitize_csi_clear),
    cmocka_unit_test(test_sanitize_c1_csi),
    cmocka_unit_test(test_sanitize_trailing_esc),
    cmocka_unit_test(test_sanitize_cr_lf),
    cmocka_unit_test(test_sanitize_bs_tab_del),
    cmocka_unit_test(test_sanitize_rlo),
    cmocka_unit_test(test_sanitize_all_bidi_and_separators),
    cmocka_unit_test(test_sanitize_all_c0),
    cmocka_unit_test(test_sanitize_all_c1),
    cmocka_unit_test(test_sanitize_invalid_bytes),
    cmocka_unit_test(test_sanitize_embedded_nul),
    cmocka_unit_test(test_sanitize_keeps_text),
    cmocka_unit_test(test_sanitize_null),
    cmocka_unit_test(test_sanitize_only_n_bytes),
    cmocka_unit_test(test_sanitize_fuzz),
    cmocka_unit_test(test_fit_pad),
    cmocka_unit_test(test_fit_chinese_exact),
    cmocka_unit_test(test_fit_chinese_odd_width),
    cmocka_unit_test(test_fit_wider_than_text),
    cmocka_unit_test(test_fit_ellipsis_ascii),
    cmocka_unit_test(test_fit_ellipsis_chinese),
    cmocka_unit_test(test_fit_width_zero_and_negative),
    cmocka_unit_test(test_fit_width_one),
    cmocka_unit_test(test_fit_combining),
    cmocka_unit_test(test_fit_sanitizes),
    cmocka_unit_test(test_fit_emoji_and_ext_b),
    cmocka_unit_test(test_prefix_bytes),
    cmocka_unit_test(test_fold_ascii),
    cmocka_unit_test(test_fold_fullwidth),
    cmocka_unit_test(test_fold_leaves_rest),
    cmocka_unit_test(test_trim_ascii),
    cmocka_unit_test(test_trim_in_place),
    cmocka_unit_test(test_trim_ideographic_space),
    cmocka_unit_test(test_trim_leaves_other_spaces),
};

int
main(void)
{
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
