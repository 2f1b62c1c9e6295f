/* figtext.c - a figure's sources, in sentences. */
#include "ankekort/output/figtext.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/data/layers.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/data/funnel.h"

/* "Københavns Kommune publishes 28 %" or "Statistikbanken ANKEAST2 gives
 * 30.2 % of 63 cases". */
static void one_source(struct sbuf *b, const struct ak_obs *o)
{
	char name[256], rate[64];
	struct ak_rate r = stats_rate_of(o);
	layers_source_name(&o->source, name, sizeof name);
	stats_rate_text(rate, sizeof rate, &r);
	sbuf_printf(b, r.from_counts ? _("%s gives %s") : _("%s publishes %s"), name, rate);
}

char *figtext_disagreement(const struct ak_dataset *ds, const struct ak_obs *o)
{
	const struct ak_obs *other[16];
	/* only a figure check flagged can have rates that disagree: no scan
	 * of the rows for the others (the breakdown asks on every key) */
	size_t n = o && o->disagrees ? stats_rate_disagreements(ds, o, other, 16) : 0;
	if (n == 0)
		return NULL;
	struct sbuf b = {0};
	sbuf_puts(&b, _("Sources disagree on the rate: "));
	one_source(&b, o);
	for (size_t i = 0; i < n; i++) {
		sbuf_puts(&b, "; ");
		one_source(&b, other[i]);
	}
	sbuf_puts(&b, _(". The figure shown is the published one (docs/DATA.md)."));
	return sbuf_take(&b);
}

char *figtext_counts_from(const struct ak_obs *o, const struct ak_figures *f)
{
	if (!o || !f->counts_from)
		return NULL;
	char name[256], counts[64], shown[64];
	struct ak_rate c = stats_rate_of(f->counts_from), p = stats_rate_of(o);
	layers_source_name(&f->counts_from->source, name, sizeof name);
	stats_rate_text(counts, sizeof counts, &c);
	stats_rate_text(shown, sizeof shown, &p);
	struct sbuf b = {0};
	sbuf_printf(&b,
		    _("n, the counts and the interval from %s, whose counts (%s) agree with the "
		      "published %s."),
		    name, counts, shown);
	return sbuf_take(&b);
}

char *figtext_small_sample(const struct ak_figures *f)
{
	if (f->cases <= 0) /* 0 of 0 is no rate, and one case would make it 0 or 100 % */
		return xstrdup(_("No case decided on the merits: there is no rate to read."));
	return textfmt_localize(
		xasprintf(ngettext("Small sample (%ld case): one case more or less moves the rate "
				   "by %.1f points.",
				   "Small sample (%ld cases): one case more or less moves the rate "
				   "by %.1f points.",
				   (unsigned long)f->cases),
			  f->cases, 100.0 / (double)f->cases));
}

/* "Sources publish different figures; this sheet shows X." where they
 * differ elsewhere than on the rate (a document only). */
static size_t sources_said(const struct ak_dataset *ds, const struct ak_facts *x,
			   enum figtext_medium m, struct figtext_line *out)
{
	size_t n = 0;
	char *differ = figtext_disagreement(ds, x->o), *counts = figtext_counts_from(x->o, &x->fig);
	if (m == FIGTEXT_DOC && (x->flags & FLAG_SOURCES_DISAGREE) && !differ)
		out[n++] = (struct figtext_line){
			xasprintf(_("sources publish different figures; this sheet shows %s."),
				  x->o->source.text),
			true};
	/* the screen names the counts' source first, a document the disagreement */
	char *said[2] = {m == FIGTEXT_DOC ? differ : counts, m == FIGTEXT_DOC ? counts : differ};
	for (int k = 0; k < 2; k++)
		if (said[k])
			out[n++] = (struct figtext_line){said[k], said[k] == differ};
	return n;
}

size_t figtext_flags(const struct ak_dataset *ds, const struct ak_facts *x, enum figtext_medium m,
		     struct figtext_line *out)
{
	size_t n = 0;
	for (size_t i = 0; i < AK_N_FLAGS; i++) {
		const struct ak_flag_info *fl = &ak_flags_read[i];
		if (m == FIGTEXT_DOC && fl->bit == FLAG_SOURCES_DISAGREE)
			n += sources_said(ds, x, m, out + n);
		if (!(x->flags & fl->bit))
			continue;
		const char *said = m == FIGTEXT_DOC ? fl->doc : fl->screen;
		if (fl->bit == FLAG_SMALL_SAMPLE)
			out[n++] = (struct figtext_line){figtext_small_sample(&x->fig), true};
		else if (said)
			out[n++] = (struct figtext_line){xstrdup(_(said)), fl->warns};
	}
	if (m == FIGTEXT_SCREEN)
		n += sources_said(ds, x, m, out + n);
	return n;
}

void figtext_flag_words(unsigned flags, bool ids, const char *sep, char *buf, size_t size)
{
	struct sbuf b = {0};
	for (size_t i = 0; i < AK_N_FLAGS; i++)
		if (flags & ak_flags_by_bit[i].bit)
			sbuf_printf(&b, "%s%s", b.len ? sep : "",
				    ids ? ak_flags_by_bit[i].name : _(ak_flags_by_bit[i].label));
	snprintf(buf, size, "%s", sbuf_str(&b));
	sbuf_free(&b);
}

char *figtext_split_from(const struct ak_facts *x, enum figtext_medium m, const char *who)
{
	const char *shown = x->o->source.text,
		   *from = x->split_from ? x->split_from->source.text : NULL;
	if (!from)
		return NULL;
	if (m == FIGTEXT_SCREEN)
		return xasprintf(_("Remanded and changed from %s; the source shown gives "
				   "only the rate."),
				 from);
	if (m == FIGTEXT_NOTE)
		return xasprintf(_("%s, %s: the rate is from %s; remanded and changed from %s."),
				 who, area_label(x->o->area), shown, from);
	return xasprintf(_("%s: the rate is from %s, which gives no split; "
			   "remanded and changed are from %s."),
			 who, shown, from);
}

/* "In cases: 12 of 40 reversed; at the national rate 10.4, so 2 cases more." */
static char *in_cases_screen(const struct ak_figures *f, double expected, double diff)
{
	/* "1 case more", never "1 more" (a count needs its plural) */
	unsigned long whole = (unsigned long)lround(fabs(diff));
	if (whole == 0)
		return xasprintf(_("In cases: %ld of %ld reversed; at the national rate "
				   "%.1f, about as many."),
				 f->reversed, f->cases, expected);
	return xasprintf(diff > 0 ? ngettext("In cases: %ld of %ld reversed; at the "
					     "national rate %.1f, so %lu case more.",
					     "In cases: %ld of %ld reversed; at the "
					     "national rate %.1f, so %lu cases more.",
					     whole)
				  : ngettext("In cases: %ld of %ld reversed; at the "
					     "national rate %.1f, so %lu case fewer.",
					     "In cases: %ld of %ld reversed; at the "
					     "national rate %.1f, so %lu cases fewer.",
					     whole),
			 f->reversed, f->cases, expected, whole);
}

/* "Generelt: 12 of 40 decisions were reversed, 2 more than the 10.4 the
 * national rate (26 %) would give." */
static char *in_cases_doc(const struct ak_figures *f, struct ak_val national, double expected,
			  double diff, const char *who)
{
	long whole = lround(fabs(diff));
	if (whole == 0)
		return xasprintf(_("%s: %ld of %ld decisions were reversed, about as "
				   "many as at the national rate."),
				 who, f->reversed, f->cases);
	return xasprintf(diff > 0 ? ngettext("%s: %ld of %ld decisions were "
					     "reversed, %ld case more than the "
					     "%.1f that the national rate (%.*f "
					     "%%) would give.",
					     "%s: %ld of %ld decisions were "
					     "reversed, %ld cases more than the "
					     "%.1f that the national rate (%.*f "
					     "%%) would give.",
					     (unsigned long)whole)
				  : ngettext("%s: %ld of %ld decisions were "
					     "reversed, %ld case fewer than the "
					     "%.1f that the national rate (%.*f "
					     "%%) would give.",
					     "%s: %ld of %ld decisions were "
					     "reversed, %ld cases fewer than the "
					     "%.1f that the national rate (%.*f "
					     "%%) would give.",
					     (unsigned long)whole),
			 who, f->reversed, f->cases, whole, expected,
			 stats_shown_decimals(national), national.value);
}

char *figtext_in_cases(const struct ak_facts *x, enum figtext_medium m, const char *who)
{
	if (!x->has_in_cases)
		return NULL;
	return textfmt_localize(m == FIGTEXT_SCREEN
					? in_cases_screen(&x->fig, x->expected, x->in_cases)
					: in_cases_doc(&x->fig, x->national->fig.rate, x->expected,
						       x->in_cases, who));
}

char *figtext_chance(const struct ak_facts *x, enum figtext_medium m, const char *who)
{
	if (!x->tested)
		return NULL;
	char *p = funnel_p_sentence(x->p), *line;
	if (m == FIGTEXT_SCREEN)
		line = xasprintf(_("Exact binomial test against the national rate: %s. Funnel "
				   "plot (F): %s."),
				 p, funnel_pos_text(x->position));
	else
		line = xasprintf(_("%s: exact binomial test against the national rate: %s."), who,
				 p);
	free(p);
	return line;
}

/* "4 from more complaints": the number unsigned when the part goes the
 * way of the whole change, else with its sign ("+6", "-4"). */
static void change_part(struct sbuf *b, long v, long total, const char *more, const char *fewer,
			const char *none)
{
	char num[32];
	if (v == 0) {
		sbuf_puts(b, none);
		return;
	}
	if ((v > 0 && total > 0) || (v < 0 && total < 0))
		snprintf(num, sizeof num, "%ld", v < 0 ? -v : v);
	else
		snprintf(num, sizeof num, "%+ld", v);
	sbuf_printf(b, v > 0 ? more : fewer, num);
}

char *figtext_change(const struct ak_change_split *c)
{
	long by_cases, by_rate, t = c->total;
	changesplit_whole(c, &by_cases, &by_rate);
	unsigned long whole = (unsigned long)(t < 0 ? -t : t);
	struct sbuf b = {0};
	if (t == 0)
		sbuf_printf(&b, _("As many reversals as in %d (%ld of %ld, now %ld of %ld)"),
			    c->from_year, c->from_reversed, c->from_cases, c->reversed, c->cases);
	else
		sbuf_printf(&b,
			    t > 0 ? ngettext("%lu more reversal than in %d (%ld of %ld, now %ld "
					     "of %ld)",
					     "%lu more reversals than in %d (%ld of %ld, now %ld "
					     "of %ld)",
					     whole)
				  : ngettext("%lu fewer reversal than in %d (%ld of %ld, now %ld "
					     "of %ld)",
					     "%lu fewer reversals than in %d (%ld of %ld, now %ld "
					     "of %ld)",
					     whole),
			    whole, c->from_year, c->from_reversed, c->from_cases, c->reversed,
			    c->cases);
	sbuf_puts(&b, ": ");
	change_part(&b, by_cases, t, _("%s from more complaints"), _("%s from fewer complaints"),
		    _("none from the number of complaints"));
	sbuf_puts(&b, ", ");
	change_part(&b, by_rate, t, _("%s from a higher share reversed"),
		    _("%s from a lower share reversed"), _("none from the share reversed"));
	sbuf_puts(&b, ".");
	if (c->gap)
		sbuf_printf(&b, _(" %d is the last earlier year with a figure."), c->from_year);
	return sbuf_take(&b);
}

char *figtext_dismissed(const struct ak_obs *o, const struct ak_figures *f)
{
	const struct ak_obs *from = o && o->dismissed.present ? o : f->counts_from;
	if (!from || !from->dismissed.present)
		return NULL;
	/* the ratio only with the cases of the same source */
	long cases = from == f->counts_from || !f->counts_from ? f->cases : -1;
	double n = from->dismissed.value;
	unsigned long whole = (unsigned long)n;
	struct sbuf b = {0};
	if (cases >= 0)
		sbuf_printf(&b,
			    ngettext("Dismissed or referred (afvist/henvist): %lu appeal, not "
				     "decided on the merits: not among the %ld cases, not in the "
				     "rate.",
				     "Dismissed or referred (afvist/henvist): %lu appeals, not "
				     "decided on the merits: not among the %ld cases, not in the "
				     "rate.",
				     whole),
			    whole, cases);
	else
		sbuf_printf(&b,
			    ngettext("Dismissed or referred (afvist/henvist): %lu appeal, not "
				     "decided on the merits: not among the cases, not in the rate.",
				     "Dismissed or referred (afvist/henvist): %lu appeals, not "
				     "decided on the merits: not among the cases, not in the rate.",
				     whole),
			    whole);
	if (cases > 0) {
		char pct[32];
		snprintf(pct, sizeof pct, "%.1f", stats_round(n * 100.0 / (double)cases, 1));
		sbuf_printf(&b,
			    _(" The Talportal's \"afvisningsprocent\" would be %s %%: %lu per "
			      "%ld cases decided on the merits, not a share of all appeals, so it "
			      "can exceed 100 %%."),
			    textfmt_localize(pct), whole, cases);
	}
	if (from != o) {
		char name[256];
		layers_source_name(&from->source, name, sizeof name);
		sbuf_printf(&b, _(" (From %s.)"), name);
	}
	return sbuf_take(&b);
}
