/* changesplit.h - what a change in reversed cases is made of: the part due
 * to the number of cases decided on the merits and the part due to the
 * share reversed,
 *
 *     reversed2 - reversed1 = (n2 - n1) * r1 + n2 * (r2 - r1)
 *
 * with r = reversed / n. Only from published (or agreeing borrowed) counts:
 * a year without them gets no split, never an estimate. Pure functions. */
#ifndef ANKEKORT_CHANGESPLIT_H
#define ANKEKORT_CHANGESPLIT_H

#include <stdbool.h>

#include "ankekort/data/dataset.h"

struct ak_change_split {
	int year, from_year; /* the figure's year and the earlier year it is compared with */
	bool gap;	     /* from_year is not the year before: none between has a figure */
	long cases, reversed, from_cases, from_reversed;
	long total;	 /* reversed - from_reversed, exact */
	double by_cases; /* (n2 - n1) * r1: from more (or fewer) cases decided */
	double by_rate;	 /* n2 * (r2 - r1): from a higher (or lower) share reversed */
};

/* The split of k2 of n2 against k1 of n1 into c (years left 0); false when
 * a count is unknown (negative), a part exceeds its whole or n1 is 0. */
bool changesplit_counts(long k1, long n1, long k2, long n2, struct ak_change_split *c);
/* The split for (code, area) in `year` against the last earlier loaded
 * year with a figure (its rate shown), from stats_figures_in(): false when
 * `year` has no figure, no earlier year has one, or either lacks counts. */
bool changesplit_find(const struct ak_dataset *ds, int year, int code, enum ak_area area,
		      struct ak_change_split *c);
/* The two parts in whole cases, adding up to the total: the part due to
 * the cases rounded (half away from zero), the part due to the rate the
 * rest; each is then within half a case of its exact value. */
void changesplit_whole(const struct ak_change_split *c, long *by_cases, long *by_rate);

#endif
