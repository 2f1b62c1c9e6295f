/* fetchhttp.h - fetch's HTTP: libcurl, opened with dlopen the first time
 * fetch runs, a GET or a POST of JSON, the answer in memory, progress on
 * stderr, and an error answer's own words ({"errorTypeCode", "message"}).
 * Built only with fetch (see fetch.h). */
#ifndef ANKEKORT_FETCHHTTP_H
#define ANKEKORT_FETCHHTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/base/sbuf.h"
#include "ankekort/import/fetchplan.h"

struct fetch_answer {
	struct sbuf data; /* the body (owned) */
	size_t max;	  /* the largest body taken */
	bool too_big;
	long status;	  /* the HTTP status, 0 without an answer */
	char *error_code; /* an error answer's errorTypeCode, or NULL (owned) */
};

enum fetch_http_result {
	FETCH_HTTP_OK,
	FETCH_HTTP_NO_CONNECTION, /* no connection to the server at all */
	FETCH_HTTP_FAILED,	  /* the transfer failed: timeout, cut short, too large */
	FETCH_HTTP_ERROR	  /* an answer, but not a success (a->status, a->error_code) */
};

/* Opens libcurl and starts it; false with a message on err. */
bool fetch_http_start(FILE *err);
void fetch_http_stop(void);
/* GET url, or POST json to it; the answer goes to a (a->max set by the
 * caller). Anything but FETCH_HTTP_OK sets *err (caller frees, escaped). */
enum fetch_http_result fetch_http(const struct fetch_options *o, const char *url, const char *json,
				  const char *what, FILE *errout, struct fetch_answer *a,
				  char **err);
void fetch_answer_free(struct fetch_answer *a);
/* CLOCK_MONOTONIC in seconds (for fetch_options.deadline). */
double fetch_now(void);

#endif
