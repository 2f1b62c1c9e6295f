/* parreport.c - print --by paragraph (see parreport.h). */
#include "ankekort/output/parreport.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/funnel.h"
#include "ankekort/data/partable.h"
#include "ankekort/output/doc.h"
#include "ankekort/output/report.h"
#include "ankekort/output/peers.h"
#include "ankekort/output/tablepara.h"

enum col {
	P_YEAR,
	P_CODE,
	P_KOMMUNE,
	P_AREA,
	P_ROW,
	P_UNIT,
	P_LAW,
	P_PARAGRAPH,
	P_PARAGRAPHS,
	P_CASES,
	P_UPHELD,
	P_REMANDED,
	P_CHANGED,
	P_REVERSED,
	P_RATE,
	P_CI_LOW,
	P_CI_HIGH,
	P_NAT,
	P_EXCESS,
	P_P,
	P_PREV_YEAR,
	P_CHANGE,
	P_SOURCE,
	P_COUNT
};

_Static_assert(P_SOURCE == TABLES_PAR_COLUMNS, "print's columns are the view's, then the source");

static const char *const text_names[P_COUNT] = {N_("Year"),
						N_("Code"),
						N_("Municipality"),
						N_("Area"),
						"",
						N_("Unit"),
						N_("Law"),
						N_("Paragraph"),
						"",
						N_("Cases"),
						N_("Upheld"),
						N_("Remanded"),
						N_("Changed"),
						N_("Reversed"),
						N_("Rate %"),
						N_("95 % CI"),
						"",
						N_("National %"),
						N_("Above national"),
						N_("p (binom.)"),
						"",
						N_("Change pp"),
						N_("Source")};

static const char *const row_ids[] = {"paragraph", "unit", "other", "total", "rest"};

/* Columns shown to people: no ids, the interval as one column, the unit
 * only with units.csv, the source named below the table. */
static bool shown(int c, bool units)
{
	return c != P_CODE && c != P_ROW && c != P_PARAGRAPHS && c != P_CI_HIGH &&
	       c != P_PREV_YEAR && c != P_SOURCE && (c != P_UNIT || units);
}

static bool right_aligned(int c)
{
	return c >= P_CASES && c != P_SOURCE;
}

static char *count_cell(long v, bool dk)
{
	return tables_par_count(v, dk, "");
}

static char *num_cell(bool has, double v, bool dk, bool sign)
{
	return tables_par_num(has, v, sign, dk, "");
}

/* What the row is, for people: the paragraph as published, or a line of
 * the table's end. */
static const char *row_label(const struct partable *t, const struct partable_row *r)
{
	switch (r->kind) {
	case PARROW_PARAGRAPH: return r->par ? r->par->label : "";
	case PARROW_UNIT: return r->unit ? r->unit : _("No unit");
	case PARROW_OTHER: return _("Other paragraphs");
	case PARROW_TOTAL:
		return t->has_figure ? _("Total (the area figure)") : _("Total of the paragraphs");
	case PARROW_REST: return _("Rest: generelt outside the handicap maps");
	}
	return "";
}

static void fill(char **cell, const struct ak_dataset *ds, const struct partable *t,
		 const struct partable_row *r, bool csv)
{
	bool dk = !csv;
	const struct ak_municipality *m = dataset_muni(ds, t->code);
	cell[P_YEAR] = xasprintf("%d", t->year);
	cell[P_CODE] = xasprintf("%d", t->code);
	cell[P_KOMMUNE] = xstrdup(t->code == AK_NATIONAL_CODE && !csv ? peers_national_name()
				  : m				      ? m->name
								      : "?");
	cell[P_AREA] = xstrdup(csv ? area_id(t->area) : area_label(t->area));
	cell[P_ROW] = xstrdup(row_ids[r->kind]);
	cell[P_UNIT] = xstrdup(r->unit ? r->unit : "");
	const struct ak_par *p = r->par;
	cell[P_LAW] = xstrdup(p ? p->law : "");
	cell[P_PARAGRAPH] = xstrdup(csv && r->kind != PARROW_PARAGRAPH
					    ? (r->kind == PARROW_UNIT ? "" : row_ids[r->kind])
					    : row_label(t, r));
	cell[P_PARAGRAPHS] = xstrdup(p ? p->paragraphs : "");
	cell[P_CASES] = count_cell(r->cases, dk);
	cell[P_UPHELD] = count_cell(r->upheld, dk);
	cell[P_REMANDED] = count_cell(r->remanded, dk);
	cell[P_CHANGED] = count_cell(r->changed, dk);
	cell[P_REVERSED] = count_cell(r->reversed, dk);
	cell[P_RATE] = num_cell(r->has_rate, r->rate, dk, false);
	if (r->has_ci && !csv) {
		char lo[32], hi[32];
		textfmt_number(lo, sizeof lo, r->ci_low, 1, dk);
		textfmt_number(hi, sizeof hi, r->ci_high, 1, dk);
		cell[P_CI_LOW] = xasprintf("%s\xE2\x80\x93%s", lo, hi);
		cell[P_CI_HIGH] = xstrdup("");
	} else {
		cell[P_CI_LOW] = num_cell(r->has_ci, r->ci_low, dk, false);
		cell[P_CI_HIGH] = num_cell(r->has_ci, r->ci_high, dk, false);
	}
	cell[P_NAT] = num_cell(r->has_nat, r->nat_rate, dk, false);
	cell[P_EXCESS] = num_cell(r->has_excess, r->excess, dk, !csv);
	cell[P_P] = r->has_p ? funnel_p_cell(r->p, csv, dk) : xstrdup("");
	cell[P_PREV_YEAR] = r->has_prev ? xasprintf("%d", r->prev_year) : xstrdup("");
	cell[P_CHANGE] = num_cell(r->has_prev, r->change, dk, !csv);
	cell[P_SOURCE] = xstrdup(t->source ? t->source->text : "");
}

struct out_table {
	char **cells; /* rows * P_COUNT */
	size_t rows, tables;
	bool units;
	struct sbuf notes; /* what does not tie out, one line each */
	struct doc_sources sources;
};

static void add_table(struct out_table *o, const struct ak_dataset *ds, const struct partable *t,
		      bool csv)
{
	o->tables++;
	o->units |= t->by_unit;
	if (t->source)
		doc_sources_add(&o->sources, t->source);
	o->cells = xreallocarray(o->cells, (o->rows + t->n) * P_COUNT, sizeof *o->cells);
	for (size_t i = 0; i < t->n; i++)
		fill(o->cells + (o->rows + i) * P_COUNT, ds, t, &t->rows[i], csv);
	o->rows += t->n;
	const struct ak_municipality *m = dataset_muni(ds, t->code);
	if (!t->has_figure)
		sbuf_printf(&o->notes,
			    _("%s %d %s: no area figure is loaded to tie the paragraphs "
			      "out to\n"),
			    m ? m->name : "?", t->year, area_label(t->area));
	else if (!t->ties_out)
		sbuf_printf(
			&o->notes,
			_("%s %d %s: the paragraphs add up to more than the area figure (%s)\n"),
			m ? m->name : "?", t->year, area_label(t->area), t->mismatch);
}

static void write_csv(FILE *out, const struct out_table *o)
{
	for (int c = 0; c < P_COUNT; c++) /* the view's columns, then the source */
		fprintf(out, "%s%s", c ? "," : "",
			c < TABLES_PAR_COLUMNS ? tables_par_columns[c] : "source");
	fputc('\n', out);
	for (size_t r = 0; r < o->rows; r++) {
		for (int c = 0; c < P_COUNT; c++) {
			if (c)
				fputc(',', out);
			doc_csv_field(out, o->cells[r * P_COUNT + c]);
		}
		fputc('\n', out);
	}
}

static void write_doc(FILE *out, const struct out_table *o, enum report_format fmt)
{
	const char *head[P_COUNT];
	bool right[P_COUNT];
	size_t nc = 0;
	for (int c = 0; c < P_COUNT; c++)
		if (shown(c, o->units)) {
			right[nc] = right_aligned(c);
			head[nc++] = _(text_names[c]);
		}
	char **cells = xcalloc(o->rows * nc + 1, sizeof *cells);
	for (size_t r = 0; r < o->rows; r++)
		for (int c = 0, k = 0; c < P_COUNT; c++)
			if (shown(c, o->units))
				cells[r * nc + (size_t)k++] = o->cells[r * P_COUNT + c];
	struct doc d;
	doc_begin(&d, out, fmt);
	if (fmt == FORMAT_HTML)
		doc_heading(&d, 1, _("Reversal rates by paragraph"));
	struct doc_table dt = {
		.head = head, .ncols = nc, .cells = cells, .nrows = o->rows, .right = right};
	doc_table(&d, &dt);
	char *notes = xstrdup(sbuf_str(&o->notes));
	for (char *save = NULL, *line = strtok_r(notes, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		doc_para(&d, line);
	free(notes);
	doc_para(&d,
		 _("Above national: reversed cases beyond what the national rate of the same "
		   "paragraph gives for as many cases; p: the exact binomial test against it."));
	doc_write_sources(&d, &o->sources);
	doc_end(&d);
	free(cells);
}

size_t parreport_print(FILE *out, const struct ak_dataset *ds, const struct print_query *q)
{
	struct out_table o = {0};
	bool csv = q->format == FORMAT_CSV;
	for (size_t y = 0; y < ds->n_years; y++) {
		if (q->year && ds->years[y] != q->year)
			continue;
		for (size_t m = 0; m < ds->n_munis; m++) {
			int code = ds->munis[m].code;
			if (!report_wants(q, code) || !partable_any(ds, code, ds->years[y]))
				continue;
			for (int a = 0; a < AREA_COUNT; a++) {
				if (q->area >= 0 && a != q->area)
					continue;
				struct partable t;
				partable_build(ds, code, ds->years[y], (enum ak_area)a,
					       PARORDER_EXCESS, true, &t);
				if (t.n_pars)
					add_table(&o, ds, &t, csv);
				partable_free(&t);
			}
		}
	}
	if (o.tables && csv)
		write_csv(out, &o);
	else if (o.tables)
		write_doc(out, &o, q->format);
	for (size_t i = 0; i < o.rows * P_COUNT; i++)
		free(o.cells[i]);
	free(o.cells);
	sbuf_free(&o.notes);
	doc_sources_free(&o.sources);
	return o.tables;
}
