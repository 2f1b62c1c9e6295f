/* docxlsx.h - the XLSX writer doc.c hands a workbook's parts to
 * (docxlsx.c): a sheet per section, numbers as numbers, the sources on
 * the last sheet. Every string is escaped (control characters). */
#ifndef ANKEKORT_DOCXLSX_H
#define ANKEKORT_DOCXLSX_H

#include <stdbool.h>

#include "ankekort/output/docstruct.h"

/* Starts the workbook; false (and d->failed) when it cannot be made. */
bool docxlsx_begin(struct doc *d);
/* A heading names the next sheet and is its first row. */
void docxlsx_heading(struct doc *d, int level, const char *text);
/* A paragraph or a bullet: a row of text on the current sheet. */
void docxlsx_text(struct doc *d, const char *text);
/* The table: its head in bold, numbers as numbers (a percentage with a
 * count is two columns, the share and the count), the dash left empty. */
void docxlsx_table(struct doc *d, const struct doc_table *t);
/* The sheets after this are one, the last: the sources (the next heading
 * names it; later headings are rows on it). */
void docxlsx_sources_sheet(struct doc *d, const char *name);
/* Writes the workbook to d->out (d->failed on failure) and frees it. */
void docxlsx_end(struct doc *d);

#endif
