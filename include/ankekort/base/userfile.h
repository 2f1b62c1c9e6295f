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

#include "ankekort/base/csvread.h"
#include "ankekort/base/diag.h"
#include "ankekort/base/hashtab.h"

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

/* ---- reading a file of numbered entries ------------------------------------ */

#define USERFILE_MAX_COLS 16

/* A file of numbered entries being read: the caller sets the members
 * above the line; userfile_parse() fills the rest. */
struct userfile_table {
	const char *path;	 /* for messages */
	const char *const *cols; /* every column, each required in the header */
	int ncols;
	struct diag_list *diags;
	/* Reads one entry row into the caller's entry (ctx); called for every
	 * row after the header but blank ones. The row's lines are the file's. */
	void (*entry)(struct userfile_table *t, const struct csv_row *row, void *ctx);
	void *ctx;
	/* ---- */
	int map[USERFILE_MAX_COLS]; /* column -> field, from the header */
	struct hashtab seen;	    /* the ids read */
};

/* The text of path (caller frees; a NUL after its *len bytes), or NULL:
 * *missing when there is no such file, else an error in diags. */
char *userfile_read(const char *path, size_t *len, bool *missing, struct diag_list *diags);
/* Reads text: the format line "MAGIC last_id=N" (or OLD_MAGIC alone, when
 * not NULL), then a CSV whose header names t->cols, then the entries
 * (t->entry). *format_ok is false when the first line is neither (the
 * caller says what the file should be); *last is N. Every problem is in
 * t->diags with the file's line and column. */
void userfile_parse(struct userfile_table *t, const char *text, size_t len, const char *magic,
		    const char *old_magic, int max_id, bool *format_ok, int *last);
/* Column col of the row, "" when the row is short. */
const char *userfile_cell(const struct userfile_table *t, const struct csv_row *row, int col);
/* "col: expected WHAT, found "..."" at the cell (what is translated);
 * returns false. */
bool userfile_bad(struct userfile_table *t, const struct csv_row *row, int col, const char *what);
/* A whole number from lo to hi, or false. */
bool userfile_whole(const char *s, long lo, long hi, int *out);
/* True the first time the file names id; an error at the row after. */
bool userfile_new_id(struct userfile_table *t, const struct csv_row *row, int id);

#endif
