/* The quarterly figures between the maps: quarters.csv read, and the sums
 * (year to date against the same quarters a year before, a rolling four
 * quarters) with their counts, intervals, missing quarters and the floor
 * of 10 cases, on the synthetic figures of test/data/quarters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "ankekort/data/csvload.h"
#include "ankekort/data/quarters.h"

static struct ak_dataset ds;

static int setup(void **state)
{
	(void)state;
	struct diag_list d = {0};
	struct load_result r = {0};
	assert_true(csvload_dir(&ds, SOURCE_ROOT "/test/data/quarters", &d, &r));
	for (size_t k = 0; k < d.count; k++)
		diag_print(&d.items[k], stderr);
	assert_int_equal(d.count, 0);
	diag_list_free(&d);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	dataset_free(&ds);
	return 0;
}

static void test_loaded_apart_from_the_years(void **state)
{
	(void)state;
	assert_int_equal(ds.n_quarters, 22);
	assert_int_equal(ds.n_years, 1); /* quarters.csv is no year file */
	const struct ak_quarter *q = quarters_find(&ds, 2025, 1, 707, AREA_GENERELT);
	assert_non_null(q);
	assert_int_equal(q->cases.value, 25);
	assert_int_equal(q->dismissed.value, 2);
	long c, r;
	q = quarters_find(&ds, 2025, 2, 707, AREA_GENERELT);
	quarters_counts(q, &c, &r); /* no cases or reversed: the parts' sums */
	assert_int_equal(c, 27);
	assert_int_equal(r, 12);
	assert_null(quarters_find(&ds, 2025, 3, 707, AREA_GENERELT));
	int y, qq;
	assert_true(quarters_latest(&ds, AREA_GENERELT, &y, &qq));
	assert_int_equal(y, 2025);
	assert_int_equal(qq, 2);
	assert_false(quarters_latest(&ds, AREA_COUNT, &y, &qq));
}

static void test_step_back(void **state)
{
	(void)state;
	int y, q;
	quarters_step_back(2025, 2, 3, &y, &q);
	assert_int_equal(y, 2024);
	assert_int_equal(q, 3);
	quarters_step_back(2025, 1, 1, &y, &q);
	assert_int_equal(y, 2024);
	assert_int_equal(q, 4);
	quarters_step_back(2025, 4, 0, &y, &q);
	assert_int_equal(y, 2025);
	assert_int_equal(q, 4);
}

static void test_year_to_date(void **state)
{
	(void)state;
	struct ak_qsum now, before;
	quarters_ytd(&ds, 707, AREA_GENERELT, 2025, 2, &now, &before);
	assert_int_equal(now.cases, 52); /* 25 + (15 + 8 + 4) */
	assert_int_equal(now.reversed, 22);
	assert_true(now.has_rate);
	assert_float_equal(now.rate, 42.3, 1e-9);
	assert_true(now.ci_low > 29.0 && now.ci_low < 30.0);
	assert_int_equal(before.from_year, 2024);
	assert_int_equal(before.to_q, 2);
	assert_int_equal(before.cases, 42);
	assert_int_equal(before.reversed, 11);
	assert_float_equal(before.rate, 26.2, 1e-9);
}

static void test_rolling_four_quarters(void **state)
{
	(void)state;
	struct ak_qsum s;
	quarters_rolling(&ds, 707, AREA_GENERELT, 2025, 2, &s);
	assert_int_equal(s.from_year, 2024);
	assert_int_equal(s.from_q, 3);
	assert_int_equal(s.cases, 90);
	assert_int_equal(s.reversed, 35);
	assert_float_equal(s.rate, 38.9, 1e-9);
}

static void test_too_few_cases(void **state)
{
	(void)state;
	struct ak_qsum now, before, roll;
	quarters_ytd(&ds, 707, AREA_VOKSENHANDICAP, 2025, 2, &now, &before);
	assert_int_equal(now.cases, 5);
	assert_true(now.too_few);
	assert_false(now.has_rate);
	quarters_rolling(&ds, 707, AREA_VOKSENHANDICAP, 2025, 2, &roll);
	assert_int_equal(roll.cases, 10); /* exactly the floor: a rate */
	assert_false(roll.too_few);
	assert_true(roll.has_rate);
	assert_float_equal(roll.rate, 50.0, 1e-9);
}

static void test_missing_quarters_are_named_not_guessed(void **state)
{
	(void)state;
	struct ak_qsum now, before, roll;
	quarters_ytd(&ds, 707, AREA_BOERNEHANDICAP, 2025, 2, &now, &before);
	assert_true(now.has_rate);
	assert_int_equal(now.cases, 21);
	/* 2024 Q2 has no counts (suppressed): the sum is not made */
	assert_int_equal(before.n_missing, 1);
	assert_int_equal(before.missing, 2u); /* the second quarter of the span */
	assert_int_equal(before.cases, -1);
	assert_false(before.has_rate);
	assert_false(before.too_few);
	quarters_rolling(&ds, 707, AREA_BOERNEHANDICAP, 2025, 2, &roll);
	assert_int_equal(roll.n_missing, 2); /* 2024 Q3 and Q4: no row */
	assert_int_equal(roll.missing, 3u);
	/* a municipality without any quarter */
	quarters_rolling(&ds, 751, AREA_GENERELT, 2025, 2, &roll);
	assert_int_equal(roll.n_missing, 4);
}

static void test_bad_rows(void **state)
{
	(void)state;
	static const char csv[] = "year,quarter,code,area,cases,reversed,source,source_kind\n"
				  "2025,5,707,generelt,10,2,S,statistics\n"
				  "2025,1,707,generelt,10,2,S,statistics\n"
				  "2025,1,707,generelt,11,2,S,statistics\n";
	struct ak_dataset d2 = {0};
	struct diag_list d = {0};
	struct load_result r = {0};
	csvload_municipalities(&d2, SOURCE_ROOT "/test/data/quarters/municipalities.csv", "m", &d,
			       &r);
	quarters_load(&d2, NULL, csv, sizeof csv - 1, "q.csv", &d, &r);
	assert_int_equal(d.errors, 2);
	assert_int_equal(d2.n_quarters, 1);
	assert_int_equal(d.items[0].line, 2);
	assert_non_null(strstr(d.items[0].msg, "a quarter from 1 to 4"));
	assert_int_equal(d.items[1].line, 4);
	assert_non_null(strstr(d.items[1].msg, "first on line 3"));
	diag_list_free(&d);
	dataset_free(&d2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loaded_apart_from_the_years),
		cmocka_unit_test(test_step_back),
		cmocka_unit_test(test_year_to_date),
		cmocka_unit_test(test_rolling_four_quarters),
		cmocka_unit_test(test_too_few_cases),
		cmocka_unit_test(test_missing_quarters_are_named_not_guessed),
		cmocka_unit_test(test_bad_rows),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
