/* help.h - the help texts, made from the table of options (options.h) and
 * the commands' tables (commands.h). */
#ifndef ANKEKORT_CMD_HELP_H
#define ANKEKORT_CMD_HELP_H

#include <stdio.h>

struct cmd;

/* The whole help: every command and option and the browser's keys. */
void clihelp_usage(FILE *out);
/* One command's own help with its usage line (the browser, no command
 * word, gets the whole help). */
void clihelp_command(FILE *out, const struct cmd *cmd);

#endif
