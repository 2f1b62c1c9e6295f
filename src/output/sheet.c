/* sheet.c - what the fact sheet's sections share (sheet.h). */
#include "ankekort/output/sheet.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/output/doc.h"

void sheet_used(struct sheet *s, const struct ak_obs *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < s->n_sources; i++)
		if (strcmp(s->sources[i]->source.text, o->source.text) == 0)
			return;
	s->sources = xreallocarray(s->sources, s->n_sources + 1, sizeof *s->sources);
	s->sources[s->n_sources++] = o;
}

bool sheet_area_on(const struct sheet *s, enum ak_area a)
{
	return s->area < 0 || s->area == (int)a;
}

void sheet_caption_notes(struct sheet *s, const struct ak_obs **rows, char **labels, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *note = rows[i]->note;
		bool seen = !note[0] ||
			    strncmp(note, AK_NOTE_IMPORTED, strlen(AK_NOTE_IMPORTED)) == 0 ||
			    (s->peer_caption && rows[i]->year == s->year &&
			     strcmp(note, s->peer_caption) == 0);
		for (size_t k = 0; k < i && !seen; k++)
			seen = strcmp(rows[k]->note, note) == 0;
		if (seen)
			continue;
		struct sbuf who = {0};
		size_t sharing = 0;
		for (size_t k = i; k < n; k++)
			if (strcmp(rows[k]->note, note) == 0) {
				sbuf_printf(&who, "%s%s", sharing ? ", " : "", labels[k]);
				sharing++;
			}
		/* a note of every row is the table's caption, as the papers
		 * print "Data er fra danmarkskortet for 2024, jf. ..." */
		char *line = sharing == n ? xstrdup(note)
					  : xasprintf(_("Note (%s): %s"), sbuf_str(&who), note);
		doc_para(&s->doc, line);
		free(line);
		sbuf_free(&who);
	}
}
