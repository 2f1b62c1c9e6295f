/* cycledue.c - what the § 79 b cycle asks that the record does not show. */
#include "ankekort/data/cycledue.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ankekort/data/cyclerules.h"
#include "ankekort/data/register.h"

void cycle_today(char *buf)
{
	const char *fixed = getenv("ANKEKORT_TODAY");
	if (fixed && register_valid_date(fixed)) {
		snprintf(buf, 11, "%s", fixed);
		return;
	}
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
}

/* The later of two entries (by date, then number); a when b is NULL. */
static const struct cycle_entry *later(const struct cycle_entry *a, const struct cycle_entry *b)
{
	if (!a || !b)
		return a ? a : b;
	int k = strcmp(a->date, b->date);
	return k > 0 || (k == 0 && a->id > b->id) ? a : b;
}

static const struct cycle_entry *earlier(const struct cycle_entry *a, const struct cycle_entry *b)
{
	if (!a || !b)
		return a ? a : b;
	return later(a, b) == a ? b : a;
}

/* The steps of one municipality and year taken by day (a meeting recorded
 * ahead is not held yet): the latest of each, the first council meeting. */
static void gather(const struct cycle *c, int code, int year, long day, struct cycle_due *d)
{
	for (size_t i = 0; c && i < c->n; i++) {
		const struct cycle_entry *e = &c->e[i];
		if (e->code != code || e->year != year || register_day(e->date) > day)
			continue;
		switch (e->kind) {
		case CYC_PUBLISHED: d->published = later(e, d->published); break;
		case CYC_COMMITTEE: d->committee = later(e, d->committee); break;
		case CYC_COUNCIL: d->council = earlier(e, d->council); break;
		case CYC_DECISION: d->decision = later(e, d->decision); break;
		case CYC_TOLD: d->told = later(e, d->told); break;
		case CYC_ORDER: d->order = later(e, d->order); break;
		case CYC_REPORT: d->report = later(e, d->report); break;
		case CYC_REMINDER:
		case CYC_KIND_COUNT: break;
		}
	}
}

bool cycle_due_of(const struct ak_dataset *ds, const struct cycle *c, int code, int year, long day,
		  struct cycle_due *d)
{
	memset(d, 0, sizeof *d);
	d->code = code;
	d->year = year;
	gather(c, code, year, day, d);
	d->pub_recorded = d->published != NULL;
	d->pub_year = d->published ? atoi(d->published->date) : year + 1;
	snprintf(d->deadline, sizeof d->deadline, "%04d-12-31", d->pub_year);
	d->past = day > register_day(d->deadline);
	const struct ak_rule *discuss = cyclerules_for(ds, RULE_DISCUSS, d->pub_year);
	const struct ak_rule *decide = cyclerules_for(ds, RULE_DECIDE_PLAN, d->pub_year);
	const struct ak_rule *tell = cyclerules_for(ds, RULE_TELL_NO_PLAN, d->pub_year);
	if (discuss && !d->council)
		d->need_council = discuss;
	if (decide && !d->decision)
		d->need_decision = decide;
	if (tell && d->decision && d->decision->plan == PLAN_NO &&
	    (!d->told || strcmp(d->told->date, d->decision->date) < 0))
		d->need_tell = tell;
	if (d->order) {
		bool answered = d->decision && d->decision->plan == PLAN_YES &&
				strcmp(d->decision->date, d->order->date) >= 0;
		d->order_open = !answered;
		d->order_past = !answered && d->order->deadline[0] &&
				day > register_day(d->order->deadline);
	}
	return d->need_council || d->need_decision || d->need_tell || d->order_open;
}

static int newest_first(const void *a, const void *b)
{
	return *(const int *)b - *(const int *)a;
}

size_t cycle_open_years(const struct cycle *c, int code, long day, int *years, size_t max)
{
	size_t n = 0;
	bool any = false;
	for (size_t i = 0; c && i < c->n; i++) {
		if (c->e[i].code != code)
			continue;
		any = true;
		bool seen = false;
		for (size_t k = 0; k < n; k++)
			seen = seen || years[k] == c->e[i].year;
		if (!seen && n < max)
			years[n++] = c->e[i].year;
	}
	time_t t = (time_t)day * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	int this_year = tm.tm_year + 1900, maps = this_year - 1;
	bool out = tm.tm_mon >= 6; /* published before 1 July (seed: Norddjurs 2023) */
	bool seen = false;
	for (size_t k = 0; k < n; k++)
		seen = seen || years[k] == maps;
	if (any && out && !seen && n < max)
		years[n++] = maps;
	qsort(years, n, sizeof *years, newest_first);
	return n;
}
