/* funnel.h - is a municipality's rate beyond chance? The exact binomial
 * test of its reversals against the national rate, and the funnel plot's
 * control limits: the band in which a rate from n cases falls 95 % (and
 * 99.8 %) of the time when the true rate is the national one. Pure
 * functions of counts; rates in percent. */
#ifndef ANKEKORT_FUNNEL_H
#define ANKEKORT_FUNNEL_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/data/dataset.h"

/* Two-sided p-value of k reversals in n cases when the rate is p0 (0-1):
 * the probability of an outcome no more likely than k (as R's binom.test).
 * 1 when n is 0. */
double funnel_binom_p(long k, long n, double p0);

/* A p-value for a table (caller frees): "0.034", "<0.001"; for CSV the
 * number itself to four decimals. Danish style uses a decimal comma. */
char *funnel_p_cell(double p, bool csv, bool danish);
/* "p = 0.034: beyond chance" / "p = 0.41: within what chance gives", for
 * prose (caller frees; localised). */
char *funnel_p_sentence(double p);

/* Control limits, in percent, at n cases around p0 (0-1): exact binomial
 * quantiles, interpolated so that they are smooth in n (Spiegelhalter 2005,
 * "Funnel plots for comparing institutional performance"). */
struct funnel_limits {
	double lo95, hi95, lo998, hi998;
};
void funnel_limits(long n, double p0, struct funnel_limits *l);

enum funnel_pos {
	FUNNEL_UNKNOWN, /* no case count, or no national rate */
	FUNNEL_BELOW_998,
	FUNNEL_BELOW_95,
	FUNNEL_WITHIN,
	FUNNEL_ABOVE_95,
	FUNNEL_ABOVE_998,
};
/* Where k of n lies against the limits around p0 (0-1). */
enum funnel_pos funnel_position(long k, long n, double p0);
/* The position in words ("within the 95 % limits: not distinguishable from
 * the national rate"), translated. */
const char *funnel_pos_text(enum funnel_pos pos);
/* In a table cell ("above 95 %"), translated; and as data ("above_95"). */
const char *funnel_pos_short(enum funnel_pos pos);
const char *funnel_pos_id(enum funnel_pos pos);

/* One municipality in the plot. */
struct funnel_point {
	int code;
	long cases, reversed;
	double rate; /* percent from the counts, one decimal (the plot is of counts) */
	double p;    /* funnel_binom_p against the national rate */
	enum funnel_pos pos;
};
struct funnel {
	int year;
	enum ak_area area;
	bool has_national;
	double national;	     /* percent */
	struct funnel_point *points; /* owned; by cases, then code */
	size_t n;
	size_t without_cases; /* municipalities with a rate but no case count */
};
/* Every municipality with a rate and a case count for (year, area), from
 * the rows shown (the default rows). */
void funnel_build(const struct ak_dataset *ds, int year, enum ak_area area, struct funnel *f);
void funnel_free(struct funnel *f);
/* The point of code, or NULL. */
const struct funnel_point *funnel_find(const struct funnel *f, int code);

#endif
