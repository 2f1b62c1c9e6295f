/* dataset.c - lookups and ownership for the in-memory figures. */
#include "ankekort/data/dataset.h"

#include "ankekort/base/textfmt.h"
#include "ankekort/base/i18n.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/xalloc.h"

static const char *const area_ids[AREA_COUNT] = {"generelt", "boernehandicap", "voksenhandicap"};
static const char *const area_labels[AREA_COUNT] = {"Generelt", "B\xC3\xB8rnehandicap",
						    "Voksenhandicap"};
static const char *const kind_ids[SOURCE_KIND_COUNT] = {"ministry", "municipality", "press",
							"statistics"};
static const char *const outcome_ids[OUTCOME_COUNT] = {"",	    "new_decision",   "upheld",
						       "withdrawn", "appealed_again", "unknown"};
static const char *const outcome_labels[OUTCOME_COUNT] = {"",
							  N_("new decision for the citizen"),
							  N_("upheld on reconsideration"),
							  N_("withdrawn"),
							  N_("appealed again"),
							  N_("not known")};
static const char *const record_ids[RECORD_KIND_COUNT] = {"story", "tally", "summary"};
static const char *const rule_ids[RULE_KIND_COUNT] = {"discuss", "decide_plan", "tell_no_plan",
						      "order_plan"};
static const char *const deadline_ids[DEADLINE_COUNT] = {"year_end", "none", "set"};
static const char *const event_ids[EVENT_KIND_COUNT] = {"law",	     "decision",   "reorganisation",
							"taskforce", "data_break", "other"};
static const char *const event_labels[EVENT_KIND_COUNT] = {
	N_("law"),	 N_("principle decision"), N_("reorganisation"),
	N_("Taskforce"), N_("data break"),	   N_("other")};

static bool parse_id(const char *s, const char *const *ids, int n, int *out)
{
	for (int i = 0; i < n; i++) {
		if (ids[i][0] && strcmp(s, ids[i]) == 0) {
			*out = i;
			return true;
		}
	}
	return false;
}

const char *area_id(enum ak_area area)
{
	return area < AREA_COUNT ? area_ids[area] : "?";
}

const char *area_label(enum ak_area area)
{
	return area < AREA_COUNT ? area_labels[area] : "?";
}

bool area_parse(const char *s, enum ak_area *out)
{
	int i;
	if (!parse_id(s, area_ids, AREA_COUNT, &i))
		return false;
	*out = (enum ak_area)i;
	return true;
}

bool area_parse_name(const char *s, enum ak_area *out)
{
	static const struct textfmt_name names[] = {
		{"1", AREA_GENERELT},
		{"generelt", AREA_GENERELT},
		{"socialomraadet", AREA_GENERELT},
		{"socialomraadet generelt", AREA_GENERELT},
		{"general", AREA_GENERELT},
		{"2", AREA_BOERNEHANDICAP},
		{"boernehandicap", AREA_BOERNEHANDICAP},
		{"boernehandicapomraadet", AREA_BOERNEHANDICAP},
		{"3", AREA_VOKSENHANDICAP},
		{"voksenhandicap", AREA_VOKSENHANDICAP},
		{"voksenhandicapomraadet", AREA_VOKSENHANDICAP},
	};
	int v;
	if (!textfmt_fold_lookup(s, names, sizeof names / sizeof names[0], &v))
		return false;
	*out = (enum ak_area)v;
	return true;
}

const char *source_kind_id(enum ak_source_kind kind)
{
	return kind < SOURCE_KIND_COUNT ? kind_ids[kind] : "?";
}

bool source_kind_parse(const char *s, enum ak_source_kind *out)
{
	int i;
	if (!parse_id(s, kind_ids, SOURCE_KIND_COUNT, &i))
		return false;
	*out = (enum ak_source_kind)i;
	return true;
}

const char *rule_kind_id(enum ak_rule_kind k)
{
	return k < RULE_KIND_COUNT ? rule_ids[k] : "?";
}

bool rule_kind_parse(const char *s, enum ak_rule_kind *out)
{
	int i;
	if (!parse_id(s, rule_ids, RULE_KIND_COUNT, &i))
		return false;
	*out = (enum ak_rule_kind)i;
	return true;
}

bool deadline_parse(const char *s, enum ak_deadline *out)
{
	int i;
	if (!parse_id(s, deadline_ids, DEADLINE_COUNT, &i))
		return false;
	*out = (enum ak_deadline)i;
	return true;
}

const char *event_kind_id(enum ak_event_kind k)
{
	return k < EVENT_KIND_COUNT ? event_ids[k] : "?";
}

const char *event_kind_label(enum ak_event_kind k)
{
	return k < EVENT_KIND_COUNT ? _(event_labels[k]) : "?";
}

bool event_kind_parse(const char *s, enum ak_event_kind *out)
{
	int i;
	if (!parse_id(s, event_ids, EVENT_KIND_COUNT, &i))
		return false;
	*out = (enum ak_event_kind)i;
	return true;
}

const char *outcome_label(enum ak_outcome o)
{
	return o < OUTCOME_COUNT && o != OUTCOME_NONE ? _(outcome_labels[o]) : "";
}

bool outcome_parse(const char *s, enum ak_outcome *out)
{
	int i;
	if (s[0] == '\0') {
		*out = OUTCOME_NONE;
		return true;
	}
	if (!parse_id(s, outcome_ids, OUTCOME_COUNT, &i))
		return false;
	*out = (enum ak_outcome)i;
	return true;
}

bool record_kind_parse(const char *s, enum ak_record_kind *out)
{
	int i;
	if (!parse_id(s, record_ids, RECORD_KIND_COUNT, &i))
		return false;
	*out = (enum ak_record_kind)i;
	return true;
}

const struct ak_municipality *dataset_muni(const struct ak_dataset *ds, int code)
{
	size_t lo = 0, hi = ds->n_munis;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (ds->munis[mid].code == code)
			return &ds->munis[mid];
		if (ds->munis[mid].code < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static long year_slot(const struct ak_dataset *ds, int year)
{
	for (size_t i = 0; i < ds->n_years; i++)
		if (ds->years[i] == year)
			return (long)i;
	return -1;
}

bool dataset_has_year(const struct ak_dataset *ds, int year)
{
	return year_slot(ds, year) >= 0;
}

void dataset_add_year(struct ak_dataset *ds, int year)
{
	if (dataset_has_year(ds, year))
		return;
	size_t i = ds->n_years;
	ds->years = xreallocarray(ds->years, ds->n_years + 1, sizeof *ds->years);
	while (i > 0 && ds->years[i - 1] > year) {
		ds->years[i] = ds->years[i - 1];
		i--;
	}
	ds->years[i] = year;
	ds->n_years++;
}

/* The index's place of (year slot, code, area), for a code with a column. */
static size_t index_pos(const struct ak_dataset *ds, size_t slot, int code, enum ak_area area)
{
	return (slot * ds->n_code_cols + (size_t)ds->code_col[code]) * AREA_COUNT + area;
}

long dataset_slot(const struct ak_dataset *ds, int year, int code, enum ak_area area)
{
	if (!ds->code_col || code < 0 || code > AK_MAX_CODE || ds->code_col[code] < 0 ||
	    area >= AREA_COUNT)
		return -1;
	long slot = year_slot(ds, year);
	return slot < 0 ? -1 : (long)index_pos(ds, (size_t)slot, code, area);
}

size_t dataset_slots(const struct ak_dataset *ds)
{
	return ds->n_years * ds->n_code_cols * AREA_COUNT;
}

/* A column of the index for each code a row (of the whole municipality) has,
 * in code order. */
static void index_columns(struct ak_dataset *ds)
{
	if (!ds->code_col)
		ds->code_col = xmalloc((AK_MAX_CODE + 1) * sizeof *ds->code_col);
	for (int c = 0; c <= AK_MAX_CODE; c++)
		ds->code_col[c] = -1;
	for (size_t i = 0; i < ds->n_obs; i++) {
		const struct ak_obs *o = &ds->obs[i];
		if (!o->scope[0] && o->code >= 0 && o->code <= AK_MAX_CODE)
			ds->code_col[o->code] = 0;
	}
	ds->n_code_cols = 0;
	for (int c = 0; c <= AK_MAX_CODE; c++)
		if (ds->code_col[c] == 0)
			ds->code_col[c] = (int16_t)ds->n_code_cols++;
}

const struct ak_obs *dataset_find(const struct ak_dataset *ds, int year, int code,
				  enum ak_area area)
{
	long slot = ds->index ? dataset_slot(ds, year, code, area) : -1;
	int i = slot >= 0 ? ds->index[slot] : -1;
	return i >= 0 ? &ds->obs[i] : NULL;
}

size_t dataset_find_all(const struct ak_dataset *ds, int year, int code, enum ak_area area,
			const struct ak_obs **out, size_t max)
{
	size_t n = 0;
	const struct ak_obs *def = dataset_find(ds, year, code, area);
	if (def && n < max)
		out[n++] = def;
	for (size_t i = 0; ds->obs && i < ds->n_obs && n < max; i++) {
		const struct ak_obs *o = &ds->obs[i];
		if (o != def && o->year == year && o->code == code && o->area == area &&
		    !o->scope[0])
			out[n++] = o;
	}
	return n;
}

/* True when a should be shown rather than b. */
static bool preferred(const struct ak_obs *a, const struct ak_obs *b)
{
	if (a->source.kind != b->source.kind)
		return a->source.kind < b->source.kind;
	int c = strcmp(a->source.date, b->source.date);
	if (c != 0)
		return c > 0; /* newer first; an unknown date sorts oldest */
	return a < b;
}

void dataset_choose_defaults(struct ak_dataset *ds)
{
	free(ds->facts); /* worked out for the defaults before: facts_analyse again */
	free(ds->facts_at);
	ds->facts = NULL;
	ds->facts_at = NULL;
	ds->n_facts = 0;
	free(ds->index);
	index_columns(ds);
	size_t n = (ds->n_years ? ds->n_years : 1) * (ds->n_code_cols ? ds->n_code_cols : 1) *
		   AREA_COUNT;
	ds->index = xmalloc(n * sizeof *ds->index);
	for (size_t i = 0; i < n; i++)
		ds->index[i] = -1;
	for (size_t i = 0; i < ds->n_obs; i++) {
		struct ak_obs *o = &ds->obs[i];
		o->is_default = false;
		long slot = year_slot(ds, o->year);
		if (o->scope[0] || slot < 0 || o->code < 0 || o->code > AK_MAX_CODE)
			continue;
		int *cell = &ds->index[index_pos(ds, (size_t)slot, o->code, o->area)];
		if (*cell < 0 || preferred(o, &ds->obs[*cell]))
			*cell = (int)i;
	}
	for (size_t i = 0; i < n; i++)
		if (ds->index[i] >= 0)
			ds->obs[ds->index[i]].is_default = true;
}

static void ak_source_free(struct ak_source *s)
{
	free(s->text);
	free(s->date);
	free(s->url);
}

void ak_obs_free(struct ak_obs *o)
{
	if (o->shared_texts)
		return;
#define FREE_TEXT(field) free(o->field);
	AK_OBS_TEXTS(FREE_TEXT)
#undef FREE_TEXT
	ak_source_free(&o->source);
}

void ak_record_free(struct ak_record *r)
{
	free(r->scope);
	free(r->summary);
	free(r->reason);
	free(r->note);
	ak_source_free(&r->source);
}

void ak_quarter_free(struct ak_quarter *q)
{
	free(q->note);
	ak_source_free(&q->source);
	memset(q, 0, sizeof *q);
}

/* The rows below law level, the units and the area rules. */
static void dataset_free_pars(struct ak_dataset *ds)
{
	for (size_t i = 0; i < ds->n_pars; i++) {
		struct ak_par *p = &ds->pars[i];
		free(p->law);
		free(p->label);
		free(p->paragraphs);
		free(p->note);
		ak_source_free(&p->source);
	}
	free(ds->pars);
	for (size_t i = 0; i < ds->n_units; i++) {
		free(ds->units[i].name);
		free(ds->units[i].law);
		free(ds->units[i].paragraphs);
	}
	free(ds->units);
	for (size_t i = 0; i < ds->n_area_pars; i++) {
		free(ds->area_pars[i].law);
		free(ds->area_pars[i].paragraph);
	}
	free(ds->area_pars);
}

void dataset_free(struct ak_dataset *ds)
{
	for (size_t i = 0; i < ds->n_munis; i++) {
		free(ds->munis[i].name);
		free(ds->munis[i].region);
		free(ds->munis[i].folded);
		free(ds->munis[i].loose);
	}
	for (size_t i = 0; i < ds->n_obs; i++) {
		ak_obs_free(&ds->obs[i]);
	}
	for (size_t i = 0; i < ds->n_records; i++) {
		ak_record_free(&ds->records[i]);
	}
	for (size_t i = 0; i < ds->n_maps; i++) {
		free(ds->maps[i].url);
		free(ds->maps[i].source);
	}
	free(ds->maps);
	for (size_t i = 0; i < ds->n_comments; i++) {
		struct ak_comment *c = &ds->comments[i];
		free(c->text);
		ak_source_free(&c->source);
	}
	free(ds->comments);
	for (size_t i = 0; i < ds->n_quarters; i++)
		ak_quarter_free(&ds->quarters[i]);
	free(ds->quarters);
	dataset_free_pars(ds);
	for (size_t i = 0; i < ds->n_rules; i++) {
		free(ds->rules[i].provision);
		free(ds->rules[i].note);
		ak_source_free(&ds->rules[i].source);
	}
	free(ds->rules);
	for (size_t i = 0; i < ds->n_events; i++) {
		free(ds->events[i].text);
		ak_source_free(&ds->events[i].source);
	}
	free(ds->events);
	for (size_t i = 0; i < ds->n_files; i++)
		free(ds->files[i]);
	free(ds->files);
	for (size_t i = 0; i < ds->n_texts; i++)
		free(ds->texts[i]);
	free(ds->texts);
	free(ds->munis);
	free(ds->obs);
	free(ds->records);
	free(ds->years);
	free(ds->index);
	free(ds->code_col);
	free(ds->facts);
	free(ds->facts_at);
	free(ds->shipped_dir);
	free(ds->user_dir);
	memset(ds, 0, sizeof *ds);
}

#define AK_OBS_NUM_ROW(field, kind) {#field, offsetof(struct ak_obs, field), AK_NUM_##kind},
const struct ak_obs_field ak_obs_numbers[AK_OBS_N_NUMBERS] = {AK_OBS_NUMBERS(AK_OBS_NUM_ROW)};
#undef AK_OBS_NUM_ROW

const char *ak_obs_number_words(size_t i)
{
	/* clang-format off */
	static const struct { const char *id, *words; } words[] = {
		{"cases", N_("the number of cases")},
		{"upheld", N_("the upheld cases")},
		{"remanded", N_("the remanded cases")},
		{"changed", N_("the changed cases")},
		{"reversed", N_("the reversed cases")},
		{"rate_pct", N_("the reversal rate")},
		{"remanded_pct", N_("the share remanded")},
		{"changed_pct", N_("the share changed")},
		{"upheld_pct", N_("the share upheld")},
		{"decisions_total", N_("the number of decisions")},
		{"dst_benefits", N_("Danmarks Statistik's count of benefits")},
		{"dst_benefits_year", N_("the year of Danmarks Statistik's count")},
	};
	/* clang-format on */
	for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
		if (strcmp(words[k].id, ak_obs_numbers[i].name) == 0)
			return _(words[k].words);
	return ak_obs_numbers[i].name; /* a number without words yet: its column */
}

struct ak_num ak_obs_num(const struct ak_obs *o, size_t i)
{
	struct ak_num n;
	memcpy(&n, (const char *)o + ak_obs_numbers[i].offset, sizeof n);
	return n;
}

bool ak_obs_same_numbers(const struct ak_obs *a, const struct ak_obs *b)
{
	return ak_obs_same_numbers_but(a, b, 0);
}

bool ak_obs_same_numbers_but(const struct ak_obs *a, const struct ak_obs *b, unsigned skip)
{
	for (size_t i = 0; i < AK_OBS_N_NUMBERS; i++) {
		if (skip & 1u << i)
			continue;
		struct ak_num x = ak_obs_num(a, i), y = ak_obs_num(b, i);
		if (x.present != y.present || (x.present && x.value != y.value))
			return false;
	}
	return true;
}
