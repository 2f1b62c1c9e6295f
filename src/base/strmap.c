/* strmap.c - open addressing with linear probing, FNV-1a hashes. */
#include "ankekort/base/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/xalloc.h"

static size_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (size_t)h;
}

static struct strmap_slot *find(const struct strmap *m, const char *key)
{
	if (!m->cap)
		return NULL;
	for (size_t i = hash(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		struct strmap_slot *s = &m->slots[i];
		if (!s->key || strcmp(s->key, key) == 0)
			return s;
	}
}

bool strmap_get(const struct strmap *m, const char *key, int *value)
{
	const struct strmap_slot *s = find(m, key);
	if (!s || !s->key)
		return false;
	*value = s->value;
	return true;
}

static void grow(struct strmap *m)
{
	struct strmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	m->used = 0;
	for (size_t i = 0; i < old.cap; i++) {
		if (!old.slots[i].key)
			continue;
		struct strmap_slot *s = find(m, old.slots[i].key);
		*s = old.slots[i];
		m->used++;
	}
	free(old.slots);
}

void strmap_put(struct strmap *m, const char *key, int value)
{
	if ((m->used + 1) * 2 > m->cap)
		grow(m);
	struct strmap_slot *s = find(m, key);
	if (!s->key) {
		s->key = xstrdup(key);
		m->used++;
	}
	s->value = value;
}

void strmap_free(struct strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	memset(m, 0, sizeof *m);
}
