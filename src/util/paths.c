/*
 * paths.c - see paths.h.  "Running from the build tree" is decided by
 * where the executable is (/proc/self/exe), not by a flag, so a packager's
 * installed binary can never pick up a stale source tree by accident.
 */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/i18n.h"
#include "util/paths.h"
#include "util/xalloc.h"

static int
in_build_tree(void)
{
	static int cached = -1;
	char exe[PATH_MAX], top[PATH_MAX];
	ssize_t n;
	char *slash;

	if (cached >= 0)
		return cached;
	cached = 0;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return cached;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash == NULL)
		return cached;
	*slash = '\0';
	if (realpath(ABS_TOP_BUILDDIR, top) == NULL)
		return cached;
	cached = strcmp(exe, top) == 0;
	return cached;
}

const char *
paths_datadir(void)
{
	const char *env = getenv("COOPSTOCK_DATADIR");

	if (env != NULL && *env != '\0')
		return env;
	if (in_build_tree())
		return ABS_TOP_SRCDIR "/share";
	return PKGDATADIR;
}

const char *
paths_localedir(void)
{
	if (in_build_tree())
		return ABS_TOP_BUILDDIR "/po/locale";
	return LOCALEDIR;
}

/* mkdir -p for the default database directory. */
static int
make_dirs(char *path)
{
	char *p;

	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0770) != 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	if (mkdir(path, 0770) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

char *
paths_database(const char *opt, const char **why)
{
	const char *env = getenv("COOPSTOCK_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	char *dir, *path;

	if (opt != NULL)
		return xstrdup(opt);
	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if (xdg != NULL && *xdg == '/')
		dir = xasprintf("%s/coopstock", xdg);
	else if (home != NULL && *home == '/')
		dir = xasprintf("%s/.local/share/coopstock", home);
	else {
		*why = N_("no --db, COOPSTOCK_DB, XDG_DATA_HOME or HOME to find the database");
		return NULL;
	}
	if (make_dirs(dir) != 0) {
		*why = N_("cannot create the database directory");
		free(dir);
		return NULL;
	}
	path = xasprintf("%s/coopstock.db", dir);
	free(dir);
	return path;
}
