/* quartermerge.h - add imported quarters to DIR/quarters.csv, apart from
 * the year files: a row identical to one there (same quarter,
 * municipality, area, source and counts) is skipped, other counts from the
 * same source are a conflict kept as a row of its own (its source names
 * the line), and the file is rewritten atomically with its old lines
 * untouched. */
#ifndef ANKEKORT_QUARTERMERGE_H
#define ANKEKORT_QUARTERMERGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/data/dataset.h"

struct quartermerge_stats {
	size_t added, identical, conflicts;
};

/* existing is the directory as loaded (its quarters.csv in
 * existing->quarters). With dry_run nothing is written. What is added is
 * said on report; false (with *err set, caller frees) when the file could
 * not be read or written. */
bool quartermerge_into(const char *dir, const struct ak_dataset *existing,
		       const struct ak_quarter *q, size_t n, bool dry_run, FILE *report,
		       struct quartermerge_stats *st, char **err);

#endif
