/* What a change in reversed cases is made of: the split into the part due
 * to the cases decided and the part due to the share reversed, its whole
 * numbers, and which earlier year it is counted from. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ankekort/data/changesplit.h"
#include "ankekort/data/csvload.h"
#include "ankekort/data/stats.h"

static void test_issue_example(void **state)
{
	(void)state;
	struct ak_change_split c;
	/* 20 of 100, then 32 of 120: 12 more, 4 from the cases, 8 from the rate */
	assert_true(changesplit_counts(20, 100, 32, 120, &c));
	assert_int_equal(c.total, 12);
	assert_float_equal(c.by_cases, 4.0, 1e-9);
	assert_float_equal(c.by_rate, 8.0, 1e-9);
	long bc, br;
	changesplit_whole(&c, &bc, &br);
	assert_int_equal(bc, 4);
	assert_int_equal(br, 8);
}

static void test_parts_add_up(void **state)
{
	(void)state;
	struct ak_change_split c;
	/* Norddjurs generelt 2022 -> 2023: 14 of 50, 31 of 77 */
	assert_true(changesplit_counts(14, 50, 31, 77, &c));
	assert_int_equal(c.total, 17);
	assert_float_equal(c.by_cases, 27 * 14 / 50.0, 1e-9);	  /* 7.56 */
	assert_float_equal(c.by_rate, 31 - 77 * 14 / 50.0, 1e-9); /* 9.44 */
	assert_float_equal(c.by_cases + c.by_rate, 17.0, 1e-9);
	long bc, br;
	changesplit_whole(&c, &bc, &br);
	assert_int_equal(bc, 8);
	assert_int_equal(br, 9);
}

static void test_opposite_parts(void **state)
{
	(void)state;
	struct ak_change_split c;
	/* more cases (+40 at 25 % = +10), a lower share (60 of 200 is 30 %,
	 * 200 * (0.30 - 0.25) = +10) ... and one where they pull apart: */
	assert_true(changesplit_counts(40, 160, 60, 200, &c));
	assert_float_equal(c.by_cases, 10.0, 1e-9);
	assert_float_equal(c.by_rate, 10.0, 1e-9);
	/* 50 of 100 -> 45 of 150: 25 more from the cases, 30 fewer from the rate */
	assert_true(changesplit_counts(50, 100, 45, 150, &c));
	assert_int_equal(c.total, -5);
	assert_float_equal(c.by_cases, 25.0, 1e-9);
	assert_float_equal(c.by_rate, -30.0, 1e-9);
	long bc, br;
	changesplit_whole(&c, &bc, &br);
	assert_int_equal(bc, 25);
	assert_int_equal(br, -30);
}

static void test_halves_and_negatives_round_within_half(void **state)
{
	(void)state;
	struct ak_change_split c;
	long bc, br;
	/* 1 of 2 -> 9 of 11: by cases 4.5, by rate 3.5, total 8 */
	assert_true(changesplit_counts(1, 2, 9, 11, &c));
	assert_float_equal(c.by_cases, 4.5, 1e-9);
	changesplit_whole(&c, &bc, &br);
	assert_int_equal(bc, 5);
	assert_int_equal(br, 3);
	/* 1 of 2 -> 0 of 1: by cases -0.5, by rate -0.5, total -1 */
	assert_true(changesplit_counts(1, 2, 0, 1, &c));
	assert_float_equal(c.by_cases, -0.5, 1e-9);
	assert_float_equal(c.by_rate, -0.5, 1e-9);
	changesplit_whole(&c, &bc, &br);
	assert_int_equal(bc + br, -1);
	assert_true(bc == -1 || bc == 0);
	/* 14 of 41 -> 7 of 23: every part within half a case of its value */
	assert_true(changesplit_counts(14, 41, 7, 23, &c));
	changesplit_whole(&c, &bc, &br);
	assert_int_equal(bc + br, c.total);
	assert_true(bc - c.by_cases <= 0.5 + 1e-9 && c.by_cases - bc <= 0.5 + 1e-9);
	assert_true(br - c.by_rate <= 0.5 + 1e-9 && c.by_rate - br <= 0.5 + 1e-9);
}

static void test_no_counts_no_split(void **state)
{
	(void)state;
	struct ak_change_split c;
	assert_false(changesplit_counts(-1, 50, 31, 77, &c)); /* reversed unknown */
	assert_false(changesplit_counts(14, -1, 31, 77, &c)); /* cases unknown */
	assert_false(changesplit_counts(14, 50, 31, -1, &c));
	assert_false(changesplit_counts(0, 0, 3, 10, &c));    /* no rate to start from */
	assert_false(changesplit_counts(60, 50, 31, 77, &c)); /* a part over its whole */
	/* no case at all in the later year: every reversal lost to the cases */
	assert_true(changesplit_counts(5, 20, 0, 0, &c));
	assert_int_equal(c.total, -5);
	assert_float_equal(c.by_cases, -5.0, 1e-9);
	assert_float_equal(c.by_rate, 0.0, 1e-9);
}

static struct ak_dataset fixture;

static int setup_fixture(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct load_result r = {0};
	assert_true(csvload_dir(&fixture, SOURCE_ROOT "/test/data/changesplit", &d, &r));
	for (size_t k = 0; k < d.count; k++)
		diag_print(&d.items[k], stderr);
	assert_int_equal(d.errors, 0);
	diag_list_free(&d);
	stats_analyse(&fixture, NULL);
	return 0;
}

static int teardown_fixture(void **state)
{
	(void)state;
	dataset_free(&fixture);
	return 0;
}

static void test_find_the_year_before(void **state)
{
	(void)state;
	struct ak_change_split c;
	assert_true(changesplit_find(&fixture, 2023, 707, AREA_GENERELT, &c));
	assert_int_equal(c.from_year, 2022);
	assert_int_equal(c.year, 2023);
	assert_false(c.gap);
	assert_int_equal(c.total, 12);
	assert_float_equal(c.by_cases, 4.0, 1e-9);
	assert_float_equal(c.by_rate, 8.0, 1e-9);
}

static void test_find_across_a_gap(void **state)
{
	(void)state;
	struct ak_change_split c;
	/* voksenhandicap: 2019, then nothing until 2022 */
	assert_true(changesplit_find(&fixture, 2022, 707, AREA_VOKSENHANDICAP, &c));
	assert_int_equal(c.from_year, 2019);
	assert_true(c.gap);
	assert_int_equal(c.total, -1);
	assert_float_equal(c.by_cases, -2.5, 1e-9);
	assert_float_equal(c.by_rate, 1.5, 1e-9);
	/* and the same again: no change, no part */
	assert_true(changesplit_find(&fixture, 2023, 707, AREA_VOKSENHANDICAP, &c));
	assert_int_equal(c.total, 0);
	assert_float_equal(c.by_cases, 0.0, 1e-9);
	assert_float_equal(c.by_rate, 0.0, 1e-9);
}

static void test_find_says_nothing_without_counts(void **state)
{
	(void)state;
	struct ak_change_split c;
	/* 2022's last earlier figure (2020) is a published rate only: no split,
	 * and not one from 2019 behind its back */
	assert_false(changesplit_find(&fixture, 2022, 707, AREA_GENERELT, &c));
	/* 2020 itself has no counts */
	assert_false(changesplit_find(&fixture, 2020, 707, AREA_GENERELT, &c));
	/* the first year has nothing before it */
	assert_false(changesplit_find(&fixture, 2019, 707, AREA_GENERELT, &c));
	/* 0 cases is no figure */
	assert_false(changesplit_find(&fixture, 2023, 751, AREA_GENERELT, &c));
	/* no figure at all, and a year not loaded */
	assert_false(changesplit_find(&fixture, 2021, 707, AREA_GENERELT, &c));
	assert_false(changesplit_find(&fixture, 2030, 707, AREA_GENERELT, &c));
	assert_false(changesplit_find(&fixture, 2023, 707, AREA_BOERNEHANDICAP, &c));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_issue_example),
		cmocka_unit_test(test_parts_add_up),
		cmocka_unit_test(test_opposite_parts),
		cmocka_unit_test(test_halves_and_negatives_round_within_half),
		cmocka_unit_test(test_no_counts_no_split),
		cmocka_unit_test_setup_teardown(test_find_the_year_before, setup_fixture,
						teardown_fixture),
		cmocka_unit_test_setup_teardown(test_find_across_a_gap, setup_fixture,
						teardown_fixture),
		cmocka_unit_test_setup_teardown(test_find_says_nothing_without_counts,
						setup_fixture, teardown_fixture),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
