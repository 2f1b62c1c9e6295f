/* strmap.h - a small string -> int map on the one hash table (hashtab.h). The map owns
 * copies of its keys; free with strmap_free(). Used to remember what a long
 * file repeats (municipality labels, decision types, paragraph texts). */
#ifndef ANKEKORT_STRMAP_H
#define ANKEKORT_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/base/hashtab.h"

struct strmap_entry {
	char *key;
	int value;
};

struct strmap {
	struct hashtab index; /* the key's hash -> entry */
	struct strmap_entry *entries;
	size_t n, cap;
};

bool strmap_get(const struct strmap *m, const char *key, int *value);
void strmap_put(struct strmap *m, const char *key, int value);
void strmap_free(struct strmap *m);

#endif
