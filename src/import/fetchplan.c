/* fetchplan.c - a table's variables, their roles and the data request:
 * everything fetch decides from the API's answers (see fetchplan.h). */
#include "ankekort/import/fetchplan.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/diag.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/import/import.h"
#include "ankekort/base/xalloc.h"
#include "arearules.h"

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

/* The value numbered n that names a law ("6 Barnets lov"), or -1. */
static int numbered_law(const struct fetch_variable *v, int n)
{
	for (size_t k = 0; k < v->n; k++) {
		bool sub;
		if (imp_law_number(v->texts[k], &sub, NULL) != n || sub)
			continue;
		struct sbuf f = {0};
		textfmt_fold(&f, v->texts[k]);
		bool law = imp_names_a_law(sbuf_str(&f));
		sbuf_free(&f);
		if (law)
			return (int)k;
	}
	return -1;
}

/* The law a numbered part belongs to ("6.1 Merudgifter - § 86" under "6
 * Barnets lov"), when its own text names none: an index, or -1. */
static int parent_of(const struct fetch_variable *v, size_t k)
{
	bool sub;
	int n = imp_law_number(v->texts[k], &sub, NULL);
	if (n < 0 || !sub)
		return -1;
	struct sbuf f = {0};
	textfmt_fold(&f, v->texts[k]);
	bool named = imp_names_a_law(sbuf_str(&f));
	sbuf_free(&f);
	return named ? -1 : numbered_law(v, n);
}

/* Which law values the area rules need: the totals, the laws and
 * paragraphs that match a rule (a numbered part read under its law), and
 * the law of every part asked for, which the import needs to place it. */
static bool *wanted_laws(const struct fetch_options *o, const struct fetch_variable *v)
{
	bool *w = xcalloc(v->n + 1, sizeof *w);
	for (size_t k = 0; k < v->n; k++) {
		int parent = parent_of(v, k);
		bool law_level;
		unsigned mask = parent >= 0 ? area_rules_match(o->rules, v->texts[parent],
							       v->texts[k], 0, &law_level, NULL)
					    : area_rules_match(o->rules, v->texts[k], "", 0,
							       &law_level, NULL);
		w[k] = w[k] || import_is_total(v->texts[k]) || mask != 0;
		if (mask && parent >= 0)
			w[parent] = true;
	}
	return w;
}

static bool wanted_period(const struct fetch_options *o, const char *text)
{
	int year = import_period_year(text);
	return year && (!o->year_from || (year >= o->year_from && year <= o->year_to));
}

/* "2015-2019 and 2021": the years of a table's periods, runs joined
 * (caller frees), for the message that the years asked for are not there. */
static char *period_years(const struct fetch_variable *v)
{
	enum { FIRST = 1900, LAST = 2200 };
	bool has[LAST - FIRST + 1] = {false};
	for (size_t k = 0; k < v->n; k++) {
		int y = import_period_year(v->ids[k]);
		y = y ? y : import_period_year(v->texts[k]);
		if (y >= FIRST && y <= LAST)
			has[y - FIRST] = true;
	}
	struct sbuf b = {0};
	for (int y = FIRST; y <= LAST; y++) {
		if (!has[y - FIRST])
			continue;
		int end = y;
		while (end < LAST && has[end + 1 - FIRST])
			end++;
		bool last = true;
		for (int z = end + 1; z <= LAST && last; z++)
			last = !has[z - FIRST];
		const char *sep = !b.len ? "" : last ? _(" and ") : ", ";
		if (end == y)
			sbuf_printf(&b, "%s%d", sep, y);
		else
			sbuf_printf(&b, "%s%d-%d", sep, y, end);
		y = end;
	}
	return b.len ? sbuf_take(&b) : xstrdup(_("none"));
}

/* The values to ask for: every one ("*") without a choice, else those
 * chosen; when none is, every one by id (the import then says what it
 * could not use; not for periods). Ids, so a request can be split. */
static json_t *values_for(const struct fetch_variable *v, const bool *pick, bool all_if_none,
			  size_t *n)
{
	json_t *list = json_array();
	*n = 0;
	if (!pick) {
		json_array_append_new(list, json_string("*"));
		*n = v->n;
		return list;
	}
	for (size_t k = 0; k < v->n; k++) {
		if (pick[k]) {
			json_array_append_new(list, json_string(v->ids[k]));
			(*n)++;
		}
	}
	for (size_t k = 0; *n == 0 && all_if_none && k < v->n; k++)
		json_array_append_new(list, json_string(v->ids[k]));
	if (*n == 0 && all_if_none)
		*n = v->n;
	return list;
}

size_t fetch_split(const size_t *counts, size_t n_vars, int period_var, int law_var, size_t limit,
		   struct fetch_part *parts, size_t max_parts)
{
	size_t per_row = n_vars + 1, periods = 1, laws = 1; /* the value column too */
	for (size_t i = 0; i < n_vars; i++) {
		if ((int)i == period_var)
			periods = counts[i];
		else if ((int)i == law_var)
			laws = counts[i];
		else
			per_row *= counts[i] ? counts[i] : 1;
	}
	size_t per_period = per_row * laws, n = 0;
	if (per_period * periods <= limit || (periods <= 1 && laws <= 1)) {
		if (max_parts)
			parts[0] = (struct fetch_part){0, periods, 0, laws};
		return 1;
	}
	if (per_period <= limit) { /* whole years together */
		size_t k = limit / per_period;
		for (size_t p = 0; p < periods; p += k, n++)
			if (n < max_parts)
				parts[n] = (struct fetch_part){p, p + k < periods ? p + k : periods,
							       0, laws};
		return n;
	}
	/* a year at a time, its laws split: at least one law a part, even
	 * when that is over the limit (the API then says so) */
	size_t k = per_row <= limit ? limit / per_row : 1;
	for (size_t p = 0; p < (periods ? periods : 1); p++)
		for (size_t l = 0; l < laws; l += k, n++)
			if (n < max_parts)
				parts[n] = (struct fetch_part){p, p + 1, l,
							       l + k < laws ? l + k : laws};
	return n;
}

/* A copy of list with the values [from, to); "*" stays as it is. */
static json_t *slice(json_t *list, size_t from, size_t to)
{
	const char *first = json_string_value(json_array_get(list, 0));
	if (json_array_size(list) == 1 && first && strcmp(first, "*") == 0)
		return json_incref(list);
	json_t *out = json_array();
	for (size_t k = from; k < to && k < json_array_size(list); k++)
		json_array_append(out, json_array_get(list, k));
	return out;
}

char **fetch_data_requests(const struct fetch_options *o, const struct fetch_table *t,
			   size_t cell_limit, FILE *errout, size_t *n_parts, char **err)
{
	*n_parts = 0;
	size_t n_vars = 0, *counts = xcalloc(t->n + 1, sizeof *counts);
	int *var_of = xcalloc(t->n + 1, sizeof *var_of);
	json_t **lists = xcalloc(t->n + 1, sizeof *lists);
	int period_at = -1, law_at = -1;
	bool ok = true;
	for (size_t i = 0; i < t->n && ok; i++) {
		const struct fetch_variable *v = &t->vars[i];
		int role = -1;
		for (int r = 0; r < COL_CONTENT_ROLES; r++)
			if (t->plan[r] == (int)i)
				role = r;
		if (role < 0 && v->elimination)
			continue; /* left out: the API gives the total over it */
		if (role < 0)
			diag_sayf(errout,
				  _("ankekort: %s: variable %s (%s) is not one ankekort uses; all "
				    "its values "
				    "are fetched\n"),
				  t->id, v->id, v->text);
		bool *pick = NULL;
		if (role == COL_LAW || role == COL_PAR) {
			pick = wanted_laws(o, v);
		} else if (role == COL_PERIOD) {
			pick = xcalloc(v->n + 1, sizeof *pick);
			for (size_t k = 0; k < v->n; k++)
				pick[k] = wanted_period(o, v->texts[k]) ||
					  wanted_period(o, v->ids[k]);
		}
		size_t n;
		lists[n_vars] = values_for(v, pick, role != COL_PERIOD, &n);
		free(pick);
		if (role == COL_PERIOD && n == 0) {
			char *has = period_years(v);
			*err = xasprintf(_("%s has no period in the years %d-%d; its years are %s "
					   "(choose them with --years)"),
					 t->id, o->year_from, o->year_to, has);
			free(has);
			ok = false;
		}
		if (role == COL_PERIOD)
			period_at = (int)n_vars;
		if (role == COL_LAW)
			law_at = (int)n_vars;
		counts[n_vars] = n;
		var_of[n_vars++] = (int)i;
	}
	char **out = NULL;
	if (ok) {
		size_t max = fetch_split(counts, n_vars, period_at, law_at, cell_limit, NULL, 0);
		struct fetch_part *parts = xcalloc(max + 1, sizeof *parts);
		fetch_split(counts, n_vars, period_at, law_at, cell_limit, parts, max);
		out = xcalloc(max + 1, sizeof *out);
		for (size_t p = 0; p < max; p++) {
			json_t *req = json_pack("{s:s, s:s, s:s}", "table", t->id, "format", "CSV",
						"lang", "da");
			json_t *vars = json_array();
			for (size_t k = 0; k < n_vars; k++) {
				json_t *values =
					(int)k == period_at ? slice(lists[k], parts[p].period_from,
								    parts[p].period_to)
					: (int)k == law_at  ? slice(lists[k], parts[p].law_from,
								    parts[p].law_to)
							    : json_incref(lists[k]);
				json_array_append_new(vars, json_pack("{s:s, s:o}", "code",
								      t->vars[var_of[k]].id,
								      "values", values));
			}
			json_object_set_new(req, "variables", vars);
			out[p] = json_dumps(req, JSON_COMPACT);
			json_decref(req);
		}
		*n_parts = max;
		free(parts);
	}
	for (size_t k = 0; k < n_vars; k++)
		json_decref(lists[k]);
	free(lists);
	free(counts);
	free(var_of);
	return out;
}

void fetch_requests_free(char **reqs, size_t n)
{
	for (size_t i = 0; reqs && i < n; i++)
		free(reqs[i]);
	free(reqs);
}
