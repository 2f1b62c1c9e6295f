/* modepara.c - the paragraph view: which paragraphs drive the selection's
 * rate in the area and year (tables_paragraphs), the largest excess over
 * the national rate first; `s` cycles the orders, `R` reverses them, the
 * rest is a table view's (scrolling, export). */
#include "ankekort/browse/mode.h"

#include "ankekort/base/sbuf.h"
#include "ankekort/browse/prompt.h"
#include "ankekort/browse/tablemode.h"
#include "ankekort/data/partable.h"
#include "ankekort/output/tablepara.h"

/* The view's order lives in the table state's sort column, its direction
 * in the sort direction; tsort_set stays false, so the table is never
 * sorted by a column (the totals stay last). */
static unsigned para_keys(struct app *a, enum ak_action act)
{
	if (act == ACT_SORT) {
		a->tm.tsort_col = (a->tm.tsort_col + 1) % PARORDER_CYCLE;
		a->tm.tscroll = 0;
		return DIRTY_SCREEN;
	}
	if (act == ACT_SORT_REVERSE) {
		a->tm.tsort_desc = !a->tm.tsort_desc;
		return DIRTY_SCREEN;
	}
	return table_apply(a, act);
}

static void para_open(struct app *a)
{
	a->tm.tsort_col = PARORDER_EXCESS;
}

static void para_table(struct app *a, struct tview *t)
{
	tables_paragraphs(a->ds, app_code(a), app_year(a), a->area,
			  (enum partable_order)(a->tm.tsort_col % PARORDER_CYCLE), a->tm.tsort_desc,
			  t);
}

static void para_export_name(const struct app *a, struct sbuf *b)
{
	const struct ak_municipality *m = dataset_muni(a->ds, app_code(a));
	sbuf_puts(b, "paragraffer-"); /* untranslated: a file name */
	prompt_file_word(b, m ? m->name : "x");
	sbuf_printf(b, "-%s-%d", area_id(a->area), app_year(a));
}

static const enum ak_action para_own[] = {ACT_SORT, ACT_SORT_REVERSE, ACT_NONE};

const struct mode_ops mode_para = {
	.name = "para",
	.keys = para_keys,
	.own = para_own,
	.frame = table_frame,
	.table = para_table,
	.export_name = para_export_name,
	.export_write = table_export_write,
	.open = para_open,
};
