/* viewtable.c - the table views and the map pane as styled lines. */
#include "ankekort/browse/view.h"

#include <stdio.h>
#include <stdlib.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/browse/mode.h"
#include "ankekort/browse/viewlines.h"
#include "ankekort/output/tables.h"

/* ---- table modes ------------------------------------------------------------------ */

static void table_line(const struct app *a, struct vlines *out, const struct tview *t,
		       const size_t *w, size_t r, enum ak_role role)
{
	vline_new(out);
	for (size_t c = 0; c < t->ncols; c++) {
		if (c >= t->keep && c < t->keep + a->tm.tcol)
			continue; /* scrolled past; the identifying columns stay */
		const char *cell = tview_text(t, r, c);
		struct sbuf fitted = {0};
		if (a->ascii)
			textfmt_fit_ascii(&fitted, cell, w[c] + 1, false);
		else
			textfmt_fit(&fitted, cell, w[c] + 1, false, false);
		if (t->right[c])
			vline_right(out, role, sbuf_str(&fitted), (int)w[c] + 1);
		else
			vline_fit(out, role, sbuf_str(&fitted), (int)w[c] + 1, a->ascii);
		sbuf_free(&fitted);
		vline_add(out, role, " ");
	}
}

void view_table(const struct app *a, const struct tview *t, int width, struct vlines *out)
{
	size_t *w = xcalloc(t->ncols + 1, sizeof *w);
	tview_widths(t, width, a->ascii, w);
	vline_new(out);
	vline_add(out, ROLE_TITLE_FOCUS, " %s ", t->title);
	if (a->mode->title)
		a->mode->title(a, out);
	size_t max = tview_scroll_max(t, w, width);
	if (max > 0)
		vline_add(out, ROLE_DIM, "  %s more columns", glyph(a->ascii, GL_ARROWS));
	vline_new(out);
	for (size_t c = 0; c < t->ncols; c++) {
		if (c >= t->keep && c < t->keep + a->tm.tcol)
			continue;
		char head[128];
		bool sorted = a->tm.tsort_set && a->tm.tsort_col == c;
		snprintf(head, sizeof head, "%s%s%s", t->head[c], sorted ? " " : "",
			 !sorted	    ? ""
			 : a->tm.tsort_desc ? glyph(a->ascii, GL_DOWN)
					    : glyph(a->ascii, GL_UP));
		if (t->right[c])
			vline_right(out, sorted ? ROLE_TAB_ACTIVE : ROLE_HEADER, head,
				    (int)w[c] + 1);
		else
			vline_fit(out, sorted ? ROLE_TAB_ACTIVE : ROLE_HEADER, head, (int)w[c] + 1,
				  a->ascii);
		vline_add(out, ROLE_HEADER, " ");
	}
	for (size_t r = 0; r < t->nrows; r++)
		table_line(a, out, t, w, r, r < t->pinned ? ROLE_NATIONAL : ROLE_NORMAL);
	if (t->note)
		view_wrap(out, t->note, width, 1, ROLE_DIM);
	free(w);
}

/* ---- the map ---------------------------------------------------------------------- */

static void map_tile(const struct app *a, struct vlines *out, const struct map_tile *t)
{
	struct ak_figures f;
	bool has = app_figures_at(a, app_year(a), t->code, &f, NULL) && f.rate.present;
	int cls = has ? map_rate_class(f.rate.value) : 0;
	/* the selection is marked without a class colour, so it neither hides
	 * nor changes its class: the digit still says it */
	enum ak_role role = t->code == app_code(a) ? ROLE_MAP_SELECTED
			    : has		   ? ROLE_CLASS1 + cls - 1
						   : ROLE_NOFIGURE;
	vline_add(out, role, "%s%c", t->abbr, has ? (char)('0' + cls) : '.');
}

void view_map(const struct app *a, int width, struct vlines *out)
{
	vline_new(out);
	vline_add(out, a->focus == PANE_LIST ? ROLE_TITLE_FOCUS : ROLE_HEADER,
		  " Map \xC2\xB7 %s %d ", area_label(a->area), app_year(a));
	struct ak_figures sf;
	bool sel_has = app_code(a) != AK_NATIONAL_CODE &&
		       app_figures_at(a, app_year(a), app_code(a), &sf, NULL) && sf.rate.present;
	if (app_code(a) == AK_NATIONAL_CODE)
		vline_add(out, ROLE_DIM, " %s", _("arrows pick a municipality"));
	else if (sel_has) /* the marker: the selection named, with its class */
		vline_add(out, ROLE_DIM, _(" %s %s (class %d)"), glyph(a->ascii, GL_SELECTED_DOT),
			  view_muni_name(a, app_code(a)), map_rate_class(sf.rate.value));
	else
		vline_add(out, ROLE_DIM, _(" %s %s (no figure)"), glyph(a->ascii, GL_SELECTED_DOT),
			  view_muni_name(a, app_code(a)));
	if (a->mp.map.n == 0) {
		view_wrap(out, _("The map needs a larger terminal (about 80x24)."), width, 1,
			  ROLE_DIM);
		return;
	}
	for (int y = 0; y < a->mp.map.rows; y++) {
		vline_new(out);
		for (int x = 0; x < a->mp.map.cols; x++) {
			const struct map_tile *t = map_tile_at(&a->mp.map, x, y);
			if (t)
				map_tile(a, out, t);
			else
				vline_add(out, ROLE_NORMAL, "%*s", MAP_SLOT_W, "");
		}
	}
	vline_new(out);
	vline_add(out, ROLE_DIM, " ");
	vline_add(out, ROLE_CLASS1, "1");
	vline_add(out, ROLE_DIM, _(" <20  "));
	vline_add(out, ROLE_CLASS2, "2");
	vline_add(out, ROLE_DIM, _(" 20-30  "));
	vline_add(out, ROLE_CLASS3, "3");
	vline_add(out, ROLE_DIM, _(" 30-40  "));
	vline_add(out, ROLE_CLASS4, "4");
	vline_add(out, ROLE_DIM, _(" 40-50  "));
	vline_add(out, ROLE_CLASS5, "5");
	vline_add(out, ROLE_DIM, _(" 50+ %%  "));
	vline_add(out, ROLE_NOFIGURE, ".");
	vline_add(out, ROLE_DIM, _(" none"));
}
