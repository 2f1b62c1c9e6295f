/* factsheet.c - the fact sheet for the committee papers. */
#include "ankekort/output/factsheet.h"
#include "ankekort/output/figtext.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/output/doc.h"
#include "ankekort/data/register.h"
#include "ankekort/data/funnel.h"
#include "ankekort/base/i18n.h"
#include "ankekort/data/names.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/data/stats.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

/* ---- sections ---------------------------------------------------------------- */

struct sheet {
	const struct ak_dataset *ds;
	struct doc doc;
	int code, year;
	const char *name;
	enum peer_cells style;
	const struct ak_obs **sources; /* rows whose sources are listed at the end */
	size_t n_sources;
};

static void used(struct sheet *s, const struct ak_obs *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < s->n_sources; i++)
		if (strcmp(s->sources[i]->source.text, o->source.text) == 0)
			return;
	s->sources = xreallocarray(s->sources, s->n_sources + 1, sizeof *s->sources);
	s->sources[s->n_sources++] = o;
}

static void headline_row(struct sheet *s, enum ak_area a, char **row)
{
	struct ak_figures f, nf;
	const struct ak_obs *o = dataset_find(s->ds, s->year, s->code, a);
	const struct ak_obs *n = dataset_find(s->ds, s->year, AK_NATIONAL_CODE, a);
	used(s, o);
	used(s, n);
	bool has = o && (stats_figures_in(s->ds, o, &f), f.rate.present);
	bool nat = n && (stats_figures_in(s->ds, n, &nf), nf.rate.present);
	if (has)
		used(s, stats_borrow_split(s->ds, o, &f));
	row[0] = xstrdup(area_label(a));
	row[1] = has ? cell_pct(f.rate) : xstrdup("\xE2\x80\x93");
	row[2] = has ? cell_pct(f.remanded_pct) : xstrdup("\xE2\x80\x93");
	row[3] = has ? cell_pct(f.changed_pct) : xstrdup("\xE2\x80\x93");
	row[4] = has && f.cases >= 0 ? xasprintf("%ld", f.cases) : xstrdup("\xE2\x80\x93");
	row[5] = has && f.has_ci
			 ? textfmt_localize(xasprintf("%.1f\xE2\x80\x93%.1f", f.ci_low, f.ci_high))
			 : xstrdup("\xE2\x80\x93");
	row[6] = nat ? cell_pct(nf.rate) : xstrdup("\xE2\x80\x93");
	row[7] = has && nat ? textfmt_localize(xasprintf(
				      "%+.1f", stats_round(f.rate.value - nf.rate.value, 1)))
			    : xstrdup("\xE2\x80\x93");
}

static void in_cases(struct sheet *s, enum ak_area a)
{
	struct ak_figures f, nf;
	bool has = cell_figures(s->ds, s->year, s->code, a, &f);
	bool nat = cell_figures(s->ds, s->year, AK_NATIONAL_CODE, a, &nf);
	char *line;
	if (!has)
		return;
	if (!nat) {
		line = xasprintf(_("%s: no national rate is loaded for %d."), area_label(a),
				 s->year);
	} else if (f.cases < 0 || f.reversed < 0) {
		line = xasprintf(
			_("%s: no case count is published, so the difference to the national "
			  "rate cannot be given in cases."),
			area_label(a));
	} else {
		double expected, diff;
		stats_in_cases(f.reversed, f.cases, nf.rate.value, &expected, &diff);
		long whole = lround(fabs(diff));
		line = whole == 0 ? xasprintf(_("%s: %ld of %ld decisions were reversed, about as "
						"many as at "
						"the national rate."),
					      area_label(a), f.reversed, f.cases)
				  : xasprintf(_("%s: %ld of %ld decisions were reversed, %ld %s "
						"than the "
						"%.1f the national rate (%.*f%%) would give."),
					      area_label(a), f.reversed, f.cases, whole,
					      diff > 0 ? _("more") : _("fewer"), expected,
					      stats_shown_decimals(nf.rate), nf.rate.value);
	}
	doc_bullet(&s->doc, textfmt_localize(line));
	free(line);
	if (nat && f.cases > 0 && f.reversed >= 0) {
		double p0 = nf.rate.value / 100.0;
		char *p = funnel_p_sentence(funnel_binom_p(f.reversed, f.cases, p0));
		line = xasprintf(_("%s: exact binomial test against the national rate: %s; in the "
				   "funnel plot %s."),
				 area_label(a), p,
				 funnel_pos_text(funnel_position(f.reversed, f.cases, p0)));
		doc_bullet(&s->doc, line);
		free(line);
		free(p);
	}
}

static void flag_bullets(struct sheet *s, enum ak_area a)
{
	const struct ak_obs *o = dataset_find(s->ds, s->year, s->code, a);
	if (!o)
		return;
	struct ak_figures f;
	stats_figures_in(s->ds, o, &f);
	unsigned fl = stats_flags(o, &f);
	char *line = NULL;
	const struct ak_obs *split = stats_borrow_split(s->ds, o, &f);
	if (split) {
		line = xasprintf(
			_("%s: the rate is from %s, which gives no split; remanded and changed "
			  "are from %s."),
			area_label(a), o->source.text, split->source.text);
		doc_bullet(&s->doc, line);
		free(line);
	}
	if (fl & FLAG_SMALL_SAMPLE) {
		line = textfmt_localize(xasprintf(
			_("%s: small sample (%ld cases): one case moves the rate "
			  "by %.1f points."),
			area_label(a), f.cases, f.cases > 0 ? 100.0 / (double)f.cases : 100.0));
		doc_bullet(&s->doc, line);
		free(line);
	}
	if (fl & FLAG_INCONSISTENT) {
		line = xasprintf(_("%s: the published figures do not add up (see ankekort check)."),
				 area_label(a));
		doc_bullet(&s->doc, line);
		free(line);
	}
	if (fl & FLAG_OTHER_INCONSISTENT) {
		line = xasprintf(
			_("%s: another source's figures for it do not add up (see ankekort "
			  "check)."),
			area_label(a));
		doc_bullet(&s->doc, line);
		free(line);
	}
	char *said[2] = {figtext_disagreement(s->ds, o), figtext_counts_from(o, &f)};
	if ((fl & FLAG_SOURCES_DISAGREE) && !said[0]) { /* they differ elsewhere than the rate */
		line = xasprintf(_("%s: sources publish different figures; this sheet shows %s."),
				 area_label(a), o->source.text);
		doc_bullet(&s->doc, line);
		free(line);
	}
	for (int k = 0; k < 2; k++) {
		if (!said[k])
			continue;
		line = xasprintf("%s: %s", area_label(a), said[k]);
		doc_bullet(&s->doc, line);
		free(line);
		free(said[k]);
	}
	if (fl & FLAG_ONE_LAW_ONLY) {
		line = xasprintf(
			_("%s: only rows under one of the two laws that cover the area were "
			  "imported; the figure may be too low."),
			area_label(a));
		doc_bullet(&s->doc, line);
		free(line);
	}
}

static void section_headline(struct sheet *s)
{
	static const char *head[8];
	static const bool right[8] = {false, true, true, true, true, true, true, true};
	const char *names[8] = {
		_("Area"),  _("Reversal rate"), _("Remanded"), _("Changed"),
		_("Cases"), _("95 % CI"),	_("National"), _("Difference (points)")};
	memcpy(head, names, sizeof head);
	char *cells[AREA_COUNT * 8];
	for (int a = 0; a < AREA_COUNT; a++)
		headline_row(s, (enum ak_area)a, cells + a * 8);
	char *title = xasprintf(_("Reversal rates %d"), s->year);
	doc_heading(&s->doc, 2, title);
	free(title);
	struct doc_table t = {
		.head = head, .ncols = 8, .cells = cells, .nrows = AREA_COUNT, .right = right};
	doc_table(&s->doc, &t);
	for (int a = 0; a < AREA_COUNT; a++)
		in_cases(s, (enum ak_area)a);
	for (int a = 0; a < AREA_COUNT; a++)
		flag_bullets(s, (enum ak_area)a);
	doc_end_list(&s->doc);
	for (size_t i = 0; i < AREA_COUNT * 8; i++)
		free(cells[i]);
}

/* What the sources say beside the figures: the number of decisions made in
 * the area and the share appealed, where published, and every note (a
 * municipality's own registration of its appeals is one). */
static void section_notes(struct sheet *s)
{
	bool any = false;
	for (int a = 0; a < AREA_COUNT; a++) {
		const struct ak_obs *o = dataset_find(s->ds, s->year, s->code, (enum ak_area)a);
		const struct ak_obs *all[16];
		size_t n_all =
			o ? dataset_find_all(s->ds, s->year, s->code, (enum ak_area)a, all, 16) : 0;
		bool noted = false;
		for (size_t i = 0; i < n_all; i++)
			noted |= all[i]->note[0] != '\0';
		if (!o || (!o->decisions_total.present && !noted))
			continue;
		if (!any)
			doc_heading(&s->doc, 2, _("What the sources also say"));
		any = true;
		struct ak_figures f;
		stats_figures_in(s->ds, o, &f);
		char *line = NULL;
		if (o->decisions_total.present && o->decisions_total.value > 0 && f.cases >= 0)
			line = textfmt_localize(xasprintf(
				_("%s: %.0f decisions made in the area; %ld of them (%.1f %%) were "
				  "appealed "
				  "and decided by Ankestyrelsen."),
				area_label((enum ak_area)a), o->decisions_total.value, f.cases,
				100.0 * (double)f.cases / o->decisions_total.value));
		else if (o->decisions_total.present)
			line = xasprintf(_("%s: %.0f decisions made in the area."),
					 area_label((enum ak_area)a), o->decisions_total.value);
		if (line) {
			doc_bullet(&s->doc, line);
			free(line);
		}
		/* the notes of every source's row for the figure, each once */
		const struct ak_obs *rows[16];
		size_t n = dataset_find_all(s->ds, s->year, s->code, (enum ak_area)a, rows, 16);
		for (size_t i = 0; i < n; i++) {
			bool seen = !rows[i]->note[0];
			for (size_t k = 0; k < i && !seen; k++)
				seen = strcmp(rows[k]->note, rows[i]->note) == 0;
			if (seen)
				continue;
			used(s, rows[i]);
			line = xasprintf(_("%s: %s"), area_label((enum ak_area)a), rows[i]->note);
			doc_bullet(&s->doc, line);
			free(line);
		}
	}
	/* a part of the municipality (one administration's own registration) */
	for (size_t i = 0; i < s->ds->n_obs; i++) {
		const struct ak_obs *o = &s->ds->obs[i];
		if (o->year != s->year || o->code != s->code || !o->scope[0] || !o->note[0])
			continue;
		if (!any)
			doc_heading(&s->doc, 2, _("What the sources also say"));
		any = true;
		used(s, o);
		char *line = xasprintf(_("%s, %s: %s"), area_label(o->area), o->scope, o->note);
		doc_bullet(&s->doc, line);
		free(line);
	}
	if (any)
		doc_end_list(&s->doc);
}

/* The municipality's own comments on its figures, as published. */
static void section_comments(struct sheet *s)
{
	size_t n = 0;
	for (size_t i = 0; i < s->ds->n_comments; i++) {
		const struct ak_comment *c = &s->ds->comments[i];
		if (c->year != s->year || c->code != s->code)
			continue;
		if (n++ == 0)
			doc_heading(&s->doc, 2, _("The municipality's comments"));
		char *line = c->area >= 0 ? xasprintf(_("%s: %s (%s)"),
						      area_label((enum ak_area)c->area), c->text,
						      c->source.text)
					  : xasprintf(_("%s (%s)"), c->text, c->source.text);
		doc_bullet(&s->doc, line);
		free(line);
	}
	if (n)
		doc_end_list(&s->doc);
}

static void section_peers(struct sheet *s, const struct peer_set *p)
{
	const char *head[4] = {_("Municipality"), area_label(AREA_GENERELT),
			       area_label(AREA_BOERNEHANDICAP), area_label(AREA_VOKSENHANDICAP)};
	char **cells;
	size_t rows = factsheet_peer_cells(s->ds, p, s->year, s->style, &cells);
	for (size_t r = 0; r < p->n; r++)
		for (int a = 0; a < AREA_COUNT; a++)
			used(s, dataset_find(s->ds, s->year, p->codes[r], (enum ak_area)a));
	char *title = xasprintf(_("Peers: %s, %d"), p->label, s->year);
	doc_heading(&s->doc, 2, title);
	free(title);
	doc_para(&s->doc,
		 s->style == CELLS_PAPERS
			 ? _("Each cell: the reversal rate, and of it the remanded and the "
			     "changed decisions.")
			 : _("Each cell: reversal rate (remanded / changed), in percent."));
	struct doc_table t = {.head = head, .ncols = 4, .cells = cells, .nrows = rows};
	doc_table(&s->doc, &t);
	cells_free(cells, rows * 4);
	/* a split borrowed from another source says so, with the source */
	for (size_t r = 0; r <= p->n; r++) {
		int code = r < p->n ? p->codes[r] : AK_NATIONAL_CODE;
		for (int a = 0; a < AREA_COUNT; a++) {
			const struct ak_obs *o =
				dataset_find(s->ds, s->year, code, (enum ak_area)a);
			struct ak_figures f;
			if (!o)
				continue;
			stats_figures_in(s->ds, o, &f);
			const struct ak_obs *from = stats_borrow_split(s->ds, o, &f);
			if (!from)
				continue;
			used(s, from);
			const struct ak_municipality *m = dataset_muni(s->ds, code);
			char *line = xasprintf(
				_("%s, %s: the rate is from %s; remanded and changed from %s."),
				code == AK_NATIONAL_CODE ? "Danmark i alt"
				: m			 ? m->name
							 : "?",
				area_label((enum ak_area)a), o->source.text, from->source.text);
			doc_para(&s->doc, line);
			free(line);
		}
	}
}

/* The latest year before index i with a figure for (code, area), or 0. */
static int previous_with_figure(struct sheet *s, size_t i, int code, enum ak_area a)
{
	struct ak_figures f;
	while (i-- > 0)
		if (cell_figures(s->ds, s->ds->years[i], code, a, &f))
			return s->ds->years[i];
	return 0;
}

static char *trend_cell(struct sheet *s, size_t i, enum ak_area a, int code, bool change)
{
	struct ak_figures f, pf;
	int year = s->ds->years[i];
	if (!cell_figures(s->ds, year, code, a, &f))
		return xstrdup("\xE2\x80\x93");
	used(s, dataset_find(s->ds, year, code, a));
	int prev = change ? previous_with_figure(s, i, code, a) : 0;
	if (!prev || !cell_figures(s->ds, prev, code, a, &pf))
		return cell_num(f.rate.value, stats_shown_decimals(f.rate));
	double p;
	bool sig = false;
	bool tested = stats_two_prop(f.reversed, f.cases, pf.reversed, pf.cases, &p, &sig);
	char since[32] = "";
	if (prev != s->ds->years[i - 1])
		snprintf(since, sizeof since, _(" since %d"), prev);
	return textfmt_localize(xasprintf(
		"%.*f (%+.1f%s%s)", stats_shown_decimals(f.rate), f.rate.value,
		stats_round(f.rate.value - pf.rate.value, 1), since, tested && sig ? "*" : ""));
}

static void section_trend(struct sheet *s)
{
	const char *head[7] = {_("Year"), area_label(AREA_GENERELT),
			       _("DK"),	  area_label(AREA_BOERNEHANDICAP),
			       _("DK"),	  area_label(AREA_VOKSENHANDICAP),
			       _("DK")};
	size_t rows = 0;
	char **cells = xcalloc(s->ds->n_years * 7 + 1, sizeof *cells);
	for (size_t i = 0; i < s->ds->n_years && s->ds->years[i] <= s->year; i++, rows++) {
		cells[rows * 7] = xasprintf("%d", s->ds->years[i]);
		for (int a = 0; a < AREA_COUNT; a++) {
			cells[rows * 7 + 1 + 2 * a] =
				trend_cell(s, i, (enum ak_area)a, s->code, true);
			cells[rows * 7 + 2 + 2 * a] =
				trend_cell(s, i, (enum ak_area)a, AK_NATIONAL_CODE, false);
		}
	}
	char *title = xasprintf(_("Trend %d\xE2\x80\x93%d"),
				s->ds->n_years ? s->ds->years[0] : s->year, s->year);
	doc_heading(&s->doc, 2, title);
	free(title);
	doc_para(&s->doc,
		 _("Reversal rate in percent, change in points since the year before (or since "
		   "the last year with a figure) in brackets; DK is the national rate. * marks a "
		   "change larger than chance "
		   "(two-proportion test, p < 0.05; only where case counts are published). "
		   "\xE2\x80\x93 means no figure is published."));
	struct doc_table t = {.head = head, .ncols = 7, .cells = cells, .nrows = rows};
	doc_table(&s->doc, &t);
	cells_free(cells, rows * 7);
}

static void record_bullet(struct sheet *s, const struct ak_record *r)
{
	struct sbuf b = {0};
	if (r->scope[0])
		sbuf_printf(&b, "[%s] ", r->scope);
	if (r->area >= 0)
		sbuf_printf(&b, "%s: ", area_label((enum ak_area)r->area));
	if (r->kind == RECORD_TALLY)
		sbuf_printf(&b, "%.0f %s.", r->count.value, outcome_label(r->outcome));
	else
		sbuf_puts(&b, r->summary);
	if (r->kind == RECORD_STORY)
		sbuf_printf(&b, " %s %s.", _("Outcome:"), outcome_label(r->outcome));
	if (r->reason[0])
		sbuf_printf(&b, " %s %s", _("Why remanded:"), r->reason);
	if (r->note[0])
		sbuf_printf(&b, " %s", r->note);
	doc_bullet(&s->doc, sbuf_str(&b));
	sbuf_free(&b);
}

/* The local register of remanded cases, tallied per area beside what
 * the statistics report; returns the lines written. */
static size_t register_section(struct sheet *s)
{
	char today[16];
	register_today(today, sizeof today);
	size_t total = 0;
	for (int a = 0; a < AREA_COUNT; a++) {
		struct ak_figures f;
		bool has = cell_figures(s->ds, s->year, s->code, (enum ak_area)a, &f);
		char **lines;
		size_t n = register_describe(s->ds->reg, s->code, s->year, (enum ak_area)a,
					     has ? f.remanded : -1, today, &lines);
		if (n && total == 0)
			doc_para(&s->doc, _("From the local register of remanded cases:"));
		for (size_t i = 0; i < n; i++) {
			doc_bullet(&s->doc, lines[i]);
			free(lines[i]);
		}
		free(lines);
		total += n;
	}
	if (total)
		doc_end_list(&s->doc);
	return total;
}

static void section_remanded(struct sheet *s)
{
	doc_heading(&s->doc, 2, _("What happened to the remanded cases"));
	size_t n = 0;
	for (size_t i = 0; i < s->ds->n_records; i++) {
		const struct ak_record *r = &s->ds->records[i];
		if (r->code != s->code || r->year != s->year)
			continue;
		record_bullet(s, r);
		n++;
	}
	if (n)
		doc_end_list(&s->doc);
	size_t registered = register_section(s);
	if (n == 0 && registered == 0)
		doc_para(&s->doc, _("No account of the remanded cases is loaded for this "
				    "municipality and year."));
}

static void section_caveats(struct sheet *s)
{
	doc_heading(&s->doc, 2, _("What the rate does and does not say"));
	doc_bullet(&s->doc,
		   _("The reversal rate is the share of the appeals Ankestyrelsen decided on "
		     "the merits that it remanded or changed. Appeals that were dismissed or "
		     "rejected are not counted."));
	doc_bullet(&s->doc,
		   _("It concerns the decisions citizens appealed, not the municipality's "
		     "casework as a whole, and says nothing about decisions nobody appealed."));
	doc_bullet(&s->doc,
		   _("A remanded case goes back for a new decision, which may end the same "
		     "way; remanded does not mean the citizen was right."));
	doc_bullet(&s->doc, _("With few cases a single case moves the rate by several points: read "
			      "every rate with its case count and interval."));
	doc_bullet(&s->doc,
		   _("Figures without case counts are quoted as published, often rounded "
		     "to whole points; parts may not add up to the whole because of rounding."));
	doc_end_list(&s->doc);
}

static void section_sources(struct sheet *s)
{
	struct doc_sources all = {0};
	for (size_t i = 0; i < s->n_sources; i++)
		doc_sources_add(&all, &s->sources[i]->source);
	for (size_t i = 0; i < s->ds->n_records; i++) {
		const struct ak_record *r = &s->ds->records[i];
		if (r->code == s->code && r->year == s->year)
			doc_sources_add(&all, &r->source);
	}
	for (size_t i = 0; i < s->ds->n_comments; i++) {
		const struct ak_comment *c = &s->ds->comments[i];
		if (c->code == s->code && c->year == s->year)
			doc_sources_add(&all, &c->source);
	}
	for (size_t i = 0; i < s->ds->n_maps; i++)
		if (s->ds->maps[i].year == s->year)
			doc_sources_add_map(&all, &s->ds->maps[i]);
	doc_write_sources(&s->doc, &all);
	doc_sources_free(&all);
}

void factsheet_write(FILE *out, const struct ak_dataset *ds, int code, int year,
		     const struct peer_set *peers, enum report_format fmt, enum peer_cells style)
{
	const struct ak_municipality *m = dataset_muni(ds, code);
	struct sheet s = {
		.ds = ds, .code = code, .year = year, .name = m ? m->name : "?", .style = style};
	doc_begin(&s.doc, out, fmt);
	char *title = xasprintf(_("Fact sheet: reversal rates for %s, %d"), s.name, year);
	doc_heading(&s.doc, 1, title);
	free(title);
	doc_para(&s.doc,
		 _("Ankestyrelsen's reversal rates (omg\xC3\xB8relsesprocenter) for decisions "
		   "under the Social Services Act, for the committee's yearly discussion of "
		   "the danmarkskort."));
	section_headline(&s);
	section_notes(&s);
	section_comments(&s);
	section_peers(&s, peers);
	section_trend(&s);
	section_remanded(&s);
	section_caveats(&s);
	section_sources(&s);
	doc_end(&s.doc);
	free(s.sources);
}
