/*
 * line.c - see line.h.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "print/line.h"
#include "util/text.h"
#include "util/xalloc.h"

/* Write s without its trailing spaces, and a newline. */
static void
put_trimmed(FILE *f, const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && s[n - 1] == ' ')
		n--;
	fwrite(s, 1, n, f);
	fputc('\n', f);
}

void
print_pair(FILE *f, int width, const char *left, const char *right, int rwidth)
{
	char *l, *r, *line;

	if (right == NULL || right[0] == '\0') {
		l = text_fit(left, width, TEXT_LEFT, 1);
		put_trimmed(f, l);
		free(l);
		return;
	}
	l = text_fit(left, width - rwidth - 1, TEXT_LEFT, 1);
	r = text_fit(right, rwidth, TEXT_RIGHT, 1);
	line = xasprintf("%s %s", l, r);
	put_trimmed(f, line);
	free(line);
	free(r);
	free(l);
}

void
print_rule(FILE *f, int width, char c)
{
	for (int i = 0; i < width; i++)
		fputc(c, f);
	fputc('\n', f);
}

void
print_wrap(FILE *f, int width, const char *prefix, const char *text)
{
	char *safe = text_sanitize_str(text != NULL ? text : "");
	char *head = text_sanitize_str(prefix != NULL ? prefix : "");
	int indent = text_width(head), avail = width - indent, first = 1;
	const char *p = safe;
	char *part, *line;
	size_t n;

	if (avail < 2)
		avail = 2;
	while (*p == ' ')
		p++;
	do {
		n = text_prefix_bytes(p, avail);
		if (n == 0 && *p != '\0')
			n = 1; /* never stall on a character wider than avail */
		part = xmalloc(n + 1);
		memcpy(part, p, n);
		part[n] = '\0';
		line = first ? xasprintf("%s%s", head, part)
			     : xasprintf("%*s%s", indent, "", part);
		put_trimmed(f, line);
		free(line);
		free(part);
		first = 0;
		p += n;
		while (*p == ' ')
			p++;
	} while (*p != '\0');
	free(head);
	free(safe);
}
