/* commentmerge.h - `ankekort import` of a comments file: a municipality's
 * own published comments (year, code, area, comment, source, source_date,
 * source_url) added to DIR/comments.csv. Rows already there are skipped;
 * the file is written completely or not at all. */
#ifndef ANKEKORT_COMMENTMERGE_H
#define ANKEKORT_COMMENTMERGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/data/dataset.h"
#include "ankekort/base/diag.h"

/* True when the file's first line names a "comment" column: a comments
 * file, not figures. */
bool commentmerge_is_comments(const char *path);
/* Reads path (problems into diags, with file:line:column), then adds its
 * comments to dir. known holds the municipalities. Returns false on a
 * problem in the file or a failed write (*err set, caller frees). */
bool commentmerge_import(const char *path, const char *dir, const struct ak_dataset *known,
			 bool dry_run, FILE *report, struct diag_list *diags, size_t *added,
			 size_t *identical, char **err);

#endif
