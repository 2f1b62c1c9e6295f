/* usage.c - usage errors, for the parser and the commands' checks. */
#include "ankekort/cmd/usage.h"

#include <stdlib.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/textfmt.h"

enum cli_status cli_usage_error(FILE *err, const char *msg, const char *arg)
{
	char *shown = textfmt_escape_dup(arg ? arg : ""); /* typed text, never raw */
	fprintf(err, _("ankekort: %s%s%s\nTry 'ankekort --help' for more information.\n"), _(msg),
		arg ? ": " : "", shown);
	free(shown);
	return CLI_USAGE;
}

enum cli_status cli_report_format(struct cli_options *o, FILE *err)
{
	if (o->format_arg && !report_format_parse(o->format_arg, &o->format))
		return cli_usage_error(err, "--format takes text, csv, md or html", o->format_arg);
	return CLI_OK;
}
