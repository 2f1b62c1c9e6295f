/* atomicfile.h - write a file so that it is either complete or untouched:
 * the text goes to a temporary file beside the target, which is renamed
 * over it only when everything was written and flushed to disk. */
#ifndef ANKEKORT_ATOMICFILE_H
#define ANKEKORT_ATOMICFILE_H

#include <stdbool.h>
#include <stdio.h>

struct atomicfile {
	FILE *f;    /* write here */
	char *path; /* owned */
	char *tmp;  /* owned */
};

/* Opens a temporary file for path (a link there is followed to the file
 * it names, as a data directory's files are). Removes what writers killed
 * before renaming left beside it. Refuses (returns false, *err set, caller
 * frees) when path exists and overwrite is false, or when the directory
 * cannot be written. */
bool atomic_open(struct atomicfile *a, const char *path, bool overwrite, char **err);
/* The same for an output the user names (-o FILE, the browser's export): a
 * link there is replaced by the file, atomically, never written through
 * into whatever it names (a dangling link is a name that exists). */
bool atomic_open_output(struct atomicfile *a, const char *path, bool overwrite, char **err);
/* Flushes, syncs and renames into place; on any failure removes the
 * temporary file, leaves the old file untouched and sets *err. */
bool atomic_commit(struct atomicfile *a, char **err);

#endif
