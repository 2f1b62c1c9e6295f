/* fsevents.c - events as markers on the trend and footnotes under it. */
#include "ankekort/output/fsevents.h"

#include <stdlib.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/events.h"
#include "ankekort/output/cycletext.h"
#include "ankekort/output/doc.h"

enum { MAX_EVENTS = 64 };

/* The events of the trend: from its first year to the sheet's. */
static size_t trend_events(const struct sheet *s, int from, const struct ak_event **ev)
{
	return events_for(s->ds, s->code, from, s->year, ev, MAX_EVENTS);
}

char *fsevents_year_cell(const struct sheet *s, int from, int year)
{
	const struct ak_event *ev[MAX_EVENTS];
	size_t n = trend_events(s, from, ev);
	struct sbuf b = {0};
	sbuf_printf(&b, "%d", year);
	for (size_t i = 0; i < n; i++)
		if (event_year(ev[i]) == year)
			sbuf_printf(&b, " [%zu]", i + 1);
	return sbuf_take(&b);
}

char *fsevents_note(const struct ak_event *e, size_t num)
{
	char *day = cycletext_day(e->date, 0);
	struct sbuf b = {0};
	if (num)
		sbuf_printf(&b, "[%zu] ", num);
	sbuf_printf(&b, "%s, %s: %s", day, event_kind_label(e->kind), e->text);
	sbuf_printf(&b, e->layer == LAYER_USER ? _(" (your data; source: %s") : _(" (source: %s"),
		    e->source.text);
	if (e->source.url[0])
		sbuf_printf(&b, ", %s", e->source.url);
	sbuf_putc(&b, ')');
	free(day);
	return sbuf_take(&b);
}

void fsevents_notes(struct sheet *s, int from)
{
	const struct ak_event *ev[MAX_EVENTS];
	size_t n = trend_events(s, from, ev);
	if (n)
		doc_para(
			&s->doc,
			_("Events in the years of the trend ([n] beside a year the table shows):"));
	for (size_t i = 0; i < n; i++) {
		char *note = fsevents_note(ev[i], i + 1);
		doc_para(&s->doc, note);
		free(note);
	}
}
