/* stats.h - reversal rates and their checks, as pure functions of the data.
 *
 * Rates are computed from counts where counts are published (one decimal,
 * half rounded up); otherwise the published percentage is used as printed and
 * marked published-only. Inconsistencies and disagreements between sources
 * are reported, never corrected. */
#ifndef ANKEKORT_STATS_H
#define ANKEKORT_STATS_H

#include <stdbool.h>

#include "ankekort/data/dataset.h"
#include "ankekort/base/diag.h"

#define STATS_SMALL_SAMPLE 20 /* fewer cases than this: small sample */
/* What every table, view, sheet and workbook shows where no figure is
 * published or none can be worked out: the en dash. */
#define AK_NO_FIGURE "\xE2\x80\x93"

/* A figure to show: computed from counts, or published. */
struct ak_val {
	double value;
	int decimals;
	bool present;
	bool published_only; /* no counts to compute it from */
};

/* The one rule for showing a figure "as published": a figure only published
 * as a percentage keeps the decimals it was published with; one worked out
 * from counts is shown with one, unless the row publishes it as a whole
 * number the counts round to ("28" for 14 of 50, not "28.0"). Every view,
 * table, fact sheet and print takes its decimals from here. */
int stats_shown_decimals(struct ak_val v);
/* The figure as shown: its decimals as above, the interface's decimal
 * separator, then unit ("38,5 %" with " %"); the dash when it is unknown.
 * Returns buf. */
char *stats_val_text(char *buf, size_t size, struct ak_val v, const char *unit);
/* The change from `from` to `to` in points, rounded to the coarser of the
 * two as shown (28 to 40.3: +12; 36.2 to 38.5: +2.3), with its decimals. */
double stats_change(struct ak_val to, struct ak_val from, int *decimals);

struct ak_figures {
	long cases, upheld, remanded, changed, reversed; /* -1 when unknown */
	struct ak_val rate, remanded_pct, changed_pct, upheld_pct;
	bool has_ci;
	double ci_low, ci_high; /* 95 % Wilson interval of the rate, in percent */
	bool small_sample;
	/* the row the counts (n, the parts, the interval) were taken from when
	 * the row shown publishes only percentages (stats_figures_in), or NULL */
	const struct ak_obs *counts_from;
};

/* A figure's reversal rate as one source gives it: worked out from its
 * counts (exact), or as published, standing for every value that rounds
 * to it ("28" for 27.5-28.5, "31.8" for 31.75-31.85). */
struct ak_rate {
	bool present;
	bool from_counts;
	double value;	      /* percent */
	double half_width;    /* 0 from counts; half the last published digit */
	int decimals;	      /* as published; 1 from counts */
	long reversed, cases; /* from counts; -1 when published */
};

/* Rounds half away from zero to the given decimals. */
double stats_round(double v, int decimals);
/* count/cases as a percentage with one decimal, half rounded up. */
double stats_pct(long count, long cases);
/* Wilson score interval for k of n at the given z (1.959964 for 95 %), in
 * percent with one decimal. n must be positive. */
void stats_wilson(long k, long n, double z, double *low, double *high);
void stats_figures(const struct ak_obs *o, struct ak_figures *f);
/* When the row shown gives a rate but no split (remanded / changed), the
 * split another source publishes for the same figure: filled into f, and
 * that row returned (rows that add up first); NULL when f has a split or
 * no other source has one. */
const struct ak_obs *stats_borrow_split(const struct ak_dataset *ds, const struct ak_obs *o,
					struct ak_figures *f);
/* The figures of the row shown for a figure, completed from the other
 * sources of the same figure: when it publishes only percentages, the
 * counts of another row whose rate agrees with it at its published
 * precision give it n, the parts, the interval and the tests (the rate
 * stays as published; f->counts_from names that row). docs/DATA.md. */
void stats_figures_in(const struct ak_dataset *ds, const struct ak_obs *o, struct ak_figures *f);
/* The rate a row gives (stats_figures' counts first, else rate_pct). */
struct ak_rate stats_rate_of(const struct ak_obs *o);
/* Whether two sources' rates can be the same figure: each stands for the
 * values that round to it, and the two ranges meet. */
bool stats_rates_agree(const struct ak_rate *a, const struct ak_rate *b);
/* The rows of o's figure (o first) whose rates disagree with o's: up to
 * max into out, the count returned. */
size_t stats_rate_disagreements(const struct ak_dataset *ds, const struct ak_obs *o,
				const struct ak_obs **out, size_t max);
/* "28 %" as published, "30.2 % of 63 cases" from counts (the interface's
 * decimal separator), into buf. */
char *stats_rate_text(char *buf, size_t size, const struct ak_rate *r);
/* True when the published values agree, allowing for rounding to the coarser
 * of the two precisions. */
bool stats_same_published(struct ak_num a, struct ak_num b);
/* Two-proportion z-test of k1/n1 against k2/n2 (pooled). Returns false when
 * it cannot be computed (a count missing or zero); else sets the two-sided
 * p-value and whether p < 0.05. */
bool stats_two_prop(long k1, long n1, long k2, long n2, double *p, bool *significant);
/* "In cases": how many of `cases` decisions would have been reversed at the
 * national rate, and the difference (reversed - expected), one decimal. */
void stats_in_cases(long reversed, long cases, double national_pct, double *expected,
		    double *difference);
/* Checks every row and every group of sources; sets obs->inconsistent and
 * obs->disagrees and, when out is not NULL, adds one warning per finding. */
void stats_analyse(struct ak_dataset *ds, struct diag_list *out);

#endif
