/* fetch.c - `ankekort fetch`: Ankestyrelsen's tables from a Statistikbank
 * API, imported into the user's data directory (target.h). The answer is
 * downloaded and read first; the lock is taken only to merge. */
#include <stdio.h>

#include "ankekort/base/i18n.h"
#include "ankekort/cmd/commands.h"
#include "ankekort/cmd/target.h"
#include "ankekort/data/csvload.h"
#include "ankekort/import/dataload.h"
#include "ankekort/import/fetch.h"

/* fetch's lock: taken only once the answer is downloaded and read. */
static bool fetch_lock(void *ctx, const struct ak_dataset **target, char **err)
{
	struct target *t = ctx;
	if (!target_take(t)) {
		*err = NULL; /* open_target said why */
		return false;
	}
	*target = &t->existing;
	return true;
}

static void fetch_unlock(void *ctx)
{
	target_release(ctx);
}

static int run(const struct cli_options *o)
{
	struct target t;
	if (!target_find(o, &t))
		return 1;
	/* the municipalities to read the answer with: no lock needed */
	struct ak_dataset munis = {0};
	struct load_result lr = {0};
	struct dataload_spec sp = {.shipped = t.shipped, .no_shipped = true, .rules = &t.rules};
	dataload_layers(&munis, &sp, &t.diags, &lr);
	struct fetch_options fo = {.api_url = o->api_url,
				   .table = o->table,
				   .year_from = o->year_from,
				   .year_to = o->year_to,
				   .timeout = o->timeout,
				   .max_mib = o->max_mib,
				   .into = t.dir,
				   .dry_run = o->dry_run,
				   .verbose = o->verbose,
				   .rules = &t.rules,
				   .known = &munis,
				   .lock = fetch_lock,
				   .unlock = fetch_unlock,
				   .ctx = &t};
	int status = fetch_run(&fo, stdout, stderr);
	dataset_free(&munis);
	target_end(&t);
	return status;
}

/* clang-format off */
static const struct cmd_opt opts[] = {
	{OPT_YEARS, 0, NULL, N_("the years (default: all)")},
	{OPT_INTO, 0, NULL, N_("the directory to add to (default: your data directory)")},
	{OPT_DRY_RUN, 0, NULL, N_("report what would be added, write nothing")},
	{OPT_TABLE, 0, NULL, N_("the table (default: the first of the table list that fits)")},
	{OPT_API_URL, 0, NULL, N_("the API (default: https://api.statbank.dk/v1)")},
	{OPT_TIMEOUT, 0, NULL, N_("give up after SECS seconds in all (default 120)")},
	{OPT_MAX_MIB, 0, NULL, N_("refuse a download over N MiB (default 512)")},
	{OPT_DATA, 0, NULL, N_("your data directory (default: $XDG_DATA_HOME/ankekort/data)")},
	{OPT_VERBOSE, 0, NULL, NULL},
	{OPT_NONE, 0, NULL, NULL},
};
/* clang-format on */

const struct cmd cmd_fetch = {
	.word = "fetch",
	.summary = N_("import Ankestyrelsen's tables from a Statistikbank API"),
	.about = N_(
		"Find Ankestyrelsen's tables in a Statistikbank API's table list (or a hosted\n"
		"databank: --api-url .../v1/sNN) and import them into your data directory\n"
		"($XDG_DATA_HOME/ankekort/data, or --data DIR); never into the shipped datasets.\n"
		"Where there is no such table, say where the figures are published now."),
	.opts = opts,
	.run = run,
};
