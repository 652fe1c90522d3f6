/*
 * fuzz_sanitize.c - text_sanitize and text_fit on any bytes: what they
 * return is valid UTF-8 with no control byte, no C1 control, no bidi or
 * line-separator code point (so nothing can move the cursor, recolour the
 * screen or reorder a line), and text_fit's result is exactly as many
 * columns wide as asked.
 *
 * Input: byte 0 is the width (as a signed char, so negative widths are
 * tried too), byte 1 bit 0 the alignment and bit 1 the ellipsis flag; the
 * rest is the text.
 */
#include <config.h>

#include <string.h>

#include "fuzz.h"
#include "util/text.h"
#include "util/xalloc.h"

/* Is cp one that must never reach the terminal? */
static int
forbidden(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x061c ||
	    cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
}

/* Assert s is valid UTF-8 with nothing forbidden in it. */
static void
check_safe(const char *s)
{
	size_t n = strlen(s), k;
	uint32_t cp;

	FUZZ_CHECK(utf8_valid(s, n));
	for (size_t i = 0; i < n; i += k) {
		k = utf8_decode(s + i, n - i, &cp);
		FUZZ_CHECK(k > 0);
		FUZZ_CHECK(!forbidden(cp));
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data + (size >= 2 ? 2 : size);
	size_t len = size >= 2 ? size - 2 : 0;
	int width = size >= 1 ? (signed char)data[0] : 0;
	enum text_align align = size >= 2 && (data[1] & 1) ? TEXT_RIGHT :
	    TEXT_LEFT;
	int ellipsis = size >= 2 && (data[1] & 2);
	char *s, *str, *fit;
	size_t cut;

	/* Raw bytes, NULs included. */
	s = text_sanitize(len ? text : NULL, len);
	check_safe(s);
	FUZZ_CHECK(text_width(s) >= 0);
	free(s);

	/* As a C string (up to the first NUL), the way the UI gets it. */
	str = xstrndup(len ? text : "", len);
	fit = text_fit(str, width, align, ellipsis);
	check_safe(fit);
	FUZZ_CHECK(text_width(fit) == (width > 0 ? width : 0));
	free(fit);

	cut = text_prefix_bytes(str, width);
	FUZZ_CHECK(cut <= strlen(str));
	if (utf8_valid(str, strlen(str))) {
		char *head = xstrndup(str, cut);

		FUZZ_CHECK(utf8_valid(head, cut));
		FUZZ_CHECK(width < 0 || text_width(head) <= width);
		free(head);
	}
	free(str);
	return 0;
}
