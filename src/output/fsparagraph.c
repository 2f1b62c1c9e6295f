/* fsparagraph.c - the fact sheet's paragraph and unit tables (see
 * fsparagraph.h). */
#include "ankekort/output/fsparagraph.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/funnel.h"
#include "ankekort/data/parload.h"
#include "ankekort/data/partable.h"
#include "ankekort/data/stats.h"
#include "ankekort/output/doc.h"
#include "ankekort/output/tablepara.h"

enum { F_PAR, F_CASES, F_REVERSED, F_RATE, F_NAT, F_EXCESS, F_P, F_COUNT };

static const char *const heads[F_COUNT] = {N_("Paragraph"), N_("Cases"),      N_("Reversed"),
					   N_("Rate %"),    N_("National %"), N_("Above national"),
					   N_("p (binom.)")};

static char *count_text(long v)
{
	return tables_par_count(v, i18n_danish(), AK_NO_FIGURE);
}

static char *num_text(bool has, double v, bool sign)
{
	return tables_par_num(has, v, sign, i18n_danish(), AK_NO_FIGURE);
}

static void row_cells(char **c, const char *label, const struct partable_row *r)
{
	c[F_PAR] = xstrdup(label);
	c[F_CASES] = count_text(r->cases);
	c[F_REVERSED] = count_text(r->reversed);
	c[F_RATE] = num_text(r->has_rate, r->rate, false);
	c[F_NAT] = num_text(r->has_nat, r->nat_rate, false);
	c[F_EXCESS] = num_text(r->has_excess, r->excess, true);
	c[F_P] = r->has_p ? funnel_p_cell(r->p, false, i18n_danish()) : xstrdup(AK_NO_FIGURE);
}

/* The paragraphs after the first FSPARAGRAPH_TOP, summed (a count any
 * of them lacks is unknown); their number into *n. */
static void sum_rest(const struct partable *t, struct partable_row *sum, size_t *n)
{
	long acc[5] = {0};
	*n = 0;
	for (size_t i = FSPARAGRAPH_TOP; i < t->n_pars; i++, (*n)++) {
		const struct partable_row *r = &t->rows[i];
		const long pv[5] = {r->cases, r->upheld, r->remanded, r->changed, r->reversed};
		for (int m = 0; m < 5; m++)
			acc[m] = acc[m] < 0 || pv[m] < 0 ? -1 : acc[m] + pv[m];
	}
	*sum = (struct partable_row){.kind = PARROW_OTHER,
				     .cases = acc[0],
				     .upheld = acc[1],
				     .remanded = acc[2],
				     .changed = acc[3],
				     .reversed = acc[4]};
	if (sum->cases > 0 && sum->reversed >= 0) {
		sum->has_rate = true;
		sum->rate = stats_pct(sum->reversed, sum->cases);
	}
}

/* Whether column c has anything but dashes (a column of dashes is left out). */
static bool col_used(char **cells, size_t rows, int c)
{
	for (size_t r = 0; r < rows; r++)
		if (strcmp(cells[r * F_COUNT + (size_t)c], AK_NO_FIGURE) != 0)
			return true;
	return false;
}

static void write_table(struct sheet *s, char **cells, size_t rows)
{
	const char *head[F_COUNT];
	bool right[F_COUNT];
	size_t nc = 0;
	int cols[F_COUNT] = {0};
	for (int c = 0; c < F_COUNT; c++)
		if (c == F_PAR || col_used(cells, rows, c)) {
			cols[nc] = c;
			right[nc] = c != F_PAR;
			head[nc++] = _(heads[c]);
		}
	char **shown = xcalloc(rows * nc + 1, sizeof *shown);
	for (size_t r = 0; r < rows; r++)
		for (size_t k = 0; k < nc; k++)
			shown[r * nc + k] = cells[r * F_COUNT + (size_t)cols[k]];
	struct doc_table dt = {
		.head = head, .ncols = nc, .cells = shown, .nrows = rows, .right = right};
	doc_table(&s->doc, &dt);
	free(shown);
}

/* The total's rate as the area figure shows it ("40" as published, not
 * 40.3 from its counts). */
static void total_rate(const struct sheet *s, enum ak_area area, char **c)
{
	const struct ak_obs *o = dataset_find(s->ds, s->year, s->code, area);
	struct ak_figures f;
	char buf[32];
	if (!o)
		return;
	stats_figures_in(s->ds, o, &f);
	free(c[F_RATE]);
	c[F_RATE] = f.rate.present ? xstrdup(stats_val_text(buf, sizeof buf, f.rate, ""))
				   : xstrdup(AK_NO_FIGURE);
}

/* Which §§ the maps cover (the area rules): what the rest under generelt
 * leaves out, or what the handicap map shown counts. */
static void maps_cover(struct sheet *s, enum ak_area area)
{
	struct sbuf b = {0}, v = {0};
	char *line = NULL;
	if (area == AREA_GENERELT) {
		par_area_rules_text(s->ds, AREA_BOERNEHANDICAP, s->year, &b);
		par_area_rules_text(s->ds, AREA_VOKSENHANDICAP, s->year, &v);
		if (b.len && v.len)
			line = xasprintf(
				_("Rest: the general map less the paragraphs of the handicap "
				  "maps (%s: %s; %s: %s)."),
				area_label(AREA_BOERNEHANDICAP), sbuf_str(&b),
				area_label(AREA_VOKSENHANDICAP), sbuf_str(&v));
	} else {
		par_area_rules_text(s->ds, area, s->year, &b);
		if (b.len)
			line = xasprintf(_("The %s map covers %s."), area_label(area),
					 sbuf_str(&b));
	}
	if (line)
		doc_para(&s->doc, line);
	free(line);
	sbuf_free(&b);
	sbuf_free(&v);
}

static void paragraph_table(struct sheet *s, enum ak_area area)
{
	struct partable t;
	partable_build(s->ds, s->code, s->year, area, PARORDER_EXCESS, false, &t);
	if (!t.n_pars) {
		partable_free(&t);
		return;
	}
	char *title = xasprintf(_("Reversed cases by paragraph, %s %d"), area_label(area), s->year);
	doc_heading(&s->doc, 2, title);
	free(title);
	/* one paragraph more is shown, not summed */
	size_t top = t.n_pars <= FSPARAGRAPH_TOP + 1 ? t.n_pars : FSPARAGRAPH_TOP, rest = 0;
	char **cells = xcalloc((t.n + 2) * F_COUNT, sizeof *cells);
	size_t rows = 0;
	for (size_t i = 0; i < top; i++)
		row_cells(cells + rows++ * F_COUNT, t.rows[i].par->label, &t.rows[i]);
	struct partable_row sum;
	if (top < t.n_pars)
		sum_rest(&t, &sum, &rest);
	if (rest) {
		char *label = xasprintf(ngettext("%zu more paragraph", "%zu more paragraphs", rest),
					rest);
		row_cells(cells + rows++ * F_COUNT, label, &sum);
		free(label);
	}
	for (size_t i = t.n_pars; i < t.n; i++) {
		const struct partable_row *r = &t.rows[i];
		const char *label = r->kind == PARROW_OTHER ? _("Other paragraphs")
				    : r->kind == PARROW_TOTAL
					    ? _("Total (the area figure)")
					    : _("Rest: generelt outside the handicap maps");
		if (r->kind == PARROW_TOTAL && !t.has_figure)
			label = _("Total of the paragraphs");
		row_cells(cells + rows * F_COUNT, label, r);
		if (r->kind == PARROW_TOTAL && t.has_figure)
			total_rate(s, area, cells + rows * F_COUNT);
		rows++;
	}
	write_table(s, cells, rows);
	for (size_t i = 0; i < rows * F_COUNT; i++)
		free(cells[i]);
	free(cells);
	if (t.has_figure && !t.ties_out) {
		char *line = xasprintf(
			_("The paragraphs add up to more than the area figure (%s)."), t.mismatch);
		doc_para(&s->doc, line);
		free(line);
	}
	maps_cover(s, area);
	if (t.source) {
		/* one source: the plural entry fsyears.c shares (a msgid is
		 * one entry, with its plural or without) */
		char *line = xasprintf(ngettext("Source: %s.", "Sources: %s.", 1), t.source->text);
		doc_para(&s->doc, line);
		free(line);
	}
	partable_free(&t);
}

/* "§§ 52, stk. 3 og 55 (2), § 71 (5)": a unit's paragraphs with their
 * reversed cases, as the source lists them. */
static char *unit_pars(const struct partable *t, size_t from, size_t to)
{
	struct sbuf b = {0};
	for (size_t i = from; i < to; i++) {
		const struct partable_row *r = &t->rows[i];
		char n[32];
		sbuf_printf(&b, "%s%s (%s)", b.len ? ", " : "", r->par->label,
			    r->reversed < 0 ? AK_NO_FIGURE
					    : textfmt_number(n, sizeof n, (double)r->reversed, 0,
							     i18n_danish()));
	}
	return sbuf_take(&b);
}

static void unit_table(struct sheet *s)
{
	struct partable t;
	partable_build(s->ds, s->code, s->year, AREA_GENERELT, PARORDER_FILE, true, &t);
	if (!t.n_pars || !t.by_unit) {
		partable_free(&t);
		return;
	}
	doc_heading(&s->doc, 2, _("Reversed cases by administrative unit and paragraph"));
	const char *head[3] = {_("Unit"), _("Reversed"), _("Paragraphs (cases)")};
	const bool right[3] = {false, true, false};
	char **cells = xcalloc(t.n * 3 + 1, sizeof *cells);
	size_t rows = 0;
	for (size_t i = 0; i < t.n; i++) {
		const struct partable_row *u = &t.rows[i];
		if (u->kind != PARROW_UNIT)
			continue;
		size_t end = i + 1;
		while (end < t.n && t.rows[end].kind == PARROW_PARAGRAPH)
			end++;
		cells[rows * 3] = xstrdup(u->unit ? u->unit : _("No unit"));
		cells[rows * 3 + 1] = count_text(u->reversed);
		cells[rows * 3 + 2] = unit_pars(&t, i + 1, end);
		rows++;
	}
	struct doc_table dt = {
		.head = head, .ncols = 3, .cells = cells, .nrows = rows, .right = right};
	doc_table(&s->doc, &dt);
	for (size_t i = 0; i < rows * 3; i++)
		free(cells[i]);
	free(cells);
	doc_para(&s->doc,
		 _("The units are those units.csv in your data assigns the paragraphs to."));
	partable_free(&t);
}

void fsparagraph_write(struct sheet *s)
{
	enum ak_area area = s->area >= 0 ? (enum ak_area)s->area : AREA_GENERELT;
	if (!partable_any(s->ds, s->code, s->year))
		return;
	paragraph_table(s, area);
	if (area == AREA_GENERELT)
		unit_table(s);
}
