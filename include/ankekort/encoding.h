/* encoding.h - bring downloaded text to UTF-8: a UTF-8 byte-order mark is
 * dropped; valid UTF-8 stays as it is; anything else is read as
 * Windows-1252 (which covers Latin-1) and converted with iconv. */
#ifndef ANKEKORT_ENCODING_H
#define ANKEKORT_ENCODING_H

#include <stddef.h>

/* Returns an allocated UTF-8 copy (caller frees) and its length; *name says
 * what the input was: "UTF-8 with BOM", "UTF-8" or "Windows-1252". */
char *encoding_to_utf8(const char *buf, size_t len, size_t *out_len, const char **name);
/* The same without copying text that is UTF-8 already: returns buf (past a
 * BOM) or a converted copy, which is then also stored in *owned for the
 * caller to free (*owned is NULL otherwise). */
const char *encoding_view(const char *buf, size_t len, size_t *out_len, const char **name,
			  char **owned);

#endif
