/* test_groups.c - a group's pooled rate (sum reversed / sum cases, the
 * Talportal's "I alt") against its unweighted mean of rates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/data/groupavg.h"
#include "test_common.h"

static void load_text(struct ak_dataset *d, const char *munis, const char *year_csv)
{
	struct diag_list diags = {0};
	struct load_result res = {0};
	memset(d, 0, sizeof *d);
	csvload_municipalities_mem(d, NULL, munis, strlen(munis), "m.csv", &diags, &res);
	csvload_year_mem(d, 2023, NULL, year_csv, strlen(year_csv), "2023.csv", &diags, &res);
	assert_int_equal(diags.errors, 0);
	dataset_choose_defaults(d);
	stats_analyse(d, NULL);
	diag_list_free(&diags);
}

static const char munis[] = "code,name,region\n0,Hele landet,\n101,København,Hovedstaden\n"
			    "751,Aarhus,Midtjylland\n851,Aalborg,Nordjylland\n"
			    "461,Odense,Syddanmark\n";

/* A large member weighs more in the pooled rate, every member the same in
 * the mean; a member with only a published rate is in the mean alone. */
static void test_pooled_and_mean(void **state)
{
	(void)state;
	struct ak_dataset d;
	load_text(&d, munis,
		  "code,area,cases,reversed,rate_pct,source,source_kind\n"
		  "101,generelt,100,40,,S,statistics\n"
		  "751,generelt,10,1,,S,statistics\n"
		  "851,generelt,,,50,S,ministry\n");
	const int group[] = {101, 751, 851, 461, 0};
	struct group_avg g;
	group_average(&d, 2023, AREA_GENERELT, group, 5, &g);
	assert_int_equal(g.n, 4); /* the national row is no member */
	assert_true(g.pooled.present);
	assert_int_equal(g.reversed, 41);
	assert_int_equal(g.cases, 110);
	assert_int_equal(g.n_pooled, 2);
	assert_true(g.pooled.value > 37.25 && g.pooled.value < 37.35); /* 41 / 110 = 37.3 */
	assert_true(g.mean.present);
	assert_int_equal(g.n_mean, 3);
	assert_true(g.mean.value > 33.25 && g.mean.value < 33.35); /* (40 + 10 + 50) / 3 */
	/* an area nobody has a figure for: neither */
	group_average(&d, 2023, AREA_VOKSENHANDICAP, group, 5, &g);
	assert_false(g.pooled.present);
	assert_false(g.mean.present);
	assert_int_equal(g.n_mean, 0);
	/* only published rates: a mean, no pooled rate */
	const int published[] = {851};
	group_average(&d, 2023, AREA_GENERELT, published, 1, &g);
	assert_false(g.pooled.present);
	assert_true(g.mean.present);
	assert_true(g.mean.value == 50.0);
	dataset_free(&d);
}

/* The shipped 6-byer for 2024 publish rates only: the mean, no pooled. */
static void test_shipped_6byer(void **state)
{
	(void)state;
	struct group_avg g;
	group_average(&ds, 2024, AREA_GENERELT, (const int[]){751, 851, 561, 461, 730, 101}, 6, &g);
	assert_int_equal(g.n, 6);
	assert_int_equal(g.n_mean, 6);
	assert_false(g.pooled.present);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pooled_and_mean),
		cmocka_unit_test_setup_teardown(test_shipped_6byer, setup_shipped,
						teardown_shipped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
