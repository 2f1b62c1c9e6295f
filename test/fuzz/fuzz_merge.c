/* fuzz_merge.c - the merge writer: any bytes imported (the first byte picks
 * the format) into a directory on disk. Every write must leave a directory
 * that loads without an error, and importing the same rows again must add
 * nothing (issue 16: nothing lost, nothing appended twice). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ankekort/data/csvload.h"
#include "ankekort/import/import.h"
#include "ankekort/import/merge.h"
#include "ankekort/base/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ak_dataset shipped;
static struct area_rules rules;
static char *munis;
static size_t munis_len;
static char *dir;
static FILE *sink;

static void setup(void)
{
	struct diag_list d = {0};
	struct load_result r = {0};
	csvload_municipalities(&shipped, SOURCE_ROOT "/datasets/municipalities.csv", "m.csv", &d,
			       &r);
	area_rules_load(&rules, SOURCE_ROOT "/datasets/areas.csv", &d);
	diag_list_free(&d);
	FILE *f = fopen(SOURCE_ROOT "/datasets/municipalities.csv", "rb");
	munis = xmalloc(1 << 16);
	munis_len = f ? fread(munis, 1, 1 << 16, f) : 0;
	if (f)
		fclose(f);
	const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	char *templ = xasprintf("%s/fuzz-merge-XXXXXX", tmp);
	dir = mkdtemp(templ);
	if (!dir)
		abort();
	sink = fopen("/dev/null", "w");
}

static void empty_dir(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *p = xasprintf("%s/%s", dir, e->d_name);
		unlink(p);
		free(p);
	}
	if (d)
		closedir(d);
}

static void load(struct ak_dataset *ds, bool must_load)
{
	struct diag_list d = {0};
	struct load_result r = {0};
	csvload_dir(ds, dir, &d, &r);
	if (must_load && d.errors) {
		for (size_t i = 0; i < d.count; i++)
			diag_print(&d.items[i], stderr);
		abort(); /* the merge left a directory that does not load */
	}
	diag_list_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!dir)
		setup();
	if (size < 1)
		return 0;
	empty_dir();
	char *mpath = xasprintf("%s/municipalities.csv", dir);
	FILE *mf = fopen(mpath, "wb");
	free(mpath);
	if (!mf)
		abort();
	fwrite(munis, 1, munis_len, mf);
	fclose(mf);
	struct import_options o = {.format = (enum import_format)(data[0] % 4),
				   .year = data[0] & 0x10 ? 2023 : 0,
				   .area = data[0] & 0x20 ? (int)(data[0] >> 6) % 3 : -1,
				   .rules = &rules};
	struct import_result res;
	if (import_buffer((const char *)data + 1, size - 1, "fuzz.csv", &shipped, &o, &res)) {
		for (int round = 0; round < 2; round++) {
			struct ak_dataset existing = {0};
			load(&existing, true);
			struct merge_stats st;
			char *err = NULL;
			if (!merge_into(dir, &existing, res.obs, res.n_obs, false, sink, &st,
					&err)) {
				fprintf(stderr, "merge failed: %s\n", err);
				abort();
			}
			if (round == 1 && st.added) {
				fprintf(stderr, "the same rows imported again added %zu\n",
					st.added);
				abort();
			}
			free(err);
			dataset_free(&existing);
		}
		struct ak_dataset after = {0};
		load(&after, true);
		dataset_free(&after);
	}
	import_result_free(&res);
	return 0;
}
