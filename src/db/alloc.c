/*
 * alloc.c - see alloc.h.
 *
 * Why: SQLite allocates a cursor, a record buffer and the like every
 * time a statement runs and frees them when it ends (some 25 blocks for
 * each line of an orders import).  Its lookaside memory would take
 * those from a per-connection pool, but Debian builds SQLite with
 * SQLITE_OMIT_LOOKASIDE, so each went through malloc() and free().  A
 * list of freed blocks per size gives them back in a few instructions.
 *
 * Each block has a 16-byte header holding its size (what sqlite3_msize
 * reports), which keeps the block 16-byte aligned as malloc's are.
 * Under AddressSanitizer a block on a list is poisoned, so SQLite using
 * it after its free is still caught.
 */
#include <config.h>

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "db/alloc.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define STEP 16
#define HEAD 16
#define N_CLASSES (DB_ALLOC_SMALL / STEP)

/* The header before each block; a freed small block links the list
 * through its first bytes. */
union head {
	size_t size;
	char pad[HEAD];
};

struct freed {
	struct freed *next;
};

static struct freed *lists[N_CLASSES + 1]; /* by size / STEP */
static size_t kept;                         /* bytes on the lists */

static size_t
round_size(int n)
{
	size_t s = n > 0 ? (size_t)n : 1;

	return (s + STEP - 1) & ~(size_t)(STEP - 1);
}

static void *
block_new(int n)
{
	size_t size = round_size(n);
	union head *h;
	struct freed *f;

	if (size <= DB_ALLOC_SMALL && (f = lists[size / STEP]) != NULL) {
		UNPOISON(f, size);
		lists[size / STEP] = f->next;
		kept -= size;
		return f;
	}
	h = malloc(HEAD + size);
	if (h == NULL)
		return NULL;
	h->size = size;
	POISON(h, HEAD);
	return (char *)h + HEAD;
}

static union head *
head_of(void *p)
{
	return (union head *)((char *)p - HEAD);
}

/* The size of block p, read through its poisoned header. */
static size_t
block_size(void *p)
{
	union head *h = head_of(p);
	size_t size;

	UNPOISON(h, HEAD);
	size = h->size;
	POISON(h, HEAD);
	return size;
}

static void
block_free(void *p)
{
	size_t size;
	struct freed *f = p;

	if (p == NULL)
		return;
	size = block_size(p);
	if (size > DB_ALLOC_SMALL || kept + size > DB_ALLOC_KEEP) {
		UNPOISON(head_of(p), HEAD);
		free(head_of(p));
		return;
	}
	f->next = lists[size / STEP];
	lists[size / STEP] = f;
	kept += size;
	POISON((char *)f + sizeof *f, size - sizeof *f);
}

static void *
block_realloc(void *p, int n)
{
	size_t have = block_size(p);
	void *q;

	if (round_size(n) <= have)
		return p;
	if ((q = block_new(n)) == NULL)
		return NULL;
	memcpy(q, p, have);
	block_free(p);
	return q;
}

static int
block_msize(void *p)
{
	return (int)block_size(p);
}

static int
block_roundup(int n)
{
	return (int)round_size(n);
}

static int
block_init(void *arg)
{
	(void)arg;
	return SQLITE_OK;
}

static void
block_shutdown(void *arg)
{
	(void)arg;
}

int
db_alloc_install(void)
{
	static const sqlite3_mem_methods m = {block_new, block_free,
	    block_realloc, block_msize, block_roundup, block_init,
	    block_shutdown, NULL};
	static int done;

	if (done)
		return 0;
	done = 1;
	return sqlite3_config(SQLITE_CONFIG_MALLOC, &m) == SQLITE_OK;
}
