/* csvrowpos.c - where a row's fields stand (csv_row_pos, csvread.h), from
 * the walks of csvpos.h. */
#include <stdint.h>

#include "ankekort/base/csvpos.h"
#include "ankekort/base/csvread.h"

/* Where the row's text starts in row->buf. */
static size_t row_offset(const struct csv_row *row)
{
	if (row->offset != SIZE_MAX)
		return row->offset;
	csvpos_cursor_to(row->cursor, row->line);
	return row->cursor->off;
}

void csv_row_pos(const struct csv_row *row, size_t i, int *line, int *col)
{
	if (!row->buf) {
		*line = row->line;
		*col = row->cols ? row->cols[i] : (int)i + 1;
		return;
	}
	size_t open, off = row_offset(row);
	size_t at =
		csvpos_walk_row(row->buf, row->buf_len, off, row->delim, row->nul_delims, i, &open);
	csvpos_offset_to_pos(row->buf, off, at, row->cp1252, row->line, line, col);
}

void csv_row_all_pos(const struct csv_row *row, int *lines, int *cols)
{
	if (!row->buf) {
		for (size_t k = 0; k < row->n; k++)
			csv_row_pos(row, k, &lines[k], &cols[k]);
		return;
	}
	csvpos_all(row->buf, row->buf_len, row_offset(row), row->delim, row->nul_delims,
		   row->cp1252, row->line, row->n, lines, cols);
}
