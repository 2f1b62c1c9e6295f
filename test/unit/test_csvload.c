/* Loader tests: good files in every accepted dialect, and a corpus of broken
 * files each with the location and wording of the expected error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/csvread.h"
#include "ankekort/base/encoding.h"
#include "ankekort/data/csvload.h"
#include "ankekort/data/dataset.h"
#include "test_streams.h"

static char *fixture(const char *rel)
{
	static char buf[4096];
	snprintf(buf, sizeof buf, "%s/test/data/%s", SOURCE_ROOT, rel);
	return buf;
}

static void load_year_file(struct ak_dataset *ds, struct diag_list *d, struct load_result *r,
			   const char *rel)
{
	char munis[4096];
	snprintf(munis, sizeof munis, "%s", fixture("munis.csv"));
	csvload_municipalities(ds, munis, "munis.csv", d, r);
	csvload_year(ds, 2021, fixture(rel), rel, d, r);
	dataset_choose_defaults(ds);
}

struct broken_case {
	const char *file;
	int line, col;
	const char *words;
};

static const struct broken_case broken[] = {
	{"broken/bad_count.csv", 3, 20, "cases: expected a whole number such as 77, found \"7x\""},
	{"broken/negative.csv", 2, 14, "expected a count of zero or more, found \"-3\""},
	{"broken/pct_over.csv", 2, 17, "rate_pct: expected a percentage from 0 to 100"},
	{"broken/inf.csv", 2, 17, "found \"inf\""},
	{"broken/unknown_area.csv", 2, 5,
	 "area: expected generelt, boernehandicap or voksenhandicap"},
	{"broken/unknown_code.csv", 2, 1,
	 "expected a code listed in municipalities.csv, found 999"},
	{"broken/missing_column.csv", 1, 1, "expected a column named \"source\""},
	{"broken/field_count.csv", 3, 1, "expected 6 fields as in the header, found 3"},
	{"broken/too_many.csv", 2, 1, "expected 6 fields as in the header, found 7"},
	{"broken/unterminated.csv", 3, 20, "expected a closing quote"},
	{"broken/bad_quote.csv", 2, 23, "after a closing quote, found 'x'"},
	{"broken/empty.csv", 1, 1, "expected a header line, found an empty file"},
	{"broken/duplicate.csv", 3, 1, "found a second one (first on line 2)"},
	{"broken/bad_kind.csv", 2, 22,
	 "source_kind: expected ministry, municipality, press or statistics"},
	{"broken/after_multiline.csv", 4, 20, "found \"NaN\""},
};

static void test_broken_corpus(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
		struct ak_dataset ds = {0};
		struct diag_list d = {0};
		struct load_result r = {0};
		load_year_file(&ds, &d, &r, broken[i].file);
		bool found = false;
		for (size_t k = 0; k < d.count; k++) {
			const struct diag *x = &d.items[k];
			if (x->severity == DIAG_ERROR && x->line == broken[i].line &&
			    x->col == broken[i].col && strstr(x->msg, broken[i].words))
				found = true;
		}
		if (!found) {
			fprintf(stderr, "%s: expected error at %d:%d \"%s\"; got:\n",
				broken[i].file, broken[i].line, broken[i].col, broken[i].words);
			for (size_t k = 0; k < d.count; k++)
				diag_print(&d.items[k], stderr);
		}
		assert_true(found);
		assert_true(d.errors > 0);
		diag_list_free(&d);
		dataset_free(&ds);
	}
}

/* The importer's note that an area under two laws had rows under only one
 * is read once, into the row's one_law_only: no one searches notes again. */
static void test_one_law_note_read_into_the_row(void **state)
{
	(void)state;
	struct ak_dataset ds = {0};
	struct diag_list d = {0};
	struct load_result r = {0};
	load_year_file(&ds, &d, &r, "good/one_law.csv");
	assert_int_equal(d.errors, 0);
	const struct ak_obs *one = dataset_find(&ds, 2021, 751, AREA_BOERNEHANDICAP);
	const struct ak_obs *both = dataset_find(&ds, 2021, 707, AREA_BOERNEHANDICAP);
	assert_non_null(one);
	assert_non_null(both);
	assert_true(one->one_law_only);
	assert_false(both->one_law_only);
	diag_list_free(&d);
	dataset_free(&ds);
}

static void test_bad_rows_are_skipped_and_counted(void **state)
{
	(void)state;
	struct ak_dataset ds = {0};
	struct diag_list d = {0};
	struct load_result r = {0};
	load_year_file(&ds, &d, &r, "broken/bad_count.csv");
	assert_int_equal(r.skipped_rows, 1);
	assert_int_equal(ds.n_obs, 1); /* the good row stays */
	assert_int_equal(ds.obs[0].cases.value, 77);
	diag_list_free(&d);
	dataset_free(&ds);
}

static void test_semicolon_bom_crlf_decimal_comma(void **state)
{
	(void)state;
	struct ak_dataset ds = {0};
	struct diag_list d = {0};
	struct load_result r = {0};
	load_year_file(&ds, &d, &r, "good/semicolon.csv");
	for (size_t k = 0; k < d.count; k++)
		diag_print(&d.items[k], stderr);
	assert_int_equal(d.errors, 0);
	assert_int_equal(ds.n_obs, 2);
	const struct ak_obs *o = dataset_find(&ds, 2021, 751, AREA_GENERELT);
	assert_non_null(o);
	assert_true(o->rate_pct.present);
	assert_float_equal(o->rate_pct.value, 38.5, 1e-9);
	assert_int_equal(o->rate_pct.decimals, 1);
	assert_int_equal(o->remanded.value, 21);
	assert_string_equal(o->source.text, "Kilde; med semikolon");
	assert_string_equal(o->note, "Æblegrød");
	const struct ak_obs *p = dataset_find(&ds, 2021, 707, AREA_BOERNEHANDICAP);
	assert_non_null(p);
	assert_int_equal(p->rate_pct.decimals, 0);
	assert_false(p->cases.present);
	assert_int_equal(p->line, 3);
	diag_list_free(&d);
	dataset_free(&ds);
}

static void test_unknown_column_is_a_warning(void **state)
{
	(void)state;
	struct ak_dataset ds = {0};
	struct diag_list d = {0};
	struct load_result r = {0};
	load_year_file(&ds, &d, &r, "good/unknown_column.csv");
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.count, 1);
	assert_int_equal(d.items[0].severity, DIAG_WARNING);
	assert_int_equal(d.items[0].line, 1);
	assert_int_equal(d.items[0].col, 45);
	assert_non_null(strstr(d.items[0].msg, "unknown column \"colour\""));
	assert_int_equal(ds.n_obs, 1);
	diag_list_free(&d);
	dataset_free(&ds);
}

static void test_header_positions_count_letters(void **state)
{
	(void)state;
	struct ak_dataset ds = {0};
	struct diag_list d = {0};
	struct load_result r = {0};
	const char *csv = "code,\xC3\xA5r,area,\"x,y\",source,source_kind,z\n";
	csvload_year_mem(&ds, 2022, NULL, csv, strlen(csv), "y.csv", &d, &r);
	assert_int_equal(d.count, 3); /* år, "x,y" and z are unknown */
	assert_int_equal(d.items[0].col, 6);
	assert_int_equal(d.items[1].col, 14);
	assert_int_equal(d.items[2].col, 39);
	diag_list_free(&d);
	dataset_free(&ds);
}

static void test_parse_number(void **state)
{
	(void)state;
	struct ak_num n;
	assert_true(csvtable_parse_number("38,5", &n));
	assert_float_equal(n.value, 38.5, 1e-9);
	assert_int_equal(n.decimals, 1);
	assert_true(csvtable_parse_number("39", &n));
	assert_int_equal(n.decimals, 0);
	assert_true(csvtable_parse_number("48.0", &n));
	assert_int_equal(n.decimals, 1);
	const char *bad[] = {"",     "-1",   "1e3",	     "nan",
			     "inf",  "3.",   ".5",	     "1.1234567890123456",
			     "12 3", "0x10", "9999999999999"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(csvtable_parse_number(bad[i], &n));
}

/* strtod's double for the same text, its ',' read as '.' */
static double by_strtod(const char *s)
{
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%s", s);
	for (char *p = strchr(tmp, ','); p; p = strchr(p, ','))
		*p = '.';
	return strtod(tmp, NULL);
}

/* The decimal read without strtod is strtod's double, bit for bit, for
 * every shape it takes; any other text is left to strtod. */
static void test_exact_decimal_is_strtods(void **state)
{
	(void)state;
	srand(24);
	char s[40];
	for (int round = 0; round < 200000; round++) {
		int n = 1 + rand() % 15, point = rand() % (n + 2) - 1, at = 0;
		if (rand() % 4 == 0)
			s[at++] = '-';
		for (int i = 0; i < n; i++) {
			if (i == point)
				s[at++] = rand() % 2 ? '.' : ',';
			s[at++] = (char)('0' + rand() % 10);
		}
		if (point == n)
			s[at++] = '.';
		s[at] = '\0';
		double got = -1.0, want = by_strtod(s);
		assert_true(csvtable_exact_decimal(s, &got));
		if (memcmp(&got, &want, sizeof got) != 0)
			fail_msg("%s: %.17g, strtod %.17g", s, got, want);
	}
	const char *left[] = {"",
			      "-",
			      ".",
			      "-.",
			      "1.2.3",
			      "1,2.3",
			      "1e3",
			      "nan",
			      "inf",
			      "0x10",
			      " 1",
			      "1 ",
			      "+1",
			      "1234567890123456",
			      "0.000000000000001",
			      "12345678901234567890123456789012345678901234567890"};
	for (size_t i = 0; i < sizeof left / sizeof left[0]; i++) {
		double v = 42.0;
		if (csvtable_exact_decimal(left[i], &v))
			fail_msg("took \"%s\"", left[i]);
		assert_true(v == 42.0);
	}
	struct ak_num num;
	assert_true(csvtable_parse_number("0,1", &num)); /* the exact way */
	assert_true(num.value == 0.1);
	assert_true(csvtable_parse_number("123456789012.123", &num)); /* strtod's */
	assert_true(num.value == 123456789012.123);
}

static void test_shipped_datasets_load_clean(void **state)
{
	(void)state;
	struct ak_dataset ds = {0};
	struct diag_list d = {0};
	struct load_result r = {0};
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/datasets", SOURCE_ROOT);
	assert_true(csvload_dir(&ds, dir, &d, &r));
	for (size_t k = 0; k < d.count; k++)
		diag_print(&d.items[k], stderr);
	assert_int_equal(d.count, 0);
	assert_int_equal(ds.n_munis, 99);
	assert_int_equal(ds.munis[0].code, 0);
	assert_string_equal(ds.munis[0].name, "Hele landet");
	assert_int_equal(ds.n_years, 5);
	assert_int_equal(ds.years[0], 2020);
	assert_int_equal(ds.years[4], 2024);
	const struct ak_obs *o = dataset_find(&ds, 2024, 751, AREA_GENERELT);
	assert_non_null(o);
	assert_float_equal(o->rate_pct.value, 39, 1e-9);
	assert_float_equal(o->remanded_pct.value, 33, 1e-9);
	assert_float_equal(o->changed_pct.value, 6, 1e-9);
	/* default row: the ministry's newest publication wins */
	const struct ak_obs *n = dataset_find(&ds, 2021, 0, AREA_GENERELT);
	assert_non_null(n);
	assert_int_equal(n->source.kind, SOURCE_MINISTRY);
	assert_string_equal(n->source.date, "2023-06");
	const struct ak_obs *all[8];
	assert_int_equal(dataset_find_all(&ds, 2021, 0, AREA_GENERELT, all, 8), 5);
	assert_ptr_equal(all[0], n);
	assert_true(ds.n_records >= 8);
	diag_list_free(&d);
	dataset_free(&ds);
}

static void test_missing_directory(void **state)
{
	(void)state;
	struct ak_dataset ds = {0};
	struct diag_list d = {0};
	struct load_result r = {0};
	assert_false(csvload_dir(&ds, "/nonexistent/ankekort", &d, &r));
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.items[0].msg, "cannot open the data directory"));
	diag_list_free(&d);
	dataset_free(&ds);
}

/* ---- csvread: lines and columns in files of many blocks ---------------------- */

#define POS_ROWS 4000

struct pos_seen {
	int line[POS_ROWS + 2], col[POS_ROWS + 2]; /* where field 2 starts, by row */
	int row_line[POS_ROWS + 2];
	size_t rows;
};

static bool pos_row(void *ctx, const struct csv_row *row)
{
	struct pos_seen *s = ctx;
	if (row->row > POS_ROWS + 1 || row->n != 3)
		return true;
	s->row_line[row->row] = row->line;
	csv_row_pos(row, 2, &s->line[row->row], &s->col[row->row]);
	s->rows = row->row + 1;
	return true;
}

/* A file of some 100 KiB in CRLF: blank and space-only lines between rows,
 * and a quoted field over two lines in the second block (the rows around
 * it are read a line at a time, the others a run of lines at a time). Every
 * row's line and the position of its third field are the file's own. */
static void test_positions_across_blocks(void **state)
{
	(void)state;
	size_t cap = 1 << 20, len = 0;
	char *text = malloc(cap);
	static struct pos_seen want, got;
	memset(&want, 0, sizeof want);
	int line = 1;
	len += (size_t)sprintf(text + len, "a;b;c\r\n");
	want.row_line[0] = want.line[0] = line++;
	want.col[0] = 5;
	for (int i = 1; i <= POS_ROWS; i++) {
		if (i % 700 == 0) {
			len += (size_t)sprintf(text + len, i % 1400 ? "\r\n" : "   \r\n");
			line++;
		}
		want.row_line[i] = line;
		if (i == 3000) {
			len += (size_t)sprintf(text + len, "q;\"two\r\nlines\";zz\r\n");
			want.line[i] = line + 1;
			want.col[i] = 8;
			line += 2;
			continue;
		}
		int n = sprintf(text + len, "key %d of the test file;%d;x\r\n", i, i * 7);
		want.line[i] = line++;
		want.col[i] = n - 2; /* the x, before the CRLF */
		len += (size_t)n;
	}
	assert_true(len > 2 << 16);
	for (int how = 0; how < 2; how++) {
		memset(&got, 0, sizeof got);
		struct diag_list d = {0};
		bool ok;
		if (how == 0) {
			ok = csv_read_buffer(text, len, "t.csv", &d, pos_row, &got);
		} else {
			FILE *f = fmemopen(text, len, "r");
			ok = csv_read_stream(f, "t.csv", &d, pos_row, &got);
			fclose(f);
		}
		assert_true(ok);
		assert_int_equal(d.count, 0);
		assert_int_equal(got.rows, POS_ROWS + 1);
		for (int i = 0; i <= POS_ROWS; i++) {
			assert_int_equal(got.row_line[i], want.row_line[i]);
			assert_int_equal(got.line[i], want.line[i]);
			assert_int_equal(got.col[i], want.col[i]);
		}
		diag_list_free(&d);
	}
	free(text);
}

static bool long_row(void *ctx, const struct csv_row *row)
{
	int *seen = ctx;
	if (row->row != 2)
		return true;
	assert_int_equal(row->n, 3);
	assert_string_equal(row->fields[0], "x");
	assert_int_equal(row->lens[1], 200000);
	assert_int_equal(strspn(row->fields[1], "y"), 200000);
	assert_string_equal(row->fields[2], "z");
	(*seen)++;
	return true;
}

/* A field far longer than a block, after a short one in the same row: the
 * row's fields stay whole while its buffer grows. */
static void test_long_field_keeps_the_row(void **state)
{
	(void)state;
	size_t len = 0;
	char *text = malloc(300000);
	len += (size_t)sprintf(text, "a;b;c\nv;w;u\nx;");
	memset(text + len, 'y', 200000);
	len += 200000;
	len += (size_t)sprintf(text + len, ";z\n");
	int seen = 0;
	struct diag_list d = {0};
	assert_true(csv_read_buffer(text, len, "t.csv", &d, long_row, &seen));
	assert_int_equal(seen, 1);
	diag_list_free(&d);
	free(text);
}

/* The last row of a file without a final line end, with a quoted field:
 * libcsv ends it only at the end, after the line it was read from is
 * gone. Its positions are still its own, from a buffer and from a file. */
static void test_positions_last_line_open(void **state)
{
	(void)state;
	static char text[] = "a;b;c\n\"x;y\";z;w";
	for (int stream = 0; stream < 2; stream++) {
		static struct pos_seen got;
		memset(&got, 0, sizeof got);
		struct diag_list d = {0};
		if (stream) {
			FILE *f = fmemopen(text, sizeof text - 1, "r");
			assert_true(csv_read_stream(f, "t.csv", &d, pos_row, &got));
			fclose(f);
		} else {
			assert_true(
				csv_read_buffer(text, sizeof text - 1, "t.csv", &d, pos_row, &got));
		}
		assert_int_equal(got.rows, 2);
		assert_int_equal(got.row_line[1], 2);
		assert_int_equal(got.line[1], 2);
		assert_int_equal(got.col[1], 9);
		diag_list_free(&d);
	}
}

/* ---- csvread: fields read in place, against fields copied ---------------- */

/* Everything a reader sees of each row: its number, line, fields, and where
 * each field (and one past the last) starts. */
static bool transcript_row(void *ctx, const struct csv_row *row)
{
	FILE *out = ctx;
	fprintf(out, "row %zu line %d n %zu:", row->row, row->line, row->n);
	int lines[64], cols[64];
	if (row->n <= 64)
		csv_row_all_pos(row, lines, cols);
	for (size_t i = 0; i <= row->n; i++) {
		int line, col;
		csv_row_pos(row, i, &line, &col);
		fprintf(out, " [%s|%zu@%d:%d", i < row->n ? row->fields[i] : "-",
			i < row->n ? row->lens[i] : 0, line, col);
		if (i < row->n && row->n <= 64)
			fprintf(out, "=%d:%d", lines[i], cols[i]);
		fputc(']', out);
	}
	fputc('\n', out);
	return true;
}

/* The transcript's end: whether the reading went well and what it said;
 * out is closed (its text is then in the caller's buffer). */
static void transcript_end(FILE *out, bool ok, struct diag_list *d)
{
	fprintf(out, "ok %d diags %zu\n", ok, d->count);
	for (size_t i = 0; i < d->count; i++)
		fprintf(out, "%d:%d %s\n", d->items[i].line, d->items[i].col, d->items[i].msg);
	diag_list_free(d);
	fclose(out);
}

static char *transcript(char *text, size_t len, bool stream)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buf, &size);
	struct diag_list d = {0};
	bool ok;
	if (stream) { /* a file is read into the reader's own block: fields in place */
		FILE *f = fmemopen(text, len, "r");
		ok = csv_read_stream(f, "t.csv", &d, transcript_row, out);
		fclose(f);
	} else { /* a buffer that is not the reader's: fields copied */
		ok = csv_read_buffer(text, len, "t.csv", &d, transcript_row, out);
	}
	transcript_end(out, ok, &d);
	return buf;
}

/* The transcript of text read from a buffer (fields copied), checked to
 * be the one read from a stream (fields in place); the caller frees it. */
static char *read_both_ways(char *text, size_t len)
{
	char *copied = transcript(text, len, false);
	char *placed = transcript(text, len, true);
	assert_string_equal(placed, copied);
	free(placed);
	return copied;
}

/* Rows after text[0..len) up to 192 KiB (three blocks): row i is the line
 * format lines[i * mul / div % n] with i and i * 3; returns the length. */
static size_t add_lines(char *text, size_t len, size_t cap, const char *const *lines, size_t n,
			size_t mul, size_t div)
{
	for (int i = 0; len < (3u << 16); i++)
		len += (size_t)snprintf(text + len, cap - len, lines[(size_t)i * mul / div % n], i,
					i * 3);
	return len;
}

/* Rows that a run of lines reads in place and rows it cannot (spaces and
 * tabs libcsv drops next to a delimiter, space-only and blank lines, CR-only
 * line ends, an empty last field before each kind of line end, a row of one
 * field, more fields than a row first has room for, long and empty
 * fields, letters beyond ASCII) give every reader the same fields, lines
 * and columns, with the text read in place or copied. */
static void test_fields_in_place_as_copied(void **state)
{
	(void)state;
	static const char *const lines[] = {
		"key %d;§ 41 ø;Hjemvisning;2024;%d\r\n",
		" lead %d;x;y;2024;%d\r\n",
		"trail %d ;x;y\t;2024;%d\r\n",
		"\r\n",
		"   \r\n",
		"empty %d;;;2024;%d\n",
		"lf only %d;a;b;2024;%d\n",
		"cr only %d;a;b;2024;%d\rnext;c;d;2023;1\r",
		"\t\r\n",
		("wide %d;1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20;21;22;23;24;25;26;27;"
		 "28;29;30;31;32;33;34;35;36;37;38;39;%d\r\n"),
		"long field %d and some more words than thirty-two bytes;æøå;;;%d\r\n",
		"mid ;%d;  ;end;%d\r\n",
		"last space %d;a;b;c;%d \r\n",
		"empty last %d;a;b;%d;\r\n",
		"cr empty last %d;a;b;%d;\rone field\r",
		"lf empty last %d;a;b;%d;\n",
	};
	size_t cap = 1 << 20, len = 0;
	char *text = malloc(cap);
	len += (size_t)sprintf(text, "a;b;c;d;e\r\n");
	len = add_lines(text, len, cap, lines, sizeof lines / sizeof lines[0], 7, 1);
	char *copied = read_both_ways(text, len);
	assert_non_null(strstr(copied, "[wide "));
	assert_non_null(strstr(copied, "[lead "));
	free(copied);
	free(text);
}

/* A block is plain (read in place) only without a quote and a NUL: one
 * pass looks for both, so a NUL after a quote in the same block, a NUL
 * alone and a quote alone are told apart as two passes did. A stream
 * and a buffer say the same. ('@' stands for the NUL in the lines.) */
static void test_quote_and_nul_in_one_block(void **state)
{
	(void)state;
	static const char *const kinds[] = {
		"q;\"quoted; text\";1\r\nafter;x;1\r\nnul;a@b;2\r\n",
		"nul only;a@b;3\r\n",
		"q only;\"two\r\nlines\";4\r\n",
	};
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		size_t cap = 1 << 20, len = 0;
		char *text = malloc(cap);
		len += (size_t)sprintf(text, "a;b;c\r\n");
		/* the kind's lines in the second block, plain lines around */
		while (len < (1u << 16) + 100)
			len += (size_t)sprintf(text + len, "plain %zu;y;1\r\n", len);
		size_t at = len;
		len += (size_t)sprintf(text + len, "%s", kinds[k]);
		char *nul = memchr(text + at, '@', len - at);
		if (nul)
			*nul = '\0';
		while (len < (3u << 16))
			len += (size_t)sprintf(text + len, "plain %zu;y;1\r\n", len);
		char *copied = read_both_ways(text, len);
		assert_int_equal(strstr(copied, "found a NUL byte") != NULL, nul != NULL);
		assert_non_null(strstr(copied, k == 2 ? "[two\r\nlines|10@" : "[y|1@"));
		free(copied);
		free(text);
	}
}

/* ---- csvread: Windows-1252 read as it is, its fields converted ------------ */

/* The transcript of a Windows-1252 text read through a stream that gives
 * its bytes as they are: a raw stream, or an auto stream that goes on as
 * Windows-1252 at its first high byte; with fn, read raw
 * (csv_read_stream_raw), each row converted as fn asks. */
static char *transcript_raw(char *text, size_t len, bool auto_stream, csv_row_fn fn)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buf, &size);
	struct diag_list d = {0};
	FILE *raw = fmemopen(text, len, "r");
	struct encoding_auto *st;
	FILE *f = cp1252_stream(raw, auto_stream, &st);
	bool ok = fn ? csv_read_stream_raw(f, "t.csv", &d, fn, out)
		     : csv_read_stream(f, "t.csv", &d, transcript_row, out);
	cp1252_stream_close(f, st);
	fclose(raw);
	transcript_end(out, ok, &d);
	return buf;
}

static char *transcript_cp1252(char *text, size_t len, bool auto_stream)
{
	return transcript_raw(text, len, auto_stream, NULL);
}

/* A raw reader's row: converted when its row number is odd (twice, which
 * converts once), its fields noted as they are when even. */
static bool transcript_some_raw(void *ctx, const struct csv_row *row)
{
	if (row->row % 2 == 1) {
		csv_row_utf8(row);
		csv_row_utf8(row);
		return transcript_row(ctx, row);
	}
	fprintf(ctx, "raw %zu:", row->row);
	for (size_t i = 0; i < row->n; i++)
		fprintf(ctx, " [%s]", row->fields[i]);
	fputc('\n', ctx);
	return true;
}

static bool transcript_utf8_row(void *ctx, const struct csv_row *row)
{
	csv_row_utf8(row);
	return transcript_row(ctx, row);
}

/* A Windows-1252 file gives every reader what the same text in UTF-8
 * gives: the fields converted (the ones before and after a high byte, in
 * quotes, over two lines, across a block's end, the same key texts row
 * after row and a row that differs from them only after them), lines and
 * columns counted in characters, and a syntax error's place. */
static void test_cp1252_fields_as_utf8(void **state)
{
	(void)state;
	static const char *const lines[] = {
		"101 København %d;SEL § 1;Stadfæstelse;2013;%d\r\n",
		"101 København %d;SEL § 1;Stadfæstelse;2014;%d\r\n",
		"101 København %d;SEL § 1;Stadfæstelse;2015;%d\r\n",
		"101 København %d;SEL § 1;Stadfæstelse;Ærø;%d\r\n",
		"ascii %d;only;here;2016;%d\r\n",
		"\"Århus, \"\"Ø\"\" %d\";x;\"€ – …\";2017;%d\r\n",
		"\"two\r\nlines æ %d\";y;z;2018;%d\r\n",
		"long field %d with letters æøåÆØÅ§éü far beyond sixteen bytes æøå;x;;;%d\r\n",
		"%d;;Ændring/ophævelse;;%d\n",
	};
	size_t cap = 1 << 20, len = 0;
	char *text = malloc(cap);
	size_t header = (size_t)sprintf(text, "OMRÅDE;PARAGRAF;AFGØRELSE;TID;INDHOLD\r\n");
	len += header;
	len = add_lines(text, len, cap, lines, sizeof lines / sizeof lines[0], 5, 4);
	len += (size_t)sprintf(text + len, "æø %s;bad \"quote;x\r\n", "Kø");
	size_t cp_len;
	char *cp = to_cp1252(text, len, &cp_len);
	assert_true(cp_len < len);
	char *want = transcript(text, len, false);
	assert_non_null(strstr(want, "expected no quote"));
	assert_non_null(strstr(want, "[Ærø|"));
	char *got = transcript_cp1252(cp, cp_len, false);
	assert_string_equal(got, want);
	free(got);
	got = transcript_cp1252(cp, cp_len, true);
	assert_string_equal(got, want);
	free(got);
	/* read raw, each row converted when the reader asks: the same */
	got = transcript_raw(cp, cp_len, true, transcript_utf8_row);
	assert_string_equal(got, want);
	free(got);
	free(want);
	/* a row the reader does not convert keeps the file's bytes; the
	 * ones it converts are as before */
	got = transcript_raw(cp, cp_len, false, transcript_some_raw);
	assert_non_null(strstr(got, "raw 2: [101 K\xF8"
				    "benhavn 1] [SEL \xA7 1] [Stadf\xE6"
				    "stelse]"));
	assert_non_null(strstr(got, "row 1 line 2 n 5: [101 København 0|"));
	assert_null(strstr(got, "raw 1:"));
	free(got);
	/* an auto stream that meets its first high byte blocks into the file */
	char *late = malloc(cap + (1u << 18));
	size_t late_len = (size_t)sprintf(late, "a;b;c;d;e\r\n");
	while (late_len < (1u << 17) + 7)
		late_len += (size_t)sprintf(late + late_len, "ascii;only;%zu;2016;1\r\n", late_len);
	memcpy(late + late_len, text + header, len - header); /* the rows after the header */
	late_len += len - header;
	want = transcript(late, late_len, false);
	free(cp);
	cp = to_cp1252(late, late_len, &cp_len);
	got = transcript_cp1252(cp, cp_len, true);
	assert_string_equal(got, want);
	free(got);
	free(want);
	free(cp);
	free(late);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_broken_corpus),
		cmocka_unit_test(test_one_law_note_read_into_the_row),
		cmocka_unit_test(test_bad_rows_are_skipped_and_counted),
		cmocka_unit_test(test_semicolon_bom_crlf_decimal_comma),
		cmocka_unit_test(test_unknown_column_is_a_warning),
		cmocka_unit_test(test_parse_number),
		cmocka_unit_test(test_exact_decimal_is_strtods),
		cmocka_unit_test(test_header_positions_count_letters),
		cmocka_unit_test(test_shipped_datasets_load_clean),
		cmocka_unit_test(test_missing_directory),
		cmocka_unit_test(test_positions_across_blocks),
		cmocka_unit_test(test_positions_last_line_open),
		cmocka_unit_test(test_long_field_keeps_the_row),
		cmocka_unit_test(test_fields_in_place_as_copied),
		cmocka_unit_test(test_quote_and_nul_in_one_block),
		cmocka_unit_test(test_cp1252_fields_as_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
