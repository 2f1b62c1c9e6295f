/* target.c - the directory import and fetch write to (target.h). */
#include "ankekort/cmd/target.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ankekort/base/fileio.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/csvload.h"
#include "ankekort/data/datadir.h"
#include "ankekort/import/dataload.h"

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
static void load_target(const char *dir, const char *shipped, const struct area_rules *rules,
			struct ak_dataset *existing, struct diag_list *d)
{
	struct load_result lr = {0};
	struct dataload_spec sp = {.shipped = shipped,
				   .user = dir,
				   .user_optional = true,
				   .no_shipped = true,
				   .rules = rules};
	dataload_layers(existing, &sp, d, &lr);
}

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

/* Finds the target and reads the shipped area rules (false when they
 * have errors); nothing is made, locked or read of the target yet. */
bool target_find(const struct cli_options *o, struct target *t)
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
bool target_take(struct target *t)
{
	if (!open_target(t->dir, t->o->dry_run, &t->lock))
		return false;
	t->held = true;
	load_target(t->dir, t->shipped, &t->rules, &t->existing, &t->diags);
	return true;
}

void target_release(struct target *t)
{
	if (t->held)
		close_target(t->dir, &t->lock);
	t->held = false;
}

void target_end(struct target *t)
{
	target_release(t);
	area_rules_free(&t->rules);
	dataset_free(&t->existing);
	diag_list_free(&t->diags);
	free(t->dir);
	free(t->shipped);
}
