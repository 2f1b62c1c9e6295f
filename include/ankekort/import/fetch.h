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
#include "ankekort/import/import.h"

#define FETCH_DEFAULT_API "https://api.statbank.dk/v1"

struct fetch_options {
	const char *api_url; /* NULL: FETCH_DEFAULT_API */
	const char *table;   /* NULL: the first usable of ANKEAST1-4 */
	int year_from, year_to; /* 0: every year the table has */
	int timeout;		/* seconds a request may take; 0: 120 */
	int max_mib;		/* largest download; 0: 512 */
	const char *into;	/* the datasets directory to add to */
	bool dry_run;
	const struct area_rules *rules;
	const struct ak_dataset *known; /* the municipalities, for matching */
};

/* Downloads, imports and merges; reports on out (what was added) and err
 * (progress, failures). Returns the exit status: 0, or 1 when anything
 * failed (then nothing was written). */
int fetch_run(const struct fetch_options *o, FILE *out, FILE *err);

#endif
