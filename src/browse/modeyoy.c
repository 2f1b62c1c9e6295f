/* modeyoy.c - the year-over-year view: the selection's figures year by
 * year, with the tests of change (tables_yoy). */
#include "ankekort/browse/mode.h"

#include "ankekort/base/sbuf.h"
#include "ankekort/browse/prompt.h"
#include "ankekort/browse/tablemode.h"
#include "ankekort/output/tables.h"

static void yoy_table(struct app *a, struct tview *t)
{
	tables_yoy(a->ds, app_code(a), t);
}

static void yoy_export_name(const struct app *a, struct sbuf *b)
{
	const struct ak_municipality *m = dataset_muni(a->ds, app_code(a));
	sbuf_puts(b, "aar-til-aar-"); /* untranslated: a file name */
	prompt_file_word(b, m ? m->name : "x");
}

static const enum ak_action yoy_own[] = {ACT_SORT_REVERSE, ACT_NONE};

const struct mode_ops mode_yoy = {
	.name = "yoy",
	.keys = table_apply,
	.own = yoy_own,
	.frame = table_frame,
	.table = yoy_table,
	.export_name = yoy_export_name,
	.export_write = table_export_write,
};
