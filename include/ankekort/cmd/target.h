/* target.h - the directory import and fetch write to: the user's data,
 * never the shipped datasets. Both make it and take its lock before reading
 * it, and hold the lock to the last file written (docs/HACKING.md). */
#ifndef ANKEKORT_CMD_TARGET_H
#define ANKEKORT_CMD_TARGET_H

#include <stdbool.h>

#include "ankekort/base/diag.h"
#include "ankekort/cmd/cli.h"
#include "ankekort/data/dataset.h"
#include "ankekort/import/import.h"

/* The target's lock, held from before it is read to after the last write. */
struct target_lock {
	int fd;	      /* the lock (flock on the directory); -1 when none is held */
	bool created; /* the directory was made here: removed again when left empty */
};

/* Everything an import or fetch works on: the target, held under its
 * lock from before it is read to after the last write. */
struct target {
	const struct cli_options *o;
	char *shipped; /* the shipped datasets (municipalities, area rules), or NULL */
	char *dir;     /* the directory written to */
	struct target_lock lock;
	bool held;		    /* the lock is taken (or, for a dry run, would be) */
	struct ak_dataset existing; /* the target as it was when the lock was taken */
	struct diag_list diags;
	struct area_rules rules;
};

/* Finds the target and reads the shipped area rules (false, said, when
 * they have errors); nothing is made, locked or read of the target yet. */
bool target_find(const struct cli_options *o, struct target *t);
/* Takes the target's lock (making it first) and reads it under the lock. */
bool target_take(struct target *t);
void target_release(struct target *t);
void target_end(struct target *t);

#endif
