/* help.c - the help texts of the command line, made from the table of
 * options (options.c) and the commands' tables (commands.h): the whole help and
 * each command's own, with its usage line. */
#include "ankekort/cmd/help.h"

#include <stdio.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/browse/action.h"
#include "ankekort/cmd/commands.h"
#include "ankekort/cmd/options.h"

enum { HELP_COLUMN = 21, USAGE_WIDTH = 79 };

/* The browser's keys, from the one binding table (part of --help). */
static void cli_keys(FILE *out);

/* Text at the help column: after the first line every line is indented. */
static void help_text(FILE *out, const char *text, int used)
{
	if (used >= HELP_COLUMN) /* a long option: its help on a line of its own */
		fprintf(out, "\n%*s", HELP_COLUMN, "");
	else
		fprintf(out, "%*s", HELP_COLUMN - used, "");
	for (const char *p = text; *p; p++) {
		fputc(*p, out);
		if (*p == '\n' && p[1])
			fprintf(out, "%*s", HELP_COLUMN, "");
	}
	fputc('\n', out);
}

/* "  -k, --kommune NAME  select ..." */
static void option_line(FILE *out, enum cli_opt id, const char *value, const char *help)
{
	const struct cli_opt_def *d = cli_opt(id);
	int used;
	if (d->letter)
		used = fprintf(out, "  -%c, --%s", d->letter, d->name);
	else
		used = fprintf(out, "      --%s", d->name);
	value = value ? value : d->value;
	if (value)
		used += fprintf(out, " %s", value);
	help_text(out, _(help ? help : d->help), used);
}

/* The command's word with its arguments: "import FILE...". */
static int command_words(const struct cmd *cmd, char *buf, size_t size)
{
	return snprintf(buf, size, "%s%s%s", cmd->word ? cmd->word : _("(none)"),
			cmd->args ? " " : "", cmd->args ? cmd->args : "");
}

void clihelp_usage(FILE *out)
{
	fputs(_("Usage: ankekort [COMMAND] [OPTIONS]\n"
		"Browse Ankestyrelsen's reversal rates (omgørelsesprocenter) per municipality.\n"
		"\n"
		"Commands:\n"),
	      out);
	for (size_t i = 0; cmd_table[i]; i++) {
		char words[64];
		fputs("  ", out);
		command_words(cmd_table[i], words, sizeof words);
		int used = 2 + (int)textfmt_width(words);
		fputs(words, out);
		help_text(out, _(cmd_table[i]->summary), used);
	}
	fprintf(out, "\n%s\n", _("Options:"));
	for (int id = OPT_NONE + 1; id < OPT_COUNT; id++)
		option_line(out, (enum cli_opt)id, NULL, NULL);
	fprintf(out, "\n%s\n", _("Exit status: 0 success, 1 data errors, 2 usage errors."));
	cli_keys(out);
}

/* Adds one word to the usage line, wrapping under the first option. */
static void usage_word(FILE *out, const char *word, int indent, int *col)
{
	int w = (int)textfmt_width(word);
	if (*col + 1 + w > USAGE_WIDTH && *col > indent) {
		fprintf(out, "\n%*s", indent, "");
		*col = indent;
	} else {
		fputc(' ', out);
		(*col)++;
	}
	fputs(word, out);
	*col += w;
}

/* "Usage: ankekort print [--kommune NAME]... [--area AREA|all] ..." */
static void usage_line(FILE *out, const struct cmd *cmd)
{
	char words[64], opt[96];
	command_words(cmd, words, sizeof words);
	int col = fprintf(out, _("Usage: ankekort"));
	if (cmd->word)
		usage_word(out, words, 0, &col);
	int indent = col + 1;
	for (const struct cmd_opt *p = cmd->opts; p->id != OPT_NONE; p++) {
		const struct cli_opt_def *d = cli_opt(p->id);
		const char *value = p->value ? p->value : d->value;
		bool req = p->flags & CMD_OPT_REQUIRED;
		snprintf(opt, sizeof opt, "%s--%s%s%s%s%s", req ? "" : "[", d->name,
			 value ? " " : "", value ? value : "", req ? "" : "]",
			 p->flags & CMD_OPT_REPEATS ? "..." : "");
		usage_word(out, opt, indent, &col);
	}
	fputc('\n', out);
}

/* The help of one command; the browser (no command) gets the whole help. */
void clihelp_command(FILE *out, const struct cmd *cmd)
{
	if (!cmd->word) {
		clihelp_usage(out);
		return;
	}
	usage_line(out, cmd);
	fprintf(out, "%s\n\n", _(cmd->about));
	for (const struct cmd_opt *p = cmd->opts; p->id != OPT_NONE; p++)
		option_line(out, p->id, p->value, p->help);
	if (cmd->more)
		fprintf(out, "\n%s", _(cmd->more));
	fputs(_("\nSee 'ankekort --help' for every option.\n"), out);
}

static void cli_keys(FILE *out)
{
	fprintf(out, "\n%s\n", _("Keys in the browser:"));
	char keys[128];
	for (int act = ACT_NONE + 1; act < ACT_COUNT; act++) {
		action_keys((enum ak_action)act, keys, sizeof keys);
		if (keys[0])
			fprintf(out, "  %-22s %s\n", keys, action_help((enum ak_action)act));
	}
}
