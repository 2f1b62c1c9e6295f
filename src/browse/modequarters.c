/* modequarters.c - the quarters between the maps: year to date against the
 * same quarters a year before and the rolling four quarters, for the
 * selection and the nation (quartertable_view). Preliminary: the June map
 * is the reference, and the title says so. */
#include "ankekort/browse/mode.h"

#include "ankekort/base/sbuf.h"
#include "ankekort/browse/prompt.h"
#include "ankekort/browse/tablemode.h"
#include "ankekort/output/quartertable.h"

static void quarters_table(struct app *a, struct tview *t)
{
	quartertable_view(a->ds, app_code(a), t);
}

static void quarters_export_name(const struct app *a, struct sbuf *b)
{
	const struct ak_municipality *m = dataset_muni(a->ds, app_code(a));
	sbuf_puts(b, "kvartaler-"); /* untranslated: a file name */
	prompt_file_word(b, m ? m->name : "x");
}

static const enum ak_action quarters_own[] = {ACT_SORT_REVERSE, ACT_NONE};

const struct mode_ops mode_quarters = {
	.name = "quarters",
	.keys = table_apply,
	.own = quarters_own,
	.frame = table_frame,
	.table = quarters_table,
	.export_name = quarters_export_name,
	.export_write = table_export_write,
};
