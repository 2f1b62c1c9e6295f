/* parcheck.h - what `check` says about the rows below law level: a row
 * whose counts do not add up, a municipality's paragraphs that add up to
 * more than its area figure (parts exceeding their whole), and a label
 * naming no § (the area rules place it by its law alone: generelt only). */
#ifndef ANKEKORT_PARCHECK_H
#define ANKEKORT_PARCHECK_H

#include "ankekort/base/diag.h"
#include "ankekort/data/dataset.h"

/* One warning per finding into out, with the row's file and line. */
void parcheck(const struct ak_dataset *ds, struct diag_list *out);

#endif
