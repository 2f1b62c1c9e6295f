/* printevents.h - `print`'s footnotes: the events (events.csv, shipped and
 * the user's) that fall in the years printed, for the municipalities
 * printed and the nation, under the table in text, Markdown and HTML;
 * never in CSV, which is data. */
#ifndef ANKEKORT_PRINTEVENTS_H
#define ANKEKORT_PRINTEVENTS_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/data/dataset.h"
#include "ankekort/output/doc.h"

/* Writes the footnotes of the municipalities codes[0..n) (NULL: every
 * one) in year (0: every loaded year) into d, apart from what is above
 * (doc_gap); nothing when no event falls in the years. */
void printevents_notes(struct doc *d, const struct ak_dataset *ds, const int *codes, size_t n,
		       int year);

#endif
