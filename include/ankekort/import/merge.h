/* merge.h - add imported rows to a datasets directory without destroying
 * anything: identical rows are skipped, a differing figure from the same
 * source is a conflict that is reported and kept as a row of its own, and
 * every year file is rewritten atomically with its old lines untouched -
 * unless it lacks a number column a new row has a value in (a file written
 * before the column existed): then the column is added to every line, the
 * old values kept, and a row from the same source that differs only in
 * lacking it gets the new value (filled in, never overwritten). */
#ifndef ANKEKORT_MERGE_H
#define ANKEKORT_MERGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/data/dataset.h"
#include "ankekort/import/import.h"

struct merge_stats {
	size_t added, identical, conflicts, files_written;
};

/* existing is the directory as loaded (possibly empty). With dry_run nothing
 * is written. Each addition and conflict is described on report. Returns
 * false (with *err set, caller frees) when a file could not be written. */
bool merge_into(const char *dir, const struct ak_dataset *existing, const struct ak_obs *obs,
		size_t n, bool dry_run, FILE *report, struct merge_stats *st, char **err);
/* "3 rows added, 1 identical row skipped, 0 conflicts" (or "dry run: ...
 * would be added ..."), with the plurals of the interface language. */
void merge_say_totals(FILE *out, const struct merge_stats *st, bool dry_run);
/* Formats one row for a file with the given header (column names). */
/* Appends s as one CSV field of a data file: quoted when it holds the
 * delimiter, a quote, a line break or a leading space (never escaped:
 * the data is kept as it is). */
/* Writes dir/municipalities.csv from ds when the directory has none: a
 * directory an import creates loads on its own. */
bool merge_ensure_municipalities(const char *dir, const struct ak_dataset *ds, bool dry_run,
				 char **err);
char *merge_format_row(const struct ak_obs *o, const struct ak_dataset *ds,
		       const char *const *header, size_t ncols, char delim);

#endif
