/*
 * strmap.h - a hash map from strings to a long and a pointer, for the
 * importers' bookkeeping: the line where a SKU was first seen, the cached
 * id of a product, the item rows of a Taobao order.  Open addressing with
 * linear probing; keys are copied.  Memory grows with the keys stored, so
 * the importers keep only what is bounded by a catalogue, never one entry
 * per order row.
 */
#ifndef COOPSTOCK_STRMAP_H
#define COOPSTOCK_STRMAP_H

#include <stddef.h>

struct strmap;

/* One entry; key is owned by the map, val and ptr by the caller. */
struct strmap_entry {
	char *key;
	long val;
	void *ptr;
};

/* Return a new empty map.  Never NULL. */
struct strmap *strmap_new(void);

/*
 * Find key; if absent and add is nonzero, add it with val 0 and ptr NULL.
 * Returns the entry (valid until the next strmap_get with add, or
 * strmap_free), or NULL when absent and !add.  *added (may be NULL) is
 * set to 1 when the entry was just added, else 0.
 */
struct strmap_entry *strmap_get(
    struct strmap *m, const char *key, int add, int *added);

/* Return the number of entries. */
size_t strmap_count(const struct strmap *m);

/*
 * Call fn for every entry in no particular order.  Adding entries during
 * the walk is not allowed.
 */
void strmap_each(
    struct strmap *m, void (*fn)(struct strmap_entry *, void *), void *arg);

/* Free m and its keys (not the ptrs: walk with strmap_each first).  NULL ok. */
void strmap_free(struct strmap *m);

#endif
