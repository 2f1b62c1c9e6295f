/* regtally.c - the register of remanded cases counted and said in
 * sentences. */
#include "ankekort/data/regtally.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"

void register_today(char *buf, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(buf, size, "%Y-%m-%d", &tm);
}

static void count_paragraph(struct reg_tally *t, const char *p)
{
	const char *name = p[0] ? p : "";
	for (size_t i = 0; i < t->n_paragraphs; i++)
		if (strcmp(t->paragraphs[i], name) == 0) {
			t->paragraph_n[i]++;
			return;
		}
	t->paragraphs = xreallocarray(t->paragraphs, t->n_paragraphs + 1, sizeof *t->paragraphs);
	t->paragraph_n = xreallocarray(t->paragraph_n, t->n_paragraphs + 1, sizeof *t->paragraph_n);
	t->paragraphs[t->n_paragraphs] = xstrdup(name);
	t->paragraph_n[t->n_paragraphs++] = 1;
}

static bool counted(const struct reg_entry *e, int code, int year, int area)
{
	return e->code == code && e->year == year && (area < 0 || (int)e->area == area);
}

size_t register_count(const struct reg *r, int code, int year, int area)
{
	size_t n = 0;
	for (size_t i = 0; r && i < r->n; i++)
		n += counted(&r->e[i], code, year, area);
	return n;
}

void register_tally(const struct reg *r, int code, int year, int area, const char *today,
		    struct reg_tally *t)
{
	memset(t, 0, sizeof *t);
	long now = register_day(today);
	for (size_t i = 0; r && i < r->n; i++) {
		const struct reg_entry *e = &r->e[i];
		if (!counted(e, code, year, area))
			continue;
		t->n++;
		t->outcome[e->outcome]++;
		t->reason[e->reason]++;
		count_paragraph(t, e->paragraph);
		long since = register_day(e->remanded);
		if (e->outcome == REG_PENDING && now >= 0 && since >= 0 &&
		    now - since > t->pending_days_max)
			t->pending_days_max = now - since;
	}
}

void reg_tally_free(struct reg_tally *t)
{
	for (size_t i = 0; i < t->n_paragraphs; i++)
		free(t->paragraphs[i]);
	free(t->paragraphs);
	free(t->paragraph_n);
	memset(t, 0, sizeof *t);
}

/* "new decision in the citizen's favour (5), the same decision (8)": a
 * label and its count, which no plural can get wrong */
static void counts(struct sbuf *b, const size_t *n, size_t count, const char *(*label)(int))
{
	for (size_t i = 0; i < count; i++)
		if (n[i])
			sbuf_printf(b, "%s%s (%zu)", b->len ? ", " : "", label((int)i), n[i]);
}

static const char *outcome_at(int i)
{
	return reg_outcome_label((enum reg_outcome)i);
}
static const char *reason_after_none(int i)
{
	return reg_reason_label((enum reg_reason)(i + 1));
}

static void push(char ***lines, size_t *n, char *line)
{
	*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
	(*lines)[(*n)++] = line;
}

size_t register_describe(const struct reg *r, int code, int year, enum ak_area area, long published,
			 const char *today, char ***lines)
{
	*lines = NULL;
	struct reg_tally t;
	register_tally(r, code, year, (int)area, today, &t);
	size_t n = 0;
	if (t.n == 0) {
		reg_tally_free(&t);
		return 0;
	}
	push(lines, &n,
	     published >= 0
		     ? xasprintf(ngettext("%s %d: %zu remanded case registered, of the %ld the "
					  "statistics report.",
					  "%s %d: %zu remanded cases registered, of the %ld the "
					  "statistics report.",
					  t.n),
				 area_label(area), year, t.n, published)
		     : xasprintf(ngettext("%s %d: %zu remanded case registered.",
					  "%s %d: %zu remanded cases registered.", t.n),
				 area_label(area), year, t.n));
	struct sbuf b = {0};
	counts(&b, t.outcome, REG_OUTCOME_COUNT, outcome_at);
	push(lines, &n, xasprintf(_("Outcomes: %s."), sbuf_str(&b)));
	if (t.outcome[REG_PENDING] && t.pending_days_max > 0)
		push(lines, &n,
		     xasprintf(ngettext("Pending: %zu, the longest for %ld day.",
					"Pending: %zu, the longest for %ld days.",
					(unsigned long)t.pending_days_max),
			       t.outcome[REG_PENDING], t.pending_days_max));
	sbuf_reset(&b);
	counts(&b, t.reason + 1, REG_REASON_COUNT - 1, reason_after_none);
	if (t.reason[REG_REASON_NONE]) /* "not given" last */
		sbuf_printf(&b, "%s%s (%zu)", b.len ? ", " : "", reg_reason_label(REG_REASON_NONE),
			    t.reason[REG_REASON_NONE]);
	push(lines, &n, xasprintf(_("Reasons for the remand: %s."), sbuf_str(&b)));
	sbuf_reset(&b);
	for (size_t i = 0; i < t.n_paragraphs; i++)
		sbuf_printf(&b, "%s%s: %zu", b.len ? ", " : "",
			    t.paragraphs[i][0] ? t.paragraphs[i] : _("not given"),
			    t.paragraph_n[i]);
	push(lines, &n, xasprintf(_("By paragraph: %s."), sbuf_str(&b)));
	sbuf_free(&b);
	reg_tally_free(&t);
	return n;
}
