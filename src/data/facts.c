/* facts.c - every figure's derived facts, worked out once after loading. */
#include "ankekort/data/facts.h"

#include <stdlib.h>

#include "ankekort/base/xalloc.h"

/* One line of AK_FLAGS as a struct ak_flag_info. */
#define FLAG_INFO(id, bit_, warns_, name_, label_, screen_, doc_, place_, mark_, ascii_, legend_)  \
	{                                                                                          \
		.bit = FLAG_##id, .warns = warns_, .name = name_, .label = label_,                 \
		.screen = screen_, .doc = doc_, .place = place_, .mark = mark_,                    \
		.mark_ascii = ascii_, .legend = legend_                                            \
	}
#define IN_ORDER(...) FLAG_INFO(__VA_ARGS__),
#define BY_BIT(id, bit_, ...) [bit_] = FLAG_INFO(id, bit_, __VA_ARGS__),
const struct ak_flag_info ak_flags_read[AK_N_FLAGS] = {AK_FLAGS(IN_ORDER)};
const struct ak_flag_info ak_flags_by_bit[AK_N_FLAGS] = {AK_FLAGS(BY_BIT)};
#undef IN_ORDER
#undef BY_BIT

void facts_marks(unsigned flags, bool ascii, const char *mark[])
{
	for (size_t k = 0; k < AK_N_MARKS; k++)
		mark[k] = " ";
	for (size_t i = 0; i < AK_N_FLAGS; i++) {
		const struct ak_flag_info *fl = &ak_flags_by_bit[i];
		if ((flags & fl->bit) && fl->place >= 0 && fl->place < AK_N_MARKS)
			mark[fl->place] = ascii ? fl->mark_ascii : fl->mark;
	}
}

char *facts_legend(const struct ak_flag_info *fl)
{
	/* the legends are the lines of AK_FLAGS, checked by msgfmt -c; the
	 * small sample's names its count */
	return xasprintf(_(fl->legend), STATS_SMALL_SAMPLE);
}

unsigned facts_flags(const struct ak_obs *o, const struct ak_figures *f)
{
	unsigned flags = 0;
	if (f->rate.present && f->rate.published_only && !f->counts_from)
		flags |= FLAG_PUBLISHED_ONLY;
	if (f->small_sample)
		flags |= FLAG_SMALL_SAMPLE;
	if (o->inconsistent)
		flags |= FLAG_INCONSISTENT;
	if (o->disagrees)
		flags |= FLAG_SOURCES_DISAGREE;
	if (o->one_law_only)
		flags |= FLAG_ONE_LAW_ONLY;
	if (o->other_inconsistent)
		flags |= FLAG_OTHER_INCONSISTENT;
	return flags;
}

static void work_out(const struct ak_dataset *ds, const struct ak_obs *o, struct ak_facts *x)
{
	x->o = o;
	stats_figures_in(ds, o, &x->fig);
	x->flags = facts_flags(o, &x->fig);
	struct ak_figures g = x->fig;
	x->split_from = stats_borrow_split(ds, o, &g);
	x->split_remanded = g.remanded_pct;
	x->split_changed = g.changed_pct;
}

static struct ak_facts *find(const struct ak_dataset *ds, int year, int code, enum ak_area area)
{
	long slot = ds->facts_at ? dataset_slot(ds, year, code, area) : -1;
	return slot >= 0 && ds->facts_at[slot] >= 0 ? &ds->facts[ds->facts_at[slot]] : NULL;
}

/* How x stands against the national figure of its year and area. */
static void against_national(struct ak_facts *x, const struct ak_facts *nat)
{
	x->national = nat;
	if (!nat || !nat->fig.rate.present)
		return;
	const struct ak_figures *f = &x->fig;
	double p0 = nat->fig.rate.value;
	if (f->rate.present) {
		x->has_difference = true;
		x->difference = stats_change(f->rate, nat->fig.rate, &x->difference_decimals);
	}
	x->has_in_cases = f->cases >= 0 && f->reversed >= 0;
	if (x->has_in_cases)
		stats_in_cases(f->reversed, f->cases, p0, &x->expected, &x->in_cases);
	x->tested = f->cases > 0 && f->reversed >= 0;
	if (x->tested) {
		x->p = funnel_binom_p(f->reversed, f->cases, p0 / 100.0);
		x->position = funnel_position(f->reversed, f->cases, p0 / 100.0);
	}
}

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return (a > b) - (a < b);
}

/* How many of the n ascending rates are below v (less than it by more than
 * rounding noise), or with above, above it. */
static int count_beyond(const double *r, int n, double v, bool above)
{
	int lo = 0, hi = n;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (above ? r[mid] <= v + 1e-9 : r[mid] < v - 1e-9)
			lo = mid + 1;
		else
			hi = mid;
	}
	return above ? n - lo : lo;
}

/* Every municipality's rank in year and area among those with a rate. */
static void rank_in(struct ak_dataset *ds, int year, enum ak_area area, double *rates)
{
	struct ak_facts *x;
	int n = 0;
	for (size_t i = 0; i < ds->n_munis; i++) {
		int code = ds->munis[i].code;
		x = find(ds, year, code, area);
		if (code != AK_NATIONAL_CODE && x && x->fig.rate.present)
			rates[n++] = x->fig.rate.value;
	}
	qsort(rates, (size_t)n, sizeof *rates, cmp_double);
	for (size_t i = 0; i < ds->n_munis; i++) {
		int code = ds->munis[i].code;
		x = find(ds, year, code, area);
		if (!x)
			continue;
		x->ranked = n;
		if (code == AK_NATIONAL_CODE || !x->fig.rate.present)
			continue;
		x->rank = count_beyond(rates, n, x->fig.rate.value, false) + 1;
		x->rank_from_top = count_beyond(rates, n, x->fig.rate.value, true) + 1;
	}
}

/* What every figure is against the others of its year and area. */
static void compare_figures(struct ak_dataset *ds)
{
	for (size_t i = 0; i < ds->n_facts; i++) {
		struct ak_facts *x = &ds->facts[i];
		against_national(x, find(ds, x->o->year, AK_NATIONAL_CODE, x->o->area));
	}
	double *rates = xmalloc((ds->n_munis ? ds->n_munis : 1) * sizeof *rates);
	for (size_t y = 0; y < ds->n_years; y++)
		for (int a = 0; a < AREA_COUNT; a++)
			rank_in(ds, ds->years[y], (enum ak_area)a, rates);
	free(rates);
}

void facts_analyse(struct ak_dataset *ds, struct diag_list *out)
{
	stats_analyse(ds, out);
	free(ds->facts);
	free(ds->facts_at);
	ds->n_facts = 0;
	size_t slots = dataset_slots(ds);
	ds->facts_at = xmalloc((slots ? slots : 1) * sizeof *ds->facts_at);
	for (size_t i = 0; i < slots; i++)
		ds->facts_at[i] = -1;
	size_t n = 0;
	for (size_t i = 0; i < ds->n_obs; i++)
		n += ds->obs[i].is_default;
	ds->facts = xcalloc(n ? n : 1, sizeof *ds->facts);
	for (size_t i = 0; i < ds->n_obs; i++) {
		const struct ak_obs *o = &ds->obs[i];
		long slot = o->is_default ? dataset_slot(ds, o->year, o->code, o->area) : -1;
		if (slot < 0)
			continue;
		work_out(ds, o, &ds->facts[ds->n_facts]);
		ds->facts_at[slot] = (int)ds->n_facts++;
	}
	compare_figures(ds);
}

const struct ak_facts *facts_find(const struct ak_dataset *ds, int year, int code,
				  enum ak_area area)
{
	return find(ds, year, code, area);
}

const struct ak_facts *facts_of(const struct ak_dataset *ds, const struct ak_obs *o)
{
	const struct ak_facts *x = o ? facts_find(ds, o->year, o->code, o->area) : NULL;
	return x && x->o == o ? x : NULL;
}

void facts_with_split(const struct ak_facts *x, struct ak_figures *f)
{
	*f = x->fig;
	f->remanded_pct = x->split_remanded;
	f->changed_pct = x->split_changed;
}
