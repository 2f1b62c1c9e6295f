/* fuzz_load.c - the dataset loader, the statistics and print on any bytes.
 * The first byte picks the file: municipalities, a year file or remanded. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "ankekort/data/csvload.h"
#include "ankekort/output/report.h"
#include "ankekort/data/facts.h"
#include "ankekort/base/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ak_dataset munis; /* municipalities.csv, read once */
static FILE *sink;

static void setup(void)
{
	struct diag_list d = {0};
	struct load_result r = {0};
	csvload_municipalities(&munis, SOURCE_ROOT "/datasets/municipalities.csv", "m.csv", &d, &r);
	diag_list_free(&d);
	sink = fopen("/dev/null", "w");
}

/* The municipalities as read once, copied (reading them again for every
 * input was nine tenths of the work). */
static void copy_munis(struct ak_dataset *ds)
{
	ds->munis = xcalloc(munis.n_munis + 1, sizeof *ds->munis);
	for (size_t i = 0; i < munis.n_munis; i++) {
		const struct ak_municipality *m = &munis.munis[i];
		ds->munis[i] = *m;
		ds->munis[i].name = xstrdup(m->name);
		ds->munis[i].region = xstrdup(m->region);
		ds->munis[i].folded = m->folded ? xstrdup(m->folded) : NULL;
		ds->munis[i].loose = m->loose ? xstrdup(m->loose) : NULL;
	}
	ds->n_munis = munis.n_munis;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!sink)
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
		copy_munis(&ds);
		csvload_year_mem(&ds, 2000 + data[0] % 30, NULL, buf, len, "y.csv", &d, &r);
		break;
	default:
		copy_munis(&ds);
		csvload_records_mem(&ds, NULL, buf, len, "r.csv", &d, &r);
		break;
	}
	dataset_choose_defaults(&ds);
	facts_analyse(&ds, &findings);
	struct print_query q = {.area = -1, .format = (enum report_format)(data[0] / 3 % 3)};
	report_print(sink, &ds, &q);
	report_check(sink, &d, &findings);
	diag_list_free(&findings);
	diag_list_free(&d);
	dataset_free(&ds);
	return 0;
}
