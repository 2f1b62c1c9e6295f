/* quartertable.h - the quarters between the maps as a table (the browser's
 * quarterly view, the half-year report): for one municipality and the
 * nation, per area, year to date against the same quarters a year before
 * and the rolling four quarters, each with cases, reversed, rate and 95 %
 * interval, below 10 cases "too few cases to say anything", a missing
 * quarter named. Preliminary: the June map is the reference. */
#ifndef ANKEKORT_QUARTERTABLE_H
#define ANKEKORT_QUARTERTABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/data/dataset.h"
#include "ankekort/output/tview.h"

/* The newest quarter any quarterly figure has, into *year and *quarter:
 * false when no quarter is loaded. */
bool quartertable_latest(const struct ak_dataset *ds, int *year, int *quarter);
/* The table as of (year, quarter); area -1: every area with a quarter. */
void quartertable_build(const struct ak_dataset *ds, int code, int area, int year, int quarter,
			struct tview *t);
/* The same for the municipalities codes[0..n) (each where it has
 * quarters), the nation's rows once after them in every area; with one
 * municipality the table quartertable_build() makes. */
void quartertable_build_many(const struct ak_dataset *ds, const int *codes, size_t n, int area,
			     int year, int quarter, struct tview *t);
/* The browser's quarterly view: the table as of the newest quarter
 * loaded, or, with none loaded, an empty one whose title and note say how
 * to get them. */
void quartertable_view(const struct ak_dataset *ds, int code, struct tview *t);
/* "Q1–Q2 2025", "Q3 2024–Q2 2025" (localized) into buf. */
char *quartertable_span(char *buf, size_t size, int y1, int q1, int y2, int q2);

#endif
