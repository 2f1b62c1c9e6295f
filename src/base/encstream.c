/* encstream.c - streams over a file that give Windows-1252 as it is or tell
 * the encoding as they are read (encoding.h). */
#include "ankekort/base/encoding.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

/* ---- a stream that gives Windows-1252 as it is ------------------------------------ */

struct cp_stream {
	FILE *under;
	FILE *self;		/* the stream made over under */
	struct cp_stream *next; /* in the list of open streams */
	bool as_is;		/* Windows-1252 is given (an auto stream: once it is) */
	/* the C library's buffer of self is empty (opened or rewound, not read
	 * through since): encoding_read() calls read past it */
	bool direct;
	cookie_read_function_t *read;
	void *cookie; /* what read is called with */
};

/* The bytes of under as they are: csvread converts the fields that need it. */
static ssize_t cp_read(void *cookie, char *buf, size_t size)
{
	struct cp_stream *s = cookie;
	size_t n = fread(buf, 1, size, s->under);
	return n || !ferror(s->under) ? (ssize_t)n : -1;
}

static int cp_seek(void *cookie, off64_t *offset, int whence)
{
	struct cp_stream *s = cookie;
	if (whence != SEEK_SET || *offset != 0)
		return -1; /* only rewind is needed */
	s->direct = true;  /* the C library drops its buffer on a seek */
	rewind(s->under);
	return 0;
}

/* The streams open now, for encoding_stream_cp1252() (the program reads
 * files from one thread). */
static struct cp_stream *open_streams;

static void list_stream(struct cp_stream *s, FILE *f, cookie_read_function_t *read, void *cookie)
{
	s->self = f;
	s->direct = true;
	s->read = read;
	s->cookie = cookie;
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

static struct cp_stream *find_stream(const FILE *f)
{
	for (struct cp_stream *s = open_streams; s; s = s->next)
		if (s->self == f)
			return s;
	return NULL;
}

bool encoding_stream_cp1252(FILE *f)
{
	const struct cp_stream *s = find_stream(f);
	return s && s->as_is;
}

size_t encoding_read(FILE *f, char *buf, size_t size, bool *failed)
{
	struct cp_stream *s = find_stream(f);
	if (!s || !s->direct) {
		size_t n = fread(buf, 1, size, f);
		*failed = *failed || (n < size && ferror(f));
		return n;
	}
	size_t got = 0;
	while (got < size) {
		ssize_t n = s->read(s->cookie, buf + got, size - got);
		if (n <= 0) {
			*failed = *failed || n < 0;
			break;
		}
		got += (size_t)n;
	}
	return got;
}

/* What the C library calls to fill its buffer: self is then read through it. */
static ssize_t cp_read_buffered(void *cookie, char *buf, size_t size)
{
	struct cp_stream *s = cookie;
	s->direct = false;
	return cp_read(s, buf, size);
}

static int cp_close(void *cookie)
{
	unlist_stream(cookie);
	free(cookie);
	return 0;
}

FILE *encoding_cp1252_raw_stream(FILE *under)
{
	struct cp_stream *s = xcalloc(1, sizeof *s);
	s->under = under;
	s->as_is = true;
	rewind(under);
	cookie_io_functions_t io = {.read = cp_read_buffered, .seek = cp_seek, .close = cp_close};
	FILE *f = fopencookie(s, "rb", io);
	if (!f) {
		free(s);
		return NULL;
	}
	list_stream(s, f, cp_read, s);
	return f;
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
		size_t cut = encoding_utf8_scan(buf + skip, len - skip, &s->beyond_ascii);
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

static ssize_t auto_read_buffered(void *cookie, char *buf, size_t size)
{
	struct encoding_auto *s = cookie;
	s->cp.direct = false;
	return auto_read(s, buf, size);
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
	s->cp.direct = true; /* the C library drops its buffer on a seek */
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
	cookie_io_functions_t io = {
		.read = auto_read_buffered, .seek = auto_seek, .close = auto_close};
	FILE *f = fopencookie(s, "rb", io);
	if (!f) {
		free(s);
		return NULL;
	}
	list_stream(&s->cp, f, auto_read, s);
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
