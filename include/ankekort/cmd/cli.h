/* cli.h - the command line: `ankekort [COMMAND] [OPTIONS]`.
 *
 * Every option is named once, in the table of options (options.h); each
 * command (commands.h) lists the options it takes. The parser, the help
 * texts and the usage lines are made from those tables. Options are
 * accepted before or after the command word. cli_parse() never exits; it
 * reports what to do through its status. */
#ifndef ANKEKORT_CMD_CLI_H
#define ANKEKORT_CMD_CLI_H

#include <stdio.h>

#include "ankekort/cmd/options.h"

/* Parses argv. On CLI_EXIT_OK (--help, --version) the text went to out; on
 * CLI_USAGE a message went to err. Free with cli_free() in every case. */
enum cli_status cli_parse(int argc, char **argv, struct cli_options *o, FILE *out, FILE *err);
void cli_free(struct cli_options *o);

#endif
