/* csvappend.h - a data file that rows are added to (a year file,
 * quarters.csv). It is read whole and checked before anything is added: a
 * file that cannot be read, does not read cleanly (rows added after a
 * broken line could be swallowed by it) or lacks a needed column is never
 * added to. It is then written again completely or not at all: the old
 * text as it was, then the new rows, in the file's own columns, delimiter
 * and line ends. */
#ifndef ANKEKORT_CSVAPPEND_H
#define ANKEKORT_CSVAPPEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/base/sbuf.h"

struct csv_append {
	char *text; /* the old file, or NULL (none, or empty: it gets the header) */
	size_t len;
	char **header; /* the file's columns, or canonical for a new file */
	size_t ncols;
	char delim;
	bool crlf;
};

/* Reads path into f (a missing file is a new one with the canonical
 * columns); false with *err set (caller frees) when it may not be added to.
 * Call csv_append_free() either way. */
bool csv_append_open(struct csv_append *f, const char *path, const char *const *canonical,
		     size_t n_canonical, const char *const *needed, size_t n_needed, char **err);
/* Writes the old text (or the header) and rows (whole lines) to path,
 * atomically; false with *err set when it could not. */
bool csv_append_write(const struct csv_append *f, const char *path, const struct sbuf *rows,
		      char **err);
/* The same with the rows written by rows(ctx, out), a block at a time
 * rather than held whole (a failed write leaves out's error set, and
 * nothing is renamed into place). */
bool csv_append_write_with(const struct csv_append *f, const char *path,
			   void (*rows)(const void *ctx, FILE *out), const void *ctx, char **err);
void csv_append_free(struct csv_append *f);

#endif
