/* dataload.c - a directory or one downloaded file as the data. */
#include "ankekort/import/dataload.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ankekort/base/xalloc.h"

void dataload_rules(struct area_rules *rules, const char *dir, struct diag_list *diags)
{
	char *path = dir ? xasprintf("%s/areas.csv", dir) : NULL;
	area_rules_load(rules, path, diags);
	free(path);
}

/* Appends copies of imported rows to a dataset (years registered, the file
 * named in ds->files); call dataset_choose_defaults() afterwards. */
static void dataload_add(struct ak_dataset *ds, const struct import_result *r, const char *path)
{
	ds->files = xreallocarray(ds->files, ds->n_files + 1, sizeof *ds->files);
	const char *name = ds->files[ds->n_files++] = xstrdup(path);
	for (size_t i = 0; i < r->n_obs; i++) {
		if (ds->n_obs == ds->cap_obs) {
			ds->cap_obs = ds->cap_obs ? ds->cap_obs * 2 : 64;
			ds->obs = xreallocarray(ds->obs, ds->cap_obs, sizeof *ds->obs);
		}
		struct ak_obs o;
		ak_obs_copy(&o, &r->obs[i]);
		o.path = name;
		ds->obs[ds->n_obs++] = o;
		dataset_add_year(ds, o.year);
	}
}

static void copy_diags(struct diag_list *to, const struct diag_list *from)
{
	for (size_t i = 0; i < from->count; i++) {
		const struct diag *d = &from->items[i];
		diag_add(to, d->severity, d->path, d->line, d->col, "%s", d->msg);
	}
}

bool dataload(struct ak_dataset *ds, const char *data, const char *shipped, struct diag_list *diags,
	      struct load_result *res)
{
	struct stat st;
	if (stat(data, &st) != 0 || S_ISDIR(st.st_mode) || !shipped)
		return csvload_dir(ds, data, diags, res);
	ds->dir = xstrdup(data);
	char *munis = xasprintf("%s/municipalities.csv", shipped);
	csvload_municipalities(ds, munis, munis, diags, res);
	free(munis);
	struct area_rules rules;
	dataload_rules(&rules, shipped, diags);
	struct import_options io = {.format = IMPORT_AUTO, .area = -1, .rules = &rules};
	struct import_result r;
	bool ok = import_file(data, ds, &io, &r);
	copy_diags(diags, &r.report);
	if (ok)
		dataload_add(ds, &r, data);
	res->files++;
	import_result_free(&r);
	area_rules_free(&rules);
	diag_list_flush(diags);
	dataset_choose_defaults(ds);
	return ok;
}
