/* hashtab.c - open addressing with linear probing over mixed 64-bit keys. */
#include "ankekort/base/hashtab.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/xalloc.h"

static void place(struct hashtab *t, struct hashtab_slot s)
{
	size_t i = hashtab_home(s.key, t->cap);
	while (t->slots[i].key)
		i = (i + 1) & (t->cap - 1);
	t->slots[i] = s;
}

static void grow(struct hashtab *t)
{
	struct hashtab old = *t;
	t->cap = old.cap ? old.cap * 2 : 64;
	t->slots = xcalloc(t->cap, sizeof *t->slots);
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].key)
			place(t, old.slots[i]);
	free(old.slots);
}

void hashtab_add(struct hashtab *t, uint64_t key, uint64_t value)
{
	if ((t->used + 1) * 4 > t->cap * 3)
		grow(t);
	place(t, (struct hashtab_slot){.key = key, .value = value});
	t->used++;
}

void hashtab_free(struct hashtab *t)
{
	free(t->slots);
	*t = (struct hashtab){0};
}

uint64_t hashtab_fnv(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h ? h : 1;
}

static uint64_t mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0x9E3779B97F4A7C15u;
	return h ^ (h >> 29);
}

uint64_t hashtab_words(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t w;
	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = mix(h, w);
	}
	w = 0;
	memcpy(&w, s, n);
	h = mix(mix(h, w), n);
	return h ? h : 1;
}
