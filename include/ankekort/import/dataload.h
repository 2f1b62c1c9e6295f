/* dataload.h - load what --data names: a datasets directory, or a single
 * downloaded file (Statistikbanken, Talportal, spreadsheet) read as import
 * would read it, with the municipalities of the shipped datasets, and
 * without writing anything. */
#ifndef ANKEKORT_DATALOAD_H
#define ANKEKORT_DATALOAD_H

#include <stdbool.h>

#include "ankekort/data/csvload.h"
#include "ankekort/import/import.h"

/* shipped is the shipped datasets directory (for municipalities.csv and
 * areas.csv when data is a file); it may be NULL when data is a directory. */
bool dataload(struct ak_dataset *ds, const char *data, const char *shipped, struct diag_list *diags,
	      struct load_result *res);
/* The area rules of a datasets directory (its areas.csv, else built in). */
void dataload_rules(struct area_rules *rules, const char *dir, struct diag_list *diags);

#endif
