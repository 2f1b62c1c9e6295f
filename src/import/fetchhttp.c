/* fetchhttp.c - fetch's HTTP through libcurl (see fetchhttp.h). */
#include "ankekort/import/fetchhttp.h"

#include <curl/curl.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "version.h" /* ANKEKORT_VERSION, from meson.build */
#include "ankekort/base/dynlib.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

/* ---- libcurl, loaded when fetch runs --------------------------------------------------------
 * Linked in, libcurl brings about thirty libraries (TLS, Kerberos, LDAP ...)
 * whose loading made every start of ankekort 8 ms slower, the browser's
 * included. So it is opened with dlopen the first time fetch needs it. */

/* The functions fetch calls. The members go without the curl_ prefix:
 * curl.h makes curl_easy_setopt and curl_easy_getinfo macros (its type
 * checks), which a member of the same name would run into. */
#define CURL_FUNCTIONS(X)                                                                          \
	X(global_init)                                                                             \
	X(global_cleanup)                                                                          \
	X(easy_init)                                                                               \
	X(easy_setopt)                                                                             \
	X(easy_perform)                                                                            \
	X(easy_getinfo)                                                                            \
	X(easy_cleanup)                                                                            \
	X(easy_strerror)                                                                           \
	X(slist_append)                                                                            \
	X(slist_free_all)

struct curlfns {
#define CURL_POINTER(f) __typeof__(curl_##f) *f;
	CURL_FUNCTIONS(CURL_POINTER)
#undef CURL_POINTER
};
static struct curlfns cu;

#define CURL_SYMBOL(f) DYNLIB_FN(struct curlfns, f, "curl_" #f)
static const struct dynlib_fn curl_symbols[] = {CURL_FUNCTIONS(CURL_SYMBOL)};
#undef CURL_SYMBOL

static const char *const curl_sonames[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so",
					   NULL};

static struct dynlib curl_lib = {
	.sonames = curl_sonames,
	.needs = N_("ankekort: fetch needs libcurl (Debian: libcurl4): %s\n"),
	.fns = curl_symbols,
	.n_fns = sizeof curl_symbols / sizeof curl_symbols[0],
	.table = &cu,
};

static bool curl_load(FILE *err)
{
	char *msg = NULL;
	if (dynlib_open(&curl_lib, &msg))
		return true;
	fputs(msg, err);
	free(msg);
	return false;
}

/* ---- HTTP ------------------------------------------------------------------------------------ */

struct progress {
	FILE *err;
	const char *what;
	struct timespec start, last;
	bool shown, tty;
};

static size_t on_data(char *p, size_t size, size_t n, void *ctx)
{
	struct fetch_answer *b = ctx;
	if (b->data.len + size * n > b->max) {
		b->too_big = true;
		return 0; /* makes libcurl stop with CURLE_WRITE_ERROR */
	}
	sbuf_putn(&b->data, p, size * n);
	return size * n;
}

static double seconds_since(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/* After a second, the size so far on stderr: once a second on a terminal,
 * every ten seconds in a log. */
static int on_progress(void *ctx, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
		       curl_off_t ulnow)
{
	(void)dltotal;
	(void)ultotal;
	(void)ulnow;
	struct progress *p = ctx;
	if (seconds_since(&p->start) < 1.0 || seconds_since(&p->last) < (p->tty ? 1.0 : 10.0))
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &p->last);
	fprintf(p->err, _("ankekort: fetching %s: %.1f MiB, %.0f s%s"), p->what,
		(double)dlnow / 1048576.0, seconds_since(&p->start), p->tty ? "\r" : "\n");
	p->shown = true;
	return 0;
}

/* The API's own words in an error answer ({"errorTypeCode": ..., "message":
 * "..."}), or the first line of the body; escaped, short. *code gets the
 * errorTypeCode (caller frees) or NULL. */
static char *error_text(const struct sbuf *body, char **code)
{
	json_error_t je;
	json_t *root = json_loadb(body->data ? body->data : "", body->len, 0, &je);
	const char *msg =
		json_is_object(root) ? json_string_value(json_object_get(root, "message")) : NULL;
	const char *type = json_is_object(root)
				   ? json_string_value(json_object_get(root, "errorTypeCode"))
				   : NULL;
	*code = type ? xstrdup(type) : NULL;
	struct sbuf line = {0};
	if (msg) {
		sbuf_puts(&line, msg);
	} else if (body->len) {
		const char *s = sbuf_str(body);
		sbuf_putn(&line, s, strcspn(s, "\r\n"));
	}
	json_decref(root);
	struct sbuf out = {0};
	textfmt_fit(&out, sbuf_str(&line), 160, false, false);
	sbuf_free(&line);
	struct sbuf esc = {0};
	textfmt_escape(&esc, sbuf_str(&out));
	sbuf_free(&out);
	return sbuf_take(&esc);
}

bool fetch_http_start(FILE *err)
{
	if (!curl_load(err))
		return false;
	if (cu.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		fputs(_("ankekort: cannot start libcurl\n"), err);
		return false;
	}
	return true;
}

void fetch_http_stop(void)
{
	cu.global_cleanup();
}

void fetch_answer_free(struct fetch_answer *a)
{
	sbuf_free(&a->data);
	free(a->error_code);
	a->error_code = NULL;
	a->too_big = false;
	a->status = 0;
}

/* No connection at all, as against a transfer that failed. */
static bool no_connection(CURLcode rc)
{
	return rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST ||
	       rc == CURLE_COULDNT_RESOLVE_PROXY || rc == CURLE_SSL_CONNECT_ERROR ||
	       rc == CURLE_UNSUPPORTED_PROTOCOL || rc == CURLE_URL_MALFORMAT;
}

double fetch_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

enum fetch_http_result fetch_http(const struct fetch_options *o, const char *url, const char *json,
				  const char *what, FILE *errout, struct fetch_answer *b,
				  char **err)
{
	CURL *c = cu.easy_init();
	if (!c) {
		*err = xstrdup(_("cannot start libcurl"));
		return FETCH_HTTP_FAILED;
	}
	char errbuf[CURL_ERROR_SIZE] = "";
	char *shown_what = textfmt_escape_dup(what); /* an --api URL is typed text */
	struct progress p = {.err = errout, .what = shown_what, .tty = isatty(fileno(errout))};
	clock_gettime(CLOCK_MONOTONIC, &p.start);
	p.last = p.start;
	struct curl_slist *headers = cu.slist_append(NULL, "Content-Type: application/json");
	cu.easy_setopt(c, CURLOPT_URL, url);
	cu.easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	cu.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	cu.easy_setopt(c, CURLOPT_USERAGENT, "ankekort/" ANKEKORT_VERSION);
	cu.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	cu.easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
	cu.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	cu.easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	/* --timeout bounds the whole fetch: each request gets what is left */
	long left_ms = o->deadline > 0 ? (long)((o->deadline - fetch_now()) * 1000.0) : 120000L;
	if (left_ms < 1)
		left_ms = 1;
	cu.easy_setopt(c, CURLOPT_TIMEOUT_MS, left_ms);
	cu.easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, left_ms < 30000 ? left_ms : 30000L);
	cu.easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)b->max);
	cu.easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	cu.easy_setopt(c, CURLOPT_WRITEDATA, b);
	cu.easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
	cu.easy_setopt(c, CURLOPT_XFERINFODATA, &p);
	cu.easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	if (json) {
		cu.easy_setopt(c, CURLOPT_HTTPHEADER, headers);
		cu.easy_setopt(c, CURLOPT_POSTFIELDS, json);
	}
	CURLcode rc = cu.easy_perform(c);
	long status = 0;
	cu.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	b->status = status;
	if (p.shown && p.tty)
		fputc('\n', errout);
	enum fetch_http_result result = FETCH_HTTP_OK;
	if (b->too_big || rc == CURLE_FILESIZE_EXCEEDED) {
		*err = xasprintf(_("%s: the answer is larger than %zu MiB (see --max-mib)"), url,
				 b->max >> 20);
		result = FETCH_HTTP_FAILED;
	} else if (rc != CURLE_OK) {
		*err = xasprintf(_("%s: %s%s%s"), url, cu.easy_strerror(rc), errbuf[0] ? ": " : "",
				 errbuf);
		result = no_connection(rc) ? FETCH_HTTP_NO_CONNECTION : FETCH_HTTP_FAILED;
	} else if (status < 200 || status >= 300) {
		char *text = error_text(&b->data, &b->error_code);
		*err = xasprintf(_("%s: the API answered HTTP %ld: %s"), url, status,
				 text[0] ? text : "?");
		free(text);
		result = FETCH_HTTP_ERROR;
	}
	cu.slist_free_all(headers);
	cu.easy_cleanup(c);
	free(shown_what);
	return result;
}
