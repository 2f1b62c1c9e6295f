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

/* Copies ASCII from src to dst, up to n bytes or the first high byte;
 * returns how many (16 bytes at a time: the scan is the copy). */
static inline size_t ascii_copy(char *dst, const char *src, size_t n)
{
	size_t i = 0;
#ifdef __SSE2__
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(src + i));
		_mm_storeu_si128((__m128i *)(void *)(dst + i), v);
		unsigned high = (unsigned)_mm_movemask_epi8(v);
		if (high)
			return i + (size_t)__builtin_ctz(high);
	}
#endif
	for (; i < n && !((unsigned char)src[i] & 0x80); i++)
		dst[i] = src[i];
	return i;
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

bool encoding_sniff_stream(FILE *f, enum text_encoding *enc)
{
	char block[65536 + 4];
	size_t carry = 0, n;
	bool utf8 = true, first = true;
	rewind(f);
	while ((n = fread(block + carry, 1, sizeof block - 4 - carry, f)) > 0) {
		size_t len = carry + n;
		if (first && len >= 3 && memcmp(block, "\xEF\xBB\xBF", 3) == 0) {
			*enc = ENC_UTF8_BOM;
			rewind(f);
			return true;
		}
		first = false;
		size_t cut = utf8_check(block, len);
		if (cut == SIZE_MAX) {
			utf8 = false;
			break;
		}
		memmove(block, block + len - cut, cut);
		carry = cut;
	}
	bool read_error = ferror(f);
	if (utf8 && carry)
		utf8 = false; /* the file ends inside a sequence */
	*enc = utf8 ? ENC_UTF8 : ENC_CP1252;
	rewind(f);
	return !read_error;
}

/* ---- a stream that converts as it is read ------------------------------------------- */

struct cp_stream {
	FILE *under;
	FILE *self;		/* the stream made over under */
	struct cp_stream *next; /* in the list of open streams */
	bool as_is;		/* Windows-1252 is given as it is, not converted */
	char pend[4];		/* a converted character that did not fit the caller's buffer */
	size_t pend_len, pend_off;
	size_t raw_off, raw_len; /* raw[raw_off..raw_len) is read and not converted yet */
	char raw[65536];
};

/* Fills the caller's buffer to the last byte (a short answer would make the
 * C library read the next block through its own buffer, a copy more): what
 * is read and does not fit waits in raw, a character cut by the end in pend. */
static ssize_t cp_read(void *cookie, char *buf, size_t size)
{
	struct cp_stream *s = cookie;
	if (s->as_is) {
		size_t n = fread(buf, 1, size, s->under);
		return n || !ferror(s->under) ? (ssize_t)n : -1;
	}
	const struct cp1252_table *t = encoding_cp1252_table();
	size_t out = 0;
	while (out < size && s->pend_off < s->pend_len)
		buf[out++] = s->pend[s->pend_off++];
	while (out < size) {
		if (s->raw_off == s->raw_len) {
			size_t n = fread(s->raw, 1, sizeof s->raw, s->under);
			if (n == 0)
				return out || !ferror(s->under) ? (ssize_t)out : -1;
			s->raw_off = 0;
			s->raw_len = n;
		}
		size_t room = size - out, left = s->raw_len - s->raw_off;
		size_t run = ascii_copy(buf + out, s->raw + s->raw_off, room < left ? room : left);
		out += run;
		s->raw_off += run;
		if (out == size || s->raw_off == s->raw_len)
			continue;
		unsigned char c = (unsigned char)s->raw[s->raw_off++];
		const char *u = t->utf8[c - 0x80];
		size_t ulen = t->len[c - 0x80];
		if (size - out >= 4) { /* the common case: four bytes stored at once */
			memcpy(buf + out, u, 4);
			out += ulen;
			continue;
		}
		size_t fit = size - out < ulen ? size - out : ulen;
		memcpy(buf + out, u, fit);
		out += fit;
		if (fit < ulen) {
			memcpy(s->pend, u + fit, ulen - fit);
			s->pend_len = ulen - fit;
			s->pend_off = 0;
		}
	}
	return (ssize_t)out;
}

static int cp_seek(void *cookie, off64_t *offset, int whence)
{
	struct cp_stream *s = cookie;
	if (whence != SEEK_SET || *offset != 0)
		return -1; /* only rewind is needed */
	s->pend_len = s->pend_off = 0;
	s->raw_off = s->raw_len = 0;
	rewind(s->under);
	return 0;
}

/* The streams open now, for encoding_stream_cp1252() (the program reads
 * files from one thread). */
static struct cp_stream *open_streams;

static void list_stream(struct cp_stream *s, FILE *f)
{
	s->self = f;
	s->next = open_streams;
	open_streams = s;
}

static void unlist_stream(const struct cp_stream *s)
{
	for (struct cp_stream **p = &open_streams; *p; p = &(*p)->next)
		if (*p == s) {
			*p = s->next;
			return;
		}
}

bool encoding_stream_cp1252(FILE *f)
{
	for (const struct cp_stream *s = open_streams; s; s = s->next)
		if (s->self == f)
			return s->as_is;
	return false;
}

static int cp_close(void *cookie)
{
	unlist_stream(cookie);
	free(cookie);
	return 0;
}

static FILE *cp_stream_open(FILE *under, bool as_is)
{
	struct cp_stream *s = xcalloc(1, sizeof *s);
	s->under = under;
	s->as_is = as_is;
	rewind(under);
	cookie_io_functions_t io = {.read = cp_read, .seek = cp_seek, .close = cp_close};
	FILE *f = fopencookie(s, "rb", io);
	if (!f) {
		free(s);
		return NULL;
	}
	setvbuf(f, NULL, _IOFBF, 1 << 16); /* large reads: fewer trips through cp_read */
	list_stream(s, f);
	return f;
}

FILE *encoding_cp1252_stream(FILE *under)
{
	return cp_stream_open(under, false);
}

FILE *encoding_cp1252_raw_stream(FILE *under)
{
	return cp_stream_open(under, true);
}

/* ---- a stream that decides the encoding as it is read ------------------------------- */

enum auto_mode { AUTO_UTF8, AUTO_CP1252, AUTO_AGAIN };

struct encoding_auto {
	struct cp_stream cp; /* the reading once it is Windows-1252 */
	enum auto_mode mode;
	bool beyond_ascii; /* UTF-8 above ASCII was passed on */
	bool eof;
	off_t passed; /* bytes of under passed on */
	char cut[4];  /* a sequence the last block cut */
	size_t cut_len;
	bool cut_held; /* ... and not passed on yet */
	char small[8]; /* passed on, for a reader asking for less */
	size_t small_len, small_off;
};

/* Goes on as Windows-1252 when all that was passed on was ASCII (the same
 * text in both); otherwise the text has to be read again from the start. */
static ssize_t not_utf8(struct encoding_auto *s, char *buf, size_t size)
{
	if (s->beyond_ascii || fseeko(s->cp.under, s->passed, SEEK_SET) != 0) {
		s->mode = AUTO_AGAIN;
		return 0;
	}
	s->mode = AUTO_CP1252;
	s->cp.as_is = true; /* given as it is from here on: csvread converts fields */
	s->cp.raw_off = s->cp.raw_len = 0;
	return cp_read(&s->cp, buf, size);
}

/* How many bytes of a block complete the sequence the last block cut (its
 * first bytes are in s->cut); SIZE_MAX when they do not make one. */
static size_t cut_rest(const struct encoding_auto *s, const char *buf, size_t n)
{
	char seq[8];
	size_t more = n < 4 ? n : 4;
	memcpy(seq, s->cut, s->cut_len);
	memcpy(seq + s->cut_len, buf, more);
	uint32_t cp;
	size_t len = utf8_decode(seq, s->cut_len + more, &cp);
	return len > s->cut_len ? len - s->cut_len : SIZE_MAX;
}

/* UTF-8 is read straight into the reader's buffer and checked there. A
 * sequence the end of a full block cuts is passed on too and checked with
 * the next block's first bytes; one the last (short) block ends in is held
 * back, so that a file ending in it can go on as Windows-1252. */
static ssize_t auto_read(void *cookie, char *buf, size_t size)
{
	struct encoding_auto *s = cookie;
	if (s->small_off < s->small_len || size < sizeof s->small) {
		if (s->small_off == s->small_len) { /* a reader asking for very little */
			ssize_t n = auto_read(s, s->small, sizeof s->small);
			if (n <= 0)
				return n;
			s->small_len = (size_t)n;
			s->small_off = 0;
		}
		size_t k = s->small_len - s->small_off < size ? s->small_len - s->small_off : size;
		memcpy(buf, s->small + s->small_off, k);
		s->small_off += k;
		return (ssize_t)k;
	}
	if (s->mode == AUTO_CP1252)
		return cp_read(&s->cp, buf, size);
	for (;;) {
		if (s->mode == AUTO_AGAIN || s->eof)
			return 0;
		size_t held = s->cut_held ? s->cut_len : 0; /* under 4: size is not */
		memcpy(buf, s->cut, held);
		size_t n = fread(buf + held, 1, size - held, s->cp.under);
		if (n == 0 && ferror(s->cp.under))
			return -1;
		s->eof = n == 0;
		if (n == 0) /* at the end, a sequence cut short is not UTF-8 */
			return s->cut_len ? not_utf8(s, buf, size) : 0;
		size_t len = held + n, skip = 0;
		if (s->cut_len && !held) {
			skip = cut_rest(s, buf, n);
			if (skip == SIZE_MAX)
				return not_utf8(s, buf, size);
		}
		size_t cut = utf8_scan(buf + skip, len - skip, &s->beyond_ascii);
		if (cut == SIZE_MAX)
			return not_utf8(s, buf, size);
		memcpy(s->cut, buf + len - cut, cut);
		s->cut_len = cut;
		s->cut_held = cut && len < size;
		if (cut && !s->cut_held)
			s->beyond_ascii = true; /* its bytes are passed on now */
		size_t out = s->cut_held ? len - cut : len;
		s->passed += (off_t)out;
		if (out)
			return (ssize_t)out;
	}
}

static int auto_seek(void *cookie, off64_t *offset, int whence)
{
	struct encoding_auto *s = cookie;
	if (whence != SEEK_SET || *offset != 0)
		return -1; /* only rewind is needed */
	s->small_len = s->small_off = 0;
	if (s->mode == AUTO_CP1252)
		return cp_seek(&s->cp, offset, whence);
	s->passed = 0;
	s->cut_len = 0;
	s->cut_held = false;
	s->eof = false;
	rewind(s->cp.under);
	return 0;
}

static int auto_close(void *cookie)
{
	unlist_stream(&((struct encoding_auto *)cookie)->cp);
	free(cookie);
	return 0;
}

FILE *encoding_auto_stream(FILE *under, struct encoding_auto **st)
{
	struct encoding_auto *s = xcalloc(1, sizeof *s);
	s->cp.under = under;
	rewind(under);
	cookie_io_functions_t io = {.read = auto_read, .seek = auto_seek, .close = auto_close};
	FILE *f = fopencookie(s, "rb", io);
	if (!f) {
		free(s);
		return NULL;
	}
	setvbuf(f, NULL, _IOFBF, 1 << 16);
	list_stream(&s->cp, f);
	*st = s;
	return f;
}

bool encoding_auto_result(struct encoding_auto *s, enum text_encoding *enc)
{
	/* what was left unread decides too (a reading that stopped early) */
	while (s->mode == AUTO_UTF8 && !s->eof) {
		static char sink[1 << 16];
		if (auto_read(s, sink, sizeof sink) < 0)
			break;
	}
	*enc = s->mode == AUTO_CP1252 ? ENC_CP1252 : ENC_UTF8;
	return s->mode != AUTO_AGAIN;
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
