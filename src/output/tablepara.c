/* tablepara.c - the paragraph view's table (see tablepara.h). */
#include "ankekort/output/tablepara.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/funnel.h"
#include "ankekort/data/stats.h"

enum {
	C_PAR,
	C_CASES,
	C_UPHELD,
	C_REMANDED,
	C_CHANGED,
	C_REVERSED,
	C_RATE,
	C_CI,
	C_NAT,
	C_EXCESS,
	C_P,
	C_CHANGE,
	C_COUNT
};

const char *const tables_par_columns[TABLES_PAR_COLUMNS] = {"year",
							    "code",
							    "kommune",
							    "area",
							    "row",
							    "unit",
							    "law",
							    "paragraph",
							    "paragraphs",
							    "cases",
							    "upheld",
							    "remanded",
							    "changed",
							    "reversed",
							    "rate_pct",
							    "ci_low",
							    "ci_high",
							    "national_rate_pct",
							    "excess_reversed",
							    "p_national",
							    "prev_year",
							    "change_pp"};
#define dhead tables_par_columns
/* The values of a row, in the order of tables_par_columns. */
enum {
	V_YEAR,
	V_CODE,
	V_KOMMUNE,
	V_AREA,
	V_ROW,
	V_UNIT,
	V_LAW,
	V_PARAGRAPH,
	V_PARAGRAPHS,
	V_CASES,
	V_UPHELD,
	V_REMANDED,
	V_CHANGED,
	V_REVERSED,
	V_RATE,
	V_CI_LOW,
	V_CI_HIGH,
	V_NAT,
	V_EXCESS,
	V_P,
	V_PREV_YEAR,
	V_CHANGE,
	ND
};
_Static_assert(ND == sizeof dhead / sizeof dhead[0], "a value per data column");

const char *tables_paragraph_order_name(enum partable_order order)
{
	switch (order) {
	case PARORDER_EXCESS: return _("reversed above national");
	case PARORDER_REVERSED: return _("reversed");
	case PARORDER_CASES: return _("cases");
	case PARORDER_RATE: return _("rate");
	case PARORDER_PARAGRAPH: return _("paragraph");
	default: return _("as the source lists them");
	}
}

char *tables_par_count(long n, bool danish, const char *none)
{
	char buf[32];
	return n >= 0 ? xstrdup(textfmt_number(buf, sizeof buf, (double)n, 0, danish))
		      : xstrdup(none);
}

char *tables_par_num(bool has, double v, bool sign, bool danish, const char *none)
{
	char buf[32];
	if (!has)
		return xstrdup(none);
	textfmt_number(buf, sizeof buf, v, 1, danish);
	return sign && v > 0 ? xasprintf("+%s", buf) : xstrdup(buf);
}

static char *count(long n)
{
	return tables_par_count(n, i18n_danish(), AK_NO_FIGURE);
}

static char *num(bool has, double v, bool sign)
{
	return tables_par_num(has, v, sign, i18n_danish(), AK_NO_FIGURE);
}

static const char *label_of(const struct partable *p, const struct partable_row *r)
{
	switch (r->kind) {
	case PARROW_PARAGRAPH: return r->par ? r->par->label : "";
	case PARROW_UNIT: return r->unit ? r->unit : _("No unit");
	case PARROW_OTHER: return _("Other paragraphs");
	case PARROW_TOTAL:
		return p->has_figure ? _("Total (the area figure)") : _("Total of the paragraphs");
	case PARROW_REST: return _("Rest: generelt outside the handicap maps");
	}
	return "";
}

static void add_row(struct tview *t, const struct ak_dataset *ds, const struct partable *p,
		    const struct partable_row *r)
{
	static const char *const kinds[] = {"paragraph", "unit", "other", "total", "rest"};
	struct tcell cells[C_COUNT];
	bool indent = p->by_unit && r->kind == PARROW_PARAGRAPH;
	/* each cell shows its value as the paragraph tables write numbers
	 * (tables_par_count, tables_par_num); the order is the view's own:
	 * never sorted by column */
	cells[C_PAR] = (struct tcell){-1, xasprintf("%s%s", indent ? "  " : "", label_of(p, r))};
	cells[C_CASES] = (struct tcell){V_CASES, count(r->cases)};
	cells[C_UPHELD] = (struct tcell){V_UPHELD, count(r->upheld)};
	cells[C_REMANDED] = (struct tcell){V_REMANDED, count(r->remanded)};
	cells[C_CHANGED] = (struct tcell){V_CHANGED, count(r->changed)};
	cells[C_REVERSED] = (struct tcell){V_REVERSED, count(r->reversed)};
	cells[C_RATE] = (struct tcell){V_RATE, num(r->has_rate, r->rate, false)};
	cells[C_CI] = (struct tcell){V_CI_LOW, xstrdup(AK_NO_FIGURE)};
	if (r->has_ci) {
		char lo[32], hi[32];
		textfmt_number(lo, sizeof lo, r->ci_low, 1, i18n_danish());
		textfmt_number(hi, sizeof hi, r->ci_high, 1, i18n_danish());
		free(cells[C_CI].text);
		cells[C_CI].text = xasprintf("%s\xE2\x80\x93%s", lo, hi);
	}
	cells[C_NAT] = (struct tcell){V_NAT, num(r->has_nat, r->nat_rate, false)};
	cells[C_EXCESS] = (struct tcell){V_EXCESS, num(r->has_excess, r->excess, true)};
	cells[C_P] = (struct tcell){V_P, r->has_p ? funnel_p_cell(r->p, false, i18n_danish())
						  : xstrdup(AK_NO_FIGURE)};
	cells[C_CHANGE] = (struct tcell){V_CHANGE, num(r->has_prev, r->change, true)};
	const struct ak_municipality *m = dataset_muni(ds, p->code);
	const struct ak_par *par = r->par;
	struct tval v[ND] = {[V_YEAR] = tval_num(true, p->year, 0),
			     [V_CODE] = tval_num(true, p->code, 0),
			     [V_KOMMUNE] = tval_text(xstrdup(m ? m->name : "")),
			     [V_AREA] = tval_text(xstrdup(area_id(p->area))),
			     [V_ROW] = tval_text(xstrdup(kinds[r->kind])),
			     [V_UNIT] = tval_text(xstrdup(r->unit ? r->unit : "")),
			     [V_LAW] = tval_text(xstrdup(par ? par->law : "")),
			     [V_PARAGRAPH] = tval_text(xstrdup(par ? par->label : "")),
			     [V_PARAGRAPHS] = tval_text(xstrdup(par ? par->paragraphs : "")),
			     [V_CASES] = tval_count(r->cases),
			     [V_UPHELD] = tval_count(r->upheld),
			     [V_REMANDED] = tval_count(r->remanded),
			     [V_CHANGED] = tval_count(r->changed),
			     [V_REVERSED] = tval_count(r->reversed),
			     [V_RATE] = tval_num(r->has_rate, r->rate, 1),
			     [V_CI_LOW] = tval_num(r->has_ci, r->ci_low, 1),
			     [V_CI_HIGH] = tval_num(r->has_ci, r->ci_high, 1),
			     [V_NAT] = tval_num(r->has_nat, r->nat_rate, 1),
			     [V_EXCESS] = tval_num(r->has_excess, r->excess, 1),
			     [V_P] = tval_num(r->has_p, r->p, 4),
			     [V_PREV_YEAR] = tval_num(r->has_prev, r->prev_year, 0),
			     [V_CHANGE] = tval_num(r->has_prev, r->change, 1)};
	if (p->source) {
		doc_sources_add(&t->row, p->source);
		doc_sources_add(&t->sources, p->source);
	}
	tview_row(t, cells, v);
}

/* The sentence under the table: what was left out or does not tie out. */
static char *note_of(const struct partable *p, const char *name)
{
	if (!p->n_pars)
		return xasprintf(
			_("No paragraph rows loaded for %s, %s %d; import Statistikbanken's "
			  "or the Talportal's paragraph-level figures."),
			name, area_label(p->area), p->year);
	const char *tail = _("Above national: reversed cases beyond what the national rate of "
			     "the same paragraph gives for as many cases; p: the exact binomial "
			     "test against it.");
	if (!p->has_figure)
		return xasprintf(_("No area figure is loaded to tie the paragraphs out to. %s"),
				 tail);
	if (!p->ties_out)
		return xasprintf(_("The paragraphs add up to more than the area figure (%s). %s"),
				 p->mismatch, tail);
	return xstrdup(tail);
}

void tables_paragraphs(const struct ak_dataset *ds, int code, int year, enum ak_area area,
		       enum partable_order order, bool reverse, struct tview *t)
{
	const char *head[C_COUNT] = {_("Paragraph"),	  _("Cases"),	   _("Upheld"),
				     _("Remanded"),	  _("Changed"),	   _("Reversed"),
				     _("Rate %"),	  _("95 % CI"),	   _("National %"),
				     _("Above national"), _("p (binom.)"), _("Change pp")};
	bool right[C_COUNT];
	for (int c = 0; c < C_COUNT; c++)
		right[c] = c != C_PAR;
	const struct ak_municipality *m = dataset_muni(ds, code);
	const char *name = m ? m->name : "?";
	tview_start(t,
		    xasprintf(_("Paragraphs: %s, %s %d, by %s"), name, area_label(area), year,
			      tables_paragraph_order_name(order)),
		    head, right, C_COUNT);
	tview_data_head(t, dhead, ND);
	struct partable p;
	partable_build(ds, code, year, area, order, true, &p);
	if (reverse && p.n_pars > 1 && !p.by_unit)
		for (size_t i = 0, j = p.n_pars - 1; i < j; i++, j--) {
			struct partable_row tmp = p.rows[i];
			p.rows[i] = p.rows[j];
			p.rows[j] = tmp;
		}
	for (size_t i = 0; i < p.n; i++)
		add_row(t, ds, &p, &p.rows[i]);
	t->note = note_of(&p, name);
	partable_free(&p);
}
