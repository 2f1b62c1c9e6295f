/* dupkeys.c - the keys seen, in blocks of consecutive periods (dupkeys.h). */
#include "ankekort/base/dupkeys.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/xalloc.h"

/* a block: first line, first period, width (periods a segment), segments
 * (with B_HAS_PREV when the group has a block before this one), keys in the
 * last segment; the previous block of the group (offset + 1) when there is
 * one; then the segments, each a sub-key and up to width value bytes (a
 * sorted file's decision types, one after another on consecutive lines,
 * share one block) */
enum { B_LINE = 0, B_PERIOD = 4, B_WIDTH = 6, B_NSEG = 7, B_LAST = 8, B_HEAD = 9, B_PREV = 9 };
enum { B_HAS_PREV = 0x80, B_MAX_SEG = 0x7F };

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

static inline uint64_t key_of(const struct dupkeys_group *g)
{
	return (uint64_t)g->key[1] << 32 | g->key[0];
}

/* The key's first slot in a table of cap slots (any number below 2^32:
 * the table grows by a quarter, not double, so it is never twice what the
 * groups need). */
static inline size_t slot_of(uint64_t key, size_t cap)
{
	key ^= key >> 31;
	key *= 0x9E3779B97F4A7C15u;
	return (size_t)((key >> 32) * cap >> 32);
}

static inline size_t next_slot(size_t i, size_t cap)
{
	return i + 1 < cap ? i + 1 : 0;
}

static void grow_slots(struct dupkeys *d)
{
	free(d->slots);
	d->cap_slots = d->cap_slots ? d->cap_slots + d->cap_slots / 4 : 256;
	d->slots = xcalloc(d->cap_slots, sizeof *d->slots);
	for (size_t g = 0; g < d->n_groups; g++) {
		size_t i = slot_of(key_of(&d->groups[g]), d->cap_slots);
		while (d->slots[i])
			i = next_slot(i, d->cap_slots);
		d->slots[i] = (uint32_t)g + 1;
	}
}

/* The group's index, added when new. */
static inline size_t group_of(struct dupkeys *d, uint64_t key)
{
	if (d->last_group && key_of(&d->groups[d->last_group - 1]) == key)
		return d->last_group - 1;
	if ((d->n_groups + 1) * 4 > d->cap_slots * 3)
		grow_slots(d);
	size_t i = slot_of(key, d->cap_slots);
	for (; d->slots[i]; i = next_slot(i, d->cap_slots)) {
		if (key_of(&d->groups[d->slots[i] - 1]) == key) {
			d->last_group = d->slots[i];
			return d->slots[i] - 1;
		}
	}
	if (d->n_groups == d->cap_groups) {
		d->cap_groups = d->cap_groups ? d->cap_groups * 2 : 256;
		d->groups = xreallocarray(d->groups, d->cap_groups, sizeof *d->groups);
	}
	d->groups[d->n_groups] =
		(struct dupkeys_group){.key = {(uint32_t)key, (uint32_t)(key >> 32)}};
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

static inline const unsigned char *segments_of(const unsigned char *h)
{
	return h + (h[B_NSEG] & B_HAS_PREV ? B_HEAD + 4 : B_HEAD);
}

static inline uint32_t prev_of(const unsigned char *h)
{
	return h[B_NSEG] & B_HAS_PREV ? get32(h + B_PREV) : 0;
}

/* Where the key is in the block at b (offset + 1): the value's offset,
 * with its line; 0 when the block does not have it. */
static inline size_t find_in_block(const struct dupkeys *d, uint32_t b, unsigned sub,
				   unsigned period, int *line)
{
	const unsigned char *h = d->arena + b - 1;
	unsigned k = period - get16(h + B_PERIOD), w = h[B_WIDTH];
	if (k >= w)
		return 0;
	unsigned nseg = h[B_NSEG] & B_MAX_SEG;
	const unsigned char *seg = segments_of(h);
	for (unsigned j = 0; j < nseg; j++, seg += 1 + w) {
		if (seg[0] == sub && (j + 1 < nseg || k < h[B_LAST])) {
			*line = (int)(get32(h + B_LINE) + j * w + k);
			return (size_t)(seg + 1 + k - d->arena);
		}
	}
	return 0;
}

/* The block at the arena's end: its line after the last key, and its last
 * run of periods. */
static inline const unsigned char *open_block(const struct dupkeys *d, uint32_t *next_line,
					      const unsigned char **last_run)
{
	const unsigned char *h = d->arena + d->open_block - 1;
	unsigned w = h[B_WIDTH], nseg = h[B_NSEG] & B_MAX_SEG;
	*last_run = segments_of(h) + (nseg - 1) * (1 + w);
	*next_line = get32(h + B_LINE) + (nseg - 1) * w + h[B_LAST];
	return h;
}

/* True when the key is the next period of the open block's last run (on
 * the next line): then that block cannot have it (its runs are of other
 * sub-keys), and it goes there. */
static inline bool continues_run(const struct dupkeys *d, unsigned sub, unsigned period, int line)
{
	uint32_t next_line;
	const unsigned char *run, *h = open_block(d, &next_line, &run);
	unsigned last = h[B_LAST];
	return (uint32_t)line == next_line && run[0] == sub &&
	       period == get16(h + B_PERIOD) + last &&
	       last < ((h[B_NSEG] & B_MAX_SEG) == 1 ? 255u : h[B_WIDTH]);
}

static void grow_run(struct dupkeys *d, uint32_t value)
{
	reserve(d, 1);
	unsigned char *h = d->arena + d->open_block - 1;
	h[B_LAST]++;
	if ((h[B_NSEG] & B_MAX_SEG) == 1)
		h[B_WIDTH] = h[B_LAST];
	put_value(d, value);
}

/* Starts a run of another sub-key in the open block when its last run is
 * whole and the key is its first period, on the next line. */
static inline bool new_run(struct dupkeys *d, unsigned sub, unsigned period, int line,
			   uint32_t value)
{
	uint32_t next_line;
	const unsigned char *run, *h = open_block(d, &next_line, &run);
	unsigned nseg = h[B_NSEG] & B_MAX_SEG;
	if ((uint32_t)line != next_line || h[B_LAST] != h[B_WIDTH] || nseg == B_MAX_SEG ||
	    period != get16(h + B_PERIOD))
		return false;
	reserve(d, 2);
	unsigned char *w = d->arena + d->open_block - 1;
	w[B_NSEG] = (unsigned char)((w[B_NSEG] & B_HAS_PREV) | (nseg + 1));
	w[B_LAST] = 1;
	d->arena[d->len++] = (unsigned char)sub;
	put_value(d, value);
	return true;
}

bool dupkeys_put(struct dupkeys *d, uint64_t group, unsigned sub, unsigned period, int line,
		 uint32_t value, int *first_line, bool *same)
{
	size_t gi = group_of(d, group); /* may move the groups */
	struct dupkeys_group *g = &d->groups[gi];
	bool open = d->open_block && g->last == d->open_block;
	bool grows = open && continues_run(d, sub, period, line);
	/* every block of the group that may have it */
	uint32_t b = grows ? prev_of(d->arena + g->last - 1) : g->last;
	for (; b; b = prev_of(d->arena + b - 1)) {
		size_t at = find_in_block(d, b, sub, period, first_line);
		if (at) {
			*same = value_at(d, at) == value;
			return false;
		}
	}
	/* new: the block being written goes on when this is its next key */
	if (grows) {
		grow_run(d, value);
		return true;
	}
	if (open && new_run(d, sub, period, line, value))
		return true;
	reserve(d, B_HEAD + 4 + 2);
	unsigned char *h = d->arena + d->len;
	uint32_t l = (uint32_t)line;
	uint16_t p = (uint16_t)period;
	size_t head = g->last ? B_HEAD + 4 : B_HEAD;
	memcpy(h + B_LINE, &l, 4);
	memcpy(h + B_PERIOD, &p, 2);
	h[B_WIDTH] = 1;
	h[B_NSEG] = g->last ? B_HAS_PREV | 1 : 1;
	h[B_LAST] = 1;
	if (g->last)
		memcpy(h + B_PREV, &g->last, 4);
	h[head] = (unsigned char)sub;
	g->last = d->open_block = (uint32_t)d->len + 1;
	d->len += head + 1;
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
