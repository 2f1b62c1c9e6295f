/* csvfield.c - a row's Windows-1252 fields as UTF-8 (csvfield.h). */
#include "ankekort/base/csvfield.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/bytecmp.h"
#include "ankekort/base/encoding.h"
#include "ankekort/base/xalloc.h"

/* Copies the 16 bytes at from to to; returns the mask of the bytes above
 * 0x7F among the first `left` of them. */
static inline unsigned copy16(char *to, const char *from, size_t left)
{
	unsigned m;
#ifdef __SSE2__
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)from);
	_mm_storeu_si128((__m128i *)(void *)to, v);
	m = (unsigned)_mm_movemask_epi8(v);
#else
	memcpy(to, from, 16);
	m = 0;
	for (unsigned k = 0; k < 16; k++)
		m |= (unsigned)((unsigned char)from[k] >> 7) << k;
#endif
	return left >= 16 ? m : m & ((1u << left) - 1);
}

/* The mask of the bytes above 0x7F among the first `left` of the 16 at p. */
static inline unsigned high16(const char *p, size_t left)
{
	char sink[16];
	return copy16(sink, p, left);
}

/* Where the first byte above 0x7F is among len bytes at s (len: none). */
static size_t first_high(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i += 16) {
		unsigned m = high16(s + i, len - i);
		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
	return len;
}

/* The n bytes at f as UTF-8 at o, 16 at a time (o has room for 16 more
 * than the result, f can be read 16 bytes past n); returns the end. */
static inline char *convert(char *o, const char *f, size_t n, const struct cp1252_table *t)
{
	size_t i = 0;
	while (i < n) {
		unsigned m = copy16(o, f + i, n - i);
		if (!m) {
			size_t step = n - i < 16 ? n - i : 16;
			o += step;
			i += step;
			continue;
		}
		unsigned k = (unsigned)__builtin_ctz(m);
		unsigned c = (unsigned char)f[i + k] - 0x80u;
		memcpy(o + k, t->utf8[c], 4);
		o += k + t->len[c];
		i += k + 1;
	}
	return o;
}

/* The row (its text s, len bytes) starts with the memo's raw text, and
 * what follows is ASCII: its first fields are the memo's, still in c->buf
 * as the row that made the memo left them (readers of the rows do not
 * write to them), the rest are copied after them. */
static bool from_memo(const struct csvfield_conv *c, const char *s, size_t len,
		      char **restrict fields, size_t *restrict lens, size_t n)
{
	size_t raw = c->raw_len, k = c->n_fields, utf8 = c->utf8_len;
	if (!raw || len + 1 < raw || n < k || !bytecmp_same(s, c->memo, raw))
		return false;
	size_t rest = len + 1 - raw; /* with the last NUL */
	char *o = c->buf + utf8;
	const char *from = s + raw;
	if (utf8 + rest + 32 > c->cap)
		return false;
	unsigned high = copy16(o, from, rest);
	for (size_t i = 16; i < rest; i += 16)
		high |= copy16(o + i, from + i, rest - i);
	if (high)
		return false;
	const struct csvfield_kept *kept = c->kept;
	for (size_t j = 0; j < k; j++) {
		fields[j] = kept[j].text;
		lens[j] = kept[j].len;
	}
	for (size_t j = k; j < n; j++)
		fields[j] = o + (fields[j] - from);
	return true;
}

/* Keeps the converted row's raw text up to the end of field last - 1
 * (the last that had a high byte), raw_end bytes, and where its fields
 * are in c->buf, which ends at utf8_end. */
static void keep_memo(struct csvfield_conv *c, const char *s, char *const *fields,
		      const size_t *lens, size_t last, size_t raw_end, size_t utf8_end)
{
	c->raw_len = 0;
	if (last > 32 || raw_end > 512)
		return; /* a row unlike a Statistikbanken file's */
	if (!c->memo) {
		c->memo = xmalloc(512);
		c->kept = xmalloc(32 * sizeof *c->kept);
	}
	memcpy(c->memo, s, raw_end);
	for (size_t j = 0; j < last; j++) {
		c->kept[j] = (struct csvfield_kept){fields[j], lens[j]};
	}
	c->raw_len = raw_end;
	c->utf8_len = utf8_end;
	c->n_fields = last;
}

void csvfield_cp1252(struct csvfield_conv *c, char **fields, size_t *lens, size_t n)
{
	if (n == 0)
		return;
	const char *s = fields[0];
	size_t len = (size_t)(fields[n - 1] - s) + lens[n - 1];
	if (from_memo(c, s, len, fields, lens, n))
		return;
	size_t first = first_high(s, len);
	if (first == len)
		return;
	size_t need = len * 3 + 1 + 32; /* a byte gives at most 3 */
	if (need > c->cap) {
		free(c->buf);
		c->cap = need < 2048 ? 4096 : need * 2;
		c->buf = xmalloc(c->cap);
	}
	const struct cp1252_table *t = encoding_cp1252_table();
	size_t k = 0; /* the fields before the first high byte are copied */
	while (fields[k] + lens[k] <= s + first)
		k++;
	size_t keep = (size_t)(fields[k] - s);
	memcpy(c->buf, s, keep);
	for (size_t j = 0; j < k; j++)
		fields[j] = c->buf + (fields[j] - s);
	char *o = c->buf + keep;
	size_t last = 0, raw_end = 0, utf8_end = 0; /* the last field that grew */
	for (; k < n; k++) {
		const char *f = fields[k];
		size_t fl = lens[k];
		fields[k] = o;
		o = convert(o, f, fl, t);
		lens[k] = (size_t)(o - fields[k]);
		*o++ = '\0';
		if (lens[k] != fl) { /* a high byte gives 2 or 3 */
			last = k + 1;
			raw_end = (size_t)(f - s) + fl + 1;
			utf8_end = (size_t)(o - c->buf);
		}
	}
	keep_memo(c, s, fields, lens, last, raw_end, utf8_end);
}

void csvfield_free(struct csvfield_conv *c)
{
	free(c->buf);
	free(c->memo);
	free(c->kept);
	*c = (struct csvfield_conv){0};
}
