/* check.c - `ankekort check`: every load problem, inconsistency and
 * disagreement between sources, each with file:line:column. */
#include <stdio.h>

#include "ankekort/base/i18n.h"
#include "ankekort/cmd/commands.h"
#include "ankekort/cmd/load.h"
#include "ankekort/data/parcheck.h"
#include "ankekort/data/facts.h"
#include "ankekort/output/report.h"

static int run_check(struct ak_dataset *ds, const struct diag_list *load_diags)
{
	struct diag_list findings = {0};
	facts_analyse(ds, &findings);
	parcheck(ds, &findings);
	report_check(stdout, load_diags, &findings);
	diag_list_free(&findings);
	return load_diags->errors ? 1 : 0;
}

static int run(const struct cli_options *o)
{
	struct ak_dataset ds = {0};
	struct diag_list diags = {0};
	int status = load_data(o, LOAD_FOR_CHECK, &ds, &diags);
	if (status == 0)
		status = run_check(&ds, &diags);
	diag_list_free(&diags);
	dataset_free(&ds);
	return status;
}

static const struct cmd_opt opts[] = {
	{OPT_DATA, 0, NULL, NULL},
	{OPT_NO_SHIPPED, 0, NULL, NULL},
	{OPT_NONE, 0, NULL, NULL},
};

const struct cmd cmd_check = {
	.word = "check",
	.summary = N_("list every load problem, inconsistency and disagreement"),
	.about =
		N_("List every load problem, inconsistency and disagreement between sources, each\n"
		   "with file:line:column. Exits 1 when there are errors, 0 when only warnings."),
	.opts = opts,
	.run = run,
};
