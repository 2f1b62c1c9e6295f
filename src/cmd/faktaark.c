/* faktaark.c - `ankekort faktaark`: the committee fact sheet for one
 * municipality and a year or several (output/factsheet.h). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ankekort/base/atomicfile.h"
#include "ankekort/base/diag.h"
#include "ankekort/base/i18n.h"
#include "ankekort/cmd/commands.h"
#include "ankekort/cmd/usage.h"
#include "ankekort/cmd/load.h"
#include "ankekort/output/factsheet.h"
#include "ankekort/output/halfyear.h"
#include "ankekort/output/peers.h"
#include "ankekort/output/report.h"
#include "ankekort/output/xlsxlib.h"

/* Writes the fact sheet to stdout, or completely or not at all to -o FILE. */
static int write_factsheet(const struct cli_options *o, const struct ak_dataset *ds,
			   struct factsheet_query *q)
{
	enum report_format fmt = o->format_given ? o->format : FORMAT_MD;
	enum report_format by_name;
	if (o->output && !report_format_for_path(o->output, &by_name)) {
		diag_sayf(stderr,
			  _("ankekort: %s: the file name's ending chooses the format; use %s\n"),
			  o->output, REPORT_ENDINGS);
		return 2;
	}
	if (o->output && o->format_given && by_name != fmt) {
		diag_sayf(stderr, _("ankekort: --format %s does not match the ending of %s\n"),
			  o->format_arg, o->output);
		return 2;
	}
	if (o->output)
		fmt = by_name;
	q->fmt = fmt;
	q->style = o->cells;
	q->prose = o->prose;
	if (!o->output) {
		factsheet_write(stdout, ds, q); /* never XLSX: that needs a file name */
		return 0;
	}
	char *err = NULL;
	if (fmt == FORMAT_XLSX && !xlsxlib_open(&err)) { /* said before a file is made */
		diag_say(stderr, err);
		free(err);
		return 1;
	}
	struct stat st;
	if (!o->force && lstat(o->output, &st) == 0) { /* said here: the option to use */
		diag_sayf(stderr,
			  _("ankekort: %s already exists; not overwritten (add --force to replace "
			    "it)\n"),
			  o->output);
		return 1;
	}
	struct atomicfile af;
	if (!atomic_open_output(&af, o->output, o->force, &err)) {
		diag_say(stderr, err);
		free(err);
		return 1;
	}
	if (!factsheet_write(af.f, ds, q)) {
		/* never put in place: an unnamed temporary file vanishes when closed */
		fclose(af.f);
		if (af.tmp)
			unlink(af.tmp);
		free(af.tmp);
		free(af.path);
		fputs(_("ankekort: the workbook could not be made; check that TMPDIR is "
			"writable\n"),
		      stderr);
		return 1;
	}
	if (!atomic_commit(&af, &err)) {
		diag_say(stderr, err);
		free(err);
		return 1;
	}
	return 0;
}

static bool has_figure(const struct ak_dataset *ds, int year, int code)
{
	for (int a = 0; a < AREA_COUNT; a++)
		if (dataset_find(ds, year, code, (enum ak_area)a))
			return true;
	return false;
}

/* The fact sheet's default year: the newest with a figure for the
 * municipality, else the newest loaded. */
static int newest_year_with_figure(const struct ak_dataset *ds, int code)
{
	for (size_t i = ds->n_years; i-- > 0;)
		if (has_figure(ds, ds->years[i], code))
			return ds->years[i];
	return ds->n_years ? ds->years[ds->n_years - 1] : 0;
}

/* faktaark --half-year: the first half of --year, or of the newest year
 * with a second quarter loaded. */
static int run_half_year(const struct cli_options *o, const struct ak_dataset *ds, int code)
{
	int year = o->year ? o->year : halfyear_default_year(ds);
	if (!year) {
		diag_sayf(stderr,
			  _("ankekort: no quarterly figures with a second quarter are "
			    "loaded (quarters.csv in your data): import a quarterly table "
			    "from Statistikbanken or the Talportal first (docs/IMPORT.md)\n"));
		return 1;
	}
	struct factsheet_query q = {.code = code, .year = year, .area = o->area, .half_year = true};
	return write_factsheet(o, ds, &q);
}

static int run_faktaark(const struct cli_options *o, const struct ak_dataset *ds, struct reg *reg)
{
	(void)reg; /* ds->reg, when there is one */
	int code = 0;
	if (load_resolve_all(o, ds, &code) != 0)
		return 2;
	if (!o->n_kommuner && load_home(o, ds, &code) != 0)
		return 2;
	if (!code) {
		cli_usage_error(stderr,
				"faktaark needs one --kommune (or kommune = NAME in the "
				"configuration file)",
				NULL);
		return 2;
	}
	if (o->half_year)
		return run_half_year(o, ds, code);
	int year = o->year_to ? o->year_to : o->year ? o->year : newest_year_with_figure(ds, code);
	int from = o->year_from ? o->year_from : year;
	if (!dataset_has_year(ds, year))
		return load_no_such_year(ds, year);
	if (!dataset_has_year(ds, from))
		return load_no_such_year(ds, from);
	bool any = false;
	for (int y = from; y <= year; y++)
		any = any || has_figure(ds, y, code);
	if (!any) {
		const struct ak_municipality *m = dataset_muni(ds, code);
		diag_sayf(stderr,
			  _("ankekort: warning: no figure for %s in %d in any area: the sheet has "
			    "only dashes\n"),
			  m ? m->name : "?", year);
	}
	struct peer_set peers;
	char *err = NULL;
	if (!peers_resolve(ds, o->peers, code, &peers, &err)) {
		diag_say(stderr, err);
		free(err);
		return 2;
	}
	struct factsheet_query q = {
		.code = code, .year = year, .year_from = from, .area = o->area, .peers = &peers};
	int status = write_factsheet(o, ds, &q);
	peers_free(&peers);
	return status;
}

static int run(const struct cli_options *o)
{
	return load_figures_and_run(o, false, run_faktaark);
}

static enum cli_status check(struct cli_options *o, FILE *err)
{
	if (cli_report_format(o, err) != CLI_OK)
		return CLI_USAGE;
	if (o->n_kommuner > 1)
		return cli_usage_error(err, "faktaark takes one --kommune", NULL);
	if (o->year_given && o->year == 0)
		return cli_usage_error(err, "faktaark needs one year, not all", NULL);
	if (o->year_given && o->year_from)
		return cli_usage_error(err, "faktaark takes --year or --years, not both", NULL);
	if (o->half_year && (o->peers || o->prose || o->year_from))
		return cli_usage_error(err, "--half-year takes no --peers, --prose or --years",
				       NULL);
	return CLI_OK;
}

/* clang-format off */
static const struct cmd_opt opts[] = {
	{OPT_KOMMUNE, CMD_OPT_REQUIRED, NULL, N_("the municipality (one)")},
	{OPT_YEAR, 0, NULL, N_("the year (default: the newest with a figure for it)")},
	{OPT_YEARS, 0, NULL, N_("one sheet with a table per year, the newest first")},
	{OPT_AREA, 0, NULL, N_("a sheet of one area")},
	{OPT_PEERS, 0, NULL, N_("6byer (default), region, CODE,CODE,..., or a group:\n"
		"NAME (groups/NAME.txt in your data) or FILE")},
	{OPT_FORMAT, 0, "md|text|csv|html", N_("md (default), text, csv or html")},
	{OPT_CELLS, 0, NULL, N_("the peer table's cells: compact (default, \"39 (33 / 6)\")\n"
		"or papers (\"39 pct. (heraf 33 pct. hjemviste og 6 pct.\n"
		"ændrede)\", as the committee papers write them)")},
	{OPT_PROSE, 0, NULL, N_("only the paragraphs a sagsfremstilling opens with")},
	{OPT_HALF_YEAR, 0, NULL, N_("the half-year report: the first half of --year (default:\n"
		"the newest with quarters) from the quarterly figures,\n"
		"preliminary; the June map is the reference")},
	{OPT_OUTPUT, 0, NULL, N_("write FILE completely or not at all; its ending (.md,\n"
		".csv, .txt, .html, .xlsx) chooses the format")},
	{OPT_FORCE, 0, NULL, N_("overwrite an existing FILE")},
	{OPT_DATA, 0, NULL, NULL},
	{OPT_NO_SHIPPED, 0, NULL, NULL},
	{OPT_LENIENT, 0, NULL, NULL},
	{OPT_VERBOSE, 0, NULL, NULL},
	{OPT_REGISTER, 0, NULL, NULL},
	{OPT_CYCLE, 0, NULL, NULL},
	{OPT_NONE, 0, NULL, NULL},
};
/* clang-format on */

const struct cmd cmd_faktaark = {
	.word = "faktaark",
	.summary = N_("the committee fact sheet for one municipality and year"),
	.about = N_("The committee fact sheet for one municipality and year."),
	.opts = opts,
	.check = check,
	.run = run,
};
