/* load.h - what the commands that read the figures share: loading the
 * shipped datasets and the user's data, the register beside them, and
 * the messages for a name or year the data does not have. */
#ifndef ANKEKORT_CMD_LOAD_H
#define ANKEKORT_CMD_LOAD_H

#include "ankekort/cmd/cli.h"
#include "ankekort/base/diag.h"
#include "ankekort/data/dataset.h"
#include "ankekort/data/register.h"

enum load_what {
	LOAD_FIGURES,	     /* every figure, load problems said, errors refused */
	LOAD_FOR_CHECK,	     /* every figure and the area rules, problems kept in diags */
	LOAD_MUNICIPALITIES, /* the municipalities only */
};

/* Loads the shipped datasets and the user's data (dataload.h); returns 0
 * to go on, or the exit status. The user's directory may be missing when
 * it was not named on the command line. */
int load_data(const struct cli_options *o, enum load_what what, struct ak_dataset *ds,
	      struct diag_list *diags);
/* Every --kommune resolved into codes (one each); 0, or 2 with the hints said. */
int load_resolve_all(const struct cli_options *o, const struct ak_dataset *ds, int *codes);
/* The configuration's kommune (the user's own municipality) as a code in
 * *code, 0 when none is set; 0, or 2 with what is wrong said. */
int load_home(const struct cli_options *o, const struct ak_dataset *ds, int *code);
/* "no figures are loaded for 2019; the years loaded are ..."; returns 2. */
int load_no_such_year(const struct ak_dataset *ds, int year);
/* The register of remanded cases, for the panes, print and the fact sheet:
 * its problems are shown, its good entries used (register.h). The browser
 * keeps one to add to (keep); the others only show one that exists. */
void load_register(const struct cli_options *o, bool keep, struct ak_dataset *ds, struct reg *r);
/* The § 79 b cycle record, for the status line, print and the fact sheet,
 * when one is kept (cycle.h): its problems shown, its good entries used. */
struct cycle;
void load_cycle(const struct cli_options *o, struct ak_dataset *ds, struct cycle *c);
/* What print, faktaark and the browser share: every figure loaded and
 * analysed, the register and the cycle record beside them (load_register,
 * load_cycle), then fn; returns
 * the exit status of the load or of fn. */
int load_figures_and_run(const struct cli_options *o, bool keep_register,
			 int (*fn)(const struct cli_options *o, const struct ak_dataset *ds,
				   struct reg *reg));
/* What the browser keeps beside the dataset to write to: the register, the
 * cycle record (an empty one where the default would be when none is kept;
 * NULL without HOME) and, when none was kept, where the dataset is to point
 * at it once its first step is saved (ds->cycle). */
struct load_kept {
	struct reg *reg;
	struct cycle *cycle;
	const struct cycle **cycle_shown;
};
/* The same for the browser: the register kept, the cycle record too. */
int load_figures_and_browse(const struct cli_options *o,
			    int (*fn)(const struct cli_options *o, const struct ak_dataset *ds,
				      struct load_kept *k));

#endif
