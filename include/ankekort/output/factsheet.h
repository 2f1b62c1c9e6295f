/* factsheet.h - the committee fact sheet ("faktaark") for one municipality
 * and year: headline rates, national comparison, peer table, trend,
 * remanded-case follow-up, caveats and sources, as Markdown, text or CSV. */
#ifndef ANKEKORT_FACTSHEET_H
#define ANKEKORT_FACTSHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/data/dataset.h"
#include "ankekort/output/peers.h"
#include "ankekort/output/report.h"

void factsheet_write(FILE *out, const struct ak_dataset *ds, int code, int year,
		     const struct peer_set *peers, enum report_format fmt, enum peer_cells style);

#endif
