/* dupkeys.c - open addressing with linear probing over mixed 64-bit keys. */
#include "ankekort/base/dupkeys.h"

#include <stdlib.h>

#include "ankekort/base/xalloc.h"

/* splitmix64's finaliser: every bit of the key reaches the low bits */
static size_t slot_of(uint64_t key, size_t cap)
{
	key ^= key >> 30;
	key *= 0xbf58476d1ce4e5b9u;
	key ^= key >> 27;
	key *= 0x94d049bb133111ebu;
	key ^= key >> 31;
	return (size_t)key & (cap - 1);
}

static void grow(struct dupkeys *d)
{
	struct dupkeys old = *d;
	d->cap = d->cap ? d->cap * 2 : 1024;
	d->slots = xcalloc(d->cap, sizeof *d->slots);
	for (size_t i = 0; i < old.cap; i++) {
		if (!old.slots[i].key)
			continue;
		size_t j = slot_of(old.slots[i].key, d->cap);
		while (d->slots[j].key)
			j = (j + 1) & (d->cap - 1);
		d->slots[j] = old.slots[i];
	}
	free(old.slots);
}

bool dupkeys_put(struct dupkeys *d, uint64_t key, uint32_t value_hash, int line, int *first_line,
		 bool *same)
{
	if ((d->used + 1) * 4 > d->cap * 3)
		grow(d);
	size_t i = slot_of(key, d->cap);
	for (; d->slots[i].key; i = (i + 1) & (d->cap - 1)) {
		if (d->slots[i].key == key) {
			*first_line = (int)d->slots[i].line;
			*same = d->slots[i].value_hash == value_hash;
			return false;
		}
	}
	d->slots[i] = (struct dupkey_slot){.key = key, .line = (uint32_t)line, .value_hash = value_hash};
	d->used++;
	return true;
}

void dupkeys_free(struct dupkeys *d)
{
	free(d->slots);
	d->slots = NULL;
	d->cap = d->used = 0;
}

uint32_t dupkeys_hash(uint32_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}
