/* fschange.c - the fact sheet's "what the change is made of": the change in
 * reversed cases split into more or fewer cases and a higher or lower share
 * reversed, in sentences, for the sheet's years. */
#include "ankekort/output/fschange.h"

#include <stdlib.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/changesplit.h"
#include "ankekort/output/doc.h"
#include "ankekort/output/figtext.h"

void fschange_write(struct sheet *s)
{
	bool any = false;
	for (int a = 0; a < AREA_COUNT; a++) {
		if (!sheet_area_on(s, (enum ak_area)a))
			continue;
		for (size_t i = 0; i < s->ds->n_years; i++) {
			int y = s->ds->years[i];
			struct ak_change_split c;
			if (y < s->year_from || y > s->year ||
			    !changesplit_find(s->ds, y, s->code, (enum ak_area)a, &c))
				continue;
			if (!any) {
				doc_heading(&s->doc, 2, _("What the changes are made of"));
				doc_para(&s->doc,
					 _("The change in reversed cases split in two: the part "
					   "from more or fewer cases decided on the merits (at the "
					   "earlier year's rate) and the part from a higher or "
					   "lower share reversed. Only where both years publish "
					   "counts; the parts are rounded to whole cases that add "
					   "up to the change."));
				any = true;
			}
			sheet_used(s, dataset_find(s->ds, y, s->code, (enum ak_area)a));
			sheet_used(s, dataset_find(s->ds, c.from_year, s->code, (enum ak_area)a));
			char *said = figtext_change(&c);
			char *line =
				xasprintf(_("%s, %d: %s"), area_label((enum ak_area)a), y, said);
			doc_bullet(&s->doc, line);
			free(line);
			free(said);
		}
	}
	if (any)
		doc_end_list(&s->doc);
}
