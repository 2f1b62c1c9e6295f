/* csvpos.h - where a field stands in CSV text: the walk csvread.c makes
 * only when a message needs a row's line and column, never per row. */
#ifndef ANKEKORT_CSVPOS_H
#define ANKEKORT_CSVPOS_H

#include <stdbool.h>
#include <stddef.h>

/* Where the lines of a run (whole lines fed to libcsv at once) start: found
 * only when a row's position is asked for, moving forward. */
struct csv_line_cursor {
	const char *buf;
	size_t len, off;
	int line; /* the line that starts at off */
};

/* Moves the cursor forward to the start of line; false when the run has
 * no such line. */
bool csvpos_cursor_to(struct csv_line_cursor *c, int line);
/* Walks the raw text from a row's start (off); stops at the start of field
 * `want` (returns its offset) or at the end of the row. *open_quote is set
 * to the offset of a quote still open at the end of the buffer, or
 * SIZE_MAX. nul_delims: a NUL stands for a delimiter (fields read in
 * place). */
size_t csvpos_walk_row(const char *buf, size_t len, size_t off, char delim, bool nul_delims,
		       size_t want, size_t *open_quote);
/* Line and column (1-based, in characters) of buf[to], counting from
 * buf[from] at line0, column 1. cp1252: the text is Windows-1252, a byte a
 * character (else UTF-8). */
void csvpos_offset_to_pos(const char *buf, size_t from, size_t to, bool cp1252, int line0,
			  int *line, int *col);
/* Where each of a row's n_fields fields starts, in one pass (lines and cols hold
 * n_fields entries). */
void csvpos_all(const char *buf, size_t len, size_t off, char delim, bool nul_delims, bool cp1252,
		int line, size_t n_fields, int *lines, int *cols);
/* The delimiter of a header line: ';' when it has more semicolons than
 * commas outside quotes, else ','. */
char csvpos_delim(const char *buf, size_t len);

#endif
