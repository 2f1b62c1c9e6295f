/* datadir.h - where the shipped datasets are (--data overrides): the
 * directory $ANKEKORT_DATASETS names; else prefix/share/ankekort/datasets
 * beside an installed executable (prefix/bin); else, for a build that is
 * not installed, the datasets/ of the source tree it was built from
 * (wherever the build directory is); else the configured datadir. */
#ifndef ANKEKORT_DATADIR_H
#define ANKEKORT_DATADIR_H

/* Returns an allocated path (caller frees), or NULL when none was found. */
char *datadir_default(void);

#endif
