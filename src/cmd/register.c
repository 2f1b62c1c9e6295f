/* register.c - `ankekort register add|list|edit|delete`: the register
 * of remanded cases from the command line, for people and for scripts. */
#include <stdlib.h>
#include <string.h>

#include "ankekort/cmd/commands.h"
#include "ankekort/cmd/entries.h"
#include "ankekort/cmd/usage.h"
#include "ankekort/base/i18n.h"
#include "ankekort/data/register.h"
#include "ankekort/base/xalloc.h"

/* Sets the fields given on the command line; false (with a message) when
 * one is not valid. */
static bool take_fields(const struct cli_options *o, const struct ak_dataset *ds,
			struct reg_entry *e, FILE *err)
{
	if (!entries_kommune(o, ds, &e->code, err))
		return false;
	if (o->area_given && o->area >= 0)
		e->area = (enum ak_area)o->area;
	if (o->year_given && o->year)
		e->year = o->year;
	if (o->reg_paragraph) {
		free(e->paragraph);
		e->paragraph = xstrdup(o->reg_paragraph);
	}
	if (o->reg_note) {
		free(e->note);
		e->note = xstrdup(o->reg_note);
	}
	if (o->reg_remanded)
		snprintf(e->remanded, sizeof e->remanded, "%.10s", o->reg_remanded);
	if (o->reg_decided)
		snprintf(e->decided, sizeof e->decided, "%.10s", o->reg_decided);
	if ((o->reg_remanded && strlen(o->reg_remanded) > 10) ||
	    (o->reg_decided && strlen(o->reg_decided) > 10)) {
		diag_say(err, _("a date is written YYYY-MM-DD"));
		return false;
	}
	if (o->reg_outcome && !reg_outcome_parse(o->reg_outcome, &e->outcome)) {
		diag_sayf(err,
			  _("ankekort: --outcome takes pending, favour, partly, same, withdrawn or "
			    "appealed_again, not \"%s\"\n"),
			  o->reg_outcome);
		return false;
	}
	if (o->reg_reason && !reg_reason_parse(o->reg_reason, &e->reason)) {
		diag_sayf(err,
			  _("ankekort: --reason takes information, hearing, reasons or other, not "
			    "\"%s\"\n"),
			  o->reg_reason);
		return false;
	}
	return true;
}

static bool checked(const struct reg_entry *e, const struct ak_dataset *ds, FILE *err)
{
	char *why = NULL;
	if (register_check(e, ds, &why))
		return true;
	diag_sayf(err, _("ankekort: not saved: %s\n"), why);
	free(why);
	return false;
}

/* Writes the register and says what was done ("entry 3 changed"). */
static int save(const struct reg *r, FILE *out, FILE *err, const char *done, int id)
{
	char *werr = NULL;
	if (!register_save(r, &werr)) {
		diag_say(err, werr);
		free(werr);
		return 1;
	}
	diag_sayf(out, done, id, r->path); /* the path escaped: it may hold anything */
	return 0;
}

static int add(const struct cli_options *o, const struct ak_dataset *ds, struct reg *r, FILE *out,
	       FILE *err)
{
	if (!o->n_kommuner || !o->area_given || o->area < 0 || !o->year || !o->reg_remanded) {
		diag_say(err, _("register add needs --kommune, --area, --year and --remanded"));
		return 2;
	}
	struct reg_entry e = {.paragraph = xstrdup(""), .note = xstrdup("")};
	if (!take_fields(o, ds, &e, err) || !checked(&e, ds, err)) {
		reg_entry_free(&e);
		return 1;
	}
	if (!register_add(r, &e)) {
		diag_sayf(err, _("ankekort: not saved: %s has given every entry number up to %d\n"),
			  r->path, REG_MAX_ID);
		reg_entry_free(&e);
		return 1;
	}
	return save(r, out, err, _("entry %d added to %s\n"), r->e[r->n - 1].id);
}

/* edit or delete without an --id the register has: which it has, or that
 * it has none. */
static int no_entry(const struct cli_options *o, const struct reg *r, FILE *err)
{
	if (!o->reg_id) {
		diag_sayf(err,
			  _("ankekort: register %s needs --id with the number of an entry (see "
			    "'ankekort register list')\n"),
			  o->reg_action);
	} else if (r->n == 0) {
		diag_sayf(err,
			  _("ankekort: %s has no entry %d; it has no entries yet (add one with "
			    "'ankekort register add')\n"),
			  r->path, o->reg_id);
	} else {
		char *ids = register_numbers(r);
		diag_sayf(err,
			  ngettext("ankekort: %s has no entry %d; its entry is number %s (see "
				   "'ankekort register list')\n",
				   "ankekort: %s has no entry %d; its entries are numbers %s (see "
				   "'ankekort register list')\n",
				   r->n),
			  r->path, o->reg_id, ids);
		free(ids);
	}
	return 2;
}

static int edit(const struct cli_options *o, const struct ak_dataset *ds, struct reg *r, FILE *out,
		FILE *err)
{
	struct reg_entry *e = o->reg_id ? register_find(r, o->reg_id) : NULL;
	if (!e)
		return no_entry(o, r, err);
	struct reg_entry copy = *e;
	copy.paragraph = xstrdup(e->paragraph);
	copy.note = xstrdup(e->note);
	if (!take_fields(o, ds, &copy, err) || !checked(&copy, ds, err)) {
		reg_entry_free(&copy);
		return 1;
	}
	reg_entry_free(e);
	*e = copy;
	return save(r, out, err, _("entry %d changed in %s\n"), o->reg_id);
}

static int delete (const struct cli_options *o, struct reg *r, FILE *out, FILE *err)
{
	if (!o->reg_id || !register_delete(r, o->reg_id))
		return no_entry(o, r, err);
	return save(r, out, err, _("entry %d deleted from %s\n"), o->reg_id);
}

static bool listed(const struct cli_options *o, const struct ak_dataset *ds,
		   const struct reg_entry *e)
{
	return !entries_other_kommune(o, ds, e->code) && (!o->year || e->year == o->year) &&
	       (o->area < 0 || (int)e->area == o->area);
}

static int list(const struct cli_options *o, const struct ak_dataset *ds, const struct reg *r,
		FILE *out)
{
	static const char *const head[] = {"id",      "code",	   "kommune",  "area",
					   "year",    "paragraph", "remanded", "decided",
					   "outcome", "reason",	   "note"};
	enum { N = sizeof head / sizeof head[0] };
	bool csv = o->format_given && o->format == FORMAT_CSV;
	char **cells = xcalloc(r->n * N + 1, sizeof *cells);
	size_t rows = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct reg_entry *e = &r->e[i];
		if (!listed(o, ds, e))
			continue;
		const struct ak_municipality *m = dataset_muni(ds, e->code);
		char **c = cells + rows++ * N;
		c[0] = xasprintf("%d", e->id);
		c[1] = xasprintf("%d", e->code);
		c[2] = xstrdup(m ? m->name : "?");
		c[3] = xstrdup(csv ? area_id(e->area) : area_label(e->area));
		c[4] = xasprintf("%d", e->year);
		c[5] = xstrdup(e->paragraph);
		c[6] = xstrdup(e->remanded);
		c[7] = xstrdup(e->decided);
		c[8] = xstrdup(csv ? reg_outcome_id(e->outcome) : reg_outcome_label(e->outcome));
		c[9] = xstrdup(csv	   ? reg_reason_id(e->reason)
			       : e->reason ? reg_reason_label(e->reason)
					   : "");
		c[10] = xstrdup(e->note);
	}
	entries_list(out, head, N, cells, rows, csv, r->path);
	return 0;
}

static int run_register(const struct cli_options *o, const struct ak_dataset *ds, FILE *out,
			FILE *err)
{
	char *path = o->register_path ? xstrdup(o->register_path) : register_default_path();
	if (!path) {
		diag_say(err, _("no register: set HOME or XDG_DATA_HOME, or give --register FILE"));
		return 2;
	}
	struct entries_file f;
	int status = entries_open(&f, path, strcmp(o->reg_action, "list") != 0, err);
	if (status)
		return status;
	struct reg r;
	bool ok = register_load(&r, f.path, &f.diags);
	if (!entries_loaded(&f, ok, err)) {
		status = 1;
	} else if (strcmp(o->reg_action, "add") == 0) {
		status = add(o, ds, &r, out, err);
	} else if (strcmp(o->reg_action, "edit") == 0) {
		status = edit(o, ds, &r, out, err);
	} else if (strcmp(o->reg_action, "delete") == 0) {
		status = delete (o, &r, out, err);
	} else {
		status = list(o, ds, &r, out);
		if (!ok)
			status = 1;
	}
	register_free(&r);
	entries_close(&f);
	return status;
}

/* The municipalities are all it needs of the data. */
static int run(const struct cli_options *o)
{
	return entries_run(o, run_register);
}

static enum cli_status check(struct cli_options *o, FILE *err)
{
	if (cli_report_format(o, err) != CLI_OK)
		return CLI_USAGE;
	if (o->n_args == 0)
		return cli_usage_error(err, "register needs add, list, edit or delete", NULL);
	o->reg_action = o->args[0];
	if (strcmp(o->reg_action, "add") != 0 && strcmp(o->reg_action, "list") != 0 &&
	    strcmp(o->reg_action, "edit") != 0 && strcmp(o->reg_action, "delete") != 0)
		return cli_usage_error(err, "register takes add, list, edit or delete",
				       o->reg_action);
	if (o->n_args > 1)
		return cli_usage_error(err, "unexpected argument", o->args[1]);
	return CLI_OK;
}

/* clang-format off */
static const struct cmd_opt opts[] = {
	{OPT_REGISTER, 0, NULL, N_("the register (default:\n"
		"$XDG_DATA_HOME/ankekort/register.csv)")},
	{OPT_KOMMUNE, 0, "K", N_("the municipality (add; list: only its entries)")},
	{OPT_AREA, 0, "A", N_("the area (add; list: only its entries)")},
	{OPT_YEAR, 0, "Y", N_("the year of the decision (add; list: only its entries)")},
	{OPT_ID, 0, NULL, N_("the entry's number, as list shows it (edit, delete)")},
	{OPT_PARAGRAPH, 0, NULL, N_("the paragraph the decision was made under, e.g. \"§ 41\"")},
	{OPT_REMANDED, 0, NULL, N_("the day Ankestyrelsen remanded the case (YYYY-MM-DD)")},
	{OPT_DECIDED, 0, NULL, N_("the day of the new decision (YYYY-MM-DD)")},
	{OPT_OUTCOME, 0, NULL, N_("pending (default), favour, partly, same, withdrawn or\n"
		"appealed_again")},
	{OPT_REASON, 0, NULL, N_("why it was remanded: information, hearing, reasons or other")},
	{OPT_NOTE, 0, NULL, N_("a note, never a name")},
	{OPT_FORMAT, 0, "text|csv", N_("list: text (default) or csv")},
	{OPT_DATA, 0, NULL, NULL},
	{OPT_NONE, 0, NULL, NULL},
};
/* clang-format on */

const struct cmd cmd_register = {
	.word = "register",
	.args = "ACTION",
	.summary = N_("the register of remanded cases: add, list, edit, delete"),
	.about = N_(
		"The register of remanded cases: what happened to each case Ankestyrelsen\n"
		"sent back. No names and no CPR numbers: a field that looks like one is refused.\n"
		"\n"
		"  add     --kommune K --area A --year Y --remanded DATE [--paragraph P]\n"
		"          [--decided DATE] [--outcome O] [--reason R] [--note TEXT]\n"
		"  list    [--kommune K] [--area A] [--year Y] [--format text|csv]\n"
		"  edit    --id N and the fields to change (--decided \"\" clears a date)\n"
		"  delete  --id N"),
	.opts = opts,
	.check = check,
	.run = run,
};
