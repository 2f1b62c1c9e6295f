/* quarters.h - the quarterly figures between the maps: reading
 * quarters.csv (the user's data; import writes it from quarterly tables),
 * and the sums the half-year report and the quarterly view show: year to
 * date against the same quarters a year before, and a rolling four
 * quarters, each with its case count and 95 % interval.
 *
 * Quarterly counts are preliminary (the June map is the reference) and
 * are never mixed with the year files' figures. A sum is only made when
 * every quarter in it has counts: a missing quarter is named, never
 * estimated; below QUARTERS_MIN_CASES cases there is no rate. */
#ifndef ANKEKORT_QUARTERS_H
#define ANKEKORT_QUARTERS_H

#include <stdbool.h>

#include "ankekort/base/diag.h"
#include "ankekort/data/csvload.h"
#include "ankekort/data/dataset.h"

#define QUARTERS_MIN_CASES 10 /* fewer cases: "too few cases to say anything" */
#define QUARTERS_FILE "quarters.csv"

/* Reads quarters.csv (path, or buf/len when path is NULL) into ds->quarters;
 * problems into diags with file:line:column. Two rows for one quarter,
 * municipality, area and source are an error. */
void quarters_load(struct ak_dataset *ds, const char *path, const char *buf, size_t len,
		   const char *display, struct diag_list *diags, struct load_result *res);

/* The row for one quarter of (code, area): of several sources the newer
 * source date, then the first in the file; NULL when none. */
const struct ak_quarter *quarters_find(const struct ak_dataset *ds, int year, int quarter, int code,
				       enum ak_area area);
/* The newest quarter any figure of the area has (the data's "as of"):
 * false when there is none. */
bool quarters_latest(const struct ak_dataset *ds, enum ak_area area, int *year, int *quarter);
/* A quarter's cases and reversed: published, or the parts' sum when all
 * are published; -1 when unknown. */
void quarters_counts(const struct ak_quarter *q, long *cases, long *reversed);

struct ak_qsum {
	int from_year, from_q, to_year, to_q; /* the quarters summed, inclusive */
	unsigned missing; /* bit i: the i-th quarter of the span has no counts */
	int n_missing;
	long cases, reversed;	      /* summed; -1 when a quarter is missing */
	bool too_few;		      /* complete, but fewer than QUARTERS_MIN_CASES cases */
	bool has_rate;		      /* complete and enough cases: rate and interval set */
	double rate, ci_low, ci_high; /* percent, one decimal */
};

/* The quarters from (y1, q1) to (y2, q2) of (code, area) summed into out. */
void quarters_sum(const struct ak_dataset *ds, int code, enum ak_area area, int y1, int q1, int y2,
		  int q2, struct ak_qsum *out);
/* Year to date: quarters 1..quarter of year, and the same quarters of the
 * year before. */
void quarters_ytd(const struct ak_dataset *ds, int code, enum ak_area area, int year, int quarter,
		  struct ak_qsum *now, struct ak_qsum *before);
/* The four quarters ending with (year, quarter). */
void quarters_rolling(const struct ak_dataset *ds, int code, enum ak_area area, int year,
		      int quarter, struct ak_qsum *out);
/* The quarter `back` quarters before (year, quarter), into *y, *q. */
void quarters_step_back(int year, int quarter, int back, int *y, int *q);

#endif
