/* fetch.h - `ankekort fetch`: Statistikbanken's ANKEAST tables through the
 * open API (libcurl for HTTP, jansson for JSON), imported with the same
 * rules, merge and report as `import`.
 *
 * Built only when meson finds both libraries (option fetch=auto); without
 * them fetch_run() says so and fails. */
#ifndef ANKEKORT_FETCH_H
#define ANKEKORT_FETCH_H

#include <stdbool.h>
#include <stdio.h>

#include "ankekort/data/dataset.h"
#include "ankekort/import/fetchplan.h"

/* Downloads, imports and merges; reports on out (what was added) and err
 * (progress, failures). Returns the exit status: 0, or 1 when anything
 * failed (then nothing was written). */
int fetch_run(const struct fetch_options *o, FILE *out, FILE *err);

#endif
