/* dupkeys.h - the keys an import file has shown, to catch a key that comes
 * twice, kept where the next row will look for them.
 *
 * A key is a group (what a row is a figure of, without its period: 64 bits),
 * a sub-key (0-255: the decision type) and a period number (0-65535, where
 * the next period is the number plus one). Files list a group's periods
 * one after another, so the keys are kept in blocks: a run of periods on
 * consecutive lines is one 9-byte header (the first line, the first
 * period, the periods a run, the runs, the keys in the last run), the
 * group's key (8 bytes, in its first block) or its block before (4 bytes),
 * and a byte for the sub-key, then the values: six bits each while they
 * are below 64, a byte each otherwise; the next sub-key's run of the same
 * periods on the next lines (a sorted file's decision types) is one more
 * byte and its values in the same block: under a byte a key, and 9 + 8
 * bytes a group with about 14 more for finding it (a slot: the group's
 * last block, and four bytes of its hash, which a probe tests before it
 * reads a block and the table grows by). Blocks are appended to one arena
 * in the order they are written, a block still being written grows in
 * place, and a sorted file looks its group up once per run of rows (the
 * last group is remembered, and the key that would continue the block
 * being written is known), so the check reads and writes memory in
 * sequence: no random probe per row. Nothing else grows with the file. */
#ifndef ANKEKORT_DUPKEYS_H
#define ANKEKORT_DUPKEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ankekort/base/hashtab.h"

/* A value's identity: a count from 0 to DUPKEYS_SMALL - 1 written plainly
 * is itself (one byte in the block); anything else is a hash of its text,
 * made at least DUPKEYS_SMALL (kept beside the blocks, by its place). */
#define DUPKEYS_SMALL 255u

/* The key that would go on with the block being written (its last run's
 * next period on the next line), while the group has no other block. */
struct dupkeys_next {
	uint64_t group;
	uint64_t line_period; /* its line in the high half, its period in the low */
	unsigned sub;
	unsigned room;	       /* keys the run (and the arena) can still take; 0: look it up */
	uint32_t values_below; /* the values the block takes as they are */
	bool packed;	       /* the block's values take six bits */
	bool one_run;	       /* the block has one run (its width grows with it) */
};

struct dupkeys {
	uint32_t *slots; /* offset + 1 of each group's last block, open addressing; 0 = empty */
	uint32_t *tags;	 /* beside each slot, its group's hash (its high half, never 0); 0 =
			    empty: a probe reads a block only where the hash matches, and
			    growing places the slots without reading a block */
	size_t n_groups, cap_slots;
	unsigned char *arena; /* the blocks, in the order written */
	size_t len, cap;
	uint32_t open_block; /* offset + 1 of the block at the arena's end */
	uint32_t last_slot;  /* index + 1 of the slot looked up last, */
	uint64_t last_key;   /* ... for this group */
	struct dupkeys_next next;
	struct hashtab big; /* value identities of DUPKEYS_SMALL and up */
};

/* Private to dupkeys.c, here for the quick way below: a block's header
 * (dupkeys.c says what each byte is). */
enum { DUPKEYS_B_WIDTH = 6, DUPKEYS_B_LAST = 8 };

/* Private: appends value k (below 64) of the open block's last run, six
 * bits from bit k * 6 of its values (the arena's end; room: two bytes). */
static inline void dupkeys_append_packed(struct dupkeys *d, unsigned k, uint32_t value)
{
	/* without a branch: the value's byte keeps its bits below shift and
	 * both bytes are written (the second is past the end when the value
	 * fits, and the room is there); a new byte unless shift is 2 */
	unsigned shift = k * 6 % 8;
	unsigned char *p = d->arena + d->len - (shift != 0);
	unsigned w = (p[0] & ((1u << shift) - 1u)) | value << shift;
	p[0] = (unsigned char)w;
	p[1] = (unsigned char)(w >> 8);
	d->len += shift != 2;
}

/* dupkeys_put() when the key is not the next one of the open block. */
bool dupkeys_put_slow(struct dupkeys *d, uint64_t group, unsigned sub, unsigned period, int line,
		      uint32_t value, int *first_line, bool *same);

/* Records the key seen on line with a value identity. Returns true when
 * the key is new; otherwise false, with the line it was first seen on and
 * whether the value was the same. Inline: a sorted file's key is nearly
 * always the next one of the block being written, which takes it here. */
static inline bool dupkeys_put(struct dupkeys *d, uint64_t group, unsigned sub, unsigned period,
			       int line, uint32_t value, int *first_line, bool *same)
{
	struct dupkeys_next *n = &d->next;
	uint64_t line_period = (uint64_t)(uint32_t)line << 32 | period;
	if (!n->room || group != n->group || line_period != n->line_period || sub != n->sub ||
	    value >= n->values_below)
		return dupkeys_put_slow(d, group, sub, period, line, value, first_line, same);
	/* the open block's last run goes on: no other block of the group */
	unsigned char *h = d->arena + d->open_block - 1;
	unsigned k = h[DUPKEYS_B_LAST]++;
	if (n->one_run)
		h[DUPKEYS_B_WIDTH] = h[DUPKEYS_B_LAST];
	if (n->packed)
		dupkeys_append_packed(d, k, value);
	else
		d->arena[d->len++] = (unsigned char)value;
	n->line_period += (1ull << 32) + 1; /* the next line, the next period */
	n->room--;
	return true;
}
/* Starts fetching what a look-up of group will read first (its slot), for
 * a group foreseen well before its rows come: a new group's slot is
 * otherwise a wait on memory. Changes nothing. */
void dupkeys_prefetch(const struct dupkeys *d, uint64_t group);
void dupkeys_free(struct dupkeys *d);

#endif
