/*
 * cell.c - see cell.h.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "sync/cell.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

/* Unwrap ="..." in t (already trimmed), in place; 1 if done. */
static int
unwrap_excel(char *t)
{
	size_t n = strlen(t), i, o = 0;

	if (n < 3 || t[0] != '=' || t[1] != '"' || t[n - 1] != '"')
		return 0;
	for (i = 2; i < n - 1; i++) {
		if (t[i] == '"' && (i + 1 >= n - 1 || t[i + 1] != '"'))
			return 0; /* a lone quote: not Excel's form */
		if (t[i] == '"')
			i++;
	}
	for (i = 2; i < n - 1; i++) {
		t[o++] = t[i];
		if (t[i] == '"')
			i++;
	}
	t[o] = '\0';
	return 1;
}

static int
is_masked(const char *s)
{
	int run = 0;

	/* Most cells have no star at all (＊ is EF BC 8A): libc's search
	 * finds that fastest. */
	s = strpbrk(s, "*\xEF");
	if (s == NULL)
		return 0;
	for (; *s; s++) {
		if (*s == '*') {
			run++;
		} else if (strncmp(s, "\xEF\xBC\x8A", 3) == 0) { /* ＊ */
			run++;
			s += 2;
		} else {
			run = 0;
		}
		if (run >= 2)
			return 1;
	}
	return 0;
}

char *
cell_clean(const char *s, size_t n, unsigned *flags)
{
	/* One copy, cleaned in place: this runs for every cell of a file. */
	char *t = text_trim_in_place(xstrndup(s, n));
	unsigned fl = 0;

	if (unwrap_excel(t)) {
		fl |= CELL_UNWRAPPED;
		text_trim_in_place(t);
	}
	if (is_masked(t))
		fl |= CELL_MASKED;
	if (flags != NULL)
		*flags = fl;
	return t;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int
cell_is_excel_sci(const char *s)
{
	if (!is_digit(*s))
		return 0;
	while (is_digit(*s))
		s++;
	if (*s == '.') {
		s++;
		if (!is_digit(*s))
			return 0;
		while (is_digit(*s))
			s++;
	}
	if ((*s != 'E' && *s != 'e') || s[1] != '+' || !is_digit(s[2]))
		return 0;
	for (s += 2; is_digit(*s); s++)
		;
	return *s == '\0';
}

const char *
cell_text_problem(const char *s)
{
	if (cell_is_excel_sci(s))
		return _("looks like a number Excel turned into scientific "
			 "notation; format the column as Text in Excel and "
			 "export again");
	return NULL;
}

/* Length of the formula trigger at s, or 0. */
static size_t
trigger_len(const char *s)
{
	static const char *const wide[] = {
	    "\xEF\xBC\x9D", /* ＝ */
	    "\xEF\xBC\x8B", /* ＋ */
	    "\xEF\xBC\x8D", /* － */
	    "\xEF\xBC\xA0", /* ＠ */
	};
	size_t i;

	if (*s != '\0' && strchr("=+-@\t\r", *s) != NULL)
		return 1;
	for (i = 0; i < sizeof wide / sizeof wide[0]; i++)
		if (strncmp(s, wide[i], 3) == 0)
			return 3;
	return 0;
}

/* Does s start with apostrophes (at least min) and then a trigger? */
static int
needs_mark(const char *s, size_t min)
{
	size_t k = strspn(s, "'");

	return k >= min && trigger_len(s + k) > 0;
}

char *
cell_neutralize(const char *s)
{
	if (needs_mark(s, 0))
		return xasprintf("'%s", s);
	return xstrdup(s);
}

char *
cell_unneutralize(const char *s)
{
	return cell_unneutralize_in_place(xstrdup(s));
}

char *
cell_unneutralize_in_place(char *s)
{
	if (needs_mark(s, 1))
		memmove(s, s + 1, strlen(s));
	return s;
}
