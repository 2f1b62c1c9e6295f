/* groupavg.h - one rate for a group of municipalities (the 6-byer, a
 * region, a group of the user's), worked out two ways that answer two
 * questions and are named as what they are:
 *
 *  - pooled: the group's reversed cases over its cases decided, as if it
 *    were one municipality - what the Talportal's "I alt" gives; only from
 *    members whose counts are known, and a large member weighs more;
 *  - unweighted mean: the average of the members' rates (as shown: from
 *    counts, or as published), every municipality counting the same.
 *
 * Neither is filled in for members without figures: each says how many
 * members it is of. */
#ifndef ANKEKORT_GROUPAVG_H
#define ANKEKORT_GROUPAVG_H

#include <stddef.h>

#include "ankekort/data/dataset.h"
#include "ankekort/data/stats.h"

struct group_avg {
	size_t n;	      /* members asked for */
	struct ak_val pooled; /* percent, one decimal; absent without counts */
	long reversed, cases; /* the sums it is made of */
	size_t n_pooled;      /* members with counts */
	struct ak_val mean;   /* percent, one decimal; absent without rates */
	size_t n_mean;	      /* members with a rate */
};

/* The group codes[0..n) for the year and area (the national row is no
 * member and is left out). */
void group_average(const struct ak_dataset *ds, int year, enum ak_area area, const int *codes,
		   size_t n, struct group_avg *out);

#endif
