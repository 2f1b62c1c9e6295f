/* quartertable.c - year to date, the same quarters a year before and the
 * rolling four quarters, as a table. */
#include "ankekort/output/quartertable.h"
#include "ankekort/output/peers.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/quarters.h"
#include "ankekort/data/stats.h"

#define DASH "\xE2\x80\x93"

bool quartertable_latest(const struct ak_dataset *ds, int *year, int *quarter)
{
	int best = 0; /* year * 4 + quarter - 1 of the newest, 0: none */
	for (int a = 0; a < AREA_COUNT; a++) {
		int y, q;
		if (quarters_latest(ds, (enum ak_area)a, &y, &q) && y * 4 + q - 1 > best)
			best = y * 4 + q - 1;
	}
	if (!best)
		return false;
	*year = best / 4;
	*quarter = best % 4 + 1;
	return true;
}

char *quartertable_span(char *buf, size_t size, int y1, int q1, int y2, int q2)
{
	if (y1 == y2)
		snprintf(buf, size, q1 == q2 ? _("Q%d %d") : _("Q%d\xE2\x80\x93Q%d %d"), q1,
			 q1 == q2 ? y2 : q2, y2);
	else
		snprintf(buf, size, _("Q%d %d\xE2\x80\x93Q%d %d"), q1, y1, q2, y2);
	return buf;
}

/* "missing: Q2 2024, Q3 2024" */
static char *missing_text(const struct ak_qsum *s)
{
	struct sbuf b = {0};
	sbuf_puts(&b, _("missing: "));
	int first = s->from_year * 4 + s->from_q - 1, n = 0;
	for (int i = 0; i < 32; i++) {
		if (!(s->missing & 1u << i))
			continue;
		char q[32];
		int k = first + i;
		quartertable_span(q, sizeof q, k / 4, k % 4 + 1, k / 4, k % 4 + 1);
		sbuf_printf(&b, "%s%s", n++ ? ", " : "", q);
	}
	return sbuf_take(&b);
}

static void add_sources(struct tview *t, const struct ak_dataset *ds, int code, enum ak_area a,
			const struct ak_qsum *s)
{
	for (int k = s->from_year * 4 + s->from_q - 1; k <= s->to_year * 4 + s->to_q - 1; k++) {
		const struct ak_quarter *q = quarters_find(ds, k / 4, k % 4 + 1, code, a);
		if (q) {
			doc_sources_add(&t->row, &q->source);
			doc_sources_add(&t->sources, &q->source);
		}
	}
}

/* A row's values, in the order of the data columns (quartertable_build_many). */
enum {
	Q_CODE,
	Q_KOMMUNE,
	Q_AREA,
	Q_PERIOD,
	Q_FROM_YEAR,
	Q_FROM_QUARTER,
	Q_TO_YEAR,
	Q_TO_QUARTER,
	Q_CASES,
	Q_REVERSED,
	Q_RATE,
	Q_CI_LOW,
	Q_CI_HIGH,
	Q_MISSING,
	Q_TOO_FEW,
	Q_N
};

static void sum_row(struct tview *t, const struct ak_dataset *ds, int code, enum ak_area a,
		    const char *period, const char *period_id, const struct ak_qsum *s)
{
	const struct ak_municipality *m = dataset_muni(ds, code);
	char span[64];
	quartertable_span(span, sizeof span, s->from_year, s->from_q, s->to_year, s->to_q);
	bool known = !s->n_missing;
	struct tval v[Q_N] = {[Q_CODE] = tval_num(true, code, 0),
			      [Q_KOMMUNE] = tval_text(xstrdup(m ? m->name : "")),
			      [Q_AREA] = tval_text(xstrdup(area_id(a))),
			      [Q_PERIOD] = tval_text(xstrdup(period_id)),
			      [Q_FROM_YEAR] = tval_num(true, s->from_year, 0),
			      [Q_FROM_QUARTER] = tval_num(true, s->from_q, 0),
			      [Q_TO_YEAR] = tval_num(true, s->to_year, 0),
			      [Q_TO_QUARTER] = tval_num(true, s->to_q, 0),
			      [Q_CASES] = tval_count(known ? s->cases : -1),
			      [Q_REVERSED] = tval_count(known ? s->reversed : -1),
			      [Q_RATE] = tval_num(s->has_rate, s->rate, 1),
			      [Q_CI_LOW] = tval_num(s->has_rate, s->ci_low, 1),
			      [Q_CI_HIGH] = tval_num(s->has_rate, s->ci_high, 1),
			      [Q_MISSING] = tval_num(true, s->n_missing, 0),
			      [Q_TOO_FEW] = tval_num(true, s->too_few, 0)};
	struct tcell cells[8] = {{-1, xstrdup(area_label(a))},
				 {-1, xstrdup(code == AK_NATIONAL_CODE ? peers_national_name()
					      : m		       ? m->name
								       : "?")},
				 {-1, xstrdup(period)},
				 {-1, xstrdup(span)},
				 {Q_CASES, NULL},
				 {Q_REVERSED, NULL},
				 /* without a rate: why not, in its place */
				 {Q_RATE, s->has_rate  ? NULL
					  : s->too_few ? xstrdup(_("too few cases to say anything"))
						       : missing_text(s)},
				 {-1, s->has_rate
					      ? textfmt_localize(xasprintf("%.1f" DASH "%.1f",
									   s->ci_low, s->ci_high))
					      : xstrdup(AK_NO_FIGURE)}};
	add_sources(t, ds, code, a, s);
	tview_row(t, cells, v);
}

static bool has_quarters(const struct ak_dataset *ds, int code, enum ak_area a)
{
	for (size_t i = 0; i < ds->n_quarters; i++)
		if (ds->quarters[i].area == a && ds->quarters[i].code == code)
			return true;
	return false;
}

/* The rows of one area: each municipality of codes[0..n), then the nation,
 * each where it has quarters. */
static void area_rows(struct tview *t, const struct ak_dataset *ds, const int *codes, size_t n,
		      enum ak_area a, int year, int quarter, const char *before)
{
	for (size_t k = 0; k <= n; k++) {
		int code = k < n ? codes[k] : AK_NATIONAL_CODE;
		if ((k < n && code == AK_NATIONAL_CODE) || !has_quarters(ds, code, a))
			continue;
		struct ak_qsum now, prev, roll;
		quarters_ytd(ds, code, a, year, quarter, &now, &prev);
		quarters_rolling(ds, code, a, year, quarter, &roll);
		sum_row(t, ds, code, a, _("Year to date"), "ytd", &now);
		sum_row(t, ds, code, a, before, "ytd_year_before", &prev);
		sum_row(t, ds, code, a, _("Rolling four quarters"), "rolling4", &roll);
	}
}

/* " No quarterly figures are loaded for Aarhus, Syddjurs.": the asked-for
 * municipalities that have none in the areas shown, so that a table of the
 * nation's rows alone is never taken for theirs. */
static void say_without(struct sbuf *note, const struct ak_dataset *ds, const int *codes, size_t n,
			int area)
{
	struct sbuf names = {0};
	for (size_t k = 0; k < n; k++) {
		bool any = false;
		for (int a = 0; a < AREA_COUNT && !any; a++)
			any = (area < 0 || a == area) &&
			      has_quarters(ds, codes[k], (enum ak_area)a);
		const struct ak_municipality *m = dataset_muni(ds, codes[k]);
		if (!any && codes[k] != AK_NATIONAL_CODE)
			sbuf_printf(&names, "%s%s", names.len ? ", " : "", m ? m->name : "?");
	}
	if (names.len)
		sbuf_printf(note, _(" No quarterly figures are loaded for %s."), sbuf_str(&names));
	sbuf_free(&names);
}

void quartertable_build_many(const struct ak_dataset *ds, const int *codes, size_t n, int area,
			     int year, int quarter, struct tview *t)
{
	const char *head[8] = {_("Area"),  _("Municipality"), _("Period"), _("Quarters"),
			       _("Cases"), _("Reversed"),     _("Rate %"), _("95 % CI")};
	const bool right[8] = {false, false, false, false, true, true, true, true};
	static const char *const dhead[] = {"code",	"kommune",	    "area",
					    "period",	"from_year",	    "from_quarter",
					    "to_year",	"to_quarter",	    "cases",
					    "reversed", "rate_pct",	    "ci_low",
					    "ci_high",	"missing_quarters", "too_few_cases"};
	const struct ak_municipality *m = n == 1 ? dataset_muni(ds, codes[0]) : NULL;
	char asof[32];
	quartertable_span(asof, sizeof asof, year, quarter, year, quarter);
	char *title = n == 1 ? xasprintf(_("Quarters, %s as of %s (preliminary; the June map is "
					   "the reference)"),
					 m ? m->name : "?", asof)
			     : xasprintf(_("Quarters as of %s (preliminary; the June map is the "
					   "reference)"),
					 asof);
	tview_start(t, title, head, right, 8);
	t->keep = 2;
	_Static_assert(Q_N == sizeof dhead / sizeof dhead[0], "a value per data column");
	tview_data_head(t, dhead, Q_N);
	char before[64];
	snprintf(before, sizeof before, _("Same quarters %d"), year - 1);
	for (int a = 0; a < AREA_COUNT; a++)
		if (area < 0 || a == area)
			area_rows(t, ds, codes, n, (enum ak_area)a, year, quarter, before);
	struct sbuf note = {0};
	sbuf_puts(
		&note,
		_("Preliminary: quarterly counts as imported (quarters.csv); the June map is the "
		  "reference, and figures worked out later may differ from it. A sum is made only "
		  "when every quarter in it has counts; below 10 cases there is no rate."));
	say_without(&note, ds, codes, n, area);
	t->note = sbuf_take(&note);
}

void quartertable_build(const struct ak_dataset *ds, int code, int area, int year, int quarter,
			struct tview *t)
{
	quartertable_build_many(ds, &code, 1, area, year, quarter, t);
}

void quartertable_view(const struct ak_dataset *ds, int code, struct tview *t)
{
	int year, quarter;
	if (quartertable_latest(ds, &year, &quarter)) {
		quartertable_build(ds, code, -1, year, quarter, t);
		return;
	}
	const char *head[1] = {_("Quarters")};
	const bool right[1] = {false};
	tview_start(t,
		    xstrdup(_("Quarters (preliminary; the June map is the reference): none "
			      "loaded")),
		    head, right, 1);
	t->note =
		xstrdup(_("No quarterly figures are loaded: import a quarterly table from "
			  "Statistikbanken (periods such as 2025K1) or the Talportal (\"2025 - 1. "
			  "kvartal\"); its quarters are kept in quarters.csv (docs/IMPORT.md)."));
}
