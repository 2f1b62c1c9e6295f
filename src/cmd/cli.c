/* cli.c - the parser (getopt_long), made from the table of options
 * (options.c) and the commands' tables (commands.h). */
#include "ankekort/cmd/cli.h"
#include "version.h" /* ANKEKORT_VERSION, from meson.build */
#include "ankekort/base/i18n.h"

#include <ctype.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/sbuf.h"
#include "ankekort/cmd/commands.h"
#include "ankekort/cmd/help.h"
#include "ankekort/cmd/usage.h"
#include "ankekort/data/dataset.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

static bool parse_year(const char *s, int *year)
{
	if (strcmp(s, "all") == 0) {
		*year = 0;
		return true;
	}
	if (strlen(s) != 4)
		return false;
	for (int i = 0; i < 4; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	*year = atoi(s);
	return true;
}

static bool parse_area(const char *s, int *area)
{
	enum ak_area a;
	if (strcasecmp(s, "all") == 0 || strcasecmp(s, "alle") == 0) {
		*area = -1;
		return true;
	}
	if (!area_parse_name(s, &a))
		return false;
	*area = (int)a;
	return true;
}

/* "2024" or "2021-2024" */
static bool parse_years(const char *s, int *from, int *to)
{
	char a[5] = "", b[5] = "";
	size_t n = strlen(s);
	if (n == 4) {
		memcpy(a, s, 4);
		memcpy(b, s, 4);
	} else if (n == 9 && s[4] == '-') {
		memcpy(a, s, 4);
		memcpy(b, s + 5, 4);
	} else {
		return false;
	}
	if (!parse_year(a, from) || !parse_year(b, to) || *from == 0 || *to == 0)
		return false;
	return *from <= *to;
}

static bool parse_positive(const char *s, int max, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s || *end || v < 1 || v > max)
		return false;
	*out = (int)v;
	return true;
}

/* "--year needs a value" */
static enum cli_status missing_value(FILE *err, const char *opt)
{
	char name[64];
	snprintf(name, sizeof name, "%.*s", (int)strcspn(opt, "="), opt);
	char *shown = textfmt_escape_dup(name);
	fprintf(err, _("ankekort: %s needs a value\nTry 'ankekort --help' for more information.\n"),
		shown);
	free(shown);
	return CLI_USAGE;
}

static enum cli_status take_option(enum cli_opt id, struct cli_options *o, FILE *out, FILE *err)
{
	o->given[id] = true;
	switch (id) {
	case OPT_HELP:
		o->help = true; /* the command word may still come: its own help then */
		break;
	case OPT_VERSION: fprintf(out, "ankekort %s\n", ANKEKORT_VERSION); return CLI_EXIT_OK;
	case OPT_DATA: o->data_dir = optarg; break;
	case OPT_NO_SHIPPED: o->no_shipped = true; break;
	case OPT_LENIENT: o->lenient = true; break;
	case OPT_VERBOSE: o->verbose = true; break;
	case OPT_NO_COLOR: o->no_color = true; break;
	case OPT_NO_MOUSE: o->no_mouse = true; break;
	case OPT_PEERS:
		o->peers = optarg;
		o->peers_given = true; /* print's: never the configuration's */
		break;
	case OPT_REGISTER: o->register_path = optarg; break;
	case OPT_ID:
		if (!parse_positive(optarg, 1000000000, &o->reg_id))
			return cli_usage_error(err, "--id takes the number of an entry", optarg);
		break;
	case OPT_PARAGRAPH: o->reg_paragraph = optarg; break;
	case OPT_REMANDED: o->reg_remanded = optarg; break;
	case OPT_DECIDED: o->reg_decided = optarg; break;
	case OPT_OUTCOME: o->reg_outcome = optarg; break;
	case OPT_REASON: o->reg_reason = optarg; break;
	case OPT_NOTE: o->reg_note = optarg; break;
	case OPT_CYCLE: o->cycle_path = optarg; break;
	case OPT_DATE: o->cyc_date = optarg; break;
	case OPT_PLAN: o->cyc_plan = optarg; break;
	case OPT_AREAS: o->cyc_areas = optarg; break;
	case OPT_PERIOD: o->cyc_period = optarg; break;
	case OPT_DEADLINE: o->cyc_deadline = optarg; break;
	case OPT_TEXT: o->cyc_text = optarg; break;
	case OPT_CELLS:
		if (!peer_cells_parse(optarg, &o->cells))
			return cli_usage_error(err, "--cells takes compact or papers", optarg);
		break;
	case OPT_FORCE: o->force = true; break;
	case OPT_PROSE: o->prose = true; break;
	case OPT_HALF_YEAR: o->half_year = true; break;
	case OPT_BY:
		if (strcmp(optarg, "quarter") == 0 || strcmp(optarg, "kvartal") == 0)
			o->by_quarter = true;
		else if (strcmp(optarg, "paragraph") == 0 || strcmp(optarg, "paragraf") == 0)
			o->by_paragraph = true;
		else
			return cli_usage_error(err, "--by takes paragraph or quarter", optarg);
		break;
	case OPT_OUTPUT: o->output = optarg; break;
	case OPT_KOMMUNE:
		o->kommuner = xreallocarray(o->kommuner, o->n_kommuner + 1, sizeof *o->kommuner);
		o->kommuner[o->n_kommuner++] = optarg;
		break;
	case OPT_AREA:
		o->area_given = true;
		if (!parse_area(optarg, &o->area))
			return cli_usage_error(
				err, "--area takes generelt, boernehandicap, voksenhandicap or all",
				optarg);
		break;
	case OPT_YEAR:
		o->year_given = true;
		if (!parse_year(optarg, &o->year))
			return cli_usage_error(err, "--year takes a year such as 2024, or all",
					       optarg);
		break;
	case OPT_FORMAT:
		o->format_given = true;
		o->format_arg = optarg;
		break;
	case OPT_INTO: o->into = optarg; break;
	case OPT_DRY_RUN: o->dry_run = true; break;
	case OPT_SOURCE:
		/* a source names a publisher: never empty, no stray spaces (the
		 * loader would refuse the directory) */
		while (*optarg == ' ' || *optarg == '\t')
			optarg++;
		for (size_t n = strlen(optarg);
		     n > 0 && (optarg[n - 1] == ' ' || optarg[n - 1] == '\t');)
			optarg[--n] = '\0';
		if (!optarg[0])
			return cli_usage_error(
				err, "--source needs the publisher and document, not an empty text",
				NULL);
		o->source = optarg;
		break;
	case OPT_LIST_KOMMUNER: o->list_kommuner = true; break;
	case OPT_COLUMNS: o->columns = optarg; break;
	case OPT_YEARS:
		if (!parse_years(optarg, &o->year_from, &o->year_to))
			return cli_usage_error(
				err, "--years takes a year or a range such as 2021-2024", optarg);
		break;
	case OPT_API_URL: o->api_url = optarg; break;
	case OPT_TABLE: o->table = optarg; break;
	case OPT_TIMEOUT:
		if (!parse_positive(optarg, 3600, &o->timeout))
			return cli_usage_error(err, "--timeout takes seconds from 1 to 3600",
					       optarg);
		break;
	case OPT_MAX_MIB:
		if (!parse_positive(optarg, 65536, &o->max_mib))
			return cli_usage_error(
				err, "--max-mib takes a number of MiB from 1 to 65536", optarg);
		break;
	case OPT_LANG:
		if (strcmp(optarg, "da") != 0 && strcmp(optarg, "en") != 0)
			return cli_usage_error(err, "--lang takes da or en", optarg);
		o->lang = optarg;
		break;
	default: return cli_usage_error(err, "unknown or incomplete option", NULL);
	}
	return CLI_OK;
}

/* The word of a command for messages: "print", or the browser's. */
static const char *cmd_name(const struct cmd *cmd)
{
	return cmd->word ? cmd->word : _("the browser");
}

/* Every option given must be one the command takes: "print takes no
 * --output (it is an option of faktaark)". */
static enum cli_status check_belongs(const struct cli_options *o, FILE *err)
{
	for (int id = OPT_NONE + 1; id < OPT_COUNT; id++) {
		if (!o->given[id] || cmd_takes(o->cmd, (enum cli_opt)id))
			continue;
		struct sbuf owners = {0};
		for (size_t i = 0; cmd_table[i]; i++)
			if (cmd_takes(cmd_table[i], (enum cli_opt)id))
				sbuf_printf(&owners, "%s%s", owners.len ? ", " : "",
					    cmd_name(cmd_table[i]));
		fprintf(err, _("ankekort: %s takes no --%s (it is an option of %s)\n"),
			cmd_name(o->cmd), cli_opt((enum cli_opt)id)->name, sbuf_str(&owners));
		fprintf(err, _("Try 'ankekort %s%s--help' for its options.\n"),
			o->cmd->word ? o->cmd->word : "", o->cmd->word ? " " : "");
		sbuf_free(&owners);
		return CLI_USAGE;
	}
	return CLI_OK;
}

/* "unknown command: frobnicate (the commands are print, check, ...)" */
static enum cli_status unknown_command(FILE *err, const char *word)
{
	struct sbuf words = {0};
	for (size_t i = 1; cmd_table[i]; i++)
		sbuf_printf(&words, "%s%s",
			    i == 1		? ""
			    : !cmd_table[i + 1] ? _(" or ")
						: ", ",
			    cmd_table[i]->word);
	char *shown = textfmt_escape_dup(word); /* typed text, never raw */
	fprintf(err,
		_("ankekort: unknown command: %s (the commands are %s)\nTry 'ankekort --help' "
		  "for more information.\n"),
		shown, sbuf_str(&words));
	free(shown);
	sbuf_free(&words);
	return CLI_USAGE;
}

static enum cli_status take_command(int argc, char **argv, struct cli_options *o, FILE *out,
				    FILE *err)
{
	if (optind < argc) {
		const struct cmd *cmd = cmd_find(argv[optind]);
		if (!cmd)
			return unknown_command(err, argv[optind]);
		o->cmd = cmd;
		optind++;
	}
	if (o->help) {
		clihelp_command(out, o->cmd);
		return CLI_EXIT_OK;
	}
	o->args = argv + optind;
	o->n_args = (size_t)(argc - optind);
	if (o->n_args && !o->cmd->args)
		return cli_usage_error(err, "unexpected argument", o->args[0]);
	enum cli_status s = check_belongs(o, err);
	if (s == CLI_OK && o->cmd->check)
		s = o->cmd->check(o, err);
	return s;
}

/* getopt's tables, made from the table of options. */
static void getopt_tables(struct option *longs, char *shorts)
{
	char *p = shorts;
	*p++ = ':'; /* a missing value is ':' rather than '?' */
	size_t n = 0;
	for (int id = OPT_NONE + 1; id < OPT_COUNT; id++) {
		const struct cli_opt_def *d = cli_opt((enum cli_opt)id);
		longs[n++] = (struct option){d->name, d->value ? required_argument : no_argument,
					     NULL, 256 + id};
		if (d->letter) {
			*p++ = d->letter;
			if (d->value)
				*p++ = ':';
		}
	}
	longs[n] = (struct option){NULL, 0, NULL, 0};
	*p = '\0';
}

/* The option of getopt's answer: 256 + its number, or its letter. */
static enum cli_opt opt_of(int c)
{
	if (c > 256 && c < 256 + OPT_COUNT)
		return (enum cli_opt)(c - 256);
	for (int id = OPT_NONE + 1; id < OPT_COUNT; id++)
		if (cli_opt((enum cli_opt)id)->letter == c)
			return (enum cli_opt)id;
	return OPT_NONE;
}

enum cli_status cli_parse(int argc, char **argv, struct cli_options *o, FILE *out, FILE *err)
{
	memset(o, 0, sizeof *o);
	o->cmd = cmd_table[0];
	o->area = -1;
	o->format = FORMAT_TEXT;
	struct option longs[OPT_COUNT];
	char shorts[2 * OPT_COUNT + 2];
	getopt_tables(longs, shorts);
	optind = 0; /* full re-initialisation, so the parser can run more than once */
	opterr = 0;
	int c;
	/* GNU getopt permutes: options may stand before or after the command word */
	while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		if (c == ':')
			return missing_value(err, argv[optind - 1]);
		if (c == '?')
			return cli_usage_error(err, "unknown option", argv[optind - 1]);
		enum cli_status s = take_option(opt_of(c), o, out, err);
		if (s != CLI_OK)
			return s;
	}
	return take_command(argc, argv, o, out, err);
}

void cli_free(struct cli_options *o)
{
	free(o->kommuner);
	o->kommuner = NULL;
	o->n_kommuner = 0;
}
