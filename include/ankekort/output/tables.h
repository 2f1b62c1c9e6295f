/* tables.h - the browser's table views as plain data: year over year for
 * one municipality, a comparison of municipalities between two years, and
 * the committee papers' peer table. The UI draws them; exports write them
 * with doc.h. Every tview owns its strings; free with tview_free(). */
#ifndef ANKEKORT_TABLES_H
#define ANKEKORT_TABLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/data/dataset.h"
#include "ankekort/output/doc.h"
#include "ankekort/output/factsheet.h"
#include "ankekort/output/report.h"

struct tview {
	char *title;
	size_t ncols, nrows;
	char **head;   /* ncols */
	char **cells;  /* nrows * ncols */
	double *keys;  /* nrows * ncols numeric sort keys; NAN where a cell has no number */
	bool *right;   /* ncols: right-aligned */
	size_t pinned; /* leading rows that stay on top when sorting (the national row) */
	char *note;    /* a sentence under the table, or NULL */
	/* the same rows as data, for CSV: one column per quantity, numbers with
	 * a decimal point and as published, "" when unknown; no display text */
	size_t dcols;
	char **dhead; /* dcols; the last is "sources" */
	char **data;  /* nrows * dcols, sorted with the rows */
	/* what an export ends with: every source of the figures shown, once,
	 * and the ministry's maps for the years and areas shown */
	struct doc_sources row; /* the sources of the row being built */
	struct doc_sources sources; /* every row's */
};

void tview_free(struct tview *t);
/* Sorts the rows after the pinned ones by column col: numbers by value
 * (rows without a number last), text columns by text. */
void tview_sort(struct tview *t, size_t col, bool descending);
/* Markdown and text get the table as shown; CSV gets the data (a header
 * of quantities, one row per row shown). */
void tview_write(const struct tview *t, FILE *out, enum report_format fmt);

/* The columns' widths as drawn in width columns (transliterated when
 * ascii): at most 32, the first column giving up room down to 13. */
void tview_widths(const struct tview *t, int width, bool ascii, size_t *w);
/* How many columns after the first must be scrolled past for the rest to
 * fit in width (0 when all fit): the largest horizontal offset. */
size_t tview_first_col_max(const struct tview *t, int width, bool ascii);
/* The same from widths already worked out by tview_widths(). */
size_t tview_scroll_max(const struct tview *t, const size_t *w, int width);

/* Every area and loaded year for one municipality: rate, cases, split, change
 * in points against the year before and whether it is larger than chance. */
void tables_yoy(const struct ak_dataset *ds, int code, struct tview *t);
/* The municipalities in codes (national row pinned first) for one area and
 * two years. */
void tables_compare(const struct ak_dataset *ds, const int *codes, size_t n, enum ak_area area,
		    int year1, int year2, struct tview *t);
/* The peer set x the three areas, "rate (remanded / changed)". */
void tables_peers(const struct ak_dataset *ds, const struct peer_set *p, int year, struct tview *t);

/* The funnel plot's points as a table: cases, rate, p-value, the 95 %
 * limits at the municipality's cases and where it lies. */
struct funnel;
void tables_funnel(const struct funnel *fn, const struct ak_dataset *ds, struct tview *t);

#endif
