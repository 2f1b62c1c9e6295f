/* load.c - loading the figures for the commands that read them (load.h). */
#include "ankekort/cmd/load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/cmd/commands.h"
#include "ankekort/cmd/config.h"
#include "ankekort/data/csvload.h"
#include "ankekort/data/cycle.h"
#include "ankekort/data/datadir.h"
#include "ankekort/data/names.h"
#include "ankekort/data/facts.h"
#include "ankekort/import/dataload.h"

/* Says the load's problems; 0 to go on, or 1 when errors refuse it. */
static int judge_load(const struct cli_options *o, const struct diag_list *diags,
		      const struct load_result *res)
{
	diag_list_report(diags, stderr, o->verbose);
	if (diags->errors == 0)
		return 0;
	if (o->lenient) {
		fprintf(stderr,
			ngettext("ankekort: --lenient: %zu row with errors skipped\n",
				 "ankekort: --lenient: %zu rows with errors skipped\n",
				 res->skipped_rows),
			res->skipped_rows);
		return 0;
	}
	fprintf(stderr,
		ngettext("ankekort: %zu error in the data; fix it or start with --lenient\n",
			 "ankekort: %zu errors in the data; fix them or start with --lenient\n",
			 diags->errors),
		diags->errors);
	return 1;
}

int load_data(const struct cli_options *o, enum load_what what, struct ak_dataset *ds,
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
				   .user_optional = !o->given[OPT_DATA],
				   .no_shipped = o->no_shipped,
				   /* print reads the rows below law level for --by only */
				   .no_pars = o->cmd && o->cmd->word &&
					      strcmp(o->cmd->word, "print") == 0 &&
					      !o->by_paragraph};
	if (what == LOAD_MUNICIPALITIES && shipped && !o->no_shipped)
		sp = (struct dataload_spec){.shipped = shipped, .no_shipped = true};
	struct load_result res = {0};
	struct area_rules rules = {0};
	bool check_rules = what == LOAD_FOR_CHECK && shipped;
	if (check_rules) { /* the area rules import and fetch use, said once */
		size_t errors = diags->errors;
		dataload_rules(&rules, shipped, diags);
		sp.rules = &rules;
		sp.rules_with_errors = diags->errors != errors;
	}
	dataload_layers(ds, &sp, diags, &res);
	if (check_rules)
		area_rules_free(&rules);
	free(shipped);
	free(user_default);
	if (what == LOAD_FOR_CHECK)
		return 0;
	return judge_load(o, diags, &res);
}

int load_resolve_all(const struct cli_options *o, const struct ak_dataset *ds, int *codes)
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

int load_home(const struct cli_options *o, const struct ak_dataset *ds, int *code)
{
	*code = 0;
	if (!o->home)
		return 0;
	char *hint = NULL;
	if (names_resolve(ds, o->home, code, &hint) == NAMES_OK)
		return 0;
	char *path = config_path();
	diag_sayf(stderr, _("ankekort: %s: the setting \"kommune = %s\" is not a municipality\n"),
		  path ? path : "config", o->home);
	diag_say(stderr, hint); /* the closest names */
	free(path);
	free(hint);
	*code = 0;
	return 2;
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

int load_no_such_year(const struct ak_dataset *ds, int year)
{
	char *loaded = years_loaded(ds);
	fprintf(stderr, _("ankekort: no figures are loaded for %d; the years loaded are %s\n"),
		year, loaded);
	free(loaded);
	return 2;
}

void load_register(const struct cli_options *o, bool keep, struct ak_dataset *ds, struct reg *r)
{
	char *path = o->register_path ? xstrdup(o->register_path) : register_default_path();
	struct stat st;
	if (!path || (!o->register_path && !keep && stat(path, &st) != 0)) {
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

void load_cycle(const struct cli_options *o, struct ak_dataset *ds, struct cycle *c)
{
	char *path = o->cycle_path ? xstrdup(o->cycle_path) : cycle_default_path();
	struct stat st;
	if (!path || (!o->cycle_path && stat(path, &st) != 0)) {
		free(path); /* nobody keeps a record here */
		return;
	}
	struct diag_list d = {0};
	if (!cycle_load(c, path, &d))
		diag_sayf(stderr, _("ankekort: %s has errors; its other entries are used\n"), path);
	diag_list_print(&d, stderr);
	diag_list_free(&d);
	ds->cycle = c;
	free(path);
}

/* The cycle record the browser adds to: the one loaded, else an empty one
 * where the default record would be, shown once its first step is saved. */
static void keep_cycle(const struct ak_dataset *ds, struct cycle *c, struct load_kept *k)
{
	if (!ds->cycle && (c->path = cycle_default_path()) != NULL)
		c->next_id = 1;
	k->cycle = c->path ? c : NULL;
}

static int load_and(const struct cli_options *o, bool keep,
		    int (*fn)(const struct cli_options *o, const struct ak_dataset *ds,
			      struct reg *reg),
		    int (*browse)(const struct cli_options *o, const struct ak_dataset *ds,
				  struct load_kept *k))
{
	struct ak_dataset ds = {0};
	struct diag_list diags = {0};
	struct reg reg = {0};
	struct cycle cycle = {0};
	int status = load_data(o, LOAD_FIGURES, &ds, &diags);
	if (status == 0) {
		facts_analyse(&ds, NULL);
		load_register(o, keep, &ds, &reg);
		load_cycle(o, &ds, &cycle);
		struct load_kept k = {.reg = &reg, .cycle_shown = ds.cycle ? NULL : &ds.cycle};
		if (browse)
			keep_cycle(&ds, &cycle, &k);
		status = browse ? browse(o, &ds, &k) : fn ? fn(o, &ds, &reg) : 1;
	}
	diag_list_free(&diags);
	dataset_free(&ds);
	register_free(&reg);
	cycle_free(&cycle);
	return status;
}

int load_figures_and_run(const struct cli_options *o, bool keep_register,
			 int (*fn)(const struct cli_options *o, const struct ak_dataset *ds,
				   struct reg *reg))
{
	return load_and(o, keep_register, fn, NULL);
}

int load_figures_and_browse(const struct cli_options *o,
			    int (*fn)(const struct cli_options *o, const struct ak_dataset *ds,
				      struct load_kept *k))
{
	return load_and(o, true, NULL, fn);
}
