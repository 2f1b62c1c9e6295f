/* fetchplan.h - what to ask Statistikbanken's API for: a table's
 * variables read from its tableinfo (JSON), their roles told from their
 * values with the same rules as a file's columns, and the data request
 * (JSON) built. No HTTP here: fetch.c asks, this decides, so what is
 * decided from an answer can be tested and fuzzed without a network. */
#ifndef ANKEKORT_FETCHPLAN_H
#define ANKEKORT_FETCHPLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/import/colroles.h"
#include "ankekort/data/dataset.h"
#include "ankekort/import/import.h"

#define FETCH_DEFAULT_API "https://api.statbank.dk/v1"

struct fetch_options {
	const char *api_url;	/* NULL: FETCH_DEFAULT_API */
	const char *table;	/* NULL: the first usable of ANKEAST1-4 */
	int year_from, year_to; /* 0: every year the table has */
	int timeout;		/* seconds the whole fetch may take; 0: 120 */
	int max_mib;		/* largest download; 0: 512 */
	const char *into;	/* the datasets directory to add to */
	bool dry_run;
	bool verbose; /* every warning of the answer, none said once for many */
	const struct area_rules *rules;
	const struct ak_dataset *known; /* the municipalities, for matching */
	/* Called once the answer is downloaded and read, before anything is
	 * written: takes the target's lock (making it when it does not exist)
	 * and reads it under the lock into *target; false (with *err set,
	 * caller frees) when that failed. unlock releases it. The download
	 * itself holds no lock. */
	bool (*lock)(void *ctx, const struct ak_dataset **target, char **err);
	void (*unlock)(void *ctx);
	void *ctx;
	double deadline; /* CLOCK_MONOTONIC seconds when the whole fetch must end; set by fetch_run */
};

struct fetch_variable {
	char *id, *text;
	bool time, elimination;
	char **ids, **texts;
	size_t n;
};

struct fetch_table {
	char *id;
	struct fetch_variable *vars;
	size_t n;
	int plan[COL_CONTENT_ROLES]; /* role -> variable, or -1 */
};

/* Reads tableinfo JSON (len bytes); the table's id is name when the JSON
 * has none. False with *err (caller frees) naming url when it is not JSON
 * or has no variables with ids and values. t is freed by the caller either
 * way. */
bool fetch_table_parse(const char *json, size_t len, const char *url, const char *name,
		       struct fetch_table *t, char **err);
/* Tells which variable is the municipality, law, decision and period. */
bool fetch_table_roles(const struct fetch_options *o, struct fetch_table *t, char **why);
/* A part of a request: the periods [period_from, period_to) and the law
 * values [law_from, law_to) of those asked for. */
struct fetch_part {
	size_t period_from, period_to, law_from, law_to;
};
/* Splits a request for counts[i] values of n_vars variables into parts of
 * at most limit cells (rows x (variables + the value column)): whole
 * periods together where they fit, else one period at a time with its law
 * values split. Fills at most max_parts parts (parts may be NULL with
 * max_parts 0) and returns how many there are. period_var, law_var: -1
 * when the request has none. Pure. */
size_t fetch_split(const size_t *counts, size_t n_vars, int period_var, int law_var, size_t limit,
		   struct fetch_part *parts, size_t max_parts);
/* The POST bodies (caller frees with fetch_requests_free), split so that
 * no answer is over cell_limit cells; NULL with *err set when no period
 * is in the years asked for. Variables ankekort does not use are named on
 * errout. */
char **fetch_data_requests(const struct fetch_options *o, const struct fetch_table *t,
			   size_t cell_limit, FILE *errout, size_t *n_parts, char **err);
void fetch_requests_free(char **reqs, size_t n);
void fetch_table_free(struct fetch_table *t);

#endif
