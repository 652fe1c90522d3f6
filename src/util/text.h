/*
 * text.h - UTF-8, terminal widths and terminal safety for every string
 * coopstock shows.
 *
 * Product names, member names and notes come from clerks, from CSV files
 * exported by Excel and from the database; any of them can hold escape
 * sequences (a hostile or merely broken file), invalid UTF-8 (a GBK file
 * read as UTF-8) or text whose width is not its length (王芳 is four
 * columns).  The UI therefore never prints a string it has not passed
 * through text_sanitize() or text_fit(), and never measures one with
 * strlen().
 *
 * Widths come from a table built into this module, not from wcwidth():
 * wcwidth() answers -1 for all non-ASCII text under the C locale and its
 * answers differ between libcs, so layout (and the tests) would depend on
 * how the machine was set up.  See text_cp_width().
 *
 * The module knows nothing of curses.  Every function that returns a
 * string returns a new allocation the caller frees; allocation failure is
 * fatal (see xalloc.h), so none of them returns NULL.
 */
#ifndef COOPSTOCK_TEXT_H
#define COOPSTOCK_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Horizontal placement of text inside a field (see text_fit). */
enum text_align {
	TEXT_LEFT, /* text first, padding after */
	TEXT_RIGHT /* padding first: for quantities and prices */
};

/*
 * Decode one UTF-8 sequence at s, reading at most n bytes.  On success
 * store the code point in *cp and return the sequence length (1..4).
 * Return 0 if n is 0 or the sequence is invalid: a stray continuation
 * byte, an overlong form ("\xC0\xAF"), a surrogate ("\xED\xA0\x80"), a
 * value above U+10FFFF, or a sequence cut short by n or by a byte that is
 * not a continuation.  *cp is unspecified after a 0 return.  A NUL byte
 * decodes as U+0000 with length 1.
 */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/*
 * Encode cp as UTF-8 into out, which must have room for 4 bytes, and
 * return the number of bytes written (1..4).  No NUL is written.  A
 * surrogate or a value above U+10FFFF is encoded as U+FFFD (3 bytes), so
 * the output is always valid UTF-8.
 */
size_t utf8_encode(uint32_t cp, char *out);

/* Return 1 if the n bytes at s are entirely valid UTF-8, else 0.  NUL
 * bytes are valid; n == 0 is valid. */
int utf8_valid(const char *s, size_t n);

/*
 * Return the number of terminal columns code point cp takes: -1 for a
 * control (U+0000-001F, U+007F-009F), 0 for combining marks and other
 * zero-width characters (U+0300-036F, U+200B-200F, variation selectors,
 * Hangul medial jamo, ...), 2 for East Asian Wide and Fullwidth characters
 * (CJK, kana, Hangul, Yi, fullwidth forms, CJK Ext B-H, most emoji), 1 for
 * everything else, including unassigned and invalid values.  Always
 * answers from the built-in table, whatever the locale.
 */
int text_cp_width(uint32_t cp);

/*
 * Return a new NUL-terminated copy of the n bytes at s that is safe to
 * print: valid UTF-8 with no byte below 0x20, no 0x7F, no C1 control and
 * no bidi or line-separator code point.  s need not be NUL-terminated and
 * may contain NULs.  C0 controls become their control pictures
 * (U+2400 + c, so ESC becomes U+241B), DEL becomes U+2421, and C1
 * controls (U+0080-009F), bidi controls (U+061C, U+200E, U+200F,
 * U+202A-202E, U+2066-2069) and U+2028/2029 become U+FFFD.  Each byte that
 * is not part of a valid sequence becomes U+FFFD.  Because ESC never
 * survives, no escape sequence can.  s may be NULL only when n is 0.
 * Caller frees.
 */
char *text_sanitize(const char *s, size_t n);

/* As text_sanitize() for NUL-terminated s; NULL gives "".  Caller frees. */
char *text_sanitize_str(const char *s);

/*
 * Return the display width of NUL-terminated s, the sum of
 * text_cp_width() over its code points.  s should already be sanitized;
 * if not, a control or an invalid byte counts as 1 column (what the
 * sanitized form would take).  NULL gives 0; the result saturates at
 * INT_MAX.
 */
int text_width(const char *s);

/*
 * Return a new string exactly width columns wide showing s, for one field
 * of a table or form.  s is sanitized first, so raw data may be passed;
 * NULL is treated as "".  If s is wider than width it is cut at a code
 * point boundary, never inside a wide character: a wide character that
 * would straddle the edge is dropped and its place filled with a space.
 * Zero-width characters following the last kept character are kept with
 * it.  If s was cut and ellipsis is nonzero, the last column is '~'
 * (ASCII, so it shows on a vt100).  The text is then padded with spaces to
 * width; TEXT_RIGHT puts the padding (and a straddle space) before the
 * text, TEXT_LEFT after it but before any '~'.  width <= 0 gives "".
 * Caller frees.
 */
char *text_fit(const char *s, int width, enum text_align align, int ellipsis);

/*
 * Return the length in bytes of the longest prefix of NUL-terminated s
 * whose display width is <= width: where to cut s to fit width columns,
 * or which byte a cursor at column width sits on.  The prefix always ends
 * on a code point boundary and includes zero-width characters that follow
 * its last character.  NULL or width < 0 gives 0.
 */
size_t text_prefix_bytes(const char *s, int width);

/*
 * Return a new copy of NUL-terminated s folded for searching: ASCII A-Z
 * become a-z, and fullwidth ASCII U+FF01-FF5E (ＡＢＣ, １２３, ！) becomes
 * the ASCII character, lowered if a letter.  Everything else, including
 * invalid bytes, is copied unchanged.  NULL gives "".  Caller frees.
 */
char *text_fold(const char *s);

/*
 * Return a new copy of NUL-terminated s without leading and trailing ASCII
 * whitespace (space, \t, \n, \v, \f, \r) and ideographic spaces (U+3000,
 * which Chinese input methods type for the space bar in full-width mode).
 * Inner spaces are kept.  NULL gives "".  Caller frees.
 */
char *text_trim(const char *s);

/* As text_trim, but in s itself (not NULL), which is returned. */
char *text_trim_in_place(char *s);

#endif
