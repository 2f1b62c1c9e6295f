/* csvread.h - read one CSV file row by row with libcsv, knowing where every
 * field stands in the file.
 *
 * Accepts UTF-8 with or without BOM (or Windows-1252 from a stream that
 * says so: encoding_stream_cp1252()), LF or CRLF line ends, and ',' or ';' as
 * the delimiter (whichever is more frequent outside quotes on the first line).
 * Syntax errors are added to the diag list with file:line:column. */
#ifndef ANKEKORT_CSVREAD_H
#define ANKEKORT_CSVREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/base/diag.h"

struct csv_line_cursor;
struct csvfield_conv;

struct csv_row {
	char **fields; /* NUL-terminated, read only; valid only during the callback */
	size_t *lens;  /* their lengths */
	size_t n;
	int line;   /* physical line where the row starts */
	size_t row; /* 0 for the header, then 1, 2, ... */
	/* rows made by a caller from another source (an XLSX sheet) set buf to
	 * NULL: csv_row_pos() then gives line and cols[i] (or i + 1 when cols
	 * is NULL) */
	const int *cols;
	/* private: used by csv_row_pos() */
	const char *buf;
	size_t buf_len;
	size_t offset; /* SIZE_MAX: not known yet, found through cursor */
	struct csv_line_cursor *cursor;
	char delim;
	bool nul_delims; /* a NUL in buf stands for a delimiter (fields read in place) */
	bool cp1252;	 /* buf is Windows-1252 (the fields are converted to UTF-8) */
	/* a reader that takes rows raw (csv_read_stream_raw): the fields'
	 * conversion, pending until csv_row_utf8() */
	struct csvfield_conv *conv;
};

/* Called once per row, header included; return false to stop reading. */
typedef bool (*csv_row_fn)(void *ctx, const struct csv_row *row);

/* Reads the file at path (named display_path in messages). Returns false when
 * the file could not be read or had a syntax error; rows before the error
 * have been delivered. */
bool csv_read_file(const char *path, const char *display_path, struct diag_list *diags,
		   csv_row_fn fn, void *ctx);
/* The same from an open file, read in 64 KiB blocks: memory stays at one
 * row whatever the file's size. */
bool csv_read_stream(FILE *f, const char *display_path, struct diag_list *diags, csv_row_fn fn,
		     void *ctx);
/* The same, the rows of a Windows-1252 stream handed on as they are: fn
 * calls csv_row_utf8() before it reads a field that can hold more than
 * ASCII (a reader whose rows mostly need only digits, and the bytes of
 * their key texts to compare with the row before, saves the conversion). */
bool csv_read_stream_raw(FILE *f, const char *display_path, struct diag_list *diags, csv_row_fn fn,
			 void *ctx);
/* A row of csv_read_stream_raw() with its fields in UTF-8, as every other
 * reader gets them (converted once; for any other row, nothing to do). */
void csv_row_utf8(const struct csv_row *row);
/* The same for a buffer already in memory. */
bool csv_read_buffer(const char *buf, size_t len, const char *display_path, struct diag_list *diags,
		     csv_row_fn fn, void *ctx);
/* Line and column (1-based, in characters) where field i of the row starts. */
void csv_row_pos(const struct csv_row *row, size_t i, int *line, int *col);
/* The same for every field at once (lines and cols hold row->n entries), in
 * one pass: for rows with very many fields. */
void csv_row_all_pos(const struct csv_row *row, int *lines, int *cols);

#endif
