/*
 * strmap.c - see strmap.h.  FNV-1a hashing; the table doubles at 1/2 load.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sync/strmap.h"
#include "util/xalloc.h"

struct strmap {
	struct strmap_entry *slots;
	size_t cap, n;
};

static uint64_t
hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

struct strmap *
strmap_new(void)
{
	struct strmap *m = xcalloc(1, sizeof *m);

	m->cap = 64;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	return m;
}

static struct strmap_entry *
probe(struct strmap_entry *slots, size_t cap, const char *key)
{
	size_t i = (size_t)(hash(key) & (cap - 1));

	while (slots[i].key != NULL && strcmp(slots[i].key, key) != 0)
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static void
grow(struct strmap *m)
{
	size_t cap = m->cap * 2;
	struct strmap_entry *slots = xcalloc(cap, sizeof *slots);

	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].key != NULL)
			*probe(slots, cap, m->slots[i].key) = m->slots[i];
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
}

struct strmap_entry *
strmap_get(struct strmap *m, const char *key, int add, int *added)
{
	struct strmap_entry *e = probe(m->slots, m->cap, key);

	if (added != NULL)
		*added = 0;
	if (e->key != NULL || !add)
		return e->key != NULL ? e : NULL;
	if ((m->n + 1) * 2 > m->cap) {
		grow(m);
		e = probe(m->slots, m->cap, key);
	}
	e->key = xstrdup(key);
	e->val = 0;
	e->ptr = NULL;
	m->n++;
	if (added != NULL)
		*added = 1;
	return e;
}

size_t
strmap_count(const struct strmap *m)
{
	return m->n;
}

void
strmap_each(
    struct strmap *m, void (*fn)(struct strmap_entry *, void *), void *arg)
{
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].key != NULL)
			fn(&m->slots[i], arg);
}

void
strmap_free(struct strmap *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	free(m);
}
