/* changesplit.c - a change in reversed cases split into the part due to
 * the cases decided and the part due to the share reversed. */
#include "ankekort/data/changesplit.h"

#include <math.h>
#include <string.h>

#include "ankekort/data/stats.h"

bool changesplit_counts(long k1, long n1, long k2, long n2, struct ak_change_split *c)
{
	memset(c, 0, sizeof *c);
	if (k1 < 0 || n1 <= 0 || k2 < 0 || n2 < 0 || k1 > n1 || k2 > n2)
		return false;
	double r1 = (double)k1 / (double)n1;
	c->from_cases = n1;
	c->from_reversed = k1;
	c->cases = n2;
	c->reversed = k2;
	c->total = k2 - k1;
	c->by_cases = (double)(n2 - n1) * r1;
	/* n2 * (r2 - r1) = k2 - n2 * r1: no division by n2, which may be 0 */
	c->by_rate = (double)k2 - (double)n2 * r1;
	return true;
}

/* The figures of (year, code, area) when it has a rate shown. */
static bool figure_at(const struct ak_dataset *ds, int year, int code, enum ak_area area,
		      struct ak_figures *f)
{
	const struct ak_obs *o = dataset_find(ds, year, code, area);
	if (!o)
		return false;
	stats_figures_in(ds, o, f);
	return f->rate.present;
}

bool changesplit_find(const struct ak_dataset *ds, int year, int code, enum ak_area area,
		      struct ak_change_split *c)
{
	struct ak_figures f, pf;
	memset(c, 0, sizeof *c);
	if (!figure_at(ds, year, code, area, &f))
		return false;
	size_t i = 0;
	while (i < ds->n_years && ds->years[i] < year)
		i++;
	while (i-- > 0) {
		if (figure_at(ds, ds->years[i], code, area, &pf)) {
			/* the last earlier figure is the one compared with; without
			 * its counts there is nothing to split */
			if (!changesplit_counts(pf.reversed, pf.cases, f.reversed, f.cases, c))
				return false;
			c->year = year;
			c->from_year = ds->years[i];
			c->gap = ds->years[i] < year - 1;
			return true;
		}
	}
	return false;
}

void changesplit_whole(const struct ak_change_split *c, long *by_cases, long *by_rate)
{
	*by_cases = lround(stats_round(c->by_cases, 0));
	*by_rate = c->total - *by_cases;
}
