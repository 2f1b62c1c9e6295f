/* lineedit.h - one line of text edited as in a shell: the search and the
 * export prompts. The text is UTF-8 in a fixed buffer the caller owns;
 * the cursor is a byte offset that always stands at a character's start.
 *
 * Keys: characters insert at the cursor; Backspace and Delete (Ctrl-D)
 * remove the character before or under it; Left/Right (Ctrl-B/F),
 * Home/End (Ctrl-A/E) move; Ctrl-U removes to the start, Ctrl-K to the
 * end, Ctrl-W the word before the cursor. */
#ifndef ANKEKORT_LINEEDIT_H
#define ANKEKORT_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

struct lineedit {
	char *buf;     /* NUL-terminated */
	size_t size;   /* of buf */
	size_t cursor; /* byte offset, 0..strlen(buf) */
};

enum lineedit_result { LINEEDIT_IGNORED, LINEEDIT_MOVED, LINEEDIT_CHANGED };

/* Sets the text (cut to the buffer) with the cursor at its end. */
void lineedit_set(struct lineedit *e, const char *text);
/* Applies an ankekort key (AK_KEY_* or a code point). */
enum lineedit_result lineedit_key(struct lineedit *e, int key);
/* A leading "~" or "~/" as $HOME (when set); false when it did not fit. */
bool lineedit_expand_home(struct lineedit *e);

#endif
