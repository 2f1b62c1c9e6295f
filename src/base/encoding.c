/* encoding.c - UTF-8 detection and Windows-1252 conversion, for text in
 * memory and for files read in blocks. */
#include "ankekort/base/encoding.h"

#include <iconv.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/utf8pairs.h"
#include "ankekort/base/xalloc.h"

/* ---- Windows-1252 -> UTF-8, one byte at a time through a table ------------------- */

/* How many bytes from i on are ASCII (16 or 8 bytes at a time). */
static inline size_t ascii_run(const char *buf, size_t i, size_t len)
{
	size_t start = i;
#ifdef __SSE2__
	while (i + 16 <= len) {
		unsigned high = (unsigned)_mm_movemask_epi8(
			_mm_loadu_si128((const __m128i *)(const void *)(buf + i)));
		if (high)
			return i - start + (size_t)__builtin_ctz(high);
		i += 16;
	}
#endif
	while (i + 8 <= len) {
		uint64_t w;
		memcpy(&w, buf + i, 8);
		uint64_t high = w & 0x8080808080808080u;
		if (high)
			return i - start + (size_t)(__builtin_ctzll(high) >> 3);
		i += 8;
	}
	while (i < len && !((unsigned char)buf[i] & 0x80))
		i++;
	return i - start;
}

/* One byte through iconv; bytes Windows-1252 leaves undefined (0x81, 0x8D,
 * 0x8F, 0x90, 0x9D) are taken as Latin-1. */
static void convert_byte(iconv_t cd, unsigned char c, struct sbuf *out)
{
	char in[1] = {(char)c}, res[8];
	char *ip = in, *op = res;
	size_t il = 1, ol = sizeof res;
	if (cd == (iconv_t)-1 || iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
		if (cd != (iconv_t)-1)
			iconv(cd, NULL, NULL, NULL, NULL);
		utf8_encode(out, c);
		return;
	}
	sbuf_putn(out, res, sizeof res - ol);
}

/* Built once, on first use: iconv says what each high byte is. */
const struct cp1252_table *encoding_cp1252_table(void)
{
	static struct cp1252_table t;
	static bool built;
	if (built)
		return &t;
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	for (int c = 0x80; c <= 0xFF; c++) {
		struct sbuf s = {0};
		convert_byte(cd, (unsigned char)c, &s);
		size_t n = s.len < 4 ? s.len : 4;
		memcpy(t.utf8[c - 0x80], sbuf_str(&s), n);
		t.len[c - 0x80] = (unsigned char)n;
		sbuf_free(&s);
	}
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	built = true;
	return &t;
}

static void cp1252_append(struct sbuf *out, const char *buf, size_t len)
{
	const struct cp1252_table *t = encoding_cp1252_table();
	for (size_t i = 0; i < len;) {
		size_t run = ascii_run(buf, i, len);
		sbuf_putn(out, buf + i, run);
		i += run;
		if (i < len) {
			unsigned char c = (unsigned char)buf[i++];
			sbuf_putn(out, t->utf8[c - 0x80], t->len[c - 0x80]);
		}
	}
}

/* ---- UTF-8 validation ------------------------------------------------------------- */

/* Validates buf; returns how many bytes at the end are the start of a
 * sequence cut by the buffer's end (0-3), or SIZE_MAX when buf is not UTF-8.
 * *beyond_ascii is set when a byte above 0x7F comes before the answer. */
#ifdef __SSE2__
/* True when the 16 bytes at s are ASCII and whole two-byte characters
 * (æ, ø, å, §: a Danish text's only ones), none cut by the end. */
static inline bool ascii_or_pairs16(const unsigned char *s, unsigned high)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	/* as signed bytes: 0xC2-0xDF are -62..-33, 0x80-0xBF below -64 */
	__m128i lead = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-63)),
				     _mm_cmplt_epi8(v, _mm_set1_epi8(-32)));
	unsigned lm = (unsigned)_mm_movemask_epi8(lead);
	unsigned cm = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
	return !(lm & 0x8000) && cm == lm << 1 && (lm | cm) == high;
}
#endif

static size_t utf8_scan(const char *buf, size_t len, bool *beyond_ascii)
{
	const unsigned char *s = (const unsigned char *)buf;
	size_t i = 0;
	for (;;) {
		i = utf8pairs_run(s, i, len, beyond_ascii);
#ifdef __SSE2__
		/* 16 bytes at a time while they are ASCII and whole pairs */
		for (; i + 16 <= len; i += 16) {
			unsigned high = (unsigned)_mm_movemask_epi8(
				_mm_loadu_si128((const __m128i *)(const void *)(s + i)));
			if (!high)
				continue;
			if (!ascii_or_pairs16(s + i, high))
				break;
			*beyond_ascii = true;
		}
#endif
		i += ascii_run(buf, i, len);
		if (i >= len)
			return 0;
		size_t n;
		if ((unsigned)(s[i] - 0xC2) <= 0xDF - 0xC2 && i + 1 < len &&
		    (s[i + 1] & 0xC0) == 0x80) {
			n = 2; /* æ, ø, å, §: the common case without a call */
		} else {
			uint32_t cp;
			n = utf8_decode(buf + i, len - i, &cp);
			if (n == 0)
				return len - i < 4 ? len - i : SIZE_MAX;
		}
		*beyond_ascii = true;
		i += n;
	}
}

size_t encoding_utf8_scan(const char *buf, size_t len, bool *beyond_ascii)
{
	return utf8_scan(buf, len, beyond_ascii);
}

static size_t utf8_check(const char *buf, size_t len)
{
	bool beyond = false;
	return utf8_scan(buf, len, &beyond);
}

static bool valid_utf8(const char *buf, size_t len)
{
	return utf8_check(buf, len) == 0;
}

const char *encoding_name(enum text_encoding e)
{
	switch (e) {
	case ENC_UTF8_BOM: return "UTF-8 with BOM";
	case ENC_UTF8: return "UTF-8";
	default: return "Windows-1252";
	}
}

/* ---- text in memory ------------------------------------------------------------------- */

const char *encoding_view(const char *buf, size_t len, size_t *out_len, const char **name,
			  char **owned)
{
	*owned = NULL;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		*name = encoding_name(ENC_UTF8_BOM);
		*out_len = len - 3;
		return buf + 3;
	}
	if (valid_utf8(buf, len)) {
		*name = encoding_name(ENC_UTF8);
		*out_len = len;
		return buf;
	}
	*owned = encoding_to_utf8(buf, len, out_len, name);
	return *owned;
}

char *encoding_to_utf8(const char *buf, size_t len, size_t *out_len, const char **name)
{
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		*name = encoding_name(ENC_UTF8_BOM);
		*out_len = len - 3;
		return xstrndup(buf + 3, len - 3);
	}
	if (valid_utf8(buf, len)) {
		*name = encoding_name(ENC_UTF8);
		*out_len = len;
		return xstrndup(buf, len);
	}
	*name = encoding_name(ENC_CP1252);
	struct sbuf out = {0};
	cp1252_append(&out, buf, len);
	sbuf_putn(&out, "", 0);
	*out_len = out.len;
	return sbuf_take(&out);
}
