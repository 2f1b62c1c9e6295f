/* fsdismissed.h - the fact sheet's appeals dismissed or referred
 * (fsdismissed.c). */
#ifndef ANKEKORT_FSDISMISSED_H
#define ANKEKORT_FSDISMISSED_H

#include "ankekort/output/sheet.h"

/* For every area shown, the newest year's appeals dismissed or referred,
 * beside the rate and never in it (figtext_dismissed); nothing (no heading
 * either) when no figure gives the count. */
void fsdismissed_write(struct sheet *s);

#endif
