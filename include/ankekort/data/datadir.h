/* datadir.h - where the shipped datasets are (--data overrides): the
 * directory $ANKEKORT_DATASETS names; else prefix/share/ankekort/datasets
 * beside an installed executable (prefix/bin); else, for a build that is
 * not installed, the datasets/ of the source tree it was built from
 * (wherever the build directory is); else the configured datadir. */
#ifndef ANKEKORT_DATADIR_H
#define ANKEKORT_DATADIR_H

#include <stdbool.h>

/* Returns an allocated path (caller frees), or NULL when none was found. */
char *datadir_default(void);
/* The user's own data directory, where import, fetch and comments write
 * when no --data DIR (or config "data = DIR") names another:
 * $XDG_DATA_HOME/ankekort/data, else ~/.local/share/ankekort/data. It may
 * not exist yet (it is made on the first write). Allocated; NULL when
 * neither variable is set. */
char *datadir_user_default(void);
/* Whether two paths name the same existing directory or file. */
bool datadir_same(const char *a, const char *b);
/* Makes dir and its missing parents (mode 0777 less the umask). False
 * with errno set when one cannot be made. */
bool datadir_make(const char *dir);

#endif
