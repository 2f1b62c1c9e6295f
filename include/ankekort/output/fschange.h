/* fschange.h - the fact sheet's section on what the changes in reversed
 * cases are made of (fschange.c). */
#ifndef ANKEKORT_FSCHANGE_H
#define ANKEKORT_FSCHANGE_H

#include "ankekort/output/sheet.h"

/* For every area shown and every year of the sheet, the change in reversed
 * cases against the last earlier figure, split into the part from the cases
 * decided and the part from the share reversed (figtext_change); nothing
 * (no heading either) when no year has counts on both sides. */
void fschange_write(struct sheet *s);

#endif
