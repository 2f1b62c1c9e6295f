/* read.h - private to src/import: the three readers (Statistikbanken,
 * Talportal, spreadsheet), one row at a time into the cells (read.c; the
 * Statistikbanken reader's runs in dstread.c). */
#ifndef ANKEKORT_IMPORT_READ_H
#define ANKEKORT_IMPORT_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ankekort/base/csvread.h"
#include "cells.h"
#include "columns.h"
#include "parcells.h"
#include "values.h"

struct importer;
struct last_lawpar;

/* Statistikbanken: the key columns before the period (municipality, law,
 * paragraph, decision) as the last row had them, one after another as
 * csvread stores a row's fields, with what they meant: a sorted file
 * repeats them for a run of periods, and one memcmp tells. */
/* What a run of rows of one place (municipality, law and paragraph: the
 * key without the decision type and the period) found for a period: the
 * areas, and once a row was added, where its figures are. A sorted file
 * repeats the place's periods for each decision type. */
struct dst_period {
	unsigned tag;		      /* year * 8 + quarter + 1; 0: nothing */
	int lp_id;		      /* a used law/paragraph (areas in it) */
	uint64_t group;		      /* the rows' key group (imp_row_key) */
	bool cells_ok;		      /* the cells below are found */
	bool par_ok;		      /* par is where its figure below law level is, */
	bool par_none;		      /* ... or it has none */
	unsigned char n_cells;	      /* the areas in the mask, */
	uint32_t cell_at[AREA_COUNT]; /* ... their cells (bytes into the cells: no
					 multiply a row) */
	struct par_place par;
};
#define DST_PERIODS 16 /* by period number, modulo */
/* A municipality's cells of a period, which every place of it shares. */
struct dst_cells {
	int code;
	unsigned tag;		  /* as dst_period's; 0: nothing */
	int32_t cell[AREA_COUNT]; /* index into the cells; -1: not found yet */
	/* what dst_find_cells() last told them (tag 0: nothing yet): a place
	 * whose text has the same areas, laws and level finds them as they are */
	bool law_level;
	unsigned mask, laws;
	unsigned char n_cells;
	uint32_t cell_at[AREA_COUNT];
};

struct dst_run {
	int lo, hi;    /* the first and last key column; lo > hi: not usable */
	bool usable;   /* the period and the value are outside lo..hi */
	bool dec_last; /* the decision is column hi: the place's text is the rest */
	char *text;    /* the fields lo..hi with their NULs */
	size_t len, cap;
	size_t place_len;		   /* dec_last: the place's text, up to the decision */
	int period_col, value_col, need_n; /* need_n: the fields a quick row has */
	bool quick;			   /* the run's rows go on without a look-up (dst_quick) */
	enum decision d;
	enum meas me;	/* d's measure */
	bool dismissal; /* d is one (D_DISMISSED, D_REFERRED) */
	int code;
	bool d_ok, code_ok, lawpar_ok; /* worked out for this text (d: this run) */
	unsigned lp_epoch;	       /* lp_id's epoch + 1 (0: none): a used law/paragraph */
	int lp_id;
	/* by law/paragraph text number: the one whose place came next the
	 * last time (plus one; 0: none yet), and where area_info() keeps the
	 * text's areas (importer.h: last_lawpar); the last place's, plus one */
	struct dst_seen {
		int next;
		const struct last_lawpar *areas;
	} * seen;
	size_t n_seen;
	int last_text;
	struct dst_period periods[DST_PERIODS];
	struct dst_cells cells[DST_PERIODS]; /* by period number, modulo */
};

struct reader {
	struct importer *im;
	struct header_map map;
	bool failed;
	struct dst_run run;
};

void imp_clear_caches(struct importer *im);
/* What the readers share (read.c): the areas of a row's law and paragraph
 * in a year, counting the rows that have none (mask 0: skip it);
 * known_same: the texts are those of the last call. */
const struct lawpar *imp_areas_for(struct importer *im, const struct csv_row *row, int law_col,
				   int par_col, int year, bool known_same, int *id);
/* Municipality from a code, a label or "code label"; -1 when unknown, -2
 * for rows that are not one municipality (totals, regions, Christiansø). */
int imp_municipality_of(struct importer *im, const char *value, size_t len, int line);
/* A warning for a value that is not what its column takes (want: "a
 * number"; see imp_number_wanted()); the row is not used. */
void imp_bad_value(struct importer *im, const struct csv_row *row, int col, const char *what,
		   const char *want);
const char *imp_number_wanted(const struct ak_num *parsed, bool count);
/* Counts a total row (code -2); true for a code that is no municipality. */
bool imp_skip_total_or_unknown(struct importer *im, int code, int line);
bool imp_dst_row(void *ctx, const struct csv_row *row);
void imp_reader_free(struct reader *r);
bool imp_talportal_row(void *ctx, const struct csv_row *row);
bool imp_sheet_row(void *ctx, const struct csv_row *row);

#endif
