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
/* A read-only stream giving the Windows-1252 text of `under` as it is, for
 * a reader that converts what it needs (csvread: encoding_stream_cp1252()
 * tells it); rewind() works on it. Closing it leaves `under` open. NULL
 * when the C library cannot make one. */
FILE *encoding_cp1252_raw_stream(FILE *under);
/* True when f is a stream of this module that gives Windows-1252 bytes as
 * they are (from encoding_cp1252_raw_stream(), or an auto stream that has
 * gone on as Windows-1252: before that, it gave ASCII only). */
bool encoding_stream_cp1252(FILE *f);
/* fread(buf, 1, size, f), setting *failed on a read error. A stream of this
 * module that was just opened or rewound is read straight into buf, past
 * the C library's buffer (a copy of the text less): its end-of-file and
 * error indicators are then left as they were (*failed and a short count
 * say it). */
size_t encoding_read(FILE *f, char *buf, size_t size, bool *failed);

/* UTF-8 for the Windows-1252 bytes 0x80-0xFF: utf8[c - 0x80] holds len[c -
 * 0x80] bytes, padded with NULs to 4 (bytes Windows-1252 leaves undefined
 * are taken as Latin-1). Built on first use. */
struct cp1252_table {
	char utf8[128][4];
	unsigned char len[128];
};
const struct cp1252_table *encoding_cp1252_table(void);

/* A read-only stream of `under`'s text (no byte-order mark) that tells the
 * encoding while it is read, in the same blocks: UTF-8 is passed on as it
 * is; at the first byte that is not UTF-8, a text that was ASCII until then
 * goes on as Windows-1252, given as it is (encoding_stream_cp1252() is then
 * true). rewind() works. *st lives until the
 * stream is closed (closing it leaves `under` open); NULL when the C library
 * cannot make one. */
struct encoding_auto;
FILE *encoding_auto_stream(FILE *under, struct encoding_auto **st);
/* Before closing the stream: the encoding (what was not read yet is read
 * to decide). False when UTF-8 beyond ASCII had been passed on before a
 * byte showed the text is not UTF-8: read it again as Windows-1252
 * (encoding_cp1252_raw_stream). */
bool encoding_auto_result(struct encoding_auto *st, enum text_encoding *enc);

/* The check the streams make of a block: 0 when buf is UTF-8, the number
 * of bytes at the end (1-3) that begin a sequence the end cuts, SIZE_MAX
 * when it is not UTF-8; *beyond_ascii is set when a byte above 0x7F comes
 * before the answer. */
size_t encoding_utf8_scan(const char *buf, size_t len, bool *beyond_ascii);

/* Returns an allocated UTF-8 copy (caller frees) and its length; *name says
 * what the input was. */
char *encoding_to_utf8(const char *buf, size_t len, size_t *out_len, const char **name);
/* The same without copying text that is UTF-8 already: returns buf (past a
 * BOM) or a converted copy, which is then also stored in *owned for the
 * caller to free (*owned is NULL otherwise). */
const char *encoding_view(const char *buf, size_t len, size_t *out_len, const char **name,
			  char **owned);

#endif
