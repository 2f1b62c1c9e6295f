/* config.h - optional defaults in $XDG_CONFIG_HOME/ankekort/config
 * (~/.config/ankekort/config): one "key = value" a line, '#' starts a
 * comment. Keys: data, kommune, peers, color, lang, mouse, statbank. The
 * command line wins. */
#ifndef ANKEKORT_CONFIG_H
#define ANKEKORT_CONFIG_H

#include <stdbool.h>
#include <stdio.h>

#include "ankekort/base/diag.h"

struct ak_config {
	char *data;	/* owned, or NULL */
	char *kommune;	/* owned: the user's own municipality, or NULL */
	char *peers;	/* owned, or NULL */
	char *lang;	/* owned: "da" or "en", or NULL */
	char *statbank; /* owned: fetch's API (--api-url), or NULL */
	int color;	/* -1 unset, 0 off, 1 on */
	int mouse;	/* -1 unset, 0 off, 1 on */
};

/* The file's path (caller frees), or NULL without HOME and XDG_CONFIG_HOME. */
char *config_path(void);
/* Reads path into c. A missing file is no error; a bad line is an error in
 * diags with its line and column. Returns false on errors. */
bool config_load(const char *path, struct ak_config *c, struct diag_list *diags);
/* The same from an open stream (path names it in messages); settings
 * already in c are replaced. */
bool config_read(FILE *f, const char *path, struct ak_config *c, struct diag_list *diags);
void config_free(struct ak_config *c);

#endif
