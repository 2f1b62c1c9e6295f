/* tview.c - a table view as plain data: built row by row with its data
 * columns and sources, sorted by a column's numbers or text, written as
 * Markdown, text or CSV, and measured for the screen. */
#include "ankekort/output/tview.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/stats.h"

void tview_free(struct tview *t)
{
	for (size_t i = 0; i < t->ncols; i++)
		free(t->head[i]);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++)
			free(t->rows[r].cells[c].text);
		for (size_t c = 0; c < t->dcols; c++)
			free(t->rows[r].vals[c].text);
		free(t->rows[r].cells);
		free(t->rows[r].vals);
	}
	free(t->head);
	free(t->rows);
	free(t->right);
	free(t->title);
	free(t->note);
	doc_sources_free(&t->row);
	doc_sources_free(&t->sources);
	for (size_t i = 0; i < t->dcols; i++)
		free(t->dhead[i]);
	free(t->dhead);
	memset(t, 0, sizeof *t);
}

/* ---- values and the cells made from them ---------------------------------------- */

struct tval tval_num(bool has, double v, int decimals)
{
	return (struct tval){has ? v : NAN, decimals, NULL};
}

struct tval tval_count(long n)
{
	return tval_num(n >= 0, (double)n, 0);
}

struct tval tval_text(char *s)
{
	return (struct tval){NAN, 0, s};
}

/* The value as CSV and a workbook get it: a decimal point, "" when none. */
static char *val_data(const struct tval *v)
{
	return v->text	       ? xstrdup(v->text)
	       : isnan(v->num) ? xstrdup("")
			       : xasprintf("%.*f", v->decimals, v->num);
}

/* The value as shown: the decimal separator of the language, the dash when
 * none. */
static char *val_shown(const struct tval *v)
{
	return v->text	       ? xstrdup(v->text)
	       : isnan(v->num) ? xstrdup(AK_NO_FIGURE)
			       : textfmt_localize(xasprintf("%.*f", v->decimals, v->num));
}

double tview_key(const struct tview *t, size_t r, size_t c)
{
	int of = t->rows[r].cells[c].of;
	return of >= 0 ? t->rows[r].vals[of].num : NAN;
}

/* The data columns; a last one, "sources", is added: each row's sources. */
void tview_data_head(struct tview *t, const char *const *head, size_t n)
{
	t->dcols = n + 1;
	t->dhead = xcalloc(n + 1, sizeof *t->dhead);
	for (size_t c = 0; c < n; c++)
		t->dhead[c] = xstrdup(head[c]);
	t->dhead[n] = xstrdup("sources");
}

/* A figure shown in the row being built: its source goes into the row's
 * sources and, once, into the table's. */
void tview_source(struct tview *t, const struct ak_obs *o)
{
	if (!o)
		return;
	doc_sources_add(&t->row, &o->source);
	doc_sources_add(&t->sources, &o->source);
}

/* The ministry's maps for year (0: every year) and area (-1: every area). */
void tview_maps(struct tview *t, const struct ak_dataset *ds, int year, int area)
{
	for (size_t i = 0; i < ds->n_maps; i++) {
		const struct ak_maplink *m = &ds->maps[i];
		if ((!year || m->year == year) && (area < 0 || (int)m->area == area))
			doc_sources_add_map(&t->sources, m);
	}
}

/* The row's sources as one data cell: " | " between them. */
static char *row_sources(struct tview *t)
{
	struct sbuf b = {0};
	for (size_t i = 0; i < t->row.n; i++)
		sbuf_printf(&b, "%s%s", i ? " | " : "", t->row.src[i]->text);
	doc_sources_free(&t->row);
	return b.data ? sbuf_take(&b) : xstrdup("");
}

void tview_start(struct tview *t, char *title, const char *const *head, const bool *right,
		 size_t ncols)
{
	memset(t, 0, sizeof *t);
	t->title = title;
	t->ncols = ncols;
	t->keep = 1;
	t->head = xcalloc(ncols, sizeof *t->head);
	t->right = xcalloc(ncols, sizeof *t->right);
	for (size_t c = 0; c < ncols; c++) {
		t->head[c] = xstrdup(head[c]);
		t->right[c] = right[c];
	}
}

void tview_row(struct tview *t, const struct tcell *cells, const struct tval *vals)
{
	t->rows = xreallocarray(t->rows, t->nrows + 1, sizeof *t->rows);
	struct trow *row = &t->rows[t->nrows++];
	row->vals = xcalloc(t->dcols + 1, sizeof *row->vals);
	if (t->dcols) {
		memcpy(row->vals, vals, (t->dcols - 1) * sizeof *vals);
		row->vals[t->dcols - 1] = tval_text(row_sources(t));
	}
	row->cells = xcalloc(t->ncols + 1, sizeof *row->cells);
	for (size_t c = 0; c < t->ncols; c++) {
		row->cells[c] = cells[c];
		if (!cells[c].text) /* as its value writes itself */
			row->cells[c].text = cells[c].of >= 0 ? val_shown(&row->vals[cells[c].of])
							      : xstrdup(AK_NO_FIGURE);
	}
}

struct sort_ctx {
	const struct tview *t;
	size_t col;
	bool desc;
};

static int cmp_rows(const void *pa, const void *pb, void *ctx)
{
	const struct sort_ctx sort_by = *(const struct sort_ctx *)ctx;
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	const struct tview *t = sort_by.t;
	double x = tview_key(t, a, sort_by.col), y = tview_key(t, b, sort_by.col);
	int r = 0;
	if (isnan(x) != isnan(y))
		return isnan(x) ? 1 : -1;
	if (!isnan(x) && x != y)
		r = x < y ? -1 : 1;
	else if (isnan(x))
		r = strcmp(tview_text(t, a, sort_by.col), tview_text(t, b, sort_by.col));
	if (r != 0)
		return sort_by.desc ? -r : r;
	/* ties: by the first column, then the original order, always ascending */
	r = strcmp(tview_text(t, a, 0), tview_text(t, b, 0));
	return r ? r : (a > b) - (a < b);
}

void tview_sort(struct tview *t, size_t col, bool descending)
{
	if (col >= t->ncols || t->nrows <= t->pinned + 1)
		return;
	size_t n = t->nrows - t->pinned;
	size_t *order = xmalloc(n * sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = t->pinned + i;
	struct sort_ctx ctx = {.t = t, .col = col, .desc = descending};
	qsort_r(order, n, sizeof *order, cmp_rows, &ctx);
	struct trow *rows = xmalloc(n * sizeof *rows);
	for (size_t i = 0; i < n; i++)
		rows[i] = t->rows[order[i]];
	memcpy(t->rows + t->pinned, rows, n * sizeof *rows);
	free(rows);
	free(order);
}

static void write_data(const struct tview *t, FILE *out)
{
	for (size_t c = 0; c < t->dcols; c++) {
		if (c)
			fputc(',', out);
		doc_csv_field(out, t->dhead[c]);
	}
	fputc('\n', out);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->dcols; c++) {
			if (c)
				fputc(',', out);
			char *v = val_data(&t->rows[r].vals[c]);
			doc_csv_field(out, v);
			free(v);
		}
		fputc('\n', out);
	}
}

/* The cells as a document's table gets them: the values as data (owned
 * texts), or the texts shown (borrowed); free with free_cells(). */
static char **doc_cells(const struct tview *t, bool data)
{
	size_t nc = data ? t->dcols : t->ncols;
	char **cells = xcalloc(t->nrows * nc + 1, sizeof *cells);
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < nc; c++)
			cells[r * nc + c] =
				data ? val_data(&t->rows[r].vals[c]) : t->rows[r].cells[c].text;
	return cells;
}

static void free_cells(const struct tview *t, char **cells, bool data)
{
	for (size_t i = 0; data && i < t->nrows * t->dcols; i++)
		free(cells[i]);
	free(cells);
}

void tview_doc_table(const struct tview *t, struct doc *d, bool data)
{
	char **cells = doc_cells(t, data);
	struct doc_table dt = {.head = (const char *const *)(data ? t->dhead : t->head),
			       .ncols = data ? t->dcols : t->ncols,
			       .cells = cells,
			       .nrows = t->nrows,
			       .right = data ? NULL : t->right};
	doc_table(d, &dt);
	free_cells(t, cells, data);
}

bool tview_write(const struct tview *t, FILE *out, enum report_format fmt)
{
	if (fmt == FORMAT_CSV && t->dcols) {
		write_data(t, out);
		return true;
	}
	struct doc d;
	doc_begin(&d, out, fmt);
	doc_heading(&d, 1, t->title);
	/* a workbook gets the data: one column per quantity, numbers as numbers */
	tview_doc_table(t, &d, fmt == FORMAT_XLSX && t->dcols);
	if (t->note)
		doc_para(&d, t->note);
	doc_write_sources(&d, &t->sources);
	return doc_end(&d);
}

/* Columns a cell takes as drawn: transliterated without UTF-8. */
static size_t cell_width(const char *s, bool ascii)
{
	if (!ascii)
		return textfmt_width(s);
	struct sbuf t = {0};
	textfmt_ascii(&t, s);
	size_t w = textfmt_width(sbuf_str(&t));
	sbuf_free(&t);
	return w;
}

void tview_widths(const struct tview *t, int width, bool ascii, size_t *w)
{
	size_t total = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = cell_width(t->head[c], ascii) + 2; /* room for the sort arrow */
		for (size_t r = 0; r < t->nrows; r++) {
			size_t cw = cell_width(tview_text(t, r, c), ascii);
			w[c] = cw > w[c] ? cw : w[c];
		}
		if (w[c] > 32)
			w[c] = 32;
		total += w[c] + 2;
	}
	/* too wide: the first column gives up room down to 13, names stay
	 * readable; the last columns are cut at the edge instead */
	if (total > (size_t)width && w[0] > 13) {
		size_t cut = total - (size_t)width;
		w[0] = cut < w[0] - 13 ? w[0] - cut : 13;
	}
}

size_t tview_first_col_max(const struct tview *t, int width, bool ascii)
{
	size_t *w = xcalloc(t->ncols + 1, sizeof *w);
	tview_widths(t, width, ascii, w);
	size_t k = tview_scroll_max(t, w, width);
	free(w);
	return k;
}

size_t tview_scroll_max(const struct tview *t, const size_t *w, int width)
{
	if (t->ncols < 2)
		return 0;
	size_t total = 0;
	for (size_t c = 0; c < t->ncols; c++)
		total += w[c] + 2;
	size_t keep = t->keep ? t->keep : 1;
	size_t k = 0;
	/* hide columns after the kept ones until the rest fit (the last stays) */
	while (total > (size_t)width && keep + k + 1 < t->ncols) {
		total -= w[keep + k] + 2;
		k++;
	}
	return k;
}

/* ---- cells ------------------------------------------------------------------- */
