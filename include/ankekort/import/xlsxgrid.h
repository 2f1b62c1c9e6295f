/* xlsxgrid.h - the cells of one sheet of an Excel workbook, as xlsx.c
 * reads them: values with their kind, the merged ranges, and the cell
 * names Excel shows ("C7"). */
#ifndef ANKEKORT_XLSXGRID_H
#define ANKEKORT_XLSXGRID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ankekort/base/sbuf.h"

/* Excel's own limits: A1 to XFD1048576 */
#define XLSX_MAX_ROW 1048576u
#define XLSX_MAX_COL 16384u

enum xlsx_kind {
	XLSX_NUMBER, /* text is the number as stored ("12", "0.3956", "1.5E-2") */
	XLSX_TEXT,   /* a shared or inline string, or a formula's string result */
	XLSX_BOOL,   /* "0" or "1" */
	XLSX_ERROR   /* a formula's error, e.g. "#DIV/0!" */
};

struct xlsx_cell {
	uint32_t row, col; /* 1-based: A1 is row 1, col 1 */
	uint32_t text;	   /* offset of the NUL-terminated value in the sheet's pool */
	unsigned char kind;
	bool percent; /* a number whose format shows it as a percentage */
};

struct xlsx_range {
	uint32_t r1, c1, r2, c2; /* inclusive */
};

/* Owns everything it points to; xlsx_sheet_free() leaves it zeroed. */
struct xlsx_sheet {
	char *name;		 /* the sheet's name in the workbook */
	struct xlsx_cell *cells; /* sorted by row, then column; no two alike */
	size_t n_cells, cap_cells;
	struct xlsx_range *merges;
	size_t n_merges, cap_merges;
	struct sbuf pool; /* every value, NUL-terminated */
};

/* Adds a cell (its text copied); the caller sorts with xlsx_sheet_sort()
 * once all are added. */
void xlsx_sheet_put(struct xlsx_sheet *s, uint32_t row, uint32_t col, enum xlsx_kind kind,
		    bool percent, const char *text, size_t len);
/* A text into the pool (offset 0 is the empty text), and a cell whose
 * text is already there (shared strings are kept once). */
uint32_t xlsx_sheet_pool_add(struct xlsx_sheet *s, const char *text, size_t len);
void xlsx_sheet_put_at(struct xlsx_sheet *s, uint32_t row, uint32_t col, enum xlsx_kind kind,
		       bool percent, uint32_t text);
void xlsx_sheet_merge(struct xlsx_sheet *s, struct xlsx_range r);
/* Sorts the cells; false (and *dup the cell found twice) when two cells
 * have the same place. */
bool xlsx_sheet_sort(struct xlsx_sheet *s, const struct xlsx_cell **dup);
/* The cell at (row, col), or NULL when there is none. */
const struct xlsx_cell *xlsx_sheet_at(const struct xlsx_sheet *s, uint32_t row, uint32_t col);
/* The cells of a row: [*first, *first + returned count). */
size_t xlsx_sheet_row(const struct xlsx_sheet *s, uint32_t row, const struct xlsx_cell **first);
const char *xlsx_text(const struct xlsx_sheet *s, const struct xlsx_cell *c);
void xlsx_sheet_free(struct xlsx_sheet *s);

/* "C7" for row 7, col 3, into buf (at least 16 bytes); returns buf. */
char *xlsx_cell_name(uint32_t row, uint32_t col, char *buf);
/* Parses "C7" (the letters and digits of a cell reference); false when it
 * is none or out of Excel's range. */
bool xlsx_parse_ref(const char *ref, uint32_t *row, uint32_t *col);

/* A cell's value as the Talportal's CSV writes it, into out (reset
 * first): a number with a decimal comma (xlsx_number_text), anything else
 * as it is; nothing for NULL. */
void xlsx_cell_csv(struct sbuf *out, const struct xlsx_sheet *s, const struct xlsx_cell *c);
/* A number as the sheet stores it ("0.3956", "1.5E-2", "182") as the
 * Talportal's CSV writes it ("39,56" when percent, "0,015", "182"): the
 * digits are moved, never rounded. False (out untouched) when v is no
 * number. */
bool xlsx_number_text(struct sbuf *out, const char *v, bool percent);

#endif
