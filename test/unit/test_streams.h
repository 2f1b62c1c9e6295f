/* test_streams.h - a stream over a Windows-1252 text that gives its bytes
 * as they are (csvread converts the fields): an auto stream, which goes on
 * as Windows-1252 at the first high byte, or a raw one. */
#ifndef TEST_STREAMS_H
#define TEST_STREAMS_H

#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "ankekort/base/encoding.h"

/* The stream over raw; *st is the auto stream's state (NULL for a raw one). */
static inline FILE *cp1252_stream(FILE *raw, bool auto_stream, struct encoding_auto **st)
{
	*st = NULL;
	FILE *f = auto_stream ? encoding_auto_stream(raw, st) : encoding_cp1252_raw_stream(raw);
	assert_non_null(f);
	return f;
}

/* Closes it, once it is checked to have gone on as Windows-1252. */
static inline void cp1252_stream_close(FILE *f, struct encoding_auto *st)
{
	assert_true(encoding_stream_cp1252(f));
	if (st) {
		enum text_encoding enc;
		assert_true(encoding_auto_result(st, &enc));
		assert_int_equal(enc, ENC_CP1252);
	}
	fclose(f);
}

/* UTF-8 text as Windows-1252 (every character the test uses has a byte). */
static inline char *to_cp1252(const char *utf8, size_t len, size_t *out_len)
{
	iconv_t cd = iconv_open("WINDOWS-1252", "UTF-8");
	assert_true(cd != (iconv_t)-1);
	char *out = malloc(len + 1), *op = out, *ip = (char *)(uintptr_t)utf8;
	size_t il = len, ol = len;
	assert_int_not_equal(iconv(cd, &ip, &il, &op, &ol), (size_t)-1);
	iconv_close(cd);
	*out_len = len - ol;
	return out;
}

#endif
