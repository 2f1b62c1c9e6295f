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

/* ---- values (tview.h): the number as published or worked out, once ---------------- */

/* A figure as published: its shown decimals; none when absent. */
static struct tval d_val(struct ak_val v)
{
	return tval_num(v.present, v.value, stats_shown_decimals(v));
}

/* A whole number where it is one (a year, a code), none for 0. */
static struct tval d_int(int n)
{
	return tval_num(n != 0, n, 0);
}

/* ---- cells shown: a value, or a value in its own words ---------------------------- */

/* The value as it writes itself. */
static struct tcell shown(int of)
{
	return (struct tcell){of, NULL};
}

/* Text alone (taken over), sorted by its text. */
static struct tcell text(char *s)
{
	return (struct tcell){-1, s};
}

/* "27.3 / 13.0": remanded (value `of`, sorted by) and changed. */
static struct tcell split(const struct ak_figures *f, int of)
{
	if (!f->remanded_pct.present || !f->changed_pct.present)
		return (struct tcell){of, xstrdup(AK_NO_FIGURE)};
	return (struct tcell){
		of, textfmt_localize(xasprintf("%.*f / %.*f", stats_shown_decimals(f->remanded_pct),
					       f->remanded_pct.value,
					       stats_shown_decimals(f->changed_pct),
					       f->changed_pct.value))};
}

/* change_pp, and p_value and beyond_chance (1/0) in test[0..1], from
 * `from` to `to` */
static void d_change(const struct ak_figures *to, const struct ak_figures *from,
		     struct tval *change, struct tval *test)
{
	*change = test[0] = test[1] = tval_num(false, 0, 0);
	if (!to->rate.present || !from->rate.present)
		return;
	int dd;
	double d = stats_change(to->rate, from->rate, &dd);
	*change = tval_num(true, d, dd);
	double p;
	bool sig;
	if (stats_two_prop(to->reversed, to->cases, from->reversed, from->cases, &p, &sig)) {
		test[0] = tval_num(true, p, 4);
		test[1] = tval_num(true, sig, 0);
	}
}

/* The change in points (value ch of v) with an arrow, and the test (values
 * test and test + 1, d_change); since names the earlier year when it is not
 * the one just before (0: it is). */
static void change_cells(const struct tval *v, int ch, int test, int since, struct tcell *cells)
{
	if (isnan(v[ch].num)) {
		cells[0] = (struct tcell){ch, xstrdup(AK_NO_FIGURE)};
		cells[1] = (struct tcell){test, xstrdup(AK_NO_FIGURE)};
		return;
	}
	double d = v[ch].num, p = v[test].num;
	int dd = v[ch].decimals;
	const char *arrow = d > 0 ? "\xE2\x96\xB2" : d < 0 ? "\xE2\x96\xBC" : "=";
	cells[0] = (struct tcell){
		ch, textfmt_localize(since ? xasprintf(_("%s %+.*f since %d"), arrow, dd, d, since)
					   : xasprintf("%s %+.*f", arrow, dd, d))};
	if (!isnan(p))
		cells[1] = (struct tcell){
			test,
			textfmt_localize(xasprintf(
				v[test + 1].num != 0 ? _("yes (p %.3f)") : _("no (p %.2f)"), p))};
	else
		cells[1] = (struct tcell){test, xstrdup(_("untested"))};
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
 * +8)", sorted by the change (value of); the dash without counts in both
 * years. */
static struct tcell split_cell(const struct ak_change_split *c, int of)
{
	if (!c)
		return (struct tcell){of, xstrdup(AK_NO_FIGURE)};
	long by_cases, by_rate;
	changesplit_whole(c, &by_cases, &by_rate);
	long v[3] = {c->total, by_cases, by_rate};
	char t[3][24];
	for (int i = 0; i < 3; i++) /* a sign on every change but none */
		snprintf(t[i], sizeof t[i], v[i] ? "%+ld" : "%ld", v[i]);
	return (struct tcell){of, xasprintf("%s (%s / %s)", t[0], t[1], t[2])};
}

/* reversed_change, _from_cases, _from_rate: the parts unrounded */
static void d_split(const struct ak_change_split *c, struct tval *out)
{
	out[0] = tval_num(c, c ? (double)c->total : 0, 0);
	out[1] = tval_num(c, c ? c->by_cases : 0, 2);
	out[2] = tval_num(c, c ? c->by_rate : 0, 2);
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
	enum {
		Y_CODE,
		Y_KOMMUNE,
		Y_AREA,
		Y_YEAR,
		Y_CASES,
		Y_REVERSED,
		Y_DISMISSED,
		Y_RATE,
		Y_REMANDED,
		Y_CHANGED,
		Y_CHANGE,
		Y_CHANGE_FROM,
		Y_P,
		Y_BEYOND,
		Y_REV_CHANGE,
		Y_REV_FROM_CASES,
		Y_REV_FROM_RATE,
		Y_NATIONAL,
		ND
	};
	_Static_assert(ND == sizeof dhead / sizeof dhead[0], "a value per data column");
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
			struct tval v[ND];
			struct tcell cells[10];
			bool has = figures_at(t, ds, ds->years[i], code, (enum ak_area)a, &f);
			figures_at(t, ds, ds->years[i], AK_NATIONAL_CODE, (enum ak_area)a, &nf);
			struct ak_change_split cs;
			bool has_split = has && prev_year &&
					 changesplit_counts(prev.reversed, prev.cases, f.reversed,
							    f.cases, &cs);
			v[Y_CODE] = tval_num(true, code, 0);
			v[Y_KOMMUNE] = tval_text(xstrdup(m ? m->name : ""));
			v[Y_AREA] = tval_text(xstrdup(area_id((enum ak_area)a)));
			v[Y_YEAR] = tval_num(true, ds->years[i], 0);
			v[Y_CASES] = tval_count(f.cases);
			v[Y_REVERSED] = tval_count(f.reversed);
			v[Y_DISMISSED] =
				tval_count(dismissed_at(ds, ds->years[i], code, (enum ak_area)a));
			v[Y_RATE] = d_val(f.rate);
			v[Y_REMANDED] = d_val(f.remanded_pct);
			v[Y_CHANGED] = d_val(f.changed_pct);
			d_change(&f, &prev, &v[Y_CHANGE], &v[Y_P]);
			v[Y_CHANGE_FROM] = d_int(isnan(v[Y_CHANGE].num) ? 0 : prev_year);
			d_split(has_split ? &cs : NULL, &v[Y_REV_CHANGE]);
			v[Y_NATIONAL] = d_val(nf.rate);
			cells[0] = text(xstrdup(area_label((enum ak_area)a)));
			cells[1] = shown(Y_YEAR);
			cells[2] = shown(Y_RATE);
			cells[3] = shown(Y_CASES);
			struct tcell *c = cells + dis; /* the columns after it */
			if (dis)
				cells[4] = shown(Y_DISMISSED);
			c[4] = split(&f, Y_REMANDED);
			bool adjacent = i > 0 && ds->years[i - 1] == prev_year;
			change_cells(v, Y_CHANGE, Y_P, adjacent ? 0 : prev_year, c + 5);
			c[7] = split_cell(has_split ? &cs : NULL, Y_REV_CHANGE);
			c[8] = shown(Y_NATIONAL);
			tview_row(t, cells, v);
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
	enum {
		C_CODE,
		C_KOMMUNE,
		C_AREA,
		C_YEAR,
		C_RATE,
		C_CASES,
		C_REMANDED,
		C_CHANGED,
		C_OTHER_YEAR,
		C_OTHER_RATE,
		C_OTHER_CASES,
		C_CHANGE_FROM,
		C_CHANGE_TO,
		C_CHANGE,
		C_P,
		C_BEYOND,
		ND
	};
	_Static_assert(ND == sizeof dhead / sizeof dhead[0], "a value per data column");
	tview_data_head(t, dhead, ND);
	for (size_t i = 0; i <= n; i++) {
		int code = i == 0 ? AK_NATIONAL_CODE : codes[i - 1];
		if (i > 0 && code == AK_NATIONAL_CODE)
			continue;
		struct ak_figures f1, f2;
		figures_at(t, ds, year1, code, area, &f1);
		figures_at(t, ds, year2, code, area, &f2);
		const struct ak_municipality *m = dataset_muni(ds, code);
		struct tval v[ND];
		struct tcell cells[8];
		v[C_CODE] = tval_num(true, code, 0);
		v[C_KOMMUNE] = tval_text(xstrdup(i == 0 ? "Danmark i alt" : m ? m->name : ""));
		v[C_AREA] = tval_text(xstrdup(area_id(area)));
		v[C_YEAR] = d_int(year2);
		v[C_RATE] = d_val(f2.rate);
		v[C_CASES] = tval_count(f2.cases);
		v[C_REMANDED] = d_val(f2.remanded_pct);
		v[C_CHANGED] = d_val(f2.changed_pct);
		v[C_OTHER_YEAR] = d_int(year1);
		v[C_OTHER_RATE] = d_val(f1.rate);
		v[C_OTHER_CASES] = tval_count(f1.cases);
		v[C_CHANGE_FROM] = d_int(year1 != year2 ? early : 0);
		v[C_CHANGE_TO] = d_int(year1 != year2 ? late : 0);
		struct ak_figures none = {.cases = -1, .reversed = -1};
		const struct ak_figures *later = year1 == year2 ? &none : year2 > year1 ? &f2 : &f1;
		const struct ak_figures *earlier = year1 == year2  ? &none
						   : year2 > year1 ? &f1
								   : &f2;
		d_change(later, earlier, &v[C_CHANGE], &v[C_P]);
		cells[0] = text(xstrdup(i == 0 ? peers_national_name() : m ? m->name : "?"));
		cells[1] = shown(C_RATE);
		cells[2] = shown(C_CASES);
		cells[3] = split(&f2, C_REMANDED);
		cells[4] = shown(C_OTHER_RATE);
		cells[5] = shown(C_OTHER_CASES);
		change_cells(v, C_CHANGE, C_P, 0, cells + 6);
		tview_row(t, cells, v);
	}
	t->pinned = 1;
	t->note = xstrdup(
		_("Change: points from the earlier year to the later. Beyond chance: a "
		  "two-proportion test (pooled, two-sided, p < 0.05) where both years publish "
		  "case counts; untested otherwise."));
	tview_maps(t, ds, year1, (int)area);
	tview_maps(t, ds, year2, (int)area);
}

/* The peer view's data columns: code, name and year, then five an area
 * (PEER_RATE + PEER_PER_AREA * area + one of the PA_*). */
enum { PEER_CODE, PEER_KOMMUNE, PEER_YEAR, PEER_RATE };
enum { PA_RATE, PA_REMANDED, PA_CHANGED, PA_CASES, PA_REVERSED, PEER_PER_AREA };
enum { PEER_DCOLS = PEER_RATE + PEER_PER_AREA * AREA_COUNT };

/* Area a's first value in a peer row. */
static int peer_area(int a)
{
	return PEER_RATE + PEER_PER_AREA * a;
}

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
		struct tval data[PEER_DCOLS];
		data[PEER_CODE] = tval_num(false, 0, 0);
		data[PEER_KOMMUNE] = tval_text(xstrdup(cells[r * 4]));
		data[PEER_YEAR] = d_int(year);
		for (int a = 0; a < AREA_COUNT; a++) {
			struct group_avg g;
			group_average(ds, year, (enum ak_area)a, p->codes, p->n, &g);
			struct ak_val v = r == 0 ? g.pooled : g.mean;
			bool said = v.present && (r == 0 ? g.n_pooled : g.n_mean) >= 2;
			struct tval *d = data + peer_area(a);
			row[1 + a] = (struct tcell){peer_area(a) + PA_RATE,
						    cells[r * 4 + 1 + (size_t)a]};
			d[PA_RATE] = said ? d_val(v) : tval_num(false, 0, 0);
			d[PA_REMANDED] = d[PA_CHANGED] = tval_num(false, 0, 0);
			d[PA_CASES] = tval_count(said && r == 0 ? g.cases : -1);
			d[PA_REVERSED] = tval_count(said && r == 0 ? g.reversed : -1);
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
		struct tcell row[4] = {text(cells[r * 4])};
		struct tval data[ND];
		data[PEER_CODE] = tval_num(true, code, 0);
		data[PEER_KOMMUNE] = tval_text(xstrdup(code == AK_NATIONAL_CODE ? "Danmark i alt"
						       : m			? m->name
										: ""));
		data[PEER_YEAR] = d_int(year);
		for (int a = 0; a < AREA_COUNT; a++) {
			struct ak_figures f;
			figures_at(t, ds, year, code, (enum ak_area)a, &f);
			struct tval *d = data + peer_area(a);
			row[1 + a] = (struct tcell){peer_area(a) + PA_RATE,
						    cells[r * 4 + 1 + (size_t)a]};
			d[PA_RATE] = d_val(f.rate);
			d[PA_REMANDED] = d_val(f.remanded_pct);
			d[PA_CHANGED] = d_val(f.changed_pct);
			d[PA_CASES] = tval_count(f.cases);
			d[PA_REVERSED] = tval_count(f.reversed);
		}
		tview_row(t, row, data);
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
	enum {
		F_CODE,
		F_KOMMUNE,
		F_YEAR,
		F_AREA,
		F_CASES,
		F_REVERSED,
		F_RATE,
		F_NATIONAL,
		F_P,
		F_LOWER_95,
		F_UPPER_95,
		F_LOWER_99_8,
		F_UPPER_99_8,
		F_POSITION,
		ND
	};
	_Static_assert(ND == sizeof dhead / sizeof dhead[0], "a value per data column");
	tview_data_head(t, dhead, ND);
	double p0 = fn->national / 100.0;
	for (size_t i = 0; i < fn->n; i++) {
		const struct funnel_point *p = &fn->points[i];
		const struct ak_municipality *m = dataset_muni(ds, p->code);
		struct funnel_limits l;
		funnel_limits(p->cases, p0, &l);
		bool nat = fn->has_national;
		tview_source(t, dataset_find(ds, fn->year, p->code, fn->area));
		tview_source(t, dataset_find(ds, fn->year, AK_NATIONAL_CODE, fn->area));
		struct tval v[ND] = {
			[F_CODE] = tval_num(true, p->code, 0),
			[F_KOMMUNE] = tval_text(xstrdup(m ? m->name : "")),
			[F_YEAR] = d_int(fn->year),
			[F_AREA] = tval_text(xstrdup(area_id(fn->area))),
			[F_CASES] = tval_count(p->cases),
			[F_REVERSED] = tval_count(p->reversed),
			[F_RATE] = tval_num(true, p->rate, 1),
			[F_NATIONAL] = tval_num(nat, fn->national, 1),
			[F_P] = nat ? (struct tval){p->p, 4, funnel_p_cell(p->p, true, false)}
				    : tval_num(false, 0, 0),
			[F_LOWER_95] = tval_num(nat, l.lo95, 2),
			[F_UPPER_95] = tval_num(nat, l.hi95, 2),
			[F_LOWER_99_8] = tval_num(nat, l.lo998, 2),
			[F_UPPER_99_8] = tval_num(nat, l.hi998, 2),
			[F_POSITION] = {(double)p->pos, 0, xstrdup(funnel_pos_id(p->pos))}};
		/* without a national rate no p and no limits: their cells sort
		 * as the dash they show */
		struct tcell cells[7] = {
			text(xstrdup(m ? m->name : "?")),
			shown(F_CASES),
			shown(F_REVERSED),
			shown(F_RATE),
			{F_P, nat ? funnel_p_cell(p->p, false, textfmt_decimal_comma())
				  : xstrdup(AK_NO_FIGURE)},
			{F_LOWER_95,
			 nat ? textfmt_localize(xasprintf("%.1f\xE2\x80\x93%.1f", l.lo95, l.hi95))
			     : xstrdup(AK_NO_FIGURE)},
			{F_POSITION, xstrdup(funnel_pos_short(p->pos))}};
		tview_row(t, cells, v);
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
