/* Table views: year over year, compare (sortable by every column, national
 * row pinned) and the peer table; writing them as documents. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/diag.h"
#include "ankekort/output/doc.h"
#include "ankekort/output/report.h"
#include "ankekort/output/tables.h"
#include "ankekort/output/figtext.h"
#include "test_common.h"

static const char *cell(const struct tview *t, size_t r, size_t c)
{
	return tview_text(t, r, c);
}

static void test_yoy(void **state)
{
	(void)state;
	struct tview t;
	tables_yoy(&ds, 707, &t);
	assert_int_equal(t.nrows, AREA_COUNT * ds.n_years);
	assert_int_equal(t.ncols, 9); /* no year gives appeals dismissed: no column */
	/* Generelt 2023 (row 3): 40 as published (31 of 77 rounds to it), +12
	 * whole points from 2022's 28, not beyond chance (issue 26) */
	assert_string_equal(cell(&t, 3, 1), "2023");
	assert_string_equal(cell(&t, 3, 2), "40");
	assert_string_equal(cell(&t, 3, 3), "77");
	assert_string_equal(cell(&t, 3, 5), "\xE2\x96\xB2 +12");
	assert_string_equal(cell(&t, 3, 6), "no (p 0.16)");
	/* 14 of 50, then 31 of 77: 17 more reversed, 7.56 of them from the
	 * 27 cases more and 9.44 from the higher share, in whole cases */
	assert_string_equal(cell(&t, 3, 7), "+17 (+8 / +9)");
	/* 2022 against 2021: 2021 has no case count, so no test and no split */
	assert_string_equal(cell(&t, 2, 6), "untested");
	assert_string_equal(cell(&t, 2, 7), "\xE2\x80\x93");
	/* a year without a figure is a gap */
	assert_string_equal(cell(&t, 4, 2), "\xE2\x80\x93");
	tview_free(&t);
}

/* Appeals dismissed or referred: a column of their own beside the cases
 * where some year gives them, never in the cases or the rate (issue 27). */
static void test_yoy_dismissed(void **state)
{
	(void)state;
	struct ak_dataset fx = {0};
	struct diag_list d = {0};
	struct load_result r = {0};
	csvload_dir(&fx, SOURCE_ROOT "/test/data/changesplit", &d, &r);
	assert_int_equal(d.errors, 0);
	diag_list_free(&d);
	facts_analyse(&fx, NULL);
	struct tview t;
	tables_yoy(&fx, 707, &t);
	assert_int_equal(t.ncols, 10);
	assert_string_equal(t.head[3], "Cases");
	assert_string_equal(t.head[4], "Dismissed");
	/* Generelt 2023 (row 4): 32 of 120 reversed, 150 dismissed beside them */
	assert_string_equal(cell(&t, 4, 1), "2023");
	assert_string_equal(cell(&t, 4, 2), "26.7");
	assert_string_equal(cell(&t, 4, 3), "120");
	assert_string_equal(cell(&t, 4, 4), "150");
	assert_string_equal(cell(&t, 4, 8), "+12 (+4 / +8)");
	/* a year without a count has the dash, not 0 */
	assert_string_equal(cell(&t, 3, 4), "\xE2\x80\x93");
	assert_non_null(strstr(t.note, "Dismissed: appeals dismissed or referred"));
	char buf[16384];
	FILE *f = fmemopen(buf, sizeof buf, "w");
	tview_write(&t, f, FORMAT_CSV);
	fclose(f);
	assert_true(strncmp(buf, "code,kommune,area,year,cases,reversed,dismissed,rate_pct,", 57) ==
		    0);
	assert_non_null(strstr(buf, "\n707,Norddjurs,generelt,2023,120,32,150,26.7,"));
	assert_non_null(strstr(buf, "\n707,Norddjurs,generelt,2022,100,20,,20.0,"));
	tview_free(&t);
	dataset_free(&fx);
}

static void test_compare_sorts_by_every_column(void **state)
{
	(void)state;
	const int codes[] = {751, 851, 561, 461, 730, 101, 707};
	struct tview t;
	tables_compare(&ds, codes, 7, AREA_GENERELT, 2021, 2024, &t);
	assert_int_equal(t.nrows, 8);
	assert_string_equal(cell(&t, 0, 0), "All of Denmark");
	for (size_t c = 0; c < t.ncols; c++) {
		for (int desc = 0; desc < 2; desc++) {
			tview_sort(&t, c, desc);
			assert_string_equal(cell(&t, 0, 0), "All of Denmark"); /* pinned */
			for (size_t r = 2; r < t.nrows; r++) {
				double x = tview_key(&t, r - 1, c), y = tview_key(&t, r, c);
				if (isnan(x) || isnan(y)) {
					assert_true(isnan(y)); /* rows without a number go last */
					continue;
				}
				assert_true(desc ? x >= y : x <= y);
			}
		}
	}
	tview_sort(&t, 1, true); /* rate 2024, highest first */
	assert_string_equal(cell(&t, 1, 0), "Esbjerg");
	assert_string_equal(cell(&t, 2, 0), "Randers");
	assert_string_equal(cell(&t, 7, 0), "Norddjurs"); /* no 2024 figure: last */
	tview_sort(&t, 6, false); /* change: Aarhus +11, København +15, ... */
	assert_string_equal(cell(&t, 1, 0), "Aalborg"); /* 33 -> 41: +8 */
	tview_sort(&t, 0, false);
	assert_string_equal(cell(&t, 1, 0), "Aalborg");
	assert_string_equal(cell(&t, 7, 0), "Randers");
	tview_free(&t);
}

static void test_peer_table_matches_the_2024_paper(void **state)
{
	(void)state;
	struct peer_set p;
	char *err = NULL;
	assert_true(peers_resolve(&ds, "6byer", 101, &p, &err));
	struct tview t;
	tables_peers(&ds, &p, 2024, &t);
	const char *want[9][4] = {
		{"Aalborg", "41 (32 / 9)", "46 (36 / 11)", "35 (25 / 10)"},
		{"Aarhus", "39 (33 / 6)", "32 (31 / 1)", "39 (30 / 9)"},
		{"Esbjerg", "49 (39 / 10)", "54 (46 / 7)", "33 (33 / 0)"},
		{"Odense", "44 (37 / 7)", "68 (61 / 8)", "37 (37 / 0)"},
		{"Randers", "49 (40 / 9)", "53 (47 / 6)", "54 (39 / 15)"},
		{"København", "40 (31 / 9)", "34 (28 / 6)", "33 (19 / 15)"},
		/* the group's averages, named: no counts, no pooled rate; the mean
		 * of the six published rates, (41 + 39 + 49 + 44 + 49 + 40) / 6 */
		{"6-byer, pooled", "\xE2\x80\x93", "\xE2\x80\x93", "\xE2\x80\x93"},
		{"6-byer, unweighted mean", "43.7 (6 of 6)", "47.8 (6 of 6)", "38.5 (6 of 6)"},
		{"All of Denmark", "45 (38 / 7)", "49 (41 / 8)", "40 (36 / 5)"},
	};
	assert_int_equal(t.nrows, 9);
	for (size_t r = 0; r < 9; r++)
		for (size_t c = 0; c < 4; c++)
			assert_string_equal(cell(&t, r, c), want[r][c]);
	tview_free(&t);
	peers_free(&p);
}

/* Counts in the peer cells where they are published, in the papers' style
 * "40 pct. (31)" (issue 26, 1): Norddjurs 2023 has n, 2021 only the parts. */
static void test_peer_cells_counts(void **state)
{
	(void)state;
	struct peer_set p;
	char *err = NULL;
	assert_true(peers_resolve(&ds, "Norddjurs", 707, &p, &err));
	char **cells;
	bool counted;
	size_t rows = factsheet_peer_cells(&ds, &p, 2023, CELLS_COMPACT, &cells, &counted);
	assert_int_equal(rows, 2);
	assert_true(counted);
	assert_string_equal(cells[1], "40 (27 / 13), 31 of 77");
	assert_string_equal(cells[4 + 1], "38.5 (28.7 / 9.8)"); /* no count published */
	cells_free(cells, rows * 4);
	rows = factsheet_peer_cells(&ds, &p, 2023, CELLS_PAPERS, &cells, &counted);
	assert_string_equal(cells[1],
			    "40 % (31), of which 27 % (21) remanded and 13 % (10) changed");
	assert_string_equal(cells[4 + 1], "38.5 % (of which 28.7 % remanded and 9.8 % changed)");
	cells_free(cells, rows * 4);
	rows = factsheet_peer_cells(&ds, &p, 2021, CELLS_COMPACT, &cells, &counted);
	assert_string_equal(cells[1], "23 (17 / 6), 15 reversed"); /* 11 + 4, no n */
	cells_free(cells, rows * 4);
	/* the peer view's CSV has the counts as columns of their own */
	struct tview t;
	char buf[8192];
	tables_peers(&ds, &p, 2023, &t);
	FILE *f = fmemopen(buf, sizeof buf, "w");
	tview_write(&t, f, FORMAT_CSV);
	fclose(f);
	assert_non_null(strstr(buf, ",generelt_changed_pct,generelt_cases,generelt_reversed,"));
	assert_non_null(strstr(buf, "\n707,Norddjurs,2023,40,27,13,77,31,69,62,8,13,9,"));
	tview_free(&t);
	/* the 2024 paper's figures have no counts */
	peers_free(&p);
	assert_true(peers_resolve(&ds, "6byer", 101, &p, &err));
	rows = factsheet_peer_cells(&ds, &p, 2024, CELLS_PAPERS, &cells, &counted);
	assert_false(counted);
	assert_string_equal(cells[5 * 4 + 1], "40 % (of which 31 % remanded and 9 % changed)");
	cells_free(cells, rows * 4);
	peers_free(&p);
}

/* A change is later minus earlier whichever year is the main one, and the
 * header names both years (issue 13, 1). */
static void test_compare_direction(void **state)
{
	(void)state;
	const int codes[] = {707};
	struct tview t;
	/* one year loaded: the title says so (issue 26) */
	tables_compare(&ds, codes, 1, AREA_GENERELT, 2023, 2023, &t);
	assert_string_equal(t.title,
			    "Compare Generelt: only 2023 is loaded, no other year to compare with");
	tview_free(&t);
	tables_compare(&ds, codes, 1, AREA_GENERELT, 2023, 2022, &t); /* main 2022, other 2023 */
	assert_string_equal(cell(&t, 1, 0), "Norddjurs");
	assert_string_equal(cell(&t, 1, 1), "28"); /* as published, not "28.0" (issue 26) */
	assert_string_equal(cell(&t, 1, 4), "40");
	assert_string_equal(cell(&t, 1, 6), "\xE2\x96\xB2 +12");
	assert_string_equal(t.head[6], "Change 2022\xE2\x86\x92"
				       "2023");
	tview_free(&t);
	tables_compare(&ds, codes, 1, AREA_GENERELT, 2022, 2023, &t); /* the other way round */
	assert_string_equal(cell(&t, 1, 6), "\xE2\x96\xB2 +12");
	assert_string_equal(t.head[6], "Change 2022\xE2\x86\x92"
				       "2023");
	tview_free(&t);
}

static void test_peers_resolve(void **state)
{
	(void)state;
	struct peer_set p;
	char *err = NULL;
	assert_true(peers_resolve(&ds, "region", 707, &p, &err));
	assert_string_equal(p.label, "Region Midtjylland");
	assert_int_equal(p.codes[p.n - 1], 707); /* the municipality itself last */
	peers_free(&p);
	assert_true(peers_resolve(&ds, "Aarhus, 851", 707, &p, &err));
	assert_int_equal(p.n, 3);
	assert_int_equal(p.codes[0], 851); /* sorted by name: Aalborg, Aarhus */
	assert_int_equal(p.codes[1], 751);
	peers_free(&p);
	/* no --peers: the region for a municipality outside the 6-byer ... */
	assert_true(peers_resolve(&ds, NULL, 707, &p, &err));
	assert_string_equal(p.label, "Region Midtjylland");
	peers_free(&p);
	/* ... the 6-byer for a 6-by */
	assert_true(peers_resolve(&ds, NULL, 561, &p, &err));
	assert_string_equal(p.label, "6-byer");
	assert_int_equal(p.codes[p.n - 1], 561);
	peers_free(&p);
	/* æ, ø and å after z, as Danish sorts them */
	assert_true(peers_resolve(&ds, "Ærø,Aarhus,Vejle", 707, &p, &err));
	assert_int_equal(p.codes[0], 751);
	assert_int_equal(p.codes[1], 630);
	assert_int_equal(p.codes[2], 492);
	peers_free(&p);
	assert_false(peers_resolve(&ds, "Aarhus,Nowhere", 707, &p, &err));
	assert_non_null(strstr(err, "Nowhere"));
	free(err);
}

/* CSV from the views is data: one column per quantity, numbers with a
 * decimal point, empty when unknown; no arrows, dashes or "38 / 7"
 * (issue 13, 7). */
static void test_csv_is_data(void **state)
{
	(void)state;
	char buf[65536];
	struct tview t;
	tables_yoy(&ds, 707, &t);
	FILE *f = fmemopen(buf, sizeof buf, "w");
	tview_write(&t, f, FORMAT_CSV);
	fclose(f);
	assert_true(strncmp(buf,
			    "code,kommune,area,year,cases,reversed,dismissed,rate_pct,remanded_pct,"
			    "changed_pct,change_pp,change_from_year,p_value,beyond_chance,"
			    "reversed_change,reversed_change_from_cases,reversed_change_from_rate,"
			    "national_rate_pct,sources\n",
			    128) == 0);
	/* Generelt 2023: 77 cases, 31 reversed, 40 %, +12 points since 2022, not beyond chance */
	assert_non_null(strstr(buf, "\n707,Norddjurs,generelt,2023,77,31,,40,27,13,12,2022,"));
	assert_non_null(strstr(buf, "\n707,Norddjurs,generelt,2020,,,,,,,,,,,,,,36.2,"));
	/* the change in reversed cases and its two parts, unrounded */
	assert_non_null(strstr(buf, ",2022,0.1"));
	assert_non_null(strstr(buf, ",0,17,7.56,9.44,38.5,"));
	/* every row names its sources, the last column (issue 15, 4) */
	assert_non_null(strstr(buf, "national_rate_pct,sources\n"));
	assert_non_null(strstr(buf, "\n707,Norddjurs,generelt,2023,77,31,,40,27,13,12,2022,"));
	assert_non_null(strstr(buf,
			       ",\"Norddjurs Kommune: Ankestyrelsens omgørelsesprocenter på "
			       "Socialområdet i 2023 (sagsfremstilling med tabel 1, 3 og 4)\"\n"));
	assert_null(strstr(buf, "\xE2\x96\xB2")); /* ▲ */
	assert_null(strstr(buf, "\xE2\x80\x93")); /* – */
	assert_null(strstr(buf, " / "));
	assert_null(strstr(buf, "section,row"));
	/* one row per area and year: no key twice */
	size_t lines = 0;
	for (const char *c = buf; *c; c++)
		lines += *c == '\n';
	assert_int_equal(lines, 1 + AREA_COUNT * ds.n_years);
	tview_free(&t);

	const int codes[] = {707};
	tables_compare(&ds, codes, 1, AREA_GENERELT, 2023, 2022, &t);
	f = fmemopen(buf, sizeof buf, "w");
	tview_write(&t, f, FORMAT_CSV);
	fclose(f);
	assert_non_null(
		strstr(buf, "\n707,Norddjurs,generelt,2022,28,50,16,12,2023,40,77,2022,2023,12,"));
	tview_free(&t);
	/* Markdown keeps the display */
	tables_compare(&ds, codes, 1, AREA_GENERELT, 2023, 2022, &t);
	f = fmemopen(buf, sizeof buf, "w");
	tview_write(&t, f, FORMAT_MD);
	fclose(f);
	assert_non_null(strstr(buf, "\xE2\x96\xB2 +12"));
	tview_free(&t);
	/* every export ends with its sources and the ministry's maps for what
	 * it shows, as the source documents cite them (issue 15, 4) */
	struct peer_set p;
	char *err = NULL;
	assert_true(peers_resolve(&ds, "6byer", 101, &p, &err));
	tables_peers(&ds, &p, 2024, &t);
	f = fmemopen(buf, sizeof buf, "w");
	tview_write(&t, f, FORMAT_MD);
	fclose(f);
	const char *sources = strstr(buf, "\n## Sources\n");
	const char *maps = strstr(buf, "\n## Links to the danmarkskort for 2024\n");
	assert_non_null(sources);
	assert_non_null(maps);
	assert_true(sources < maps);
	assert_non_null(strstr(sources, "- K\xC3\xB8"
					"benhavns Kommune, Socialforvaltningen: Bilag 1."));
	assert_non_null(strstr(
		maps, "- [Danmarkskort for the social area in general](https://www.sm.dk/"
		      "danmarkskort/2025/jun/omgoerelsesprocenter-paa-socialomraadet-i-2024)"));
	assert_null(strstr(maps, "2021)")); /* only the year shown */
	tview_free(&t);
	peers_free(&p);
}

/* One rule for every CSV cell: escapes, quoting, and formulas neutralised
 * while numbers stay numbers (issue 16, 7). */
static void test_csv_cells(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"Aarhus", "Aarhus"},
		{"-6.0", "-6.0"},
		{"+3", "+3"},
		{"=1+1", "\"'=1+1\""},
		{"@SUM(A1)", "\"'@SUM(A1)\""},
		{"-cmd", "\"'-cmd\""},
		{"-inf", "\"'-inf\""}, /* issue 23: strtod's numbers are not plain numbers */
		{"-nan(0x1)", "\"'-nan(0x1)\""},
		{"+infinity", "\"'+infinity\""},
		{"-1e5", "\"'-1e5\""},
		{"-0x1p3", "\"'-0x1p3\""},
		{"-6,5", "\"-6,5\""},
		{"a,b", "\"a,b\""},
		{"say \"hi\"", "\"say \"\"hi\"\"\""},
		{"\x1B]0;x\x07Ukendt", "\\x1B]0;x\\x07Ukendt"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char buf[128] = "";
		FILE *f = fmemopen(buf, sizeof buf - 1, "w");
		doc_csv_field(f, cases[i].in);
		fclose(f);
		assert_string_equal(buf, cases[i].out);
	}
}

/* issue 23: "small sample (0 cases): one case moves the rate by 100.0
 * points" said nothing sensible; no case is no rate */
static void test_small_sample(void **state)
{
	(void)state;
	struct ak_figures f = {.cases = 0};
	char *s = figtext_small_sample(&f);
	assert_null(strstr(s, "100"));
	assert_non_null(strstr(s, "no rate"));
	free(s);
	f.cases = 1;
	s = figtext_small_sample(&f);
	assert_non_null(strstr(s, "(1 case)"));
	free(s);
	f.cases = 13;
	s = figtext_small_sample(&f);
	assert_non_null(
		strstr(s, "(13 cases): one case more or less moves the rate by 7.7 points"));
	free(s);
}

/* The dismissed and referred appeals in words: beside the rate, never in
 * it; the Talportal's afvisningsprocent with what it divides by, over 100 %
 * when it is; the source named when the count is another source's. */
static void test_dismissed_sentence(void **state)
{
	(void)state;
	static char map_src[] = "Ministeriet: danmarkskort",
		    stat_src[] = "Statistikbanken ANKEAST2", none[1];
	struct ak_obs shown = {.scope = none, .note = none}, stat = shown;
	shown.source = (struct ak_source){.text = map_src, .date = none, .url = none};
	stat.source = (struct ak_source){
		.text = stat_src, .kind = SOURCE_STATISTICS, .date = none, .url = none};
	struct ak_figures f = {.cases = 160, .reversed = 60};
	assert_null(figtext_dismissed(&shown, &f)); /* nobody gives the count */
	stat.dismissed = (struct ak_num){.value = 15, .present = true};
	f.counts_from = &stat;
	char *t = figtext_dismissed(&shown, &f);
	assert_non_null(strstr(t, "15 appeals, not decided on the merits: not among the 160 "
				  "cases, not in the rate."));
	assert_non_null(strstr(t, "\"afvisningsprocent\" would be 9.4 %: 15 per 160 cases"));
	assert_non_null(strstr(t, "(From Statistikbanken ANKEAST2.)"));
	free(t);
	/* the row's own count, no case count: no ratio */
	shown.dismissed = (struct ak_num){.value = 1, .present = true};
	struct ak_figures nf = {.cases = -1, .reversed = -1};
	t = figtext_dismissed(&shown, &nf);
	assert_non_null(strstr(t, "1 appeal, not decided on the merits: not among the cases"));
	assert_null(strstr(t, "afvisningsprocent"));
	assert_null(strstr(t, "From"));
	free(t);
	/* more dismissed than decided: over 100, as the Talportal says */
	shown.dismissed = (struct ak_num){.value = 150, .present = true};
	struct ak_figures g = {.cases = 120, .reversed = 32};
	t = figtext_dismissed(&shown, &g);
	assert_non_null(strstr(t, "would be 125.0 %: 150 per 120 cases"));
	free(t);
}

/* What a change is made of, in words: a part against the change's
 * direction carries its sign, a part of none is said, a gap names the
 * year compared with. */
static void test_change_sentence(void **state)
{
	(void)state;
	struct ak_change_split c;
	assert_true(changesplit_counts(50, 100, 45, 150, &c));
	c.from_year = 2022;
	c.year = 2023;
	char *t = figtext_change(&c);
	assert_string_equal(t, "5 fewer reversals than in 2022 (50 of 100, now 45 of 150): +25 "
			       "from more complaints, 30 from a lower share reversed.");
	free(t);
	assert_true(changesplit_counts(10, 40, 10, 60, &c));
	c.from_year = 2019;
	c.year = 2023;
	c.gap = true;
	t = figtext_change(&c);
	assert_string_equal(t, "As many reversals as in 2019 (10 of 40, now 10 of 60): +5 from "
			       "more complaints, -5 from a lower share reversed. 2019 is the last "
			       "earlier year with a figure.");
	free(t);
	assert_true(changesplit_counts(20, 100, 21, 100, &c));
	c.from_year = 2022;
	t = figtext_change(&c);
	assert_string_equal(t, "1 more reversal than in 2022 (20 of 100, now 21 of 100): none "
			       "from the number of complaints, 1 from a higher share reversed.");
	free(t);
}

/* check's counts: every warning and finding, those only counted past the
 * 100 a file too, and not the lines that sum them up. */
static void test_check_counts_past_cap(void **state)
{
	(void)state;
	struct diag_list load = {0}, findings = {0};
	for (int i = 0; i < 130; i++)
		diag_add(&load, DIAG_WARNING, "a.csv", 2 + i, 0, "load %d", i);
	diag_add(&load, DIAG_ERROR, "a.csv", 200, 0, "bad");
	diag_list_flush(&load);
	for (int i = 0; i < 150; i++)
		diag_add(&findings, DIAG_WARNING, "2022.csv", 2 + i, 0, "finding %d", i);
	diag_list_flush(&findings);
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	report_check(out, &load, &findings);
	fclose(out);
	assert_non_null(
		strstr(text, "a.csv: warning: 31 more problems in this file are not listed\n"));
	assert_non_null(strstr(text, "1 error, 280 warnings (150 inconsistencies or disagreements "
				     "in the figures)\n"));
	free(text);
	diag_list_free(&load);
	diag_list_free(&findings);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yoy),
		cmocka_unit_test(test_check_counts_past_cap),
		cmocka_unit_test(test_yoy_dismissed),
		cmocka_unit_test(test_dismissed_sentence),
		cmocka_unit_test(test_change_sentence),
		cmocka_unit_test(test_small_sample),
		cmocka_unit_test(test_compare_sorts_by_every_column),
		cmocka_unit_test(test_peer_table_matches_the_2024_paper),
		cmocka_unit_test(test_peers_resolve),
		cmocka_unit_test(test_peer_cells_counts),
		cmocka_unit_test(test_compare_direction),
		cmocka_unit_test(test_csv_is_data),
		cmocka_unit_test(test_csv_cells),
	};
	return cmocka_run_group_tests(tests, setup_shipped, teardown_shipped);
}
