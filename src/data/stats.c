/* stats.c - rates, intervals, ranks and consistency checks. */
#include "ankekort/data/stats.h"
#include "ankekort/data/layers.h"
#include "ankekort/base/i18n.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

#define EPS 1e-9

double stats_round(double v, int decimals)
{
	double f = pow(10.0, decimals);
	return (v < 0 ? -floor(-v * f + 0.5 + EPS) : floor(v * f + 0.5 + EPS)) / f;
}

double stats_pct(long count, long cases)
{
	/* tenths = round(1000 * count / cases), half up, in integers */
	long long tenths = (2000LL * count + cases) / (2LL * cases);
	return (double)tenths / 10.0;
}

void stats_wilson(long k, long n, double z, double *low, double *high)
{
	double p = (double)k / (double)n, nn = (double)n, z2 = z * z;
	double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
	double half = z * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / (1 + z2 / nn);
	*low = stats_round(100.0 * fmax(0.0, centre - half), 1);
	*high = stats_round(100.0 * fmin(1.0, centre + half), 1);
}

bool stats_two_prop(long k1, long n1, long k2, long n2, double *p, bool *significant)
{
	if (n1 <= 0 || n2 <= 0 || k1 < 0 || k2 < 0 || k1 > n1 || k2 > n2)
		return false;
	double p1 = (double)k1 / (double)n1, p2 = (double)k2 / (double)n2;
	double pool = (double)(k1 + k2) / (double)(n1 + n2);
	double se = sqrt(pool * (1 - pool) * (1.0 / (double)n1 + 1.0 / (double)n2));
	if (se == 0) {
		*p = 1.0;
		*significant = false;
		return true;
	}
	double z = (p1 - p2) / se;
	*p = erfc(fabs(z) / sqrt(2.0));
	*significant = *p < 0.05;
	return true;
}

void stats_in_cases(long reversed, long cases, double national_pct, double *expected,
		    double *difference)
{
	*expected = stats_round((double)cases * national_pct / 100.0, 1);
	*difference = stats_round((double)reversed - (double)cases * national_pct / 100.0, 1);
}

static long count_of(struct ak_num n)
{
	return n.present ? (long)n.value : -1;
}

static struct ak_val pct_from(long count, long cases, struct ak_num published)
{
	struct ak_val v = {0};
	if (count >= 0 && cases > 0) {
		v.value = stats_pct(count, cases);
		v.decimals = 1;
		v.present = true;
		/* a published figure the counts round to is shown as published:
		 * "28", not "28.0" (14 of 50) */
		if (published.present && published.decimals < 1 &&
		    fabs(stats_round((double)count * 100.0 / (double)cases, published.decimals) -
			 published.value) < 1e-9) {
			v.value = published.value;
			v.decimals = published.decimals;
		}
	} else if (published.present) {
		v.value = published.value;
		v.decimals = published.decimals;
		v.present = true;
		v.published_only = true;
	}
	return v;
}

void stats_figures(const struct ak_obs *o, struct ak_figures *f)
{
	memset(f, 0, sizeof *f);
	f->cases = count_of(o->cases);
	f->remanded = count_of(o->remanded);
	f->changed = count_of(o->changed);
	f->reversed = count_of(o->reversed);
	long upheld = count_of(o->upheld);
	/* the cases decided on the merits are upheld + remanded + changed by
	 * definition: computed when only the parts are published */
	if (f->cases < 0 && upheld >= 0 && f->remanded >= 0 && f->changed >= 0)
		f->cases = upheld + f->remanded + f->changed;
	if (f->reversed < 0 && f->remanded >= 0 && f->changed >= 0)
		f->reversed = f->remanded + f->changed;
	f->upheld = count_of(o->upheld);
	if (f->upheld < 0 && f->cases >= 0 && f->reversed >= 0 && f->cases >= f->reversed)
		f->upheld = f->cases - f->reversed;
	f->rate = pct_from(f->reversed, f->cases, o->rate_pct);
	f->remanded_pct = pct_from(f->remanded, f->cases, o->remanded_pct);
	f->changed_pct = pct_from(f->changed, f->cases, o->changed_pct);
	f->upheld_pct = pct_from(f->upheld, f->cases, o->upheld_pct);
	if (f->cases > 0 && f->reversed >= 0 && f->reversed <= f->cases) {
		f->has_ci = true;
		stats_wilson(f->reversed, f->cases, 1.959964, &f->ci_low, &f->ci_high);
	}
	f->small_sample = f->cases >= 0 && f->cases < STATS_SMALL_SAMPLE;
}

const struct ak_obs *stats_borrow_split(const struct ak_dataset *ds, const struct ak_obs *o,
					struct ak_figures *f)
{
	if (!o || !f->rate.present || (f->remanded_pct.present && f->changed_pct.present))
		return NULL;
	const struct ak_obs *all[32];
	size_t n = dataset_find_all(ds, o->year, o->code, o->area, all, 32);
	for (int pass = 0; pass < 2; pass++) { /* rows that add up first */
		for (size_t i = 0; i < n; i++) {
			if (all[i] == o || (pass == 0 && all[i]->inconsistent))
				continue;
			struct ak_figures g;
			stats_figures(all[i], &g);
			if (g.remanded_pct.present && g.changed_pct.present) {
				f->remanded_pct = g.remanded_pct;
				f->changed_pct = g.changed_pct;
				return all[i];
			}
		}
	}
	return NULL;
}

struct ak_rate stats_rate_of(const struct ak_obs *o)
{
	struct ak_figures f;
	stats_figures(o, &f);
	struct ak_rate r = {.reversed = -1, .cases = -1};
	if (f.cases > 0 && f.reversed >= 0 && f.reversed <= f.cases) {
		r = (struct ak_rate){.present = true,
				     .from_counts = true,
				     .value = 100.0 * (double)f.reversed / (double)f.cases,
				     .decimals = 1,
				     .reversed = f.reversed,
				     .cases = f.cases};
	} else if (o->rate_pct.present) {
		r.present = true;
		r.value = o->rate_pct.value;
		r.decimals = o->rate_pct.decimals;
		r.half_width = 0.5 * pow(10.0, -o->rate_pct.decimals);
	}
	return r;
}

bool stats_rates_agree(const struct ak_rate *a, const struct ak_rate *b)
{
	if (!a->present || !b->present)
		return true;
	return fabs(a->value - b->value) <= a->half_width + b->half_width + EPS;
}

size_t stats_rate_disagreements(const struct ak_dataset *ds, const struct ak_obs *o,
				const struct ak_obs **out, size_t max)
{
	const struct ak_obs *all[32];
	size_t n = dataset_find_all(ds, o->year, o->code, o->area, all, 32), k = 0;
	struct ak_rate mine = stats_rate_of(o);
	for (size_t i = 0; i < n && k < max; i++) {
		struct ak_rate r = stats_rate_of(all[i]);
		if (all[i] != o && !stats_rates_agree(&mine, &r))
			out[k++] = all[i];
	}
	return k;
}

char *stats_rate_text(char *buf, size_t size, const struct ak_rate *r)
{
	if (!r->present)
		snprintf(buf, size, AK_NO_FIGURE);
	else if (r->from_counts)
		snprintf(buf, size,
			 ngettext("%.1f %% of %ld case", "%.1f %% of %ld cases",
				  (unsigned long)r->cases),
			 stats_round(r->value, 1), r->cases);
	else
		snprintf(buf, size, "%.*f %%", r->decimals, r->value);
	return textfmt_localize(buf);
}

/* Counts for a figure the row shown gives only as percentages: the first
 * other row of the figure with counts whose rate agrees with it. */
static const struct ak_obs *counts_for(const struct ak_dataset *ds, const struct ak_obs *o,
				       const struct ak_figures *f)
{
	if (f->cases >= 0 || !f->rate.present)
		return NULL;
	struct ak_rate shown = stats_rate_of(o);
	const struct ak_obs *all[32];
	size_t n = dataset_find_all(ds, o->year, o->code, o->area, all, 32);
	for (size_t i = 0; i < n; i++) {
		struct ak_rate r = stats_rate_of(all[i]);
		if (all[i] != o && r.from_counts && stats_rates_agree(&shown, &r))
			return all[i];
	}
	return NULL;
}

void stats_figures_in(const struct ak_dataset *ds, const struct ak_obs *o, struct ak_figures *f)
{
	stats_figures(o, f);
	const struct ak_obs *from = ds ? counts_for(ds, o, f) : NULL;
	if (!from)
		return;
	struct ak_figures c;
	stats_figures(from, &c);
	struct ak_val rate = f->rate, parts[3] = {f->remanded_pct, f->changed_pct, f->upheld_pct};
	*f = c;
	f->rate = rate; /* the figure shown stays the published one */
	struct ak_val *mine[3] = {&f->remanded_pct, &f->changed_pct, &f->upheld_pct};
	for (int k = 0; k < 3; k++)
		if (parts[k].present)
			*mine[k] = parts[k];
	f->counts_from = from;
}

bool stats_same_published(struct ak_num a, struct ak_num b)
{
	if (a.decimals == b.decimals)
		return fabs(a.value - b.value) < EPS;
	const struct ak_num *coarse = a.decimals < b.decimals ? &a : &b;
	const struct ak_num *fine = coarse == &a ? &b : &a;
	return fabs(fine->value - coarse->value) <= 0.5 * pow(10.0, -coarse->decimals) + EPS;
}

/* ---- findings --------------------------------------------------------------- */

struct finder {
	const struct ak_dataset *ds;
	struct diag_list *out;
};

static void say(struct finder *fd, const struct ak_obs *o, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void say(struct finder *fd, const struct ak_obs *o, const char *fmt, ...)
{
	if (!fd->out)
		return;
	const struct ak_municipality *m = dataset_muni(fd->ds, o->code);
	va_list ap;
	va_start(ap, fmt);
	char *msg = textfmt_localize(xvasprintf(_(fmt), ap)); /* 36,5 under Danish */
	va_end(ap);
	diag_add(fd->out, DIAG_WARNING, o->path, o->line, 0, "%s %d %s%s%s: %s", m ? m->name : "?",
		 o->year, area_label(o->area), o->scope[0] ? ", " : "", o->scope, msg);
	free(msg);
}

/* A number for check's messages: a decimal comma under the Danish interface. */
static const char *num(char *buf, size_t size, struct ak_num n)
{
	snprintf(buf, size, "%.*f", n.decimals, n.value);
	return textfmt_localize(buf);
}

static double unit(int decimals)
{
	return pow(10.0, -decimals);
}

/* Published parts against the published whole. */
static bool check_pct_sums(struct finder *fd, const struct ak_obs *o)
{
	bool bad = false;
	char a[32], b[32], c[32];
	struct ak_num rem = o->remanded_pct, chg = o->changed_pct, rate = o->rate_pct;
	if (rem.present && chg.present && rate.present) {
		int d = rem.decimals < chg.decimals ? rem.decimals : chg.decimals;
		d = d < rate.decimals ? d : rate.decimals;
		double sum = rem.value + chg.value;
		if (fabs(sum - rate.value) > unit(d) + EPS) {
			say(fd, o,
			    "remanded %s %% + changed %s %% = %.*f %%, but the published rate is "
			    "%s %% (more than rounding)",
			    num(a, sizeof a, rem), num(b, sizeof b, chg), d > 0 ? d : 1, sum,
			    num(c, sizeof c, rate));
			bad = true;
		}
	}
	struct ak_num up = o->upheld_pct;
	if (up.present && rate.present) {
		int d = up.decimals < rate.decimals ? up.decimals : rate.decimals;
		if (fabs(up.value + rate.value - 100.0) > unit(d) + EPS) {
			say(fd, o, "upheld %s %% + rate %s %% is not 100 %% (more than rounding)",
			    num(a, sizeof a, up), num(b, sizeof b, rate));
			bad = true;
		}
	}
	return bad;
}

/* Published counts against each other. */
static bool check_count_sums(struct finder *fd, const struct ak_obs *o)
{
	bool bad = false;
	long rem = count_of(o->remanded), chg = count_of(o->changed), rev = count_of(o->reversed);
	long cases = count_of(o->cases), up = count_of(o->upheld);
	if (rem >= 0 && chg >= 0 && rev >= 0 && rem + chg != rev) {
		say(fd, o, "remanded %ld + changed %ld = %ld, but %ld reversed cases are published",
		    rem, chg, rem + chg, rev);
		bad = true;
	}
	long reversed = rev >= 0 ? rev : (rem >= 0 && chg >= 0 ? rem + chg : -1);
	if (cases >= 0 && up >= 0 && reversed >= 0 && up + reversed != cases) {
		say(fd, o, "upheld %ld + reversed %ld = %ld, but %ld cases are published", up,
		    reversed, up + reversed, cases);
		bad = true;
	}
	const long parts[] = {rem, chg, rev, up};
	const char *names[] = {"remanded", "changed", "reversed", "upheld"};
	for (int i = 0; i < 4 && cases >= 0; i++) {
		if (parts[i] > cases) {
			say(fd, o, "%s %ld is more than the %ld cases", names[i], parts[i], cases);
			bad = true;
		}
	}
	return bad;
}

struct pair {
	const char *name;
	long count;
	struct ak_num pct;
};

static int pairs_of(const struct ak_obs *o, struct pair *p)
{
	long rem = count_of(o->remanded), chg = count_of(o->changed);
	long rev = count_of(o->reversed);
	if (rev < 0 && rem >= 0 && chg >= 0)
		rev = rem + chg;
	struct pair all[4] = {{"reversed", rev, o->rate_pct},
			      {"remanded", rem, o->remanded_pct},
			      {"changed", chg, o->changed_pct},
			      {"upheld", count_of(o->upheld), o->upheld_pct}};
	int n = 0;
	for (int i = 0; i < 4; i++)
		if (all[i].count >= 0 && all[i].pct.present)
			p[n++] = all[i];
	return n;
}

/* Published counts against published percentages. */
static bool check_counts_vs_pcts(struct finder *fd, const struct ak_obs *o)
{
	struct pair p[4];
	int n = pairs_of(o, p);
	long cases = count_of(o->cases);
	bool bad = false;
	char a[32];
	if (cases > 0) {
		for (int i = 0; i < n; i++) {
			double exact = 100.0 * (double)p[i].count / (double)cases;
			if (fabs(exact - p[i].pct.value) > 0.5 * unit(p[i].pct.decimals) + EPS) {
				say(fd, o, "%s %s %% is published, but %ld of %ld cases is %.1f %%",
				    p[i].name, num(a, sizeof a, p[i].pct), p[i].count, cases,
				    exact);
				bad = true;
			}
		}
		return bad;
	}
	if (cases == 0 || n == 0)
		return false;
	/* No case count published: is there any count that fits every pair? */
	double lo = 1, hi = 1e12;
	for (int i = 0; i < n; i++) {
		double h = 0.5 * unit(p[i].pct.decimals), c = (double)p[i].count;
		double pmin = p[i].pct.value - h, pmax = p[i].pct.value + h;
		lo = fmax(lo, c);
		if (c > 0)
			lo = fmax(lo, ceil(100.0 * c / pmax - EPS));
		if (pmin > 0)
			hi = c > 0 ? fmin(hi, floor(100.0 * c / pmin + EPS)) : 0;
	}
	if (lo > hi) {
		say(fd, o,
		    "no number of cases fits the published counts and percentages together "
		    "(e.g. %s %ld = %s %%)",
		    p[0].name, p[0].count, num(a, sizeof a, p[0].pct));
		return true;
	}
	return false;
}

static bool check_obs(struct finder *fd, const struct ak_obs *o)
{
	bool bad = check_pct_sums(fd, o);
	bad |= check_count_sums(fd, o);
	bad |= check_counts_vs_pcts(fd, o);
	return bad;
}

/* ---- sources that disagree -------------------------------------------------- */

/* Does row b publish another value of field f than the reference row a?
 * Says so once. */
static bool differs(struct finder *fd, const struct ak_obs *a, const struct ak_obs *b, size_t f)
{
	char va[32], vb[32], pa[256], pb[256];
	struct ak_num x = ak_obs_num(a, f), y = ak_obs_num(b, f);
	bool pct = ak_obs_numbers[f].kind == AK_NUM_PCT;
	if (!x.present || !y.present || stats_same_published(x, y))
		return false;
	say(fd, b, "sources disagree on %s: %s%s from %s, but %s%s from %s (%s:%d)",
	    ak_obs_number_words(f), num(vb, sizeof vb, y), pct ? " %" : "",
	    layers_source_name(&b->source, pb, sizeof pb), num(va, sizeof va, x), pct ? " %" : "",
	    layers_source_name(&a->source, pa, sizeof pa), a->path, a->line);
	return true;
}

/* A figure's flags belong to every row of it, so the row shown carries
 * what check found in the others: two sources that disagree mark them all,
 * a source that does not add up marks the rest. Each field is compared
 * with the first row that publishes it: linear in the rows, however many
 * sources publish the same figure. */
/* Rates given one way (counts) against rates given the other (a published
 * percentage), at the precision published: the same field in both ways
 * is compared by differs(). The reference is the row shown. */
static bool rates_differ(struct finder *fd, struct ak_obs **g, size_t n)
{
	size_t ref = 0;
	for (size_t i = 0; i < n; i++)
		if (g[i]->is_default)
			ref = i;
	struct ak_rate a = stats_rate_of(g[ref]);
	bool differ = false;
	for (size_t i = 0; i < n && a.present; i++) {
		struct ak_rate b = stats_rate_of(g[i]);
		if (i == ref || !b.present || a.from_counts == b.from_counts ||
		    stats_rates_agree(&a, &b))
			continue;
		char ta[64], tb[64], pa[256], pb[256];
		say(fd, g[i], "sources disagree on the rate: %s from %s, but %s from %s (%s:%d)",
		    stats_rate_text(tb, sizeof tb, &b),
		    layers_source_name(&g[i]->source, pb, sizeof pb),
		    stats_rate_text(ta, sizeof ta, &a),
		    layers_source_name(&g[ref]->source, pa, sizeof pa), g[ref]->path, g[ref]->line);
		differ = true;
	}
	return differ;
}

static void check_group(struct finder *fd, struct ak_obs **g, size_t n)
{
	bool disagree = n > 1 && rates_differ(fd, g, n);
	size_t inconsistent = 0;
	for (size_t i = 0; i < n; i++)
		inconsistent += g[i]->inconsistent;
	for (size_t k = 0; k < AK_OBS_N_NUMBERS && n > 1; k++) {
		const struct ak_obs *ref = NULL;
		if (ak_obs_numbers[k].kind == AK_NUM_YEAR)
			continue; /* the year another figure is for: not a figure */
		for (size_t i = 0; i < n; i++) {
			if (!ak_obs_num(g[i], k).present)
				continue;
			if (!ref)
				ref = g[i];
			else
				disagree |= differs(fd, ref, g[i], k);
		}
	}
	for (size_t i = 0; i < n; i++) {
		g[i]->disagrees = disagree;
		g[i]->other_inconsistent = inconsistent > (g[i]->inconsistent ? 1u : 0u);
	}
}

static int cmp_key(const void *pa, const void *pb)
{
	const struct ak_obs *a = *(struct ak_obs *const *)pa, *b = *(struct ak_obs *const *)pb;
	if (a->year != b->year)
		return (a->year > b->year) - (a->year < b->year);
	if (a->code != b->code)
		return (a->code > b->code) - (a->code < b->code);
	if (a->area != b->area)
		return (a->area > b->area) - (a->area < b->area);
	return (a > b) - (a < b);
}

void stats_analyse(struct ak_dataset *ds, struct diag_list *out)
{
	struct finder fd = {.ds = ds, .out = out};
	for (size_t i = 0; i < ds->n_obs; i++)
		ds->obs[i].inconsistent = check_obs(&fd, &ds->obs[i]);
	struct ak_obs **v = xmalloc((ds->n_obs ? ds->n_obs : 1) * sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < ds->n_obs; i++) {
		ds->obs[i].disagrees = false;
		ds->obs[i].other_inconsistent = false;
		if (!ds->obs[i].scope[0])
			v[n++] = &ds->obs[i];
	}
	qsort(v, n, sizeof *v, cmp_key);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && v[j]->year == v[i]->year && v[j]->code == v[i]->code &&
		       v[j]->area == v[i]->area)
			j++;
		check_group(&fd, v + i, j - i);
		i = j;
	}
	free(v);
	if (out)
		diag_list_flush(out);
}

int stats_shown_decimals(struct ak_val v)
{
	return v.published_only || v.decimals < 1 ? v.decimals : 1;
}

double stats_change(struct ak_val to, struct ak_val from, int *decimals)
{
	int a = stats_shown_decimals(to), b = stats_shown_decimals(from);
	*decimals = a < b ? a : b;
	double d = stats_round(to.value - from.value, *decimals);
	return d == 0 ? 0.0 : d; /* never "-0" */
}

char *stats_val_text(char *buf, size_t size, struct ak_val v, const char *unit)
{
	if (!v.present)
		snprintf(buf, size, AK_NO_FIGURE);
	else
		snprintf(buf, size, "%.*f%s", stats_shown_decimals(v), v.value, unit);
	return textfmt_localize(buf);
}
