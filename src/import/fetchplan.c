/* fetchplan.c - a table's variables, their roles and the data request:
 * everything fetch decides from the API's answers (see fetchplan.h). */
#include "ankekort/import/fetchplan.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/diag.h"
#include "ankekort/base/i18n.h"
#include "ankekort/import/import.h"
#include "ankekort/base/xalloc.h"

/* ---- the table's variables ------------------------------------------------------------------- */

void fetch_table_free(struct fetch_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		struct fetch_variable *v = &t->vars[i];
		for (size_t k = 0; k < v->n; k++) {
			free(v->ids[k]);
			free(v->texts[k]);
		}
		free(v->ids);
		free(v->texts);
		free(v->id);
		free(v->text);
	}
	free(t->vars);
	free(t->id);
	memset(t, 0, sizeof *t);
}

static char *json_text(json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));
	if (!s && json_is_integer(json_object_get(obj, key)))
		return xasprintf("%lld", (long long)json_integer_value(json_object_get(obj, key)));
	return s ? xstrdup(s) : NULL;
}

static bool variable_parse(json_t *jv, struct fetch_variable *v)
{
	json_t *values = json_object_get(jv, "values");
	v->id = json_text(jv, "id");
	v->text = json_text(jv, "text");
	if (!v->text && v->id)
		v->text = xstrdup(v->id);
	if (!v->id || !json_is_array(values))
		return false;
	v->time = json_is_true(json_object_get(jv, "time"));
	v->elimination = json_is_true(json_object_get(jv, "elimination"));
	size_t n = json_array_size(values);
	v->ids = xcalloc(n + 1, sizeof *v->ids);
	v->texts = xcalloc(n + 1, sizeof *v->texts);
	for (size_t k = 0; k < n; k++) {
		json_t *val = json_array_get(values, k);
		char *id = json_text(val, "id"), *text = json_text(val, "text");
		if (!id) {
			free(text);
			return false;
		}
		v->ids[v->n] = id;
		v->texts[v->n++] = text ? text : xstrdup(id);
	}
	return true;
}

bool fetch_table_parse(const char *json, size_t len, const char *url, const char *name,
		       struct fetch_table *t, char **err)
{
	json_error_t je;
	json_t *root = json_loadb(json, len, 0, &je);
	if (!root) {
		*err = xasprintf(
			_("%s: the table information is not JSON (line %d, column %d: %s)"), url,
			je.line, je.column, je.text);
		return false;
	}
	json_t *vars = json_object_get(root, "variables");
	bool ok = json_is_array(vars) && json_array_size(vars) > 0;
	t->id = json_text(root, "id");
	if (!t->id)
		t->id = xstrdup(name);
	size_t n = ok ? json_array_size(vars) : 0;
	t->vars = xcalloc(n + 1, sizeof *t->vars);
	for (size_t i = 0; i < n && ok; i++)
		ok = variable_parse(json_array_get(vars, i), &t->vars[t->n++]);
	json_decref(root);
	if (!ok)
		*err = xasprintf(
			_("%s: the table information has no list of variables with ids and "
			  "values"),
			url);
	return ok;
}

/* Which variable is which, from their values (the same rules as a file's
 * columns); the count is not a variable, so it is given. */
bool fetch_table_roles(const struct fetch_options *o, struct fetch_table *t, char **why)
{
	const char **headers = xcalloc(t->n + 2, sizeof *headers);
	int *hints = xcalloc(t->n + 2, sizeof *hints);
	for (size_t i = 0; i < t->n; i++) {
		headers[i] = t->vars[i].id;
		hints[i] = t->vars[i].time ? COL_PERIOD : -1;
	}
	headers[t->n] = "INDHOLD";
	hints[t->n] = COL_VALUE;
	struct col_samples s;
	colroles_init(&s, headers, t->n + 1, hints);
	for (size_t i = 0; i < t->n; i++)
		for (size_t k = 0; k < t->vars[i].n; k++)
			colroles_add(&s, i, t->vars[i].texts[k],
				     import_value_looks(o->known, o->rules, t->vars[i].texts[k]));
	bool ok = colroles_assign(&s, NULL, t->plan, why);
	if (ok && t->plan[COL_VALUE] != (int)t->n) {
		*why = xstrdup(_("a variable looks like a count"));
		ok = false;
	}
	colroles_free(&s);
	free(headers);
	free(hints);
	return ok;
}

/* ---- the data request -------------------------------------------------------------------------- */

static bool wanted_law(const struct fetch_options *o, const char *text)
{
	bool law_level;
	return import_is_total(text) ||
	       area_rules_match(o->rules, text, "", 0, &law_level, NULL) != 0;
}

static bool wanted_period(const struct fetch_options *o, const char *text)
{
	int year = import_period_year(text);
	return year && (!o->year_from || (year >= o->year_from && year <= o->year_to));
}

/* The values to ask for: every one ("*"), or those that pass the test;
 * when none does, every one (the import then says what it could not use). */
static json_t *values_for(const struct fetch_options *o, const struct fetch_variable *v,
			  bool (*want)(const struct fetch_options *, const char *), size_t *n)
{
	json_t *list = json_array();
	*n = 0;
	for (size_t k = 0; want && k < v->n; k++) {
		if (want(o, v->texts[k]) || (want == wanted_period && want(o, v->ids[k]))) {
			json_array_append_new(list, json_string(v->ids[k]));
			(*n)++;
		}
	}
	if (*n == 0 && want != wanted_period)
		json_array_append_new(list, json_string("*"));
	return list;
}

/* The POST body; NULL with *err set when no period is in --years. */
char *fetch_data_request(const struct fetch_options *o, const struct fetch_table *t, FILE *errout,
			 char **err)
{
	json_t *req = json_pack("{s:s, s:s, s:s}", "table", t->id, "format", "CSV", "lang", "da");
	json_t *vars = json_array();
	bool ok = true;
	for (size_t i = 0; i < t->n && ok; i++) {
		const struct fetch_variable *v = &t->vars[i];
		int role = -1;
		for (int r = 0; r < COL_ROLE_COUNT; r++)
			if (t->plan[r] == (int)i)
				role = r;
		bool (*want)(const struct fetch_options *, const char *) =
			role == COL_PERIOD		     ? wanted_period
			: role == COL_LAW || role == COL_PAR ? wanted_law
							     : NULL;
		if (role < 0 && v->elimination)
			continue; /* left out: the API gives the total over it */
		if (role < 0)
			diag_sayf(errout,
				  _("ankekort: %s: variable %s (%s) is not one ankekort uses; all "
				    "its values "
				    "are fetched\n"),
				  t->id, v->id, v->text);
		size_t n;
		json_t *values = values_for(o, v, want, &n);
		if (role == COL_PERIOD && n == 0) {
			*err = xasprintf(_("%s has no period in the years %d-%d"), t->id,
					 o->year_from, o->year_to);
			ok = false;
		}
		json_array_append_new(vars,
				      json_pack("{s:s, s:o}", "code", v->id, "values", values));
	}
	json_object_set_new(req, "variables", vars);
	char *text = ok ? json_dumps(req, JSON_COMPACT) : NULL;
	json_decref(req);
	return text;
}
