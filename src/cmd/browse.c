/* browse.c - no command word: the browser in the terminal (src/ui/), or
 * with --list-kommuner the municipalities' names for shell completion. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ankekort/base/diag.h"
#include "ankekort/base/i18n.h"
#include "ankekort/cmd/commands.h"
#include "ankekort/cmd/load.h"
#include "ankekort/data/names.h"
#include "ankekort/ui/ui.h"

static int run_browse(const struct cli_options *o, const struct ak_dataset *ds, struct load_kept *k)
{
	if (o->year && !dataset_has_year(ds, o->year))
		return load_no_such_year(ds, o->year); /* before the terminal: said plainly */
	if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO)) {
		fputs(_("ankekort: the browser needs a terminal; use 'ankekort print' to write the "
			"figures to a file or pipe\n"),
		      stderr);
		return 1;
	}
	int home = 0;
	if (load_home(o, ds, &home) != 0)
		return 2;
	int code = home ? home : -1; /* the user's own, unless -k names another */
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
				.home = home,
				.area = o->area,
				.year = o->year,
				.no_color = o->no_color || (no_color && no_color[0]),
				.no_mouse = o->no_mouse,
				.reg = ds->reg ? k->reg : NULL,
				.cycle = k->cycle,
				.cycle_shown = k->cycle_shown};
	return ui_run(ds, &uo);
}

/* The names, one a line (the completion script reads them). */
static int list_names(const struct cli_options *o)
{
	struct ak_dataset ds = {0};
	struct diag_list diags = {0};
	int status = load_data(o, LOAD_MUNICIPALITIES, &ds, &diags);
	for (size_t i = 0; status == 0 && i < ds.n_munis; i++)
		puts(ds.munis[i].name);
	diag_list_free(&diags);
	dataset_free(&ds);
	return status;
}

static int run(const struct cli_options *o)
{
	if (o->list_kommuner)
		return list_names(o);
	return load_figures_and_browse(o, run_browse);
}

static const struct cmd_opt opts[] = {
	{OPT_KOMMUNE, 0, NULL, N_("open the browser on a municipality (name or code)")},
	{OPT_AREA, 0, NULL, NULL},
	{OPT_YEAR, 0, NULL, NULL},
	{OPT_REGISTER, 0, NULL, NULL},
	{OPT_CYCLE, 0, NULL, NULL},
	{OPT_NO_SHIPPED, 0, NULL, NULL},
	{OPT_LENIENT, 0, NULL, NULL},
	{OPT_VERBOSE, 0, NULL, NULL},
	{OPT_NO_COLOR, 0, NULL, NULL},
	{OPT_NO_MOUSE, 0, NULL, NULL},
	{OPT_LIST_KOMMUNER, 0, NULL, NULL},
	{OPT_NONE, 0, NULL, NULL},
};

const struct cmd cmd_browse = {
	.summary = N_("open the browser in the terminal"),
	.about = N_("Open the browser in the terminal."),
	.opts = opts,
	.run = run,
};
