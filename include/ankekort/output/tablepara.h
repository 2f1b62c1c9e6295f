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
/* A paragraph table's cells, shared by the view, print and the sheet
 * (caller frees): a count, or a number with one decimal (a sign before a
 * positive one when sign), with a decimal comma and thousands points when
 * danish, none when unknown. */
char *tables_par_count(long n, bool danish, const char *none);
char *tables_par_num(bool has, double v, bool sign, bool danish, const char *none);
/* The data columns of a paragraph table (CSV, XLSX), in the order the
 * view's export and print --by paragraph write them, before the source. */
#define TABLES_PAR_COLUMNS 22
extern const char *const tables_par_columns[TABLES_PAR_COLUMNS];
/* The order's name for the title ("above national" ...), translated. */
const char *tables_paragraph_order_name(enum partable_order order);

#endif
