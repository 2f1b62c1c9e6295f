/* importcmd.h - `ankekort import` and `ankekort fetch` (see importcmd.c). */
#ifndef ANKEKORT_IMPORTCMD_H
#define ANKEKORT_IMPORTCMD_H

#include "ankekort/cli.h"

/* Each loads what it needs itself (the municipalities and area rules of the
 * shipped datasets, the target directory) and returns the exit status: 0,
 * or 1 when anything failed. */
int importcmd_import(const struct cli_options *o);
int importcmd_fetch(const struct cli_options *o);

#endif
