/* quarterreport.h - `print --by quarter`: the quarter table
 * (quartertable.h) of the municipalities asked for, as of the newest
 * quarter loaded (of --year, when one is given), in every print format.
 * CSV is the table's data: one column a quantity. */
#ifndef ANKEKORT_QUARTERREPORT_H
#define ANKEKORT_QUARTERREPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "ankekort/data/dataset.h"
#include "ankekort/output/report.h"

/* Writes the table; false (nothing written) when no quarter is loaded for
 * what was asked. */
bool quarterreport_print(FILE *out, const struct ak_dataset *ds, const struct print_query *q);

#endif
