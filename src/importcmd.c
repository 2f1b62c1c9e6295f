/* importcmd.c - the commands that write the user's data directory:
 * `import` (downloaded files, or a comments file) and `fetch`
 * (Statistikbanken's API). Never the shipped datasets. Both make the
 * directory and take its lock before reading it, and hold the lock to the
 * last file written. */
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
#include "ankekort/base/xalloc.h"
#include "ankekort/data/datadir.h"

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

/* The directory an import or fetch adds to: --into DIR, else --data DIR
 * (or the config's "data = DIR"), else the user's data directory. Never
 * the shipped datasets. NULL (with a message) when there is none to use. */
static char *write_target(const struct cli_options *o, const char *shipped, FILE *err)
{
	const char *named = o->into ? o->into : o->data_dir;
	char *dir = named ? xstrdup(named) : datadir_user_default();
	struct stat st;
	if (!dir) {
		fputs(_("ankekort: no data directory: set HOME or XDG_DATA_HOME, or name one with "
			"--data DIR\n"),
		      err);
		return NULL;
	}
	if (shipped && datadir_same(dir, shipped)) {
		diag_sayf(
			err,
			_("ankekort: %s holds the shipped datasets, which are read-only reference "
			  "data; import and fetch write into your data directory (by default "
			  "$XDG_DATA_HOME/ankekort/data), or the one --data DIR names\n"),
			dir);
		free(dir);
		return NULL;
	}
	if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		diag_sayf(err,
			  _("ankekort: %s is a file; import and fetch write into a directory: name "
			    "one with --data DIR\n"),
			  dir);
		free(dir);
		return NULL;
	}
	return dir;
}

/* The target as it is now, with the municipalities of the shipped
 * datasets: what an import is compared with. Call under the lock. */
static void load_target(const char *dir, const char *shipped, struct ak_dataset *existing,
			struct diag_list *d)
{
	struct load_result lr = {0};
	struct dataload_spec sp = {
		.shipped = shipped, .user = dir, .user_optional = true, .no_shipped = true};
	dataload_layers(existing, &sp, d, &lr);
}

/* The target's lock, held from before it is read to after the last write. */
struct target_lock {
	int fd;	      /* the lock (flock on the directory); -1 when none is held */
	bool created; /* the directory was made here: removed again when left empty */
};

/* Makes the target and takes its lock (a dry run does neither). A
 * directory another ankekort removed while this one waited for its lock
 * is made again. False with a message when that failed. */
static bool open_target(const char *dir, bool dry_run, struct target_lock *l)
{
	*l = (struct target_lock){.fd = -1};
	if (dry_run)
		return true;
	for (int tries = 0; tries < 100; tries++) {
		struct stat before, held;
		bool existed = stat(dir, &before) == 0;
		if (!datadir_make(dir)) {
			diag_sayf(stderr, _("ankekort: cannot create %s: %s\n"), dir,
				  strerror(errno));
			return false;
		}
		l->created |= !existed;
		l->fd = fileio_lock_dir(dir, stderr);
		if (l->fd < 0) {
			diag_sayf(stderr, _("ankekort: cannot lock %s: %s\n"), dir,
				  strerror(errno));
			return false;
		}
		if (fstat(l->fd, &held) == 0 && stat(dir, &before) == 0 &&
		    held.st_ino == before.st_ino && held.st_dev == before.st_dev)
			return true;
		close(l->fd); /* locked a directory that is gone: again */
		l->fd = -1;
	}
	diag_sayf(stderr, _("ankekort: cannot lock %s: it keeps being removed\n"), dir);
	return false;
}

/* Releases the lock; a directory made here that is still empty (the
 * import or fetch failed before writing) is removed, so a failure leaves
 * nothing behind. */
static void close_target(const char *dir, struct target_lock *l)
{
	if (l->created)
		rmdir(dir); /* fails, as it should, when anything was written */
	if (l->fd >= 0)
		close(l->fd);
	l->fd = -1;
}

/* The area rules (the shipped areas.csv): read before anything else, as
 * every file is, with its problems named; a broken file is an error and
 * nothing is imported or fetched (its rules would put figures in the wrong
 * area). */
static bool load_rules(const char *shipped, struct area_rules *rules)
{
	struct diag_list d = {0};
	dataload_rules(rules, shipped, &d);
	diag_list_print(&d, stderr);
	bool ok = d.errors == 0;
	if (!ok) {
		diag_sayf(stderr,
			  _("ankekort: the area rules have errors; nothing is imported (fix the "
			    "lines named)\n"));
		area_rules_free(rules);
	}
	diag_list_free(&d);
	return ok;
}

/* Everything an import or fetch works on: the target, held under its
 * lock from before it is read to after the last write. */
struct target {
	const struct cli_options *o;
	char *shipped; /* the shipped datasets (municipalities, area rules), or NULL */
	char *dir;     /* the directory written to */
	struct target_lock lock;
	bool held;		    /* the lock is taken (or, for a dry run, would be) */
	struct ak_dataset existing; /* the target as it was when the lock was taken */
	struct diag_list diags;
	struct area_rules rules;
};

/* Finds the target and reads the shipped area rules (false when they
 * have errors); nothing is made, locked or read of the target yet. */
static bool target_find(const struct cli_options *o, struct target *t)
{
	memset(t, 0, sizeof *t);
	t->o = o;
	t->lock.fd = -1;
	t->shipped = datadir_default();
	t->dir = write_target(o, t->shipped, stderr);
	if (!t->dir) {
		free(t->shipped);
		return false;
	}
	if (!load_rules(t->shipped, &t->rules)) {
		free(t->dir);
		free(t->shipped);
		return false;
	}
	return true;
}

/* Takes the target's lock (making it first) and reads it under the lock. */
static bool target_take(struct target *t)
{
	if (!open_target(t->dir, t->o->dry_run, &t->lock))
		return false;
	t->held = true;
	load_target(t->dir, t->shipped, &t->existing, &t->diags);
	return true;
}

static void target_release(struct target *t)
{
	if (t->held)
		close_target(t->dir, &t->lock);
	t->held = false;
}

static void target_end(struct target *t)
{
	target_release(t);
	area_rules_free(&t->rules);
	dataset_free(&t->existing);
	diag_list_free(&t->diags);
	free(t->dir);
	free(t->shipped);
}

int importcmd_import(const struct cli_options *o)
{
	struct target t;
	if (!target_find(o, &t))
		return 1;
	if (!target_take(&t)) {
		target_end(&t);
		return 1;
	}
	struct merge_stats total = {0};
	int status = 0;
	for (size_t i = 0; i < o->n_files; i++)
		if (!import_one(o, o->files[i], t.dir, &t.existing, &t.rules, &total))
			status = 1;
	merge_say_totals(stdout, &total, o->dry_run);
	target_end(&t);
	return status;
}

/* fetch's lock: taken only once the answer is downloaded and read. */
static bool fetch_lock(void *ctx, const struct ak_dataset **target, char **err)
{
	struct target *t = ctx;
	if (!target_take(t)) {
		*err = NULL; /* open_target said why */
		return false;
	}
	*target = &t->existing;
	return true;
}

static void fetch_unlock(void *ctx)
{
	target_release(ctx);
}

int importcmd_fetch(const struct cli_options *o)
{
	struct target t;
	if (!target_find(o, &t))
		return 1;
	/* the municipalities to read the answer with: no lock needed */
	struct ak_dataset munis = {0};
	struct load_result lr = {0};
	struct dataload_spec sp = {.shipped = t.shipped, .no_shipped = true};
	dataload_layers(&munis, &sp, &t.diags, &lr);
	struct fetch_options fo = {.api_url = o->api_url,
				   .table = o->table,
				   .year_from = o->year_from,
				   .year_to = o->year_to,
				   .timeout = o->timeout,
				   .max_mib = o->max_mib,
				   .into = t.dir,
				   .dry_run = o->dry_run,
				   .rules = &t.rules,
				   .known = &munis,
				   .lock = fetch_lock,
				   .unlock = fetch_unlock,
				   .ctx = &t};
	int status = fetch_run(&fo, stdout, stderr);
	dataset_free(&munis);
	target_end(&t);
	return status;
}
