/* cli.c - option parsing with getopt_long. */
#include "ankekort/cli.h"
#include "version.h" /* ANKEKORT_VERSION, from meson.build */
#include "ankekort/base/i18n.h"

#include <ctype.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/data/dataset.h"
#include "ankekort/import/import.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

enum {
	OPT_DATA = 256,
	OPT_LENIENT,
	OPT_NO_COLOR,
	OPT_NO_MOUSE,
	OPT_PEERS,
	OPT_FORCE,
	OPT_INTO,
	OPT_DRY_RUN,
	OPT_SOURCE,
	OPT_LANG,
	OPT_LIST_KOMMUNER,
	OPT_COLUMNS,
	OPT_YEARS,
	OPT_API_URL,
	OPT_TABLE,
	OPT_TIMEOUT,
	OPT_MAX_MIB,
	OPT_CELLS,
	OPT_REGISTER,
	OPT_ID,
	OPT_PARAGRAPH,
	OPT_REMANDED,
	OPT_DECIDED,
	OPT_OUTCOME,
	OPT_REASON,
	OPT_NOTE,
	OPT_NO_SHIPPED,
	OPT_VERBOSE,
	OPT_PROSE
};

static const struct option long_opts[] = {
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{"data", required_argument, NULL, OPT_DATA},
	{"no-shipped", no_argument, NULL, OPT_NO_SHIPPED},
	{"lenient", no_argument, NULL, OPT_LENIENT},
	{"verbose", no_argument, NULL, OPT_VERBOSE},
	{"kommune", required_argument, NULL, 'k'},
	{"area", required_argument, NULL, 'a'},
	{"year", required_argument, NULL, 'y'},
	{"format", required_argument, NULL, 'f'},
	{"no-color", no_argument, NULL, OPT_NO_COLOR},
	{"no-mouse", no_argument, NULL, OPT_NO_MOUSE},
	{"peers", required_argument, NULL, OPT_PEERS},
	{"output", required_argument, NULL, 'o'},
	{"force", no_argument, NULL, OPT_FORCE},
	{"into", required_argument, NULL, OPT_INTO},
	{"dry-run", no_argument, NULL, OPT_DRY_RUN},
	{"source", required_argument, NULL, OPT_SOURCE},
	{"lang", required_argument, NULL, OPT_LANG},
	{"list-kommuner", no_argument, NULL, OPT_LIST_KOMMUNER},
	{"columns", required_argument, NULL, OPT_COLUMNS},
	{"years", required_argument, NULL, OPT_YEARS},
	{"api-url", required_argument, NULL, OPT_API_URL},
	{"table", required_argument, NULL, OPT_TABLE},
	{"timeout", required_argument, NULL, OPT_TIMEOUT},
	{"max-mib", required_argument, NULL, OPT_MAX_MIB},
	{"cells", required_argument, NULL, OPT_CELLS},
	{"prose", no_argument, NULL, OPT_PROSE},
	{"register", required_argument, NULL, OPT_REGISTER},
	{"id", required_argument, NULL, OPT_ID},
	{"paragraph", required_argument, NULL, OPT_PARAGRAPH},
	{"remanded", required_argument, NULL, OPT_REMANDED},
	{"decided", required_argument, NULL, OPT_DECIDED},
	{"outcome", required_argument, NULL, OPT_OUTCOME},
	{"reason", required_argument, NULL, OPT_REASON},
	{"note", required_argument, NULL, OPT_NOTE},
	{NULL, 0, NULL, 0},
};

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

static enum cli_status usage_error(FILE *err, const char *msg, const char *arg)
{
	char *shown = textfmt_escape_dup(arg ? arg : ""); /* typed text, never raw */
	fprintf(err, _("ankekort: %s%s%s\nTry 'ankekort --help' for more information.\n"), _(msg),
		arg ? ": " : "", shown);
	free(shown);
	return CLI_USAGE;
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

static enum cli_status take_option(int c, struct cli_options *o, FILE *out, FILE *err)
{
	switch (c) {
	case 'h':
		o->help = true; /* the command word may still come: its own help then */
		break;
	case 'V': fprintf(out, "ankekort %s\n", ANKEKORT_VERSION); return CLI_EXIT_OK;
	case OPT_DATA: o->data_dir = optarg; break;
	case OPT_NO_SHIPPED: o->no_shipped = true; break;
	case OPT_LENIENT: o->lenient = true; break;
	case OPT_VERBOSE: o->verbose = true; break;
	case OPT_NO_COLOR: o->no_color = true; break;
	case OPT_NO_MOUSE: o->no_mouse = true; break;
	case OPT_PEERS: o->peers = optarg; break;
	case OPT_REGISTER: o->register_path = optarg; break;
	case OPT_ID:
		if (!parse_positive(optarg, 1000000000, &o->reg_id))
			return usage_error(err, "--id takes the number of an entry", optarg);
		break;
	case OPT_PARAGRAPH: o->reg_paragraph = optarg; break;
	case OPT_REMANDED: o->reg_remanded = optarg; break;
	case OPT_DECIDED: o->reg_decided = optarg; break;
	case OPT_OUTCOME: o->reg_outcome = optarg; break;
	case OPT_REASON: o->reg_reason = optarg; break;
	case OPT_NOTE: o->reg_note = optarg; break;
	case OPT_CELLS:
		if (!peer_cells_parse(optarg, &o->cells))
			return usage_error(err, "--cells takes compact or papers", optarg);
		break;
	case OPT_FORCE: o->force = true; break;
	case OPT_PROSE: o->prose = true; break;
	case 'o': o->output = optarg; break;
	case 'k':
		o->kommuner = xreallocarray(o->kommuner, o->n_kommuner + 1, sizeof *o->kommuner);
		o->kommuner[o->n_kommuner++] = optarg;
		break;
	case 'a':
		o->area_given = true;
		if (!parse_area(optarg, &o->area))
			return usage_error(
				err, "--area takes generelt, boernehandicap, voksenhandicap or all",
				optarg);
		break;
	case 'y':
		o->year_given = true;
		if (!parse_year(optarg, &o->year))
			return usage_error(err, "--year takes a year such as 2024, or all", optarg);
		break;
	case 'f':
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
			return usage_error(
				err, "--source needs the publisher and document, not an empty text",
				NULL);
		o->source = optarg;
		break;
	case OPT_LIST_KOMMUNER: o->list_kommuner = true; break;
	case OPT_COLUMNS: o->columns = optarg; break;
	case OPT_YEARS:
		if (!parse_years(optarg, &o->year_from, &o->year_to))
			return usage_error(err, "--years takes a year or a range such as 2021-2024",
					   optarg);
		break;
	case OPT_API_URL: o->api_url = optarg; break;
	case OPT_TABLE: o->table = optarg; break;
	case OPT_TIMEOUT:
		if (!parse_positive(optarg, 3600, &o->timeout))
			return usage_error(err, "--timeout takes seconds from 1 to 3600", optarg);
		break;
	case OPT_MAX_MIB:
		if (!parse_positive(optarg, 65536, &o->max_mib))
			return usage_error(err, "--max-mib takes a number of MiB from 1 to 65536",
					   optarg);
		break;
	case OPT_LANG:
		if (strcmp(optarg, "da") != 0 && strcmp(optarg, "en") != 0)
			return usage_error(err, "--lang takes da or en", optarg);
		o->lang = optarg;
		break;
	default: return usage_error(err, "unknown or incomplete option", NULL);
	}
	return CLI_OK;
}

static enum cli_status command_word(const char *word, struct cli_options *o, FILE *err)
{
	static const struct {
		const char *word;
		enum cli_command cmd;
	} words[] = {{"print", CMD_PRINT},   {"check", CMD_CHECK}, {"faktaark", CMD_FAKTAARK},
		     {"import", CMD_IMPORT}, {"fetch", CMD_FETCH}, {"register", CMD_REGISTER}};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (strcmp(word, words[i].word) == 0) {
			o->cmd = words[i].cmd;
			return CLI_OK;
		}
	}
	return usage_error(
		err, "unknown command (expected print, check, faktaark, import, fetch or register)",
		word);
}

static enum cli_status check_format(struct cli_options *o, FILE *err)
{
	if (!o->format_arg)
		return CLI_OK;
	if (o->cmd == CMD_IMPORT) {
		enum import_format f;
		if (!import_format_parse(o->format_arg, &f))
			return usage_error(err, "import --format takes dst, talportal or sheet",
					   o->format_arg);
		o->import_format = (int)f;
		return CLI_OK;
	}
	if (o->cmd != CMD_PRINT && o->cmd != CMD_FAKTAARK && o->cmd != CMD_REGISTER)
		return usage_error(err, "--format belongs to print, faktaark, import and register",
				   NULL);
	if (!report_format_parse(o->format_arg, &o->format))
		return usage_error(err, "--format takes text, csv, md or html", o->format_arg);
	return CLI_OK;
}

static enum cli_status check_combinations(const struct cli_options *o, FILE *err)
{
	if (o->cmd != CMD_FAKTAARK && (o->peers || o->output || o->force || o->prose))
		return usage_error(err, "--peers, --output, --force and --prose belong to faktaark",
				   NULL);
	bool importing = o->cmd == CMD_IMPORT || o->cmd == CMD_FETCH;
	if (!importing && (o->into || o->dry_run || o->source))
		return usage_error(err, "--into, --dry-run and --source belong to import and fetch",
				   NULL);
	if (o->cmd != CMD_IMPORT && o->columns)
		return usage_error(err, "--columns belongs to import", NULL);
	if (o->cmd != CMD_FETCH && o->cmd != CMD_FAKTAARK && o->year_from)
		return usage_error(err, "--years belongs to faktaark and fetch", NULL);
	if (o->cmd != CMD_FETCH && (o->api_url || o->table || o->timeout || o->max_mib))
		return usage_error(
			err, "--table, --api-url, --timeout and --max-mib belong to fetch", NULL);
	if (o->cmd == CMD_FETCH &&
	    (o->n_kommuner || o->area_given || o->year_given || o->format_arg))
		return usage_error(err,
				   "fetch takes --years, not --kommune, --area, --year or --format",
				   NULL);
	if (o->cmd == CMD_CHECK && (o->n_kommuner || o->area_given || o->year_given))
		return usage_error(err, "check takes only --data and --no-shipped", NULL);
	if (o->cmd == CMD_FAKTAARK && o->n_kommuner != 1)
		return usage_error(err, "faktaark needs one --kommune", NULL);
	if (o->cmd == CMD_FAKTAARK && o->year_given && o->year == 0)
		return usage_error(err, "faktaark needs one year, not all", NULL);
	if (o->cmd == CMD_FAKTAARK && o->year_given && o->year_from)
		return usage_error(err, "faktaark takes --year or --years, not both", NULL);
	if (o->cmd == CMD_IMPORT && o->n_files == 0)
		return usage_error(err, "import needs at least one file", NULL);
	if (o->cmd == CMD_IMPORT && o->n_kommuner)
		return usage_error(err, "import takes no --kommune", NULL);
	if (o->cmd == CMD_REGISTER && !o->reg_action)
		return usage_error(err, "register needs add, list, edit or delete", NULL);
	if (o->cmd != CMD_REGISTER &&
	    (o->reg_id || o->reg_paragraph || o->reg_remanded || o->reg_decided || o->reg_outcome ||
	     o->reg_reason || o->reg_note))
		return usage_error(err,
				   "--id, --paragraph, --remanded, --decided, --outcome, --reason "
				   "and --note belong to register",
				   NULL);
	return CLI_OK;
}

static enum cli_status take_command(int argc, char **argv, struct cli_options *o, FILE *out,
				    FILE *err)
{
	if (optind < argc) {
		enum cli_status s = command_word(argv[optind], o, err);
		if (s != CLI_OK)
			return s;
		optind++;
	}
	if (o->help) {
		clihelp_command(out, o->cmd);
		return CLI_EXIT_OK;
	}
	if (o->cmd == CMD_IMPORT) {
		o->files = argv + optind;
		o->n_files = (size_t)(argc - optind);
	} else if (o->cmd == CMD_REGISTER && optind < argc) {
		o->reg_action = argv[optind++];
		if (strcmp(o->reg_action, "add") != 0 && strcmp(o->reg_action, "list") != 0 &&
		    strcmp(o->reg_action, "edit") != 0 && strcmp(o->reg_action, "delete") != 0)
			return usage_error(err, "register takes add, list, edit or delete",
					   o->reg_action);
		if (optind < argc)
			return usage_error(err, "unexpected argument", argv[optind]);
	} else if (optind < argc) {
		return usage_error(err, "unexpected argument", argv[optind]);
	}
	enum cli_status s = check_format(o, err);
	return s != CLI_OK ? s : check_combinations(o, err);
}

enum cli_status cli_parse(int argc, char **argv, struct cli_options *o, FILE *out, FILE *err)
{
	memset(o, 0, sizeof *o);
	o->area = -1;
	o->format = FORMAT_TEXT;
	optind = 0; /* full re-initialisation, so the parser can run more than once */
	opterr = 0;
	int c;
	/* GNU getopt permutes: options may stand before or after the command word */
	/* the leading ':' makes a missing value ':' rather than '?' */
	while ((c = getopt_long(argc, argv, ":hVk:a:y:f:o:", long_opts, NULL)) != -1) {
		if (c == ':')
			return missing_value(err, argv[optind - 1]);
		if (c == '?')
			return usage_error(err, "unknown option", argv[optind - 1]);
		enum cli_status s = take_option(c, o, out, err);
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
