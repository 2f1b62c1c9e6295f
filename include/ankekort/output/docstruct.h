/* docstruct.h - the document being written and a table in it: shared by
 * doc.c and the HTML writer it hands HTML to (dochtml.c), so that neither
 * includes the other. */
#ifndef ANKEKORT_DOCSTRUCT_H
#define ANKEKORT_DOCSTRUCT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/output/format.h"

#define DOC_TEXT_WIDTH 78

struct docxlsx;

struct doc {
	FILE *out;
	enum report_format fmt;
	struct docxlsx *xlsx; /* XLSX: the workbook being built (docxlsx.c) */
	bool failed;	      /* the document could not be written (XLSX) */
	char section[128];
	size_t bullets;		      /* numbering of bullets in CSV within a section */
	bool html_started, html_list; /* HTML: the head is written; a <ul> is open */
	bool listing;		      /* Markdown, text: a bullet since the last end of a list */
	bool blank; /* Markdown, text: what is written so far ends with a blank line */
};

/* A cell's number for a workbook (XLSX), beside its text: written as a
 * number with its number format, not as the text. */
enum doc_num_kind {
	DOC_NUM_NONE,  /* the cell is text */
	DOC_NUM_PLAIN, /* a count, a year, points */
	DOC_NUM_PCT,   /* a percentage, value in percent (38.5) */
	DOC_NUM_RANGE  /* an interval, value to high ("30,0–51,4"): two columns */
};
struct doc_num {
	enum doc_num_kind kind;
	double value;
	int decimals;
	long count;  /* PCT: the count it stands for ("40 pct. (31)"), or -1 */
	double high; /* RANGE: the upper end */
};

struct doc_table {
	const char *const *head; /* ncols column titles */
	size_t ncols;
	char **cells; /* nrows * ncols, row-major; borrowed */
	size_t nrows;
	const bool *right; /* ncols: right-align (text), or NULL */
	/* nrows * ncols numbers for a workbook, or NULL: a cell that is a plain
	 * number ("77", "36,2") is written as one, any other as text */
	const struct doc_num *nums;
};

#endif
