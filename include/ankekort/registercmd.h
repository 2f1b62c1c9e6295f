/* registercmd.h - the `register` command (see register.h for the file). */
#ifndef ANKEKORT_REGISTERCMD_H
#define ANKEKORT_REGISTERCMD_H

#include <stdio.h>

#include "ankekort/cli.h"
#include "ankekort/data/dataset.h"

/* Runs o->reg_action; returns the exit status (0, 1 data or write error,
 * 2 usage). */
int registercmd_run(const struct cli_options *o, const struct ak_dataset *ds, FILE *out, FILE *err);

#endif
