/* fscompare.c - the fact sheet's comparisons: the peers of the newest year
 * (only the rows and columns with a figure, a note they all have said once
 * as the caption; in a workbook a number a column) and the trend over the
 * years the municipality has a figure in. */
#include "ankekort/output/fscompare.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/facts.h"
#include "ankekort/data/stats.h"
#include "ankekort/output/doc.h"
#include "ankekort/output/figtext.h"
#include "ankekort/output/format.h"
#include "ankekort/output/fsevents.h"
#include "ankekort/output/peers.h"

/* ---- peers ------------------------------------------------------------------- */

static bool row_has_figure(char **row)
{
	for (int a = 0; a < AREA_COUNT; a++)
		if (strcmp(row[1 + a], AK_NO_FIGURE) != 0)
			return true;
	return false;
}

/* Leaves out the peers without a figure in any area (the municipality
 * itself and the national row stay) and the areas nobody has a figure
 * for or --area left out; returns the cells kept (rows * *ncols). */
static char **kept_cells(struct sheet *s, const struct peer_set *p, char **cells, size_t rows,
			 size_t *nrows, size_t *ncols, const char **head, size_t *dropped)
{
	bool col[1 + AREA_COUNT] = {true};
	*ncols = 1;
	for (int a = 0; a < AREA_COUNT; a++) {
		for (size_t r = 0; r < rows && !col[1 + a]; r++)
			col[1 + a] = strcmp(cells[r * 4 + 1 + a], AK_NO_FIGURE) != 0;
		col[1 + a] = col[1 + a] && sheet_area_on(s, (enum ak_area)a);
		if (col[1 + a])
			head[(*ncols)++] = area_label((enum ak_area)a);
	}
	char **out = xcalloc(rows * 4 + 1, sizeof *out);
	*nrows = 0;
	*dropped = 0;
	for (size_t r = 0; r < rows; r++) {
		bool average = r >= p->n && r + 1 < rows;
		bool own = r + 1 >= rows || (r < p->n && p->codes[r] == s->code);
		if (!own && !row_has_figure(cells + r * 4)) {
			*dropped += !average; /* municipalities */
			continue;
		}
		for (size_t c = 0, k = 0; c < 4; c++)
			if (col[c])
				out[*nrows * *ncols + k++] = xstrdup(cells[r * 4 + c]);
		(*nrows)++;
	}
	return out;
}

static void borrowed_splits(struct sheet *s, const struct peer_set *p)
{
	/* a split borrowed from another source says so, with the source */
	for (size_t r = 0; r <= p->n; r++) {
		int code = r < p->n ? p->codes[r] : AK_NATIONAL_CODE;
		for (int a = 0; a < AREA_COUNT; a++) {
			const struct ak_facts *x =
				facts_find(s->ds, s->year, code, (enum ak_area)a);
			if (!x || !x->split_from || !sheet_area_on(s, (enum ak_area)a))
				continue;
			sheet_used(s, x->split_from);
			const struct ak_municipality *m = dataset_muni(s->ds, code);
			char *line =
				figtext_split_from(x, FIGTEXT_NOTE,
						   code == AK_NATIONAL_CODE ? peers_national_name()
						   : m			    ? m->name
									    : "?");
			doc_para(&s->doc, line);
			free(line);
		}
	}
}

/* The areas as the ministry names its maps, the committee papers' column
 * heads (--cells papers). */
static const char *const map_heads[AREA_COUNT] = {
	N_("Social area \xE2\x80\x93 general (reversal rate)"),
	N_("Disability \xE2\x80\x93 children (reversal rate)"),
	N_("Disability \xE2\x80\x93 adults (reversal rate)")};

/* The rows of the peer table with a figure (the national last), and
 * their labels (caller frees); returns how many. */
static size_t peer_rows(struct sheet *s, const struct peer_set *p, const struct ak_obs **rows,
			char **labels, size_t max)
{
	size_t n = 0;
	for (size_t r = 0; r <= p->n; r++) {
		int code = r < p->n ? p->codes[r] : AK_NATIONAL_CODE;
		const struct ak_municipality *m = dataset_muni(s->ds, code);
		for (int a = 0; a < AREA_COUNT && n < max; a++) {
			struct ak_figures f;
			if (!sheet_area_on(s, (enum ak_area)a) ||
			    !cell_figures(s->ds, s->year, code, (enum ak_area)a, &f))
				continue;
			rows[n] = dataset_find(s->ds, s->year, code, (enum ak_area)a);
			if (labels)
				labels[n] =
					xasprintf("%s: %s",
						  code == AK_NATIONAL_CODE ? peers_national_name()
						  : m			   ? m->name
									   : "?",
						  area_label((enum ak_area)a));
			n++;
		}
	}
	return n;
}

#define MAX_PEER_ROWS (100 * AREA_COUNT)

const char *fscompare_caption(struct sheet *s, const struct peer_set *p)
{
	const struct ak_obs *rows[MAX_PEER_ROWS];
	size_t n = peer_rows(s, p, rows, NULL, MAX_PEER_ROWS);
	if (n == 0 || !rows[0]->note[0])
		return NULL;
	for (size_t i = 1; i < n; i++)
		if (strcmp(rows[i]->note, rows[0]->note) != 0)
			return NULL;
	return rows[0]->note;
}

/* A column of the workbook's peer table: an area's rate, remanded or
 * changed share (with its count), or its cases. */
#define WB_PER_AREA 4

static struct doc_num wb_share(struct ak_val v, long count)
{
	struct doc_num n = {.count = -1};
	if (v.present)
		n = (struct doc_num){.kind = DOC_NUM_PCT,
				     .value = v.value,
				     .decimals = stats_shown_decimals(v),
				     .count = count};
	return n;
}

/* The peer table in a workbook: every share and count a number of its
 * own, not the text "40 (27 / 13), 31 af 77". */
static void workbook_peers(struct sheet *s, const struct peer_set *p)
{
	bool on[AREA_COUNT] = {false};
	size_t ncols = 1, nrows = 0, rows = p->n + 1;
	for (int a = 0; a < AREA_COUNT; a++) {
		struct ak_figures f;
		for (size_t r = 0; r < rows && !on[a]; r++)
			on[a] = sheet_area_on(s, (enum ak_area)a) &&
				cell_figures(s->ds, s->year,
					     r < p->n ? p->codes[r] : AK_NATIONAL_CODE,
					     (enum ak_area)a, &f);
		ncols += on[a] ? WB_PER_AREA : 0;
	}
	const char **head = xcalloc(ncols, sizeof *head);
	char **owned = xcalloc(ncols, sizeof *owned);
	char **cells = xcalloc(rows * ncols, sizeof *cells);
	struct doc_num *nums = xcalloc(rows * ncols, sizeof *nums);
	head[0] = _("Municipality");
	for (int a = 0, c = 1; a < AREA_COUNT; a++) {
		if (!on[a])
			continue;
		const char *name = area_label((enum ak_area)a);
		owned[c] = xstrdup(name);
		owned[c + 1] = xasprintf(_("%s: remanded"), name);
		owned[c + 2] = xasprintf(_("%s: changed"), name);
		owned[c + 3] = xasprintf(_("%s: cases"), name);
		for (int k = 0; k < WB_PER_AREA; k++, c++)
			head[c] = owned[c];
	}
	for (size_t r = 0; r < rows; r++) {
		int code = r < p->n ? p->codes[r] : AK_NATIONAL_CODE;
		const struct ak_municipality *m = dataset_muni(s->ds, code);
		char **row = cells + nrows * ncols;
		struct doc_num *num = nums + nrows * ncols;
		bool any = false;
		for (int a = 0, c = 1; a < AREA_COUNT; a++) {
			struct ak_figures f;
			if (!on[a])
				continue;
			if (cell_figures(s->ds, s->year, code, (enum ak_area)a, &f)) {
				any = true;
				num[c] = wb_share(f.rate, f.reversed);
				num[c + 1] = wb_share(f.remanded_pct, f.remanded);
				num[c + 2] = wb_share(f.changed_pct, f.changed);
				if (f.cases >= 0)
					num[c + 3] = (struct doc_num){.kind = DOC_NUM_PLAIN,
								      .value = (double)f.cases};
			}
			c += WB_PER_AREA;
		}
		bool own = code == s->code || code == AK_NATIONAL_CODE;
		if (!any && !own)
			continue;
		row[0] = xstrdup(code == AK_NATIONAL_CODE ? peers_national_name()
				 : m			  ? m->name
							  : "?");
		for (size_t c = 1; c < ncols; c++)
			row[c] = xstrdup(AK_NO_FIGURE); /* a number, or the dash: empty */
		nrows++;
	}
	struct doc_table t = {
		.head = head, .ncols = ncols, .cells = cells, .nrows = nrows, .nums = nums};
	doc_table(&s->doc, &t);
	for (size_t i = 0; i < nrows * ncols; i++)
		free(cells[i]);
	for (size_t c = 0; c < ncols; c++)
		free(owned[c]);
	free(cells);
	free(nums);
	free(owned);
	free(head);
}

/* The peers' cells with the group's averages between the peers and the
 * nation (peers_average_cells); *any: an average has a figure. Not in the
 * committee papers' table (--cells papers): that is the paper's, cell for
 * cell. */
static size_t with_averages(struct sheet *s, const struct peer_set *p, char ***all, bool *counted,
			    bool *any)
{
	char **peers, **avg = NULL;
	size_t rows = factsheet_peer_cells(s->ds, p, s->year, s->style, &peers, counted);
	size_t n_avg = s->style == CELLS_PAPERS ? 0 : peers_average_cells(s->ds, p, s->year, &avg);
	*all = xcalloc((rows + n_avg) * 4, sizeof **all);
	memcpy(*all, peers, (rows - 1) * 4 * sizeof **all);
	if (n_avg)
		memcpy(*all + (rows - 1) * 4, avg, n_avg * 4 * sizeof **all);
	memcpy(*all + (rows - 1 + n_avg) * 4, peers + (rows - 1) * 4, 4 * sizeof **all);
	*any = false;
	for (size_t r = 0; r < n_avg; r++)
		*any = *any || row_has_figure(avg + r * 4);
	free(peers);
	free(avg);
	return rows + n_avg;
}

/* What the two averages are, under the table. */
static void averages_said(struct sheet *s)
{
	doc_para(&s->doc, peers_averages_said());
}

void fscompare_peers(struct sheet *s, const struct peer_set *p)
{
	const char *head[4] = {_("Municipality")};
	char **all;
	bool counted, averages;
	size_t rows = with_averages(s, p, &all, &counted, &averages);
	/* the sources of the figures shown, and of counts taken from another */
	for (size_t r = 0; r <= p->n; r++)
		for (int a = 0; a < AREA_COUNT; a++) {
			int code = r < p->n ? p->codes[r] : AK_NATIONAL_CODE;
			struct ak_figures f;
			if (!sheet_area_on(s, (enum ak_area)a) ||
			    !cell_figures(s->ds, s->year, code, (enum ak_area)a, &f))
				continue;
			sheet_used(s, dataset_find(s->ds, s->year, code, (enum ak_area)a));
			sheet_used(s, f.counts_from);
		}
	size_t nrows, ncols, dropped;
	char **cells = kept_cells(s, p, all, rows, &nrows, &ncols, head, &dropped);
	cells_free(all, rows * 4);
	char *title = xasprintf(_("Peers: %s, %d"), p->label, s->year);
	doc_heading(&s->doc, 2, title);
	free(title);
	if (ncols == 1) {
		doc_para(&s->doc, _("None of them has a figure for this year."));
		cells_free(cells, nrows * ncols);
		return;
	}
	if (s->style == CELLS_PAPERS) { /* the cells say what they are */
		for (size_t c = 1; c < ncols; c++)
			for (int a = 0; a < AREA_COUNT; a++)
				if (head[c] == area_label((enum ak_area)a))
					head[c] = _(map_heads[a]);
	} else if (s->doc.fmt != FORMAT_XLSX) { /* there a number a column, named */
		doc_para(&s->doc,
			 counted ? _("Each cell: reversal rate (remanded / changed), in percent; "
				     "where the counts are published, the reversed cases of those "
				     "decided.")
				 : _("Each cell: reversal rate (remanded / changed), in percent."));
	}
	if (s->doc.fmt == FORMAT_XLSX) {
		workbook_peers(s, p);
	} else {
		struct doc_table t = {.head = head, .ncols = ncols, .cells = cells, .nrows = nrows};
		doc_table(&s->doc, &t);
	}
	cells_free(cells, nrows * ncols);
	if (averages && s->doc.fmt != FORMAT_XLSX)
		averages_said(s);
	if (counted && s->style == CELLS_PAPERS)
		doc_para(&s->doc, _("Figures in brackets are numbers of cases."));
	if (dropped) {
		char *line = xasprintf(ngettext("%zu municipality without a figure for %d is left "
						"out.",
						"%zu municipalities without a figure for %d are "
						"left out.",
						dropped),
				       dropped, s->year);
		doc_para(&s->doc, line);
		free(line);
	}
	if (s->peer_caption) {
		const struct ak_obs *shown[MAX_PEER_ROWS];
		char *labels[MAX_PEER_ROWS];
		size_t n = peer_rows(s, p, shown, labels, MAX_PEER_ROWS);
		const char *caption = s->peer_caption;
		s->peer_caption = NULL; /* said here, and only here */
		sheet_caption_notes(s, shown, labels, n);
		s->peer_caption = caption;
		for (size_t i = 0; i < n; i++)
			free(labels[i]);
	}
	borrowed_splits(s, p);
}

/* ---- trend ------------------------------------------------------------------- */

/* The latest year before index i with a figure for (code, area), or 0. */
static int previous_with_figure(struct sheet *s, size_t i, int code, enum ak_area a)
{
	struct ak_figures f;
	while (i-- > 0)
		if (cell_figures(s->ds, s->ds->years[i], code, a, &f))
			return s->ds->years[i];
	return 0;
}

/* What the trend's cells hold, for the line that explains them. */
struct trend_said {
	bool dash, gap, tested;
};

/* A cell of the trend, and its number for a workbook (the rate with its
 * count; the change is the spreadsheet's to work out). */
static char *trend_cell(struct sheet *s, size_t i, enum ak_area a, int code, bool change,
			struct trend_said *said, struct doc_num *num)
{
	struct ak_figures f, pf;
	int year = s->ds->years[i];
	if (!cell_figures(s->ds, year, code, a, &f)) {
		said->dash = true;
		return xstrdup(AK_NO_FIGURE);
	}
	*num = wb_share(f.rate, f.reversed);
	sheet_used(s, dataset_find(s->ds, year, code, a));
	int prev = change ? previous_with_figure(s, i, code, a) : 0;
	if (!prev || !cell_figures(s->ds, prev, code, a, &pf))
		return cell_num(f.rate.value, stats_shown_decimals(f.rate));
	double p;
	bool sig = false;
	bool tested = stats_two_prop(f.reversed, f.cases, pf.reversed, pf.cases, &p, &sig);
	said->tested |= tested;
	char since[32] = "";
	if (prev != s->ds->years[i - 1]) {
		snprintf(since, sizeof since, _(" since %d"), prev);
		said->gap = true;
	}
	/* a change between a whole number and a decimal one: to the coarser */
	int d = stats_shown_decimals(f.rate), pd = stats_shown_decimals(pf.rate);
	int cd = d < pd ? d : pd;
	double delta = stats_round(f.rate.value - pf.rate.value, cd);
	return textfmt_localize(xasprintf("%.*f (%+.*f%s%s)", d, f.rate.value, cd,
					  delta == 0 ? 0.0 : delta, since,
					  tested && sig ? "*" : ""));
}

/* Whether the municipality has a figure in year i in an area shown. */
static bool own_figure(struct sheet *s, size_t i)
{
	struct ak_figures f;
	for (int a = 0; a < AREA_COUNT; a++)
		if (sheet_area_on(s, (enum ak_area)a) &&
		    cell_figures(s->ds, s->ds->years[i], s->code, (enum ak_area)a, &f))
			return true;
	return false;
}

/* The line over the trend: only what its cells need explained. */
static void trend_explained(struct sheet *s, const struct trend_said *said)
{
	if (s->doc.fmt == FORMAT_XLSX) { /* the rates and counts, no changes */
		doc_para(&s->doc, _("Reversal rate in percent; DK is the national rate."));
		return;
	}
	struct sbuf b = {0};
	sbuf_puts(&b, said->gap ? _("Reversal rate in percent, change in points since the year "
				    "before (or since the last year with a figure) in brackets; "
				    "DK is the national rate.")
				: _("Reversal rate in percent, change in points since the year "
				    "before in brackets; DK is the national rate."));
	if (said->tested)
		sbuf_printf(&b, " %s",
			    _("* marks a change larger than chance (two-proportion test, "
			      "p < 0.05), tested only where case counts are published."));
	if (said->dash)
		sbuf_printf(&b, " %s", _("\xE2\x80\x93 means no figure is published."));
	doc_para(&s->doc, sbuf_str(&b));
	sbuf_free(&b);
}

/* The years and areas the municipality has a figure in, with the national
 * rate beside; the rest is left out (the national rates of other years
 * are another sheet's). */
void fscompare_trend(struct sheet *s)
{
	const char *head[1 + 2 * AREA_COUNT] = {_("Year")};
	size_t ncols = 1;
	bool on[AREA_COUNT] = {false}; /* shown, and a figure of its own in some year */
	for (int a = 0; a < AREA_COUNT; a++) {
		struct ak_figures f;
		for (size_t i = 0; i < s->ds->n_years && s->ds->years[i] <= s->year && !on[a]; i++)
			on[a] = sheet_area_on(s, (enum ak_area)a) &&
				cell_figures(s->ds, s->ds->years[i], s->code, (enum ak_area)a, &f);
		if (on[a]) {
			head[ncols++] = area_label((enum ak_area)a);
			head[ncols++] = _("DK");
		}
	}
	size_t rows = 0;
	struct trend_said said = {0};
	int from = s->year; /* the first year shown: the events from it are marked */
	for (size_t i = 0; i < s->ds->n_years && s->ds->years[i] <= s->year; i++)
		if (own_figure(s, i)) {
			from = s->ds->years[i];
			break;
		}
	char **cells = xcalloc(s->ds->n_years * ncols + 1, sizeof *cells);
	struct doc_num *nums = xcalloc(s->ds->n_years * ncols + 1, sizeof *nums);
	for (size_t i = 0; i < s->ds->n_years && s->ds->years[i] <= s->year; i++) {
		if (!own_figure(s, i))
			continue;
		char **row = cells + rows * ncols;
		struct doc_num *num = nums + rows * ncols;
		rows++;
		size_t k = 0;
		row[k++] = fsevents_year_cell(s, from, s->ds->years[i]);
		for (int a = 0; a < AREA_COUNT; a++) {
			if (!on[a])
				continue;
			row[k] = trend_cell(s, i, (enum ak_area)a, s->code, true, &said, &num[k]);
			row[k + 1] = trend_cell(s, i, (enum ak_area)a, AK_NATIONAL_CODE, false,
						&said, &num[k + 1]);
			k += 2;
		}
	}
	if (rows < 2) { /* one year is the table above */
		cells_free(cells, rows * ncols);
		free(nums);
		return;
	}
	char *title = xasprintf(_("Trend %d\xE2\x80\x93%d"), atoi(cells[0]), s->year);
	doc_heading(&s->doc, 2, title);
	free(title);
	trend_explained(s, &said);
	struct doc_table t = {
		.head = head, .ncols = ncols, .cells = cells, .nrows = rows, .nums = nums};
	doc_table(&s->doc, &t);
	free(nums);
	cells_free(cells, rows * ncols);
	fsevents_notes(s, from);
}
