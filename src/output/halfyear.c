/* halfyear.c - the half-year report from the quarters between the maps. */
#include "ankekort/output/halfyear.h"

#include <stdlib.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/quarters.h"
#include "ankekort/data/stats.h"
#include "ankekort/output/doc.h"
#include "ankekort/output/quartertable.h"

int halfyear_default_year(const struct ak_dataset *ds)
{
	int best = 0;
	for (size_t i = 0; i < ds->n_quarters; i++)
		if (ds->quarters[i].quarter >= 2 && ds->quarters[i].year > best)
			best = ds->quarters[i].year;
	return best;
}

/* The newest map before the half, the reference: one line per area shown. */
static void reference(struct doc *d, const struct ak_dataset *ds, int code, int area, int year,
		      struct doc_sources *src)
{
	int map_year = 0;
	for (size_t i = 0; i < ds->n_years; i++)
		if (ds->years[i] < year)
			map_year = ds->years[i];
	if (!map_year) {
		doc_para(d, _("No map before this half is loaded: there is no reference to read "
			      "the quarters against."));
		return;
	}
	char *title = xasprintf(_("The reference: the map for %d"), map_year);
	doc_heading(d, 2, title);
	free(title);
	const struct ak_municipality *m = dataset_muni(ds, code);
	bool any = false;
	for (int a = 0; a < AREA_COUNT; a++) {
		const struct ak_obs *o = area < 0 || a == area
						 ? dataset_find(ds, map_year, code, (enum ak_area)a)
						 : NULL;
		struct ak_figures f;
		if (!o)
			continue;
		stats_figures_in(ds, o, &f);
		if (!f.rate.present)
			continue;
		char rate[64];
		stats_val_text(rate, sizeof rate, f.rate, " %");
		char *line = f.cases >= 0
				     ? xasprintf(_("%s, %s: %s of %ld cases"), m ? m->name : "?",
						 area_label((enum ak_area)a), rate, f.cases)
				     : xasprintf(_("%s, %s: %s"), m ? m->name : "?",
						 area_label((enum ak_area)a), rate);
		doc_bullet(d, line);
		free(line);
		doc_sources_add(src, &o->source);
		any = true;
	}
	if (any)
		doc_end_list(d);
	else
		doc_para(d, _("The map has no figure for the municipality in these areas."));
}

bool halfyear_write(FILE *out, const struct ak_dataset *ds, int code, int area, int year,
		    enum report_format fmt)
{
	struct tview t = {0};
	quartertable_build(ds, code, area, year, 2, &t);
	if (fmt == FORMAT_CSV) { /* data: one column per quantity, as the views' CSV */
		bool ok = tview_write(&t, out, fmt);
		tview_free(&t);
		return ok;
	}
	struct doc d;
	doc_begin(&d, out, fmt);
	const struct ak_municipality *m = dataset_muni(ds, code);
	char *title = xasprintf(_("Half-year report: reversal rates for %s, first half of %d"),
				m ? m->name : "?", year);
	doc_heading(&d, 1, title);
	free(title);
	doc_para(&d, _("Preliminary; the June map is the reference. Ankestyrelsen's quarterly "
		       "counts as imported, for the committee between the yearly maps: the first "
		       "half of the year against the same half a year before, and the last four "
		       "quarters."));
	if (!t.nrows)
		doc_para(&d, _("No quarterly figures are loaded for this municipality: import a "
			       "quarterly table from Statistikbanken or the Talportal "
			       "(docs/IMPORT.md)."));
	else {
		tview_doc_table(&t, &d, false);
		doc_para(&d, t.note);
	}
	reference(&d, ds, code, area, year, &t.sources);
	doc_write_sources(&d, &t.sources);
	tview_free(&t);
	return doc_end(&d);
}
