/* csvload_dir.c - a datasets directory: its files found by name and read
 * with the single-file loaders of csvload.c (see csvload.h). */
#include "ankekort/data/csvload.h"
#include "ankekort/data/quarters.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/xalloc.h"
#include "ankekort/data/parload.h"
#include "ankekort/data/cyclerules.h"

/* ---- the directory --------------------------------------------------------- */

static int year_of_name(const char *name)
{
	if (strlen(name) != 8 || strcmp(name + 4, ".csv") != 0)
		return -1;
	for (int i = 0; i < 4; i++)
		if (!isdigit((unsigned char)name[i]))
			return -1;
	return atoi(name);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **list_dir(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	char **names = NULL;
	*n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len < 4 || strcasecmp(e->d_name + len - 4, ".csv") != 0)
			continue;
		names = xreallocarray(names, *n + 1, sizeof *names);
		names[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(names, *n, sizeof *names, cmp_str);
	return names;
}

/* Whether name is a file of a datasets directory that is not a year file. */
static bool known_file(const char *name)
{
	static const char *const known[] = {
		"municipalities.csv", "remanded.csv",	"areas.csv", "maps.csv",
		"comments.csv",	      "paragraphs.csv", "units.csv", "cycle_rules.csv",
		"events.csv",	      QUARTERS_FILE};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(name, known[i]) == 0)
			return true;
	return false;
}

static void load_year_files(struct ak_dataset *ds, const char *dir, const char *sep, char **names,
			    size_t n, struct diag_list *diags, struct load_result *res)
{
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s%s%s", dir, sep, names[i]);
		int year = year_of_name(names[i]);
		if (year >= 0)
			csvload_year(ds, year, path, path, diags, res);
		else if (!known_file(names[i]))
			diag_add(diags, DIAG_WARNING, path, 0, 0,
				 "not a dataset file (expected municipalities.csv, remanded.csv, "
				 "areas.csv, maps.csv, comments.csv, paragraphs.csv, units.csv, "
				 "cycle_rules.csv, events.csv, quarters.csv or YYYY.csv); ignored");
		free(path);
	}
}

static void load_other_files(struct ak_dataset *ds, const char *dir, const char *sep, char **names,
			     size_t n, enum ak_layer layer, struct diag_list *diags,
			     struct load_result *res)
{
	for (size_t i = 0; i < n; i++) {
		bool pars = strcmp(names[i], "paragraphs.csv") == 0;
		if (pars || (layer == LAYER_USER && strcmp(names[i], "units.csv") == 0)) {
			char *path = xasprintf("%s%s%s", dir, sep, names[i]);
			if (pars && !ds->pars_unread)
				csvload_paragraphs(ds, path, NULL, 0, path, layer, diags, res);
			else if (!pars)
				csvload_units(ds, path, NULL, 0, path, diags, res);
			free(path);
		}
		void (*load_fn)(struct ak_dataset *, const char *, const char *, struct diag_list *,
				struct load_result *) =
			strcmp(names[i], "remanded.csv") == 0	? csvload_records
			: strcmp(names[i], "maps.csv") == 0	? csvload_maps
			: strcmp(names[i], "comments.csv") == 0 ? csvload_comments
			: strcmp(names[i], "events.csv") == 0	? csvload_events
			: strcmp(names[i], "cycle_rules.csv") == 0 && layer == LAYER_SHIPPED
				? csvload_rules
				: NULL;
		char *path = xasprintf("%s%s%s", dir, sep, names[i]);
		if (load_fn)
			load_fn(ds, path, path, diags, res);
		else if (strcmp(names[i], QUARTERS_FILE) == 0)
			quarters_load(ds, path, NULL, 0, path, diags, res);
		else if (strcmp(names[i], "cycle_rules.csv") == 0)
			diag_add(diags, DIAG_WARNING, path, 0, 0,
				 "the rules of the § 79 b cycle are read from the shipped datasets "
				 "only; ignored");
		free(path);
	}
}

/* Whether dir can be read as a directory; an error in diags when not. */
static bool can_open(const char *dir, struct diag_list *diags)
{
	DIR *probe = opendir(dir);
	if (!probe) {
		diag_add(diags, DIAG_ERROR, dir, 0, 0,
			 "cannot open the data directory (%s): expected a directory holding "
			 "municipalities.csv and YYYY.csv files",
			 strerror(errno));
		return false;
	}
	closedir(probe);
	return true;
}

bool csvload_figures(struct ak_dataset *ds, const char *dir, enum ak_layer layer,
		     struct diag_list *diags, struct load_result *res)
{
	if (!can_open(dir, diags))
		return false;
	size_t n = 0, first = ds->n_obs, first_event = ds->n_events;
	char **names = list_dir(dir, &n);
	size_t dlen = strlen(dir);
	const char *sep = dlen && dir[dlen - 1] == '/' ? "" : "/";
	load_year_files(ds, dir, sep, names, n, diags, res);
	load_other_files(ds, dir, sep, names, n, layer, diags, res);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	for (size_t i = first; i < ds->n_obs; i++)
		ds->obs[i].layer = layer;
	for (size_t i = first_event; i < ds->n_events; i++)
		ds->events[i].layer = layer;
	if (layer == LAYER_SHIPPED)
		cyclerules_check(ds, diags);
	diag_list_flush(diags);
	return true;
}

bool csvload_dir(struct ak_dataset *ds, const char *dir, struct diag_list *diags,
		 struct load_result *res)
{
	if (!can_open(dir, diags)) {
		dataset_choose_defaults(ds);
		return false;
	}
	size_t dlen = strlen(dir);
	char *muni =
		xasprintf("%s%smunicipalities.csv", dir, dlen && dir[dlen - 1] == '/' ? "" : "/");
	csvload_municipalities(ds, muni, muni, diags, res);
	free(muni);
	size_t years_before = ds->n_years;
	csvload_figures(ds, dir, LAYER_SHIPPED, diags, res);
	if (ds->n_years == years_before)
		diag_add(diags, DIAG_WARNING, dir, 0, 0,
			 "no YYYY.csv figures file in the directory");
	diag_list_flush(diags);
	dataset_choose_defaults(ds);
	return true;
}
