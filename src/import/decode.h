/* decode.h - private to src/import: the text of a file as rows
 * (decode.c), whatever it came as: a stream of UTF-8 (a file decoded as it
 * is read: importfile.c), a buffer, or an Excel sheet unpivoted. */
#ifndef ANKEKORT_IMPORT_DECODE_H
#define ANKEKORT_IMPORT_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/base/csvread.h"
#include "ankekort/base/diag.h"

/* Where the text comes from: an open stream of UTF-8, read in blocks, a
 * buffer already in UTF-8, or rows made by rows(rows_ctx, ...) (an Excel
 * sheet unpivoted: xlsxpivot.h), each time it is read. */
struct text_src {
	FILE *f;
	const char *buf;
	size_t len;
	bool (*rows)(const void *rows_ctx, csv_row_fn fn, void *ctx);
	const void *rows_ctx;
};

/* Reads the rows of src into fn: again each time it is called. With raw,
 * a stream's Windows-1252 rows come as they are, for fn to convert
 * (csv_row_utf8: csv_read_stream_raw). */
bool imp_read_csv(const struct text_src *src, const char *path, struct diag_list *diags,
		  csv_row_fn fn, void *ctx, bool raw);

#endif
