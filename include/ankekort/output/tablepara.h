/* tablepara.h - the paragraph view's table (the browser's `P`): the
 * paragraph table (partable.h) of one municipality, year and area as a
 * tview, grouped by unit when units.csv maps the municipality's
 * paragraphs, with its tidy CSV (one column a quantity). */
#ifndef ANKEKORT_TABLEPARA_H
#define ANKEKORT_TABLEPARA_H

#include <stdbool.h>

#include "ankekort/data/dataset.h"
#include "ankekort/data/partable.h"
#include "ankekort/output/tview.h"

/* The paragraphs in the order asked for (reversed when reverse), then the
 * other paragraphs, the total and (generelt) the rest; no rows, and a
 * note saying what to import, when none is loaded. */
void tables_paragraphs(const struct ak_dataset *ds, int code, int year, enum ak_area area,
		       enum partable_order order, bool reverse, struct tview *t);
/* The order's name for the title ("above national" ...), translated. */
const char *tables_paragraph_order_name(enum partable_order order);

#endif
