/* userfile.h - the files a user keeps beside the data directory (the
 * register of remanded cases, the § 79 b cycle record): found under
 * $XDG_DATA_HOME/ankekort, written by one writer at a time under a lock on
 * the directory they really live in, written completely or not at all, with
 * a first line naming the format and the highest entry number ever given,
 * so a number is never given twice. */
#ifndef ANKEKORT_USERFILE_H
#define ANKEKORT_USERFILE_H

#include <stdbool.h>
#include <stddef.h>

/* $XDG_DATA_HOME/ankekort/NAME (else ~/.local/share/ankekort/NAME); caller
 * frees; NULL without HOME. */
char *userfile_default_path(const char *name);

/* Locks the file's directory for one writer at a time (waits), creating it
 * first when it does not exist: the directory the file really lives in
 * (links followed), so two writers reaching it by other paths wait for each
 * other. Take it before reading what is written. Returns the descriptor to
 * close, or -1 with *err (caller frees). */
int userfile_lock(const char *path, char **err);

/* Writes text (len bytes) to path completely or not at all, creating its
 * directory; a file reached through a link is written where it really is.
 * False with *err (caller frees). */
bool userfile_write(const char *path, const char *text, size_t len, char **err);

/* The format line "MAGIC last_id=N" at the start of text (len bytes, a NUL
 * after them): *last = N (at most max_id). With old_magic, the line
 * "OLD_MAGIC" alone is read too (*last = 0). Returns the line's length
 * (without its line end), or 0 when the text starts with neither. */
size_t userfile_format_line(const char *text, size_t len, const char *magic, const char *old_magic,
			    int max_id, int *last);

/* Numbers for entries: *next is one above every number ever given. A new
 * entry (*id <= 0) gets *next; false when that would pass max_id. An entry
 * read or added with its own number moves *next past it. */
bool userfile_number(int *next, int max_id, int *id);

#endif
