/* regtally.h - the register of remanded cases counted for one
 * municipality, year and area, and said in sentences for the panes, print
 * and the fact sheet. */
#ifndef ANKEKORT_REGTALLY_H
#define ANKEKORT_REGTALLY_H

#include "ankekort/data/register.h"

/* The register for one municipality and year (area -1: every area). */
struct reg_tally {
	size_t n;
	size_t outcome[REG_OUTCOME_COUNT];
	size_t reason[REG_REASON_COUNT];
	long pending_days_max; /* the longest a pending case has waited, in days (today given) */
	char **paragraphs;     /* distinct, in order of first entry; owned */
	size_t *paragraph_n;
	size_t n_paragraphs;
};
void register_tally(const struct reg *r, int code, int year, int area, const char *today,
		    struct reg_tally *t);
/* Only how many entries there are for it. */
size_t register_count(const struct reg *r, int code, int year, int area);
void reg_tally_free(struct reg_tally *t);
/* The tally in sentences for one area and year ("Børnehandicap 2021: 12
 * remanded cases registered, of the 14 the statistics report"; outcomes;
 * pending and how long; reasons; paragraphs). published is the remanded
 * count the figures give, or -1. Returns the number of lines (0 when
 * nothing is registered); *lines and each line are the caller's. */
size_t register_describe(const struct reg *r, int code, int year, enum ak_area area, long published,
			 const char *today, char ***lines);
/* Today as YYYY-MM-DD (local time). */
void register_today(char *buf, size_t size);

#endif
