/* sheet.c - what the fact sheet's sections share (sheet.h). */
#include "ankekort/output/sheet.h"

#include <string.h>

#include "ankekort/base/xalloc.h"

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
