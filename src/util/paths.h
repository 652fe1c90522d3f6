/*
 * paths.h - where coopstock finds its data files and its database.
 *
 * The program runs both installed and straight from the build tree (`make
 * run`, the tests); in the second case the files under share/ are read
 * from the source tree so nobody has to install to try a change.
 */
#ifndef COOPSTOCK_PATHS_H
#define COOPSTOCK_PATHS_H

/*
 * Return the data directory (holding sql/, templates/ ...): the
 * environment's COOPSTOCK_DATADIR if set, else the source tree's share/
 * when the running executable sits in the build tree, else the installed
 * pkgdatadir.  The string is static; never NULL.
 */
const char *paths_datadir(void);

/*
 * Return the database path to use, newly allocated: `opt` (from --db) if
 * not NULL, else $COOPSTOCK_DB, else $XDG_DATA_HOME/coopstock/coopstock.db
 * (XDG_DATA_HOME defaulting to ~/.local/share).  In the last case the
 * directory is created (mode 0770 less the umask).  Returns NULL and sets
 * *why to a static explanation when no path can be formed or the
 * directory cannot be created.
 */
char *paths_database(const char *opt, const char **why);

/* Return the directory where translations live (see paths_datadir). */
const char *paths_localedir(void);

#endif
