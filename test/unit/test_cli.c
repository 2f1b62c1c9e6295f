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

#include "ankekort/cmd/cli.h"
#include "ankekort/cmd/commands.h"
#include "ankekort/cmd/help.h"

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
	const char *v1[] = {"ankekort", "--data", "D",	  "print", "--kommune",
			    "aarhus",	"-y",	  "2024", NULL};
	const char *v2[] = {"ankekort", "print",  "--data",	 "D",
			    "-k",	"aarhus", "--year=2024", NULL};
	assert_int_equal(parse(&a, v1, err, sizeof err), CLI_OK);
	assert_int_equal(parse(&b, v2, err, sizeof err), CLI_OK);
	assert_string_equal(a.cmd->word, "print");
	assert_string_equal(b.cmd->word, "print");
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

/* Names as users write them (issue 13, 12). */
static void test_names_as_written(void **state)
{
	(void)state;
	char err[512] = "";
	struct cli_options o;
	const char *v1[] = {"ankekort", "print", "--area", "Børnehandicap",
			    "--format", "CSV",	 NULL};
	assert_int_equal(parse(&o, v1, err, sizeof err), CLI_OK);
	assert_int_equal(o.area, 1);
	assert_int_equal(o.format, FORMAT_CSV);
	cli_free(&o);
	const char *v2[] = {"ankekort", "print", "-a", "SOCIALOMRÅDET GENERELT", NULL};
	assert_int_equal(parse(&o, v2, err, sizeof err), CLI_OK);
	assert_int_equal(o.area, 0);
	cli_free(&o);
	const char *v3[] = {"ankekort", "print", "-a", "voksenhandicapområdet", "-f", "Md", NULL};
	assert_int_equal(parse(&o, v3, err, sizeof err), CLI_OK);
	assert_int_equal(o.area, 2);
	assert_int_equal(o.format, FORMAT_MD);
	cli_free(&o);
	const char *v4[] = {"ankekort", "import", "x.csv", "--format", "DST", NULL};
	assert_int_equal(parse(&o, v4, err, sizeof err), CLI_OK);
	cli_free(&o);
}

/* An option without its value says which (issue 13, 12). */
static void test_missing_value(void **state)
{
	(void)state;
	struct cli_options o;
	char err[512] = "";
	const char *v1[] = {"ankekort", "print", "--year", NULL};
	assert_int_equal(parse(&o, v1, err, sizeof err), CLI_USAGE);
	assert_non_null(strstr(err, "ankekort: --year needs a value"));
	assert_null(strstr(err, "unknown"));
	cli_free(&o);
	char err2[512] = "";
	const char *v2[] = {"ankekort", "faktaark", "-k", NULL};
	assert_int_equal(parse(&o, v2, err2, sizeof err2), CLI_USAGE);
	assert_non_null(strstr(err2, "ankekort: -k needs a value"));
	cli_free(&o);
}

/* Every command's --help is its own (issue 13, 12). */
static void test_command_help(void **state)
{
	(void)state;
	static const struct {
		const char *cmd, *want;
	} cases[] = {
		{"print", "Usage: ankekort print "},	   {"check", "Usage: ankekort check "},
		{"faktaark", "Usage: ankekort faktaark "}, {"import", "Usage: ankekort import "},
		{"fetch", "Usage: ankekort fetch "},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char outbuf[4096] = "", err[256] = "";
		char *argv[] = {strdup("ankekort"), strdup(cases[i].cmd), strdup("--help"), NULL};
		FILE *out = fmemopen(outbuf, sizeof outbuf - 1, "w");
		FILE *errf = fmemopen(err, sizeof err - 1, "w");
		struct cli_options o;
		assert_int_equal(cli_parse(3, argv, &o, out, errf), CLI_EXIT_OK);
		fclose(out);
		fclose(errf);
		assert_non_null(strstr(outbuf, cases[i].want));
		assert_null(strstr(outbuf, "Keys in the browser")); /* not the global text */
		cli_free(&o);
		for (int k = 0; k < 3; k++)
			free(argv[k]);
	}
}

/* An option a command does not take is refused, naming its commands
 * (the commands' tables, src/cmd/). */
static void test_option_belongs(void **state)
{
	(void)state;
	struct cli_options o;
	char err[512] = "";
	const char *v1[] = {"ankekort", "print", "-o", "x.md", NULL};
	assert_int_equal(parse(&o, v1, err, sizeof err), CLI_USAGE);
	assert_non_null(
		strstr(err, "ankekort: print takes no --output (it is an option of faktaark)"));
	assert_non_null(strstr(err, "'ankekort print --help'"));
	cli_free(&o);
	char err2[512] = "";
	const char *v2[] = {"ankekort", "--kommune", "aarhus", "fetch", NULL};
	assert_int_equal(parse(&o, v2, err2, sizeof err2), CLI_USAGE);
	assert_non_null(strstr(err2, "fetch takes no --kommune (it is an option of the browser, "
				     "print, faktaark, register, cycle)"));
	cli_free(&o);
	char err3[512] = "";
	const char *v3[] = {"ankekort", "frobnicate", NULL};
	assert_int_equal(parse(&o, v3, err3, sizeof err3), CLI_USAGE);
	assert_non_null(strstr(err3, "unknown command: frobnicate (the commands are print, check, "
				     "faktaark, import, fetch, register or cycle)"));
	cli_free(&o);
}

/* Each command's help and usage line come from its table: every option it
 * takes, and no other; the whole help lists every command. */
static void test_help_from_tables(void **state)
{
	(void)state;
	char whole[16384] = "";
	FILE *w = fmemopen(whole, sizeof whole - 1, "w");
	clihelp_usage(w);
	fclose(w);
	for (size_t i = 1; cmd_table[i]; i++) {
		const struct cmd *cmd = cmd_table[i];
		char line[64];
		snprintf(line, sizeof line, "\n  %s", cmd->word);
		assert_non_null(strstr(whole, line));
		char buf[8192] = "";
		FILE *out = fmemopen(buf, sizeof buf - 1, "w");
		clihelp_command(out, cmd);
		fclose(out);
		snprintf(line, sizeof line, "Usage: ankekort %s ", cmd->word);
		assert_non_null(strstr(buf, line));
		const char *options = strstr(buf, "\n\n");
		assert_non_null(options);
		for (int id = OPT_NONE + 1; id < OPT_COUNT; id++) {
			if (id == OPT_HELP || id == OPT_VERSION || id == OPT_LANG || id == OPT_DATA)
				continue;
			char opt[64];
			snprintf(opt, sizeof opt, "--%s ", cli_opt((enum cli_opt)id)->name);
			char bare[64];
			snprintf(bare, sizeof bare, "--%s\n", cli_opt((enum cli_opt)id)->name);
			bool listed = strstr(options, opt) || strstr(options, bare);
			if (listed != cmd_takes(cmd, (enum cli_opt)id))
				fail_msg("%s --help and its table disagree on %s", cmd->word, opt);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options_either_side), cmocka_unit_test(test_values),
		cmocka_unit_test(test_usage_errors),	    cmocka_unit_test(test_help_and_version),
		cmocka_unit_test(test_names_as_written),    cmocka_unit_test(test_missing_value),
		cmocka_unit_test(test_command_help),	    cmocka_unit_test(test_option_belongs),
		cmocka_unit_test(test_help_from_tables),
	};
	return cmocka_run_group_tests(tests, NULL, free_pool);
}
