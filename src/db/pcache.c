/*
 * pcache.c - see pcache.h.
 *
 * Why: SQLite's own page cache mallocs a fresh page for each database
 * page it holds, and on a virtual machine (ours: README, Performance)
 * the first touch of each 4 KiB page of fresh memory is a page fault of
 * several microseconds.  The first search of a session that reads
 * thousands of products' keys (two letters of English, "ft", "bl")
 * spent most of its 15-20 ms in those faults.  A fixed region is
 * faulted once, as one huge page where the kernel allows, and its pages
 * reused: the same search takes 7-10 ms, a repeat 6 instead of 7.
 */
#include <config.h>

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>

#include "db/db.h"
#include "db/pcache.h"

/* A slot holds one page of a database db_open creates; a file with
 * 4 KiB pages (made before 8 KiB) uses a slot per page too, half of it
 * idle.  A larger page than a slot would come from malloc instead. */
#define PAGE_BYTES DB_PAGE_BYTES

/* A region of len bytes aligned to len (a power of two), or NULL. */
static void *
map_aligned(size_t len)
{
	char *m = mmap(NULL, 2 * len, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *a;
	size_t head;

	if (m == MAP_FAILED)
		return NULL;
	a = (char *)(((uintptr_t)m + len - 1) & ~(uintptr_t)(len - 1));
	head = (size_t)(a - m);
	if (head > 0)
		munmap(m, head);
	munmap(a + len, len - head);
	return a;
}

int
db_pcache_fixed(void)
{
	static int installed;
	int hdr = 0, n;
	size_t slot;
	void *region;

	if (installed > 0)
		return installed;
	if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &hdr) != SQLITE_OK)
		return 0;
	slot = ((size_t)PAGE_BYTES + (size_t)hdr + 7) & ~(size_t)7;
	n = (int)(DB_PCACHE_BYTES / slot);
	region = map_aligned(DB_PCACHE_BYTES);
	if (region == NULL)
		return 0;
#ifdef MADV_HUGEPAGE
	/* advice only: without transparent huge pages it is 4 KiB pages,
	 * still faulted once each and then reused */
	(void)madvise(region, DB_PCACHE_BYTES, MADV_HUGEPAGE);
#endif
	if (sqlite3_config(SQLITE_CONFIG_PAGECACHE, region, (int)slot, n) !=
	    SQLITE_OK) {
		munmap(region, DB_PCACHE_BYTES);
		return 0;
	}
	installed = n;
	return n;
}
