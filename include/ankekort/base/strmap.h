/* strmap.h - a small string -> int hash map (open addressing). The map owns
 * copies of its keys; free with strmap_free(). Used to remember what a long
 * file repeats (municipality labels, decision types, paragraph texts). */
#ifndef ANKEKORT_STRMAP_H
#define ANKEKORT_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

struct strmap_slot {
	char *key;
	int value;
};

struct strmap {
	struct strmap_slot *slots;
	size_t cap, used;
};

bool strmap_get(const struct strmap *m, const char *key, int *value);
void strmap_put(struct strmap *m, const char *key, int value);
void strmap_free(struct strmap *m);

#endif
