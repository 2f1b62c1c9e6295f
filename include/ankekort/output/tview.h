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

/* One value of a row, typed: what CSV and a workbook get, the number a
 * column sorts by and, unless a cell words it, the text shown all come
 * from it. Make one with tval_num(), tval_count(), tval_text(). */
struct tval {
	double num;   /* the number; NAN: none (a text, or unknown) */
	int decimals; /* how many num is written with */
	char *text;   /* owned: the value when it is text (a name, an id), or a
			 number written its own way; NULL: num as written */
};
/* A cell as shown: the row's value `of` (its index among the row's values),
 * in its own words when text is given (taken over: two values in one cell,
 * a change with its arrow) or else as the value writes itself (the dash
 * when it has none); sorted by the value's number. of < 0: text alone,
 * sorted by its text. */
struct tcell {
	int of;
	char *text;
};
/* A row: ncols cells (their text always set once added) and dcols values,
 * the last its sources. */
struct trow {
	struct tcell *cells;
	struct tval *vals;
};

struct tview {
	char *title;
	size_t ncols, nrows;
	char **head;	   /* ncols */
	struct trow *rows; /* nrows */
	bool *right;	   /* ncols: right-aligned */
	size_t pinned;	   /* leading rows that stay on top when sorting (the national row) */
	size_t keep;	   /* leading columns that never scroll away (1; the year-over-year view's
			  area and year: 2) */
	char *note;	   /* a sentence under the table, or NULL */
	/* the rows as data, for CSV: one column per value, numbers with a
	 * decimal point and as published, "" when unknown; no display text */
	size_t dcols;
	char **dhead; /* dcols; the last is "sources" */
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
/* The table into d: as shown, or its data (a header of quantities). */
struct doc;
void tview_doc_table(const struct tview *t, struct doc *d, bool data);

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
/* Appends a row of ncols cells and dcols - 1 values (the sources are
 * added); their texts are taken over. */
void tview_row(struct tview *t, const struct tcell *cells, const struct tval *vals);
/* Cell (r, c)'s text as shown. */
static inline const char *tview_text(const struct tview *t, size_t r, size_t c)
{
	return t->rows[r].cells[c].text;
}

/* The number cell (r, c) sorts by: its value's; NAN for a text cell or a
 * value without a number (such rows sort last). */
double tview_key(const struct tview *t, size_t r, size_t c);

/* Values: a number written with decimals, none unless has; a count (none
 * when negative); a text (taken over). */
struct tval tval_num(bool has, double v, int decimals);
struct tval tval_count(long n);
struct tval tval_text(char *s);

#endif
