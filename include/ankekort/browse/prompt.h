/* prompt.h - the export prompt and the overwrite question (prompt.c). */
#ifndef ANKEKORT_PROMPT_H
#define ANKEKORT_PROMPT_H

#include "ankekort/browse/app.h"

/* e: opens the prompt with the proposed name. */
unsigned prompt_start_export(struct app *a);
/* A key at the export prompt; Enter asks the loop for APP_REQ_EXPORT. */
unsigned prompt_export_input(struct app *a, int key);
/* The answer to "overwrite?": y (j in Danish) asks for APP_REQ_EXPORT. */
unsigned app_confirm(struct app *a, int key);
/* Called by export_run when the file exists and overwriting was not asked. */
void app_ask_overwrite(struct app *a);
/* s folded to lower case ASCII letters and digits, anything else a dash,
 * added to b: a word of a proposed file name. */
struct sbuf;
void prompt_file_word(struct sbuf *b, const char *s);

#endif
