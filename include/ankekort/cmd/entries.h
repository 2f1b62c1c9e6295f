/* entries.h - what the commands that keep a user's record of numbered
 * entries (register.c, cycle.c) share: the municipalities loaded, the
 * record's lock and load, --kommune, and the list printed. */
#ifndef ANKEKORT_CMD_ENTRIES_H
#define ANKEKORT_CMD_ENTRIES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/base/diag.h"
#include "ankekort/cmd/cli.h"
#include "ankekort/data/dataset.h"

/* Runs body with the municipalities loaded (all these commands need of
 * the data); its status, or the load's. */
int entries_run(const struct cli_options *o,
		int (*body)(const struct cli_options *o, const struct ak_dataset *ds, FILE *out,
			    FILE *err));

/* A record opened for one action. */
struct entries_file {
	char *path;
	bool writes;		/* the action writes: the lock is held */
	int lock;		/* -1: none */
	struct diag_list diags; /* what the load found */
};

/* Opens path (f owns it now, whatever the outcome) for an action: with
 * the lock when it writes, never read and written without it. 0, or the
 * exit status with the message said (f then needs no closing). */
int entries_open(struct entries_file *f, char *path, bool writes, FILE *err);
/* After the record's load into f->diags (ok: every line read cleanly):
 * says what it found; false when the record is damaged and the action
 * would write it, which it then refuses. */
bool entries_loaded(struct entries_file *f, bool ok, FILE *err);
void entries_close(struct entries_file *f);

/* --kommune's municipality into *code (left as it is without one); false
 * with the hint said when the name is not one. */
bool entries_kommune(const struct cli_options *o, const struct ak_dataset *ds, int *code,
		     FILE *err);
/* True when --kommune names a municipality other than code. */
bool entries_other_kommune(const struct cli_options *o, const struct ak_dataset *ds, int code);
/* The rows listed (cells: rows of ncols, freed here), as CSV or as a
 * table and "N entries in PATH". */
void entries_list(FILE *out, const char *const *head, size_t ncols, char **cells, size_t rows,
		  bool csv, const char *path);

#endif
