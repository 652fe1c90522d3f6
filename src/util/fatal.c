/*
 * fatal.c - see fatal.h.  The cleanup hook is how a lower layer can ask
 * the UI to restore the terminal without knowing that curses exists.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/fatal.h"

static void (*cleanup_fn)(void);

void
fatal_set_cleanup(void (*fn)(void))
{
	cleanup_fn = fn;
}

void
fatal(const char *fmt, ...)
{
	va_list ap;
	void (*fn)(void) = cleanup_fn;

	cleanup_fn = NULL; /* a failure inside the cleanup must not loop */
	if (fn != NULL)
		fn();
	fputs("coopstock: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}
