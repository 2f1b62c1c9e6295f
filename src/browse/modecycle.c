/* modecycle.c - the § 79 b cycle of the selected municipality: for each
 * year of the maps the record names (and this year's once they are out),
 * the steps recorded and what the rules in force ask that the record does
 * not yet show (cycledue.h), as of today. Each step shows its number,
 * which C (change) and D (delete) ask for; A adds a step (appcycle.h), as
 * `ankekort cycle add` does. The arrows walk the municipalities as in the
 * panes. Its export is the same as a document. */
#include "ankekort/browse/mode.h"

#include <stdlib.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/browse/appcycle.h"
#include "ankekort/browse/frame.h"
#include "ankekort/browse/prompt.h"
#include "ankekort/browse/viewlines.h"
#include "ankekort/data/cycledue.h"
#include "ankekort/data/register.h"
#include "ankekort/output/cycletext.h"
#include "ankekort/output/doc.h"

enum { MAX_YEARS = 32 };

/* The years to show, newest first, as of today. */
static size_t years_of(const struct app *a, const char *today, int *years)
{
	long day = register_day(today);
	return a->ds->cycle && day >= 0
		       ? cycle_open_years(a->ds->cycle, app_code(a), day, years, MAX_YEARS)
		       : 0;
}

/* One year's maps: a heading, the steps, what is due. */
static void year_lines(const struct app *a, int year, const char *today, int width,
		       struct vlines *out)
{
	vline_new(out);
	vline_new(out);
	vline_add(out, ROLE_HEADER, _(" The %d maps"), year);
	char **lines;
	int *ids;
	size_t n = cycletext_steps(a->ds->cycle, app_code(a), year, &lines);
	cycletext_step_ids(a->ds->cycle, app_code(a), year, &ids);
	for (size_t i = 0; i < n; i++) {
		char *line = xasprintf("[%d] %s", ids[i], lines[i]); /* C and D ask for it */
		view_wrap(out, line, width, 3, ROLE_NORMAL);
		free(line);
		free(lines[i]);
	}
	free(lines);
	free(ids);
	struct cycle_due d;
	if (cycle_due_of(a->ds, a->ds->cycle, app_code(a), year, register_day(today), &d)) {
		char *due = cycletext_due_long(&d, atoi(today));
		char *line = xasprintf(_("Not yet recorded: %s"), due);
		view_wrap(out, line, width, 3, ROLE_WARN);
		free(line);
		free(due);
	} else {
		view_wrap(out, _("Nothing is due by the rules in force."), width, 3, ROLE_DIM);
	}
}

static void cycle_lines(const struct app *a, int width, struct vlines *out)
{
	char today[11];
	cycle_today(today);
	int code = app_code(a);
	vline_new(out);
	vline_add(out, ROLE_TITLE, _(" \xC2\xA7 79 b cycle \xC2\xB7 %s "), view_muni_name(a, code));
	char *day = cycletext_day(today, 0);
	vline_add(out, ROLE_DIM, _(" as of %s"), day);
	free(day);
	int years[MAX_YEARS];
	size_t n = years_of(a, today, years);
	for (size_t i = 0; i < n; i++)
		year_lines(a, years[i], today, width, out);
	if (n == 0) {
		vline_new(out);
		vline_new(out);
		vline_add(out, ROLE_DIM, "%s",
			  a->ds->cycle
				  ? _(" The cycle record names no step of this municipality's.")
				  : _(" No cycle record is loaded."));
		vline_new(out);
		vline_add(out, ROLE_DIM, "%s",
			  _(" Record a step with A (or 'ankekort cycle add', see its --help)."));
	}
}

/* A, C and D; the arrows walk the list, as in the panes. */
static unsigned cycle_keys(struct app *a, enum ak_action act)
{
	switch (act) {
	case ACT_CYCLE_ADD: return app_cycle_start(a, CP_ADD);
	case ACT_CYCLE_EDIT: return app_cycle_start(a, CP_EDIT);
	case ACT_CYCLE_DELETE: return app_cycle_start(a, CP_DELETE);
	default: return DIRTY_NONE;
	}
}

static const enum ak_action cycle_own[] = {ACT_CYCLE_ADD, ACT_CYCLE_EDIT, ACT_CYCLE_DELETE,
					   ACT_NONE};

static void cycle_frame(struct app *a, struct frame_memo *memo, struct frame *f)
{
	(void)memo;
	f->kind = FRAME_PAGE;
	cycle_lines(a, f->layout.table.w, &f->page);
}

static void cycle_export_name(const struct app *a, struct sbuf *b)
{
	const struct ak_municipality *m = dataset_muni(a->ds, app_code(a));
	sbuf_puts(b, "forloeb-"); /* untranslated: a file name */
	prompt_file_word(b, m ? m->name : "x");
}

static bool cycle_export_write(struct app *a, FILE *out, enum report_format fmt)
{
	char today[11];
	cycle_today(today);
	struct doc d;
	doc_begin(&d, out, fmt);
	char *title = xasprintf(_("\xC2\xA7 79 b cycle: %s"), view_muni_name(a, app_code(a)));
	doc_heading(&d, 1, title);
	free(title);
	int years[MAX_YEARS];
	size_t n = years_of(a, today, years);
	for (size_t i = 0; i < n; i++) {
		char *head = xasprintf(_("The %d maps:"), years[i]);
		doc_para(&d, head);
		free(head);
		char **lines;
		size_t k = cycletext_steps(a->ds->cycle, app_code(a), years[i], &lines);
		for (size_t j = 0; j < k; j++) {
			doc_bullet(&d, lines[j]);
			free(lines[j]);
		}
		free(lines);
		if (k)
			doc_end_list(&d);
	}
	cycletext_write_due(&d, a->ds, (const int[]){app_code(a)}, 1, today);
	return doc_end(&d);
}

const struct mode_ops mode_cycle = {
	.name = "cycle",
	.keys = cycle_keys,
	.own = cycle_own,
	.frame = cycle_frame,
	.export_name = cycle_export_name,
	.export_write = cycle_export_write,
};
