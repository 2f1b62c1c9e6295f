/* fsdismissed.c - the fact sheet's appeals not decided on the merits:
 * dismissed or referred, counted beside the rate. */
#include "ankekort/output/fsdismissed.h"

#include <stdlib.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/stats.h"
#include "ankekort/output/doc.h"
#include "ankekort/output/figtext.h"

void fsdismissed_write(struct sheet *s)
{
	bool any = false;
	for (int a = 0; a < AREA_COUNT; a++) {
		const struct ak_obs *o = dataset_find(s->ds, s->year, s->code, (enum ak_area)a);
		if (!sheet_area_on(s, (enum ak_area)a) || !o)
			continue;
		struct ak_figures f;
		stats_figures_in(s->ds, o, &f);
		char *said = figtext_dismissed(o, &f);
		if (!said)
			continue;
		if (!any) {
			char *title =
				xasprintf(_("Appeals not decided on the merits, %d"), s->year);
			doc_heading(&s->doc, 2, title);
			free(title);
			any = true;
		}
		sheet_used(s, o->dismissed.present ? o : f.counts_from);
		char *line = xasprintf(_("%s: %s"), area_label((enum ak_area)a), said);
		doc_bullet(&s->doc, line);
		free(line);
		free(said);
	}
	if (any)
		doc_end_list(&s->doc);
}
