/* fuzz_import.c - the three importers (and format detection) on any bytes,
 * then the rows formatted as they would be written. The first byte picks
 * the format and the --year/--area a sheet may need. */
#include <stdint.h>
#include <stdlib.h>

#include "ankekort/data/csvload.h"
#include "ankekort/import/import.h"
#include "ankekort/import/merge.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ak_dataset ds;
static struct area_rules rules;
static bool ready;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!ready) {
		struct diag_list d = {0};
		struct load_result r = {0};
		csvload_municipalities(&ds, SOURCE_ROOT "/datasets/municipalities.csv", "m.csv", &d,
				       &r);
		area_rules_load(&rules, SOURCE_ROOT "/datasets/areas.csv", &d);
		diag_list_free(&d);
		ready = true;
	}
	if (size < 1)
		return 0;
	struct import_options o = {.format = (enum import_format)(data[0] % 4),
				   .year = data[0] & 0x10 ? 2023 : 0,
				   .area = data[0] & 0x20 ? (int)(data[0] >> 6) % 3 : -1,
				   .rules = &rules};
	struct import_result res;
	if (import_buffer((const char *)data + 1, size - 1, "fuzz.csv", &ds, &o, &res)) {
		static const char *const header[] = {"code",	 "kommune", "area", "cases",
						     "rate_pct", "source",  "note"};
		for (size_t i = 0; i < res.n_obs; i++)
			free(merge_format_row(&res.obs[i], &ds, header, 7, ';'));
	}
	import_result_free(&res);
	return 0;
}
