/* cycledue.h - what the § 79 b cycle asks that the record does not yet
 * show, for one municipality and year of the maps, on a given day: the
 * rules come from the shipped cycle_rules.csv (cyclerules.h), the steps
 * from the user's record (cycle.h), the day from the caller - nothing here
 * reads the clock. */
#ifndef ANKEKORT_CYCLEDUE_H
#define ANKEKORT_CYCLEDUE_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/data/cycle.h"
#include "ankekort/data/dataset.h"

struct cycle_due {
	int code;
	int year;	   /* of the maps' figures */
	int pub_year;	   /* the year they were published */
	bool pub_recorded; /* from a "published" entry; else year + 1 (published before 1 July) */
	char deadline[11]; /* 31 December of pub_year: stk. 1 and 2 */
	bool past;	   /* the day is after the deadline */
	/* the steps recorded up to the day (borrowed from the record, NULL when
	 * none); a step recorded ahead of the day is not taken yet */
	const struct cycle_entry *published, *committee, *council, *decision, *told, *order,
		*report;
	/* what the rules in force ask and the record does not show */
	const struct ak_rule *need_council;  /* stk. 1: no council meeting */
	const struct ak_rule *need_decision; /* stk. 2: no decision on a plan */
	const struct ak_rule *need_tell;     /* stk. 2: no plan, Ankestyrelsen not told */
	bool order_open; /* an order (stk. 3) with no decision for a plan after it */
	bool order_past; /* ... and its deadline has passed */
};

/* Works out d for code and the year's maps on day (days since 1970).
 * Returns true when something is asked that the record does not show. */
bool cycle_due_of(const struct ak_dataset *ds, const struct cycle *c, int code, int year, long day,
		  struct cycle_due *d);
/* The years of the maps the record should be looked at for, newest first
 * (at most max): every year with an entry for code, and - when the record
 * holds any entry for code - the maps published in day's year once they are
 * out (from 1 July). Returns the count. */
size_t cycle_open_years(const struct cycle *c, int code, long day, int *years, size_t max);
/* The day to work out what is due on, as YYYY-MM-DD into buf (11 bytes):
 * $ANKEKORT_TODAY when it holds a valid day (to write a paper as of a
 * day, and for tests), else the local date. The only clock read. */
void cycle_today(char *buf);

#endif
