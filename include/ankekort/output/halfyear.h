/* halfyear.h - the half-year report to the committee (faktaark
 * --half-year): the first half of a year from the quarterly figures, year
 * to date against the same quarters a year before and the rolling four
 * quarters, for the municipality and the nation, with the newest map
 * beside it as the reference. Preliminary, and says so. */
#ifndef ANKEKORT_HALFYEAR_H
#define ANKEKORT_HALFYEAR_H

#include <stdbool.h>
#include <stdio.h>

#include "ankekort/data/dataset.h"
#include "ankekort/output/format.h"

/* The year of the newest half with quarterly figures (a second quarter
 * loaded), or 0 when there is none. */
int halfyear_default_year(const struct ak_dataset *ds);
/* Writes the report of the first half of year for code (area -1: every
 * area) in fmt. False when the document could not be made. */
bool halfyear_write(FILE *out, const struct ak_dataset *ds, int code, int area, int year,
		    enum report_format fmt);

#endif
