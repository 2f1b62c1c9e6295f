/* dupkeys.c - the keys seen, in blocks of consecutive periods (dupkeys.h). */
#include "ankekort/base/dupkeys.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/xalloc.h"

/* a block: previous block of the group (offset + 1, 0: none), first line,
 * first period, count, sub-key; then count value bytes */
enum { B_PREV = 0, B_LINE = 4, B_PERIOD = 8, B_COUNT = 10, B_SUB = 11, B_HEAD = 12 };

static inline uint32_t get32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

static inline uint16_t get16(const unsigned char *p)
{
	uint16_t v;
	memcpy(&v, p, 2);
	return v;
}

static inline size_t slot_of(uint64_t key, size_t cap)
{
	key ^= key >> 31;
	key *= 0x9E3779B97F4A7C15u;
	return (size_t)(key >> 32) & (cap - 1);
}

static void grow_slots(struct dupkeys *d)
{
	free(d->slots);
	d->cap_slots = d->cap_slots ? d->cap_slots * 2 : 256;
	d->slots = xcalloc(d->cap_slots, sizeof *d->slots);
	for (size_t g = 0; g < d->n_groups; g++) {
		size_t i = slot_of(d->groups[g].key, d->cap_slots);
		while (d->slots[i])
			i = (i + 1) & (d->cap_slots - 1);
		d->slots[i] = (uint32_t)g + 1;
	}
}

/* The group's index, added when new. */
static inline size_t group_of(struct dupkeys *d, uint64_t key)
{
	if (d->last_group && d->groups[d->last_group - 1].key == key)
		return d->last_group - 1;
	if ((d->n_groups + 1) * 4 > d->cap_slots * 3)
		grow_slots(d);
	size_t i = slot_of(key, d->cap_slots);
	for (; d->slots[i]; i = (i + 1) & (d->cap_slots - 1)) {
		if (d->groups[d->slots[i] - 1].key == key) {
			d->last_group = d->slots[i];
			return d->slots[i] - 1;
		}
	}
	if (d->n_groups == d->cap_groups) {
		d->cap_groups = d->cap_groups ? d->cap_groups * 2 : 256;
		d->groups = xreallocarray(d->groups, d->cap_groups, sizeof *d->groups);
	}
	d->groups[d->n_groups] = (struct dupkeys_group){.key = key};
	d->slots[i] = (uint32_t)++d->n_groups;
	d->last_group = d->slots[i];
	return d->n_groups - 1;
}

static inline uint64_t big_key(size_t at)
{
	return (uint64_t)at + 1;
}

static void reserve(struct dupkeys *d, size_t n)
{
	if (d->len + n <= d->cap)
		return;
	while (d->len + n > d->cap)
		d->cap = d->cap ? d->cap * 2 : 4096;
	d->arena = xreallocarray(d->arena, d->cap, 1);
}

static void put_value(struct dupkeys *d, uint32_t value)
{
	if (value >= DUPKEYS_SMALL)
		hashtab_add(&d->big, big_key(d->len), value);
	d->arena[d->len++] = (unsigned char)(value < DUPKEYS_SMALL ? value : DUPKEYS_SMALL);
}

static uint32_t value_at(const struct dupkeys *d, size_t at)
{
	uint32_t v = d->arena[at];
	if (v < DUPKEYS_SMALL)
		return v;
	size_t pos = 0;
	uint64_t big = 0;
	hashtab_next(&d->big, big_key(at), &pos, &big);
	return (uint32_t)big;
}

bool dupkeys_put(struct dupkeys *d, uint64_t group, unsigned sub, unsigned period, int line,
		 uint32_t value, int *first_line, bool *same)
{
	size_t gi = group_of(d, group); /* may move the groups */
	struct dupkeys_group *g = &d->groups[gi];
	/* every block of the group: a sorted file has one per sub-key */
	for (uint32_t b = g->last; b;) {
		const unsigned char *h = d->arena + b - 1;
		unsigned k = period - get16(h + B_PERIOD);
		if (h[B_SUB] == sub && k < h[B_COUNT]) {
			*first_line = (int)(get32(h + B_LINE) + k);
			*same = value_at(d, b - 1 + B_HEAD + k) == value;
			return false;
		}
		b = get32(h + B_PREV);
	}
	/* new: the block being written goes on when this is its next key */
	if (d->open_block && g->last == d->open_block) {
		unsigned char *h = d->arena + d->open_block - 1;
		unsigned n = h[B_COUNT];
		if (h[B_SUB] == sub && n < 255 && period == get16(h + B_PERIOD) + n &&
		    (uint32_t)line == get32(h + B_LINE) + n) {
			reserve(d, 1);
			h = d->arena + d->open_block - 1;
			h[B_COUNT] = (unsigned char)(n + 1);
			put_value(d, value);
			return true;
		}
	}
	reserve(d, B_HEAD + 1);
	unsigned char *h = d->arena + d->len;
	uint32_t l = (uint32_t)line;
	uint16_t p = (uint16_t)period;
	memcpy(h + B_PREV, &g->last, 4);
	memcpy(h + B_LINE, &l, 4);
	memcpy(h + B_PERIOD, &p, 2);
	h[B_COUNT] = 1;
	h[B_SUB] = (unsigned char)sub;
	g->last = d->open_block = (uint32_t)d->len + 1;
	d->len += B_HEAD;
	put_value(d, value);
	return true;
}

void dupkeys_free(struct dupkeys *d)
{
	free(d->groups);
	free(d->slots);
	free(d->arena);
	hashtab_free(&d->big);
	*d = (struct dupkeys){0};
}
