/* dataload.c - a directory or one downloaded file as the data. */
#include "ankekort/import/dataload.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ankekort/base/xalloc.h"
#include "ankekort/data/datadir.h"
#include "ankekort/data/layers.h"

void dataload_rules(struct area_rules *rules, const char *dir, struct diag_list *diags)
{
	char *path = dir ? xasprintf("%s/areas.csv", dir) : NULL;
	area_rules_load(rules, path, diags);
	free(path);
}

/* The shipped area rules, read at most once a load: the caller's (read
 * already, their problems said), or read here when first needed. */
struct rules_once {
	const struct area_rules *given;
	struct area_rules own;
	bool read;  /* own is read */
	bool clean; /* no errors in what was read (true while nothing is) */
};

/* The rules, read now with their problems in diags when not yet read. */
static const struct area_rules *rules_get(struct rules_once *r, const char *shipped,
					  struct diag_list *diags)
{
	if (r->given)
		return r->given;
	if (!r->read) {
		size_t errors = diags->errors;
		dataload_rules(&r->own, shipped, diags);
		r->read = true;
		r->clean = diags->errors == errors;
	}
	return &r->own;
}

/* Moves an import's figures into ds: the whole array when ds has none
 * yet, else each figure, and the strings they share; r keeps none. */
static void take_obs(struct ak_dataset *ds, struct import_result *r)
{
	ds->texts = xreallocarray(ds->texts, ds->n_texts + r->n_strings + 1, sizeof *ds->texts);
	memcpy(ds->texts + ds->n_texts, r->strings, r->n_strings * sizeof *r->strings);
	ds->n_texts += r->n_strings;
	r->n_strings = 0;
	if (!ds->n_obs) {
		free(ds->obs);
		ds->obs = r->obs;
		ds->n_obs = ds->cap_obs = r->n_obs;
		r->obs = NULL;
	} else {
		if (ds->n_obs + r->n_obs > ds->cap_obs) {
			ds->cap_obs = ds->n_obs + r->n_obs;
			ds->obs = xreallocarray(ds->obs, ds->cap_obs, sizeof *ds->obs);
		}
		memcpy(ds->obs + ds->n_obs, r->obs, r->n_obs * sizeof *r->obs);
		ds->n_obs += r->n_obs;
	}
	r->n_obs = 0;
}

/* Moves imported rows into a dataset, the figures and copies of the rows
 * below law level (years registered, the file named in ds->files); call
 * dataset_choose_defaults() afterwards. */
static void dataload_add(struct ak_dataset *ds, struct import_result *r, const char *path)
{
	ds->files = xreallocarray(ds->files, ds->n_files + 1, sizeof *ds->files);
	const char *name = ds->files[ds->n_files++] = xstrdup(path);
	size_t first = ds->n_obs;
	take_obs(ds, r);
	for (size_t i = first; i < ds->n_obs; i++) {
		ds->obs[i].path = name;
		dataset_add_year(ds, ds->obs[i].year);
	}
	if (r->n_pars) { /* the rows below law level, with strings of their own */
		ds->pars = xreallocarray(ds->pars, ds->n_pars + r->n_pars, sizeof *ds->pars);
		for (size_t i = 0; i < r->n_pars; i++) {
			struct ak_par *p = &ds->pars[ds->n_pars++];
			*p = r->pars[i];
			p->law = xstrdup(p->law);
			p->label = xstrdup(p->label);
			p->paragraphs = xstrdup(p->paragraphs);
			p->note = xstrdup(p->note);
			p->source.text = xstrdup(p->source.text);
			p->source.date = xstrdup(p->source.date);
			p->source.url = xstrdup(p->source.url);
			p->path = name;
		}
		ds->cap_pars = ds->n_pars;
	}
}

/* Moves the file's quarters (quarters.h) into ds, named as its rows. */
static void take_quarters(struct ak_dataset *ds, struct import_result *r)
{
	for (size_t i = 0; i < r->n_quarters; i++) {
		if (ds->n_quarters == ds->cap_quarters) {
			ds->cap_quarters = ds->cap_quarters ? ds->cap_quarters * 2 : 64;
			ds->quarters =
				xreallocarray(ds->quarters, ds->cap_quarters, sizeof *ds->quarters);
		}
		struct ak_quarter q = r->quarters[i];
		q.path = ds->files[ds->n_files - 1];
		ds->quarters[ds->n_quarters++] = q;
	}
	r->n_quarters = 0; /* owned by ds now */
}

/* A downloaded file as the user's layer, read as import would read it. */
static bool load_user_file(struct ak_dataset *ds, const char *path, const char *shipped,
			   struct rules_once *rules, bool no_pars, struct diag_list *diags,
			   struct load_result *res)
{
	struct import_options io = {.format = IMPORT_AUTO,
				    .pars = no_pars ? IMPORT_PARS_NONE : IMPORT_PARS_KEEP,
				    .area = -1,
				    .rules = rules_get(rules, shipped, diags)};
	struct import_result r;
	bool ok = import_file(path, ds, &io, &r);
	diag_list_append(diags, &r.report);
	size_t first = ds->n_obs;
	if (ok) {
		dataload_add(ds, &r, path);
		take_quarters(ds, &r);
	}
	for (size_t i = first; i < ds->n_obs; i++)
		ds->obs[i].layer = LAYER_USER;
	res->files++;
	import_result_free(&r);
	return ok;
}

static bool has_file(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct stat st;
	bool ok = stat(path, &st) == 0;
	free(path);
	return ok;
}

/* municipalities.csv is reference data: the shipped one, unless the
 * shipped figures are left out and the user's directory has its own. */
static void load_municipalities(struct ak_dataset *ds, const struct dataload_spec *sp,
				bool user_is_dir, struct diag_list *diags, struct load_result *res)
{
	const char *from = sp->shipped;
	if (user_is_dir && has_file(sp->user, "municipalities.csv") &&
	    (sp->no_shipped || !sp->shipped))
		from = sp->user;
	if (!from)
		return;
	char *munis = xasprintf("%s/municipalities.csv", from);
	csvload_municipalities(ds, munis, munis, diags, res);
	free(munis);
}

/* The area rules as the data knows them, so that outputs can name the §§
 * each map covers; none when areas.csv has an error (check reports it). */
static void load_area_pars(struct ak_dataset *ds, const char *shipped, struct rules_once *once)
{
	if (!once->clean)
		return; /* the rules had errors (said where they were read) */
	struct diag_list quiet = {0};
	const struct area_rules *got = rules_get(once, shipped, &quiet);
	if (quiet.errors == 0 && got->n) {
		ds->area_pars = xcalloc(got->n, sizeof *ds->area_pars);
		for (size_t i = 0; i < got->n; i++) {
			const struct area_rule *r = &got->rules[i];
			char law[64];
			ds->area_pars[i] =
				(struct ak_area_par){.law = xstrdup(area_rules_law_name(
							     got, r->law_id, law, sizeof law)),
						     .paragraph = xstrdup(r->paragraph),
						     .area = r->area,
						     .from = r->from,
						     .to = r->to};
		}
		ds->n_area_pars = got->n;
	}
	diag_list_free(&quiet);
}

bool dataload_layers(struct ak_dataset *ds, const struct dataload_spec *sp, struct diag_list *diags,
		     struct load_result *res)
{
	struct dataload_spec s = *sp;
	if (s.user && s.shipped && datadir_same(s.user, s.shipped)) {
		s.shipped = s.user; /* --data naming the shipped datasets: that layer */
		s.user = NULL;	    /* only, named as the user named it */
		s.no_shipped = false;
	}
	struct stat st;
	bool user_exists = s.user && stat(s.user, &st) == 0;
	bool user_is_dir = user_exists && S_ISDIR(st.st_mode);
	if (s.user && !user_exists && s.user_optional)
		s.user = NULL;	     /* the default directory, not made yet */
	ds->pars_unread = s.no_pars; /* what reads the figures only */
	struct rules_once rules = {.given = s.rules, .clean = !s.rules_with_errors};
	load_municipalities(ds, &s, user_is_dir, diags, res);
	bool ok = true;
	if (s.shipped && !s.no_shipped) {
		ds->shipped_dir = xstrdup(s.shipped);
		size_t years = ds->n_years;
		ok = csvload_figures(ds, s.shipped, LAYER_SHIPPED, diags, res);
		if (ok && ds->n_years == years && !s.user)
			diag_add(diags, DIAG_WARNING, s.shipped, 0, 0,
				 "no YYYY.csv figures file in the directory");
	}
	if (s.user) {
		ds->user_dir = xstrdup(s.user);
		struct layers_mark mark = layers_mark_now(ds);
		if (user_exists && !user_is_dir)
			ok &= load_user_file(ds, s.user, s.shipped, &rules, s.no_pars, diags, res);
		else
			ok &= csvload_figures(ds, s.user, LAYER_USER, diags, res);
		layers_drop_copies(ds, &mark);
	}
	load_area_pars(ds, s.shipped, &rules);
	if (rules.read)
		area_rules_free(&rules.own);
	diag_list_flush(diags);
	dataset_choose_defaults(ds);
	return ok;
}
