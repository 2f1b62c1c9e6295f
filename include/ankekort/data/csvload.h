/* csvload.h - load a datasets/ directory (or single files) into a dataset.
 *
 * Columns are found by header name in any order; unknown columns are
 * warnings, missing required ones errors. Every problem is added to the diag
 * list as file:line:column. Rows with errors are left out of the dataset and
 * counted in *skipped, so a caller can refuse to go on (or, when lenient, say
 * how many were skipped). The dataset is usable whatever happened. */
#ifndef ANKEKORT_CSVLOAD_H
#define ANKEKORT_CSVLOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/data/csvtable.h"
#include "ankekort/data/dataset.h"
#include "ankekort/base/diag.h"

/* Loads dir/municipalities.csv, every dir/YYYY.csv and dir/remanded.csv,
 * maps.csv and comments.csv, as the shipped layer, and chooses the default
 * rows. Returns false when the directory itself could not be read. */
bool csvload_dir(struct ak_dataset *ds, const char *dir, struct diag_list *diags,
		 struct load_result *res);
/* The figures of a directory without its municipalities: every YYYY.csv,
 * remanded.csv, maps.csv and comments.csv, the rows marked as of the layer.
 * Defaults are not chosen. False when the directory could not be read. */
bool csvload_figures(struct ak_dataset *ds, const char *dir, enum ak_layer layer,
		     struct diag_list *diags, struct load_result *res);

/* Single-file loaders, used by csvload_dir and the tests. `display` names
 * the file in messages. Year files take the year from their name. */
void csvload_municipalities(struct ak_dataset *ds, const char *path, const char *display,
			    struct diag_list *diags, struct load_result *res);
/* comments.csv: year, code, area (empty: every area), comment, source,
 * source_date, source_url - a municipality's own published comments. */
void csvload_comments(struct ak_dataset *ds, const char *path, const char *display,
		      struct diag_list *diags, struct load_result *res);
void csvload_year(struct ak_dataset *ds, int year, const char *path, const char *display,
		  struct diag_list *diags, struct load_result *res);
/* remanded.csv and maps.csv. */
void csvload_records(struct ak_dataset *ds, const char *path, const char *display,
		     struct diag_list *diags, struct load_result *res);
void csvload_maps(struct ak_dataset *ds, const char *path, const char *display,
		  struct diag_list *diags, struct load_result *res);

/* cycle_rules.csv: rule, provision, valid_from, valid_to, deadline,
 * source, source_url, note - what retssikkerhedsloven § 79 b asks, from
 * when to when (read from the shipped datasets only). events.csv: code (0
 * national), date, kind, text, source, source_url. docs/DATA.md. */
void csvload_rules(struct ak_dataset *ds, const char *path, const char *display,
		   struct diag_list *diags, struct load_result *res);
void csvload_events(struct ak_dataset *ds, const char *path, const char *display,
		    struct diag_list *diags, struct load_result *res);
void csvload_rules_mem(struct ak_dataset *ds, const char *path, const char *buf, size_t len,
		       const char *display, struct diag_list *diags, struct load_result *res);
void csvload_events_mem(struct ak_dataset *ds, const char *path, const char *buf, size_t len,
			const char *display, struct diag_list *diags, struct load_result *res);
/* The same, reading buf (len bytes) when path is NULL: for tests and fuzzing. */
void csvload_municipalities_mem(struct ak_dataset *ds, const char *path, const char *buf,
				size_t len, const char *display, struct diag_list *diags,
				struct load_result *res);
void csvload_year_mem(struct ak_dataset *ds, int year, const char *path, const char *buf,
		      size_t len, const char *display, struct diag_list *diags,
		      struct load_result *res);
void csvload_records_mem(struct ak_dataset *ds, const char *path, const char *buf, size_t len,
			 const char *display, struct diag_list *diags, struct load_result *res);

#endif
