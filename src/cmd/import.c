/* import.c - `ankekort import`: downloaded files (Statistikbanken,
 * Talportal, spreadsheets) or a comments file, added to the user's data
 * directory (target.h); never the shipped datasets. */
#include <stdio.h>
#include <stdlib.h>

#include "ankekort/base/diag.h"
#include "ankekort/base/i18n.h"
#include "ankekort/cmd/commands.h"
#include "ankekort/cmd/usage.h"
#include "ankekort/cmd/target.h"
#include "ankekort/import/commentmerge.h"
#include "ankekort/import/import.h"
#include "ankekort/import/merge.h"
#include "ankekort/import/quartermerge.h"
#include "ankekort/import/parmerge.h"

/* A comments file: its rows go to dir/comments.csv. */
static bool import_comments(const struct cli_options *o, const char *path, const char *dir,
			    const struct ak_dataset *existing, struct merge_stats *total)
{
	struct diag_list d = {0};
	size_t added = 0, identical = 0;
	char *err = NULL;
	bool ok = commentmerge_import(path, dir, existing, o->dry_run, stdout, &d, &added,
				      &identical, &err);
	diag_sayf(stdout, _("%s: comments: %zu added, %zu already there\n"), path, added,
		  identical);
	diag_list_print(&d, stdout);
	if (err) {
		fflush(stdout);
		diag_say(stderr, err);
		free(err);
	}
	diag_list_free(&d);
	total->identical += identical;
	return ok;
}

static bool has_pars(const struct ak_dataset *ds)
{
	for (size_t i = 0; i < ds->n_pars; i++)
		if (ds->pars[i].layer == LAYER_USER)
			return true;
	return false;
}

/* Imports one file into dir; returns false when it failed. */
static bool import_one(const struct cli_options *o, const char *path, const char *dir,
		       const struct ak_dataset *existing, const struct area_rules *rules,
		       struct merge_stats *total)
{
	struct import_options io = {.format = (enum import_format)o->import_format,
				    .source = o->source,
				    .year = o->year,
				    .area = o->area,
				    .rules = rules,
				    .columns = o->columns};
	if (commentmerge_is_comments(path))
		return import_comments(o, path, dir, existing, total);
	/* a dry run into a directory without paragraph rows only counts its
	 * own: every one would be added; a file whose paragraphs are not
	 * together is read again to be counted */
	bool count = o->dry_run && !has_pars(existing);
	io.pars = count ? IMPORT_PARS_COUNT : IMPORT_PARS_KEEP;
	struct import_result r;
	bool ok = import_file(path, existing, &io, &r);
	if (count && r.pars_inexact) {
		import_result_free(&r);
		io.pars = IMPORT_PARS_KEEP;
		count = false;
		ok = import_file(path, existing, &io, &r);
	}
	diag_sayf(stdout, _("%s: %s, %s: %zu rows read, %zu used, %zu figures\n"), path,
		  import_format_name(r.format), r.encoding ? r.encoding : "?", r.rows_read,
		  r.rows_used, r.n_obs);
	diag_list_report(&r.report, stdout, o->verbose);
	if (ok) {
		struct merge_stats st;
		char *err = NULL;
		ok = merge_into(dir, existing, r.obs, r.n_obs, o->dry_run, stdout, &st, &err);
		struct quartermerge_stats qs;
		if (ok)
			ok = quartermerge_into(dir, existing, r.quarters, r.n_quarters, o->dry_run,
					       stdout, &qs, &err);
		struct parmerge_stats ps = {0};
		if (ok && count)
			parmerge_say_counted(dir, r.pars_counted, stdout, &ps);
		else if (ok)
			ok = parmerge_into(dir, existing, r.pars, r.n_pars, o->dry_run, stdout, &ps,
					   &err);
		if (!ok) {
			fflush(stdout);
			diag_say(stderr, err);
			free(err);
		}
		/* merge counts a file's rows as added only once it is written */
		total->added += st.added;
		total->identical += st.identical;
		total->conflicts += st.conflicts;
	}
	/* rows that could not be read (a NUL byte, a syntax error) are an
	 * error of the import, even when the rest was added */
	if (r.report.errors)
		ok = false;
	import_result_free(&r);
	return ok;
}

static int run(const struct cli_options *o)
{
	struct target t;
	if (!target_find(o, &t))
		return 1;
	if (!target_take(&t)) {
		target_end(&t);
		return 1;
	}
	struct merge_stats total = {0};
	int status = 0;
	for (size_t i = 0; i < o->n_files; i++)
		if (!import_one(o, o->files[i], t.dir, &t.existing, &t.rules, &total))
			status = 1;
	merge_say_totals(stdout, &total, o->dry_run);
	target_end(&t);
	return status;
}

static enum cli_status check(struct cli_options *o, FILE *err)
{
	o->files = o->args;
	o->n_files = o->n_args;
	if (o->format_arg) {
		enum import_format f;
		if (!import_format_parse(o->format_arg, &f))
			return cli_usage_error(err, "import --format takes dst, talportal or sheet",
					       o->format_arg);
		o->import_format = (int)f;
	}
	if (o->n_files == 0)
		return cli_usage_error(err, "import needs at least one file", NULL);
	return CLI_OK;
}

/* clang-format off */
static const struct cmd_opt opts[] = {
	{OPT_INTO, 0, NULL, N_("the directory to add to (default: your data directory)")},
	{OPT_DRY_RUN, 0, NULL, N_("report what would be added, write nothing")},
	{OPT_FORMAT, 0, NULL, N_("dst, talportal or sheet (default: detected)")},
	{OPT_YEAR, 0, "Y", N_("the year of a sheet without a year column")},
	{OPT_AREA, 0, "A", N_("the area of a sheet without an area column")},
	{OPT_SOURCE, 0, NULL, N_("the source named in the rows")},
	{OPT_COLUMNS, 0, NULL, N_("which column is which in a Statistikbanken file, e.g.\n"
		"municipality=1,law=2,decision=3,period=4,value=5")},
	{OPT_DATA, 0, NULL, N_("your data directory (default: $XDG_DATA_HOME/ankekort/data)")},
	{OPT_VERBOSE, 0, NULL, NULL},
	{OPT_NONE, 0, NULL, NULL},
};
/* clang-format on */

const struct cmd cmd_import = {
	.word = "import",
	.args = "FILE...",
	.summary = N_("add Statistikbanken, Talportal or spreadsheet files to your data"),
	.about = N_("Add Statistikbanken, Talportal or spreadsheet files, as downloaded, to your\n"
		    "data directory ($XDG_DATA_HOME/ankekort/data, or --data DIR); never to the\n"
		    "shipped datasets."),
	.opts = opts,
	.check = check,
	.run = run,
};
