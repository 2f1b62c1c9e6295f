/* strmap.c - strings to ints: the entries in an array, found through the
 * one hash table by their 64-bit hash (strings that share a hash are told
 * apart by comparing them). */
#include "ankekort/base/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/xalloc.h"

static uint64_t key_hash(const char *key)
{
	return hashtab_fnv(HASHTAB_FNV_START, key, strlen(key));
}

static struct strmap_entry *find(const struct strmap *m, const char *key, uint64_t h)
{
	size_t pos = 0;
	uint64_t i;
	while (hashtab_next(&m->index, h, &pos, &i))
		if (strcmp(m->entries[i].key, key) == 0)
			return &m->entries[i];
	return NULL;
}

bool strmap_get(const struct strmap *m, const char *key, int *value)
{
	const struct strmap_entry *e = find(m, key, key_hash(key));
	if (e)
		*value = e->value;
	return e != NULL;
}

void strmap_put(struct strmap *m, const char *key, int value)
{
	uint64_t h = key_hash(key);
	struct strmap_entry *e = find(m, key, h);
	if (e) {
		e->value = value;
		return;
	}
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->entries = xreallocarray(m->entries, m->cap, sizeof *m->entries);
	}
	m->entries[m->n] = (struct strmap_entry){.key = xstrdup(key), .value = value};
	hashtab_add(&m->index, h, m->n);
	m->n++;
}

void strmap_free(struct strmap *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->entries[i].key);
	free(m->entries);
	hashtab_free(&m->index);
	memset(m, 0, sizeof *m);
}
