/* textfmt.h - UTF-8 text for terminals and tables: decoding, display width,
 * control-character escaping, Danish folding and Danish number formatting.
 *
 * No locale is consulted: the functions give the same result everywhere.
 * Output goes into a caller-owned struct sbuf or buffer. */
#ifndef ANKEKORT_TEXTFMT_H
#define ANKEKORT_TEXTFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ankekort/base/sbuf.h"

/* Decodes one UTF-8 sequence at s (at most len bytes). Returns the number of
 * bytes used (1-4), or 0 for an invalid or truncated sequence. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
void utf8_encode(struct sbuf *out, uint32_t cp);
/* Display columns of a code point: 0 (combining), 1, or 2 (wide). Control
 * characters count 0 here; escape them before measuring. */
int textfmt_cp_width(uint32_t cp);
/* True when the code point is a C0/C1 control character, DEL, or a
 * bidirectional override: characters that are never written raw. */
bool textfmt_is_control(uint32_t cp);
/* True when s holds a control character or invalid UTF-8. */
bool textfmt_needs_escape(const char *s);
/* Appends s with control characters and invalid bytes written as \xHH
 * (\n, \r and \t as such; bidirectional overrides as \uXXXX), so the result is
 * safe to show on a terminal. */
void textfmt_escape(struct sbuf *out, const char *s);
/* The same into a new string (caller frees). */
char *textfmt_escape_dup(const char *s);
/* Display width of s, which must already be escaped. */
size_t textfmt_width(const char *s);
/* Appends escaped s cut to at most width columns (ending in "…" when cut,
 * or "~" when ascii is set) and, if pad is set, padded with spaces to width. */
void textfmt_fit(struct sbuf *out, const char *s, size_t width, bool pad, bool ascii);
/* The same for a terminal without UTF-8: transliterated first (æ -> ae,
 * ø -> oe, å -> aa, "Aarhus" for "Århus"), so columns stay aligned. */
void textfmt_fit_ascii(struct sbuf *out, const char *s, size_t width, bool pad);
/* Appends the Danish folding of s: lower case, æ→ae, ø→oe, å→aa (ä, ö, é,
 * ü likewise), runs of blanks and '-' made one space, ends trimmed. */
void textfmt_fold(struct sbuf *out, const char *s);
/* A name users may type in any case and with or without Danish letters,
 * and what it stands for. */
struct textfmt_name {
	const char *folded; /* as textfmt_fold() makes it */
	int value;
};
/* Looks s up, folded, among n names; false when none matches. */
bool textfmt_fold_lookup(const char *s, const struct textfmt_name *names, size_t n, int *value);
/* Appends s with every non-ASCII letter written in ASCII (æ -> ae, ø -> oe,
 * å -> aa, dashes and dots as '-' and '.', anything else as '?'), for
 * terminals without UTF-8. */
void textfmt_ascii(struct sbuf *out, const char *s);
/* Word-wraps escaped text s to lines of at most width columns, breaking at
 * spaces (inside a word only when it is longer than a line, and never inside
 * a UTF-8 letter); calls emit once per line with its bytes. */
void textfmt_wrap(const char *s, size_t width,
		  void (*emit)(void *ctx, const char *line, size_t len), void *ctx);
/* The same for a document a reader copies from: a word longer than a line
 * (a web address) is a line of its own, whole, however long. */
void textfmt_wrap_words(const char *s, size_t width,
			void (*emit)(void *ctx, const char *line, size_t len), void *ctx);
/* The user interface's decimal separator: a comma under the Danish
 * interface (set once at start), a point otherwise. */
void textfmt_set_decimal_comma(bool comma);
bool textfmt_decimal_comma(void);
/* Turns every '.' between two digits into the interface's decimal
 * separator, in place; returns s. For text made of numbers and labels. */
char *textfmt_localize(char *s);
/* Formats v with the given decimals; Danish style uses a decimal comma and a
 * thousands point. Returns buf. */
char *textfmt_number(char *buf, size_t size, double v, int decimals, bool danish);
/* An ASCII capital as its small letter; every other byte as it is (not
 * tolower(): no locale, and UTF-8's bytes are left alone). */
static inline char textfmt_ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

#endif
