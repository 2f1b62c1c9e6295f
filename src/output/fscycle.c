/* fscycle.c - the fact sheet's section on the § 79 b cycle. */
#include "ankekort/output/fscycle.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/cyclerules.h"
#include "ankekort/data/register.h"
#include "ankekort/output/cycletext.h"
#include "ankekort/output/doc.h"

/* The steps recorded for the year's maps, under a line naming them. */
static size_t steps(struct sheet *s, int year)
{
	char **lines;
	size_t n = cycletext_steps(s->ds->cycle, s->code, year, &lines);
	if (n) {
		char *head = xasprintf(_("The %d maps:"), year);
		doc_para(&s->doc, head);
		free(head);
	}
	for (size_t i = 0; i < n; i++) {
		doc_bullet(&s->doc, lines[i]);
		free(lines[i]);
	}
	if (n)
		doc_end_list(&s->doc);
	free(lines);
	return n;
}

/* The rules the year's maps fall under, the provisions of one source
 * together: "stk. 1 (danskelove.dk ...); stk. 2, 1. pkt., stk. 3 (L 151 ...)". */
static void rules(struct sheet *s, const struct cycle_due *d)
{
	const struct ak_rule *in[RULE_KIND_COUNT];
	size_t n = 0;
	for (int k = 0; k < RULE_KIND_COUNT; k++) {
		const struct ak_rule *r = cyclerules_for(s->ds, (enum ak_rule_kind)k, d->pub_year);
		if (r)
			in[n++] = r;
	}
	struct sbuf b = {0};
	for (size_t i = 0; i < n; i++) {
		bool first = true; /* of its source */
		for (size_t j = 0; j < i; j++)
			first = first && strcmp(in[j]->source.text, in[i]->source.text) != 0;
		if (!first)
			continue;
		sbuf_printf(&b, "%s%s", b.len ? "; " : "", in[i]->provision);
		for (size_t j = i + 1; j < n; j++)
			if (strcmp(in[j]->source.text, in[i]->source.text) == 0)
				sbuf_printf(&b, ", %s", in[j]->provision);
		sbuf_printf(&b, " (%s)", in[i]->source.text);
	}
	if (b.len) {
		char *t = xasprintf(_("The %d maps, published in %d, fall under: %s."), d->year,
				    d->pub_year, sbuf_str(&b));
		doc_para(&s->doc, t);
		free(t);
	}
	sbuf_free(&b);
}

void fscycle_write(struct sheet *s, const char *today)
{
	const struct cycle *c = s->ds->cycle;
	long day = register_day(today);
	bool named = false;
	for (size_t i = 0; c && i < c->n; i++)
		named = named || c->e[i].code == s->code;
	if (!named || day < 0)
		return;
	doc_heading(&s->doc, 2, _("Follow-up on the action plan"));
	size_t n = steps(s, s->year - 1) + steps(s, s->year);
	if (n == 0)
		doc_para(&s->doc, _("The cycle record holds no step for these maps yet."));
	struct cycle_due d;
	if (cycle_due_of(s->ds, c, s->code, s->year, day, &d)) {
		char *due = cycletext_due_long(&d, 0), *when = cycletext_day(today, 0);
		char *t = xasprintf(_("Not yet recorded, as of %s: %s."), when, due);
		doc_para(&s->doc, t);
		free(t);
		free(when);
		free(due);
	}
	rules(s, &d);
}
