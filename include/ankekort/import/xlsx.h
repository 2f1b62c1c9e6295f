/* xlsx.h - one sheet of an Excel workbook (XLSX: a ZIP archive of XML
 * parts), read with libzip (opened when the first workbook is read,
 * ziplib.h) and expat into a grid of cells (xlsxgrid.h).
 *
 * Only what an import needs: the cells' values (shared strings, inline
 * strings, numbers, the cached values of formulas), whether a number is
 * shown as a percentage, and the merged ranges. What is read is bounded
 * (XLSX_MAX_PART, XLSX_MAX_CELLS), so a ZIP bomb is an error, not an
 * exhausted memory. */
#ifndef ANKEKORT_XLSX_H
#define ANKEKORT_XLSX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ankekort/base/diag.h"
#include "ankekort/import/xlsxgrid.h"

/* The most cells kept of a sheet (a Talportal export has a few
 * thousand); the most inflated of one part is XLSX_MAX_PART (xlsxpart.h). */
#define XLSX_MAX_CELLS ((size_t)4 << 20)

/* Reads the sheet named want (compared without regard to case), else the
 * workbook's first sheet (with a warning), from the archive in f (taken
 * over: closed in every case) or in buf (borrowed). Problems go to diags
 * under path; false when the sheet could not be read, or libzip not be
 * opened (the Debian package to install said). */
bool xlsx_read_file(FILE *f, const char *path, const char *want, struct xlsx_sheet *s,
		    struct diag_list *diags);
bool xlsx_read_buffer(const void *buf, size_t len, const char *path, const char *want,
		      struct xlsx_sheet *s, struct diag_list *diags);
/* True when the bytes start like a ZIP archive ("PK\3\4"). */
bool xlsx_is_zip(const void *buf, size_t len);

#endif
