/* factsheet.h - the committee fact sheet ("faktaark") for one municipality
 * and a year or a run of years: a committee table per year with counts,
 * the facts of the newest year, peer table, trend, remanded-case
 * follow-up, caveats and sources, as Markdown, text, CSV or HTML. */
#ifndef ANKEKORT_FACTSHEET_H
#define ANKEKORT_FACTSHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/data/dataset.h"
#include "ankekort/output/peers.h"
#include "ankekort/output/report.h"

struct factsheet_query {
	int code;
	int year;		      /* the newest year */
	int year_from;		      /* the oldest year with a table; 0: year alone */
	int area;		      /* -1: every area; else only this one */
	const struct peer_set *peers; /* borrowed; NULL: no peer table */
	enum report_format fmt;
	enum peer_cells style;
	bool prose;	/* only the paragraphs a sagsfremstilling opens with */
	bool half_year; /* the half-year report of year from the quarters (halfyear.h) */
};

/* False when the document could not be made (an XLSX workbook's temporary
 * file); the stream's errors are the caller's to check. */
bool factsheet_write(FILE *out, const struct ak_dataset *ds, const struct factsheet_query *q);

#endif
