/* report.h - the non-interactive outputs: `print` tables in text, CSV and
 * Markdown, and the `check` listing. Writers take a FILE* and the dataset;
 * every text from the data is escaped before it is written. */
#ifndef ANKEKORT_REPORT_H
#define ANKEKORT_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/data/dataset.h"
#include "ankekort/base/diag.h"
#include "ankekort/output/format.h"

struct peer_set;

struct print_query {
	const int *codes; /* NULL: every municipality */
	size_t n_codes;
	int year; /* 0: every loaded year */
	int area; /* enum ak_area, or -1 for every area */
	enum report_format format;
	/* --peers: the group whose pooled rate and unweighted mean follow each
	 * year's rows, one row each per area (groupavg.h); NULL: none */
	const struct peer_set *peers;
};

/* Whether q asks for the municipality code (every one when it names none). */
bool report_wants(const struct print_query *q, int code);

bool report_format_parse(const char *s, enum report_format *out);
/* The format a file name's ending asks for: .md (or .markdown), .csv or
 * .txt, in any case; false for any other ending or none. */
bool report_format_for_path(const char *path, enum report_format *out);
/* The endings report_format_for_path() knows, for messages: ".md, .csv, .txt". */
#define REPORT_ENDINGS ".md, .csv, .txt, .html, .xlsx"
/* One row per (year, municipality, area) with a figure. Returns the count. */
size_t report_print(FILE *out, const struct ak_dataset *ds, const struct print_query *q);
/* Every diagnostic, then a summary line "N errors, N warnings". */
void report_check(FILE *out, const struct diag_list *load, const struct diag_list *findings);

#endif
