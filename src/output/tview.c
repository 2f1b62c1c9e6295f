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

void tview_free(struct tview *t)
{
	for (size_t i = 0; i < t->ncols; i++)
		free(t->head[i]);
	for (size_t i = 0; i < t->ncols * t->nrows; i++)
		free(t->cells[i]);
	free(t->head);
	free(t->cells);
	free(t->keys);
	free(t->right);
	free(t->title);
	free(t->note);
	doc_sources_free(&t->row);
	doc_sources_free(&t->sources);
	for (size_t i = 0; i < t->dcols; i++)
		free(t->dhead[i]);
	for (size_t i = 0; i < t->dcols * t->nrows; i++)
		free(t->data[i]);
	free(t->dhead);
	free(t->data);
	memset(t, 0, sizeof *t);
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

void tview_row(struct tview *t, const struct tcell *cells, char **data)
{
	size_t n = t->nrows + 1;
	t->cells = xreallocarray(t->cells, n * t->ncols, sizeof *t->cells);
	t->keys = xreallocarray(t->keys, n * t->ncols, sizeof *t->keys);
	for (size_t c = 0; c < t->ncols; c++) {
		t->cells[t->nrows * t->ncols + c] = cells[c].text;
		t->keys[t->nrows * t->ncols + c] = cells[c].key;
	}
	if (t->dcols) {
		t->data = xreallocarray(t->data, n * t->dcols, sizeof *t->data);
		memcpy(t->data + t->nrows * t->dcols, data, (t->dcols - 1) * sizeof *data);
		t->data[t->nrows * t->dcols + t->dcols - 1] = row_sources(t);
	}
	t->nrows = n;
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
	double x = t->keys[a * t->ncols + sort_by.col], y = t->keys[b * t->ncols + sort_by.col];
	int r = 0;
	if (isnan(x) != isnan(y))
		return isnan(x) ? 1 : -1;
	if (!isnan(x) && x != y)
		r = x < y ? -1 : 1;
	else if (isnan(x))
		r = strcmp(t->cells[a * t->ncols + sort_by.col],
			   t->cells[b * t->ncols + sort_by.col]);
	if (r != 0)
		return sort_by.desc ? -r : r;
	/* ties: by the first column, then the original order, always ascending */
	r = strcmp(t->cells[a * t->ncols], t->cells[b * t->ncols]);
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
	char **cells = xmalloc(n * t->ncols * sizeof *cells);
	double *keys = xmalloc(n * t->ncols * sizeof *keys);
	char **data = xmalloc((n * t->dcols + 1) * sizeof *data);
	for (size_t i = 0; i < n; i++) {
		memcpy(cells + i * t->ncols, t->cells + order[i] * t->ncols,
		       t->ncols * sizeof *cells);
		memcpy(keys + i * t->ncols, t->keys + order[i] * t->ncols, t->ncols * sizeof *keys);
		if (t->dcols)
			memcpy(data + i * t->dcols, t->data + order[i] * t->dcols,
			       t->dcols * sizeof *data);
	}
	memcpy(t->cells + t->pinned * t->ncols, cells, n * t->ncols * sizeof *cells);
	memcpy(t->keys + t->pinned * t->ncols, keys, n * t->ncols * sizeof *keys);
	if (t->dcols)
		memcpy(t->data + t->pinned * t->dcols, data, n * t->dcols * sizeof *data);
	free(cells);
	free(keys);
	free(data);
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
			doc_csv_field(out, t->data[r * t->dcols + c]);
		}
		fputc('\n', out);
	}
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
	bool data = fmt == FORMAT_XLSX && t->dcols;
	struct doc_table dt = {.head = (const char *const *)(data ? t->dhead : t->head),
			       .ncols = data ? t->dcols : t->ncols,
			       .cells = data ? t->data : t->cells,
			       .nrows = t->nrows,
			       .right = data ? NULL : t->right};
	doc_table(&d, &dt);
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
			size_t cw = cell_width(t->cells[r * t->ncols + c], ascii);
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
