/* fsyears.h - the fact sheet's committee tables, one per year from the
 * newest down, each with its caption (counts, notes, sources), and the
 * facts of the newest year under its table (fsyears.c). */
#ifndef ANKEKORT_FSYEARS_H
#define ANKEKORT_FSYEARS_H

#include "ankekort/output/sheet.h"

void fsyears_write(struct sheet *s);

#endif
