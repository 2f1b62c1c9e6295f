/* fuzz_fetch.c - what fetch decides from the API's answers, on any bytes:
 * the input up to a NUL byte is the table information (JSON), the rest the
 * CSV answer. The variables are read, their roles told, the data request
 * built (every part of it must be JSON), the bytes read as a table list
 * too, and the answer imported as fetch imports it. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/data/csvload.h"
#include "ankekort/import/fetchplan.h"
#include "ankekort/import/import.h"
#include "ankekort/import/tablelist.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ak_dataset ds;
static struct area_rules rules;
static FILE *sink;

static void setup(void)
{
	struct diag_list d = {0};
	struct load_result r = {0};
	csvload_municipalities(&ds, SOURCE_ROOT "/datasets/municipalities.csv", "m.csv", &d, &r);
	area_rules_load(&rules, SOURCE_ROOT "/datasets/areas.csv", &d);
	diag_list_free(&d);
	sink = fopen("/dev/null", "w");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!sink)
		setup();
	const char *text = (const char *)data;
	const char *nul = memchr(text, 0, size);
	size_t json_len = nul ? (size_t)(nul - text) : size;
	struct fetch_options o = {
		.rules = &rules, .known = &ds, .year_from = 2021, .year_to = 2024};
	struct fetch_table t = {0};
	char *err = NULL;
	if (fetch_table_parse(text, json_len, "http://127.0.0.1/tableinfo", "ANKEAST1", &t, &err) &&
	    fetch_table_roles(&o, &t, &err)) {
		size_t n = 0;
		/* a small cell limit, so the request is split as it is for a large table */
		char **reqs = fetch_data_requests(&o, &t, 500, sink, &n, &err);
		for (size_t i = 0; reqs && i < n; i++) {
			json_error_t je;
			json_t *back = json_loads(reqs[i], 0, &je);
			if (!back) {
				fprintf(stderr, "the data request is not JSON: %s\n", reqs[i]);
				abort();
			}
			json_decref(back);
		}
		fetch_requests_free(reqs, n);
	}
	free(err);
	err = NULL;
	struct tablelist l = {0};
	if (tablelist_parse(text, json_len, "http://127.0.0.1/tables", &l, &err)) {
		size_t idx[8];
		size_t m = tablelist_match(&l, idx, 8);
		for (size_t i = 0; i < m; i++)
			if (idx[i] >= l.n)
				abort();
	}
	tablelist_free(&l);
	free(err);
	fetch_table_free(&t);
	if (nul) {
		struct import_options io = {
			.format = IMPORT_DST, .area = -1, .rules = &rules, .source = "fuzz"};
		struct import_result r;
		import_buffer(nul + 1, size - json_len - 1, "answer", &ds, &io, &r);
		import_result_free(&r);
	}
	return 0;
}
