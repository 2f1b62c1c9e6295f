/* fetch.c - Statistikbanken's open API: read a table's variables, ask for
 * what the area rules need, import the CSV answer like a downloaded file.
 *
 * The API is asked twice a table: tableinfo (GET, JSON) for the variables,
 * then data (POST, JSON in, CSV out). Which variable is the municipality,
 * the law, the decision type and the period is decided from their values,
 * with the same rules as import uses for a file's columns. */
#include "ankekort/base/diag.h"
#include "ankekort/import/fetch.h"

#ifndef ANKEKORT_HAVE_FETCH

#include "ankekort/base/i18n.h"

int fetch_run(const struct fetch_options *o, FILE *out, FILE *err)
{
	(void)o;
	(void)out;
	fputs(_("ankekort: fetch is not built in: build ankekort with libcurl and jansson "
		"(Debian: libcurl4-openssl-dev, libjansson-dev); or download the tables by hand "
		"and use 'ankekort import'\n"),
	      err);
	return 1;
}

#else

#include <curl/curl.h>
#include <dlfcn.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ankekort/base/atomicfile.h"
#include "version.h" /* ANKEKORT_VERSION, from meson.build */
#include "ankekort/data/csvload.h"
#include "ankekort/import/fetchplan.h"
#include "ankekort/base/i18n.h"
#include "ankekort/import/merge.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

/* ---- libcurl, loaded when fetch runs --------------------------------------------------------
 * Linked in, libcurl brings about thirty libraries (TLS, Kerberos, LDAP ...)
 * whose loading made every start of ankekort 8 ms slower, the browser's
 * included. So it is opened with dlopen the first time fetch needs it. */

static struct {
	void *lib;
	CURLcode (*global_init)(long);
	void (*global_cleanup)(void);
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
	CURLcode (*easy_perform)(CURL *);
	CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
	void (*easy_cleanup)(CURL *);
	const char *(*easy_strerror)(CURLcode);
	struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
	void (*slist_free_all)(struct curl_slist *);
} cu;

static bool curl_load(FILE *err)
{
	if (cu.lib)
		return true;
	static const char *const names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"};
	for (size_t i = 0; i < sizeof names / sizeof names[0] && !cu.lib; i++)
		cu.lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
	if (!cu.lib) {
		fprintf(err, _("ankekort: fetch needs libcurl (Debian: libcurl4): %s\n"),
			dlerror());
		return false;
	}
	struct {
		const char *name;
		void **fn;
	} syms[] = {
		{"curl_global_init", (void **)&cu.global_init},
		{"curl_global_cleanup", (void **)&cu.global_cleanup},
		{"curl_easy_init", (void **)&cu.easy_init},
		{"curl_easy_setopt", (void **)&cu.easy_setopt},
		{"curl_easy_perform", (void **)&cu.easy_perform},
		{"curl_easy_getinfo", (void **)&cu.easy_getinfo},
		{"curl_easy_cleanup", (void **)&cu.easy_cleanup},
		{"curl_easy_strerror", (void **)&cu.easy_strerror},
		{"curl_slist_append", (void **)&cu.slist_append},
		{"curl_slist_free_all", (void **)&cu.slist_free_all},
	};
	for (size_t i = 0; i < sizeof syms / sizeof syms[0]; i++) {
		*syms[i].fn = dlsym(cu.lib, syms[i].name);
		if (!*syms[i].fn) {
			fprintf(err, _("ankekort: fetch needs libcurl (Debian: libcurl4): %s\n"),
				dlerror());
			dlclose(cu.lib);
			cu.lib = NULL;
			return false;
		}
	}
	return true;
}

/* ---- HTTP ------------------------------------------------------------------------------------ */

struct body {
	struct sbuf data;
	size_t max;
	bool too_big;
};

struct progress {
	FILE *err;
	const char *what;
	struct timespec start, last;
	bool shown, tty;
};

static size_t on_data(char *p, size_t size, size_t n, void *ctx)
{
	struct body *b = ctx;
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

/* The API's own words in an error answer ({"message": "..."}), or the
 * first line of the body; escaped, short. */
static char *error_text(const struct sbuf *body)
{
	json_error_t je;
	json_t *root = json_loadb(body->data ? body->data : "", body->len, 0, &je);
	const char *msg =
		json_is_object(root) ? json_string_value(json_object_get(root, "message")) : NULL;
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

/* GET url, or POST json to it; the answer goes to b. False with *err set
 * (caller frees) when there is no complete, successful answer. */
static bool http(const struct fetch_options *o, const char *url, const char *json, const char *what,
		 FILE *errout, struct body *b, bool *unreachable, char **err)
{
	CURL *c = cu.easy_init();
	if (!c) {
		*err = xstrdup(_("cannot start libcurl"));
		return false;
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
	cu.easy_setopt(c, CURLOPT_TIMEOUT, (long)(o->timeout ? o->timeout : 120));
	cu.easy_setopt(c, CURLOPT_CONNECTTIMEOUT,
		       (long)(o->timeout && o->timeout < 30 ? o->timeout : 30));
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
	if (p.shown && p.tty)
		fputc('\n', errout);
	bool ok = false;
	if (b->too_big || rc == CURLE_FILESIZE_EXCEEDED) {
		*err = xasprintf(_("%s: the answer is larger than %zu MiB (see --max-mib)"), url,
				 b->max >> 20);
		*unreachable = true;
	} else if (rc != CURLE_OK) {
		*err = xasprintf(_("%s: %s%s%s"), url, cu.easy_strerror(rc), errbuf[0] ? ": " : "",
				 errbuf);
		*unreachable = true;
	} else if (status < 200 || status >= 300) {
		char *text = error_text(&b->data);
		*err = xasprintf(_("%s: the API answered HTTP %ld%s%s"), url, status,
				 text[0] ? ": " : "", text);
		free(text);
	} else {
		ok = true;
	}
	cu.slist_free_all(headers);
	cu.easy_cleanup(c);
	free(shown_what);
	return ok;
}

/* ---- writing ----------------------------------------------------------------------------------- */

static bool ensure_dir(const char *dir, char **err)
{
	if (mkdir(dir, 0777) == 0 || errno == EEXIST)
		return true;
	*err = xasprintf(_("cannot create %s: %s"), dir, strerror(errno));
	return false;
}

/* DIR/downloads/TABLE-DATE.csv (DATE-2, -3 ... when that exists). */
static bool keep_download(const char *dir, const char *table, const char *date,
			  const struct sbuf *body, FILE *out, char **err)
{
	char *sub = xasprintf("%s/downloads", dir);
	bool ok = ensure_dir(dir, err) && ensure_dir(sub, err);
	struct atomicfile af = {0};
	for (int k = 1; ok && k < 100; k++) {
		char *path = k == 1 ? xasprintf("%s/%s-%s.csv", sub, table, date)
				    : xasprintf("%s/%s-%s-%d.csv", sub, table, date, k);
		struct stat st;
		bool taken = lstat(path, &st) == 0;
		if (!taken && !atomic_open(&af, path, false, err))
			ok = false;
		free(path);
		if (!taken)
			break;
	}
	if (ok && af.f) {
		char *path = xstrdup(af.path);
		fwrite(sbuf_str(body), 1, body->len, af.f);
		ok = atomic_commit(&af, err);
		if (ok)
			diag_sayf(out, _("the download is kept in %s\n"), path);
		free(path);
	}
	free(sub);
	return ok;
}

/* ---- one table ---------------------------------------------------------------------------------- */

/* Reads the table's variables and tells their roles; *unreachable when the
 * API could not be asked or did not answer as documented (no use trying
 * another table). */
static bool load_table(const struct fetch_options *o, const char *api, const char *name, FILE *err,
		       struct fetch_table *t, bool *unreachable, char **why)
{
	struct body b = {.max = (size_t)(o->max_mib ? o->max_mib : 512) << 20};
	char *url = xasprintf("%s/tableinfo/%s?format=JSON&lang=da", api, name);
	bool ok = http(o, url, NULL, name, err, &b, unreachable, why);
	if (ok && !fetch_table_parse(sbuf_str(&b.data), b.data.len, url, name, t, why)) {
		ok = false;
		*unreachable = true; /* the API answers, but not as documented */
	}
	if (ok && !fetch_table_roles(o, t, why)) {
		char *w = *why;
		*why = xasprintf(_("%s: %s"), name, w);
		free(w);
		ok = false;
	}
	free(url);
	sbuf_free(&b.data);
	return ok;
}

static void today(char *buf, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(buf, size, "%Y-%m-%d", &tm);
}

static int import_download(const struct fetch_options *o, const char *api,
			   const struct fetch_table *t, const struct sbuf *csv, FILE *out,
			   FILE *err)
{
	char date[16];
	today(date, sizeof date);
	char *source = xasprintf("Danmarks Statistik, Statistikbanken %s (Ankestyrelsens tal), "
				 "CC BY 4.0, hentet %s",
				 t->id, date);
	char *url = xasprintf("https://www.statistikbanken.dk/%s", t->id);
	struct import_options io = {.format = IMPORT_DST,
				    .source = source,
				    .source_url = url,
				    .source_date = date,
				    .area = -1,
				    .rules = o->rules};
	char *shown = xasprintf("%s/data/%s", api, t->id);
	struct import_result r;
	bool ok = import_buffer(sbuf_str(csv), csv->len, shown, o->known, &io, &r);
	diag_sayf(out, _("%s: %s, %zu rows read, %zu used, %zu figures\n"), t->id,
		  r.encoding ? r.encoding : "?", r.rows_read, r.rows_used, r.n_obs);
	diag_list_print(&r.report, out);
	char *why = NULL;
	if (!ok || r.rows_read == 0) {
		diag_sayf(
			err,
			_("ankekort: %s: the answer is not the CSV that was asked for; nothing is "
			  "written\n"),
			shown);
	} else if (!o->dry_run && !keep_download(o->into, t->id, date, csv, out, &why)) {
		ok = false;
	} else {
		struct merge_stats st;
		ok = merge_into(o->into, o->known, r.obs, r.n_obs, o->dry_run, out, &st, &why);
		if (ok)
			merge_say_totals(out, &st, o->dry_run);
	}
	if (why) {
		fflush(out);
		diag_say(err, why);
		free(why);
	}
	bool good = ok && r.rows_read > 0;
	import_result_free(&r);
	free(shown);
	free(url);
	free(source);
	return good ? 0 : 1;
}

int fetch_run(const struct fetch_options *o, FILE *out, FILE *err)
{
	const char *api = o->api_url ? o->api_url : FETCH_DEFAULT_API;
	if (!curl_load(err))
		return 1;
	if (cu.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		fputs(_("ankekort: cannot start libcurl\n"), err);
		return 1;
	}
	static const char *const candidates[] = {"ANKEAST1", "ANKEAST2", "ANKEAST3", "ANKEAST4"};
	struct fetch_table t = {0};
	struct sbuf whys = {0};
	bool found = false, unreachable = false;
	for (size_t i = 0; i < 4 && !found && !unreachable; i++) {
		const char *name = o->table ? o->table : candidates[i];
		char *why = NULL;
		found = load_table(o, api, name, err, &t, &unreachable, &why);
		if (!found) {
			sbuf_printf(&whys, "%s%s", whys.len ? "; " : "", why);
			fetch_table_free(&t);
		}
		free(why);
		if (o->table)
			break;
	}
	int status = 1;
	if (!found) {
		diag_sayf(err, _("ankekort: no table to fetch: %s\n"), sbuf_str(&whys));
	} else {
		char *why = NULL;
		char *req = fetch_data_request(o, &t, err, &why);
		struct body b = {.max = (size_t)(o->max_mib ? o->max_mib : 512) << 20};
		char *url = xasprintf("%s/data", api);
		if (req && http(o, url, req, t.id, err, &b, &unreachable, &why))
			status = import_download(o, api, &t, &b.data, out, err);
		else
			diag_sayf(err, _("ankekort: %s; nothing is written\n"), why ? why : "?");
		free(why);
		free(req);
		free(url);
		sbuf_free(&b.data);
	}
	fetch_table_free(&t);
	sbuf_free(&whys);
	cu.global_cleanup();
	return status;
}

#endif
