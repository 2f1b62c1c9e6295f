/* tables.h - the browser's table views as plain data: year over year for
 * one municipality, a comparison of municipalities between two years, and
 * the committee papers' peer table. The UI draws them; exports write them
 * with doc.h. Every tview owns its strings; free with tview_free(). */
#ifndef ANKEKORT_TABLES_H
#define ANKEKORT_TABLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/data/dataset.h"
#include "ankekort/output/doc.h"
#include "ankekort/output/factsheet.h"
#include "ankekort/output/report.h"
#include "ankekort/output/tview.h"

/* Every area and loaded year for one municipality: rate, cases, split, change
 * in points against the year before and whether it is larger than chance. */
void tables_yoy(const struct ak_dataset *ds, int code, struct tview *t);
/* The municipalities in codes (national row pinned first) for one area and
 * two years. */
void tables_compare(const struct ak_dataset *ds, const int *codes, size_t n, enum ak_area area,
		    int year1, int year2, struct tview *t);
/* The peer set x the three areas, "rate (remanded / changed)". */
void tables_peers(const struct ak_dataset *ds, const struct peer_set *p, int year, struct tview *t);

/* The funnel plot's points as a table: cases, rate, p-value, the 95 %
 * limits at the municipality's cases and where it lies. */
struct funnel;
void tables_funnel(const struct funnel *fn, const struct ak_dataset *ds, struct tview *t);

#endif
