/* groups.h - a comparison group of the user's own (the ECO nøgletal's
 * "sammenlignelige kommuner", a network of municipalities): a file of
 * municipality names or codes, one a line (or a CSV whose first column
 * holds them, a header line allowed), kept in the user's data directory
 * as groups/NAME.txt or groups/NAME.csv, or named by its path. */
#ifndef ANKEKORT_GROUPS_H
#define ANKEKORT_GROUPS_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/base/diag.h"
#include "ankekort/data/dataset.h"

/* The file of the group spec names (caller frees): spec itself when it is
 * a path (it holds a '/' or ends .txt or .csv; whether or not it exists), else
 * groups/SPEC.txt or groups/SPEC.csv in ds->user_dir when one exists;
 * NULL otherwise. */
char *groups_find(const struct ak_dataset *ds, const char *spec);
/* Reads the group's members into *codes (caller frees; each once, the
 * national row never) and *n. A first line that names no municipality is
 * a header; any other such line is an error with file:line:column and the
 * closest names. False when there are errors or no member. */
bool groups_read(const struct ak_dataset *ds, const char *path, int **codes, size_t *n,
		 struct diag_list *diags);
/* The group's name for a label: the file's name without folder and
 * ending ("eco" for groups/eco.txt); caller frees. */
char *groups_name(const char *path);

#endif
