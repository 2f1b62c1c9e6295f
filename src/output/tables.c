/* tables.c - year-over-year, compare and peer tables. */
#include "ankekort/output/tables.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/data/changesplit.h"
#include "ankekort/data/funnel.h"
#include "ankekort/output/doc.h"
#include "ankekort/base/i18n.h"
#include "ankekort/data/facts.h"
#include "ankekort/data/stats.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/groupavg.h"

/* ---- cells shown: the text and the sort key from one value ------------------------ */

static struct tcell text(char *s)
{
	return (struct tcell){s, NAN};
}

static struct tcell year_cell(int year)
{
	return (struct tcell){xasprintf("%d", year), year};
}

static struct tcell pct(struct ak_val v)
{
	char buf[64];
	return (struct tcell){xstrdup(stats_val_text(buf, sizeof buf, v, "")),
			      v.present ? v.value : NAN};
}

static struct tcell count(long n)
{
	return n >= 0 ? (struct tcell){xasprintf("%ld", n), (double)n}
		      : (struct tcell){xstrdup(AK_NO_FIGURE), NAN};
}

/* "27.3 / 13.0": remanded and changed, sorted by remanded. */
static struct tcell split(const struct ak_figures *f)
{
	double key = f->remanded_pct.present ? f->remanded_pct.value : NAN;
	if (!f->remanded_pct.present || !f->changed_pct.present)
		return (struct tcell){xstrdup(AK_NO_FIGURE), key};
	return (struct tcell){
		textfmt_localize(xasprintf(
			"%.*f / %.*f", stats_shown_decimals(f->remanded_pct), f->remanded_pct.value,
			stats_shown_decimals(f->changed_pct), f->changed_pct.value)),
		key};
}

/* ---- data cells (CSV): numbers as published, a decimal point, "" unknown -------- */

static char *d_val(struct ak_val v)
{
	return v.present ? xasprintf("%.*f", stats_shown_decimals(v), v.value) : xstrdup("");
}

static char *d_count(long n)
{
	return n >= 0 ? xasprintf("%ld", n) : xstrdup("");
}

static char *d_int(int n)
{
	return n ? xasprintf("%d", n) : xstrdup("");
}

/* change_pp, p_value, beyond_chance (1/0) from `from` to `to` */
static void d_change(const struct ak_figures *to, const struct ak_figures *from, char **out)
{
	if (!to->rate.present || !from->rate.present) {
		out[0] = xstrdup("");
		out[1] = xstrdup("");
		out[2] = xstrdup("");
		return;
	}
	int dd;
	double d = stats_change(to->rate, from->rate, &dd);
	out[0] = xasprintf("%.*f", dd, d);
	double p;
	bool sig;
	if (stats_two_prop(to->reversed, to->cases, from->reversed, from->cases, &p, &sig)) {
		out[1] = xasprintf("%.4f", p);
		out[2] = xstrdup(sig ? "1" : "0");
	} else {
		out[1] = xstrdup("");
		out[2] = xstrdup("");
	}
}

/* Change in points from `from` to `to`, with an arrow, and the test; since
 * names the earlier year when it is not the one just before (0: it is). */
static void change_cells(const struct ak_figures *to, const struct ak_figures *from, int since,
			 struct tcell *cells)
{
	if (!to->rate.present || !from->rate.present) {
		cells[0] = text(xstrdup(AK_NO_FIGURE));
		cells[1] = text(xstrdup(AK_NO_FIGURE));
		return;
	}
	int dd;
	double d = stats_change(to->rate, from->rate, &dd);
	const char *arrow = d > 0 ? "\xE2\x96\xB2" : d < 0 ? "\xE2\x96\xBC" : "=";
	cells[0] = (struct tcell){
		textfmt_localize(since ? xasprintf(_("%s %+.*f since %d"), arrow, dd, d, since)
				       : xasprintf("%s %+.*f", arrow, dd, d)),
		d};
	double p;
	bool sig;
	if (stats_two_prop(to->reversed, to->cases, from->reversed, from->cases, &p, &sig))
		cells[1] = (struct tcell){
			textfmt_localize(xasprintf(sig ? _("yes (p %.3f)") : _("no (p %.2f)"), p)),
			p};
	else
		cells[1] = text(xstrdup(_("untested")));
}

static bool figures_at(struct tview *t, const struct ak_dataset *ds, int year, int code,
		       enum ak_area a, struct ak_figures *f)
{
	const struct ak_facts *x = year ? facts_find(ds, year, code, a) : NULL;
	tview_source(t, x ? x->o : NULL);
	if (x)
		*f = x->fig;
	else
		memset(f, 0, sizeof *f), f->cases = f->reversed = -1;
	return x && f->rate.present;
}

/* What the change in reversed cases is made of, in whole cases: "+12 (+4 /
 * +8)"; the dash without counts in both years. */
static struct tcell split_cell(const struct ak_change_split *c)
{
	if (!c)
		return (struct tcell){xstrdup(AK_NO_FIGURE), NAN};
	long by_cases, by_rate;
	changesplit_whole(c, &by_cases, &by_rate);
	long v[3] = {c->total, by_cases, by_rate};
	char t[3][24];
	for (int i = 0; i < 3; i++) /* a sign on every change but none */
		snprintf(t[i], sizeof t[i], v[i] ? "%+ld" : "%ld", v[i]);
	return (struct tcell){xasprintf("%s (%s / %s)", t[0], t[1], t[2]), (double)c->total};
}

/* reversed_change, _from_cases, _from_rate: the parts unrounded */
static void d_split(const struct ak_change_split *c, char **out)
{
	out[0] = c ? xasprintf("%ld", c->total) : xstrdup("");
	out[1] = c ? xasprintf("%.2f", c->by_cases) : xstrdup("");
	out[2] = c ? xasprintf("%.2f", c->by_rate) : xstrdup("");
}

/* Appeals dismissed or referred as the row shown gives them (-1: it does
 * not): counted beside the rate, never in it. */
static long dismissed_at(const struct ak_dataset *ds, int year, int code, enum ak_area a)
{
	const struct ak_facts *x = facts_find(ds, year, code, a);
	const struct ak_obs *from = !x ? NULL : x->o->dismissed.present ? x->o : x->fig.counts_from;
	return from && from->dismissed.present ? (long)from->dismissed.value : -1;
}

/* Whether any year and area of code gives appeals dismissed or referred. */
static bool any_dismissed(const struct ak_dataset *ds, int code)
{
	for (size_t i = 0; i < ds->n_years; i++)
		for (int a = 0; a < AREA_COUNT; a++)
			if (dismissed_at(ds, ds->years[i], code, (enum ak_area)a) >= 0)
				return true;
	return false;
}

/* ---- the tables ---------------------------------------------------------------- */

void tables_yoy(const struct ak_dataset *ds, int code, struct tview *t)
{
	/* the appeals dismissed or referred beside the cases, as a column of
	 * their own where some year gives them */
	bool dis = any_dismissed(ds, code);
	const char *head[10] = {_("Area"),
				_("Year"),
				_("Rate %"),
				_("Cases"),
				_("Dismissed"),
				_("Remanded / changed %"),
				_("Change (points)"),
				_("Beyond chance"),
				_("Reversed \xC2\xB1 (n / rate)"),
				_("National %")};
	bool right[10] = {false, true, true, true, true, true, true, false, true, true};
	if (!dis) {
		memmove(head + 4, head + 5, 5 * sizeof *head);
		memmove(right + 4, right + 5, 5 * sizeof *right);
	}
	static const char *const dhead[] = {"code",
					    "kommune",
					    "area",
					    "year",
					    "cases",
					    "reversed",
					    "dismissed",
					    "rate_pct",
					    "remanded_pct",
					    "changed_pct",
					    "change_pp",
					    "change_from_year",
					    "p_value",
					    "beyond_chance",
					    "reversed_change",
					    "reversed_change_from_cases",
					    "reversed_change_from_rate",
					    "national_rate_pct"};
	enum { ND = sizeof dhead / sizeof dhead[0] };
	const struct ak_municipality *m = dataset_muni(ds, code);
	tview_start(t, xasprintf(_("Year over year: %s"), m ? m->name : "?"), head, right,
		    dis ? 10 : 9);
	t->keep = 2; /* the area and the year say what a row is: never scrolled away */
	tview_data_head(t, dhead, ND);
	for (int a = 0; a < AREA_COUNT; a++) {
		struct ak_figures prev = {.cases = -1, .reversed = -1};
		int prev_year = 0;
		for (size_t i = 0; i < ds->n_years; i++) {
			struct ak_figures f, nf;
			char *data[ND];
			struct tcell cells[10];
			bool has = figures_at(t, ds, ds->years[i], code, (enum ak_area)a, &f);
			figures_at(t, ds, ds->years[i], AK_NATIONAL_CODE, (enum ak_area)a, &nf);
			cells[0] = text(xstrdup(area_label((enum ak_area)a)));
			cells[1] = year_cell(ds->years[i]);
			cells[2] = pct(f.rate);
			cells[3] = count(f.cases);
			long nd = dismissed_at(ds, ds->years[i], code, (enum ak_area)a);
			struct tcell *c = cells + dis; /* the columns after it */
			if (dis)
				cells[4] = count(nd);
			c[4] = split(&f);
			bool adjacent = i > 0 && ds->years[i - 1] == prev_year;
			change_cells(&f, &prev, adjacent ? 0 : prev_year, c + 5);
			struct ak_change_split cs;
			bool split = has && prev_year &&
				     changesplit_counts(prev.reversed, prev.cases, f.reversed,
							f.cases, &cs);
			c[7] = split_cell(split ? &cs : NULL);
			c[8] = pct(nf.rate);
			data[0] = xasprintf("%d", code);
			data[1] = xstrdup(m ? m->name : "");
			data[2] = xstrdup(area_id((enum ak_area)a));
			data[3] = xasprintf("%d", ds->years[i]);
			data[4] = d_count(f.cases);
			data[5] = d_count(f.reversed);
			data[6] = d_count(nd);
			data[7] = d_val(f.rate);
			data[8] = d_val(f.remanded_pct);
			data[9] = d_val(f.changed_pct);
			char *ch[3];
			d_change(&f, &prev, ch);
			data[10] = ch[0];
			data[11] = d_int(ch[0][0] ? prev_year : 0);
			data[12] = ch[1];
			data[13] = ch[2];
			d_split(split ? &cs : NULL, data + 14);
			data[17] = d_val(nf.rate);
			tview_row(t, cells, data);
			if (has) {
				prev = f;
				prev_year = ds->years[i];
			}
		}
	}
	const char *note =
		_("Change: points against the year before (or the last year with a figure). Beyond "
		  "chance: a two-proportion "
		  "test (pooled, two-sided, p < 0.05) where both years publish case counts; "
		  "figures published only as percentages are compared but untested. Reversed "
		  "\xC2\xB1: the change in reversed cases, of it (n / rate) the part from more "
		  "or fewer cases decided and the part from a higher or lower share reversed, "
		  "where both years publish counts.");
	t->note = dis ? xasprintf("%s %s", note,
				  _("Dismissed: appeals dismissed or referred (afvist/henvist), "
				    "not decided on the merits: beside the cases, never in them or "
				    "in the rate."))
		      : xstrdup(note);
	tview_maps(t, ds, 0, -1);
}

void tables_compare(const struct ak_dataset *ds, const int *codes, size_t n, enum ak_area area,
		    int year1, int year2, struct tview *t)
{
	/* year2 is the main year, year1 the other; a change is always the
	 * later year minus the earlier one, whichever is the main year */
	int early = year1 < year2 ? year1 : year2, late = year1 < year2 ? year2 : year1;
	char h1[64], h2[64], h3[64], h4[64], h5[64];
	snprintf(h1, sizeof h1, _("Rate %d"), year1);
	snprintf(h2, sizeof h2, _("n %d"), year1);
	snprintf(h3, sizeof h3, _("Rate %d"), year2);
	snprintf(h4, sizeof h4, _("n %d"), year2);
	snprintf(h5, sizeof h5, _("Change %d\xE2\x86\x92%d"), early, late);
	const char *head[8] = {_("Municipality"), h3, h4, _("Rem. / chg."), h1, h2, h5,
			       _("Beyond chance")};
	const bool right[8] = {false, true, true, true, true, true, true, false};
	/* one year loaded: say so, never "2021 against 2021" */
	tview_start(
		t,
		year1 == year2
			? xasprintf(_("Compare %s: only %d is loaded, no other year to compare "
				      "with"),
				    area_label(area), year2)
			: xasprintf(_("Compare %s: %d against %d"), area_label(area), year2, year1),
		head, right, 8);
	static const char *const dhead[] = {
		"code",		  "kommune",	    "area",	    "year",
		"rate_pct",	  "cases",	    "remanded_pct", "changed_pct",
		"other_year",	  "other_rate_pct", "other_cases",  "change_from_year",
		"change_to_year", "change_pp",	    "p_value",	    "beyond_chance"};
	enum { ND = sizeof dhead / sizeof dhead[0] };
	tview_data_head(t, dhead, ND);
	for (size_t i = 0; i <= n; i++) {
		int code = i == 0 ? AK_NATIONAL_CODE : codes[i - 1];
		if (i > 0 && code == AK_NATIONAL_CODE)
			continue;
		struct ak_figures f1, f2;
		figures_at(t, ds, year1, code, area, &f1);
		figures_at(t, ds, year2, code, area, &f2);
		const struct ak_municipality *m = dataset_muni(ds, code);
		char *data[ND];
		struct tcell cells[8];
		cells[0] = text(xstrdup(i == 0 ? peers_national_name() : m ? m->name : "?"));
		data[0] = xasprintf("%d", code);
		data[1] = xstrdup(i == 0 ? "Danmark i alt" : m ? m->name : "");
		data[2] = xstrdup(area_id(area));
		data[3] = d_int(year2);
		data[4] = d_val(f2.rate);
		data[5] = d_count(f2.cases);
		data[6] = d_val(f2.remanded_pct);
		data[7] = d_val(f2.changed_pct);
		data[8] = d_int(year1);
		data[9] = d_val(f1.rate);
		data[10] = d_count(f1.cases);
		data[11] = d_int(year1 != year2 ? early : 0);
		data[12] = d_int(year1 != year2 ? late : 0);
		cells[1] = pct(f2.rate);
		cells[2] = count(f2.cases);
		cells[3] = split(&f2);
		cells[4] = pct(f1.rate);
		cells[5] = count(f1.cases);
		struct ak_figures none = {.cases = -1, .reversed = -1};
		const struct ak_figures *later = year1 == year2 ? &none : year2 > year1 ? &f2 : &f1;
		const struct ak_figures *earlier = year1 == year2  ? &none
						   : year2 > year1 ? &f1
								   : &f2;
		change_cells(later, earlier, 0, cells + 6);
		d_change(later, earlier, data + 13);
		tview_row(t, cells, data);
	}
	t->pinned = 1;
	t->note = xstrdup(
		_("Change: points from the earlier year to the later. Beyond chance: a "
		  "two-proportion test (pooled, two-sided, p < 0.05) where both years publish "
		  "case counts; untested otherwise."));
	tview_maps(t, ds, year1, (int)area);
	tview_maps(t, ds, year2, (int)area);
}

/* The peer view's data columns: code, name and year, then five an area. */
enum { PEER_PER_AREA = 5, PEER_DCOLS = 3 + PEER_PER_AREA * AREA_COUNT };

/* The group's pooled rate and unweighted mean as two more rows (groupavg.h),
 * shown from two members up as in the fact sheet; the pooled row's data
 * has the sums it is made of. */
static void peer_averages(const struct ak_dataset *ds, const struct peer_set *p, int year,
			  struct tview *t)
{
	char **cells;
	size_t n = peers_average_cells(ds, p, year, &cells);
	for (size_t r = 0; r < n; r++) {
		struct tcell row[4] = {text(cells[r * 4])};
		char *data[PEER_DCOLS];
		data[0] = xstrdup("");
		data[1] = xstrdup(cells[r * 4]);
		data[2] = d_int(year);
		for (int a = 0; a < AREA_COUNT; a++) {
			struct group_avg g;
			group_average(ds, year, (enum ak_area)a, p->codes, p->n, &g);
			struct ak_val v = r == 0 ? g.pooled : g.mean;
			bool shown = v.present && (r == 0 ? g.n_pooled : g.n_mean) >= 2;
			char **d = data + 3 + PEER_PER_AREA * a;
			row[1 + a] =
				(struct tcell){cells[r * 4 + 1 + (size_t)a], shown ? v.value : NAN};
			d[0] = shown ? d_val(v) : xstrdup("");
			d[1] = xstrdup("");
			d[2] = xstrdup("");
			d[3] = shown && r == 0 ? d_count(g.cases) : xstrdup("");
			d[4] = shown && r == 0 ? d_count(g.reversed) : xstrdup("");
		}
		tview_row(t, row, data);
	}
	free(cells);
}

void tables_peers(const struct ak_dataset *ds, const struct peer_set *p, int year, struct tview *t)
{
	const char *head[4] = {_("Municipality"), area_label(AREA_GENERELT),
			       area_label(AREA_BOERNEHANDICAP), area_label(AREA_VOKSENHANDICAP)};
	const bool right[4] = {false, false, false, false};
	tview_start(t, xasprintf(_("Peer table: %s, %d"), p->label, year), head, right, 4);
	/* clang-format off */
	static const char *const dhead[] = {
		"code", "kommune", "year",
		"generelt_rate_pct", "generelt_remanded_pct", "generelt_changed_pct",
		"generelt_cases", "generelt_reversed",
		"boernehandicap_rate_pct", "boernehandicap_remanded_pct",
		"boernehandicap_changed_pct", "boernehandicap_cases", "boernehandicap_reversed",
		"voksenhandicap_rate_pct", "voksenhandicap_remanded_pct",
		"voksenhandicap_changed_pct", "voksenhandicap_cases", "voksenhandicap_reversed"};
	/* clang-format on */
	enum { ND = sizeof dhead / sizeof dhead[0] };
	_Static_assert((int)ND == (int)PEER_DCOLS, "the peer view's data columns");
	tview_data_head(t, dhead, ND);
	char **cells;
	bool counted;
	size_t rows = factsheet_peer_cells(ds, p, year, CELLS_COMPACT, &cells, &counted);
	for (size_t r = 0; r < rows; r++) {
		/* the peers in order, the group's averages, then the nation */
		if (r + 1 == rows)
			peer_averages(ds, p, year, t);
		int code = r < p->n ? p->codes[r] : AK_NATIONAL_CODE;
		const struct ak_municipality *m = dataset_muni(ds, code);
		/* the cells as the fact sheet shows them, sorted by the rate */
		struct tcell shown[4] = {text(cells[r * 4])};
		char *data[ND];
		data[0] = xasprintf("%d", code);
		data[1] = xstrdup(code == AK_NATIONAL_CODE ? "Danmark i alt" : m ? m->name : "");
		data[2] = d_int(year);
		for (int a = 0; a < AREA_COUNT; a++) {
			struct ak_figures f;
			figures_at(t, ds, year, code, (enum ak_area)a, &f);
			shown[1 + a] = (struct tcell){cells[r * 4 + 1 + (size_t)a],
						      f.rate.present ? f.rate.value : NAN};
			data[3 + 5 * a] = d_val(f.rate);
			data[4 + 5 * a] = d_val(f.remanded_pct);
			data[5 + 5 * a] = d_val(f.changed_pct);
			data[6 + 5 * a] = d_count(f.cases);
			data[7 + 5 * a] = d_count(f.reversed);
		}
		tview_row(t, shown, data);
	}
	free(cells);
	t->note = xasprintf(
		"%s %s",
		counted ? _("Each cell: reversal rate (remanded / changed), in percent; where the "
			    "counts are published, the reversed cases of those decided.")
			: _("Each cell: reversal rate (remanded / changed), in percent."),
		_("Pooled: the group's reversed cases over its cases (the Talportal's \"I "
		  "alt\"); mean: of the members' rates, unweighted."));
	tview_maps(t, ds, year, -1);
}

/* ---- the funnel plot's points ------------------------------------------------------ */

void tables_funnel(const struct funnel *fn, const struct ak_dataset *ds, struct tview *t)
{
	const char *head[7] = {_("Municipality"), _("Cases"),	    _("Reversed"), _("Rate %"),
			       _("p (binom.)"),	  _("95 % limits"), _("Position")};
	const bool right[7] = {false, true, true, true, true, true, false};
	tview_start(t, xasprintf(_("Funnel plot: %s, %d"), area_label(fn->area), fn->year), head,
		    right, 7);
	static const char *const dhead[] = {
		"code",	      "kommune",  "year",     "area",
		"cases",      "reversed", "rate_pct", "national_rate_pct",
		"p_national", "lower_95", "upper_95", "lower_99_8",
		"upper_99_8", "position"};
	enum { ND = sizeof dhead / sizeof dhead[0] };
	tview_data_head(t, dhead, ND);
	double p0 = fn->national / 100.0;
	for (size_t i = 0; i < fn->n; i++) {
		const struct funnel_point *p = &fn->points[i];
		const struct ak_municipality *m = dataset_muni(ds, p->code);
		struct funnel_limits l;
		funnel_limits(p->cases, p0, &l);
		struct tcell cells[7] = {
			text(xstrdup(m ? m->name : "?")),
			count(p->cases),
			count(p->reversed),
			{textfmt_localize(xasprintf("%.1f", p->rate)), p->rate},
			{fn->has_national ? funnel_p_cell(p->p, false, textfmt_decimal_comma())
					  : xstrdup(AK_NO_FIGURE),
			 p->p},
			{fn->has_national ? textfmt_localize(xasprintf("%.1f\xE2\x80\x93%.1f",
								       l.lo95, l.hi95))
					  : xstrdup(AK_NO_FIGURE),
			 l.lo95},
			{xstrdup(funnel_pos_short(p->pos)), (double)p->pos}};
		bool nat = fn->has_national;
		tview_source(t, dataset_find(ds, fn->year, p->code, fn->area));
		tview_source(t, dataset_find(ds, fn->year, AK_NATIONAL_CODE, fn->area));
		char *data[ND] = {xasprintf("%d", p->code),
				  xstrdup(m ? m->name : ""),
				  d_int(fn->year),
				  xstrdup(area_id(fn->area)),
				  xasprintf("%ld", p->cases),
				  xasprintf("%ld", p->reversed),
				  xasprintf("%.1f", p->rate),
				  nat ? xasprintf("%.1f", fn->national) : xstrdup(""),
				  nat ? funnel_p_cell(p->p, true, false) : xstrdup(""),
				  nat ? xasprintf("%.2f", l.lo95) : xstrdup(""),
				  nat ? xasprintf("%.2f", l.hi95) : xstrdup(""),
				  nat ? xasprintf("%.2f", l.lo998) : xstrdup(""),
				  nat ? xasprintf("%.2f", l.hi998) : xstrdup(""),
				  xstrdup(funnel_pos_id(p->pos))};
		tview_row(t, cells, data);
	}
	if (!fn->has_national)
		t->note = xasprintf(_("No national rate is loaded for %s %d: no limits."),
				    area_label(fn->area), fn->year);
	else if (fn->without_cases)
		t->note = xasprintf(
			ngettext("%zu municipality has a rate but no case count and is not "
				 "in the plot.",
				 "%zu municipalities have a rate but no case count and are "
				 "not in the plot.",
				 fn->without_cases),
			fn->without_cases);
	tview_maps(t, ds, fn->year, (int)fn->area);
}
