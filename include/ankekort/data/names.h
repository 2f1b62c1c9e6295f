/* names.h - find a municipality by what a user types.
 *
 * Matching is case-insensitive with Danish folding (aa = å, ae = æ, oe = ø,
 * so "Århus" finds Aarhus), ignores a trailing "Kommune", accepts the code,
 * "Hele landet"/"Danmark" for the national total, and a unique prefix. */
#ifndef ANKEKORT_NAMES_H
#define ANKEKORT_NAMES_H

#include <stdbool.h>

#include "ankekort/data/dataset.h"

enum names_result { NAMES_OK, NAMES_UNKNOWN, NAMES_AMBIGUOUS };

/* On NAMES_OK sets *code. Otherwise sets *hint to an allocated sentence
 * naming the candidates or the closest names (caller frees). */
enum names_result names_resolve(const struct ak_dataset *ds, const char *query, int *code,
				char **hint);
/* The same without the hint: for callers that only need the code (the
 * importer looks up thousands of labels that are not names at all). */
enum names_result names_lookup(const struct ak_dataset *ds, const char *query, int *code);

/* Folds m->name once into m->folded and m->loose (owned by m), so that
 * every lookup compares ready-made forms: the loader calls it. */
void names_fold_municipality(struct ak_municipality *m);

/* The folded names of a dataset's municipalities, made once, for searching
 * as the user types (the browser's search runs this on every key). */
struct name_index {
	int *codes;
	char **folded, **loose; /* owned */
	size_t n;
};

void names_index_build(struct name_index *ix, const struct ak_dataset *ds);
void names_index_free(struct name_index *ix);
/* Folds a query once: both forms are owned by the caller. */
void names_fold_query(const char *query, char **folded, char **loose);
/* True when municipality code's name contains the folded query. */
bool names_index_contains(const struct name_index *ix, int code, const char *folded,
			  const char *loose);

#endif
