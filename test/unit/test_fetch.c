/* fetch's decisions without a network: which tables of a table list are
 * the appeals tables, how a request over the API's cell limit is split,
 * and which law values are asked for (a numbered paragraph with its law). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/import/fetchplan.h"
#include "ankekort/import/tablelist.h"
#include "test_rules.h"

static void test_tablelist(void **state)
{
	(void)state;
	static const char json[] =
		"[{\"id\": \"FOLK1A\", \"text\": \"Befolkningen\", \"active\": true},"
		" {\"id\": \"STRAF11\", \"text\": \"Afgørelser efter overtrædelsens art\"},"
		" {\"id\": \"KLAGE9\", \"text\": \"Ankestyrelsens afgørelser\", \"active\": true},"
		" {\"id\": \"ANKEAST2\", \"text\": \"Afgørelser\", \"active\": false},"
		" {\"id\": \"ankeast1\", \"text\": \"x\", \"active\": true},"
		" {\"id\": \"SOC3\", \"text\": \"Afgjorte klagesager på socialområdet\"},"
		" {\"id\": \"SOC4\", \"text\": \"Afgørelser i klager over kommunen\"}]";
	struct tablelist l = {0};
	char *err = NULL;
	assert_true(tablelist_parse(json, sizeof json - 1, "u", &l, &err));
	assert_int_equal(l.n, 7);
	size_t idx[8];
	size_t n = tablelist_match(&l, idx, 8);
	assert_int_equal(n, 5);
	/* ids first (active before inactive), then texts in the list's order */
	assert_string_equal(l.tables[idx[0]].id, "ankeast1");
	assert_string_equal(l.tables[idx[1]].id, "ANKEAST2");
	assert_string_equal(l.tables[idx[2]].id, "KLAGE9");
	assert_string_equal(l.tables[idx[3]].id, "SOC3");
	assert_string_equal(l.tables[idx[4]].id, "SOC4");
	assert_int_equal(tablelist_match(&l, idx, 2), 2);
	tablelist_free(&l);

	assert_false(tablelist_parse("{\"id\": 1}", 9, "u", &l, &err));
	assert_non_null(strstr(err, "not a list of tables"));
	free(err);
	err = NULL;
	tablelist_free(&l);
	assert_false(tablelist_parse("[{\"id\": ", 8, "u", &l, &err));
	assert_non_null(strstr(err, "not JSON (line 1"));
	free(err);
	tablelist_free(&l);
}

static void test_split(void **state)
{
	(void)state;
	/* municipalities, laws, decisions, periods: 100 x 8 x 5 x 4 = 16000
	 * rows of 5 cells */
	const size_t counts[] = {100, 8, 5, 4};
	struct fetch_part p[64];
	assert_int_equal(fetch_split(counts, 4, 3, 1, 1000000, p, 64), 1);
	assert_int_equal(p[0].period_to, 4);
	assert_int_equal(p[0].law_to, 8);
	/* a year is 20000 cells: two years a part */
	assert_int_equal(fetch_split(counts, 4, 3, 1, 40000, p, 64), 2);
	assert_int_equal(p[0].period_from, 0);
	assert_int_equal(p[0].period_to, 2);
	assert_int_equal(p[1].period_from, 2);
	assert_int_equal(p[1].period_to, 4);
	assert_int_equal(p[1].law_to, 8);
	/* three years fit, the fourth alone */
	assert_int_equal(fetch_split(counts, 4, 3, 1, 60000, p, 64), 2);
	assert_int_equal(p[1].period_from, 3);
	/* under a year: a year at a time, its laws in threes (2500 cells a law) */
	assert_int_equal(fetch_split(counts, 4, 3, 1, 7500, p, 64), 12);
	assert_int_equal(p[0].period_to, 1);
	assert_int_equal(p[0].law_to, 3);
	assert_int_equal(p[2].law_from, 6);
	assert_int_equal(p[2].law_to, 8);
	assert_int_equal(p[11].period_from, 3);
	/* no part under the limit even with one law: one law a part */
	assert_int_equal(fetch_split(counts, 4, 3, 1, 100, p, 64), 32);
	for (size_t i = 0; i < 32; i++)
		assert_int_equal(p[i].law_to - p[i].law_from, 1);
	/* counting only (no room) gives the same number */
	assert_int_equal(fetch_split(counts, 4, 3, 1, 7500, NULL, 0), 12);
}

static void add_var(struct fetch_table *t, const char *id, const char *const *texts, size_t n,
		    bool time)
{
	struct fetch_variable *v = &t->vars[t->n++];
	v->id = strdup(id);
	v->text = strdup(id);
	v->time = time;
	v->ids = calloc(n + 1, sizeof *v->ids);
	v->texts = calloc(n + 1, sizeof *v->texts);
	for (size_t k = 0; k < n; k++) {
		char buf[32];
		snprintf(buf, sizeof buf, "v%zu", k);
		v->ids[k] = strdup(buf);
		v->texts[k] = strdup(texts[k]);
	}
	v->n = n;
}

static void test_requests(void **state)
{
	(void)state;
	static const char *const munis[] = {"Aarhus", "Odense", "København"};
	static const char *const laws[] = {"Lovgrundlag i alt",
					   "1 Serviceloven",
					   "1.1 Børn med handicap - § 41",
					   "6 Barnets lov",
					   "6.1 Merudgifter - § 86",
					   "6.9 Formål - § 1",
					   "7 Lov om aktiv socialpolitik"};
	static const char *const decisions[] = {"Stadfæstelse", "Hjemvisning", "Ændring/ophævelse"};
	static const char *const years[] = {"2022", "2023", "2024"};
	struct fetch_table t = {.id = strdup("KLAGE1"), .vars = calloc(5, sizeof *t.vars)};
	add_var(&t, "OMR", munis, 3, false);
	add_var(&t, "LOV", laws, 7, false);
	add_var(&t, "AFG", decisions, 3, false);
	add_var(&t, "TID", years, 3, true);
	struct fetch_options o = {.rules = &rules, .known = &ds};
	char *err = NULL;
	assert_true(fetch_table_roles(&o, &t, &err));
	FILE *sink = fopen("/dev/null", "w");
	size_t n = 0;
	char **reqs = fetch_data_requests(&o, &t, 1000000, sink, &n, &err);
	assert_non_null(reqs);
	assert_int_equal(n, 1);
	/* the total, the law, its paragraph, Barnets lov for its § 86; not
	 * § 1 of Barnets lov nor a law no area needs */
	assert_non_null(strstr(reqs[0], "\"code\":\"LOV\",\"values\":[\"v0\",\"v1\",\"v2\",\"v3\","
					"\"v4\"]"));
	assert_non_null(strstr(reqs[0], "\"code\":\"OMR\",\"values\":[\"*\"]"));
	fetch_requests_free(reqs, n);
	/* 3 x 5 x 3 rows of 5 cells a year: 225 cells; at 200 cells a year at
	 * a time, its laws in fours (45 cells a law) */
	reqs = fetch_data_requests(&o, &t, 200, sink, &n, &err);
	assert_int_equal(n, 6);
	assert_non_null(strstr(reqs[0], "\"code\":\"TID\",\"values\":[\"v0\"]"));
	assert_non_null(strstr(reqs[5], "\"code\":\"TID\",\"values\":[\"v2\"]"));
	fetch_requests_free(reqs, n);
	o.year_from = 2030;
	o.year_to = 2031;
	assert_null(fetch_data_requests(&o, &t, 1000, sink, &n, &err));
	assert_non_null(strstr(err, "no period in the years 2030-2031"));
	free(err);
	fclose(sink);
	fetch_table_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tablelist),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_requests),
	};
	return cmocka_run_group_tests(tests, setup_rules, teardown_rules);
}
