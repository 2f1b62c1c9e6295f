/* main.c - parse the command line, load the data, run a command. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ankekort/base/diag.h"
#include "ankekort/base/atomicfile.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/cli.h"
#include "ankekort/config.h"
#include "ankekort/base/i18n.h"
#include "ankekort/importcmd.h"
#include "ankekort/data/csvload.h"
#include "ankekort/data/datadir.h"
#include "ankekort/import/dataload.h"
#include "ankekort/output/factsheet.h"
#include "ankekort/data/names.h"
#include "ankekort/data/register.h"
#include "ankekort/registercmd.h"
#include "ankekort/output/report.h"
#include "ankekort/data/stats.h"
#include "ankekort/ui/ui.h"
#include "ankekort/base/xalloc.h"

/* Loads the shipped datasets and the user's data (dataload.h); returns 0
 * to go on, or the exit status. data_optional: the user's directory was not
 * named on the command line, so it may not exist yet. */
static int load(const struct cli_options *o, bool data_optional, struct ak_dataset *ds,
		struct diag_list *diags)
{
	char *shipped = datadir_default();
	char *user_default = o->data_dir ? NULL : datadir_user_default();
	if (!shipped && !o->data_dir) {
		fputs(_("ankekort: cannot find the shipped datasets; name a directory with --data "
			"DIR\n"),
		      stderr);
		free(user_default);
		return 1;
	}
	struct dataload_spec sp = {.shipped = shipped,
				   .user = o->data_dir ? o->data_dir : user_default,
				   .user_optional = data_optional,
				   .no_shipped = o->no_shipped};
	struct load_result res = {0};
	dataload_layers(ds, &sp, diags, &res);
	if (o->cmd == CMD_CHECK && shipped) { /* the area rules import and fetch use */
		struct area_rules rules;
		dataload_rules(&rules, shipped, diags);
		area_rules_free(&rules);
	}
	free(shipped);
	free(user_default);
	if (o->cmd == CMD_CHECK)
		return 0;
	if (o->verbose)
		diag_list_print(diags, stderr);
	else
		diag_list_print_brief(diags, stderr);
	if (diags->errors == 0)
		return 0;
	if (o->lenient) {
		fprintf(stderr,
			ngettext("ankekort: --lenient: %zu row with errors skipped\n",
				 "ankekort: --lenient: %zu rows with errors skipped\n",
				 res.skipped_rows),
			res.skipped_rows);
		return 0;
	}
	fprintf(stderr,
		ngettext("ankekort: %zu error in the data; fix it or start with --lenient\n",
			 "ankekort: %zu errors in the data; fix them or start with --lenient\n",
			 diags->errors),
		diags->errors);
	return 1;
}

static int resolve_all(const struct cli_options *o, const struct ak_dataset *ds, int *codes)
{
	int status = 0;
	for (size_t i = 0; i < o->n_kommuner; i++) {
		char *hint = NULL;
		if (names_resolve(ds, o->kommuner[i], &codes[i], &hint) != NAMES_OK) {
			diag_say(stderr, hint);
			status = 2;
		}
		free(hint);
	}
	return status;
}

/* "2021, 2022 and 2024": the years loaded, for a message. */
static char *years_loaded(const struct ak_dataset *ds)
{
	struct sbuf b = {0};
	for (size_t i = 0; i < ds->n_years; i++)
		sbuf_printf(&b, "%s%d",
			    i == 0		   ? ""
			    : i + 1 == ds->n_years ? _(" and ")
						   : ", ",
			    ds->years[i]);
	char *s = xstrdup(b.len ? sbuf_str(&b) : _("none"));
	sbuf_free(&b);
	return s;
}

static int no_such_year(const struct ak_dataset *ds, int year)
{
	char *loaded = years_loaded(ds);
	fprintf(stderr, _("ankekort: no figures are loaded for %d; the years loaded are %s\n"),
		year, loaded);
	free(loaded);
	return 2;
}

static int run_print(const struct cli_options *o, const struct ak_dataset *ds)
{
	int *codes = xcalloc(o->n_kommuner + 1, sizeof *codes);
	int status = resolve_all(o, ds, codes);
	if (status == 0 && o->year && !dataset_has_year(ds, o->year))
		status = no_such_year(ds, o->year);
	if (status == 0) {
		struct print_query q = {.codes = o->n_kommuner ? codes : NULL,
					.n_codes = o->n_kommuner,
					.year = o->year,
					.area = o->area,
					.format = o->format};
		report_print(stdout, ds, &q);
	}
	free(codes);
	return status;
}

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
	struct atomicfile af;
	char *err = NULL;
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

static int run_faktaark(const struct cli_options *o, const struct ak_dataset *ds)
{
	int code = 0;
	if (resolve_all(o, ds, &code) != 0)
		return 2;
	int year = o->year_to ? o->year_to : o->year ? o->year : newest_year_with_figure(ds, code);
	int from = o->year_from ? o->year_from : year;
	if (!dataset_has_year(ds, year))
		return no_such_year(ds, year);
	if (!dataset_has_year(ds, from))
		return no_such_year(ds, from);
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

/* The register of remanded cases, for the panes, print and the fact sheet:
 * its problems are shown, its good entries used (register.h). */
static void attach_register(const struct cli_options *o, struct ak_dataset *ds, struct reg *r)
{
	char *path = o->register_path ? xstrdup(o->register_path) : register_default_path();
	struct stat st;
	/* the browser keeps one to add to; the others only show one that exists */
	if (!path || (!o->register_path && o->cmd != CMD_BROWSE && stat(path, &st) != 0)) {
		free(path); /* nobody keeps a register here: nothing to tally */
		return;
	}
	struct diag_list d = {0};
	if (!register_load(r, path, &d))
		diag_sayf(stderr, _("ankekort: %s has errors; its other entries are used\n"), path);
	diag_list_print(&d, stderr);
	diag_list_free(&d);
	ds->reg = r;
	free(path);
}

static int run_check(struct ak_dataset *ds, const struct diag_list *load_diags)
{
	struct diag_list findings = {0};
	stats_analyse(ds, &findings);
	report_check(stdout, load_diags, &findings);
	diag_list_free(&findings);
	return load_diags->errors ? 1 : 0;
}

static int run_browse(const struct cli_options *o, const struct ak_dataset *ds, struct reg *reg)
{
	if (o->year && !dataset_has_year(ds, o->year))
		return no_such_year(ds, o->year); /* before the terminal: said plainly */
	if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO)) {
		fputs(_("ankekort: the browser needs a terminal; use 'ankekort print' to write the "
			"figures to a file or pipe\n"),
		      stderr);
		return 1;
	}
	int code = -1;
	if (o->n_kommuner) {
		char *hint = NULL;
		if (names_resolve(ds, o->kommuner[0], &code, &hint) != NAMES_OK) {
			diag_say(stderr, hint);
			free(hint);
			return 2;
		}
	}
	const char *no_color = getenv("NO_COLOR");
	struct ui_options uo = {.code = code,
				.area = o->area,
				.year = o->year,
				.no_color = o->no_color || (no_color && no_color[0]),
				.no_mouse = o->no_mouse,
				.reg = ds->reg ? reg : NULL};
	return ui_run(ds, &uo);
}

/* The configuration file's defaults, where the command line said nothing. */
static void apply_config(struct cli_options *o, const struct ak_config *c)
{
	if (!o->data_dir && c->data)
		o->data_dir = c->data;
	if (!o->peers && c->peers && o->cmd == CMD_FAKTAARK)
		o->peers = c->peers;
	if (!o->api_url && c->statbank && o->cmd == CMD_FETCH)
		o->api_url = c->statbank;
	if (c->color == 0)
		o->no_color = true;
	if (c->mouse == 0)
		o->no_mouse = true;
}

/* Every command's output ends here: a write that failed (a full disk,
 * /dev/full, a closed pipe) is an error, never a silent exit 0. */
static int close_stdout(int status)
{
	bool failed = ferror(stdout) != 0;
	int saved = errno;
	errno = 0;
	if (fclose(stdout) != 0) {
		failed = true;
		saved = errno;
	}
	if (!failed)
		return status;
	fprintf(stderr, _("ankekort: cannot write the output: %s\n"),
		strerror(saved ? saved : EIO));
	return 1;
}

/* --lang must be known before anything is said, so it is read first. */
static const char *lang_of(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--lang=", 7) == 0)
			return argv[i] + 7;
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			return argv[i + 1];
		if (strcmp(argv[i], "--") == 0)
			break;
	}
	return NULL;
}

int main(int argc, char **argv)
{
	struct ak_config cfg;
	struct diag_list cfg_problems = {0};
	char *cfg_path = config_path();
	bool cfg_ok = config_load(cfg_path, &cfg, &cfg_problems);
	free(cfg_path);
	const char *lang = lang_of(argc, argv);
	i18n_init(lang ? lang : cfg.lang);
	if (!cfg_ok) {
		diag_list_print(&cfg_problems, stderr);
		diag_list_free(&cfg_problems);
		config_free(&cfg);
		return 2;
	}
	struct cli_options o;
	enum cli_status cs = cli_parse(argc, argv, &o, stdout, stderr);
	if (cs != CLI_OK) {
		cli_free(&o);
		config_free(&cfg);
		return close_stdout(cs == CLI_EXIT_OK ? 0 : 2);
	}
	bool data_named = o.data_dir != NULL;
	apply_config(&o, &cfg);
	struct ak_dataset ds = {0};
	struct diag_list diags = {0};
	struct reg reg = {0};
	int status = 0;
	if (o.cmd == CMD_IMPORT || o.cmd == CMD_FETCH) {
		/* they read what they write to, under its lock */
		status = o.cmd == CMD_IMPORT ? importcmd_import(&o) : importcmd_fetch(&o);
	} else {
		status = load(&o, !data_named, &ds, &diags);
	}
	if (status == 0 && o.cmd != CMD_IMPORT && o.cmd != CMD_FETCH) {
		if (o.list_kommuner) {
			for (size_t i = 0; i < ds.n_munis; i++)
				puts(ds.munis[i].name);
		} else if (o.cmd == CMD_CHECK) {
			status = run_check(&ds, &diags);
		} else {
			stats_analyse(&ds, NULL);
			if (o.cmd == CMD_BROWSE || o.cmd == CMD_PRINT || o.cmd == CMD_FAKTAARK)
				attach_register(&o, &ds, &reg);
			status = o.cmd == CMD_PRINT	 ? run_print(&o, &ds)
				 : o.cmd == CMD_FAKTAARK ? run_faktaark(&o, &ds)
				 : o.cmd == CMD_REGISTER ? registercmd_run(&o, &ds, stdout, stderr)
							 : run_browse(&o, &ds, &reg);
		}
	}
	diag_list_free(&diags);
	dataset_free(&ds);
	register_free(&reg);
	cli_free(&o);
	config_free(&cfg);
	return close_stdout(status);
}
