/* fsyears.c - the fact sheet's tables of the municipality's rates, one per
 * year, as the committee papers print them ("40 pct. (31)", "Tal i
 * parentes angiver antal sager"), and the facts of the newest year that
 * the data holds: the difference in cases, the flags, the benefits Danmarks
 * Statistik counts, the cases against the year before and the share of
 * all decisions. */
#include "ankekort/output/fsyears.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/funnel.h"
#include "ankekort/data/facts.h"
#include "ankekort/data/stats.h"
#include "ankekort/output/doc.h"
#include "ankekort/output/figtext.h"
#include "ankekort/output/peers.h"

/* ---- the committee table of one year ----------------------------------------- */

#define NCOLS 7

/* "40 pct. (31)": the share, and the count in brackets where it is known. */
static char *paper_cell(struct ak_val v, long count, bool *counted)
{
	if (!v.present)
		return xstrdup(AK_NO_FIGURE);
	char num[64];
	stats_val_text(num, sizeof num, v, "");
	if (count < 0)
		return xasprintf(_("%s %%"), num);
	*counted = true;
	return xasprintf(_("%s %% (%ld)"), num, count);
}

/* The figures shown for (year, code, area): the row's published shares,
 * the counts (borrowed from an agreeing source where the row has none). */
struct shown {
	const struct ak_obs *o;
	const struct ak_obs *split_from; /* the row the split is borrowed from, or NULL */
	struct ak_figures f;
	struct ak_val rate, remanded, changed;
};

static bool shown_of(struct sheet *s, int year, int code, enum ak_area a, struct shown *out)
{
	memset(out, 0, sizeof *out);
	out->o = dataset_find(s->ds, year, code, a);
	if (!out->o || !cell_figures(s->ds, year, code, a, &out->f))
		return false;
	out->rate = cell_shown(out->o->rate_pct, out->f.rate);
	out->remanded = cell_shown(out->o->remanded_pct, out->f.remanded_pct);
	out->changed = cell_shown(out->o->changed_pct, out->f.changed_pct);
	sheet_used(s, out->o);
	sheet_used(s, out->f.counts_from);
	out->split_from = facts_of(s->ds, out->o)->split_from;
	sheet_used(s, out->split_from);
	return true;
}

/* The difference of two shown rates, rounded to the coarser of the two. */
static char *difference(struct ak_val a, struct ak_val b)
{
	int da = stats_shown_decimals(a), db = stats_shown_decimals(b);
	int d = da < db ? da : db;
	double diff = stats_round(a.value - b.value, d);
	if (diff == 0)
		diff = 0; /* no "-0" */
	return textfmt_localize(xasprintf("%+.*f", d, diff));
}

static struct doc_num pct_num(struct ak_val v, long count)
{
	struct doc_num n = {.count = -1};
	if (v.present)
		n = (struct doc_num){.kind = DOC_NUM_PCT,
				     .value = v.value,
				     .decimals = stats_shown_decimals(v),
				     .count = count};
	return n;
}

/* A row's cells, and its numbers for a workbook. */
static void table_row(char **row, struct doc_num *num, const char *label, const struct shown *x,
		      const struct shown *nat, bool *counted)
{
	num[1] = pct_num(x->rate, x->f.reversed);
	num[2] = pct_num(x->changed, x->f.changed);
	num[3] = pct_num(x->remanded, x->f.remanded);
	if (x->f.cases >= 0)
		num[4] = (struct doc_num){.kind = DOC_NUM_PLAIN, .value = (double)x->f.cases};
	if (x->f.has_ci)
		num[5] = (struct doc_num){.kind = DOC_NUM_RANGE,
					  .value = x->f.ci_low,
					  .high = x->f.ci_high,
					  .decimals = 1};
	row[0] = xstrdup(label);
	row[1] = paper_cell(x->rate, x->f.reversed, counted);
	row[2] = paper_cell(x->changed, x->f.changed, counted);
	row[3] = paper_cell(x->remanded, x->f.remanded, counted);
	row[4] = x->f.cases >= 0 ? xasprintf("%ld", x->f.cases) : xstrdup(AK_NO_FIGURE);
	row[5] = x->f.has_ci ? textfmt_localize(
				       xasprintf("%.1f\xE2\x80\x93%.1f", x->f.ci_low, x->f.ci_high))
			     : xstrdup(AK_NO_FIGURE);
	row[6] = nat && nat->rate.present ? difference(x->rate, nat->rate) : xstrdup(AK_NO_FIGURE);
}

/* Leaves out the columns (after the first) whose every cell is the dash;
 * *cells is replaced by the cells kept. Returns the columns kept. */
static size_t drop_dash_columns(char ***cells, struct doc_num *nums, size_t nrows,
				const char **head, bool *right)
{
	bool keep[NCOLS];
	size_t nkeep = 0;
	for (size_t c = 0; c < NCOLS; c++) {
		keep[c] = c == 0;
		for (size_t r = 0; r < nrows && !keep[c]; r++)
			keep[c] = strcmp((*cells)[r * NCOLS + c], AK_NO_FIGURE) != 0;
		if (keep[c]) {
			head[nkeep] = head[c];
			right[nkeep] = right[c];
		}
		nkeep += keep[c];
	}
	char **out = xcalloc(nrows * nkeep + 1, sizeof *out);
	for (size_t r = 0; r < nrows; r++)
		for (size_t c = 0, k = 0; c < NCOLS; c++) {
			if (keep[c]) {
				nums[r * nkeep + k] = nums[r * NCOLS + c]; /* never ahead of c */
				out[r * nkeep + k++] = (*cells)[r * NCOLS + c];
			} else {
				free((*cells)[r * NCOLS + c]);
			}
		}
	free(*cells);
	*cells = out;
	return nkeep;
}

/* "40 pct., of which 15 pct. changed and 36 pct. remanded": what one
 * source publishes for a figure. */
static char *published_split(const struct ak_obs *o)
{
	struct ak_figures f;
	stats_figures(o, &f);
	bool counted = false;
	char *rate = paper_cell(cell_shown(o->rate_pct, f.rate), f.reversed, &counted);
	char *chg = paper_cell(cell_shown(o->changed_pct, f.changed_pct), f.changed, &counted);
	char *rem = paper_cell(cell_shown(o->remanded_pct, f.remanded_pct), f.remanded, &counted);
	bool split = o->changed_pct.present || o->remanded_pct.present || f.changed >= 0 ||
		     f.remanded >= 0;
	char *line = split ? xasprintf(_("%s, of which %s changed and %s remanded"), rate, chg, rem)
			   : xstrdup(rate);
	free(rate);
	free(chg);
	free(rem);
	return line;
}

/* Where the sources of a row in the table publish different figures, what
 * each of them gives: every figure published stays in the sheet. */
static void caption_disagreements(struct sheet *s, const struct ak_obs **rows,
				  const struct ak_obs **split_from, char **labels, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct ak_obs *o = rows[i], *all[16];
		if (!o->disagrees)
			continue;
		size_t k = dataset_find_all(s->ds, o->year, o->code, o->area, all, 16);
		struct sbuf b = {0};
		for (size_t j = 0; j < k; j++) {
			char *split = published_split(all[j]);
			sbuf_printf(&b, "%s%s: %s", j ? "; " : "", all[j]->source.text, split);
			free(split);
			sheet_used(s, all[j]);
		}
		char *line = split_from[i] ? xasprintf(_("%s: the sources publish different "
							 "figures (%s); the table shows the rate "
							 "of the first and the split of %s."),
						       labels[i], sbuf_str(&b),
						       split_from[i]->source.text)
					   : xasprintf(_("%s: the sources publish different "
							 "figures (%s); the table shows the "
							 "first."),
						       labels[i], sbuf_str(&b));
		doc_para(&s->doc, line);
		free(line);
		sbuf_free(&b);
	}
}

/* "Source: X, 2024-06." once for every source of the table's rows
 * (rows[n] may be NULL: a row lending nothing). */
static void caption_sources(struct sheet *s, const struct ak_obs **rows, size_t n)
{
	struct sbuf b = {0};
	size_t count = 0;
	for (size_t i = 0; i < n; i++) {
		bool seen = !rows[i];
		for (size_t k = 0; k < i && !seen; k++)
			seen = rows[k] && strcmp(rows[k]->source.text, rows[i]->source.text) == 0;
		if (seen)
			continue;
		const struct ak_source *src = &rows[i]->source;
		sbuf_printf(&b, "%s%s%s%s", count++ ? "; " : "", src->text,
			    src->date[0] ? ", " : "", src->date);
	}
	if (count) {
		char *line =
			xasprintf(ngettext("Source: %s.", "Sources: %s.", count), sbuf_str(&b));
		doc_para(&s->doc, line);
		free(line);
	}
	sbuf_free(&b);
}

static void year_table(struct sheet *s, int year)
{
	const char *head[NCOLS] = {
		"",	    _("Reversed"), _("Changed/annulled"),   _("Remanded"),
		_("Cases"), _("95 % CI"),  _("Difference (points)")};
	bool right[NCOLS] = {false, true, true, true, true, true, true};
	char **cells = xcalloc(2 * AREA_COUNT * NCOLS, sizeof *cells);
	struct doc_num nums[2 * AREA_COUNT * NCOLS] = {{0}};
	const struct ak_obs *rows[6 * AREA_COUNT]; /* the rows, then what lends to them */
	const struct ak_obs **lent = rows + 2 * AREA_COUNT;
	char *labels[2 * AREA_COUNT];
	struct sbuf missing = {0};
	size_t nrows = 0, nmuni = 0;
	bool counted = false;
	for (int pass = 0; pass < 2; pass++) {
		for (int a = 0; a < AREA_COUNT; a++) {
			struct shown x, n;
			if (!sheet_area_on(s, (enum ak_area)a))
				continue;
			bool has = shown_of(s, year, s->code, (enum ak_area)a, &x);
			if (!has) {
				if (pass == 0)
					sbuf_printf(&missing, "%s%s", missing.len ? ", " : "",
						    area_label((enum ak_area)a));
				continue;
			}
			bool nat = shown_of(s, year, AK_NATIONAL_CODE, (enum ak_area)a, &n);
			if (pass == 1 && !nat)
				continue;
			const char *who = pass == 0 ? s->name : peers_national_name();
			labels[nrows] = xasprintf("%s: %s", who, area_label((enum ak_area)a));
			rows[nrows] = pass == 0 ? x.o : n.o;
			lent[2 * nrows] = pass == 0 ? x.split_from : n.split_from;
			lent[2 * nrows + 1] = pass == 0 ? x.f.counts_from : n.f.counts_from;
			table_row(cells + nrows * NCOLS, nums + nrows * NCOLS, labels[nrows],
				  pass == 0 ? &x : &n, pass == 0 && nat ? &n : NULL, &counted);
			if ((pass == 0 ? x.f.cases : n.f.cases) >= 0)
				s->counted = true;
			else
				s->uncounted = true;
			nrows++;
			nmuni += pass == 0;
		}
	}
	char *title = xasprintf(_("Reversal rates %d"), year);
	doc_heading(&s->doc, 2, title);
	free(title);
	if (nmuni == 0) {
		char *line = xasprintf(_("No figure for %s is published for %d."), s->name, year);
		doc_para(&s->doc, line);
		free(line);
	} else {
		size_t ncols = drop_dash_columns(&cells, nums, nrows, head, right);
		struct doc_table t = {.head = head,
				      .ncols = ncols,
				      .cells = cells,
				      .nrows = nrows,
				      .right = right,
				      .nums = nums};
		doc_table(&s->doc, &t);
		if (counted)
			doc_para(&s->doc, _("Figures in brackets are numbers of cases."));
		if (missing.len) {
			char *line = xasprintf(_("No figure for %s in %d: %s."), s->name, year,
					       sbuf_str(&missing));
			doc_para(&s->doc, line);
			free(line);
		}
		const struct ak_obs *split_from[2 * AREA_COUNT];
		for (size_t i = 0; i < nrows; i++)
			split_from[i] = lent[2 * i];
		caption_disagreements(s, rows, split_from, labels, nrows);
		sheet_caption_notes(s, rows, labels, nrows);
		/* the rows' sources, then those lending a split or counts */
		memmove(rows + nrows, lent, 2 * nrows * sizeof *rows);
		caption_sources(s, rows, 3 * nrows);
		cells_free(cells, nrows * ncols);
		cells = NULL;
	}
	free(cells);
	for (size_t i = 0; i < nrows; i++)
		free(labels[i]);
	sbuf_free(&missing);
}

/* ---- the facts of the newest year -------------------------------------------- */

static void bullet_free(struct sheet *s, char *line);

/* The difference in cases and the binomial verdict of the area's figure x
 * (which has a rate). */
static void in_cases(struct sheet *s, enum ak_area a, const struct ak_facts *x)
{
	const struct ak_facts *nat = x->national;
	if (!nat || !nat->fig.rate.present)
		bullet_free(s, xasprintf(_("%s: no national rate is loaded for %d."), area_label(a),
					 s->year));
	else if (!x->has_in_cases)
		return; /* said once for every such area (newest_facts) */
	else
		bullet_free(s, figtext_in_cases(x, FIGTEXT_DOC, area_label(a)));
	char *p = figtext_chance(x, FIGTEXT_DOC, area_label(a));
	if (p)
		bullet_free(s, p);
}

static void bullet_free(struct sheet *s, char *line)
{
	doc_bullet(&s->doc, line);
	free(line);
}

static void flag_bullets(struct sheet *s, enum ak_area a, const struct ak_facts *x)
{
	char *split = figtext_split_from(x, FIGTEXT_DOC, area_label(a));
	if (split)
		bullet_free(s, split);
	struct figtext_line said[FIGTEXT_MAX];
	size_t n = figtext_flags(s->ds, x, FIGTEXT_DOC, said);
	for (size_t i = 0; i < n; i++) {
		bullet_free(s, xasprintf("%s: %s", area_label(a), said[i].text));
		free(said[i].text);
	}
}

/* A count with its thousands separated as the language does: "5.474",
 * "5,474". */
static char *count_text(double v)
{
	char buf[64];
	textfmt_number(buf, sizeof buf, v, 0, true);
	if (!i18n_danish())
		for (char *c = buf; *c; c++)
			*c = *c == '.' ? ',' : *c;
	return xstrdup(buf);
}

/* What the papers say around the table that the row holds: the cases
 * against the year before, the share of all decisions, DST's count. */
static void fact_bullets(struct sheet *s, enum ak_area a, const struct ak_obs *o,
			 const struct ak_figures *f)
{
	struct ak_figures pf;
	int prev = s->year - 1;
	if (f->cases >= 0 && cell_figures(s->ds, prev, s->code, a, &pf) && pf.cases >= 0)
		bullet_free(s, xasprintf(ngettext("%s: %ld case decided in %d against %ld in %d.",
						  "%s: %ld cases decided in %d against %ld in %d.",
						  (unsigned long)f->cases),
					 area_label(a), f->cases, s->year, pf.cases, prev));
	if (o->decisions_total.present && o->decisions_total.value > 0 && f->cases >= 0) {
		double all = o->decisions_total.value;
		char *n = count_text(all);
		char *line =
			f->reversed >= 0
				? xasprintf(_("%s: %ld of %s decisions were appealed and decided "
					      "(%.1f %%); %ld, or %.1f %% of all decisions, were "
					      "reversed."),
					    area_label(a), f->cases, n,
					    100.0 * (double)f->cases / all, f->reversed,
					    100.0 * (double)f->reversed / all)
				: xasprintf(_("%s: %ld of %s decisions were appealed and decided "
					      "(%.1f %%)."),
					    area_label(a), f->cases, n,
					    100.0 * (double)f->cases / all);
		bullet_free(s, textfmt_localize(line));
		free(n);
	} else if (o->decisions_total.present) {
		char *n = count_text(o->decisions_total.value);
		bullet_free(s,
			    xasprintf(_("%s: %s decisions made in the area."), area_label(a), n));
		free(n);
	}
	if (o->dst_benefits.present) {
		char *n = count_text(o->dst_benefits.value);
		bullet_free(s, o->dst_benefits_year.present
				       ? xasprintf(_("%s: Danmarks Statistik counts %s benefits "
						     "under the provisions of the map in %.0f."),
						   area_label(a), n, o->dst_benefits_year.value)
				       : xasprintf(_("%s: Danmarks Statistik counts %s benefits "
						     "under the provisions of the map."),
						   area_label(a), n));
		free(n);
	}
}

static void newest_facts(struct sheet *s)
{
	bool any = false, counted = false;
	struct sbuf uncounted = {0};
	for (int a = 0; a < AREA_COUNT; a++) {
		struct ak_figures f;
		const struct ak_facts *x = facts_find(s->ds, s->year, s->code, (enum ak_area)a);
		if (!sheet_area_on(s, (enum ak_area)a) || !x ||
		    !cell_figures(s->ds, s->year, s->code, (enum ak_area)a, &f))
			continue;
		in_cases(s, (enum ak_area)a, x);
		if (x->national && x->national->fig.rate.present && !x->has_in_cases)
			sbuf_printf(&uncounted, "%s%s", uncounted.len ? ", " : "",
				    area_label((enum ak_area)a));
		counted |= x->national && x->national->fig.rate.present && x->has_in_cases;
		fact_bullets(s, (enum ak_area)a, x->o, &f);
		flag_bullets(s, (enum ak_area)a, x);
		any = true;
	}
	/* only beside an area that has it: where no area has a count, the
	 * table says so by having no count */
	if (uncounted.len && counted)
		bullet_free(s, xasprintf(_("%s: no case count is published, so the difference "
					   "to the national rate cannot be given in cases."),
					 sbuf_str(&uncounted)));
	sbuf_free(&uncounted);
	if (any)
		doc_end_list(&s->doc);
}

void fsyears_write(struct sheet *s)
{
	for (int y = s->year; y >= s->year_from; y--) {
		if (!dataset_has_year(s->ds, y))
			continue;
		year_table(s, y);
		if (y == s->year)
			newest_facts(s);
	}
}
