/*
 * xalloc.c - see xalloc.h.  The failure countdown exists for the fault
 * tests; in normal runs it is -1 and costs one comparison.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/fatal.h"
#include "util/xalloc.h"

static long fail_countdown = -1;

void
xalloc_fail_after(long n)
{
	fail_countdown = n;
}

static void
check(void *p, size_t n)
{
	if (p == NULL && n != 0)
		fatal("out of memory (%zu bytes)", n);
}

static int
should_fail(void)
{
	if (fail_countdown < 0)
		return 0;
	if (fail_countdown == 0)
		return 1;
	fail_countdown--;
	return 0;
}

void *
xmalloc(size_t n)
{
	void *p = should_fail() ? NULL : malloc(n ? n : 1);

	check(p, n ? n : 1);
	return p;
}

void *
xcalloc(size_t n, size_t sz)
{
	void *p = should_fail() ? NULL : calloc(n ? n : 1, sz ? sz : 1);

	check(p, 1);
	return p;
}

void *
xrealloc(void *old, size_t n)
{
	void *p = should_fail() ? NULL : realloc(old, n ? n : 1);

	check(p, n ? n : 1);
	return p;
}

char *
xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list cp;
	int len;
	char *p;
	char small[256];

	/* Most strings fit in one pass; measuring into a real buffer also
	 * spares gcc's -Wformat-truncation a false alarm on NULL. */
	va_copy(cp, ap);
	len = vsnprintf(small, sizeof small, fmt, cp);
	va_end(cp);
	if (len < 0)
		fatal("bad format string: %s", fmt);
	p = xmalloc((size_t)len + 1);
	if ((size_t)len < sizeof small)
		memcpy(p, small, (size_t)len + 1);
	else
		vsnprintf(p, (size_t)len + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}
