/* groupavg.c - a group's pooled rate and its unweighted mean of rates. */
#include "ankekort/data/groupavg.h"

#include <string.h>

void group_average(const struct ak_dataset *ds, int year, enum ak_area area, const int *codes,
		   size_t n, struct group_avg *out)
{
	memset(out, 0, sizeof *out);
	double sum_rates = 0;
	for (size_t i = 0; i < n; i++) {
		if (codes[i] == AK_NATIONAL_CODE)
			continue;
		out->n++;
		const struct ak_obs *o = dataset_find(ds, year, codes[i], area);
		if (!o)
			continue;
		struct ak_figures f;
		stats_figures_in(ds, o, &f);
		if (f.rate.present) {
			sum_rates += f.rate.value;
			out->n_mean++;
		}
		if (f.cases > 0 && f.reversed >= 0) {
			out->cases += f.cases;
			out->reversed += f.reversed;
			out->n_pooled++;
		}
	}
	if (out->n_pooled)
		out->pooled = (struct ak_val){
			.value = stats_round(100.0 * (double)out->reversed / (double)out->cases, 1),
			.decimals = 1,
			.present = true};
	if (out->n_mean)
		out->mean =
			(struct ak_val){.value = stats_round(sum_rates / (double)out->n_mean, 1),
					.decimals = 1,
					.present = true,
					.published_only = true};
}
