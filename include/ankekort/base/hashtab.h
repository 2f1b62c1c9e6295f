/* hashtab.h - the one hash table: 64-bit keys (never 0) to 64-bit values,
 * open addressing with linear probing, 16 bytes a slot, grown at three
 * quarters full. A key may be added more than once; hashtab_next() walks
 * every value stored under a key. strmap (strings), dupkeys (repeated rows)
 * and the importer's cell index are built on it. */
#ifndef ANKEKORT_HASHTAB_H
#define ANKEKORT_HASHTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hashtab_slot {
	uint64_t key; /* 0 = empty */
	uint64_t value;
};

struct hashtab {
	struct hashtab_slot *slots;
	size_t cap, used;
};

/* Stores value under key (key != 0), beside any value already there. */
void hashtab_add(struct hashtab *t, uint64_t key, uint64_t value);
/* splitmix64's finaliser: every bit of the key reaches the low bits */
static inline size_t hashtab_home(uint64_t key, size_t cap)
{
	key ^= key >> 30;
	key *= 0xbf58476d1ce4e5b9u;
	key ^= key >> 27;
	key *= 0x94d049bb133111ebu;
	key ^= key >> 31;
	return (size_t)key & (cap - 1);
}

/* The values under key one by one: start with *pos = 0; false after the
 * last. Inline: the importer's cells and maps ask it per row. */
static inline bool hashtab_next(const struct hashtab *t, uint64_t key, size_t *pos, uint64_t *value)
{
	if (!t->cap)
		return false;
	/* *pos is 0 at the start, else one past the slot last returned */
	size_t i = *pos ? *pos & (t->cap - 1) : hashtab_home(key, t->cap);
	for (; t->slots[i].key; i = (i + 1) & (t->cap - 1)) {
		if (t->slots[i].key == key) {
			*value = t->slots[i].value;
			*pos = i + 1;
			return true;
		}
	}
	return false;
}
void hashtab_free(struct hashtab *t);

/* FNV-1a, 64 bits, of n bytes continuing from h (start: HASHTAB_FNV_START);
 * never 0, so it can be a key. */
#define HASHTAB_FNV_START 1469598103934665603u
uint64_t hashtab_fnv(uint64_t h, const char *s, size_t n);
/* The same job eight bytes at a time (a multiply and a shift a word): for
 * long texts hashed often, as the painter's memory of the screen. */
uint64_t hashtab_words(uint64_t h, const void *p, size_t n);

#endif
