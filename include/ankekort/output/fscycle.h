/* fscycle.h - the fact sheet's section "Opfølgning på handleplan": the
 * § 79 b cycle of the sheet's maps as the user's record holds it, what is
 * still due, and the rules it follows (fscycle.c). */
#ifndef ANKEKORT_FSCYCLE_H
#define ANKEKORT_FSCYCLE_H

#include "ankekort/output/sheet.h"

/* Nothing when no cycle record is loaded or it names no step of the
 * municipality's; today is YYYY-MM-DD. */
void fscycle_write(struct sheet *s, const char *today);

#endif
