/* csvcount.c - the floor: libcsv parsing a file and only counting fields
 * and rows, reading it in 64 KiB blocks. ankekort cannot read faster. */
#include <csv.h>
#include <stdio.h>
#include <string.h>

struct counts {
	unsigned long fields, rows;
};

static void on_field(void *s, size_t len, void *ctx)
{
	(void)s;
	(void)len;
	((struct counts *)ctx)->fields++;
}

static void on_row(int c, void *ctx)
{
	(void)c;
	((struct counts *)ctx)->rows++;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: csvcount FILE\n", stderr);
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	struct csv_parser p;
	struct counts c = {0};
	csv_init(&p, CSV_APPEND_NULL);
	csv_set_delim(&p, ';');
	static char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (csv_parse(&p, buf, n, on_field, on_row, &c) != n) {
			fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&p)));
			return 1;
		}
	}
	csv_fini(&p, on_field, on_row, &c);
	csv_free(&p);
	fclose(f);
	printf("%lu rows, %lu fields\n", c.rows, c.fields);
	return 0;
}
