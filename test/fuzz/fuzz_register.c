/* fuzz_register.c - the register of remanded cases on any bytes: read,
 * every entry checked, written and read back. What was read must be
 * written so that it reads back the same: as many entries, the same next
 * number, no error. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ankekort/data/csvload.h"
#include "ankekort/data/regtally.h"
#include "ankekort/base/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ak_dataset ds;
static char *dir;

static void setup(void)
{
	struct diag_list d = {0};
	struct load_result r = {0};
	csvload_municipalities(&ds, SOURCE_ROOT "/datasets/municipalities.csv", "m.csv", &d, &r);
	diag_list_free(&d);
	const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	char *templ = xasprintf("%s/fuzz-register-XXXXXX", tmp);
	dir = mkdtemp(templ);
	if (!dir)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!dir)
		setup();
	char *text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	struct reg r = {.path = xasprintf("%s/register.csv", dir), .next_id = 1};
	struct diag_list d = {0};
	register_parse(&r, text, size, &d);
	free(text);
	for (size_t i = 0; i < r.n; i++) {
		char *why = NULL;
		register_check(&r.e[i], &ds, &why);
		free(why);
	}
	char *err = NULL;
	if (!register_save(&r, &err)) {
		fprintf(stderr, "cannot write the register: %s\n", err);
		abort();
	}
	struct reg back;
	struct diag_list d2 = {0};
	/* and the highest number given is kept: a number is never given twice */
	if (!register_load(&back, r.path, &d2) || back.n != r.n || back.next_id != r.next_id) {
		for (size_t i = 0; i < d2.count; i++)
			diag_print(&d2.items[i], stderr);
		fprintf(stderr, "read back %zu entries of %zu, next number %d of %d\n", back.n, r.n,
			back.next_id, r.next_id);
		abort();
	}
	char today[16] = "2024-06-01";
	for (int a = 0; a < AREA_COUNT && r.n; a++) {
		char **lines;
		size_t n = register_describe(&r, r.e[0].code, r.e[0].year, (enum ak_area)a, -1,
					     today, &lines);
		for (size_t i = 0; i < n; i++)
			free(lines[i]);
		free(lines);
	}
	register_free(&back);
	register_free(&r);
	diag_list_free(&d);
	diag_list_free(&d2);
	return 0;
}
