/*
 * print_order.c - see print_order.h.  A file is written whole or reported
 * failed; lpr is fed through popen() with its output discarded, so it
 * cannot scribble over the screen.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "print/slip.h"
#include "ui/print_order.h"
#include "util/i18n.h"
#include "util/xalloc.h"

char *
print_order_default_path(long long id)
{
	const char *home = getenv("HOME");

	return xasprintf(
	    "%s/coopstock-slip-%lld.txt", home && *home ? home : ".", id);
}

/* The model's reason for st as a new message. */
static char *
model_error(struct db *db, enum status st)
{
	const char *why = db_errmsg(db);

	return why[0] ? xasprintf("%s: %s", _(status_message(st)), why)
		      : xstrdup(_(status_message(st)));
}

int
print_order_to_file(
    struct db *db, long long id, int width, const char *path, char **err)
{
	const char *home = getenv("HOME");
	char *full = strncmp(path, "~/", 2) == 0 && home
			 ? xasprintf("%s/%s", home, path + 2)
			 : xstrdup(path);
	FILE *fp = fopen(full, "w");
	enum status st;
	int bad;

	if (fp == NULL) {
		*err = xasprintf("%s: %s", full, strerror(errno));
		free(full);
		return -1;
	}
	st = slip_print(db, id, 0, width, fp);
	bad = ferror(fp);
	bad |= fclose(fp) != 0;
	if (st != ST_OK)
		*err = model_error(db, st);
	else if (bad)
		*err = xasprintf(_("%s: could not write the slip"), full);
	free(full);
	return st != ST_OK || bad ? -1 : 0;
}

int
print_have_lpr(void)
{
	const char *path = getenv("PATH");
	char *copy, *dir, *save = NULL;
	int found = 0;

	if (path == NULL)
		return 0;
	copy = xstrdup(path);
	for (dir = strtok_r(copy, ":", &save); dir && !found;
	     dir = strtok_r(NULL, ":", &save)) {
		char *f = xasprintf("%s/lpr", *dir ? dir : ".");

		found = access(f, X_OK) == 0;
		free(f);
	}
	free(copy);
	return found;
}

int
print_order_to_lpr(struct db *db, long long id, int width, char **err)
{
	FILE *p = popen("lpr >/dev/null 2>&1", "w");
	enum status st;
	int rc;

	if (p == NULL) {
		*err = xasprintf(_("cannot run lpr: %s"), strerror(errno));
		return -1;
	}
	st = slip_print(db, id, 0, width, p);
	rc = pclose(p);
	if (st != ST_OK) {
		*err = model_error(db, st);
		return -1;
	}
	if (rc != 0) {
		*err = xstrdup(_("lpr could not print the slip"));
		return -1;
	}
	return 0;
}
