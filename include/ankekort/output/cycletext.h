/* cycletext.h - the § 79 b cycle in sentences: what is due ("2024 maps:
 * discussed in committee 12 Nov, no council meeting recorded; the deadline
 * is 31 Dec") for the status line and print, and the steps recorded, for
 * the fact sheet. */
#ifndef ANKEKORT_CYCLETEXT_H
#define ANKEKORT_CYCLETEXT_H

#include <stddef.h>

#include "ankekort/data/cycledue.h"
#include "ankekort/output/docstruct.h"

/* What d says is due, in one line (caller frees); NULL when nothing is.
 * Dates name their year only when it is not today_year. */
char *cycletext_due(const struct cycle_due *d, int today_year);
/* The same with the provisions named ("§ 79 b, stk. 1"), for print and
 * the fact sheet. */
char *cycletext_due_long(const struct cycle_due *d, int today_year);
/* Every step recorded for code and the year's maps, by date, a line each
 * ("12 Nov 2025: committee meeting (Socialudvalget)"); *lines and each
 * line are the caller's. Returns the count. */
size_t cycletext_steps(const struct cycle *c, int code, int year, char ***lines);
/* Their numbers in the same order (*ids the caller's). Returns the count. */
size_t cycletext_step_ids(const struct cycle *c, int code, int year, int **ids);
/* "12 Nov" or "12 Nov 2025" (today_year 0: always the year); caller frees. */
char *cycletext_day(const char *date, int today_year);

/* print's warnings: for each municipality of codes (NULL: every one the
 * record names), what is due as of today (YYYY-MM-DD), a bullet each under
 * a line saying so; nothing when nothing is due or no record is loaded. */
void cycletext_write_due(struct doc *d, const struct ak_dataset *ds, const int *codes,
			 size_t n_codes, const char *today);
/* For the status line: what is due for code's newest maps with anything
 * due, as of today; NULL when nothing is (or no record is loaded). */
char *cycletext_status(const struct ak_dataset *ds, int code, const char *today);

#endif
