/* encoding.h - bring downloaded text to UTF-8: a UTF-8 byte-order mark is
 * dropped; valid UTF-8 stays as it is; anything else is read as
 * Windows-1252 (which covers Latin-1) and converted.
 *
 * Files are converted as they are read, in blocks, so memory does not grow
 * with the file whatever its encoding. */
#ifndef ANKEKORT_ENCODING_H
#define ANKEKORT_ENCODING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum text_encoding { ENC_UTF8_BOM, ENC_UTF8, ENC_CP1252 };

/* "UTF-8 with BOM", "UTF-8" or "Windows-1252" (static strings). */
const char *encoding_name(enum text_encoding e);
/* Reads all of f in blocks to tell its encoding, then rewinds it. False on a
 * read error. */
bool encoding_sniff_stream(FILE *f, enum text_encoding *enc);
/* A read-only stream giving the Windows-1252 text of `under` as UTF-8;
 * rewind() works on it. Closing it leaves `under` open. NULL when the C
 * library cannot make one. */
FILE *encoding_cp1252_stream(FILE *under);

/* A read-only stream of `under`'s text (no byte-order mark) as UTF-8 that
 * tells the encoding while it is read, in the same blocks: UTF-8 is passed
 * on as it is; at the first byte that is not UTF-8, a text that was ASCII
 * until then goes on as Windows-1252. rewind() works. *st lives until the
 * stream is closed (closing it leaves `under` open); NULL when the C library
 * cannot make one. */
struct encoding_auto;
FILE *encoding_auto_stream(FILE *under, struct encoding_auto **st);
/* Before closing the stream: the encoding (what was not read yet is read
 * to decide). False when UTF-8 beyond ASCII had been passed on before a
 * byte showed the text is not UTF-8: read it again as Windows-1252
 * (encoding_cp1252_stream). */
bool encoding_auto_result(struct encoding_auto *st, enum text_encoding *enc);

/* Returns an allocated UTF-8 copy (caller frees) and its length; *name says
 * what the input was. */
char *encoding_to_utf8(const char *buf, size_t len, size_t *out_len, const char **name);
/* The same without copying text that is UTF-8 already: returns buf (past a
 * BOM) or a converted copy, which is then also stored in *owned for the
 * caller to free (*owned is NULL otherwise). */
const char *encoding_view(const char *buf, size_t len, size_t *out_len, const char **name,
			  char **owned);

#endif
