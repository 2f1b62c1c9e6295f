/* fsevents.h - the events on the fact sheet's trend: a marker on the
 * year, a footnote under the table with the event's date, kind, text and
 * source (fsevents.c). */
#ifndef ANKEKORT_FSEVENTS_H
#define ANKEKORT_FSEVENTS_H

#include <stddef.h>

#include "ankekort/data/dataset.h"
#include "ankekort/output/sheet.h"

/* The trend's year cell: "2024 [1]" when events fall in it, numbered from
 * the trend's first year from (caller frees). */
char *fsevents_year_cell(const struct sheet *s, int from, int year);
/* One footnote: "[num] 1 January 2024, Law: text (source: ...)" ([num]
 * only when num is not 0), the user's own marked as such (caller frees). */
char *fsevents_note(const struct ak_event *e, size_t num);
/* The footnotes, numbered as the markers; nothing when no event falls in
 * the trend's years (from to the sheet's year). */
void fsevents_notes(struct sheet *s, int from);

#endif
