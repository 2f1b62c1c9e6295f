/* printevents.c - the events under print's table (see printevents.h). */
#include "ankekort/output/printevents.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/events.h"
#include "ankekort/output/fsevents.h"

enum { MAX_EVENTS = 64 };

/* What was asked: the municipalities printed and the year. */
struct asked {
	const int *codes; /* NULL: every one */
	size_t n;
	int year; /* 0: every loaded year */
};

static bool printed(const struct asked *q, int code)
{
	if (code == AK_NATIONAL_CODE || !q->codes)
		return true;
	for (size_t i = 0; i < q->n; i++)
		if (q->codes[i] == code)
			return true;
	return false;
}

/* By date, then in the files' order. */
static int by_date(const void *a, const void *b)
{
	const struct ak_event *x = *(const struct ak_event *const *)a,
			      *y = *(const struct ak_event *const *)b;
	int c = strcmp(x->date, y->date);
	return c ? c : (x > y) - (x < y);
}

/* Events printed once each, by date (events_for's order per code merged):
 * the nation's and those of the municipalities printed. */
static size_t collect(const struct ak_dataset *ds, const struct asked *q,
		      const struct ak_event **out)
{
	int from = q->year ? q->year : ds->n_years ? ds->years[0] : 0;
	int to = q->year ? q->year : ds->n_years ? ds->years[ds->n_years - 1] : 0;
	/* the nation's events are every municipality's: asked for once */
	size_t n = events_for(ds, AK_NATIONAL_CODE, from, to, out, MAX_EVENTS);
	for (size_t m = 0; m < ds->n_munis; m++) {
		int code = ds->munis[m].code;
		if (code == AK_NATIONAL_CODE || !printed(q, code))
			continue;
		const struct ak_event *own[MAX_EVENTS];
		size_t k = events_for(ds, code, from, to, own, MAX_EVENTS);
		for (size_t i = 0; i < k && n < MAX_EVENTS; i++)
			if (own[i]->code == code) /* the national ones are in already */
				out[n++] = own[i];
	}
	qsort(out, n, sizeof *out, by_date);
	return n;
}

void printevents_notes(struct doc *d, const struct ak_dataset *ds, const int *codes, size_t n_codes,
		       int year)
{
	const struct ak_event *ev[MAX_EVENTS];
	struct asked q = {codes, n_codes, year};
	size_t n = collect(ds, &q, ev);
	if (!n)
		return;
	doc_gap(d);
	doc_para(d, _("Events in the years printed (events.csv):"));
	for (size_t i = 0; i < n; i++) {
		char *note = fsevents_note(ev[i], 0);
		const struct ak_municipality *m = dataset_muni(ds, ev[i]->code);
		char *line = xasprintf("%s: %s",
				       ev[i]->code == AK_NATIONAL_CODE ? _("All municipalities")
				       : m			       ? m->name
								       : "?",
				       note);
		doc_bullet(d, line);
		free(line);
		free(note);
	}
	doc_end_list(d);
}
