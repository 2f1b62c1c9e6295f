/* events.c - the events of a municipality's figures, by date. */
#include "ankekort/data/events.h"

#include <stdlib.h>
#include <string.h>

int event_year(const struct ak_event *e)
{
	return atoi(e->date);
}

static bool told_before(const struct ak_event *const *out, size_t n, const struct ak_event *e)
{
	for (size_t i = 0; i < n; i++)
		if (out[i]->code == e->code && strcmp(out[i]->date, e->date) == 0 &&
		    strcmp(out[i]->text, e->text) == 0)
			return true;
	return false;
}

static int by_date(const void *a, const void *b)
{
	const struct ak_event *x = *(const struct ak_event *const *)a;
	const struct ak_event *y = *(const struct ak_event *const *)b;
	int k = strcmp(x->date, y->date);
	return k ? k : (x < y ? -1 : x > y);
}

size_t events_for(const struct ak_dataset *ds, int code, int year_from, int year_to,
		  const struct ak_event **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < ds->n_events && n < max; i++) {
		const struct ak_event *e = &ds->events[i];
		int y = event_year(e);
		if ((e->code == code || e->code == AK_NATIONAL_CODE) && y >= year_from &&
		    y <= year_to && !told_before(out, n, e))
			out[n++] = e;
	}
	qsort(out, n, sizeof *out, by_date);
	return n;
}
