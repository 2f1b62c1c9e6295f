/* cycle.c - `ankekort cycle add KIND|list|edit|delete`: the § 79 b cycle
 * record from the command line, for people and for scripts (data/cycle.h;
 * kept, locked and numbered as the register is). */
#include <stdlib.h>
#include <string.h>

#include "ankekort/cmd/commands.h"
#include "ankekort/cmd/entries.h"
#include "ankekort/cmd/usage.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/cycle.h"

static bool day_arg(const char *s, char *out, FILE *err)
{
	if (strlen(s) > 10) {
		diag_say(err, _("a date is written YYYY-MM-DD"));
		return false;
	}
	snprintf(out, 11, "%s", s);
	return true;
}

/* Replaces a text field with the typed value when one was given. */
static void set_text(char **field, const char *typed)
{
	if (!typed)
		return;
	free(*field);
	*field = xstrdup(typed);
}

static bool take_fields(const struct cli_options *o, const struct ak_dataset *ds,
			struct cycle_entry *e, FILE *err)
{
	if (!entries_kommune(o, ds, &e->code, err))
		return false;
	if (o->year_given && o->year)
		e->year = o->year;
	if ((o->cyc_date && !day_arg(o->cyc_date, e->date, err)) ||
	    (o->cyc_deadline && !day_arg(o->cyc_deadline, e->deadline, err)))
		return false;
	if (o->cyc_plan && !cycle_plan_parse(o->cyc_plan, &e->plan)) {
		diag_sayf(err, _("ankekort: --plan takes yes or no, not \"%s\"\n"), o->cyc_plan);
		return false;
	}
	set_text(&e->areas, o->cyc_areas);
	set_text(&e->period, o->cyc_period);
	set_text(&e->text, o->cyc_text);
	return true;
}

static bool checked(const struct cycle_entry *e, const struct ak_dataset *ds, FILE *err)
{
	char *why = NULL;
	if (cycle_check(e, ds, &why))
		return true;
	diag_sayf(err, _("ankekort: not saved: %s\n"), why);
	free(why);
	return false;
}

static int save(const struct cycle *c, FILE *out, FILE *err, const char *done, int id)
{
	char *werr = NULL;
	if (!cycle_save(c, &werr)) {
		diag_say(err, werr);
		free(werr);
		return 1;
	}
	diag_sayf(out, done, id, c->path);
	return 0;
}

static int add(const struct cli_options *o, const struct ak_dataset *ds, struct cycle *c, FILE *out,
	       FILE *err)
{
	enum cycle_kind kind;
	if (!o->cyc_kind || !cycle_kind_parse(o->cyc_kind, &kind)) {
		diag_say(err, _("cycle add needs the kind of step: published, committee, council, "
				"decision, told, order, reminder or report"));
		return 2;
	}
	if (!o->n_kommuner || !o->year || !o->cyc_date) {
		diag_say(err, _("cycle add needs --kommune, --year and --date"));
		return 2;
	}
	struct cycle_entry e = {
		.kind = kind, .areas = xstrdup(""), .period = xstrdup(""), .text = xstrdup("")};
	if (!take_fields(o, ds, &e, err) || !checked(&e, ds, err)) {
		cycle_entry_free(&e);
		return 1;
	}
	if (!cycle_add(c, &e)) {
		diag_sayf(err, _("ankekort: not saved: %s has given every entry number up to %d\n"),
			  c->path, CYCLE_MAX_ID);
		cycle_entry_free(&e);
		return 1;
	}
	return save(c, out, err, _("entry %d added to %s\n"), c->e[c->n - 1].id);
}

static struct cycle_entry *the_entry(const struct cli_options *o, struct cycle *c, FILE *err)
{
	struct cycle_entry *e = o->reg_id ? cycle_find(c, o->reg_id) : NULL;
	if (!e)
		diag_sayf(err,
			  _("ankekort: cycle %s needs --id with the number of an entry (see "
			    "'ankekort cycle list')\n"),
			  o->cyc_action);
	return e;
}

static int edit(const struct cli_options *o, const struct ak_dataset *ds, struct cycle *c,
		FILE *out, FILE *err)
{
	struct cycle_entry *e = the_entry(o, c, err);
	if (!e)
		return 2;
	struct cycle_entry copy;
	cycle_entry_copy(&copy, e);
	if (!take_fields(o, ds, &copy, err) || !checked(&copy, ds, err)) {
		cycle_entry_free(&copy);
		return 1;
	}
	cycle_entry_free(e);
	*e = copy;
	return save(c, out, err, _("entry %d changed in %s\n"), o->reg_id);
}

static int delete (const struct cli_options *o, struct cycle *c, FILE *out, FILE *err)
{
	if (!the_entry(o, c, err))
		return 2;
	cycle_delete(c, o->reg_id);
	return save(c, out, err, _("entry %d deleted from %s\n"), o->reg_id);
}

static bool listed(const struct cli_options *o, const struct ak_dataset *ds,
		   const struct cycle_entry *e)
{
	return !entries_other_kommune(o, ds, e->code) && (!o->year || e->year == o->year);
}

static int list(const struct cli_options *o, const struct ak_dataset *ds, const struct cycle *c,
		FILE *out)
{
	static const char *const head[] = {"id",   "code",  "kommune", "year",	   "kind", "date",
					   "plan", "areas", "period",  "deadline", "text"};
	enum { N = sizeof head / sizeof head[0] };
	bool csv = o->format_given && o->format == FORMAT_CSV;
	char **cells = xcalloc(c->n * N + 1, sizeof *cells);
	size_t rows = 0;
	for (size_t i = 0; i < c->n; i++) {
		const struct cycle_entry *e = &c->e[i];
		if (!listed(o, ds, e))
			continue;
		const struct ak_municipality *m = dataset_muni(ds, e->code);
		char **r = cells + rows++ * N;
		r[0] = xasprintf("%d", e->id);
		r[1] = xasprintf("%d", e->code);
		r[2] = xstrdup(m ? m->name : "?");
		r[3] = xasprintf("%d", e->year);
		r[4] = xstrdup(csv ? cycle_kind_id(e->kind) : cycle_kind_label(e->kind));
		r[5] = xstrdup(e->date);
		r[6] = xstrdup(csv || e->plan == PLAN_NONE ? cycle_plan_id(e->plan)
			       : e->plan == PLAN_YES	   ? _("yes")
							   : _("no"));
		r[7] = xstrdup(e->areas);
		r[8] = xstrdup(e->period);
		r[9] = xstrdup(e->deadline);
		r[10] = xstrdup(e->text);
	}
	entries_list(out, head, N, cells, rows, csv, c->path);
	return 0;
}

static int act(const struct cli_options *o, const struct ak_dataset *ds, struct cycle *c, FILE *out,
	       FILE *err)
{
	if (strcmp(o->cyc_action, "add") == 0)
		return add(o, ds, c, out, err);
	if (strcmp(o->cyc_action, "edit") == 0)
		return edit(o, ds, c, out, err);
	if (strcmp(o->cyc_action, "delete") == 0)
		return delete (o, c, out, err);
	return list(o, ds, c, out);
}

static int run_cycle(const struct cli_options *o, const struct ak_dataset *ds, FILE *out, FILE *err)
{
	char *path = o->cycle_path ? xstrdup(o->cycle_path) : cycle_default_path();
	if (!path) {
		diag_say(err,
			 _("no cycle record: set HOME or XDG_DATA_HOME, or give --cycle FILE"));
		return 2;
	}
	struct entries_file f;
	int status = entries_open(&f, path, strcmp(o->cyc_action, "list") != 0, err);
	if (status)
		return status;
	struct cycle c;
	bool ok = cycle_load(&c, f.path, &f.diags);
	if (!entries_loaded(&f, ok, err)) {
		status = 1;
	} else {
		status = act(o, ds, &c, out, err);
		if (!ok)
			status = 1;
	}
	cycle_free(&c);
	entries_close(&f);
	return status;
}

/* The municipalities are all it needs of the data. */
static int run(const struct cli_options *o)
{
	return entries_run(o, run_cycle);
}

/* "cycle add KIND", "cycle list", "cycle edit", "cycle delete" */
static enum cli_status check(struct cli_options *o, FILE *err)
{
	if (cli_report_format(o, err) != CLI_OK)
		return CLI_USAGE;
	if (o->n_args == 0)
		return cli_usage_error(err, "cycle needs add, list, edit or delete", NULL);
	o->cyc_action = o->args[0];
	bool add = strcmp(o->cyc_action, "add") == 0;
	if (!add && strcmp(o->cyc_action, "list") != 0 && strcmp(o->cyc_action, "edit") != 0 &&
	    strcmp(o->cyc_action, "delete") != 0)
		return cli_usage_error(err, "cycle takes add, list, edit or delete", o->cyc_action);
	size_t used = 1;
	if (add && o->n_args > 1)
		o->cyc_kind = o->args[used++];
	if (o->n_args > used)
		return cli_usage_error(err, "unexpected argument", o->args[used]);
	return CLI_OK;
}

/* clang-format off */
static const struct cmd_opt opts[] = {
	{OPT_CYCLE, 0, NULL, NULL},
	{OPT_KOMMUNE, 0, "K", N_("the municipality (add; list: only its entries)")},
	{OPT_YEAR, 0, "Y", N_("the year of the maps' figures: the 2024 maps are published in\n"
		"2025 (add; list: only its entries)")},
	{OPT_DATE, 0, NULL, NULL},
	{OPT_PLAN, 0, NULL, NULL},
	{OPT_AREAS, 0, NULL, NULL},
	{OPT_PERIOD, 0, NULL, NULL},
	{OPT_DEADLINE, 0, NULL, NULL},
	{OPT_TEXT, 0, NULL, NULL},
	{OPT_ID, 0, NULL, N_("the entry's number, as list shows it (edit, delete)")},
	{OPT_FORMAT, 0, "text|csv", N_("list: text (default) or csv")},
	{OPT_DATA, 0, NULL, NULL},
	{OPT_NONE, 0, NULL, NULL},
};
/* clang-format on */

const struct cmd cmd_cycle = {
	.word = "cycle",
	.args = "ACTION",
	.summary = N_("the \xC2\xA7 79 b cycle record: add, list, edit, delete"),
	.about = N_(
		"The \xC2\xA7 79 b cycle: what happened after a year's maps were published, one\n"
		"entry per step. No names and no CPR numbers.\n"
		"\n"
		"  add KIND  --kommune K --year Y --date DATE [--text TEXT], KIND one of\n"
		"            published    the maps were published\n"
		"            committee    a committee discussed them (--text: which)\n"
		"            council      the council discussed them (\xC2\xA7 79 b, stk. 1)\n"
		"            decision     the council decided on an action plan: --plan yes|no\n"
		"                         [--areas TEXT] [--period TEXT] (stk. 2)\n"
		"            told         Ankestyrelsen was told of the decision\n"
		"            order        Ankestyrelsen ordered an action plan [--deadline DATE]\n"
		"            reminder     a reminder from Ankestyrelsen\n"
		"            report       a status report on the plan (--text: what it says)\n"
		"  list      [--kommune K] [--year Y] [--format text|csv]\n"
		"  edit      --id N and the fields to change\n"
		"  delete    --id N"),
	.opts = opts,
	.check = check,
	.run = run,
};
