/* importcmd.c - the commands that write a datasets directory: `import`
 * (downloaded files, or a comments file) and `fetch` (Statistikbanken's
 * API). Both hold the directory's lock from reading it to the last file
 * written. */
#include "ankekort/importcmd.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ankekort/import/commentmerge.h"
#include "ankekort/data/csvload.h"
#include "ankekort/import/dataload.h"
#include "ankekort/base/diag.h"
#include "ankekort/import/fetch.h"
#include "ankekort/base/fileio.h"
#include "ankekort/base/i18n.h"
#include "ankekort/import/import.h"
#include "ankekort/import/merge.h"

/* A comments file: its rows go to dir/comments.csv. */
static bool import_comments(const struct cli_options *o, const char *path, const char *dir,
			    const struct ak_dataset *existing, struct merge_stats *total)
{
	struct diag_list d = {0};
	size_t added = 0, identical = 0;
	char *err = NULL;
	bool ok = commentmerge_import(path, dir, existing, o->dry_run, stdout, &d, &added,
				      &identical, &err);
	diag_sayf(stdout, _("%s: comments: %zu added, %zu already there\n"), path, added,
		  identical);
	diag_list_print(&d, stdout);
	if (err) {
		fflush(stdout);
		diag_say(stderr, err);
		free(err);
	}
	diag_list_free(&d);
	total->identical += identical;
	return ok;
}

/* Imports one file into dir; returns false when it failed. */
static bool import_one(const struct cli_options *o, const char *path, const char *dir,
		       const struct ak_dataset *existing, const struct area_rules *rules,
		       struct merge_stats *total)
{
	struct import_options io = {.format = (enum import_format)o->import_format,
				    .source = o->source,
				    .year = o->year,
				    .area = o->area,
				    .rules = rules,
				    .columns = o->columns};
	if (commentmerge_is_comments(path))
		return import_comments(o, path, dir, existing, total);
	struct import_result r;
	bool ok = import_file(path, existing, &io, &r);
	diag_sayf(stdout, _("%s: %s, %s: %zu rows read, %zu used, %zu figures\n"), path,
		  import_format_name(r.format), r.encoding ? r.encoding : "?", r.rows_read,
		  r.rows_used, r.n_obs);
	diag_list_print(&r.report, stdout);
	if (ok) {
		struct merge_stats st;
		char *err = NULL;
		ok = merge_into(dir, existing, r.obs, r.n_obs, o->dry_run, stdout, &st, &err);
		if (!ok) {
			fflush(stdout);
			diag_say(stderr, err);
			free(err);
		}
		/* merge counts a file's rows as added only once it is written */
		total->added += st.added;
		total->identical += st.identical;
		total->conflicts += st.conflicts;
	}
	/* rows that could not be read (a NUL byte, a syntax error) are an
	 * error of the import, even when the rest was added */
	if (r.report.errors)
		ok = false;
	import_result_free(&r);
	return ok;
}

/* The directory an import or fetch adds to, as loaded: --into DIR (a new
 * one gets the municipalities of the data in use) or the data in use. */
static const struct ak_dataset *load_target(const struct cli_options *o,
					    const struct ak_dataset *ds,
					    struct ak_dataset *existing, struct diag_list *d)
{
	struct load_result lr = {0};
	if (!o->into)
		return ds;
	csvload_dir(existing, o->into, d, &lr);
	if (existing->n_munis == 0) {
		dataset_free(existing);
		diag_list_free(d);
		*d = (struct diag_list){0};
		*existing = (struct ak_dataset){0};
		if (ds->dir)
			csvload_dir(existing, ds->dir, d, &lr);
	}
	return existing;
}

int importcmd_import(const struct cli_options *o, const struct ak_dataset *ds)
{
	const char *dir = o->into ? o->into : ds->dir;
	if (o->into && !o->dry_run && mkdir(dir, 0777) != 0 && errno != EEXIST) {
		diag_sayf(stderr, _("ankekort: cannot create %s: %s\n"), dir, strerror(errno));
		return 1;
	}
	int lock = o->dry_run ? -1 : fileio_lock_dir(dir, stderr);
	struct ak_dataset existing = {0};
	struct diag_list d = {0};
	const struct ak_dataset *base = load_target(o, ds, &existing, &d);
	struct area_rules rules;
	dataload_rules(&rules, ds->dir, &d);
	struct merge_stats total = {0};
	int status = 0;
	for (size_t i = 0; i < o->n_files; i++)
		if (!import_one(o, o->files[i], dir, base, &rules, &total))
			status = 1;
	merge_say_totals(stdout, &total, o->dry_run);
	area_rules_free(&rules);
	dataset_free(&existing);
	diag_list_free(&d);
	if (lock >= 0)
		close(lock);
	return status;
}

int importcmd_fetch(const struct cli_options *o, const struct ak_dataset *ds)
{
	struct ak_dataset existing = {0};
	struct diag_list d = {0};
	const struct ak_dataset *base = load_target(o, ds, &existing, &d);
	struct area_rules rules;
	dataload_rules(&rules, ds->dir, &d);
	struct fetch_options fo = {.api_url = o->api_url,
				   .table = o->table,
				   .year_from = o->year_from,
				   .year_to = o->year_to,
				   .timeout = o->timeout,
				   .max_mib = o->max_mib,
				   .into = o->into ? o->into : ds->dir,
				   .dry_run = o->dry_run,
				   .rules = &rules,
				   .known = base};
	int lock = o->dry_run
			   ? -1
			   : fileio_lock_dir(fo.into,
					     stderr); /* a new directory: made and written later */
	int status = fetch_run(&fo, stdout, stderr);
	if (lock >= 0)
		close(lock);
	area_rules_free(&rules);
	dataset_free(&existing);
	diag_list_free(&d);
	return status;
}
