/* Command-line parsing: options before or after the command word, values
 * checked, usage errors reported. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/cli.h"


/* getopt wants a mutable argv; the copies live until the test group ends,
 * because the parsed options point into them. */
static char *pool[256];
static size_t pooled;

static int free_pool(void **state)
{
	(void)state;
	for (size_t i = 0; i < pooled; i++)
		free(pool[i]);
	pooled = 0;
	return 0;
}

static enum cli_status parse(struct cli_options *o, const char *const *words, char *errbuf,
			     size_t errsize)
{
	int argc = 0;
	char *argv[17];
	while (words[argc] && argc < 16 && pooled < 256) {
		argv[argc] = pool[pooled++] = strdup(words[argc]);
		argc++;
	}
	argv[argc] = NULL;
	FILE *out = fopen("/dev/null", "w");
	FILE *err = fmemopen(errbuf, errsize, "w");
	enum cli_status s = cli_parse(argc, argv, o, out, err);
	fclose(out);
	fclose(err);
	return s;
}

static void test_options_either_side(void **state)
{
	(void)state;
	char err[512] = "";
	struct cli_options a, b;
	const char *v1[] = {"ankekort", "--data", "D", "print", "--kommune", "aarhus", "-y", "2024", NULL};
	const char *v2[] = {"ankekort", "print", "--data", "D", "-k", "aarhus", "--year=2024", NULL};
	assert_int_equal(parse(&a, v1, err, sizeof err), CLI_OK);
	assert_int_equal(parse(&b, v2, err, sizeof err), CLI_OK);
	assert_int_equal(a.cmd, CMD_PRINT);
	assert_int_equal(b.cmd, CMD_PRINT);
	assert_string_equal(a.data_dir, "D");
	assert_string_equal(b.data_dir, "D");
	assert_int_equal(a.year, 2024);
	assert_int_equal(b.year, 2024);
	assert_int_equal(a.n_kommuner, 1);
	assert_string_equal(b.kommuner[0], "aarhus");
	assert_int_equal(a.area, -1);
	cli_free(&a);
	cli_free(&b);
}

static void test_values(void **state)
{
	(void)state;
	char err[512] = "";
	struct cli_options o;
	const char *v[] = {"ankekort", "print", "--area", "boernehandicap", "--format", "md", NULL};
	assert_int_equal(parse(&o, v, err, sizeof err), CLI_OK);
	assert_int_equal(o.area, 1);
	assert_int_equal(o.format, FORMAT_MD);
	cli_free(&o);
}

static void test_usage_errors(void **state)
{
	(void)state;
	struct cli_options o;
	const char *bad[][5] = {
		{"ankekort", "--area", "sundhed", NULL},
		{"ankekort", "--year", "24", NULL},
		{"ankekort", "--format", "xml", NULL},
		{"ankekort", "frobnicate", NULL},
		{"ankekort", "--bogus", NULL},
		{"ankekort", "check", "--kommune", "aarhus", NULL},
		{"ankekort", "print", "extra", NULL},
		{"ankekort", "--data", NULL},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char err[512] = "";
		assert_int_equal(parse(&o, bad[i], err, sizeof err), CLI_USAGE);
		assert_non_null(strstr(err, "ankekort: "));
		assert_non_null(strstr(err, "--help"));
		cli_free(&o);
	}
}

static void test_help_and_version(void **state)
{
	(void)state;
	char err[64] = "";
	struct cli_options o;
	const char *h[] = {"ankekort", "--help", NULL};
	const char *v[] = {"ankekort", "-V", NULL};
	assert_int_equal(parse(&o, h, err, sizeof err), CLI_EXIT_OK);
	cli_free(&o);
	assert_int_equal(parse(&o, v, err, sizeof err), CLI_EXIT_OK);
	cli_free(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options_either_side),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_usage_errors),
		cmocka_unit_test(test_help_and_version),
	};
	return cmocka_run_group_tests(tests, NULL, free_pool);
}
