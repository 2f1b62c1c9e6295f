/* csvload.c - the dataset file formats (docs/DATA.md): municipalities,
 * year files, remanded records, maps and comments, and a directory of
 * them; read through csvtable.c. */
#include "ankekort/data/csvload.h"
#include "ankekort/data/names.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

enum { MC_CODE, MC_NAME, MC_REGION, MC_LAT, MC_LON, MC_COUNT };
static const struct colspec muni_cols[MC_COUNT] = {
	[MC_CODE] = {"code", true},	    [MC_NAME] = {"name", true},
	[MC_REGION] = {"region", false},    [MC_LAT] = {"centroid_lat", false},
	[MC_LON] = {"centroid_lon", false},
};

/* clang-format off */
/* the numbers' columns follow AK_OBS_NUMBERS (dataset.h) */
#define YC_NUM_ENUM(field, kind) YC_##field,
enum {
	YC_CODE, YC_KOMMUNE, YC_AREA, YC_SCOPE, AK_OBS_NUMBERS(YC_NUM_ENUM) YC_SOURCE,
	YC_SOURCE_KIND, YC_SOURCE_DATE, YC_SOURCE_URL, YC_NOTE, YC_COUNT
};
#undef YC_NUM_ENUM
#define YC_NUM_SPEC(field, kind) [YC_##field] = {#field, false},
static const struct colspec year_cols[YC_COUNT] = {
	[YC_CODE] = {"code", true},
	[YC_KOMMUNE] = {"kommune", false},
	[YC_AREA] = {"area", true},
	[YC_SCOPE] = {"scope", false},
	AK_OBS_NUMBERS(YC_NUM_SPEC)
	[YC_SOURCE] = {"source", true},
	[YC_SOURCE_KIND] = {"source_kind", true},
	[YC_SOURCE_DATE] = {"source_date", false},
	[YC_SOURCE_URL] = {"source_url", false},
	[YC_NOTE] = {"note", false},
};
/* clang-format on */

enum {
	RC_YEAR,
	RC_CODE,
	RC_AREA,
	RC_SCOPE,
	RC_KIND,
	RC_COUNT_N,
	RC_OUTCOME,
	RC_SUMMARY,
	RC_REASON,
	RC_SOURCE,
	RC_SOURCE_KIND,
	RC_SOURCE_DATE,
	RC_SOURCE_URL,
	RC_NOTE,
	RC_COUNT
};
static const struct colspec record_cols[RC_COUNT] = {
	[RC_YEAR] = {"year", true},
	[RC_CODE] = {"code", true},
	[RC_AREA] = {"area", false},
	[RC_SCOPE] = {"scope", false},
	[RC_KIND] = {"kind", true},
	[RC_COUNT_N] = {"count", false},
	[RC_OUTCOME] = {"outcome", false},
	[RC_SUMMARY] = {"summary", false},
	[RC_REASON] = {"reason", false},
	[RC_SOURCE] = {"source", true},
	[RC_SOURCE_KIND] = {"source_kind", true},
	[RC_SOURCE_DATE] = {"source_date", false},
	[RC_SOURCE_URL] = {"source_url", false},
	[RC_NOTE] = {"note", false},
};

enum { LC_YEAR, LC_AREA, LC_URL, LC_SOURCE, LC_COUNT };
static const struct colspec map_cols[LC_COUNT] = {
	[LC_YEAR] = {"year", true},
	[LC_AREA] = {"area", true},
	[LC_URL] = {"url", true},
	[LC_SOURCE] = {"source", true},
};

enum { KC_YEAR, KC_CODE, KC_AREA, KC_TEXT, KC_SOURCE, KC_SOURCE_DATE, KC_SOURCE_URL, KC_COUNT };
static const struct colspec comment_cols[KC_COUNT] = {
	[KC_YEAR] = {"year", true},
	[KC_CODE] = {"code", true},
	[KC_AREA] = {"area", false},
	[KC_TEXT] = {"comment", true},
	[KC_SOURCE] = {"source", true},
	[KC_SOURCE_DATE] = {"source_date", false},
	[KC_SOURCE_URL] = {"source_url", false},
};

/* ---- helpers ------------------------------------------------------------- */

static bool get_coord(struct table *t, const struct csv_row *row, int col, double *out)
{
	const char *s = tbl_field(t, row, col);
	if (!s[0])
		return false;
	/* digits, a point, a minus: strtod alone takes nan (it froze the map), inf, hex */
	if (strlen(s) < 32 && csvtable_decimal(s, out) && *out >= -180.0 && *out <= 180.0)
		return true;
	tbl_bad_value(t, row, col, "a coordinate in degrees such as 56.1629");
	return false;
}

static void muni_row(struct table *t, const struct csv_row *row)
{
	struct ak_municipality m = {0};
	struct ak_num n = {0};
	if (!csvtable_parse_number(tbl_field(t, row, MC_CODE), &n) || n.decimals ||
	    n.value > AK_MAX_CODE) {
		tbl_bad_value(t, row, MC_CODE, "a municipality code from 0 to 999");
		return;
	}
	m.code = (int)n.value;
	for (size_t i = 0; i < t->ds->n_munis; i++) {
		if (t->ds->munis[i].code == m.code) {
			tbl_at_col(t, row, MC_CODE, DIAG_ERROR, "code %d is listed twice", m.code);
			return;
		}
	}
	bool has_lat = get_coord(t, row, MC_LAT, &m.lat);
	bool has_lon = get_coord(t, row, MC_LON, &m.lon);
	m.has_centroid = has_lat && has_lon;
	if (!tbl_field(t, row, MC_NAME)[0])
		tbl_at_col(t, row, MC_NAME, DIAG_ERROR,
			   "name: expected a name, found an empty cell");
	if (t->row_bad)
		return;
	m.name = tbl_get_text(t, row, MC_NAME);
	m.region = tbl_get_text(t, row, MC_REGION);
	names_fold_municipality(&m);
	struct ak_dataset *ds = t->ds;
	ds->munis = xreallocarray(ds->munis, ds->n_munis + 1, sizeof *ds->munis);
	ds->munis[ds->n_munis++] = m;
}

static int cmp_muni(const void *a, const void *b)
{
	const struct ak_municipality *x = a, *y = b;
	return (x->code > y->code) - (x->code < y->code);
}

void csvload_municipalities_mem(struct ak_dataset *ds, const char *path, const char *buf,
				size_t len, const char *display, struct diag_list *diags,
				struct load_result *res)
{
	struct table t = {.ds = ds,
			  .path = tbl_register_file(ds, display),
			  .diags = diags,
			  .res = res,
			  .cols = muni_cols,
			  .ncols = MC_COUNT,
			  .row_fn = muni_row};
	tbl_read_table(&t, path, buf, len);
	if (ds->n_munis > 1)
		qsort(ds->munis, ds->n_munis, sizeof *ds->munis, cmp_muni);
}

/* ---- YYYY.csv ---------------------------------------------------------------- */

static bool obs_has_figure(const struct ak_obs *o)
{
	return o->cases.present || o->upheld.present || o->remanded.present || o->changed.present ||
	       o->reversed.present || o->rate_pct.present || o->remanded_pct.present ||
	       o->changed_pct.present || o->upheld_pct.present || o->decisions_total.present ||
	       o->dst_benefits.present || o->dismissed.present;
}

static void check_name(struct table *t, const struct csv_row *row, int code)
{
	const char *given = tbl_field(t, row, YC_KOMMUNE);
	const struct ak_municipality *m = dataset_muni(t->ds, code);
	if (!given[0] || !m)
		return;
	struct sbuf a = {0}, b = {0};
	textfmt_fold(&a, given);
	textfmt_fold(&b, m->name);
	if (strcmp(sbuf_str(&a), sbuf_str(&b)) != 0) {
		char *s = tbl_shown(given);
		tbl_at_col(t, row, YC_KOMMUNE, DIAG_WARNING,
			   "kommune: expected \"%s\" for code %d, found \"%s\"", m->name, code, s);
		free(s);
	}
	sbuf_free(&a);
	sbuf_free(&b);
}

static void read_obs_numbers(struct table *t, const struct csv_row *row, struct ak_obs *o)
{
#define READ_NUM(field, kind)                                                                      \
	o->field = AK_NUM_##kind == AK_NUM_PCT ? tbl_get_pct(t, row, YC_##field)                   \
					       : tbl_get_count(t, row, YC_##field);
	AK_OBS_NUMBERS(READ_NUM)
#undef READ_NUM
}

static void year_row(struct table *t, const struct csv_row *row)
{
	struct ak_obs o = {.year = t->year, .path = t->path, .line = row->line};
	o.code = tbl_get_code(t, row, YC_CODE);
	if (o.code >= 0)
		check_name(t, row, o.code);
	if (!area_parse(tbl_field(t, row, YC_AREA), &o.area))
		tbl_bad_value(t, row, YC_AREA, "generelt, boernehandicap or voksenhandicap");
	read_obs_numbers(t, row, &o);
	o.scope = tbl_get_text(t, row, YC_SCOPE);
	o.note = tbl_get_text(t, row, YC_NOTE);
	o.one_law_only = strstr(o.note, AK_NOTE_ONE_LAW) != NULL; /* the importer's note */
	tbl_get_source(t, row, YC_SOURCE, YC_SOURCE_KIND, YC_SOURCE_DATE, YC_SOURCE_URL, &o.source);
	/* ankekort 0.1 wrote imported counts as "ministry"; its note says so */
	if (o.source.kind == SOURCE_MINISTRY &&
	    strncmp(o.note, AK_NOTE_IMPORTED, strlen(AK_NOTE_IMPORTED)) == 0)
		o.source.kind = SOURCE_STATISTICS;
	if (!t->row_bad && !obs_has_figure(&o))
		diag_add(t->diags, DIAG_WARNING, t->path, row->line, 1, "the row holds no figure");
	if (t->row_bad) {
		ak_obs_free(&o);
		return;
	}
	struct ak_dataset *ds = t->ds;
	if (ds->n_obs == ds->cap_obs) {
		ds->cap_obs = ds->cap_obs ? ds->cap_obs * 2 : 64;
		ds->obs = xreallocarray(ds->obs, ds->cap_obs, sizeof *ds->obs);
	}
	ds->obs[ds->n_obs++] = o;
}

static int cmp_obs_key(const void *a, const void *b)
{
	const struct ak_obs *x = *(const struct ak_obs *const *)a;
	const struct ak_obs *y = *(const struct ak_obs *const *)b;
	if (x->code != y->code)
		return (x->code > y->code) - (x->code < y->code);
	if (x->area != y->area)
		return (x->area > y->area) - (x->area < y->area);
	int c = strcmp(x->scope, y->scope);
	if (c)
		return c;
	c = strcmp(x->source.text, y->source.text);
	if (c)
		return c;
	return (x->line > y->line) - (x->line < y->line);
}

/* Two rows for the same key from the same source cannot both be right. */
static void check_duplicates(struct ak_dataset *ds, size_t first, struct diag_list *diags)
{
	size_t n = ds->n_obs - first;
	if (n < 2)
		return;
	const struct ak_obs **v = xmalloc(n * sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = &ds->obs[first + i];
	qsort(v, n, sizeof *v, cmp_obs_key);
	for (size_t i = 1; i < n; i++) {
		const struct ak_obs *a = v[i - 1], *b = v[i];
		if (a->code == b->code && a->area == b->area && !strcmp(a->scope, b->scope) &&
		    !strcmp(a->source.text, b->source.text))
			diag_add(diags, DIAG_ERROR, b->path, b->line, 1,
				 "expected one row per municipality, area, scope and source, found "
				 "a second one (first on line %d)",
				 a->line);
	}
	free(v);
}

void csvload_year_mem(struct ak_dataset *ds, int year, const char *path, const char *buf,
		      size_t len, const char *display, struct diag_list *diags,
		      struct load_result *res)
{
	dataset_add_year(ds, year);
	struct table t = {.ds = ds,
			  .path = tbl_register_file(ds, display),
			  .diags = diags,
			  .res = res,
			  .cols = year_cols,
			  .ncols = YC_COUNT,
			  .row_fn = year_row,
			  .year = year};
	size_t first = ds->n_obs;
	tbl_read_table(&t, path, buf, len);
	check_duplicates(ds, first, diags);
	diag_list_flush(diags);
}

/* ---- remanded.csv ------------------------------------------------------------ */

static void check_record(struct table *t, const struct csv_row *row, const struct ak_record *r)
{
	if (r->kind == RECORD_STORY && !r->summary[0])
		tbl_at_col(t, row, RC_SUMMARY, DIAG_ERROR,
			   "summary: expected the case in a few sentences, found an empty cell");
	if (r->kind == RECORD_TALLY && !r->count.present)
		tbl_at_col(t, row, RC_COUNT_N, DIAG_ERROR,
			   "count: expected the number of cases for a tally, found an empty cell");
	if (r->kind == RECORD_TALLY && r->outcome == OUTCOME_NONE)
		tbl_at_col(t, row, RC_OUTCOME, DIAG_ERROR,
			   "outcome: expected the outcome the tally counts, found an empty cell");
	if (!t->row_bad && !dataset_has_year(t->ds, r->year))
		tbl_at_col(t, row, RC_YEAR, DIAG_WARNING, "year %d has no figures file", r->year);
}

static void record_row(struct table *t, const struct csv_row *row)
{
	struct ak_record r = {.path = t->path, .line = row->line, .area = -1};
	r.year = tbl_get_year(t, row, RC_YEAR);
	r.code = tbl_get_code(t, row, RC_CODE);
	r.area = tbl_get_optional_area(t, row, RC_AREA);
	if (!record_kind_parse(tbl_field(t, row, RC_KIND), &r.kind))
		tbl_bad_value(t, row, RC_KIND, "story, tally or summary");
	r.count = tbl_get_count(t, row, RC_COUNT_N);
	if (!outcome_parse(tbl_field(t, row, RC_OUTCOME), &r.outcome))
		tbl_bad_value(t, row, RC_OUTCOME,
			      "new_decision, upheld, withdrawn, appealed_again, unknown or empty");
	r.scope = tbl_get_text(t, row, RC_SCOPE);
	r.summary = tbl_get_text(t, row, RC_SUMMARY);
	r.reason = tbl_get_text(t, row, RC_REASON);
	r.note = tbl_get_text(t, row, RC_NOTE);
	tbl_get_source(t, row, RC_SOURCE, RC_SOURCE_KIND, RC_SOURCE_DATE, RC_SOURCE_URL, &r.source);
	if (!t->row_bad)
		check_record(t, row, &r);
	if (t->row_bad) {
		ak_record_free(&r);
		return;
	}
	struct ak_dataset *ds = t->ds;
	if (ds->n_records == ds->cap_records) {
		ds->cap_records = ds->cap_records ? ds->cap_records * 2 : 16;
		ds->records = xreallocarray(ds->records, ds->cap_records, sizeof *ds->records);
	}
	ds->records[ds->n_records++] = r;
}

void csvload_records_mem(struct ak_dataset *ds, const char *path, const char *buf, size_t len,
			 const char *display, struct diag_list *diags, struct load_result *res)
{
	struct table t = {.ds = ds,
			  .path = tbl_register_file(ds, display),
			  .diags = diags,
			  .res = res,
			  .cols = record_cols,
			  .ncols = RC_COUNT,
			  .row_fn = record_row};
	tbl_read_table(&t, path, buf, len);
}

/* ---- maps.csv -------------------------------------------------------------------- */

static void map_row(struct table *t, const struct csv_row *row)
{
	struct ak_maplink m = {.path = t->path, .line = row->line};
	m.year = tbl_get_year(t, row, LC_YEAR);
	if (!area_parse(tbl_field(t, row, LC_AREA), &m.area))
		tbl_bad_value(t, row, LC_AREA, "generelt, boernehandicap or voksenhandicap");
	const char *url = tbl_field(t, row, LC_URL);
	if (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0)
		tbl_bad_value(t, row, LC_URL, "a web address starting with https://");
	if (!tbl_field(t, row, LC_SOURCE)[0])
		tbl_bad_value(t, row, LC_SOURCE, "the document that cites the address");
	if (t->row_bad)
		return;
	m.url = tbl_get_text(t, row, LC_URL);
	m.source = tbl_get_text(t, row, LC_SOURCE);
	struct ak_dataset *ds = t->ds;
	if (ds->n_maps == ds->cap_maps) {
		ds->cap_maps = ds->cap_maps ? ds->cap_maps * 2 : 8;
		ds->maps = xreallocarray(ds->maps, ds->cap_maps, sizeof *ds->maps);
	}
	ds->maps[ds->n_maps++] = m;
}

/* maps.csv: year, area, url, source - the ministry's map pages as the
 * source documents cite them. */
void csvload_maps(struct ak_dataset *ds, const char *path, const char *display,
		  struct diag_list *diags, struct load_result *res)
{
	struct table t = {.ds = ds,
			  .path = tbl_register_file(ds, display),
			  .diags = diags,
			  .res = res,
			  .cols = map_cols,
			  .ncols = LC_COUNT,
			  .row_fn = map_row};
	tbl_read_table(&t, path, NULL, 0);
}

/* ---- comments.csv ---------------------------------------------------------------- */

static void comment_row(struct table *t, const struct csv_row *row)
{
	struct ak_comment c = {.path = t->path, .line = row->line, .area = -1};
	c.year = tbl_get_year(t, row, KC_YEAR);
	c.code = tbl_get_code(t, row, KC_CODE);
	c.area = tbl_get_optional_area(t, row, KC_AREA);
	if (!tbl_field(t, row, KC_TEXT)[0])
		tbl_bad_value(t, row, KC_TEXT, "the municipality's comment");
	if (!tbl_field(t, row, KC_SOURCE)[0])
		tbl_bad_value(t, row, KC_SOURCE, "where the comment is published");
	const char *date = tbl_field(t, row, KC_SOURCE_DATE);
	if (date[0] && !tbl_valid_date(date))
		tbl_bad_value(t, row, KC_SOURCE_DATE, "YYYY, YYYY-MM or YYYY-MM-DD");
	if (t->row_bad)
		return;
	c.text = tbl_get_text(t, row, KC_TEXT);
	c.source.text = tbl_get_text(t, row, KC_SOURCE);
	c.source.kind = SOURCE_MUNICIPALITY;
	c.source.date = tbl_get_text(t, row, KC_SOURCE_DATE);
	c.source.url = tbl_get_url(t, row, KC_SOURCE_URL);
	struct ak_dataset *ds = t->ds;
	if (ds->n_comments == ds->cap_comments) {
		ds->cap_comments = ds->cap_comments ? ds->cap_comments * 2 : 8;
		ds->comments = xreallocarray(ds->comments, ds->cap_comments, sizeof *ds->comments);
	}
	ds->comments[ds->n_comments++] = c;
}

void csvload_comments(struct ak_dataset *ds, const char *path, const char *display,
		      struct diag_list *diags, struct load_result *res)
{
	struct table t = {.ds = ds,
			  .path = tbl_register_file(ds, display),
			  .diags = diags,
			  .res = res,
			  .cols = comment_cols,
			  .ncols = KC_COUNT,
			  .row_fn = comment_row};
	tbl_read_table(&t, path, NULL, 0);
}

void csvload_municipalities(struct ak_dataset *ds, const char *path, const char *display,
			    struct diag_list *diags, struct load_result *res)
{
	csvload_municipalities_mem(ds, path, NULL, 0, display, diags, res);
}

void csvload_year(struct ak_dataset *ds, int year, const char *path, const char *display,
		  struct diag_list *diags, struct load_result *res)
{
	csvload_year_mem(ds, year, path, NULL, 0, display, diags, res);
}

void csvload_records(struct ak_dataset *ds, const char *path, const char *display,
		     struct diag_list *diags, struct load_result *res)
{
	csvload_records_mem(ds, path, NULL, 0, display, diags, res);
}
