/* csvfield.h - a row's Windows-1252 fields as UTF-8. csvread gives libcsv
 * a Windows-1252 file's bytes as they are (';', ',', '"', CR and LF are
 * ASCII and never part of a Windows-1252 character) and converts only the
 * rows that hold a byte above 0x7F, into storage of its own: every reader
 * of the rows gets UTF-8 fields as from a UTF-8 file (a reader that takes
 * them raw, when it asks: csv_row_utf8). */
#ifndef ANKEKORT_CSVFIELD_H
#define ANKEKORT_CSVFIELD_H

#include <stdbool.h>
#include <stddef.h>

struct csvfield_conv {
	char *buf; /* the converted row */
	size_t cap;
	/* the last converted row's raw text up to the end of its last field
	 * with a high byte (raw_len bytes), and its n_fields fields there, as
	 * they stand in buf (up to utf8_len): a sorted file repeats its key
	 * texts row after row, and they are converted once */
	char *memo;
	size_t raw_len, utf8_len, n_fields;
	struct csvfield_kept {
		char *text;
		size_t len;
	} * kept;
	bool pending; /* the row handed on is not converted yet (csv_row_utf8) */
};

/* When fields[0..n) hold a byte above 0x7F, points them (and lens) at their
 * UTF-8 in c's buffer, laid out as they were: one after the other, each
 * NUL-terminated. They must be laid out so (csvread's rows are), and 16
 * bytes past the last one's end must be readable. The converted fields are
 * read only: the next row may share them. */
void csvfield_cp1252(struct csvfield_conv *c, char **fields, size_t *lens, size_t n);
void csvfield_free(struct csvfield_conv *c);

#endif
