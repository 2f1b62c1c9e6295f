/* datadir.h - where the shipped datasets are: beside the executable in a
 * build tree (build/ankekort -> datasets/), or under the install prefix. */
#ifndef ANKEKORT_DATADIR_H
#define ANKEKORT_DATADIR_H

/* Returns an allocated path (caller frees), or NULL when none was found. */
char *datadir_default(void);

#endif
