/* ui.h - the only terminal-facing public header: run the browser. */
#ifndef ANKEKORT_UI_H
#define ANKEKORT_UI_H

#include <stdbool.h>

#include "ankekort/data/dataset.h"

struct reg;
struct cycle;

struct ui_options {
	int code; /* municipality to open on, or -1 */
	int home; /* the user's own municipality (the peer table's own), or 0 */
	int area; /* -1: generelt */
	int year; /* 0: newest */
	bool no_color;
	bool no_mouse;
	struct reg *reg;     /* the register of remanded cases, for R, E and X; or NULL */
	struct cycle *cycle; /* the § 79 b cycle record, for A, C and D; or NULL */
	/* where the dataset points at the record shown, when it keeps none
	 * yet: set once the first step is saved; or NULL */
	const struct cycle **cycle_shown;
};

/* Takes over the terminal until the user quits; returns the exit status. */
int ui_run(const struct ak_dataset *ds, const struct ui_options *o);

#endif
