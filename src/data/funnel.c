/* funnel.c - the exact binomial test and the funnel plot's limits. */
#include "ankekort/data/funnel.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/data/stats.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

/* log P(X = k) for X ~ Binomial(n, p), 0 < p < 1 */
static double log_pmf(long k, long n, double p)
{
	return lgamma((double)n + 1) - lgamma((double)k + 1) - lgamma((double)(n - k) + 1) +
	       (double)k * log(p) + (double)(n - k) * log1p(-p);
}

static double pmf(long k, long n, double p)
{
	if (p <= 0.0)
		return k == 0 ? 1.0 : 0.0;
	if (p >= 1.0)
		return k == n ? 1.0 : 0.0;
	return exp(log_pmf(k, n, p));
}

/* The counts that carry all but ~1e-20 of the probability: the mean
 * +/- 10 standard deviations (and a little more for tiny n). Summing only
 * these keeps a test O(sqrt n). */
static void support(long n, double p, long *lo, long *hi)
{
	double mean = (double)n * p, sd = sqrt((double)n * p * (1.0 - p));
	double a = floor(mean - 10.0 * sd - 10.0), b = ceil(mean + 10.0 * sd + 10.0);
	*lo = a < 0.0 ? 0 : (long)a;
	*hi = b > (double)n ? n : (long)b;
}

double funnel_binom_p(long k, long n, double p0)
{
	if (n <= 0 || k < 0 || k > n)
		return 1.0;
	/* the outcomes no more likely than the one seen, with R's tolerance
	 * for ties that rounding would otherwise split */
	double seen = pmf(k, n, p0) * (1.0 + 1e-7), sum = 0.0;
	long lo, hi;
	support(n, p0, &lo, &hi);
	if (k < lo)
		lo = k;
	if (k > hi)
		hi = k;
	for (long i = lo; i <= hi; i++) {
		double d = pmf(i, n, p0);
		if (d <= seen)
			sum += d;
	}
	return sum > 1.0 ? 1.0 : sum;
}

char *funnel_p_cell(double p, bool csv, bool danish)
{
	char buf[32];
	if (csv)
		return xasprintf("%.4f", p);
	if (p < 0.001)
		return xasprintf("<%s", textfmt_number(buf, sizeof buf, 0.001, 3, danish));
	return xstrdup(textfmt_number(buf, sizeof buf, p, 3, danish));
}

char *funnel_p_sentence(double p)
{
	char *s = p < 0.001  ? xasprintf(_("p < 0.001: beyond chance"))
		  : p < 0.05 ? xasprintf(_("p = %.3f: beyond chance"), p)
			     : xasprintf(_("p = %.3f: within what chance gives"), p);
	return textfmt_localize(s);
}

/* The interpolated quantile (r - a) / n of Binomial(n, p0) at probability
 * q: r the smallest count with F(r) >= q, a the share of P(X = r) that
 * lies above q. */
static double limit(long n, double p0, double q)
{
	double cdf = 0.0, prev = 0.0;
	long r, hi;
	support(n, p0, &r, &hi); /* below r lies less than 1e-20 */
	for (; r <= n; r++) {
		prev = cdf;
		cdf += pmf(r, n, p0);
		if (cdf >= q)
			break;
	}
	if (r > n)
		return 100.0;
	double a = cdf > prev ? (cdf - q) / (cdf - prev) : 0.0;
	double v = ((double)r - a) / (double)n;
	return 100.0 * (v < 0.0 ? 0.0 : v > 1.0 ? 1.0 : v);
}

void funnel_limits(long n, double p0, struct funnel_limits *l)
{
	if (n <= 0) {
		*l = (struct funnel_limits){0.0, 100.0, 0.0, 100.0};
		return;
	}
	l->lo95 = limit(n, p0, 0.025);
	l->hi95 = limit(n, p0, 0.975);
	l->lo998 = limit(n, p0, 0.001);
	l->hi998 = limit(n, p0, 0.999);
}

enum funnel_pos funnel_position(long k, long n, double p0)
{
	if (n <= 0 || k < 0 || k > n || p0 < 0.0 || p0 > 1.0)
		return FUNNEL_UNKNOWN;
	struct funnel_limits l;
	funnel_limits(n, p0, &l);
	double rate = 100.0 * (double)k / (double)n;
	if (rate > l.hi998)
		return FUNNEL_ABOVE_998;
	if (rate > l.hi95)
		return FUNNEL_ABOVE_95;
	if (rate < l.lo998)
		return FUNNEL_BELOW_998;
	if (rate < l.lo95)
		return FUNNEL_BELOW_95;
	return FUNNEL_WITHIN;
}

const char *funnel_pos_text(enum funnel_pos pos)
{
	switch (pos) {
	case FUNNEL_BELOW_998:
		return _("below the 99.8 % limit: clearly lower than the national rate");
	case FUNNEL_BELOW_95:
		return _("below the 95 % limit, within the 99.8 % limits: probably lower than the "
			 "national rate");
	case FUNNEL_WITHIN:
		return _("within the 95 % limits: not distinguishable from the national rate");
	case FUNNEL_ABOVE_95:
		return _("above the 95 % limit, within the 99.8 % limits: probably higher than the "
			 "national rate");
	case FUNNEL_ABOVE_998:
		return _("above the 99.8 % limit: clearly higher than the national rate");
	default: return _("not placed: no case count or no national rate");
	}
}

const char *funnel_pos_short(enum funnel_pos pos)
{
	switch (pos) {
	case FUNNEL_BELOW_998: return _("below 99.8 %");
	case FUNNEL_BELOW_95: return _("below 95 %");
	case FUNNEL_WITHIN: return _("within");
	case FUNNEL_ABOVE_95: return _("above 95 %");
	case FUNNEL_ABOVE_998: return _("above 99.8 %");
	default: return AK_NO_FIGURE;
	}
}

const char *funnel_pos_id(enum funnel_pos pos)
{
	static const char *const ids[] = {"",	    "below_99_8", "below_95",
					  "within", "above_95",	  "above_99_8"};
	return ids[pos];
}

static int by_cases(const void *x, const void *y)
{
	const struct funnel_point *a = x, *b = y;
	if (a->cases != b->cases)
		return a->cases < b->cases ? -1 : 1;
	return (a->code > b->code) - (a->code < b->code);
}

void funnel_build(const struct ak_dataset *ds, int year, enum ak_area area, struct funnel *f)
{
	memset(f, 0, sizeof *f);
	f->year = year;
	f->area = area;
	struct ak_figures nf, mf;
	const struct ak_obs *nat = dataset_find(ds, year, AK_NATIONAL_CODE, area);
	if (nat && (stats_figures_in(ds, nat, &nf), nf.rate.present)) {
		f->has_national = true;
		f->national = nf.rate.value;
	}
	f->points = xcalloc(ds->n_munis + 1, sizeof *f->points);
	for (size_t i = 0; i < ds->n_munis; i++) {
		int code = ds->munis[i].code;
		const struct ak_obs *o =
			code == AK_NATIONAL_CODE ? NULL : dataset_find(ds, year, code, area);
		if (!o || (stats_figures_in(ds, o, &mf), !mf.rate.present))
			continue;
		if (mf.cases <= 0 || mf.reversed < 0) {
			f->without_cases++;
			continue;
		}
		struct funnel_point *p = &f->points[f->n++];
		p->code = code;
		p->cases = mf.cases;
		p->reversed = mf.reversed;
		p->rate = stats_pct(mf.reversed, mf.cases); /* a point is its counts */
		p->p = f->has_national ? funnel_binom_p(mf.reversed, mf.cases, f->national / 100.0)
				       : 1.0;
		p->pos = f->has_national
				 ? funnel_position(mf.reversed, mf.cases, f->national / 100.0)
				 : FUNNEL_UNKNOWN;
	}
	qsort(f->points, f->n, sizeof *f->points, by_cases);
}

void funnel_free(struct funnel *f)
{
	free(f->points);
	memset(f, 0, sizeof *f);
}

const struct funnel_point *funnel_find(const struct funnel *f, int code)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->points[i].code == code)
			return &f->points[i];
	return NULL;
}
