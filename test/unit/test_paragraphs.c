/* The rows below law level: the §§ a label names, paragraphs.csv and
 * units.csv as loaded, and the paragraph table's rows, national rates,
 * excess reversed cases, exact test, other, total and rest. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/sbuf.h"
#include "ankekort/data/csvload.h"
#include "ankekort/data/funnel.h"
#include "ankekort/data/parload.h"
#include "ankekort/data/partable.h"
#include "ankekort/import/dataload.h"
#include "test_shipped.h"

static void expect_numbers(const char *label, bool need_section, const char *want)
{
	struct sbuf b = {0};
	par_numbers(label, need_section, &b);
	assert_string_equal(sbuf_str(&b), want);
	sbuf_free(&b);
}

static void test_par_numbers(void **state)
{
	(void)state;
	expect_numbers("§§ 52, stk. 3 og 55", true, "52 55");
	expect_numbers("§§32, 32a, 36, 39-40", true, "32 32a 36 39 40");
	expect_numbers("§§ 32, 32 a, 36, 39-40", true, "32 32a 36 39 40");
	expect_numbers("1.9 Børn - efterværn - §§ 68 og 76", true, "68 76");
	expect_numbers("6.1 Merudgifter - § 86", true, "86");
	expect_numbers("§§ 44-45", true, "44 45");
	expect_numbers("§§ 42–43 Tabt arbejdsfortjeneste", true, "42 43");
	expect_numbers("§ 112 Hjælpemidler, 2 sager", true, "112");
	expect_numbers("Øvrige bestemmelser i serviceloven", true, "");
	expect_numbers("41 43 44-45 52 55 71", false, "41 43 44 45 52 55 71");
	expect_numbers("§ 1-999", true, "1 999");
	assert_true(par_list_has("52 55", "55"));
	assert_false(par_list_has("52 155", "55"));
	assert_false(par_list_has("", ""));
}

static const char munis[] = "code,name\n0,Hele landet\n101,København\n707,Norddjurs\n";

static void load_munis(struct ak_dataset *ds, struct diag_list *d, struct load_result *r)
{
	csvload_municipalities_mem(ds, NULL, munis, sizeof munis - 1, "munis.csv", d, r);
}

#define PHEAD                                                                                      \
	"year,quarter,code,law,label,paragraphs,areas,cases,upheld,remanded,changed,reversed,"     \
	"source,source_kind\n"

static void test_load_errors(void **state)
{
	(void)state;
	static const char file[] =
		PHEAD "2023,,707,Serviceloven,§ 41,41,generelt|boernehandicap,10,6,3,1,4,A,"
		      "statistics\n"
		      "2023,5,707,Serviceloven,§ 42,42,generelt,,,,,1,A,statistics\n"
		      "2023,,707,Serviceloven,§ 43,4-3,generelt,,,,,1,A,statistics\n"
		      "2023,,707,Serviceloven,§ 44,44,somewhere,,,,,1,A,statistics\n"
		      "2023,,707,Serviceloven,§ 45,45,generelt,,,,,,A,statistics\n"
		      "2023,,707,Serviceloven,§ 41,41,generelt,,,,,2,A,statistics\n";
	struct ak_dataset ds = {0};
	struct diag_list d = {0};
	struct load_result r = {0};
	load_munis(&ds, &d, &r);
	csvload_paragraphs(&ds, NULL, file, sizeof file - 1, "p.csv", LAYER_USER, &d, &r);
	assert_int_equal(ds.n_pars, 2); /* the first, and the repeat (an error of its own) */
	assert_int_equal(ds.pars[0].cases.value, 10);
	assert_int_equal(ds.pars[0].areas, 1u << AREA_GENERELT | 1u << AREA_BOERNEHANDICAP);
	assert_int_equal(ds.pars[0].layer, LAYER_USER);
	const char *want[] = {"p.csv:3:", "quarter: expected a quarter from 1 to 4",
			      "p.csv:4:", "paragraphs: expected paragraph numbers",
			      "p.csv:5:", "areas: expected the areas",
			      "p.csv:6:", "expected at least one count",
			      "p.csv:7:", "found a second for 2023 code 707 \"§ 41\" (line 2)"};
	assert_int_equal(d.errors, 5);
	for (size_t i = 0; i < 5; i++) {
		char where[32];
		snprintf(where, sizeof where, "%s:%d:", d.items[i].path, d.items[i].line);
		assert_string_equal(where, want[2 * i]);
		assert_non_null(strstr(d.items[i].msg, want[2 * i + 1]));
	}
	diag_list_free(&d);
	dataset_free(&ds);
}

/* A synthetic year: København and the nation, paragraph rows and figures. */
static void load_synthetic(struct ak_dataset *ds)
{
	static const char pars[] =
		PHEAD "2022,,101,Serviceloven,§ 41,41,generelt|boernehandicap,40,30,8,2,10,S,"
		      "statistics\n"
		      "2023,,101,Serviceloven,§ 41,41,generelt|boernehandicap,50,20,25,5,30,S,"
		      "statistics\n"
		      "2023,,101,Serviceloven,§ 83,83,generelt,30,27,2,1,,S,statistics\n"
		      "2023,,101,1 Serviceloven,§ 85,85,generelt,,,,,5,S,statistics\n"
		      "2023,,0,Serviceloven,§ 41,41,generelt|boernehandicap,1000,600,300,100,400,"
		      "S,statistics\n"
		      "2023,,0,Serviceloven,§ 83,83,generelt,500,400,80,20,100,S,statistics\n";
	static const char year[] = "code,area,cases,reversed,source,source_kind\n"
				   "101,generelt,100,40,S,statistics\n"
				   "101,boernehandicap,50,30,S,statistics\n";
	struct diag_list d = {0};
	struct load_result r = {0};
	load_munis(ds, &d, &r);
	csvload_year_mem(ds, 2023, NULL, year, sizeof year - 1, "2023.csv", &d, &r);
	dataset_add_year(ds, 2022);
	csvload_paragraphs(ds, NULL, pars, sizeof pars - 1, "p.csv", LAYER_USER, &d, &r);
	for (size_t i = 0; i < d.count; i++)
		diag_print(&d.items[i], stderr);
	assert_int_equal(d.errors, 0);
	diag_list_free(&d);
	dataset_choose_defaults(ds);
}

static void test_excess_and_test(void **state)
{
	(void)state;
	double e, p;
	/* 30 of 50 against 40 %: 20 expected, 10 above */
	assert_true(partable_excess(30, 50, 40.0, &e, &p));
	assert_float_equal(e, 10.0, 1e-9);
	assert_float_equal(p, funnel_binom_p(30, 50, 0.4), 1e-12);
	/* the outcomes no more likely than 30, summed (Python's math.comb) */
	assert_float_equal(p, 0.0055575, 1e-6);
	assert_true(partable_excess(2, 30, 20.0, &e, &p));
	assert_float_equal(e, -4.0, 1e-9);
	assert_false(partable_excess(-1, 30, 20.0, &e, &p));
	assert_false(partable_excess(3, 0, 20.0, &e, &p));
}

static void test_table_rows(void **state)
{
	(void)state;
	struct ak_dataset ds = {0};
	load_synthetic(&ds);
	struct partable t;
	partable_build(&ds, 101, 2023, AREA_GENERELT, PARORDER_EXCESS, false, &t);
	assert_int_equal(t.n_pars, 3);
	assert_int_equal(t.n, 6); /* 3 paragraphs, other, total, rest */
	const struct partable_row *r = &t.rows[0];
	assert_string_equal(r->par->label, "§ 41");
	assert_int_equal(r->cases, 50);
	assert_int_equal(r->reversed, 30);
	assert_float_equal(r->rate, 60.0, 1e-9);
	assert_true(r->has_nat);
	assert_float_equal(r->nat_rate, 40.0, 1e-9);
	assert_float_equal(r->excess, 10.0, 1e-9);
	assert_true(r->has_prev);
	assert_int_equal(r->prev_year, 2022);
	assert_float_equal(r->change, 35.0, 1e-9);
	/* § 83: reversed from remanded + changed; 3 of 30 against 20 % */
	r = &t.rows[1];
	assert_string_equal(r->par->label, "§ 83");
	assert_int_equal(r->reversed, 3);
	assert_float_equal(r->excess, -3.0, 1e-9);
	/* § 85 gives no cases: no excess, last */
	r = &t.rows[2];
	assert_string_equal(r->par->label, "§ 85");
	assert_false(r->has_excess);
	/* other: the figure less the paragraphs; cases unknown (§ 85 has none) */
	assert_int_equal(t.rows[3].kind, PARROW_OTHER);
	assert_int_equal(t.rows[3].reversed, 2);
	assert_int_equal(t.rows[3].cases, -1);
	assert_int_equal(t.rows[4].kind, PARROW_TOTAL);
	assert_int_equal(t.rows[4].cases, 100);
	assert_int_equal(t.rows[4].reversed, 40);
	assert_true(t.ties_out);
	/* rest: generelt less the handicap maps' paragraphs (§ 41) */
	assert_int_equal(t.rows[5].kind, PARROW_REST);
	assert_int_equal(t.rows[5].reversed, 10);
	assert_int_equal(t.rows[5].cases, 50);
	partable_free(&t);

	/* by paragraph; and børnehandicap: no rest row */
	partable_build(&ds, 101, 2023, AREA_BOERNEHANDICAP, PARORDER_PARAGRAPH, false, &t);
	assert_int_equal(t.n, 3);
	assert_int_equal(t.rows[1].kind, PARROW_OTHER);
	assert_int_equal(t.rows[1].cases, 0);
	assert_int_equal(t.rows[1].reversed, 0);
	partable_free(&t);
	partable_build(&ds, 101, 2023, AREA_GENERELT, PARORDER_PARAGRAPH, false, &t);
	assert_string_equal(t.rows[0].par->label, "§ 41"); /* by number, whatever the law text */
	assert_string_equal(t.rows[2].par->label, "§ 85");
	partable_free(&t);
	assert_true(partable_any(&ds, 101, 2023));
	assert_false(partable_any(&ds, 707, 2023));
	dataset_free(&ds);
}

static void test_exceeding_parts(void **state)
{
	(void)state;
	static const char pars[] =
		PHEAD "2023,,101,Serviceloven,§ 41,41,boernehandicap,60,20,30,10,40,S,statistics\n";
	static const char year[] = "code,area,cases,reversed,source,source_kind\n"
				   "101,boernehandicap,50,30,S,statistics\n";
	struct ak_dataset ds = {0};
	struct diag_list d = {0};
	struct load_result r = {0};
	load_munis(&ds, &d, &r);
	csvload_year_mem(&ds, 2023, NULL, year, sizeof year - 1, "2023.csv", &d, &r);
	csvload_paragraphs(&ds, NULL, pars, sizeof pars - 1, "p.csv", LAYER_USER, &d, &r);
	dataset_choose_defaults(&ds);
	struct partable t;
	partable_build(&ds, 101, 2023, AREA_BOERNEHANDICAP, PARORDER_EXCESS, false, &t);
	assert_false(t.ties_out);
	assert_string_equal(t.mismatch, "cases 60 > 50, reversed 40 > 30");
	assert_int_equal(t.rows[1].reversed, -1);
	partable_free(&t);
	diag_list_free(&d);
	dataset_free(&ds);
}

static void test_norddjurs_by_unit(void **state)
{
	(void)state;
	struct ak_dataset ds = {0};
	load_shipped(&ds, NULL);
	static const char units[] = "code,unit,paragraphs\n"
				    "707,Børne- og Familieområdet,41 43 44-45 52 55 71\n"
				    "707,Sundhed & Omsorg,83 95 112 113\n"
				    "707,Socialområdet (voksen),\n";
	struct diag_list d = {0};
	struct load_result r = {0};
	csvload_units(&ds, NULL, units, sizeof units - 1, "units.csv", &d, &r);
	assert_int_equal(d.count, 0);
	struct partable t;
	partable_build(&ds, 707, 2023, AREA_GENERELT, PARORDER_FILE, true, &t);
	assert_int_equal(t.n_pars, 9);
	/* unit, 5 paragraphs, unit, 4 paragraphs, unit, other, total, rest */
	assert_int_equal(t.n, 15);
	assert_int_equal(t.rows[0].kind, PARROW_UNIT);
	assert_string_equal(t.rows[0].unit, "Børne- og Familieområdet");
	assert_int_equal(t.rows[0].reversed, 16);
	assert_string_equal(t.rows[1].par->label, "§§ 52, stk. 3 og 55");
	assert_int_equal(t.rows[6].reversed, 15);
	assert_string_equal(t.rows[6].unit, "Sundhed & Omsorg");
	assert_int_equal(t.rows[11].kind, PARROW_UNIT);
	assert_string_equal(t.rows[11].unit, "Socialområdet (voksen)");
	assert_int_equal(t.rows[11].reversed, 0);
	assert_int_equal(t.rows[12].reversed, 0);  /* other */
	assert_int_equal(t.rows[13].reversed, 31); /* total: the map's figure */
	assert_int_equal(t.rows[13].cases, 77);
	assert_int_equal(t.rows[14].reversed, 21); /* rest: 31 less §§ 41, 43, 44-45, 95 */
	assert_true(t.ties_out);
	partable_free(&t);
	partable_build(&ds, 707, 2023, AREA_BOERNEHANDICAP, PARORDER_EXCESS, false, &t);
	assert_int_equal(t.n_pars, 3);
	assert_int_equal(t.rows[0].reversed, 4);       /* no excess: by reversed */
	assert_int_equal(t.rows[t.n - 2].reversed, 0); /* other: 9 - 9 */
	partable_free(&t);
	diag_list_free(&d);
	dataset_free(&ds);
}

/* The area rules are loaded with the data (dataload), and say which §§
 * each map covers in a year. */
static void test_area_rules_text(void **state)
{
	(void)state;
	struct ak_dataset ds = {0};
	struct diag_list d = {0};
	struct load_result r = {0};
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/datasets", SOURCE_ROOT);
	struct dataload_spec sp = {.shipped = dir};
	assert_true(dataload_layers(&ds, &sp, &d, &r));
	assert_true(ds.n_area_pars > 20);
	struct sbuf b = {0};
	par_area_rules_text(&ds, AREA_VOKSENHANDICAP, 2023, &b);
	assert_string_equal(sbuf_str(&b), "servicelov \u00a7\u00a7 95, 96, 97, 100");
	par_area_rules_text(&ds, AREA_BOERNEHANDICAP, 2023, &b);
	assert_string_equal(sbuf_str(&b),
			    "servicelov \u00a7\u00a7 32, 32a, 36, 39, 40, 41, 42, 43, 44, 45");
	par_area_rules_text(&ds, AREA_BOERNEHANDICAP, 2024, &b);
	assert_non_null(
		strstr(sbuf_str(&b), "; barnets lov \u00a7\u00a7 82, 83, 85, 86, 87, 88, 89, 90"));
	par_area_rules_text(&ds, AREA_GENERELT, 2024, &b);
	assert_string_equal(sbuf_str(&b), "servicelov (every paragraph)");
	sbuf_free(&b);
	diag_list_free(&d);
	dataset_free(&ds);
}

/* 2024: Barnets lov's paragraphs under their own law, each beside the
 * serviceloven paragraph it replaced when sorted by paragraph. */
static void test_barnets_lov_beside(void **state)
{
	(void)state;
	static const char pars[] = PHEAD
		"2024,,101,Serviceloven,§ 41,41,generelt|boernehandicap,10,5,4,1,5,S,"
		"statistics\n"
		"2024,,101,Barnets lov,§ 86 Merudgifter,86,boernehandicap,20,10,8,2,10,S,"
		"statistics\n"
		"2024,,101,Serviceloven,§ 42,42,generelt|boernehandicap,6,3,2,1,3,S,statistics\n"
		"2024,,101,Barnets lov,§ 87 Tabt arbejdsfortjeneste,87,boernehandicap,4,2,"
		"1,1,2,S,statistics\n"
		"2024,,101,Serviceloven,§ 32,32,generelt|boernehandicap,3,2,1,0,1,S,"
		"statistics\n";
	struct ak_dataset ds = {0};
	struct diag_list d = {0};
	struct load_result r = {0};
	load_munis(&ds, &d, &r);
	dataset_add_year(&ds, 2024);
	csvload_paragraphs(&ds, NULL, pars, sizeof pars - 1, "p.csv", LAYER_USER, &d, &r);
	assert_int_equal(d.errors, 0);
	dataset_choose_defaults(&ds);
	struct partable t;
	partable_build(&ds, 101, 2024, AREA_BOERNEHANDICAP, PARORDER_PARAGRAPH, false, &t);
	assert_int_equal(t.n_pars, 5);
	const char *want[] = {"§ 32", "§ 41", "§ 86 Merudgifter", "§ 42",
			      "§ 87 Tabt arbejdsfortjeneste"};
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(t.rows[i].par->label, want[i]);
	assert_string_equal(t.rows[2].par->law, "Barnets lov");
	partable_free(&t);
	diag_list_free(&d);
	dataset_free(&ds);
}

/* A source with only quarters: the quarters summed; a quarter with an
 * unknown count makes the sum unknown, never an undercount. */
static void test_quarters_summed(void **state)
{
	(void)state;
	static const char pars[] = PHEAD
		"2023,1,101,Serviceloven,§ 41,41,generelt|boernehandicap,10,5,4,1,,S,statistics\n"
		"2023,2,101,Serviceloven,§ 41,41,generelt|boernehandicap,8,4,3,1,,S,statistics\n"
		"2023,3,101,Serviceloven,§ 41,41,generelt|boernehandicap,6,3,,1,,S,statistics\n";
	struct ak_dataset ds = {0};
	struct diag_list d = {0};
	struct load_result r = {0};
	load_munis(&ds, &d, &r);
	dataset_add_year(&ds, 2023);
	csvload_paragraphs(&ds, NULL, pars, sizeof pars - 1, "p.csv", LAYER_USER, &d, &r);
	assert_int_equal(d.errors, 0);
	struct partable t;
	partable_build(&ds, 101, 2023, AREA_BOERNEHANDICAP, PARORDER_EXCESS, false, &t);
	assert_true(t.quarters);
	assert_int_equal(t.n_pars, 1);
	assert_int_equal(t.rows[0].cases, 24);
	assert_int_equal(t.rows[0].upheld, 12);
	assert_int_equal(t.rows[0].changed, 3);
	assert_int_equal(t.rows[0].remanded, -1); /* the third quarter's is not given */
	assert_int_equal(t.rows[0].reversed, -1);
	partable_free(&t);
	diag_list_free(&d);
	dataset_free(&ds);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_par_numbers),	cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_excess_and_test), cmocka_unit_test(test_table_rows),
		cmocka_unit_test(test_exceeding_parts), cmocka_unit_test(test_norddjurs_by_unit),
		cmocka_unit_test(test_area_rules_text), cmocka_unit_test(test_barnets_lov_beside),
		cmocka_unit_test(test_quarters_summed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
