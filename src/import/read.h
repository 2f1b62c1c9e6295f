/* read.h - private to src/import: the three readers (Statistikbanken,
 * Talportal, spreadsheet), one row at a time into the cells (read.c). */
#ifndef ANKEKORT_IMPORT_READ_H
#define ANKEKORT_IMPORT_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/base/csvread.h"
#include "columns.h"
#include "values.h"

struct importer;

/* Statistikbanken: the key columns before the period (municipality, law,
 * paragraph, decision) as the last row had them, one after another as
 * csvread stores a row's fields, with what they meant: a sorted file
 * repeats them for a run of periods, and one memcmp tells. */
struct dst_run {
	int lo, hi;  /* the first and last key column; lo > hi: not usable */
	bool usable; /* the period and the value are outside lo..hi */
	char *text;  /* the fields lo..hi with their NULs */
	size_t len, cap;
	enum decision d;
	int code;
	bool d_ok, code_ok, lawpar_ok; /* worked out for this text */
	unsigned lp_epoch;	       /* lp_id's epoch + 1 (0: none): a used law/paragraph */
	int lp_id;
};

struct reader {
	struct importer *im;
	struct header_map map;
	bool failed;
	struct dst_run run;
};

void imp_clear_caches(struct importer *im);
bool imp_dst_row(void *ctx, const struct csv_row *row);
void imp_reader_free(struct reader *r);
bool imp_talportal_row(void *ctx, const struct csv_row *row);
bool imp_sheet_row(void *ctx, const struct csv_row *row);

#endif
