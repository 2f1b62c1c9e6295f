/* print.c - `ankekort print`: the figures, one row per year, municipality
 * and area with a figure, as text, CSV, Markdown or HTML. */
#include <stdio.h>
#include <stdlib.h>

#include "ankekort/base/diag.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/cmd/commands.h"
#include "ankekort/cmd/usage.h"
#include "ankekort/cmd/load.h"
#include "ankekort/output/parreport.h"
#include "ankekort/output/peers.h"
#include "ankekort/output/quarterreport.h"
#include "ankekort/output/report.h"

/* print --by paragraph found nothing: say what would give it rows. */
static void no_paragraphs(const struct cli_options *o)
{
	struct sbuf what = {0};
	for (size_t i = 0; i < o->n_kommuner; i++)
		sbuf_printf(&what, "%s%s", i ? ", " : "", o->kommuner[i]);
	if (o->year)
		sbuf_printf(&what, "%s%d", what.len ? " " : "", o->year);
	char *shown = textfmt_escape_dup(what.len ? sbuf_str(&what) : _("the selection"));
	fprintf(stderr,
		_("ankekort: no paragraph rows loaded for %s; import Statistikbanken's or the "
		  "Talportal's paragraph-level figures\n"),
		shown);
	free(shown);
	sbuf_free(&what);
}

/* print --by quarter found nothing: say what would give it rows. */
static int no_quarters(const struct cli_options *o)
{
	if (o->year)
		fprintf(stderr,
			_("ankekort: no quarterly figures are loaded for %d; import a quarterly "
			  "table from Statistikbanken or the Talportal (docs/IMPORT.md)\n"),
			o->year);
	else
		fputs(_("ankekort: no quarterly figures are loaded for the selection; import a "
			"quarterly table from Statistikbanken or the Talportal (docs/IMPORT.md)\n"),
		      stderr);
	return 1;
}

/* --peers: the group (region: the first --kommune's), into *p; 2 when it
 * cannot be resolved. */
static int resolve_group(const struct cli_options *o, const struct ak_dataset *ds, const int *codes,
			 struct peer_set *p)
{
	char *err = NULL;
	if (peers_resolve(ds, o->peers, o->n_kommuner ? codes[0] : 0, p, &err))
		return 0;
	diag_say(stderr, err);
	free(err);
	return 2;
}

static int run_print(const struct cli_options *o, const struct ak_dataset *ds, struct reg *reg)
{
	(void)reg; /* ds->reg, when there is one */
	int *codes = xcalloc(o->n_kommuner + 1, sizeof *codes);
	struct peer_set group = {0};
	int status = load_resolve_all(o, ds, codes);
	if (status == 0 && o->peers_given)
		status = resolve_group(o, ds, codes, &group);
	if (status == 0 && o->year && !o->by_quarter && !dataset_has_year(ds, o->year))
		status = load_no_such_year(ds, o->year);
	if (status == 0) {
		struct print_query q = {.codes = o->n_kommuner ? codes : NULL,
					.n_codes = o->n_kommuner,
					.year = o->year,
					.area = o->area,
					.format = o->format,
					.peers = o->peers_given ? &group : NULL};
		if (o->by_quarter) {
			if (!quarterreport_print(stdout, ds, &q))
				status = no_quarters(o);
		} else if (!o->by_paragraph)
			report_print(stdout, ds, &q);
		else if (parreport_print(stdout, ds, &q) == 0)
			no_paragraphs(o);
	}
	peers_free(&group);
	free(codes);
	return status;
}

static enum cli_status check(struct cli_options *o, FILE *err)
{
	if (o->peers_given && (o->by_paragraph || o->by_quarter))
		return cli_usage_error(err, "--peers goes with print's figures, not --by", NULL);
	return cli_report_format(o, err);
}

static int run(const struct cli_options *o)
{
	return load_figures_and_run(o, false, run_print);
}

/* clang-format off */
static const struct cmd_opt opts[] = {
	{OPT_KOMMUNE, CMD_OPT_REPEATS, "NAME|CODE", N_("a municipality by name or code (repeatable)")},
	{OPT_AREA, 0, "AREA|all", N_("generelt, boernehandicap, voksenhandicap (or the Danish\n"
		"names, any case), or all")},
	{OPT_YEAR, 0, "YYYY|all", NULL},
	{OPT_FORMAT, 0, "text|csv|md|html", N_("text (default), csv, md or html")},
	{OPT_BY, 0, "paragraph|quarter", N_("paragraph: one row per paragraph below the area\n"
		"figures (what import and fetch keep): the national rate\n"
		"of the same paragraph, the reversed cases above it, the\n"
		"exact test; quarter: year to date against the same\n"
		"quarters a year before and the rolling four quarters")},
	{OPT_PEERS, 0, NULL, N_("after each year's rows, the group's pooled rate and\n"
		"unweighted mean per area: 6byer, region (the first\n"
		"--kommune's), CODE,CODE,..., or a group: NAME\n"
		"(groups/NAME.txt in your data) or FILE")},
	{OPT_DATA, 0, NULL, N_("your data (a directory or a downloaded file), read beside\n"
		"the shipped datasets")},
	{OPT_NO_SHIPPED, 0, NULL, NULL},
	{OPT_LENIENT, 0, NULL, N_("skip rows with errors instead of refusing")},
	{OPT_VERBOSE, 0, NULL, NULL},
	{OPT_REGISTER, 0, NULL, NULL},
	{OPT_CYCLE, 0, NULL, NULL},
	{OPT_NONE, 0, NULL, NULL},
};
/* clang-format on */

const struct cmd cmd_print = {
	.word = "print",
	.summary = N_("print figures, one row per year, municipality and area"),
	.about = N_("Print figures, one row per year, municipality and area with a figure."),
	.opts = opts,
	.check = check,
	.run = run,
};
