/* parmerge.h - add imported rows below law level (struct ak_par) to a
 * data directory's paragraphs.csv without destroying anything: identical
 * rows are skipped, a differing row from the same source is kept as a row
 * of its own naming the line it conflicts with; the file is rewritten
 * atomically with its old lines untouched, in its own column order. */
#ifndef ANKEKORT_PARMERGE_H
#define ANKEKORT_PARMERGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/data/dataset.h"

struct parmerge_stats {
	size_t added, identical, conflicts;
};

/* existing is the directory as loaded (its user layer is compared). With
 * dry_run nothing is written. False (with *err set, caller frees) when
 * the file could not be read or written. */
bool parmerge_into(const char *dir, const struct ak_dataset *existing, const struct ak_par *pars,
		   size_t n, bool dry_run, FILE *report, struct parmerge_stats *st, char **err);
/* What a dry run says of n rows counted (IMPORT_PARS_COUNT) into a
 * directory that has none yet: every one would be added. */
void parmerge_say_counted(const char *dir, size_t n, FILE *report, struct parmerge_stats *st);

#endif
