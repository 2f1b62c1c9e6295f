/* sbuf.c - growable string. */
#include "ankekort/base/sbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/xalloc.h"

static void reserve(struct sbuf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->data = xreallocarray(b->data, cap, 1);
	b->cap = cap;
}

void sbuf_putn(struct sbuf *b, const char *s, size_t n)
{
	reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void sbuf_puts(struct sbuf *b, const char *s)
{
	sbuf_putn(b, s, strlen(s));
}

void sbuf_putc(struct sbuf *b, char c)
{
	sbuf_putn(b, &c, 1);
}

void sbuf_pad(struct sbuf *b, char c, size_t n)
{
	if (n == 0)
		return;
	char chunk[64];
	memset(chunk, c, sizeof chunk);
	while (n > 0) {
		size_t k = n < sizeof chunk ? n : sizeof chunk;
		sbuf_putn(b, chunk, k);
		n -= k;
	}
}

void sbuf_repeat(struct sbuf *b, const char *s, size_t n)
{
	size_t len = strlen(s);
	if (!n || !len)
		return;
	reserve(b, len * n);
	for (size_t i = 0; i < n; i++, b->len += len)
		memcpy(b->data + b->len, s, len);
	b->data[b->len] = '\0';
}

/* Written straight into the room there is; formatted twice only when it
 * does not fit. */
void sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	size_t room = b->data ? b->cap - b->len : 0;
	va_start(ap, fmt);
	int n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n <= 0) {
		if (room)
			b->data[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		reserve(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

void sbuf_spaces(struct sbuf *b, size_t n)
{
	reserve(b, n);
	memset(b->data + b->len, ' ', n);
	b->len += n;
	b->data[b->len] = '\0';
}

void sbuf_reset(struct sbuf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

const char *sbuf_str(const struct sbuf *b)
{
	return b->data ? b->data : "";
}

char *sbuf_take(struct sbuf *b)
{
	char *s = b->data ? b->data : xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

void sbuf_free(struct sbuf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
