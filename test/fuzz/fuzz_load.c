/* fuzz_load.c - the dataset loader, the statistics and print on any bytes.
 * The first byte picks the file: municipalities, a year file or remanded. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "ankekort/data/csvload.h"
#include "ankekort/output/report.h"
#include "ankekort/data/stats.h"
#include "ankekort/base/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *munis;
static size_t munis_len;
static FILE *sink;

static void setup(void)
{
	FILE *f = fopen(SOURCE_ROOT "/datasets/municipalities.csv", "rb");
	munis = xmalloc(1 << 16);
	munis_len = f ? fread(munis, 1, 1 << 16, f) : 0;
	if (f)
		fclose(f);
	sink = fopen("/dev/null", "w");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!munis)
		setup();
	if (size < 1)
		return 0;
	struct ak_dataset ds = {0};
	struct diag_list d = {0}, findings = {0};
	struct load_result r = {0};
	const char *buf = (const char *)data + 1;
	size_t len = size - 1;
	switch (data[0] % 3) {
	case 0: csvload_municipalities_mem(&ds, NULL, buf, len, "m.csv", &d, &r); break;
	case 1:
		csvload_municipalities_mem(&ds, NULL, munis, munis_len, "m.csv", &d, &r);
		csvload_year_mem(&ds, 2000 + data[0] % 30, NULL, buf, len, "y.csv", &d, &r);
		break;
	default:
		csvload_municipalities_mem(&ds, NULL, munis, munis_len, "m.csv", &d, &r);
		csvload_records_mem(&ds, NULL, buf, len, "r.csv", &d, &r);
		break;
	}
	dataset_choose_defaults(&ds);
	stats_analyse(&ds, &findings);
	struct print_query q = {.area = -1, .format = (enum report_format)(data[0] / 3 % 3)};
	report_print(sink, &ds, &q);
	report_check(sink, &d, &findings);
	diag_list_free(&findings);
	diag_list_free(&d);
	dataset_free(&ds);
	return 0;
}
