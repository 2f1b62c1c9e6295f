/* test_layers.c - the shipped layer and the user's layer, and the one rule
 * for a figure several sources give (docs/DATA.md): rates compared at the
 * precision they were published with, the published figure shown, counts
 * lent only when they agree. Fixture: test/data/layers/user (synthetic). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ankekort/data/layers.h"
#include "ankekort/data/facts.h"
#include "ankekort/import/dataload.h"
#include "ankekort/output/figtext.h"

static struct ak_rate published(double v, int decimals)
{
	struct ak_obs o = {.rate_pct = {.value = v, .decimals = decimals, .present = true},
			   .cases = {0},
			   .reversed = {0}};
	return stats_rate_of(&o);
}

static struct ak_rate counted(long reversed, long cases)
{
	struct ak_obs o = {.cases = {.value = (double)cases, .present = true},
			   .reversed = {.value = (double)reversed, .present = true}};
	return stats_rate_of(&o);
}

static void test_rate_of(void **state)
{
	(void)state;
	struct ak_rate p = published(28, 0), c = counted(19, 63);
	assert_true(p.present && !p.from_counts);
	assert_true(p.half_width > 0.49 && p.half_width < 0.51);
	assert_true(c.present && c.from_counts);
	assert_int_equal(c.cases, 63);
	assert_true(c.value > 30.15 && c.value < 30.17);
	/* counts win over a published rate in the same row */
	struct ak_obs both = {.rate_pct = {.value = 40, .decimals = 0, .present = true},
			      .cases = {.value = 77, .present = true},
			      .reversed = {.value = 31, .present = true}};
	struct ak_rate b = stats_rate_of(&both);
	assert_true(b.from_counts && b.cases == 77);
	struct ak_obs none = {0};
	assert_false(stats_rate_of(&none).present);
}

/* The table of docs/DATA.md, row by row. */
static void test_rates_agree_at_published_precision(void **state)
{
	(void)state;
	struct {
		struct ak_rate a, b;
		bool agree;
	} cases[] = {
		{published(28, 0), counted(19, 63), false},	   /* 30.2 is not "28" */
		{published(28, 0), counted(17, 61), true},	   /* 27.9 rounds to 28 */
		{published(28, 0), counted(55, 200), true},	   /* 27.5: the edge counts */
		{published(31.8, 1), counted(3184, 10000), true},  /* 31.84 */
		{published(31.8, 1), counted(3186, 10000), false}, /* 31.86 */
		{published(28, 0), published(28.4, 1), true},	   /* the coarser decides */
		{published(28, 0), published(28.6, 1), false},
		{counted(1, 2), counted(2, 4), true}, /* the same exact rate */
		{counted(1, 2), counted(2, 5), false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (stats_rates_agree(&cases[i].a, &cases[i].b) != cases[i].agree)
			fail_msg("row %zu: expected %s", i, cases[i].agree ? "agree" : "disagree");
		assert_int_equal(stats_rates_agree(&cases[i].b, &cases[i].a), cases[i].agree);
	}
}

static void load_layers(struct ak_dataset *d, bool no_shipped)
{
	struct diag_list diags = {0};
	struct load_result r = {0};
	struct dataload_spec sp = {.shipped = SOURCE_ROOT "/datasets",
				   .user = SOURCE_ROOT "/test/data/layers/user",
				   .no_shipped = no_shipped};
	assert_true(dataload_layers(d, &sp, &diags, &r));
	assert_int_equal(diags.errors, 0);
	diag_list_free(&diags);
	facts_analyse(d, NULL);
}

static size_t count_layer(const struct ak_dataset *d, enum ak_layer layer)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n_obs; i++)
		n += d->obs[i].layer == layer;
	return n;
}

static void test_both_layers_load(void **state)
{
	(void)state;
	struct ak_dataset d = {0};
	load_layers(&d, false);
	assert_int_equal(count_layer(&d, LAYER_USER), 3);
	assert_true(count_layer(&d, LAYER_SHIPPED) > 50);
	assert_non_null(d.shipped_dir);
	assert_non_null(d.user_dir);
	/* a figure the map does not give comes from the user's data */
	const struct ak_obs *nd = dataset_find(&d, 2024, 707, AREA_GENERELT);
	assert_non_null(nd);
	assert_int_equal(nd->layer, LAYER_USER);
	assert_int_equal(nd->source.kind, SOURCE_STATISTICS);
	struct sbuf b = {0};
	layers_describe(&d, &b);
	assert_non_null(strstr(sbuf_str(&b), "Statistikbanken TEST1 2026-12-01"));
	assert_non_null(strstr(sbuf_str(&b), "publications"));
	sbuf_free(&b);
	dataset_free(&d);
	load_layers(&d, true);
	assert_int_equal(count_layer(&d, LAYER_SHIPPED), 0);
	assert_int_equal(count_layer(&d, LAYER_USER), 3);
	assert_int_equal(d.n_munis, 99); /* the shipped municipalities still */
	dataset_free(&d);
}

/* The map's 39 stays the figure shown; the agreeing counts give it n. */
static void test_counts_lent_when_they_agree(void **state)
{
	(void)state;
	struct ak_dataset d = {0};
	load_layers(&d, false);
	const struct ak_obs *o = dataset_find(&d, 2024, 751, AREA_GENERELT);
	assert_non_null(o);
	assert_int_equal(o->layer, LAYER_SHIPPED);
	assert_false(o->disagrees);
	struct ak_figures f;
	stats_figures_in(&d, o, &f);
	assert_int_equal(f.cases, 200);
	assert_int_equal(f.reversed, 78);
	assert_true(f.has_ci);
	assert_true(f.rate.published_only);
	assert_int_equal(f.rate.decimals, 0);
	assert_true(f.rate.value > 38.99 && f.rate.value < 39.01);
	assert_true(f.remanded_pct.value > 32.99 &&
		    f.remanded_pct.value < 33.01); /* as published */
	assert_non_null(f.counts_from);
	assert_int_equal(f.counts_from->layer, LAYER_USER);
	assert_int_equal(facts_flags(o, &f) & FLAG_PUBLISHED_ONLY, 0);
	char *s = figtext_counts_from(o, &f);
	assert_non_null(strstr(s, "Statistikbanken TEST1"));
	assert_non_null(strstr(s, "39.0 % of 200 cases"));
	free(s);
	dataset_free(&d);
}

/* The map's 32 against counts giving 40.0 %: flagged, both said, no n lent. */
static void test_disagreement_flagged_and_said(void **state)
{
	(void)state;
	struct ak_dataset d = {0};
	struct diag_list findings = {0};
	struct diag_list diags = {0};
	struct load_result r = {0};
	struct dataload_spec sp = {.shipped = SOURCE_ROOT "/datasets",
				   .user = SOURCE_ROOT "/test/data/layers/user"};
	dataload_layers(&d, &sp, &diags, &r);
	facts_analyse(&d, &findings);
	const struct ak_obs *o = dataset_find(&d, 2024, 751, AREA_BOERNEHANDICAP);
	assert_non_null(o);
	assert_int_equal(o->layer, LAYER_SHIPPED);
	assert_true(o->disagrees);
	struct ak_figures f;
	stats_figures_in(&d, o, &f);
	assert_int_equal(f.cases, -1);
	assert_null(f.counts_from);
	assert_true(facts_flags(o, &f) & FLAG_SOURCES_DISAGREE);
	const struct ak_obs *other[4];
	assert_int_equal(stats_rate_disagreements(&d, o, other, 4), 1);
	assert_int_equal(other[0]->layer, LAYER_USER);
	char *s = figtext_disagreement(&d, o);
	assert_non_null(s);
	assert_non_null(strstr(s, "publishes 32 %"));
	assert_non_null(strstr(s, "Statistikbanken TEST1 gives 40.0 % of 50 cases"));
	free(s);
	bool said = false;
	for (size_t i = 0; i < findings.count; i++)
		said |= strstr(findings.items[i].msg,
			       "sources disagree on the rate: 40.0 % of 50 "
			       "cases from Statistikbanken TEST1, but 32 %") != NULL;
	assert_true(said);
	diag_list_free(&findings);
	diag_list_free(&diags);
	dataset_free(&d);
}

/* A user layer that repeats shipped rows (an --into directory made as a
 * copy of the datasets) adds nothing twice. */
static void test_copies_of_shipped_rows_dropped(void **state)
{
	(void)state;
	struct ak_dataset d = {0};
	struct diag_list diags = {0};
	struct load_result r = {0};
	struct dataload_spec sp = {.shipped = SOURCE_ROOT "/datasets"};
	dataload_layers(&d, &sp, &diags, &r);
	size_t obs = d.n_obs, records = d.n_records, maps = d.n_maps;
	struct layers_mark mark = layers_mark_now(&d);
	csvload_figures(&d, SOURCE_ROOT "/datasets", LAYER_USER, &diags, &r);
	assert_int_equal(d.n_obs, 2 * obs);
	assert_int_equal(layers_drop_copies(&d, &mark), obs + records + maps);
	assert_int_equal(d.n_obs, obs);
	assert_int_equal(d.n_records, records);
	assert_int_equal(count_layer(&d, LAYER_USER), 0);
	diag_list_free(&diags);
	dataset_free(&d);
}

/* ankekort 0.1 wrote imported counts as "ministry": read as statistics. */
static void test_old_import_rows_are_statistics(void **state)
{
	(void)state;
	static const char csv[] =
		"code,kommune,area,cases,remanded,changed,rate_pct,source,source_kind,note\n"
		"751,Aarhus,generelt,10,2,1,,\"Danmarks Statistik, Statistikbanken ANKEAST2 "
		"(Ankestyrelsens tal), CC BY 4.0, hentet 2026-11-01\",ministry,"
		"\"Importeret fra ANKEAST2 (dst, UTF-8 with BOM).\"\n"
		"751,Aarhus,boernehandicap,,,,30,S,ministry,Nævnt i nyheden.\n";
	struct ak_dataset d = {0};
	struct diag_list diags = {0};
	struct load_result r = {0};
	csvload_year_mem(&d, 2024, NULL, csv, sizeof csv - 1, "2024.csv", &diags, &r);
	assert_int_equal(d.n_obs, 2);
	assert_int_equal(d.obs[0].source.kind, SOURCE_STATISTICS);
	assert_int_equal(d.obs[1].source.kind, SOURCE_MINISTRY);
	diag_list_free(&diags);
	dataset_free(&d);
}

/* The flags' sentences: on screen in the order read, a small sample with
 * its number, one law last; in a document worded for the sheet; print's
 * ids by bit. */
static void test_flag_sentences(void **state)
{
	(void)state;
	char empty[] = "", name[] = "S";
	struct ak_obs o = {.scope = empty, .source = {.text = name}};
	struct ak_facts x = {.o = &o,
			     .fig = {.cases = 9, .reversed = 3, .small_sample = true},
			     .flags = FLAG_ONE_LAW_ONLY | FLAG_SMALL_SAMPLE | FLAG_INCONSISTENT};
	struct ak_dataset ds = {0};
	struct figtext_line l[FIGTEXT_MAX];
	size_t n = figtext_flags(&ds, &x, FIGTEXT_SCREEN, l);
	assert_int_equal(n, 3);
	assert_non_null(strstr(l[0].text, "Small sample (9 cases)"));
	assert_string_equal(l[1].text,
			    "Inconsistent: the published figures do not add up (ankekort check).");
	assert_non_null(strstr(l[2].text, "Only rows under one of the two laws"));
	for (size_t i = 0; i < n; i++) {
		assert_true(l[i].warns);
		free(l[i].text);
	}
	n = figtext_flags(&ds, &x, FIGTEXT_DOC, l);
	assert_int_equal(n, 3);
	assert_string_equal(l[1].text, "the published figures do not add up (see ankekort check).");
	assert_non_null(strstr(l[2].text, "only rows under one of the two laws"));
	for (size_t i = 0; i < n; i++)
		free(l[i].text);
	char buf[128];
	figtext_flag_words(x.flags | FLAG_OTHER_INCONSISTENT, true, ";", buf, sizeof buf);
	assert_string_equal(buf,
			    "small_sample;inconsistent;one_law_only;other_source_inconsistent");
	figtext_flag_words(FLAG_PUBLISHED_ONLY | FLAG_SOURCES_DISAGREE, false, ", ", buf,
			   sizeof buf);
	assert_string_equal(buf, "published only, sources disagree");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rate_of),
		cmocka_unit_test(test_flag_sentences),
		cmocka_unit_test(test_rates_agree_at_published_precision),
		cmocka_unit_test(test_both_layers_load),
		cmocka_unit_test(test_counts_lent_when_they_agree),
		cmocka_unit_test(test_disagreement_flagged_and_said),
		cmocka_unit_test(test_copies_of_shipped_rows_dropped),
		cmocka_unit_test(test_old_import_rows_are_statistics),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
