/* csvtable.h - reading one dataset file as a
 * table of named columns (csvtable.c), shared by the file formats in
 * csvload.c. Each format gives its columns (struct colspec) and a function
 * called for every row; the helpers read a cell, checked, and report what
 * is wrong at the cell's line and column. */
#ifndef ANKEKORT_CSVTABLE_H
#define ANKEKORT_CSVTABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/base/csvread.h"
#include "ankekort/base/diag.h"
#include "ankekort/data/dataset.h"

struct load_result {
	size_t skipped_rows; /* rows left out because of an error */
	size_t files;	     /* files read */
};

/* Parses a published number: digits with an optional '.' or ',' decimal part
 * (at most 15 decimals). Returns false for anything else. */
bool csvtable_parse_number(const char *s, struct ak_num *out);

/* A decimal number of at most 15 digits, an optional '-' before them and one
 * '.' or ',' among them ("56.1629", "-0,5", "12."): *out is the double strtod
 * gives for it, and true. False for any other text (*out untouched), which
 * strtod then reads, or rejects. */
bool csvtable_exact_decimal(const char *s, double *out);

/* The same shape with any number of digits: true and the double strtod gives
 * for it (the comma read as a point) in *out; false for any other text (*out
 * untouched). At most 15 digits it is csvtable_exact_decimal. */
bool csvtable_decimal(const char *s, double *out);

/* A year file has at most 99 x 3 x a few sources rows; past this many rows
 * a file is not read further (a hostile file cannot exhaust memory). */
#define CSVLOAD_MAX_ROWS 1000000

#define MAX_COLS 24

struct colspec {
	const char *name;
	bool required;
};

struct table;
typedef void (*table_row_fn)(struct table *t, const struct csv_row *row);

/* The state of reading one file. */
struct table {
	struct ak_dataset *ds;
	const char *path;
	struct diag_list *diags;
	struct load_result *res;
	const struct colspec *cols;
	size_t ncols;
	int map[MAX_COLS]; /* spec column -> field index, or -1 */
	size_t nheader;
	bool header_ok;
	bool row_bad;
	int year;
	table_row_fn row_fn;
};

/* ---- columns of each file ---------------------------------------------- */

const char *tbl_field(const struct table *t, const struct csv_row *row, int col);

/* The offending text, escaped and shortened for a message. Caller frees. */
char *tbl_shown(const char *s);

void tbl_at_col(struct table *t, const struct csv_row *row, int col, enum diag_severity sev,
		const char *fmt, ...) __attribute__((format(printf, 5, 6)));

void tbl_bad_value(struct table *t, const struct csv_row *row, int col, const char *expected);

/* A source's web address (owned): http:// or https:// with nothing that
 * would end a link early; anything else (javascript:, data:, a path) is a
 * warning with its place and left out, so it never becomes a link. */
char *tbl_get_url(struct table *t, const struct csv_row *row, int col);

struct ak_num tbl_get_count(struct table *t, const struct csv_row *row, int col);

struct ak_num tbl_get_pct(struct table *t, const struct csv_row *row, int col);

char *tbl_get_text(struct table *t, const struct csv_row *row, int col);

bool tbl_valid_date(const char *s);

int tbl_get_year(struct table *t, const struct csv_row *row, int col);

/* An area, or -1 for an empty cell (every area). */
int tbl_get_optional_area(struct table *t, const struct csv_row *row, int col);

int tbl_get_code(struct table *t, const struct csv_row *row, int col);

void tbl_get_source(struct table *t, const struct csv_row *row, int c_text, int c_kind, int c_date,
		    int c_url, struct ak_source *src);

/* Reads the file at path, or buf when path is NULL. */
void tbl_read_table(struct table *t, const char *path, const char *buf, size_t len);

const char *tbl_register_file(struct ak_dataset *ds, const char *display);

#endif
