/* events.h - the events a reader of one municipality's figures should
 * know (events.csv, shipped and the user's): the national ones and its
 * own, in a span of years, by date. */
#ifndef ANKEKORT_EVENTS_H
#define ANKEKORT_EVENTS_H

#include <stddef.h>

#include "ankekort/data/dataset.h"

/* The events of code (and the national ones) dated from year_from to
 * year_to, by date then file order, into out (at most max); returns the
 * count. An event is told once: a copy in the user's events.csv of a
 * shipped one (same code, date and text) is left out. */
size_t events_for(const struct ak_dataset *ds, int code, int year_from, int year_to,
		  const struct ak_event **out, size_t max);
/* The year of an event's date. */
int event_year(const struct ak_event *e);

#endif
