/* xlsxpivot.h - the Talportal's Excel export (sheet "Som tabel") unpivoted
 * into the rows of its CSV download, for the Talportal reader.
 *
 * The sheet: two header rows, a merged group header (a measure or a
 * period) over a sub-header (periods or measures), Kommune, Sagsemne and
 * perhaps Lovgivning in the first columns; the data below; a footer
 * "Kilde: Ankestyrelsen ( 2023 )". Each data row gives one row per period:
 * Kommune;Lovgivning;Sagsemne;periode;<measures>, numbered with the sheet's
 * row and, per field, the sheet's column (csv_row.cols), so that messages
 * can name the cell. See docs/IMPORT.md. */
#ifndef ANKEKORT_XLSXPIVOT_H
#define ANKEKORT_XLSXPIVOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ankekort/base/csvread.h"
#include "ankekort/base/diag.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/import/xlsxgrid.h"

/* The most measures and periods a table may have (the Talportal's have a
 * dozen measures and a period a year or a quarter). */
#define XLSX_MAX_MEASURES 100
#define XLSX_MAX_PERIODS 1000

/* the sheet the Talportal's export puts its table in */
#define XLSX_TALPORTAL_SHEET "Som tabel"

enum xlsx_id { XLSX_ID_KOMMUNE, XLSX_ID_LOV, XLSX_ID_SAGSEMNE, XLSX_ID_COUNT };

/* What the sheet holds, worked out once by xlsx_pivot_plan(). Owns its
 * strings; the sheet is borrowed and must outlive it. */
struct xlsx_pivot {
	const struct xlsx_sheet *s;
	uint32_t head1, head2;		/* the two header rows */
	uint32_t first_data, end_data;	/* the data rows: [first_data, end_data) */
	uint32_t id_col[XLSX_ID_COUNT]; /* 0: the sheet has no such column */
	char **periods, **measures;	/* as the header shows them */
	size_t n_periods, n_measures;
	uint32_t *at;	      /* [period * n_measures + measure]: the column, 0 = none */
	uint32_t *col_period; /* [column 0..n_cols]: its period + 1, 0 = none */
	uint32_t n_cols;
	int cases;		   /* the measure of the cases decided on the merits, or -1 */
	int footer_year;	   /* "Kilde: Ankestyrelsen ( 2023 )": 2023; 0 when none */
	size_t zeros;		   /* rows with 0 cases, written as NA */
	struct sbuf zero_examples; /* the first few, for the message */
};

/* Reads the headers and the footer and counts the zeros; problems go to
 * diags under path (errors name the sheet and the cell). False when the
 * sheet is not a Talportal table. */
bool xlsx_pivot_plan(struct xlsx_pivot *p, const struct xlsx_sheet *s, const char *path,
		     struct diag_list *diags);
/* Calls fn with the header row (row 0), then one row per data row and
 * period that has a value; a row whose cases are 0 has NA in every
 * measure. Stops when fn returns false. Always returns true. */
bool xlsx_pivot_rows(const struct xlsx_pivot *p, csv_row_fn fn, void *ctx);
void xlsx_pivot_free(struct xlsx_pivot *p);

/* A number as the sheet stores it ("0.3956", "1.5E-2", "182") as the
 * Talportal's CSV writes it ("39,56" when percent, "0,015", "182"): the
 * digits are moved, never rounded. False (out untouched) when v is no
 * number. */
bool xlsx_number_text(struct sbuf *out, const char *v, bool percent);

#endif
