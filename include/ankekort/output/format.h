/* format.h - the formats a document or a table can be written in. */
#ifndef ANKEKORT_FORMAT_H
#define ANKEKORT_FORMAT_H

/* FORMAT_XLSX is written only to a file named .xlsx (a workbook is no
 * text for a terminal or a pipe). */
enum report_format { FORMAT_TEXT, FORMAT_CSV, FORMAT_MD, FORMAT_HTML, FORMAT_XLSX };

#endif
