/* parreport.h - `print --by paragraph`: the paragraph table (partable.h)
 * of every municipality, year and area asked for, one row per paragraph
 * and then the other paragraphs, the total (the area figure) and, under
 * generelt, the rest. CSV is data (ids, one column a quantity); text,
 * Markdown and HTML are for people. */
#ifndef ANKEKORT_PARREPORT_H
#define ANKEKORT_PARREPORT_H

#include <stddef.h>
#include <stdio.h>

#include "ankekort/data/dataset.h"
#include "ankekort/output/report.h"

/* Writes the rows; returns how many tables (municipality, year, area)
 * were written: 0 when no paragraph row is loaded for what was asked. */
size_t parreport_print(FILE *out, const struct ak_dataset *ds, const struct print_query *q);

#endif
