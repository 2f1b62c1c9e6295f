/* dupkeys.c - the keys seen, in blocks of consecutive periods (dupkeys.h). */
#include "ankekort/base/dupkeys.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/xalloc.h"

/* a block: first line, first period, width (periods a segment), segments
 * (with B_HAS_PREV when the group has a block before this one, B_PACKED
 * when its values take six bits), keys in the last segment; then the
 * group's key (its first block) or the group's block before this one
 * (offset + 1); then the segments, each a sub-key and up to width values
 * (a sorted file's decision types, one after another on consecutive lines,
 * share one block) */
enum {
	B_LINE = 0,
	B_PERIOD = 4,
	B_WIDTH = DUPKEYS_B_WIDTH,
	B_NSEG = 7,
	B_LAST = DUPKEYS_B_LAST,
	B_HEAD = 9
};
enum { B_HAS_PREV = 0x80, B_PACKED = 0x40, B_MAX_SEG = 0x3F };
/* a packed value is below this */
#define PACKED_LIMIT 64u

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

static inline unsigned char *block_at(const struct dupkeys *d, uint32_t b)
{
	return d->arena + b - 1;
}

static inline uint32_t prev_of(const unsigned char *h)
{
	return h[B_NSEG] & B_HAS_PREV ? get32(h + B_HEAD) : 0;
}

static inline unsigned char *segments_of(unsigned char *h)
{
	return h + B_HEAD + (h[B_NSEG] & B_HAS_PREV ? 4 : 8);
}

/* Bytes that n values take in a segment. */
static inline unsigned value_bytes(const unsigned char *h, unsigned n)
{
	return h[B_NSEG] & B_PACKED ? (n * 6 + 7) / 8 : n;
}

/* From a sub-key's byte to the next one's. */
static inline unsigned stride_of(const unsigned char *h)
{
	return 1 + value_bytes(h, h[B_WIDTH]);
}

static inline unsigned last_run_at(const unsigned char *h)
{
	return ((h[B_NSEG] & B_MAX_SEG) - 1u) * stride_of(h);
}

/* The group a block is of: its first block has the key. */
static uint64_t key_of(const struct dupkeys *d, uint32_t b)
{
	const unsigned char *h = block_at(d, b);
	while (h[B_NSEG] & B_HAS_PREV)
		h = block_at(d, get32(h + B_HEAD));
	uint64_t k;
	memcpy(&k, h + B_HEAD, 8);
	return k;
}

/* A group key's hash, the high half of a product: its slot and its tag
 * (never 0, which marks an empty slot). */
static inline uint32_t hash_of(uint64_t key)
{
	key ^= key >> 31;
	uint32_t h = (uint32_t)(key * 0x9E3779B97F4A7C15u >> 32);
	return h ? h : 1;
}

/* The hash's first slot in a table of cap slots (any number below 2^32:
 * the table grows by a quarter once it is large, so it is never twice
 * what the groups need). */
static inline size_t slot_of(uint32_t hash, size_t cap)
{
	return (size_t)((uint64_t)hash * cap >> 32);
}

static inline size_t next_slot(size_t i, size_t cap)
{
	return i + 1 < cap ? i + 1 : 0;
}

/* Doubles while the table is small, then grows by a quarter; a group's
 * new slot is found from its hash, kept as its tag. */
static void grow_slots(struct dupkeys *d)
{
	uint32_t *old = d->slots;
	uint32_t *old_tags = d->tags;
	size_t old_cap = d->cap_slots;
	d->cap_slots = !old_cap ? 1024 : old_cap < (1u << 16) ? old_cap * 2 : old_cap + old_cap / 4;
	d->slots = xcalloc(d->cap_slots, sizeof *d->slots);
	d->tags = xcalloc(d->cap_slots, sizeof *d->tags);
	for (size_t s = 0; s < old_cap; s++) {
		if (!old_tags[s])
			continue;
		size_t i = slot_of(old_tags[s], d->cap_slots);
		while (d->tags[i])
			i = next_slot(i, d->cap_slots);
		d->slots[i] = old[s];
		d->tags[i] = old_tags[s];
	}
	free(old);
	free(old_tags);
	d->last_slot = 0;
}

/* The group's slot, and in *last its last block, or 0 when the group is
 * new (its tag is set by new_block(); an empty slot is not read). */
static size_t slot_for(struct dupkeys *d, uint64_t key, uint32_t *last)
{
	if (d->last_slot && d->last_key == key) {
		*last = d->slots[d->last_slot - 1];
		return d->last_slot - 1;
	}
	if ((d->n_groups + 1) * 4 > d->cap_slots * 3)
		grow_slots(d);
	uint32_t tag = hash_of(key);
	size_t i = slot_of(tag, d->cap_slots);
	while (d->tags[i] && (d->tags[i] != tag || key_of(d, d->slots[i]) != key))
		i = next_slot(i, d->cap_slots);
	*last = d->tags[i] ? d->slots[i] : 0;
	d->last_slot = (uint32_t)i + 1;
	d->last_key = key;
	return i;
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

/* Value k of the segment whose sub-key byte is at seg. */
static uint32_t value_at(const struct dupkeys *d, const unsigned char *h, const unsigned char *seg,
			 unsigned k)
{
	if (h[B_NSEG] & B_PACKED) {
		unsigned bit = k * 6, at = 1 + bit / 8, shift = bit % 8;
		unsigned v = seg[at] >> shift;
		if (shift > 2)
			v |= (unsigned)seg[at + 1] << (8 - shift);
		return v & (PACKED_LIMIT - 1);
	}
	uint32_t v = seg[1 + k];
	if (v < DUPKEYS_SMALL)
		return v;
	size_t pos = 0;
	uint64_t big = 0;
	hashtab_next(&d->big, big_key((size_t)(seg + 1 + k - d->arena)), &pos, &big);
	return (uint32_t)big;
}

/* Appends value k of the last segment of the open block (the arena's end;
 * room reserved: two bytes). */
static inline void append_value(struct dupkeys *d, const unsigned char *h, unsigned k,
				uint32_t value)
{
	if (h[B_NSEG] & B_PACKED) {
		dupkeys_append_packed(d, k, value);
		return;
	}
	if (value >= DUPKEYS_SMALL)
		hashtab_add(&d->big, big_key(d->len), value);
	d->arena[d->len++] = (unsigned char)(value < DUPKEYS_SMALL ? value : DUPKEYS_SMALL);
}

/* The open block's last run takes the value (room reserved). */
static inline void append_run(struct dupkeys *d, uint32_t value)
{
	unsigned char *h = block_at(d, d->open_block);
	unsigned k = h[B_LAST]++;
	if ((h[B_NSEG] & B_MAX_SEG) == 1)
		h[B_WIDTH] = h[B_LAST];
	append_value(d, h, k, value);
}

/* The open block's values from six bits to a byte each, for a value of
 * PACKED_LIMIT or more (the block is the arena's end, and only it grows). */
static void unpack_open(struct dupkeys *d)
{
	unsigned char *h = block_at(d, d->open_block);
	unsigned w = h[B_WIDTH], nseg = h[B_NSEG] & B_MAX_SEG, last = h[B_LAST];
	size_t n = (size_t)(nseg - 1) * w + last, at = 0;
	unsigned char *subs = xmalloc(nseg), *vals = xmalloc(n);
	unsigned char *seg = segments_of(h);
	for (unsigned j = 0; j < nseg; j++, seg += stride_of(h)) {
		subs[j] = seg[0];
		for (unsigned k = 0; k < (j + 1 < nseg ? w : last); k++)
			vals[at++] = (unsigned char)value_at(d, h, seg, k);
	}
	size_t start = (size_t)(segments_of(h) - d->arena);
	reserve(d, n + nseg + 2 - (d->len - start));
	h = block_at(d, d->open_block);
	h[B_NSEG] &= (unsigned char)~B_PACKED;
	d->len = start;
	for (unsigned j = 0, v = 0; j < nseg; j++) {
		d->arena[d->len++] = subs[j];
		for (unsigned k = 0; k < (j + 1 < nseg ? w : last); k++)
			d->arena[d->len++] = vals[v++];
	}
	free(subs);
	free(vals);
}

/* Where the key is in the block at b (offset + 1): true with its line
 * and value. */
static inline bool find_in_block(const struct dupkeys *d, uint32_t b, unsigned sub, unsigned period,
				 int *line, uint32_t *value)
{
	unsigned char *h = block_at(d, b);
	unsigned k = period - get16(h + B_PERIOD), w = h[B_WIDTH];
	if (k >= w)
		return false;
	unsigned nseg = h[B_NSEG] & B_MAX_SEG, stride = stride_of(h);
	const unsigned char *seg = segments_of(h);
	for (unsigned j = 0; j < nseg; j++, seg += stride) {
		if (seg[0] == sub && (j + 1 < nseg || k < h[B_LAST])) {
			*line = (int)(get32(h + B_LINE) + j * w + k);
			*value = value_at(d, h, seg, k);
			return true;
		}
	}
	return false;
}

/* The open block's line after its last key. */
static inline uint32_t next_line_of(const unsigned char *h)
{
	return get32(h + B_LINE) + ((h[B_NSEG] & B_MAX_SEG) - 1u) * h[B_WIDTH] + h[B_LAST];
}

/* True when the key is the next period of the open block's last run (on
 * the next line): then that block cannot have it (its runs are of other
 * sub-keys), and it goes there. */
static inline bool continues_run(struct dupkeys *d, unsigned sub, unsigned period, int line)
{
	unsigned char *h = block_at(d, d->open_block);
	unsigned last = h[B_LAST];
	return (uint32_t)line == next_line_of(h) && segments_of(h)[last_run_at(h)] == sub &&
	       period == get16(h + B_PERIOD) + last &&
	       last < ((h[B_NSEG] & B_MAX_SEG) == 1 ? 255u : h[B_WIDTH]);
}

/* The open block takes the value as the next key of its last run. */
static void grow_run(struct dupkeys *d, uint32_t value)
{
	unsigned char *h = block_at(d, d->open_block);
	if ((h[B_NSEG] & B_PACKED) && value >= PACKED_LIMIT)
		unpack_open(d);
	reserve(d, 2);
	append_run(d, value);
}

/* Starts a run of another sub-key in the open block when its last run is
 * whole and the key is its first period, on the next line. */
static inline bool new_run(struct dupkeys *d, unsigned sub, unsigned period, int line,
			   uint32_t value)
{
	unsigned char *h = block_at(d, d->open_block);
	unsigned nseg = h[B_NSEG] & B_MAX_SEG;
	if ((uint32_t)line != next_line_of(h) || h[B_LAST] != h[B_WIDTH] || nseg == B_MAX_SEG ||
	    period != get16(h + B_PERIOD))
		return false;
	if ((h[B_NSEG] & B_PACKED) && value >= PACKED_LIMIT)
		unpack_open(d);
	reserve(d, 3);
	h = block_at(d, d->open_block);
	h[B_NSEG]++;
	h[B_LAST] = 1;
	d->arena[d->len++] = (unsigned char)sub;
	append_value(d, h, 0, value);
	return true;
}

/* A new block for the group in slot si (last: its last block, 0 when the
 * group is new), at the arena's end. */
static void new_block(struct dupkeys *d, size_t si, uint64_t group, uint32_t last, unsigned sub,
		      unsigned period, int line, uint32_t value)
{
	reserve(d, B_HEAD + 8 + 3);
	unsigned char *h = d->arena + d->len;
	uint32_t l = (uint32_t)line;
	uint16_t p = (uint16_t)period;
	memcpy(h + B_LINE, &l, 4);
	memcpy(h + B_PERIOD, &p, 2);
	h[B_WIDTH] = 1;
	h[B_NSEG] = (unsigned char)(1 | (last ? B_HAS_PREV : 0) |
				    (value < PACKED_LIMIT ? B_PACKED : 0));
	h[B_LAST] = 1;
	if (last)
		memcpy(h + B_HEAD, &last, 4);
	else
		memcpy(h + B_HEAD, &group, 8);
	d->n_groups += !last;
	if (!last)
		d->tags[si] = hash_of(group);
	d->open_block = d->slots[si] = (uint32_t)d->len + 1;
	d->len = (size_t)(segments_of(h) - d->arena);
	d->arena[d->len++] = (unsigned char)sub;
	append_value(d, h, 0, value);
}

/* What dupkeys_put's quick way takes next: the open block's last run going
 * on, when the group has no block before it. */
static void set_next(struct dupkeys *d, uint64_t group)
{
	unsigned char *h = block_at(d, d->open_block);
	unsigned last = h[B_LAST], nseg = h[B_NSEG] & B_MAX_SEG;
	unsigned limit = nseg == 1 ? 255u : h[B_WIDTH];
	/* a key takes at most a byte, and two are written (the room) */
	size_t arena_room = d->cap > d->len + 1 ? d->cap - d->len - 1 : 0;
	unsigned room = (h[B_NSEG] & B_HAS_PREV) || last >= limit ? 0 : limit - last;
	d->next = (struct dupkeys_next){
		.group = group,
		.line_period = (uint64_t)next_line_of(h) << 32 | (get16(h + B_PERIOD) + last),
		.sub = segments_of(h)[last_run_at(h)],
		.room = room < arena_room ? room : (unsigned)arena_room,
		.values_below = h[B_NSEG] & B_PACKED ? PACKED_LIMIT : DUPKEYS_SMALL,
		.packed = (h[B_NSEG] & B_PACKED) != 0,
		.one_run = nseg == 1,
	};
}

bool dupkeys_put_slow(struct dupkeys *d, uint64_t group, unsigned sub, unsigned period, int line,
		      uint32_t value, int *first_line, bool *same)
{
	uint32_t last;
	size_t si = slot_for(d, group, &last); /* may grow the slots */
	bool open = last && last == d->open_block;
	bool grows = open && continues_run(d, sub, period, line);
	/* every block of the group that may have it */
	uint32_t b = grows ? prev_of(block_at(d, last)) : last;
	for (; b; b = prev_of(block_at(d, b))) {
		uint32_t v;
		if (find_in_block(d, b, sub, period, first_line, &v)) {
			*same = v == value;
			return false;
		}
	}
	/* new: the block being written goes on when this is its next key */
	if (grows)
		grow_run(d, value);
	else if (!open || !new_run(d, sub, period, line, value))
		new_block(d, si, group, last, sub, period, line, value);
	set_next(d, group);
	return true;
}

void dupkeys_free(struct dupkeys *d)
{
	free(d->slots);
	free(d->tags);
	free(d->arena);
	hashtab_free(&d->big);
	*d = (struct dupkeys){0};
}

void dupkeys_prefetch(const struct dupkeys *d, uint64_t group)
{
	if (!d->cap_slots)
		return;
	size_t i = slot_of(hash_of(group), d->cap_slots);
	__builtin_prefetch(&d->tags[i]);
	__builtin_prefetch(&d->slots[i]);
}
