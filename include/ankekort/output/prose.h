/* prose.h - the paragraph a sagsfremstilling opens with, one per area
 * with a figure, for faktaark --prose (prose.c). */
#ifndef ANKEKORT_PROSE_H
#define ANKEKORT_PROSE_H

#include "ankekort/output/sheet.h"

/* The paragraphs of s's newest year: level and change, the distance to
 * the national rate, the cases, the split with counts, the caveats. */
void prose_write(struct sheet *s);

#endif
