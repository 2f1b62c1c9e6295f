/* layers.h - the two layers of the data: the shipped datasets (read-only
 * reference data, the published sources) and the user's own data (what
 * import, fetch and comments wrote). Every row keeps its layer (struct
 * ak_obs.layer); this module drops the user's copies of shipped rows and
 * says where the figures come from. Loading itself is dataload's. */
#ifndef ANKEKORT_LAYERS_H
#define ANKEKORT_LAYERS_H

#include <stddef.h>

#include "ankekort/base/sbuf.h"
#include "ankekort/data/dataset.h"

/* How far each array of a dataset had been filled before the user layer
 * was loaded: everything from there on is the user's. */
struct layers_mark {
	size_t obs, records, maps, comments;
};

struct layers_mark layers_mark_now(const struct ak_dataset *ds);
/* Drops every row, record, map link and comment after the mark that is an
 * exact copy of one before it (a data directory made by an earlier
 * version held a copy of the shipped datasets). Returns how many. Call
 * before dataset_choose_defaults(). */
size_t layers_drop_copies(struct ak_dataset *ds, const struct layers_mark *mark);
/* Where the figures come from, for the status line and print's report:
 * "your data: Statistikbanken ANKEAST2 2026-12-02 · shipped: 12
 * publications" (the interface's language; escaped by the caller). */
void layers_describe(const struct ak_dataset *ds, struct sbuf *out);
/* A source's short name: its publisher (the text before ':'), or for a
 * statistics source the bank and table ("Statistikbanken ANKEAST2",
 * "Talportal": the text before '(' after the last ", "). Into buf. */
const char *layers_source_name(const struct ak_source *s, char *buf, size_t size);

#endif
