/* fileio.h - opening files to read, safely: only regular files. A FIFO
 * would block forever, /dev/zero or /dev/urandom would never end, and a
 * directory is not a file; all are refused with a sentence. */
#ifndef ANKEKORT_FILEIO_H
#define ANKEKORT_FILEIO_H

#include <stdio.h>

/* Opens path for reading ("rb") when it is a regular file (after following
 * links); otherwise NULL, with errno set (ENODEV for a file that is not
 * regular) and *why (caller frees, may be NULL) a sentence that says so. */
FILE *fileio_open_regular(const char *path, char **why);

#endif
