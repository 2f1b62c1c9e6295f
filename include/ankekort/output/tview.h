/* tview.h - a table view as plain data (tview.c); tables.h builds the
 * browser's tables with it. Every tview owns its strings; free with
 * tview_free(). */
#ifndef ANKEKORT_TVIEW_H
#define ANKEKORT_TVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/data/dataset.h"
#include "ankekort/output/doc.h"
#include "ankekort/output/format.h"

struct tview {
	char *title;
	size_t ncols, nrows;
	char **head;   /* ncols */
	char **cells;  /* nrows * ncols */
	double *keys;  /* nrows * ncols numeric sort keys; NAN where a cell has no number */
	bool *right;   /* ncols: right-aligned */
	size_t pinned; /* leading rows that stay on top when sorting (the national row) */
	size_t keep;   /* leading columns that never scroll away (1; the year-over-year view's
			  area and year: 2) */
	char *note;    /* a sentence under the table, or NULL */
	/* the same rows as data, for CSV: one column per quantity, numbers with
	 * a decimal point and as published, "" when unknown; no display text */
	size_t dcols;
	char **dhead; /* dcols; the last is "sources" */
	char **data;  /* nrows * dcols, sorted with the rows */
	/* what an export ends with: every source of the figures shown, once,
	 * and the ministry's maps for the years and areas shown */
	struct doc_sources row;	    /* the sources of the row being built */
	struct doc_sources sources; /* every row's */
};

void tview_free(struct tview *t);
/* Sorts the rows after the pinned ones by column col: numbers by value
 * (rows without a number last), text columns by text. */
void tview_sort(struct tview *t, size_t col, bool descending);
/* Markdown and text get the table as shown; CSV and XLSX get the data (a
 * header of quantities, one row per row shown; in XLSX numbers as numbers,
 * the sources on a last sheet). False when a workbook could not be made. */
bool tview_write(const struct tview *t, FILE *out, enum report_format fmt);

/* The columns' widths as drawn in width columns (transliterated when
 * ascii): at most 32, the first column giving up room down to 13. */
void tview_widths(const struct tview *t, int width, bool ascii, size_t *w);
/* How many columns after the first must be scrolled past for the rest to
 * fit in width (0 when all fit): the largest horizontal offset. */
size_t tview_first_col_max(const struct tview *t, int width, bool ascii);
/* The same from widths already worked out by tview_widths(). */
size_t tview_scroll_max(const struct tview *t, const size_t *w, int width);

/* Building a table (tables.c): the title (taken over), the column heads
 * and alignment; then the data columns for CSV ("sources" is added last). */
void tview_start(struct tview *t, char *title, const char *const *head, const bool *right,
		 size_t ncols);
void tview_data_head(struct tview *t, const char *const *head, size_t n);
/* A figure shown in the row being built: its source goes into the row's
 * sources and, once, into the table's. */
void tview_source(struct tview *t, const struct ak_obs *o);
/* The ministry's maps for year (0: every year) and area (-1: every area). */
void tview_maps(struct tview *t, const struct ak_dataset *ds, int year, int area);
/* A cell as shown, made from one value: its text (owned) and the number it
 * sorts by (NAN where it has none: such rows sort last; a text column
 * sorts by its text). */
struct tcell {
	char *text;
	double key;
};
/* Appends a row of ncols cells and dcols data values; the texts and the
 * data are taken over. */
void tview_row(struct tview *t, const struct tcell *cells, char **data);

#endif
