/* fuzz_config.c - the configuration file on any bytes: only known keys
 * with valid values become settings, and every message is escaped. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/cmd/config.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	FILE *f = fmemopen((void *)(uintptr_t)data, size, "r");
	if (!f)
		return 0;
	struct ak_config c;
	memset(&c, 0, sizeof c);
	c.color = c.mouse = -1;
	struct diag_list d = {0};
	config_read(f, "config", &c, &d);
	fclose(f);
	if (c.lang && strcmp(c.lang, "da") != 0 && strcmp(c.lang, "en") != 0)
		abort();
	if (c.color < -1 || c.color > 1 || c.mouse < -1 || c.mouse > 1)
		abort();
	if ((c.data && strchr(c.data, '#')) || (c.peers && strchr(c.peers, '#')))
		abort(); /* a comment never becomes part of a value */
	char *out = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&out, &len);
	for (size_t i = 0; m && i < d.count; i++)
		diag_print(&d.items[i], m);
	if (m) {
		fclose(m);
		fuzz_expect_escaped(out, len, "config message");
	}
	free(out);
	diag_list_free(&d);
	config_free(&c);
	return 0;
}
