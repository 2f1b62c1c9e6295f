/* cycletext.c - the § 79 b cycle said in sentences. */
#include "ankekort/output/cycletext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/register.h"
#include "ankekort/output/doc.h"

static const char *const months[12] = {N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"),
				       N_("May"), N_("Jun"), N_("Jul"), N_("Aug"),
				       N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec")};

char *cycletext_day(const char *date, int today_year)
{
	int y, m, d;
	if (sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
		return xstrdup(date);
	if (y == today_year)
		/* TRANSLATORS: day and month, "12 Nov" */
		return xasprintf(_("%d %s"), d, _(months[m - 1]));
	/* TRANSLATORS: day, month and year, "12 Nov 2025" */
	return xasprintf(_("%d %s %d"), d, _(months[m - 1]), y);
}

/* ", " between the parts of what is due */
static void part(struct sbuf *b, const char *text)
{
	if (b->len)
		sbuf_puts(b, ", ");
	sbuf_puts(b, text);
}

static void part_day(struct sbuf *b, const char *fmt, const char *date, int today_year)
{
	char *day = cycletext_day(date, today_year);
	char *t = xasprintf(fmt, day);
	part(b, t);
	free(t);
	free(day);
}

static void provision(struct sbuf *b, const struct ak_rule *r, bool long_form)
{
	if (long_form && r)
		sbuf_printf(b, " (%s)", r->provision);
}

static char *due_text(const struct cycle_due *d, int today_year, bool long_form)
{
	if (!d->need_council && !d->need_decision && !d->need_tell && !d->order_open)
		return NULL;
	struct sbuf b = {0};
	if (d->committee && !d->council)
		part_day(&b, _("discussed in committee %s"), d->committee->date, today_year);
	if (d->need_council) {
		part(&b, _("no council meeting recorded"));
		provision(&b, d->need_council, long_form);
		if (long_form && d->need_decision) {
			sbuf_puts(&b, _(" and no decision on an action plan"));
			provision(&b, d->need_decision, long_form);
		}
	} else if (d->need_decision) {
		if (d->council) /* without a rule for the meeting there may be none */
			part_day(&b, _("discussed by the council %s"), d->council->date,
				 today_year);
		part(&b, _("no decision on an action plan recorded"));
		provision(&b, d->need_decision, long_form);
	}
	if (d->need_council || d->need_decision) {
		char *day = cycletext_day(d->deadline, today_year);
		sbuf_printf(&b, d->past ? _("; the deadline was %s") : _("; the deadline is %s"),
			    day);
		free(day);
	}
	if (d->need_tell) {
		if (b.len)
			sbuf_puts(&b, "; ");
		char *day = cycletext_day(d->decision->date, today_year);
		sbuf_printf(&b, _("decided %s: no action plan; Ankestyrelsen not told"), day);
		provision(&b, d->need_tell, long_form);
		free(day);
	}
	if (d->order_open) {
		if (b.len)
			sbuf_puts(&b, "; ");
		char *day = cycletext_day(d->order->date, today_year);
		sbuf_printf(&b, _("Ankestyrelsen ordered an action plan %s"), day);
		free(day);
		if (d->order->deadline[0]) {
			day = cycletext_day(d->order->deadline, today_year);
			sbuf_printf(&b,
				    d->order_past ? _(", its deadline was %s")
						  : _(", its deadline is %s"),
				    day);
			free(day);
		}
	}
	char *out = xasprintf(_("%d maps: %s"), d->year, sbuf_str(&b));
	sbuf_free(&b);
	return out;
}

char *cycletext_due(const struct cycle_due *d, int today_year)
{
	return due_text(d, today_year, false);
}

char *cycletext_due_long(const struct cycle_due *d, int today_year)
{
	return due_text(d, today_year, true);
}

static int by_date(const void *a, const void *b)
{
	const struct cycle_entry *x = *(const struct cycle_entry *const *)a;
	const struct cycle_entry *y = *(const struct cycle_entry *const *)b;
	int k = strcmp(x->date, y->date);
	return k ? k : x->id - y->id;
}

static char *step_line(const struct cycle_entry *e)
{
	struct sbuf b = {0};
	char *day = cycletext_day(e->date, 0);
	sbuf_printf(&b, "%s: %s", day, cycle_kind_label(e->kind));
	free(day);
	if (e->kind == CYC_DECISION)
		sbuf_printf(&b, ": %s",
			    e->plan == PLAN_YES ? _("an action plan") : _("no action plan"));
	if (e->areas && e->areas[0])
		sbuf_printf(&b, _(", for %s"), e->areas);
	if (e->period && e->period[0])
		sbuf_printf(&b, _(", period %s"), e->period);
	if (e->deadline[0]) {
		day = cycletext_day(e->deadline, 0);
		sbuf_printf(&b, _(", deadline %s"), day);
		free(day);
	}
	if (e->text && e->text[0])
		sbuf_printf(&b, " (%s)", e->text);
	return sbuf_take(&b);
}

/* The steps recorded for code and the year's maps, by date (caller frees
 * the array; the steps are borrowed). */
static size_t sorted_steps(const struct cycle *c, int code, int year,
			   const struct cycle_entry ***out)
{
	size_t n = 0;
	const struct cycle_entry **es = xcalloc(c ? c->n + 1 : 1, sizeof *es);
	for (size_t i = 0; c && i < c->n; i++)
		if (c->e[i].code == code && c->e[i].year == year)
			es[n++] = &c->e[i];
	qsort(es, n, sizeof *es, by_date);
	*out = es;
	return n;
}

size_t cycletext_steps(const struct cycle *c, int code, int year, char ***lines)
{
	*lines = NULL;
	const struct cycle_entry **es;
	size_t n = sorted_steps(c, code, year, &es);
	if (n)
		*lines = xcalloc(n, sizeof **lines);
	for (size_t i = 0; i < n; i++)
		(*lines)[i] = step_line(es[i]);
	free(es);
	return n;
}

size_t cycletext_step_ids(const struct cycle *c, int code, int year, int **ids)
{
	const struct cycle_entry **es;
	size_t n = sorted_steps(c, code, year, &es);
	*ids = xcalloc(n + 1, sizeof **ids);
	for (size_t i = 0; i < n; i++)
		(*ids)[i] = es[i]->id;
	free(es);
	return n;
}

/* Whether the record names code. */
static bool named(const struct cycle *c, int code)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->e[i].code == code)
			return true;
	return false;
}

/* What is due for code, a line each, added to lines. */
static void due_lines(const struct ak_dataset *ds, int code, long day, int today_year,
		      char ***lines, size_t *n)
{
	int years[32];
	size_t ny = cycle_open_years(ds->cycle, code, day, years, 32);
	for (size_t i = 0; i < ny; i++) {
		struct cycle_due due;
		if (!cycle_due_of(ds, ds->cycle, code, years[i], day, &due))
			continue;
		const struct ak_municipality *m = dataset_muni(ds, code);
		char *t = cycletext_due_long(&due, today_year);
		*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
		(*lines)[(*n)++] = xasprintf("%s, %s", m ? m->name : "?", t);
		free(t);
	}
}

void cycletext_write_due(struct doc *d, const struct ak_dataset *ds, const int *codes,
			 size_t n_codes, const char *today)
{
	long day = register_day(today);
	if (!ds->cycle || day < 0)
		return;
	char **lines = NULL;
	size_t n = 0;
	int today_year = atoi(today);
	for (size_t i = 0; i < ds->n_munis; i++) {
		int code = ds->munis[i].code;
		bool asked = false;
		for (size_t k = 0; codes && k < n_codes; k++)
			asked = asked || codes[k] == code;
		if (code != AK_NATIONAL_CODE && (codes ? asked : named(ds->cycle, code)))
			due_lines(ds, code, day, today_year, &lines, &n);
	}
	if (n) {
		doc_gap(d);
		char *when = cycletext_day(today, 0);
		char *head = xasprintf(_("What retssikkerhedsloven § 79 b asks that the cycle "
					 "record does not show, as of %s:"),
				       when);
		doc_para(d, head);
		free(head);
		free(when);
	}
	for (size_t i = 0; i < n; i++) {
		doc_bullet(d, lines[i]);
		free(lines[i]);
	}
	if (n)
		doc_end_list(d);
	free(lines);
}

char *cycletext_status(const struct ak_dataset *ds, int code, const char *today)
{
	long day = register_day(today);
	if (!ds->cycle || day < 0 || code <= AK_NATIONAL_CODE)
		return NULL;
	int years[32];
	size_t n = cycle_open_years(ds->cycle, code, day, years, 32);
	for (size_t i = 0; i < n; i++) { /* newest first */
		struct cycle_due due;
		if (cycle_due_of(ds, ds->cycle, code, years[i], day, &due))
			return cycletext_due(&due, atoi(today));
	}
	return NULL;
}
