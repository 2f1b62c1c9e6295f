/* fileio.h - opening files to read, safely: only regular files. A FIFO
 * would block forever, /dev/zero or /dev/urandom would never end, and a
 * directory is not a file; all are refused with a sentence. */
#ifndef ANKEKORT_FILEIO_H
#define ANKEKORT_FILEIO_H

#include <stdio.h>

/* The most ankekort reads of one file: a data or import file (the whole
 * of Statistikbanken's tables is a few hundred MiB), and a configuration
 * file. A larger file is refused before a byte is read. */
#define FILEIO_MAX_DATA ((long long)2 << 30)
#define FILEIO_MAX_CONFIG ((long long)1 << 20)
/* A file of the datasets' own format (YYYY.csv, remanded.csv, areas.csv
 * ...): one row per published figure, a few hundred KiB in practice; every
 * row is kept in memory (about 4.5 bytes for each byte of the file), so a
 * larger one is refused rather than run out of memory. */
#define FILEIO_MAX_TABLE ((long long)256 << 20)

/* Opens path for reading ("rb") when it is a regular file (after following
 * links) of at most max bytes; otherwise NULL, with errno set (ENODEV for a
 * file that is not regular, EFBIG for one too large) and *why (caller frees,
 * may be NULL) a sentence that says so. */
FILE *fileio_open_regular(const char *path, long long max, char **why);

/* Locks the directory for one writer at a time (flock; waits, saying so on
 * say when it is not NULL and another holds it). Returns the descriptor to
 * close, or -1 when the directory cannot be opened. */
int fileio_lock_dir(const char *dir, FILE *say);
/* Reads the rest of f and closes it: a NUL-terminated buffer (caller
 * frees) and its length (the text may hold NUL bytes). */
char *fileio_read_all(FILE *f, size_t *len);

#endif
