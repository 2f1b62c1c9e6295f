/* Statistics tests: rounding, intervals, figures from counts or published
 * percentages, flags, ranks and the consistency checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "ankekort/data/funnel.h"
#include "ankekort/data/stats.h"
#include "test_common.h"

static char empty[1];

static struct ak_num n(double v, int dec)
{
	return (struct ak_num){.value = v, .decimals = dec, .present = true};
}

static void test_pct_rounds_half_up(void **state)
{
	(void)state;
	assert_float_equal(stats_pct(31, 77), 40.3, 1e-9);
	assert_float_equal(stats_pct(9, 13), 69.2, 1e-9);
	assert_float_equal(stats_pct(1, 8), 12.5, 1e-9);
	assert_float_equal(stats_pct(1, 16), 6.3, 1e-9); /* 6.25 -> 6.3 */
	assert_float_equal(stats_pct(0, 5), 0.0, 1e-9);
	assert_float_equal(stats_pct(5, 5), 100.0, 1e-9);
	assert_float_equal(stats_round(36.45, 1), 36.5, 1e-9);
	assert_float_equal(stats_round(-6.05, 1), -6.1, 1e-9);
}

static void test_wilson_interval(void **state)
{
	(void)state;
	double lo, hi;
	stats_wilson(31, 77, 1.959964, &lo, &hi);
	assert_float_equal(lo, 30.0, 1e-9);
	assert_float_equal(hi, 51.4, 1e-9);
	stats_wilson(0, 10, 1.959964, &lo, &hi);
	assert_float_equal(lo, 0.0, 1e-9);
	assert_float_equal(hi, 27.8, 1e-9);
	stats_wilson(10, 10, 1.959964, &lo, &hi);
	assert_float_equal(lo, 72.2, 1e-9);
	assert_float_equal(hi, 100.0, 1e-9);
}

static void test_figures_from_counts(void **state)
{
	(void)state;
	struct ak_obs o = {.cases = n(77, 0),
			   .remanded = n(21, 0),
			   .changed = n(10, 0),
			   .rate_pct = n(40, 0),
			   .scope = empty};
	struct ak_figures f;
	stats_figures(&o, &f);
	assert_int_equal(f.reversed, 31);
	assert_int_equal(f.upheld, 46);
	/* the published 40 the counts round to is shown as published (issue 26) */
	assert_float_equal(f.rate.value, 40, 1e-9);
	assert_int_equal(stats_shown_decimals(f.rate), 0);
	assert_false(f.rate.published_only);
	assert_float_equal(f.remanded_pct.value, 27.3, 1e-9); /* none published: worked out */
	assert_float_equal(f.changed_pct.value, 13.0, 1e-9);
	assert_true(f.has_ci);
	assert_false(f.small_sample);
	assert_int_equal(facts_flags(&o, &f), 0);
}

static void test_figures_published_only(void **state)
{
	(void)state;
	struct ak_obs o = {.rate_pct = n(39, 0), .remanded_pct = n(33, 0), .changed_pct = n(6, 0)};
	struct ak_figures f;
	stats_figures(&o, &f);
	assert_true(f.rate.present);
	assert_true(f.rate.published_only);
	assert_float_equal(f.rate.value, 39, 1e-9);
	assert_int_equal(f.rate.decimals, 0);
	assert_false(f.has_ci);
	assert_false(f.small_sample); /* n unknown: no claim */
	assert_int_equal(f.cases, -1);
	assert_int_equal(facts_flags(&o, &f), FLAG_PUBLISHED_ONLY);
}

static void test_small_sample_flag(void **state)
{
	(void)state;
	struct ak_obs o = {.cases = n(13, 0), .reversed = n(9, 0)};
	struct ak_figures f;
	stats_figures(&o, &f);
	assert_true(f.small_sample);
	assert_int_equal(facts_flags(&o, &f), FLAG_SMALL_SAMPLE);
	o.cases = n(20, 0);
	stats_figures(&o, &f);
	assert_false(f.small_sample);
}

/* test/data/good/FILE read as YEAR's figures into d (the test
 * municipalities first, when d has none yet), its rows chosen. */
static void load_year(struct ak_dataset *d, struct diag_list *diags, int year, const char *file)
{
	struct load_result r = {0};
	char path[512];
	if (!d->n_munis)
		csvload_municipalities(d, SOURCE_ROOT "/test/data/munis.csv", "munis.csv", diags,
				       &r);
	snprintf(path, sizeof path, "%s/test/data/good/%s", SOURCE_ROOT, file);
	csvload_year(d, year, path, file, diags, &r);
	dataset_choose_defaults(d);
}

/* Every figure's facts against the nation's (25.0 %) and each other:
 * 101 50.0 % of 40, 751 30 % published only, 707 10.0 % of 10. */
static void test_facts_against_the_nation(void **state)
{
	(void)state;
	struct ak_dataset d = {0};
	struct diag_list diags = {0};
	load_year(&d, &diags, 2021, "facts.csv");
	assert_int_equal(diags.errors, 0);
	assert_null(facts_find(&d, 2021, 101, AREA_GENERELT)); /* not before the analysis */
	facts_analyse(&d, NULL);
	const struct ak_facts *nat = facts_find(&d, 2021, AK_NATIONAL_CODE, AREA_GENERELT);
	const struct ak_facts *kbh = facts_find(&d, 2021, 101, AREA_GENERELT);
	const struct ak_facts *pub = facts_find(&d, 2021, 751, AREA_GENERELT);
	const struct ak_facts *few = facts_find(&d, 2021, 707, AREA_GENERELT);
	assert_non_null(nat);
	assert_non_null(kbh);
	assert_null(facts_find(&d, 2021, 101, AREA_BOERNEHANDICAP));
	assert_ptr_equal(facts_of(&d, kbh->o), kbh);
	assert_ptr_equal(nat->national, nat);
	assert_ptr_equal(kbh->national, nat);
	assert_true(kbh->has_difference);
	assert_float_equal(kbh->difference, 25.0, 1e-9);
	assert_int_equal(kbh->difference_decimals, 1);
	assert_true(kbh->has_in_cases);
	assert_float_equal(kbh->expected, 10.0, 1e-9);
	assert_float_equal(kbh->in_cases, 10.0, 1e-9);
	assert_true(kbh->tested);
	assert_float_equal(kbh->p, funnel_binom_p(20, 40, 0.25), 1e-15);
	assert_true(kbh->p < 0.001);
	assert_int_equal(kbh->position, FUNNEL_ABOVE_998);
	/* published only: a difference to the coarser, nothing in cases */
	assert_float_equal(pub->difference, 5.0, 1e-9);
	assert_int_equal(pub->difference_decimals, 0);
	assert_false(pub->has_in_cases);
	assert_false(pub->tested);
	assert_int_equal(pub->flags, FLAG_PUBLISHED_ONLY);
	assert_float_equal(few->in_cases, -1.5, 1e-9);
	assert_int_equal(few->flags, FLAG_SMALL_SAMPLE);
	/* ranks: 707 lowest, 751, 101 highest; the nation not ranked */
	assert_int_equal(few->rank, 1);
	assert_int_equal(few->rank_from_top, 3);
	assert_int_equal(pub->rank, 2);
	assert_int_equal(kbh->rank, 3);
	assert_int_equal(kbh->rank_from_top, 1);
	assert_int_equal(kbh->ranked, 3);
	assert_int_equal(nat->rank, 0);
	diag_list_free(&diags);
	dataset_free(&d);
}

/* The index of the rows shown has a column for each code a row has: a
 * code without one, out of range or in a year not loaded finds nothing,
 * and a year that brings new codes gives them columns when the rows are
 * chosen again. */
static void test_index_by_the_codes_with_rows(void **state)
{
	(void)state;
	struct ak_dataset d = {0};
	struct diag_list diags = {0};
	load_year(&d, &diags, 2022, "one_law.csv");
	assert_int_equal(dataset_slots(&d), 1 * 2 * AREA_COUNT); /* 707 and 751 */
	assert_int_equal(dataset_find(&d, 2022, 751, AREA_BOERNEHANDICAP)->cases.value, 40);
	assert_int_equal(dataset_find(&d, 2022, 707, AREA_BOERNEHANDICAP)->cases.value, 30);
	assert_null(dataset_find(&d, 2022, 751, AREA_GENERELT));
	assert_null(dataset_find(&d, 2022, 101, AREA_BOERNEHANDICAP)); /* no row */
	assert_int_equal(dataset_slot(&d, 2022, 101, AREA_GENERELT), -1);
	assert_int_equal(dataset_slot(&d, 2022, 1000, AREA_GENERELT), -1);
	assert_int_equal(dataset_slot(&d, 2022, -1, AREA_GENERELT), -1);
	assert_int_equal(dataset_slot(&d, 2021, 751, AREA_GENERELT), -1);
	load_year(&d, &diags, 2021, "facts.csv");
	assert_int_equal(diags.errors, 0);
	assert_int_equal(dataset_slots(&d), 2 * 4 * AREA_COUNT); /* 0, 101, 707, 751 */
	assert_int_equal(dataset_find(&d, 2021, 101, AREA_GENERELT)->cases.value, 40);
	assert_int_equal(dataset_find(&d, 2021, AK_NATIONAL_CODE, AREA_GENERELT)->cases.value,
			 1000);
	assert_float_equal(dataset_find(&d, 2021, 751, AREA_GENERELT)->rate_pct.value, 30, 1e-9);
	assert_int_equal(dataset_find(&d, 2022, 751, AREA_BOERNEHANDICAP)->cases.value, 40);
	assert_null(dataset_find(&d, 2022, 101, AREA_GENERELT));
	/* every slot is another place */
	bool seen[2 * 4 * AREA_COUNT] = {false};
	const int years[] = {2021, 2022}, codes[] = {0, 101, 707, 751};
	for (int y = 0; y < 2; y++)
		for (int c = 0; c < 4; c++)
			for (int a = 0; a < AREA_COUNT; a++) {
				long k = dataset_slot(&d, years[y], codes[c], (enum ak_area)a);
				assert_in_range(k, 0, 2 * 4 * AREA_COUNT - 1);
				assert_false(seen[k]);
				seen[k] = true;
			}
	diag_list_free(&diags);
	dataset_free(&d);
}

/* The typed one_law_only is the flag; the note's wording is not read. */
static void test_one_law_only_flag(void **state)
{
	(void)state;
	struct ak_obs o = {.cases = n(40, 0), .reversed = n(12, 0), .one_law_only = true};
	struct ak_figures f;
	stats_figures(&o, &f);
	assert_int_equal(facts_flags(&o, &f), FLAG_ONE_LAW_ONLY);
	o.one_law_only = false;
	char note[] = "filen har ingen efter barnets lov";
	o.note = note;
	assert_int_equal(facts_flags(&o, &f), 0);
	/* every flag has its bit, its id and its label once */
	unsigned all = 0;
	for (size_t i = 0; i < AK_N_FLAGS; i++) {
		assert_int_equal(ak_flags_by_bit[i].bit, 1u << i);
		assert_non_null(ak_flags_read[i].name);
		assert_non_null(ak_flags_read[i].label);
		all |= ak_flags_read[i].bit;
	}
	assert_int_equal(all, (1u << AK_N_FLAGS) - 1);
}

static void test_same_published(void **state)
{
	(void)state;
	assert_true(stats_same_published(n(35.9, 1), n(36, 0)));
	assert_true(stats_same_published(n(36.5, 1), n(37, 0)));
	assert_true(stats_same_published(n(36.5, 1), n(36, 0))); /* either rounding of a half */
	assert_false(stats_same_published(n(36.2, 1), n(36.3, 1)));
	assert_false(stats_same_published(n(36.5, 1), n(25, 0)));
	assert_true(stats_same_published(n(48.0, 1), n(48, 0)));
}

static bool has_finding(const struct diag_list *d, const char *path_end, int line,
			const char *words)
{
	for (size_t i = 0; i < d->count; i++) {
		const struct diag *x = &d->items[i];
		size_t pl = strlen(x->path), el = strlen(path_end);
		if (pl >= el && strcmp(x->path + pl - el, path_end) == 0 && x->line == line &&
		    strstr(x->msg, words))
			return true;
	}
	return false;
}

static void test_shipped_inconsistencies(void **state)
{
	(void)state;
	struct ak_dataset sd = {0};
	struct diag_list f = {0};
	load_shipped(&sd, &f);
	/* Norddjurs' paper quotes 2020's national parts beside 2021's rate */
	assert_true(has_finding(
		&f, "2021.csv", 8,
		"remanded 36.5 % + changed 15.5 % = 52.0 %, but the published rate is 35.9 %"));
	/* 2020 national rate: ministry 36.2 against 36.3 in two other sources */
	assert_true(
		has_finding(&f, "2020.csv", 6, "sources disagree on the reversal rate: 36.3 %"));
	assert_true(
		has_finding(&f, "2020.csv", 7, "sources disagree on the reversal rate: 36.3 %"));
	assert_true(
		has_finding(&f, "2021.csv", 32, "sources disagree on the share remanded: 25 %"));
	assert_true(has_finding(&f, "2021.csv", 32, "sources disagree on the share changed: 11 %"));
	/* whole-point parts that miss the whole by one point are rounding, not errors */
	const struct ak_obs *aal = dataset_find(&sd, 2021, 851, AREA_GENERELT); /* 28 + 6 vs 33 */
	assert_non_null(aal);
	assert_false(aal->inconsistent);
	assert_int_equal(f.count, 5);
	const struct ak_obs *nat20 = dataset_find(&sd, 2020, 0, AREA_GENERELT);
	assert_true(nat20->disagrees);
	assert_float_equal(nat20->rate_pct.value, 36.2, 1e-9);
	/* the figure shown (the ministry's 2021 børnehandicap rate) carries what
	 * check found in the other rows of it (issue 13, 3) */
	const struct ak_obs *nat21 = dataset_find(&sd, 2021, 0, AREA_BOERNEHANDICAP);
	struct ak_figures fig;
	stats_figures(nat21, &fig);
	unsigned fl = facts_flags(nat21, &fig);
	assert_true(fl & FLAG_SOURCES_DISAGREE);
	assert_true(fl & FLAG_OTHER_INCONSISTENT);
	assert_false(fl & FLAG_INCONSISTENT); /* its own figures are fine */
	/* it gives no split; another source does, and the one that adds up is
	 * taken (issue 13, 8) */
	assert_false(fig.remanded_pct.present);
	const struct ak_obs *from = stats_borrow_split(&sd, nat21, &fig);
	assert_non_null(from);
	assert_false(from->inconsistent);
	assert_non_null(strstr(from->source.text, "Københavns Kommune"));
	assert_float_equal(fig.remanded_pct.value, 25, 1e-9);
	assert_float_equal(fig.changed_pct.value, 11, 1e-9);
	assert_null(stats_borrow_split(&sd, nat21, &fig)); /* it has one now */
	diag_list_free(&f);
	dataset_free(&sd);
}

static void test_norddjurs_2023(void **state)
{
	(void)state;
	struct ak_dataset sd = {0};
	load_shipped(&sd, NULL);
	const struct ak_obs *o = dataset_find(&sd, 2023, 707, AREA_GENERELT);
	struct ak_figures f;
	stats_figures(o, &f);
	assert_int_equal(f.cases, 77);
	assert_float_equal(f.rate.value, 40, 1e-9); /* published 40; 31 of 77 rounds to it */
	assert_float_equal(f.ci_low, 30.0, 1e-9);
	assert_float_equal(f.ci_high, 51.4, 1e-9);
	dataset_free(&sd);
}

static void test_no_case_count_fits(void **state)
{
	(void)state;
	struct diag_list f = {0};
	struct ak_dataset sd = {0};
	struct ak_obs o[2] = {
		/* Norddjurs 2021: 15 = 23 %, 4 = 6 %, 11 = 17 % fit 65 cases */
		{.year = 2021,
		 .code = 707,
		 .reversed = n(15, 0),
		 .rate_pct = n(23, 0),
		 .changed = n(4, 0),
		 .changed_pct = n(6, 0),
		 .remanded = n(11, 0),
		 .remanded_pct = n(17, 0),
		 .scope = empty,
		 .path = "x.csv",
		 .line = 2},
		/* 3 = 20 % needs 14-15 cases, 1 = 2 % needs 40-66: no count fits both */
		{.year = 2021,
		 .code = 707,
		 .area = AREA_BOERNEHANDICAP,
		 .reversed = n(3, 0),
		 .rate_pct = n(20, 0),
		 .changed = n(1, 0),
		 .changed_pct = n(2, 0),
		 .scope = empty,
		 .path = "x.csv",
		 .line = 3},
	};
	sd.obs = o;
	sd.n_obs = 2;
	stats_analyse(&sd, &f);
	assert_false(o[0].inconsistent);
	assert_true(o[1].inconsistent);
	assert_int_equal(f.count, 1);
	assert_non_null(strstr(f.items[0].msg, "no number of cases fits"));
	diag_list_free(&f);
}

static void test_two_proportion(void **state)
{
	(void)state;
	double p;
	bool sig;
	/* Norddjurs generelt 2023 (31/77) against 2022 (14/50): z = 1.41 */
	assert_true(stats_two_prop(31, 77, 14, 50, &p, &sig));
	assert_float_equal(p, 0.158, 0.002);
	assert_false(sig);
	/* 60/100 against 30/100: clearly different */
	assert_true(stats_two_prop(60, 100, 30, 100, &p, &sig));
	assert_true(p < 0.0001);
	assert_true(sig);
	assert_true(stats_two_prop(0, 10, 0, 10, &p, &sig));
	assert_false(sig);
	assert_false(stats_two_prop(3, -1, 2, 10, &p, &sig)); /* no count: no test */
	assert_false(stats_two_prop(11, 10, 2, 10, &p, &sig));
}

static void test_in_cases(void **state)
{
	(void)state;
	double expected, diff;
	stats_in_cases(31, 77, 38.5, &expected, &diff);
	assert_float_equal(expected, 29.6, 1e-9);
	assert_float_equal(diff, 1.4, 1e-9); /* 31 - 29.645 */
	stats_in_cases(9, 13, 48.4, &expected, &diff);
	assert_float_equal(expected, 6.3, 1e-9);
	assert_float_equal(diff, 2.7, 1e-9);
	stats_in_cases(10, 50, 40, &expected, &diff);
	assert_float_equal(diff, -10.0, 1e-9);
}

/* Reference values computed by hand with exact fractions (Python's
 * fractions.Fraction and math.comb), independent of this code. */
static void test_binomial_test(void **state)
{
	(void)state;
	assert_float_equal(funnel_binom_p(3, 10, 0.5), 0.34375, 1e-12);
	assert_float_equal(funnel_binom_p(7, 20, 0.3), 0.6294979666766777, 1e-9);
	assert_float_equal(funnel_binom_p(0, 5, 0.2), 0.5904, 1e-12);
	assert_float_equal(funnel_binom_p(30, 50, 0.283), 4.129844536156411e-06, 1e-12);
	assert_float_equal(funnel_binom_p(5, 10, 0.5), 1.0, 1e-12);
	assert_float_equal(funnel_binom_p(0, 0, 0.3), 1.0, 0);
}

static void test_funnel_limits(void **state)
{
	(void)state;
	struct funnel_limits l;
	funnel_limits(20, 0.283, &l);
	assert_float_equal(l.lo95, 6.772829, 1e-5);
	assert_float_equal(l.hi95, 46.766059, 1e-5);
	assert_float_equal(l.lo998, 0.0, 1e-9); /* -1.12 by the formula: a rate is never below 0 */
	assert_float_equal(l.hi998, 59.343767, 1e-5);
	funnel_limits(100, 0.283, &l);
	assert_float_equal(l.lo95, 19.17124, 1e-5);
	assert_float_equal(l.hi95, 36.838511, 1e-5);
	assert_float_equal(l.lo998, 14.537737, 1e-5);
	assert_float_equal(l.hi998, 42.285917, 1e-5);
	funnel_limits(400, 0.283, &l);
	assert_float_equal(l.lo95, 23.810299, 1e-5);
	assert_float_equal(l.hi95, 32.64397, 1e-5);
	assert_float_equal(l.lo998, 21.373942, 1e-5);
	assert_float_equal(l.hi998, 35.279154, 1e-5);
	/* the funnel narrows as cases grow */
	struct funnel_limits wide, narrow;
	funnel_limits(30, 0.4, &wide);
	funnel_limits(3000, 0.4, &narrow);
	assert_true(narrow.hi95 - narrow.lo95 < (wide.hi95 - wide.lo95) / 5);
}

static void test_funnel_position(void **state)
{
	(void)state;
	/* at n = 100 around 28.3 %: 95 % limits 19.2-36.8, 99.8 % 14.5-42.3 */
	assert_int_equal(funnel_position(28, 100, 0.283), FUNNEL_WITHIN);
	assert_int_equal(funnel_position(36, 100, 0.283), FUNNEL_WITHIN);
	assert_int_equal(funnel_position(37, 100, 0.283), FUNNEL_ABOVE_95);
	assert_int_equal(funnel_position(42, 100, 0.283), FUNNEL_ABOVE_95);
	assert_int_equal(funnel_position(43, 100, 0.283), FUNNEL_ABOVE_998);
	assert_int_equal(funnel_position(19, 100, 0.283), FUNNEL_BELOW_95);
	assert_int_equal(funnel_position(14, 100, 0.283), FUNNEL_BELOW_998);
	assert_int_equal(funnel_position(5, 0, 0.283), FUNNEL_UNKNOWN);
}

static void test_funnel_build_shipped(void **state)
{
	(void)state;
	struct ak_dataset sd = {0};
	load_shipped(&sd, NULL);
	struct funnel f;
	funnel_build(&sd, 2023, AREA_GENERELT, &f);
	assert_true(f.has_national);
	assert_float_equal(f.national, 38.5, 1e-9);
	assert_int_equal(f.n, 1); /* Norddjurs is the only municipality with a case count */
	assert_int_equal(f.points[0].code, 707);
	assert_int_equal(f.points[0].cases, 77);
	assert_int_equal(f.points[0].reversed, 31);
	assert_int_equal(f.points[0].pos, FUNNEL_WITHIN);
	assert_float_equal(f.points[0].p, funnel_binom_p(31, 77, 0.385), 1e-12);
	assert_non_null(funnel_find(&f, 707));
	assert_null(funnel_find(&f, 101));
	funnel_free(&f);
	dataset_free(&sd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pct_rounds_half_up),
		cmocka_unit_test(test_wilson_interval),
		cmocka_unit_test(test_figures_from_counts),
		cmocka_unit_test(test_figures_published_only),
		cmocka_unit_test(test_small_sample_flag),
		cmocka_unit_test(test_one_law_only_flag),
		cmocka_unit_test(test_facts_against_the_nation),
		cmocka_unit_test(test_index_by_the_codes_with_rows),
		cmocka_unit_test(test_same_published),
		cmocka_unit_test(test_shipped_inconsistencies),
		cmocka_unit_test(test_norddjurs_2023),
		cmocka_unit_test(test_no_case_count_fits),
		cmocka_unit_test(test_two_proportion),
		cmocka_unit_test(test_in_cases),
		cmocka_unit_test(test_binomial_test),
		cmocka_unit_test(test_funnel_limits),
		cmocka_unit_test(test_funnel_position),
		cmocka_unit_test(test_funnel_build_shipped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
