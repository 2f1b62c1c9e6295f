/* tablelist.h - which tables of a Statistikbank API hold Ankestyrelsen's
 * appeal decisions: its table list (JSON, as /v1/tables answers, inactive
 * tables included) read, and the candidates picked by id or by text. No
 * HTTP here (fetch.c asks); pure, so it is unit-tested and fuzzed. */
#ifndef ANKEKORT_TABLELIST_H
#define ANKEKORT_TABLELIST_H

#include <stdbool.h>
#include <stddef.h>

struct tablelist_entry {
	char *id, *text;
	bool active;
};

struct tablelist {
	struct tablelist_entry *tables;
	size_t n;
};

/* Reads the table list (len bytes of JSON: an array of objects with "id"
 * and "text"). False with *err (caller frees, naming url) when it is not
 * such an array. l is freed by the caller either way. */
bool tablelist_parse(const char *json, size_t len, const char *url, struct tablelist *l,
		     char **err);
/* The appeals tables, best first, as indexes into l->tables (at most max):
 * an id beginning with ANKE (as ANKEAST1-4 did), then a text naming
 * Ankestyrelsen, appeal cases ("klagesag") or decisions on appeals
 * ("afgørelse" with "klage"). Active tables before inactive ones, else in
 * the list's order. Returns how many. */
size_t tablelist_match(const struct tablelist *l, size_t *out, size_t max);
void tablelist_free(struct tablelist *l);

#endif
