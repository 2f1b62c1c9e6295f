/* fuzz_writers.c - the writers' escaping: any bytes as a municipality's
 * name and region, a figure's source and note (split at NUL bytes), through
 * the fact sheet and print in Markdown, text and CSV. No output may carry a
 * raw control character, bidi mark or invalid byte; every CSV record must
 * read back with libcsv as the same number of cells, none of which a
 * spreadsheet would run as a formula. */
#include <csv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/data/csvload.h"
#include "ankekort/output/doc.h"
#include "ankekort/output/factsheet.h"
#include "ankekort/output/report.h"
#include "ankekort/data/facts.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ak_dataset ds;
static struct peer_set peers;
static char *baseline; /* the HTML of the unchanged data: our own markup */
static bool ready;
static enum peer_cells data_cells; /* the input's length picks one */
enum { CODE = 101, YEAR = 2024 };

static void setup(void)
{
	struct diag_list d = {0};
	struct load_result r = {0};
	csvload_dir(&ds, SOURCE_ROOT "/datasets", &d, &r);
	diag_list_free(&d);
	dataset_choose_defaults(&ds);
	struct diag_list findings = {0};
	facts_analyse(&ds, &findings);
	diag_list_free(&findings);
	char *err = NULL;
	if (!peers_resolve(&ds, "6byer", CODE, &peers, &err))
		abort();
	size_t len = 0;
	FILE *m = open_memstream(&baseline, &len);
	if (!m)
		abort();
	struct factsheet_query q = {
		.code = CODE, .year = YEAR, .area = -1, .peers = &peers, .fmt = FORMAT_HTML};
	factsheet_write(m, &ds, &q);
	q.style = CELLS_PAPERS;
	factsheet_write(m, &ds, &q);
	fclose(m);
	ready = true;
}

struct csv_check {
	size_t fields, want;
	long record;
};

static void on_field(void *s, size_t len, void *ctx)
{
	struct csv_check *c = ctx;
	const char *f = s;
	c->fields++;
	if (len && strchr("=+-@\t\r", f[0])) {
		char *copy = xmalloc(len + 1), *end;
		memcpy(copy, f, len);
		copy[len] = '\0';
		strtod(copy, &end);
		bool number = end != copy && *end == '\0';
		free(copy);
		if (!number) {
			fprintf(stderr, "a CSV cell a spreadsheet would run: %.*s\n", (int)len, f);
			abort();
		}
	}
}

static void on_record(int term, void *ctx)
{
	(void)term;
	struct csv_check *c = ctx;
	if (c->record++ == 0)
		c->want = c->fields;
	else if (c->fields != c->want) {
		fprintf(stderr, "CSV record %ld has %zu cells, the header %zu\n", c->record,
			c->fields, c->want);
		abort();
	}
	c->fields = 0;
}

static void expect_csv(const char *text, size_t len)
{
	struct csv_parser p;
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
	struct csv_check c = {0};
	if (csv_parse(&p, text, len, on_field, on_record, &c) != len ||
	    csv_fini(&p, on_field, on_record, &c) != 0) {
		fprintf(stderr, "the CSV does not read back: %s\n", csv_strerror(csv_error(&p)));
		abort();
	}
	csv_free(&p);
}

static const char *pieces[4]; /* the input's texts, for the HTML check */

/* HTML: a text with a "<" never appears as it is (its escaped form has no "<"), unless it is
 * a piece of our own markup, which the unchanged data's page has too). A "<" that ends the
 * text is left out of the search: another text written just before a tag ("/=" and "</p>")
 * would look the same. */
static void expect_html_escaped(const char *out)
{
	for (int i = 0; i < 4; i++) {
		size_t n = pieces[i] ? strlen(pieces[i]) : 0;
		while (n && pieces[i][n - 1] == '<')
			n--;
		char *text = pieces[i] ? xasprintf("%.*s", (int)n, pieces[i]) : NULL;
		bool found = text && strchr(text, '<') && n >= 2 &&
			     !(baseline && strstr(baseline, text)) && strstr(out, text);
		free(text);
		if (!found)
			continue;
		fprintf(stderr, "HTML carries \"%s\" unescaped\n", pieces[i]);
		abort();
	}
}

static void write_one(enum report_format f, bool sheet)
{
	char *out = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&out, &len);
	if (!m)
		abort();
	if (sheet) {
		struct factsheet_query q = {.code = CODE,
					    .year = YEAR,
					    .area = -1,
					    .peers = &peers,
					    .fmt = f,
					    .style = data_cells};
		factsheet_write(m, &ds, &q);
	} else {
		static const int codes[] = {CODE};
		struct print_query q = {.codes = codes, .n_codes = 1, .area = -1, .format = f};
		report_print(m, &ds, &q);
	}
	fclose(m);
	fuzz_expect_escaped(out, len, sheet ? "fact sheet" : "print");
	if (f == FORMAT_CSV)
		expect_csv(out, len);
	if (f == FORMAT_HTML)
		expect_html_escaped(out);
	if (f == FORMAT_MD && memchr(out, '<', len)) { /* every < from data is &lt; (issue 23) */
		fprintf(stderr, "Markdown carries a \"<\": live HTML for a renderer\n");
		abort();
	}
	free(out);
}

static void write_all(void)
{
	for (int f = 0; f <= FORMAT_HTML; f++) {
		write_one((enum report_format)f, true);
		write_one((enum report_format)f, false);
	}
}

/* The next piece of the input, up to a NUL byte (or the end). */
static char *piece(const uint8_t **p, const uint8_t *end)
{
	const uint8_t *nul = memchr(*p, 0, (size_t)(end - *p));
	size_t n = nul ? (size_t)(nul - *p) : (size_t)(end - *p);
	char *s = xmalloc(n + 1);
	memcpy(s, *p, n);
	s[n] = '\0';
	*p += n + (nul != NULL);
	return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!ready)
		setup();
	data_cells = size % 2 ? CELLS_PAPERS : CELLS_COMPACT;
	const uint8_t *p = data, *end = data + size;
	char *name = piece(&p, end), *region = piece(&p, end), *source = piece(&p, end),
	     *note = piece(&p, end);
	struct ak_municipality *m = (struct ak_municipality *)(uintptr_t)dataset_muni(&ds, CODE);
	struct ak_obs *o = (struct ak_obs *)(uintptr_t)dataset_find(&ds, YEAR, CODE, AREA_GENERELT);
	if (!m || !o)
		abort();
	char *old_name = m->name, *old_region = m->region, *old_source = o->source.text,
	     *old_note = o->note;
	m->name = name, m->region = region, o->source.text = source, o->note = note;
	pieces[0] = name, pieces[1] = region, pieces[2] = source, pieces[3] = note;
	write_all();
	m->name = old_name, m->region = old_region, o->source.text = old_source, o->note = old_note;
	free(name);
	free(region);
	free(source);
	free(note);
	return 0;
}
