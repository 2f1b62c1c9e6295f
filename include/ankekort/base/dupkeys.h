/* dupkeys.h - the keys an import file has shown, to catch a key that comes
 * twice: a set of 64-bit keys (on hashtab.h), each with the line it was first
 * seen on and a hash of its value. 16 bytes a key; nothing else grows with
 * the file. */
#ifndef ANKEKORT_DUPKEYS_H
#define ANKEKORT_DUPKEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ankekort/base/hashtab.h"

struct dupkeys {
	struct hashtab seen; /* key -> first line << 32 | value hash */
};

/* Records key (never 0) first seen on line with the value's hash. Returns
 * true when the key is new; otherwise false, with the first line and whether
 * the value was the same. */
bool dupkeys_put(struct dupkeys *d, uint64_t key, uint32_t value_hash, int line, int *first_line,
		 bool *same);
void dupkeys_free(struct dupkeys *d);

#endif
