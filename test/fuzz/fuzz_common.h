/* fuzz_common.h - what every harness checks of text meant for a person:
 * no control character, bidi mark or invalid byte reaches it raw. A
 * finding aborts, so libFuzzer keeps the input. */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/xalloc.h"
#include "ankekort/base/textfmt.h"

/* Aborts when a line of text (newlines end lines) needs escaping. */
static inline void fuzz_expect_escaped(const char *text, size_t len, const char *what)
{
	char *copy = xmalloc(len + 1);
	memcpy(copy, text, len);
	copy[len] = '\0';
	for (char *line = copy, *next; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (strlen(line) && textfmt_needs_escape(line)) {
			fprintf(stderr,
				"%s: a raw control character, bidi mark or invalid byte in "
				"\"%s\"\n",
				what, line);
			abort();
		}
	}
	free(copy);
}

#endif
