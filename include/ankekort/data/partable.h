/* partable.h - which paragraphs drive a rate: the rows below law level of
 * one municipality, year and area (paragraphs.csv), each with its rate,
 * the national rate for the same paragraph, the reversed cases above it
 * (reversed - cases x national rate) and the exact binomial test against
 * it; then the other paragraphs, the total that ties out to the area
 * figure and, under generelt, the rest beyond the two handicap maps.
 * Optionally grouped by the municipality's units (units.csv). Pure. */
#ifndef ANKEKORT_PARTABLE_H
#define ANKEKORT_PARTABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/data/dataset.h"
#include "ankekort/data/stats.h"

/* The orders `s` cycles through; PARORDER_FILE (as the source lists them)
 * is the fact sheet's unit table's. */
enum partable_order {
	PARORDER_EXCESS, /* reversed above the national rate, largest first */
	PARORDER_REVERSED,
	PARORDER_CASES,
	PARORDER_RATE,
	PARORDER_PARAGRAPH, /* by the first §; Barnets lov's beside the SEL § it replaced */
	PARORDER_CYCLE,	    /* the number of orders `s` cycles */
	PARORDER_FILE = PARORDER_CYCLE,
};
/* "excess", "reversed" ... for the status line and --sort (not translated). */
const char *partable_order_id(enum partable_order o);

enum partable_kind {
	PARROW_PARAGRAPH,
	PARROW_UNIT,  /* a unit's subtotal, before its paragraphs */
	PARROW_OTHER, /* the area figure less the paragraphs listed */
	PARROW_TOTAL, /* the area figure */
	PARROW_REST,  /* generelt less the paragraphs of the handicap maps */
};

struct partable_row {
	enum partable_kind kind;
	const struct ak_par *par; /* PARROW_PARAGRAPH: the row (its first quarter when summed) */
	const char *unit;	  /* the unit's name (borrowed), or NULL */
	long cases, upheld, remanded, changed, reversed; /* -1 when unknown */
	bool has_rate;
	double rate; /* percent, one decimal, from counts */
	bool has_ci;
	double ci_low, ci_high;
	bool has_nat;
	double nat_rate; /* the national rate of the same paragraph, percent */
	bool has_excess;
	double excess; /* reversed - cases x nat_rate / 100 */
	bool has_p;
	double p; /* exact binomial test of reversed of cases against nat_rate */
	bool has_prev;
	int prev_year;
	double prev_rate, change; /* the last earlier year with a rate; change in points */
};

struct partable {
	int code, year;
	enum ak_area area;
	enum partable_order order;
	bool by_unit;
	struct partable_row *rows; /* owned */
	size_t n;
	size_t n_pars;			/* paragraph rows among them */
	const struct ak_source *source; /* the rows' source (borrowed), or NULL when none */
	bool quarters;			/* summed from quarters */
	bool has_figure;		/* the area figure is loaded */
	bool ties_out;			/* the paragraphs do not exceed the area figure */
	char mismatch[200]; /* what does not tie out, in English ids ("reversed 33 > 31") */
};

/* The table for (code, year, area): the rows of the preferred source
 * (ministry before municipality, press, statistics; then the newer date)
 * below law level, annual rows or else the quarters summed. */
void partable_build(const struct ak_dataset *ds, int code, int year, enum ak_area area,
		    enum partable_order order, bool by_unit, struct partable *t);
void partable_free(struct partable *t);
/* Whether any paragraph row is loaded for the municipality and year. */
bool partable_any(const struct ak_dataset *ds, int code, int year);
/* Reversed cases above the national rate and the test: k of n against
 * nat (percent). False when n or k is unknown or n is 0. */
bool partable_excess(long k, long n, double nat, double *excess, double *p);
/* The unit of a paragraph row for the municipality (units.csv), or NULL. */
const struct ak_unit *partable_unit_of(const struct ak_dataset *ds, const struct ak_par *p,
				       int code);

#endif
