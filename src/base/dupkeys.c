/* dupkeys.c - the keys seen, on the one hash table: the value packs the
 * first line (high 32 bits) and the value's hash (low 32). */
#include "ankekort/base/dupkeys.h"

bool dupkeys_put(struct dupkeys *d, uint64_t key, uint32_t value_hash, int line, int *first_line,
		 bool *same)
{
	size_t pos = 0;
	uint64_t v;
	if (hashtab_next(&d->seen, key, &pos, &v)) {
		*first_line = (int)(uint32_t)(v >> 32);
		*same = (uint32_t)v == value_hash;
		return false;
	}
	hashtab_add(&d->seen, key, (uint64_t)(uint32_t)line << 32 | value_hash);
	return true;
}

void dupkeys_free(struct dupkeys *d)
{
	hashtab_free(&d->seen);
}
