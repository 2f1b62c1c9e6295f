/* factsheet.c - the fact sheet for the committee papers: the driver, and
 * the sections of the newest year that are words (notes, comments,
 * remanded cases, caveats) and the sources. The tables are fsyears.c and
 * fscompare.c. */
#include "ankekort/output/factsheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/regtally.h"
#include "ankekort/data/cycledue.h"
#include "ankekort/output/fscycle.h"
#include "ankekort/data/stats.h"
#include "ankekort/output/doc.h"
#include "ankekort/output/fschange.h"
#include "ankekort/output/fsdismissed.h"
#include "ankekort/output/fscompare.h"
#include "ankekort/output/fsparagraph.h"
#include "ankekort/output/fsyears.h"
#include "ankekort/output/halfyear.h"
#include "ankekort/output/peers.h"
#include "ankekort/output/prose.h"
#include "ankekort/output/sheet.h"

/* What the sources say of a part of the municipality (one
 * administration's own registration of its appeals). */
static void section_notes(struct sheet *s)
{
	bool any = false;
	for (size_t i = 0; i < s->ds->n_obs; i++) {
		const struct ak_obs *o = &s->ds->obs[i];
		if (o->year != s->year || o->code != s->code || !o->scope[0] || !o->note[0] ||
		    !sheet_area_on(s, o->area))
			continue;
		if (!any)
			doc_heading(&s->doc, 2, _("What the sources also say"));
		any = true;
		sheet_used(s, o);
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

static void record_bullet(struct sheet *s, const struct ak_record *r)
{
	struct sbuf b = {0};
	/* the part of the municipality, unless the text begins by naming it */
	bool named = r->kind != RECORD_TALLY && r->scope[0] &&
		     strncmp(r->summary, r->scope, strlen(r->scope)) == 0;
	if (r->scope[0] && !named)
		sbuf_printf(&b, "[%s] ", r->scope);
	if (r->area >= 0)
		sbuf_printf(&b, "%s: ", area_label((enum ak_area)r->area));
	if (r->kind == RECORD_TALLY)
		sbuf_printf(&b,
			    ngettext("%.0f case: %s.", "%.0f cases: %s.",
				     (unsigned long)r->count.value),
			    r->count.value, outcome_label(r->outcome));
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
	doc_bullet(&s->doc, s->counted ? _("With few cases a single case moves the rate by several "
					   "points: read every rate with its case count and "
					   "interval.")
				       : _("With few cases a single case moves the rate by several "
					   "points."));
	if (s->uncounted)
		doc_bullet(&s->doc, _("Figures without case counts are quoted as published, often "
				      "rounded to whole points; parts may not add up to the whole "
				      "because of rounding."));
	doc_end_list(&s->doc);
}

/* The ministry's page for the maps, for a year whose own pages are not
 * known (the address every paper cites; never a guessed year's page). */
#define FACTSHEET_MAPS_PAGE "https://www.sm.dk/danmarkskort"

/* Whether the ministry's maps of year y are known, for the areas shown. */
static bool maps_known(const struct sheet *s, int y)
{
	for (size_t i = 0; i < s->ds->n_maps; i++)
		if (s->ds->maps[i].year == y && sheet_area_on(s, s->ds->maps[i].area))
			return true;
	return false;
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
		if (s->ds->maps[i].year >= s->year_from && s->ds->maps[i].year <= s->year &&
		    sheet_area_on(s, s->ds->maps[i].area))
			doc_sources_add_map(&all, &s->ds->maps[i]);
	/* every year's maps: the ministry's page where the year's own are unknown */
	int unknown[64];
	size_t n_unknown = 0;
	for (int y = s->year; y >= s->year_from && n_unknown < 64; y--)
		if (!maps_known(s, y) && dataset_has_year(s->ds, y))
			unknown[n_unknown++] = y;
	all.page_years = unknown;
	all.n_page_years = n_unknown;
	all.page_url = FACTSHEET_MAPS_PAGE;
	doc_write_sources(&s->doc, &all);
	doc_sources_free(&all);
}

static const char *const months[12] = {N_("January"), N_("February"), N_("March"),
				       N_("April"),   N_("May"),      N_("June"),
				       N_("July"),    N_("August"),   N_("September"),
				       N_("October"), N_("November"), N_("December")};

/* "on 23 June 2022" ("den 23. juni 2022") from YYYY-MM-DD, "in June 2023"
 * from YYYY-MM, "in 2023" from YYYY; NULL when the date says nothing. */
static char *date_text(const char *date)
{
	int y = 0, m = 0, d = 0;
	int n = sscanf(date, "%4d-%2d-%2d", &y, &m, &d);
	if (n >= 2 && (m < 1 || m > 12))
		return NULL;
	if (n == 3)
		return xasprintf(_("on %d %s %d"), d, _(months[m - 1]), y);
	if (n == 2)
		return xasprintf(_("in %s %d"), _(months[m - 1]), y);
	return n == 1 ? xasprintf(_("in %d"), y) : NULL;
}

/* When the maps of each year were published, as the ministry's own
 * documents among the sources date them. */
static void publication_dates(struct sheet *s)
{
	for (int y = s->year; y >= s->year_from; y--) {
		const struct ak_obs *best = NULL;
		for (size_t i = 0; i < s->ds->n_obs; i++) {
			const struct ak_obs *o = &s->ds->obs[i];
			if (o->year == y && o->source.kind == SOURCE_MINISTRY &&
			    o->source.date[0] &&
			    (!best || strcmp(o->source.date, best->source.date) < 0))
				best = o;
		}
		char *when = best ? date_text(best->source.date) : NULL;
		if (!when)
			continue;
		char *line = xasprintf(_("The maps for %d were published %s (%s)."), y, when,
				       best->source.text);
		doc_para(&s->doc, line);
		free(line);
		free(when);
	}
}

/* The year the children's disability provisions moved from serviceloven
 * to barnets lov (1 January 2024). */
#define BARNETS_LOV_FROM 2024

bool factsheet_write(FILE *out, const struct ak_dataset *ds, const struct factsheet_query *q)
{
	const struct ak_municipality *m = dataset_muni(ds, q->code);
	struct sheet s = {.ds = ds,
			  .code = q->code,
			  .year = q->year,
			  .year_from =
				  q->year_from && q->year_from < q->year ? q->year_from : q->year,
			  .area = q->area,
			  .name = m ? m->name : "?",
			  .style = q->style};
	if (q->half_year)
		return halfyear_write(out, ds, q->code, q->area, q->year, q->fmt);
	doc_begin(&s.doc, out, q->fmt);
	if (q->prose) {
		prose_write(&s);
		free(s.sources);
		return doc_end(&s.doc);
	}
	char *title =
		s.year_from == s.year
			? xasprintf(_("Fact sheet: reversal rates for %s, %d"), s.name, s.year)
			: xasprintf(_("Fact sheet: reversal rates for %s, %d\xE2\x80\x93%d"),
				    s.name, s.year_from, s.year);
	doc_heading(&s.doc, 1, title);
	free(title);
	/* from 2024 the children's disability provisions are in Barnets lov */
	doc_para(&s.doc,
		 s.year >= BARNETS_LOV_FROM && sheet_area_on(&s, AREA_BOERNEHANDICAP)
			 ? _("Ankestyrelsen's reversal rates (omg\xC3\xB8relsesprocenter) for "
			     "decisions under the Social Services Act and, from 2024, the "
			     "Children's Act (barnets lov), for the committee's yearly discussion "
			     "of the danmarkskort.")
			 : _("Ankestyrelsen's reversal rates (omg\xC3\xB8relsesprocenter) for "
			     "decisions under the Social Services Act, for the committee's yearly "
			     "discussion of the danmarkskort."));
	publication_dates(&s);
	if (q->peers)
		s.peer_caption = fscompare_caption(&s, q->peers);
	fsyears_write(&s);
	fsparagraph_write(&s);
	section_notes(&s);
	fsdismissed_write(&s);
	section_comments(&s);
	if (q->peers)
		fscompare_peers(&s, q->peers);
	fscompare_trend(&s);
	fschange_write(&s);
	section_remanded(&s);
	char today[11];
	cycle_today(today);
	fscycle_write(&s, today);
	section_caveats(&s);
	section_sources(&s);
	free(s.sources);
	return doc_end(&s.doc);
}
