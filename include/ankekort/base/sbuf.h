/* sbuf.h - a growable, always NUL-terminated byte string.
 *
 * Zero-initialise (struct sbuf b = {0}) before use; the buffer owns its
 * memory until sbuf_free(), or until sbuf_take() hands it to the caller. */
#ifndef ANKEKORT_SBUF_H
#define ANKEKORT_SBUF_H

#include <stddef.h>

struct sbuf {
	char *data;
	size_t len;
	size_t cap;
};

void sbuf_putn(struct sbuf *b, const char *s, size_t n);
void sbuf_puts(struct sbuf *b, const char *s);
void sbuf_putc(struct sbuf *b, char c);
/* n spaces (padding a column) */
void sbuf_spaces(struct sbuf *b, size_t n);
/* n copies of c. */
void sbuf_pad(struct sbuf *b, char c, size_t n);
/* n copies of the string s (a glyph repeated along a bar). */
void sbuf_repeat(struct sbuf *b, const char *s, size_t n);
void sbuf_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sbuf_reset(struct sbuf *b);
/* The contents, never NULL ("" when empty). */
const char *sbuf_str(const struct sbuf *b);
char *sbuf_take(struct sbuf *b);
void sbuf_free(struct sbuf *b);

#endif
