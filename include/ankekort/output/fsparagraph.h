/* fsparagraph.h - the fact sheet's sections below law level, for the
 * newest year: the paragraph table (the largest excess over the national
 * rate first, the rest summed, the total) and, when units.csv maps the
 * municipality's paragraphs to its own units, the unit table as Norddjurs'
 * paper lays it out ("Omgjorte sager fordelt på forvaltningsområde og
 * paragraf": unit, reversed cases, the §§ with their counts). Nothing when
 * no paragraph row is loaded. */
#ifndef ANKEKORT_FSPARAGRAPH_H
#define ANKEKORT_FSPARAGRAPH_H

#include "ankekort/output/sheet.h"

/* Paragraph rows shown one by one before the rest is summed. */
#define FSPARAGRAPH_TOP 8

void fsparagraph_write(struct sheet *s);

#endif
