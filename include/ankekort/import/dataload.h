/* dataload.h - load the data a reading command shows: the shipped datasets
 * and the user's own data (a directory, or a single downloaded file read as
 * import would read it), without writing anything. */
#ifndef ANKEKORT_DATALOAD_H
#define ANKEKORT_DATALOAD_H

#include <stdbool.h>

#include "ankekort/data/csvload.h"
#include "ankekort/import/import.h"

/* What to load: the shipped datasets and the user's own data, each a layer
 * of its own (layers.h). */
struct dataload_spec {
	const char *shipped; /* the shipped datasets directory, or NULL when none was found */
	const char *user;    /* the user's data: a directory, or one downloaded file; or NULL */
	bool user_optional;  /* user is the default directory: it may not exist yet */
	bool no_shipped;     /* leave the shipped figures out (--no-shipped) */
	bool no_pars;	     /* leave the rows below law level out: paragraphs.csv is not
				read, nor a downloaded file's rows */
	/* the shipped area rules when the caller read them already (and said
	   their problems); NULL: read here, once */
	const struct area_rules *rules;
	bool rules_with_errors; /* ... they had errors: no area paragraphs */
};

/* Loads both layers: municipalities.csv from the shipped datasets (from the
 * user's directory only when it has one and the shipped figures are left
 * out), then the shipped figures, then the user's (a directory's YYYY.csv,
 * remanded.csv, maps.csv and comments.csv, or one file read as import
 * reads it), without the user's exact copies of shipped rows; then chooses
 * the default rows. A user path that is the shipped directory itself is
 * read as the shipped layer. False when a directory or file named could not
 * be read (see diags). */
bool dataload_layers(struct ak_dataset *ds, const struct dataload_spec *sp, struct diag_list *diags,
		     struct load_result *res);
/* The area rules of a datasets directory (its areas.csv, else built in). */
void dataload_rules(struct area_rules *rules, const char *dir, struct diag_list *diags);

#endif
