/*
 * xalloc.h - allocation that cannot return NULL.
 *
 * Running out of memory on a clerk's terminal is not something any caller
 * can repair, so every allocation goes through these: on failure they call
 * fatal(), which restores the terminal before it prints and exits.  Tests
 * can make the Nth allocation fail (xalloc_fail_after) to prove that the
 * paths up to the failure leave the database unchanged.
 */
#ifndef COOPSTOCK_XALLOC_H
#define COOPSTOCK_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

/* Return a new block of n bytes (n may be 0); never NULL.  Caller frees. */
void *xmalloc(size_t n);
/* Return a zeroed array of n elements of size sz; never NULL. */
void *xcalloc(size_t n, size_t sz);
/* Resize p (may be NULL) to n bytes; never NULL.  p is invalid after. */
void *xrealloc(void *p, size_t n);
/* Return a copy of NUL-terminated s (s must not be NULL).  Caller frees. */
char *xstrdup(const char *s);
/* Return a copy of the first n bytes of s, NUL-terminated.  Caller frees. */
char *xstrndup(const char *s, size_t n);
/* Return a newly allocated formatted string.  Caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* As xasprintf with a va_list. */
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/*
 * Test hook: after n more successful allocations, every allocation fails
 * (fatal() is called).  n < 0 turns the hook off.  Not for production use.
 */
void xalloc_fail_after(long n);

#endif
