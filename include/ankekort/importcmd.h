/* importcmd.h - `ankekort import` and `ankekort fetch` (see importcmd.c). */
#ifndef ANKEKORT_IMPORTCMD_H
#define ANKEKORT_IMPORTCMD_H

#include "ankekort/cli.h"
#include "ankekort/data/dataset.h"

/* Each returns the exit status: 0, or 1 when anything failed. */
int importcmd_import(const struct cli_options *o, const struct ak_dataset *ds);
int importcmd_fetch(const struct cli_options *o, const struct ak_dataset *ds);

#endif
