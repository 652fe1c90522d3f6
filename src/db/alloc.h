/*
 * alloc.h - a small-block allocator for SQLite, in place of the
 * lookaside memory Debian's SQLite is built without.
 */
#ifndef COOPSTOCK_DB_ALLOC_H
#define COOPSTOCK_DB_ALLOC_H

#include <stddef.h>

/* Blocks up to this many bytes are kept for reuse once freed. */
#define DB_ALLOC_SMALL 1024

/* At most this many bytes of freed small blocks are kept; past it a
 * freed block goes back to malloc. */
#define DB_ALLOC_KEEP ((size_t)4 << 20)

/*
 * Give SQLite, for this whole process, an allocator that keeps freed
 * blocks of up to DB_ALLOC_SMALL bytes on a list per size (16-byte
 * steps) and hands them out again, and passes bigger ones to malloc.
 * SQLite must be used from one thread only (db.c says so), and this
 * must come before SQLite's first use.  Returns 1 when installed, 0 when
 * not (SQLite already initialised: it then keeps its own); a second
 * call installs nothing and returns 0.  Blocks on the lists are never
 * given back to the system, up to DB_ALLOC_KEEP bytes of them.
 */
int db_alloc_install(void);

#endif
