/* fetch.c - Statistikbank API: find the appeals tables in the API's table
 * list, read a table's variables, ask for what the area rules need (in
 * parts under the API's cell limit), import the CSV answer like a
 * downloaded file; where no table is found, say where the figures are.
 *
 * The API is asked: tables (POST, JSON) for the candidates, tableinfo (GET,
 * JSON) for a table's variables, then data (POST, JSON in, CSV out). Which
 * variable is the municipality, the law, the decision type and the period
 * is decided from their values, with the same rules as import uses for a
 * file's columns. HTTP is in fetchhttp.c, the decisions in fetchplan.c and
 * tablelist.c. */
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

#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "ankekort/base/atomicfile.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/csvload.h"
#include "ankekort/import/fetchhttp.h"
#include "ankekort/import/fetchplan.h"
#include "ankekort/import/parmerge.h"
#include "ankekort/import/merge.h"
#include "ankekort/import/quartermerge.h"
#include "ankekort/import/tablelist.h"

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

/* ---- finding the table ------------------------------------------------------------------------- */

/* The tables to try at most, from the table list. */
#define MAX_CANDIDATES 8

static size_t answer_max(const struct fetch_options *o)
{
	return (size_t)(o->max_mib ? o->max_mib : 512) << 20;
}

/* The table list and a table's information are JSON, which takes many
 * times its size in memory once parsed: a real one is a few MiB, so no
 * more than 16 MiB of it is taken, whatever --max-mib says of the data. */
#define JSON_MAX ((size_t)16 << 20)

static size_t json_max(const struct fetch_options *o)
{
	size_t m = answer_max(o);
	return m < JSON_MAX ? m : JSON_MAX;
}

/* One paragraph: where the figures are published now and how to get them
 * into ankekort. */
static void say_talportal(FILE *err, const char *api)
{
	diag_sayf(err,
		  _("ankekort: no table of Ankestyrelsen's appeal decisions was found at %s "
		    "(its table list, inactive tables included). Since 2021 Ankestyrelsen "
		    "publishes these figures in its Talportal (linked from ast.dk), not in "
		    "Statistikbanken: there choose your municipality (or all), the law "
		    "Serviceloven with the handicap topics (or all topics) and the years, "
		    "download the table as CSV (or Excel), and run 'ankekort import FILE'. A "
		    "hosted databank that still has the tables can be named with --api-url "
		    "URL/v1/sNN or a 'statbank = URL' line in the configuration file.\n"),
		  api);
}

static void say_no_connection(FILE *err, const char *api, const char *why)
{
	diag_sayf(err, _("ankekort: could not connect to %s (%s); nothing is written\n"), api, why);
}

/* The candidates from the API's table list (owned strings into *names);
 * -1 when the API could not be asked (said on err), else how many. */
static int find_candidates(const struct fetch_options *o, const char *api, FILE *err, char **names)
{
	char *url = xasprintf("%s/tables", api);
	json_t *body =
		json_pack("{s:s, s:s, s:b}", "lang", "da", "format", "JSON", "includeInactive", 1);
	char *req = json_dumps(body, JSON_COMPACT);
	json_decref(body);
	struct fetch_answer a = {.max = json_max(o)};
	char *why = NULL;
	int n = -1;
	enum fetch_http_result r = fetch_http(o, url, req, "tables", err, &a, &why);
	struct tablelist l = {0};
	if (r == FETCH_HTTP_NO_CONNECTION) {
		say_no_connection(err, api, why);
	} else if (r != FETCH_HTTP_OK) {
		diag_sayf(err, _("ankekort: %s; nothing is written\n"), why);
	} else if (!tablelist_parse(sbuf_str(&a.data), a.data.len, url, &l, &why)) {
		diag_sayf(err, _("ankekort: %s; nothing is written\n"), why);
	} else {
		size_t idx[MAX_CANDIDATES];
		n = (int)tablelist_match(&l, idx, MAX_CANDIDATES);
		for (int i = 0; i < n; i++)
			names[i] = xstrdup(l.tables[idx[i]].id);
	}
	tablelist_free(&l);
	free(why);
	fetch_answer_free(&a);
	free(req);
	free(url);
	return n;
}

/* Reads the table's variables and tells their roles. *fatal when the API
 * could not be asked or did not answer as documented (no use trying
 * another table). */
static bool load_table(const struct fetch_options *o, const char *api, const char *name, FILE *err,
		       struct fetch_table *t, bool *fatal, char **why)
{
	struct fetch_answer a = {.max = json_max(o)};
	char *url = xasprintf("%s/tableinfo/%s?format=JSON&lang=da", api, name);
	enum fetch_http_result r = fetch_http(o, url, NULL, name, err, &a, why);
	bool ok = r == FETCH_HTTP_OK;
	if (r == FETCH_HTTP_NO_CONNECTION) {
		say_no_connection(err, api, *why);
		free(*why);
		*why = NULL; /* said: nothing more to say about tables */
	}
	if (r == FETCH_HTTP_NO_CONNECTION || r == FETCH_HTTP_FAILED)
		*fatal = true;
	if (ok && !fetch_table_parse(sbuf_str(&a.data), a.data.len, url, name, t, why)) {
		ok = false;
		*fatal = true; /* the API answers, but not as documented */
	}
	if (ok && !fetch_table_roles(o, t, why)) {
		char *w = *why;
		*why = xasprintf(_("%s: %s"), name, w);
		free(w);
		ok = false;
	}
	free(url);
	fetch_answer_free(&a);
	return ok;
}

/* ---- the data, in parts ------------------------------------------------------------------------ */

/* The API's limit of cells in an answer that is not streamed; the tests set
 * a small one through ANKEKORT_FETCH_CELL_LIMIT (as a stand-in server does). */
static size_t cell_limit(void)
{
	const char *env = getenv("ANKEKORT_FETCH_CELL_LIMIT");
	char *end;
	unsigned long long v = env ? strtoull(env, &end, 10) : 0;
	return env && *env && !*end && v >= 10 ? (size_t)v : 1000000;
}

static size_t bom_len(const char *p, size_t len)
{
	return len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

static size_t line_len(const char *p, size_t len)
{
	const char *nl = memchr(p, '\n', len);
	return nl ? (size_t)(nl - p) + 1 : len;
}

/* Adds a part's CSV answer to the whole: the first as it is, the others
 * without their byte-order mark and header, which must be the first's. */
static bool add_part(struct sbuf *whole, const struct sbuf *part)
{
	const char *p = part->data ? part->data : "";
	size_t len = part->len;
	if (!whole->len) {
		sbuf_putn(whole, p, len);
		return true;
	}
	size_t skip = bom_len(p, len), first_skip = bom_len(whole->data, whole->len);
	p += skip;
	len -= skip;
	size_t h = line_len(p, len);
	size_t first_h = line_len(whole->data + first_skip, whole->len - first_skip);
	if (h != first_h || memcmp(p, whole->data + first_skip, h) != 0)
		return false;
	sbuf_putn(whole, p + h, len - h);
	return true;
}

/* Asks for the data in parts under the cell limit and puts the answers
 * together in csv; where the API still says REQUEST-LIMIT, asks again in
 * smaller parts. False with the reason said on err. */
static bool fetch_data(const struct fetch_options *o, const char *api, const struct fetch_table *t,
		       FILE *err, struct sbuf *csv)
{
	char *url = xasprintf("%s/data", api);
	size_t limit = cell_limit();
	bool ok = false, again = true;
	for (int attempt = 0; again && attempt < 16; attempt++) {
		again = false;
		char *why = NULL;
		size_t n = 0;
		char **reqs = fetch_data_requests(o, t, limit, err, &n, &why);
		if (!reqs) {
			diag_sayf(err, _("ankekort: %s; nothing is written\n"), why ? why : "?");
			free(why);
			break;
		}
		if (n > 1)
			diag_sayf(err,
				  _("ankekort: %s: asking in %zu parts of at most %zu cells\n"),
				  t->id, n, limit);
		sbuf_reset(csv);
		ok = true;
		for (size_t i = 0; i < n && ok; i++) {
			struct fetch_answer a = {.max = answer_max(o)};
			enum fetch_http_result r =
				fetch_http(o, url, reqs[i], t->id, err, &a, &why);
			if (r == FETCH_HTTP_ERROR && a.error_code &&
			    strcmp(a.error_code, "REQUEST-LIMIT") == 0 && limit > 10) {
				diag_sayf(err, _("ankekort: %s; asking again in smaller parts\n"),
					  why);
				limit /= 4;
				again = true;
				ok = false;
			} else if (r == FETCH_HTTP_NO_CONNECTION) {
				say_no_connection(err, api, why);
				ok = false;
			} else if (r != FETCH_HTTP_OK) {
				diag_sayf(err, _("ankekort: %s; nothing is written\n"), why);
				ok = false;
			} else if (csv->len + a.data.len > answer_max(o)) {
				diag_sayf(
					err,
					_("ankekort: %s: the answers are larger than %zu MiB (see "
					  "--max-mib); nothing is written\n"),
					url, answer_max(o) >> 20);
				ok = false;
			} else if (!add_part(csv, &a.data)) {
				diag_sayf(err,
					  _("ankekort: %s: the parts of the answer have different "
					    "columns; nothing is written\n"),
					  url);
				ok = false;
			}
			free(why);
			why = NULL;
			fetch_answer_free(&a);
		}
		fetch_requests_free(reqs, n);
	}
	free(url);
	return ok;
}

/* ---- importing --------------------------------------------------------------------------------- */

static void today(char *buf, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(buf, size, "%Y-%m-%d", &tm);
}

/* "s16" when the API is a hosted databank (…/v1/s16), else "". */
static void hosted_prefix(const char *api, char *buf, size_t size)
{
	size_t n = strlen(api);
	while (n > 0 && api[n - 1] == '/')
		n--;
	size_t k = n;
	while (k > 0 && api[k - 1] != '/')
		k--;
	buf[0] = '\0';
	bool digits = n - k >= 2 && n - k < size && api[k] == 's';
	for (size_t i = k + 1; digits && i < n; i++)
		digits = isdigit((unsigned char)api[i]) != 0;
	if (digits)
		snprintf(buf, size, "%.*s", (int)(n - k), api + k);
}

/* The rows' source names the table, not the day: the same figures fetched
 * on another day are the same rows (the day is their source_date). */
static int import_download(const struct fetch_options *o, const char *api,
			   const struct fetch_table *t, const struct sbuf *csv, FILE *out,
			   FILE *err)
{
	char date[16], hosted[16];
	today(date, sizeof date);
	hosted_prefix(api, hosted, sizeof hosted);
	char *source = hosted[0] ? xasprintf("Ankestyrelsens tal, Statistikbank-databank %s, "
					     "tabel %s",
					     hosted, t->id)
				 : xasprintf("Danmarks Statistik, Statistikbanken %s "
					     "(Ankestyrelsens tal), CC BY 4.0",
					     t->id);
	char *url = hosted[0] ? xasprintf("%s/tableinfo/%s", api, t->id)
			      : xasprintf("https://www.statistikbanken.dk/%s", t->id);
	/* the law values as the table lists them: a numbered paragraph is
	 * placed under its law even when a part of the answer has the law's
	 * rows after it */
	const struct fetch_variable *laws =
		t->plan[COL_LAW] >= 0 ? &t->vars[t->plan[COL_LAW]] : NULL;
	struct import_options io = {.format = IMPORT_DST,
				    .source = source,
				    .source_url = url,
				    .source_date = date,
				    .area = -1,
				    .rules = o->rules,
				    .law_values = laws ? (const char *const *)laws->texts : NULL,
				    .n_law_values = laws ? laws->n : 0};
	char *shown = xasprintf("%s/data/%s", api, t->id);
	struct import_result r;
	bool ok = import_buffer(sbuf_str(csv), csv->len, shown, o->known, &io, &r);
	diag_sayf(out, _("%s: %s, %zu rows read, %zu used, %zu figures\n"), t->id,
		  r.encoding ? r.encoding : "?", r.rows_read, r.rows_used, r.n_obs);
	diag_list_report(&r.report, out, o->verbose);
	char *why = NULL;
	const struct ak_dataset *target = o->known;
	bool locked = false;
	if (!ok || r.rows_read == 0 || r.report.errors) {
		/* rows that could not be read (a NUL byte, a broken line) make
		 * the answer unusable as a whole: nothing of it is written */
		diag_sayf(
			err,
			_("ankekort: %s: the answer is not the CSV that was asked for; nothing is "
			  "written\n"),
			shown);
		ok = false;
	} else if (o->lock && !(locked = o->lock(o->ctx, &target, &why))) {
		ok = false;
	} else if (!o->dry_run && !keep_download(o->into, t->id, date, csv, out, &why)) {
		ok = false;
	} else {
		struct merge_stats st;
		ok = merge_into(o->into, target, r.obs, r.n_obs, o->dry_run, out, &st, &why);
		struct quartermerge_stats qs;
		if (ok)
			ok = quartermerge_into(o->into, target, r.quarters, r.n_quarters,
					       o->dry_run, out, &qs, &why);
		struct parmerge_stats ps;
		if (ok)
			ok = parmerge_into(o->into, target, r.pars, r.n_pars, o->dry_run, out, &ps,
					   &why);
		if (ok)
			merge_say_totals(out, &st, o->dry_run);
	}
	if (locked && o->unlock)
		o->unlock(o->ctx);
	if (why) {
		fflush(out);
		diag_say(err, why);
		free(why);
	}
	bool good = ok;
	import_result_free(&r);
	free(shown);
	free(url);
	free(source);
	return good ? 0 : 1;
}

/* The first usable table among names; false when none is (said on err). */
static bool pick_table(const struct fetch_options *o, const char *api, char **names, size_t n,
		       FILE *err, struct fetch_table *t)
{
	struct sbuf whys = {0};
	bool found = false, fatal = false;
	for (size_t i = 0; i < n && !found && !fatal; i++) {
		char *why = NULL;
		found = load_table(o, api, names[i], err, t, &fatal, &why);
		if (!found && why)
			sbuf_printf(&whys, "%s%s", whys.len ? "; " : "", why);
		if (!found)
			fetch_table_free(t);
		free(why);
	}
	if (!found && whys.len)
		diag_sayf(err, _("ankekort: no table to fetch: %s\n"), sbuf_str(&whys));
	if (!found && !fatal && !o->table)
		say_talportal(err, api);
	sbuf_free(&whys);
	return found;
}

int fetch_run(const struct fetch_options *opt, FILE *out, FILE *err)
{
	struct fetch_options whole = *opt;
	whole.deadline = fetch_now() + (opt->timeout ? opt->timeout : 120);
	const struct fetch_options *o = &whole;
	const char *api = o->api_url ? o->api_url : FETCH_DEFAULT_API;
	if (!fetch_http_start(err))
		return 1;
	char *names[MAX_CANDIDATES] = {0};
	int n = o->table ? 1 : find_candidates(o, api, err, names);
	if (o->table)
		names[0] = xstrdup(o->table);
	int status = 1;
	struct fetch_table t = {0};
	if (n == 0) {
		say_talportal(err, api);
	} else if (n > 0 && pick_table(o, api, names, (size_t)n, err, &t)) {
		struct sbuf csv = {0};
		if (fetch_data(o, api, &t, err, &csv))
			status = import_download(o, api, &t, &csv, out, err);
		sbuf_free(&csv);
	}
	for (int i = 0; i < MAX_CANDIDATES; i++)
		free(names[i]);
	fetch_table_free(&t);
	fetch_http_stop();
	return status;
}

#endif
