/* quarters.c - quarters.csv, and the quarterly sums: year to date and a
 * rolling four quarters. */
#include "ankekort/data/quarters.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/xalloc.h"
#include "ankekort/data/csvtable.h"
#include "ankekort/data/stats.h"

/* ---- reading quarters.csv ------------------------------------------------------ */

enum {
	QC_YEAR,
	QC_QUARTER,
	QC_CODE,
	QC_KOMMUNE,
	QC_AREA,
	QC_CASES,
	QC_UPHELD,
	QC_REMANDED,
	QC_CHANGED,
	QC_REVERSED,
	QC_DISMISSED,
	QC_SOURCE,
	QC_SOURCE_KIND,
	QC_SOURCE_DATE,
	QC_SOURCE_URL,
	QC_NOTE,
	QC_COUNT
};

static const struct colspec quarter_cols[QC_COUNT] = {
	[QC_YEAR] = {"year", true},
	[QC_QUARTER] = {"quarter", true},
	[QC_CODE] = {"code", true},
	[QC_KOMMUNE] = {"kommune", false},
	[QC_AREA] = {"area", true},
	[QC_CASES] = {"cases", false},
	[QC_UPHELD] = {"upheld", false},
	[QC_REMANDED] = {"remanded", false},
	[QC_CHANGED] = {"changed", false},
	[QC_REVERSED] = {"reversed", false},
	[QC_DISMISSED] = {"dismissed", false},
	[QC_SOURCE] = {"source", true},
	[QC_SOURCE_KIND] = {"source_kind", true},
	[QC_SOURCE_DATE] = {"source_date", false},
	[QC_SOURCE_URL] = {"source_url", false},
	[QC_NOTE] = {"note", false},
};

static void quarter_row(struct table *t, const struct csv_row *row)
{
	struct ak_quarter q = {.path = t->path, .line = row->line};
	q.year = tbl_get_year(t, row, QC_YEAR);
	const char *qs = tbl_field(t, row, QC_QUARTER);
	if (strlen(qs) == 1 && qs[0] >= '1' && qs[0] <= '4')
		q.quarter = qs[0] - '0';
	else
		tbl_bad_value(t, row, QC_QUARTER, "a quarter from 1 to 4");
	q.code = tbl_get_code(t, row, QC_CODE);
	if (!area_parse(tbl_field(t, row, QC_AREA), &q.area))
		tbl_bad_value(t, row, QC_AREA, "generelt, boernehandicap or voksenhandicap");
	q.cases = tbl_get_count(t, row, QC_CASES);
	q.upheld = tbl_get_count(t, row, QC_UPHELD);
	q.remanded = tbl_get_count(t, row, QC_REMANDED);
	q.changed = tbl_get_count(t, row, QC_CHANGED);
	q.reversed = tbl_get_count(t, row, QC_REVERSED);
	q.dismissed = tbl_get_count(t, row, QC_DISMISSED);
	q.note = tbl_get_text(t, row, QC_NOTE);
	tbl_get_source(t, row, QC_SOURCE, QC_SOURCE_KIND, QC_SOURCE_DATE, QC_SOURCE_URL, &q.source);
	if (t->row_bad) {
		ak_quarter_free(&q);
		return;
	}
	struct ak_dataset *ds = t->ds;
	for (size_t i = 0; i < ds->n_quarters; i++) {
		const struct ak_quarter *o = &ds->quarters[i];
		if (o->path == q.path && o->year == q.year && o->quarter == q.quarter &&
		    o->code == q.code && o->area == q.area &&
		    !strcmp(o->source.text, q.source.text)) {
			diag_add(t->diags, DIAG_ERROR, t->path, row->line, 1,
				 "expected one row per quarter, municipality, area and source, "
				 "found a second one (first on line %d)",
				 o->line);
			t->res->skipped_rows++;
			ak_quarter_free(&q);
			return;
		}
	}
	if (ds->n_quarters == ds->cap_quarters) {
		ds->cap_quarters = ds->cap_quarters ? ds->cap_quarters * 2 : 64;
		ds->quarters = xreallocarray(ds->quarters, ds->cap_quarters, sizeof *ds->quarters);
	}
	ds->quarters[ds->n_quarters++] = q;
}

void quarters_load(struct ak_dataset *ds, const char *path, const char *buf, size_t len,
		   const char *display, struct diag_list *diags, struct load_result *res)
{
	struct table t = {.ds = ds,
			  .path = tbl_register_file(ds, display),
			  .diags = diags,
			  .res = res,
			  .cols = quarter_cols,
			  .ncols = QC_COUNT,
			  .row_fn = quarter_row};
	tbl_read_table(&t, path, buf, len);
}

/* ---- the sums ------------------------------------------------------------------- */

const struct ak_quarter *quarters_find(const struct ak_dataset *ds, int year, int quarter, int code,
				       enum ak_area area)
{
	const struct ak_quarter *best = NULL;
	for (size_t i = 0; i < ds->n_quarters; i++) {
		const struct ak_quarter *q = &ds->quarters[i];
		if (q->year != year || q->quarter != quarter || q->code != code || q->area != area)
			continue;
		if (!best || strcmp(q->source.date, best->source.date) > 0)
			best = q;
	}
	return best;
}

bool quarters_latest(const struct ak_dataset *ds, enum ak_area area, int *year, int *quarter)
{
	int best = 0;
	for (size_t i = 0; i < ds->n_quarters; i++) {
		const struct ak_quarter *q = &ds->quarters[i];
		int k = q->year * 4 + q->quarter - 1;
		if (q->area == area && k > best)
			best = k;
	}
	if (!best)
		return false;
	*year = best / 4;
	*quarter = best % 4 + 1;
	return true;
}

void quarters_counts(const struct ak_quarter *q, long *cases, long *reversed)
{
	*reversed = q->reversed.present ? (long)q->reversed.value
		    : q->remanded.present && q->changed.present
			    ? (long)(q->remanded.value + q->changed.value)
			    : -1;
	*cases = q->cases.present		       ? (long)q->cases.value
		 : *reversed >= 0 && q->upheld.present ? (long)q->upheld.value + *reversed
						       : -1;
}

void quarters_step_back(int year, int quarter, int back, int *y, int *q)
{
	int k = year * 4 + quarter - 1 - back;
	*y = k / 4;
	*q = k % 4 + 1;
}

void quarters_sum(const struct ak_dataset *ds, int code, enum ak_area area, int y1, int q1, int y2,
		  int q2, struct ak_qsum *out)
{
	memset(out, 0, sizeof *out);
	out->from_year = y1;
	out->from_q = q1;
	out->to_year = y2;
	out->to_q = q2;
	int first = y1 * 4 + q1 - 1, last = y2 * 4 + q2 - 1;
	for (int k = first; k <= last && k - first < 32; k++) {
		const struct ak_quarter *q = quarters_find(ds, k / 4, k % 4 + 1, code, area);
		long c = -1, r = -1;
		if (q)
			quarters_counts(q, &c, &r);
		if (c < 0 || r < 0) {
			out->missing |= 1u << (k - first);
			out->n_missing++;
			continue;
		}
		out->cases += c;
		out->reversed += r;
	}
	if (out->n_missing) {
		out->cases = out->reversed = -1;
		return;
	}
	if (out->cases < QUARTERS_MIN_CASES) {
		out->too_few = true;
		return;
	}
	out->has_rate = true;
	out->rate = stats_pct(out->reversed, out->cases);
	stats_wilson(out->reversed, out->cases, 1.959964, &out->ci_low, &out->ci_high);
}

void quarters_ytd(const struct ak_dataset *ds, int code, enum ak_area area, int year, int quarter,
		  struct ak_qsum *now, struct ak_qsum *before)
{
	quarters_sum(ds, code, area, year, 1, year, quarter, now);
	quarters_sum(ds, code, area, year - 1, 1, year - 1, quarter, before);
}

void quarters_rolling(const struct ak_dataset *ds, int code, enum ak_area area, int year,
		      int quarter, struct ak_qsum *out)
{
	int y, q;
	quarters_step_back(year, quarter, 3, &y, &q);
	quarters_sum(ds, code, area, y, q, year, quarter, out);
}
