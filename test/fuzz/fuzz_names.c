/* fuzz_names.c - name matching and the text functions on any bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/data/csvload.h"
#include "ankekort/data/names.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ak_dataset ds;
static struct name_index ix;
static bool ready;

static void count_line(void *ctx, const char *line, size_t len)
{
	(void)line;
	*(size_t *)ctx += len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!ready) {
		struct diag_list d = {0};
		struct load_result r = {0};
		csvload_municipalities(&ds, SOURCE_ROOT "/datasets/municipalities.csv", "m.csv", &d,
				       &r);
		diag_list_free(&d);
		names_index_build(&ix, &ds);
		ready = true;
	}
	char *s = xstrndup((const char *)data, size);
	int code;
	char *hint = NULL;
	names_resolve(&ds, s, &code, &hint);
	free(hint);
	char *folded, *loose;
	names_fold_query(s, &folded, &loose);
	names_index_contains(&ix, 173, folded, loose); /* Lyngby-Taarbæk */
	free(folded);
	free(loose);
	struct sbuf b = {0};
	textfmt_fold(&b, s);
	sbuf_reset(&b);
	textfmt_escape(&b, s);
	size_t total = 0;
	textfmt_wrap(sbuf_str(&b), 1 + size % 40, count_line, &total);
	sbuf_reset(&b);
	textfmt_fit(&b, s, size % 50, size & 1, size & 2);
	if (textfmt_width(sbuf_str(&b)) > size % 50)
		abort(); /* fit must never overflow its width */
	sbuf_reset(&b);
	textfmt_ascii(&b, s);
	sbuf_free(&b);
	free(s);
	return 0;
}
