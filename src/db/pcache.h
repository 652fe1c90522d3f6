/*
 * pcache.h - a fixed page cache for SQLite, for interactive sessions.
 */
#ifndef COOPSTOCK_DB_PCACHE_H
#define COOPSTOCK_DB_PCACHE_H

/* Bytes of the fixed cache: one 2 MiB huge page, SQLite's default
 * cache size. */
#define DB_PCACHE_BYTES (2u << 20)

/*
 * Give SQLite, for this whole process, a page cache of DB_PCACHE_BYTES
 * in one region backed by a transparent huge page where the kernel
 * allows (madvise), instead of a malloc() per page.  Call it before the
 * first db_open() of an interactive session.  Returns the number of pages
 * the region holds, or 0 when it was not installed (SQLite is already
 * initialised in this process, or no memory): harmless, SQLite then
 * allocates as it always does.  A second call returns the first's count
 * and installs nothing.  The region lives until the process ends.
 * Not for bulk loads: once the region is full SQLite reuses its pages
 * rather than grow, whatever PRAGMA cache_size says.
 */
int db_pcache_fixed(void);

#endif
