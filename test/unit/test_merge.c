/* Merging into a year file written before a number column existed (the
 * dismissed count): the column is added to every line with the old values
 * kept, a row from the same source that only lacked it is filled in, new
 * rows carry it, and importing again changes nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ankekort/base/fileio.h"
#include "ankekort/data/csvload.h"
#include "ankekort/import/import.h"
#include "ankekort/import/merge.h"
#include "ankekort/import/quartermerge.h"

static const char old_year[] =
	"code,kommune,area,scope,cases,upheld,remanded,changed,reversed,rate_pct,remanded_pct,"
	"changed_pct,upheld_pct,decisions_total,dst_benefits,dst_benefits_year,source,"
	"source_kind,source_date,source_url,note\r\n"
	"751,Aarhus,generelt,,,100,40,20,,,,,,,,,\"Danmarks Statistik, Statistikbanken "
	"(Ankestyrelsens tal), fil d.csv\",statistics,,,"
	"\"two; lines, \"\"quoted\"\"\"\r\n"
	"751,Aarhus,voksenhandicap,,,3,2,1,,,,,,,,,Another source,statistics,,,\r\n";

static const char import_csv[] = "OMRÅDE;PARAGRAF;AFGØRELSE;TID;INDHOLD\n"
				 "Aarhus;Serviceloven i alt;Stadfæstelse;2022;100\n"
				 "Aarhus;Serviceloven i alt;Hjemvisning;2022;40\n"
				 "Aarhus;Serviceloven i alt;Ændring/ophævelse;2022;20\n"
				 "Aarhus;Serviceloven i alt;Afvisning/henvisning;2022;15\n"
				 "Aarhus;SEL § 95;Stadfæstelse;2022;4\n"
				 "Aarhus;SEL § 95;Afvisning/henvisning;2022;2\n";

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	size_t len;
	return fileio_read_all(f, &len); /* closes f */
}

/* Loads dir, imports import_csv (named d.csv) and merges it; the report. */
static char *merge_once(const char *dir, struct merge_stats *st)
{
	struct ak_dataset ds = {0};
	struct diag_list d = {0};
	struct load_result lr = {0};
	assert_true(csvload_dir(&ds, dir, &d, &lr));
	assert_int_equal(d.errors, 0);
	diag_list_free(&d);
	struct area_rules rules = {0};
	area_rules_load(&rules, SOURCE_ROOT "/datasets/areas.csv", NULL);
	struct import_options o = {.format = IMPORT_AUTO, .area = -1, .rules = &rules};
	struct import_result r;
	assert_true(import_buffer(import_csv, sizeof import_csv - 1, "d.csv", &ds, &o, &r));
	char *report = NULL;
	size_t report_len = 0;
	FILE *rep = open_memstream(&report, &report_len);
	char *err = NULL;
	bool ok = merge_into(dir, &ds, r.obs, r.n_obs, false, rep, st, &err);
	fclose(rep);
	if (!ok)
		fail_msg("merge: %s", err);
	import_result_free(&r);
	area_rules_free(&rules);
	dataset_free(&ds);
	return report;
}

static void test_column_added(void **state)
{
	(void)state;
	char dir[] = "/tmp/ankekort-merge-XXXXXX", path[256];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/municipalities.csv", dir);
	write_file(path, "code,name,region\n0,Hele landet,\n751,Aarhus,Region Midtjylland\n");
	snprintf(path, sizeof path, "%s/2022.csv", dir);
	write_file(path, old_year);

	struct merge_stats st;
	char *report = merge_once(dir, &st);
	assert_non_null(strstr(report, "adding the column dismissed to"));
	assert_non_null(strstr(report, "filling it in for 1 row from the same source"));
	free(report);
	char *text = read_file(path);
	/* the header and every old line get the column, values and line ends kept */
	assert_non_null(strstr(text, "source_url,note,dismissed\r\n"));
	assert_non_null(strstr(text, ",\"two; lines, \"\"quoted\"\"\",15\r\n"));
	assert_non_null(strstr(text, "Another source,statistics,,,,\r\n"));
	/* the new row (voksenhandicap, this source) carries its count */
	assert_non_null(strstr(text, "voksenhandicap,,,4,,,"));
	assert_non_null(strstr(text, ",2\r\n"));

	/* the file loads without a problem, the filled row has its count */
	struct ak_dataset ds = {0};
	struct diag_list d = {0};
	struct load_result lr = {0};
	assert_true(csvload_dir(&ds, dir, &d, &lr));
	for (size_t k = 0; k < d.count; k++)
		diag_print(&d.items[k], stderr);
	assert_int_equal(d.count, 0);
	const struct ak_obs *o = dataset_find(&ds, 2022, 751, AREA_GENERELT);
	assert_non_null(o);
	assert_int_equal(o->dismissed.value, 15);
	assert_int_equal(o->upheld.value, 100);
	dataset_free(&ds);
	diag_list_free(&d);

	/* again: nothing changes */
	report = merge_once(dir, &st);
	assert_int_equal(st.added, 0);
	assert_int_equal(st.conflicts, 0);
	assert_null(strstr(report, "adding"));
	free(report);
	char *again = read_file(path);
	assert_string_equal(again, text);
	free(again);
	free(text);

	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
}

static char q_source[] = "Talportal, fil q.csv", q_empty[1];

static struct ak_quarter quarter(int q, long cases, long reversed)
{
	struct ak_quarter k = {.year = 2025, .quarter = q, .code = 751, .area = AREA_GENERELT};
	k.cases = (struct ak_num){.value = (double)cases, .present = true};
	k.reversed = (struct ak_num){.value = (double)reversed, .present = true};
	k.source = (struct ak_source){
		.text = q_source, .kind = SOURCE_STATISTICS, .date = q_empty, .url = q_empty};
	k.note = q_empty;
	return k;
}

/* Merges qs into dir's quarters.csv, loading dir first; the file after. */
static char *merge_quarters(const char *dir, const struct ak_quarter *qs, size_t n,
			    struct quartermerge_stats *st)
{
	struct ak_dataset ds = {0};
	struct diag_list d = {0};
	struct load_result lr = {0};
	assert_true(csvload_dir(&ds, dir, &d, &lr));
	assert_int_equal(d.errors, 0);
	diag_list_free(&d);
	FILE *rep = fopen("/dev/null", "w");
	char *err = NULL;
	if (!quartermerge_into(dir, &ds, qs, n, false, rep, st, &err))
		fail_msg("quartermerge: %s", err);
	fclose(rep);
	dataset_free(&ds);
	char path[256];
	snprintf(path, sizeof path, "%s/quarters.csv", dir);
	return read_file(path);
}

/* Quarters go to quarters.csv, never a year file: the same again is
 * identical, other counts from the same source a row of their own. */
static void test_quarters_merge(void **state)
{
	(void)state;
	char dir[] = "/tmp/ankekort-qmerge-XXXXXX", path[256];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/municipalities.csv", dir);
	write_file(path, "code,name,region\n0,Hele landet,\n751,Aarhus,Region Midtjylland\n");
	snprintf(path, sizeof path, "%s/2024.csv", dir); /* csvload_dir wants a year file */
	write_file(path,
		   "code,area,cases,reversed,source,source_kind\n751,generelt,40,10,S,ministry\n");
	struct ak_quarter qs[2] = {quarter(1, 20, 5), quarter(2, 22, 6)};
	struct quartermerge_stats st;
	char *text = merge_quarters(dir, qs, 2, &st);
	assert_int_equal(st.added, 2);
	assert_non_null(strstr(text, "year,quarter,code,kommune,area,cases,upheld,remanded,changed,"
				     "reversed,dismissed,source,source_kind,source_date,source_url,"
				     "note\n"));
	assert_non_null(strstr(text, "\n2025,1,751,Aarhus,generelt,20,,,,5,,"));
	free(text);
	text = merge_quarters(dir, qs, 2, &st);
	assert_int_equal(st.added, 0);
	assert_int_equal(st.identical, 2);
	free(text);
	qs[1] = quarter(2, 23, 6); /* revised */
	text = merge_quarters(dir, qs, 2, &st);
	assert_int_equal(st.added, 1);
	assert_int_equal(st.conflicts, 1);
	assert_non_null(strstr(text,
			       "\n2025,2,751,Aarhus,generelt,23,,,,6,,"
			       "\"Talportal, fil q.csv (conflicts with quarters.csv line 3)\""));
	free(text);
	text = merge_quarters(dir, qs, 2, &st); /* and that is not added twice */
	assert_int_equal(st.added, 0);
	assert_int_equal(st.identical, 2);
	free(text);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_column_added),
		cmocka_unit_test(test_quarters_merge),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
