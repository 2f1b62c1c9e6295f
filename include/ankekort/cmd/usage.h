/* usage.h - for the commands' own checks of their options (commands.h). */
#ifndef ANKEKORT_CMD_USAGE_H
#define ANKEKORT_CMD_USAGE_H

#include <stdio.h>

#include "ankekort/cmd/options.h"

/* A usage error: "ankekort: MSG: ARG" and where to find help (msg
 * untranslated, arg may be NULL); returns CLI_USAGE. */
enum cli_status cli_usage_error(FILE *err, const char *msg, const char *arg);
/* --format as one of the report formats (text, csv, md, html). */
enum cli_status cli_report_format(struct cli_options *o, FILE *err);

#endif
