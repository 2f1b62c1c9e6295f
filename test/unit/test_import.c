/* Import: the paragraph -> area rules, encodings, and each format read from
 * its fixture into the right counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/encoding.h"
#include "ankekort/import.h"
#include "test_common.h"


static struct area_rules rules;

static int setup(void **state)
{
	(void)state;
	load_shipped(&ds, NULL);
	area_rules_load(&rules, SOURCE_ROOT "/datasets/areas.csv", NULL);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	area_rules_free(&rules);
	dataset_free(&ds);
	return 0;
}

#define G (1u << AREA_GENERELT)
#define B (1u << AREA_BOERNEHANDICAP)
#define V (1u << AREA_VOKSENHANDICAP)

static void test_area_rules(void **state)
{
	(void)state;
	bool law;
	assert_int_equal(area_rules_match(&rules, "Serviceloven", "§ 41 Merudgifter", &law), G | B);
	assert_false(law);
	assert_int_equal(area_rules_match(&rules, "", "SEL § 32 a Pasning", &law), G | B);
	assert_int_equal(area_rules_match(&rules, "", "SEL § 32 Pasning", &law), G | B);
	assert_int_equal(area_rules_match(&rules, "Serviceloven", "§§ 42-43 Tabt arbejdsfortjeneste", &law), G | B);
	assert_int_equal(area_rules_match(&rules, "", "§ 96 BPA", &law), G | V); /* bare paragraph */
	assert_int_equal(area_rules_match(&rules, "", "§ 100", &law), G | V);
	assert_int_equal(area_rules_match(&rules, "", "§ 85 Bostøtte", &law), G);
	assert_int_equal(area_rules_match(&rules, "Serviceloven", "", &law), G);
	assert_true(law);
	assert_int_equal(area_rules_match(&rules, "Social Services Act total", "", &law), G);
	assert_true(law);
	assert_int_equal(area_rules_match(&rules, "Lov om aktiv socialpolitik", "§ 12", &law), 0);
	assert_int_equal(area_rules_match(&rules, "Barnets lov", "§ 3", &law), 0);
	assert_int_equal(area_rules_match(&rules, "", "Selskabsret", &law), 0); /* "sel" only as a word */
}

static void test_encodings(void **state)
{
	(void)state;
	size_t n;
	const char *name;
	char *s = encoding_to_utf8("\xC6gir \xE5 \xF8", 8, &n, &name);
	assert_string_equal(name, "Windows-1252");
	assert_string_equal(s, "Ægir å ø");
	free(s);
	s = encoding_to_utf8("\x80 \x96 \x81", 5, &n, &name); /* euro, en dash, undefined */
	assert_string_equal(s, "€ – \xC2\x81");
	free(s);
	s = encoding_to_utf8("\xEF\xBB\xBFÅr", 6, &n, &name);
	assert_string_equal(name, "UTF-8 with BOM");
	assert_string_equal(s, "År");
	free(s);
	s = encoding_to_utf8("Århus", 6, &n, &name);
	assert_string_equal(name, "UTF-8");
	free(s);
}

static const struct ak_obs *find(const struct import_result *r, int year, int code, enum ak_area a)
{
	for (size_t i = 0; i < r->n_obs; i++)
		if (r->obs[i].year == year && r->obs[i].code == code && r->obs[i].area == a)
			return &r->obs[i];
	return NULL;
}

static void import(const char *fixture, struct import_result *r, int year, int area)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/test/data/import/%s", SOURCE_ROOT, fixture);
	struct import_options o = {.rules = &rules, .year = year, .area = area};
	assert_true(import_file(path, &ds, &o, r));
}

static void test_dst(void **state)
{
	(void)state;
	struct import_result r;
	import("dst_labels.csv", &r, 0, -1);
	assert_int_equal(r.format, IMPORT_DST);
	const struct ak_obs *o = find(&r, 2022, 751, AREA_GENERELT);
	assert_non_null(o);
	assert_int_equal(o->upheld.value, 100); /* the law-level row, not the paragraphs again */
	assert_int_equal(o->remanded.value, 40);
	assert_int_equal(o->changed.value, 20);
	o = find(&r, 2022, 751, AREA_BOERNEHANDICAP);
	assert_int_equal(o->upheld.value, 15);
	assert_false(o->changed.present); /* 2 + ".." is not 2 */
	assert_non_null(strstr(o->note, "diskretionshensyn"));
	assert_null(find(&r, 2022, 411, AREA_GENERELT));
	import_result_free(&r);
	import("dst_quarters_en.csv", &r, 0, -1);
	o = find(&r, 2021, 101, AREA_GENERELT); /* four quarters summed */
	assert_int_equal(o->upheld.value, 120);
	assert_non_null(strstr(o->note, "fire kvartaler"));
	o = find(&r, 2022, 101, AREA_GENERELT);
	assert_non_null(strstr(o->note, "ufuldst"));
	o = find(&r, 2021, 751, AREA_VOKSENHANDICAP);
	assert_int_equal(o->upheld.value, 14);
	assert_non_null(find(&r, 2021, 0, AREA_GENERELT)); /* "All Denmark" */
	import_result_free(&r);
}

static void test_talportal(void **state)
{
	(void)state;
	struct import_result r;
	import("talportal_latin1.csv", &r, 0, -1);
	assert_int_equal(r.format, IMPORT_TALPORTAL);
	assert_string_equal(r.encoding, "Windows-1252");
	const struct ak_obs *o = find(&r, 2022, 751, AREA_GENERELT); /* "Århus" */
	assert_int_equal(o->cases.value, 182);
	assert_true(o->rate_pct.present);
	assert_true(o->rate_pct.decimals > 10); /* unrounded, kept as published */
	o = find(&r, 2022, 851, AREA_GENERELT); /* "Ålborg", four quarters */
	assert_int_equal(o->cases.value, 116);
	assert_false(o->rate_pct.present); /* percentages do not add up across quarters */
	o = find(&r, 2022, 751, AREA_BOERNEHANDICAP);
	assert_int_equal(o->cases.value, 60);
	assert_false(o->changed.present); /* 6 + NA is unknown */
	import_result_free(&r);
}

static void test_sheet(void **state)
{
	(void)state;
	struct import_result r;
	import("sheet_cp1252.csv", &r, 2023, AREA_GENERELT);
	assert_int_equal(r.format, IMPORT_SHEET);
	const struct ak_obs *o = find(&r, 2023, 101, AREA_GENERELT);
	assert_int_equal(o->cases.value, 1234); /* "1.234" */
	assert_float_equal(o->rate_pct.value, 40.0, 1e-9);
	assert_int_equal(o->rate_pct.decimals, 1);
	assert_non_null(find(&r, 2023, 147, AREA_GENERELT)); /* "Frederiksberg Kommune" */
	assert_int_equal(r.n_obs, 3);
	import_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_area_rules), cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_dst),	   cmocka_unit_test(test_talportal),
		cmocka_unit_test(test_sheet),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
