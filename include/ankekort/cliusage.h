/* cliusage.h - the command line's help texts (cliusage.c). */
#ifndef ANKEKORT_CLIUSAGE_H
#define ANKEKORT_CLIUSAGE_H

#include <stdio.h>

/* The commands (cli.h parses them). */
enum cli_command {
	CMD_BROWSE,
	CMD_PRINT,
	CMD_CHECK,
	CMD_FAKTAARK,
	CMD_IMPORT,
	CMD_FETCH,
	CMD_REGISTER
};

/* The help of one command; the browser (no command) gets the whole help,
 * with the browser's keys from the one binding table. */
void cli_command_usage(FILE *out, enum cli_command cmd);

#endif
