/*
 * header.c - see header.h.  The spec is normalized once per call; a
 * header row has tens of cells and a spec tens of names, so a plain
 * double loop is fast enough and easy to check.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "sync/header.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

char *
header_normalize(const char *s)
{
	char *t, *f;
	const char *p = s;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncmp(p, "\xEF\xBB\xBF", 3) != 0)
			break;
		p += 3;
	}
	t = text_trim(p);
	f = text_fold(t);
	free(t);
	return f;
}

/* A header cell as messages show it: trimmed, safe for a terminal. */
static char *
shown_name(const char *s)
{
	char *t = text_trim(s), *u = text_sanitize_str(t);

	free(t);
	return u;
}

/* Append a line to *buf (a growing message). */
static void
add_line(char **buf, const char *line, int newline_after)
{
	char *old = *buf;

	if (old == NULL)
		*buf = xasprintf("%s%s", line, newline_after ? "\n" : "");
	else
		*buf = xasprintf("%s%s%s%s", old, newline_after ? "" : "\n",
		    line, newline_after ? "\n" : "");
	free(old);
}

/* Return the spec column whose names include the normalized h, or -1. */
static long
find_col(const struct header_col *spec, size_t n, const char *h)
{
	size_t i, a;
	char *x;
	int hit;

	for (i = 0; i < n; i++) {
		x = header_normalize(spec[i].name);
		hit = strcmp(x, h) == 0;
		free(x);
		for (a = 0; !hit && spec[i].aliases && spec[i].aliases[a];
		     a++) {
			x = header_normalize(spec[i].aliases[a]);
			hit = strcmp(x, h) == 0;
			free(x);
		}
		if (hit)
			return (long)i;
	}
	return -1;
}

/* Warn once per distinct unknown name (seen earlier in the row?). */
static int
seen_before(const struct csvread_record *rec, size_t f, const char *h)
{
	size_t i;
	char *x;
	int same = 0;

	for (i = 0; i < f && !same; i++) {
		x = header_normalize(rec->fields[i]);
		same = strcmp(x, h) == 0;
		free(x);
	}
	return same;
}

static void
report_missing(
    const char *path, long line, const struct header_col *c, char **err)
{
	char *names = NULL, *old, *msg;
	size_t a;

	for (a = 0; c->aliases && c->aliases[a]; a++) {
		old = names;
		names = old ? xasprintf("%s, %s", old, c->aliases[a])
			    : xstrdup(c->aliases[a]);
		free(old);
	}
	if (names != NULL)
		msg = xasprintf(_("%s:%ld: no '%s' column (also accepted: %s)"),
		    path, line, c->name, names);
	else
		msg =
		    xasprintf(_("%s:%ld: no '%s' column"), path, line, c->name);
	add_line(err, msg, 0);
	free(msg);
	free(names);
}

static void
report_twice(const char *path, const struct csvread_record *rec, size_t a,
    size_t b, const char *name, char **err)
{
	char *x = shown_name(rec->fields[a]);
	char *y = shown_name(rec->fields[b]);
	char *msg = xasprintf(_("%s:%ld: columns %zu ('%s') and %zu ('%s') "
				"are both '%s'; keep one"),
	    path, rec->line, a + 1, x, b + 1, y, name);

	add_line(err, msg, 0);
	free(msg);
	free(x);
	free(y);
}

enum status
header_match(const char *path, const struct csvread_record *rec,
    const struct header_col *spec, size_t n, int *index, char **warn,
    char **err)
{
	size_t f, i;
	long c;
	char *h, *shown, *msg;

	*warn = *err = NULL;
	for (i = 0; i < n; i++)
		index[i] = -1;
	for (f = 0; f < rec->nfields; f++) {
		h = header_normalize(rec->fields[f]);
		c = *h ? find_col(spec, n, h) : -1;
		if (c >= 0 && index[c] >= 0) {
			report_twice(
			    path, rec, (size_t)index[c], f, spec[c].name, err);
		} else if (c >= 0) {
			index[c] = (int)f;
		} else if (*h && !seen_before(rec, f, h)) {
			shown = shown_name(rec->fields[f]);
			msg = xasprintf(_("%s:%ld: column '%s' is not used; "
					  "ignored"),
			    path, rec->line, shown);
			add_line(warn, msg, 1);
			free(msg);
			free(shown);
		}
		free(h);
	}
	for (i = 0; i < n; i++)
		if (spec[i].required && index[i] < 0)
			report_missing(path, rec->line, &spec[i], err);
	return *err == NULL ? ST_OK : ST_INVALID;
}
