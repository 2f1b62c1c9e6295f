/* import.c - Statistikbanken, Talportal and spreadsheet files into
 * canonical rows. The three readers share the aggregation: every used value
 * lands in a cell (year, municipality, area) at paragraph or law level. */
#include "ankekort/import/import.h"

#include <ctype.h>
#include <stdarg.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ankekort/data/csvload.h"
#include "ankekort/import/colroles.h"
#include "ankekort/base/csvread.h"
#include "ankekort/base/dupkeys.h"
#include "ankekort/base/encoding.h"
#include "ankekort/base/fileio.h"
#include "ankekort/base/hashtab.h"
#include "ankekort/base/i18n.h"
#include "ankekort/data/names.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/strmap.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

/* ---- area rules ----------------------------------------------------------------- */

static const struct {
	const char *law, *paragraph;
	enum ak_area area;
} builtin_rules[] = {
#define SEL "servicelov|social services act|sel"
	{SEL, "", AREA_GENERELT},	      {SEL, "*", AREA_GENERELT},
	{SEL, "32", AREA_BOERNEHANDICAP},   {SEL, "32a", AREA_BOERNEHANDICAP},
	{SEL, "36", AREA_BOERNEHANDICAP},   {SEL, "39", AREA_BOERNEHANDICAP},
	{SEL, "40", AREA_BOERNEHANDICAP},   {SEL, "41", AREA_BOERNEHANDICAP},
	{SEL, "42", AREA_BOERNEHANDICAP},   {SEL, "43", AREA_BOERNEHANDICAP},
	{SEL, "44", AREA_BOERNEHANDICAP},   {SEL, "45", AREA_BOERNEHANDICAP},
	{SEL, "95", AREA_VOKSENHANDICAP},   {SEL, "96", AREA_VOKSENHANDICAP},
	{SEL, "97", AREA_VOKSENHANDICAP},   {SEL, "100", AREA_VOKSENHANDICAP},
#undef SEL
};

/* The rule's law gets the number of the first rule with the same law text,
 * so rules can say which law a figure's rows came from. */
static void add_rule(struct area_rules *r, const char *law, const char *par, enum ak_area a,
		     int from, int to)
{
	r->rules = xreallocarray(r->rules, r->n + 1, sizeof *r->rules);
	struct sbuf f = {0};
	textfmt_fold(&f, law);
	int id = 0;
	for (size_t i = 0; i < r->n; i++) {
		if (strcmp(r->rules[i].law, sbuf_str(&f)) == 0) {
			id = r->rules[i].law_id;
			break;
		}
		if (r->rules[i].law_id >= id)
			id = r->rules[i].law_id + 1;
	}
	r->rules[r->n++] = (struct area_rule){.law = sbuf_take(&f),
					      .paragraph = xstrdup(par),
					      .area = a,
					      .from = from,
					      .to = to,
					      .law_id = id < 31 ? id : 31};
}

enum { RULE_LAW, RULE_PAR, RULE_AREA, RULE_FROM, RULE_TO, RULE_COLS };

struct rules_ctx {
	struct area_rules *r;
	const char *path;
	struct diag_list *diags;
	int col[RULE_COLS];
};

static bool rules_header(struct rules_ctx *c, const struct csv_row *row)
{
	static const char *const names[RULE_COLS] = {"law", "paragraph", "area", "from", "to"};
	for (int k = 0; k < RULE_COLS; k++) {
		c->col[k] = -1;
		for (size_t i = 0; i < row->n; i++)
			if (strcasecmp(row->fields[i], names[k]) == 0)
				c->col[k] = (int)i;
	}
	if (c->col[RULE_LAW] < 0 || c->col[RULE_PAR] < 0 || c->col[RULE_AREA] < 0) {
		diag_add(c->diags, DIAG_ERROR, c->path, 1, 1,
			 "expected the columns law, paragraph and area");
		return false;
	}
	return true;
}

/* A year column of the rules: empty (open) or a year; false for garbage. */
static bool rule_year(const struct csv_row *row, int col, int *year)
{
	*year = 0;
	if (col < 0 || (size_t)col >= row->n || !row->fields[col][0])
		return true;
	char *end;
	long y = strtol(row->fields[col], &end, 10);
	if (*end || y < 1900 || y > 2999)
		return false;
	*year = (int)y;
	return true;
}

static bool rules_row(void *ctx, const struct csv_row *row)
{
	struct rules_ctx *c = ctx;
	if (row->row == 0)
		return rules_header(c, row);
	enum ak_area a;
	int need = 0;
	for (int k = 0; k < RULE_AREA + 1; k++)
		need = c->col[k] > need ? c->col[k] : need;
	int line, col;
	if (row->n <= (size_t)need || !area_parse(row->fields[c->col[RULE_AREA]], &a)) {
		csv_row_pos(row, row->n > (size_t)c->col[RULE_AREA] ? (size_t)c->col[RULE_AREA] : 0,
			    &line, &col);
		diag_add(c->diags, DIAG_ERROR, c->path, line, col,
			 "area: expected generelt, boernehandicap or voksenhandicap");
		return true;
	}
	int from, to;
	for (int k = RULE_FROM; k <= RULE_TO; k++) {
		if (!rule_year(row, c->col[k], k == RULE_FROM ? &from : &to)) {
			csv_row_pos(row, (size_t)c->col[k], &line, &col);
			diag_add(c->diags, DIAG_ERROR, c->path, line, col,
				 "%s: expected a year such as 2024, or nothing", k == RULE_FROM ? "from" : "to");
			return true;
		}
	}
	char par[32];
	size_t k = 0;
	for (const char *p = row->fields[c->col[RULE_PAR]]; *p && k + 1 < sizeof par; p++)
		if (!isspace((unsigned char)*p))
			par[k++] = (char)tolower((unsigned char)*p);
	par[k] = '\0';
	add_rule(c->r, row->fields[c->col[RULE_LAW]], par, a, from, to);
	return true;
}

void area_rules_load(struct area_rules *r, const char *path, struct diag_list *diags)
{
	memset(r, 0, sizeof *r);
	if (path) {
		struct stat st;
		if (stat(path, &st) == 0) { /* a missing file: the built-in rules */
			struct rules_ctx c = {.r = r, .path = path, .diags = diags};
			csv_read_file(path, path, diags, rules_row, &c);
			if (r->n > 0)
				return;
		}
	}
	for (size_t i = 0; i < sizeof builtin_rules / sizeof builtin_rules[0]; i++)
		add_rule(r, builtin_rules[i].law, builtin_rules[i].paragraph, builtin_rules[i].area, 0,
			 0);
}

void area_rules_free(struct area_rules *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->rules[i].law);
		free(r->rules[i].paragraph);
	}
	free(r->rules);
	memset(r, 0, sizeof *r);
}

static bool rule_in_force(const struct area_rule *rule, int year)
{
	return year == 0 || ((!rule->from || year >= rule->from) && (!rule->to || year <= rule->to));
}

int area_rules_epoch(const struct area_rules *r, int year)
{
	int epoch = 0;
	for (size_t i = 0; i < r->n; i++)
		epoch += (r->rules[i].from && year >= r->rules[i].from) +
			 (r->rules[i].to && year > r->rules[i].to);
	return epoch;
}

unsigned area_rules_laws(const struct area_rules *r, enum ak_area area, int year)
{
	unsigned laws = 0;
	for (size_t i = 0; i < r->n; i++)
		if (r->rules[i].area == area && rule_in_force(&r->rules[i], year))
			laws |= 1u << r->rules[i].law_id;
	return laws;
}

const char *area_rules_law_name(const struct area_rules *r, int law_id, char *buf, size_t size)
{
	for (size_t i = 0; i < r->n; i++) {
		if (r->rules[i].law_id == law_id) {
			const char *bar = strchr(r->rules[i].law, '|');
			size_t n = bar ? (size_t)(bar - r->rules[i].law) : strlen(r->rules[i].law);
			snprintf(buf, size, "%.*s", (int)n, r->rules[i].law);
			return buf;
		}
	}
	snprintf(buf, size, "?");
	return buf;
}

/* The first paragraph named in text: "§ 32 a" -> "32a", "§§ 42-43" -> "42". */
static bool paragraph_of(const char *text, char *out, size_t size)
{
	const char *p = strstr(text, "\xC2\xA7");
	if (!p)
		return false;
	while (*p && !isdigit((unsigned char)*p))
		p++;
	size_t k = 0;
	while (isdigit((unsigned char)*p) && k + 2 < size)
		out[k++] = *p++;
	if (k == 0)
		return false;
	const char *q = p;
	while (*q == ' ')
		q++;
	if (islower((unsigned char)*q) && !isalpha((unsigned char)q[1]))
		out[k++] = *q;
	out[k] = '\0';
	return true;
}

/* True when w stands in s as a word of its own. */
static bool word_in(const char *s, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = strstr(s, w); p; p = strstr(p + 1, w)) {
		bool start = p == s || !isalnum((unsigned char)p[-1]);
		bool end = !isalnum((unsigned char)p[n]);
		if (start && end)
			return true;
	}
	return false;
}

/* True when the folded text names the law: any of its |-separated names,
 * short ones (3 letters or fewer) as whole words, longer ones anywhere. */
static bool law_in(const char *text, const char *names)
{
	char *copy = xstrdup(names), *save = NULL;
	bool hit = false;
	for (char *alt = strtok_r(copy, "|", &save); alt && !hit; alt = strtok_r(NULL, "|", &save))
		hit = strlen(alt) <= 3 ? word_in(text, alt) : strstr(text, alt) != NULL;
	free(copy);
	return hit;
}

unsigned area_rules_match(const struct area_rules *r, const char *law, const char *paragraph,
			  int year, bool *law_level, unsigned *laws)
{
	struct sbuf all = {0};
	sbuf_printf(&all, "%s %s", law ? law : "", paragraph ? paragraph : "");
	char par[32] = "";
	bool has_par = paragraph_of(sbuf_str(&all), par, sizeof par);
	struct sbuf folded = {0};
	textfmt_fold(&folded, sbuf_str(&all));
	const char *f = sbuf_str(&folded);
	unsigned mask = 0, used = 0;
	bool law_named = false;
	/* a text naming no law at all is a bare paragraph of the first law */
	bool names_a_law = strstr(f, "lov") != NULL || strstr(f, " act") != NULL ||
			   word_in(f, "sel");
	bool named = false, first_law = false;
	for (size_t i = 0; i < r->n; i++) {
		const struct area_rule *rule = &r->rules[i];
		if (i == 0 || rule->law_id != r->rules[i - 1].law_id) { /* once a run of one law */
			named = law_in(f, rule->law);
			first_law = rule->law_id == r->rules[0].law_id;
		}
		if (!named && !(has_par && !names_a_law && first_law))
			continue;
		law_named |= named;
		if (!rule_in_force(rule, year))
			continue;
		if (has_par ? (strcmp(rule->paragraph, "*") == 0 || strcmp(rule->paragraph, par) == 0)
			    : rule->paragraph[0] == '\0') {
			mask |= 1u << rule->area;
			used |= 1u << rule->law_id;
		}
	}
	*law_level = !has_par && law_named;
	if (laws)
		*laws = used;
	sbuf_free(&all);
	sbuf_free(&folded);
	return mask;
}

/* ---- formats ------------------------------------------------------------------- */

const char *import_format_name(enum import_format f)
{
	switch (f) {
	case IMPORT_DST: return "dst";
	case IMPORT_TALPORTAL: return "talportal";
	case IMPORT_SHEET: return "sheet";
	default: return "auto";
	}
}

bool import_format_parse(const char *s, enum import_format *out)
{
	for (int f = IMPORT_DST; f <= IMPORT_SHEET; f++) {
		if (strcasecmp(s, import_format_name((enum import_format)f)) == 0) {
			*out = (enum import_format)f;
			return true;
		}
	}
	return false;
}

/* ---- the aggregation --------------------------------------------------------------- */

enum meas { M_UPHELD, M_REMANDED, M_CHANGED, M_CASES, M_REVERSED, M_RATE, M_REM_PCT, M_CHG_PCT, M_COUNT };
enum level { LVL_PARAGRAPH, LVL_LAW, LVL_COUNT };

struct part {
	struct ak_num v[M_COUNT];
	bool suppressed[M_COUNT]; /* a ".." went into the value */
	bool missing[M_COUNT];	  /* an empty or NA cell went into the value */
	size_t rows;
};

struct cell {
	int year, code;
	enum ak_area area;
	struct part p[LVL_COUNT][5]; /* [level][0 = annual, 1-4 = quarters] */
	int first_line;
	unsigned laws;	     /* the laws (area rule law_id bits) its rows came under */
	int conflict_line;   /* a row repeated with another value: no figure */
};

/* What long files repeat, looked up once: value -> result. Consecutive rows
 * mostly repeat the value before, so that is checked first. */
struct memo {
	struct strmap map;
	char *last;
	size_t last_len;
	int last_value;
};

static void memo_remember(struct memo *m, const char *key, size_t len, int value)
{
	free(m->last);
	m->last = xstrndup(key, len);
	m->last_len = len;
	m->last_value = value;
}

/* key is len bytes long (and NUL-terminated) */
static bool memo_get(struct memo *m, const char *key, size_t len, int *value)
{
	if (m->last && m->last_len == len && memcmp(m->last, key, len) == 0) {
		*value = m->last_value;
		return true;
	}
	if (!strmap_get(&m->map, key, value))
		return false;
	memo_remember(m, key, len, *value);
	return true;
}

static void memo_put(struct memo *m, const char *key, size_t len, int value)
{
	strmap_put(&m->map, key, value);
	memo_remember(m, key, len, value);
}

static void memo_free(struct memo *m)
{
	strmap_free(&m->map);
	free(m->last);
	m->last = NULL;
}

struct importer {
	struct memo muni_cache, decision_cache, area_cache;
	const struct ak_dataset *ds;
	const struct import_options *o;
	struct import_result *res;
	const char *path;
	struct cell *cells;
	size_t n_cells, cap_cells;
	struct hashtab cell_index; /* (year, code, area) -> index into cells */
	/* what was passed over, for the report */
	size_t suppressed, not_merits, totals, no_area, bad_values, regions;
	int first_suppressed, first_not_merits, first_total, first_no_area;
	struct sbuf unknown_names; /* "name (line N)" list */
	size_t n_unknown;
	struct sbuf unmatched; /* paragraph texts without an area */
	size_t n_unmatched;
	struct lawpar *lawpars;	  /* what each law/paragraph text (and year) means */
	unsigned char epochs[256]; /* [year - 1900]: the area rules' epoch + 1, or 0 */
	struct last_lawpar {
		struct sbuf text; /* law then paragraph */
		size_t law_len, par_len;
		unsigned char epoch;
		int id; /* -1: none yet */
	} last_lawpar;
	size_t n_lawpar, cap_lawpar;
	struct dupkeys keys;	  /* every key seen, to catch repeats */
	size_t repeats, conflicts; /* repeated keys: identical, and differing */
	int plan[COL_ROLE_COUNT]; /* Statistikbanken: the column of each role */
};

static uint64_t cell_key(int year, int code, enum ak_area area)
{
	return ((uint64_t)(unsigned)year * 1000u + (unsigned)code) * 3u + (unsigned)area + 1u;
}

static struct cell *cell_at(struct importer *im, int year, int code, enum ak_area area, int line)
{
	uint64_t key = cell_key(year, code, area), i;
	size_t pos = 0;
	if (hashtab_next(&im->cell_index, key, &pos, &i))
		return &im->cells[i];
	if (im->n_cells == im->cap_cells) {
		im->cap_cells = im->cap_cells ? im->cap_cells * 2 : 256;
		im->cells = xreallocarray(im->cells, im->cap_cells, sizeof *im->cells);
	}
	struct cell *c = &im->cells[im->n_cells];
	memset(c, 0, sizeof *c);
	c->year = year;
	c->code = code;
	c->area = area;
	c->first_line = line;
	hashtab_add(&im->cell_index, key, im->n_cells++);
	return c;
}

/* Adds a value: counts sum, percentages keep the last (they only stand
 * when one row makes the cell). */
static void put(struct part *p, enum meas m, struct ak_num v, bool suppressed)
{
	if (suppressed) {
		p->suppressed[m] = true;
		return;
	}
	if (!v.present) {
		p->missing[m] = true;
		return;
	}
	if (m >= M_RATE || !p->v[m].present)
		p->v[m] = v;
	else
		p->v[m].value += v.value;
}

static void note_once(struct sbuf *list, size_t *n, const char *what, int line)
{
	char key[300];
	snprintf(key, sizeof key, "\"%s\"", what);
	if (strstr(sbuf_str(list), key))
		return;
	if (*n < 20)
		sbuf_printf(list, "%s%s (line %d)", list->len ? ", " : "", key, line);
	(*n)++;
}

static int municipality_lookup(struct importer *im, const char *value, int line);

/* Municipality from a code, a label or "code label"; -1 when unknown, -2
 * for rows that are not one municipality (totals, regions, Christiansø). */
static int municipality_of(struct importer *im, const char *value, int line)
{
	int code;
	size_t len = strlen(value);
	if (memo_get(&im->muni_cache, value, len, &code)) {
		if (code == -2)
			im->regions++;
		return code;
	}
	code = municipality_lookup(im, value, line);
	memo_put(&im->muni_cache, value, len, code);
	return code;
}

/* What a municipality label names: a code, AK_NATIONAL_CODE, -2 for rows
 * that are not one municipality (totals, regions), -1 when unknown. No side effects: also used to tell which column is which. */
static int muni_resolve(const struct ak_dataset *ds, const char *value)
{
	const char *v = value;
	while (*v == ' ')
		v++;
	char *end;
	long code = strtol(v, &end, 10);
	if (end != v && (*end == '\0' || *end == ' '))
		return code == 411 || !dataset_muni(ds, (int)code) ? -1 : (int)code;
	struct sbuf f = {0};
	textfmt_fold(&f, v);
	const char *s = sbuf_str(&f);
	int result = -1;
	if (strcmp(s, "i alt") == 0 || strcmp(s, "total") == 0 || strncmp(s, "region ", 7) == 0 ||
	    strcmp(s, "landsdele i alt") == 0) {
		result = -2;
	} else if (strcmp(s, "copenhagen") == 0 || strcmp(s, "koebenhavns kommune") == 0) {
		result = 101;
	} else if (strcmp(s, "all denmark") == 0 || strcmp(s, "the whole country") == 0) {
		result = AK_NATIONAL_CODE;
	} else if (strcmp(s, "christiansoe") != 0) { /* not a municipality: listed as unknown */
		int c;
		if (names_lookup(ds, v, &c) == NAMES_OK)
			result = c;
	}
	sbuf_free(&f);
	return result;
}

static int municipality_lookup(struct importer *im, const char *value, int line)
{
	int result = muni_resolve(im->ds, value);
	if (result == -1)
		note_once(&im->unknown_names, &im->n_unknown, value, line);
	if (result == -2)
		im->regions++;
	return result;
}

/* "2021" -> quarter 0; "2021K3", "2021Q3", "2021 - 3. kvartal" -> 3. */
static bool period_of(const char *s, int *year, int *quarter)
{
	while (*s == ' ')
		s++;
	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) ||
	    !isdigit((unsigned char)s[2]) || !isdigit((unsigned char)s[3]))
		return false;
	*year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	if (*year < 1900 || *year > 2199)
		return false; /* "0007" is no period: it would become 7.csv, never loaded */
	const char *r = s + 4;
	*quarter = 0;
	if (*r == '\0')
		return true;
	if ((*r == 'K' || *r == 'Q' || *r == 'k' || *r == 'q') && r[1] >= '1' && r[1] <= '4' && !r[2]) {
		*quarter = r[1] - '0';
		return true;
	}
	const char *k = strstr(r, "kvartal");
	if (!k)
		k = strstr(r, "quarter");
	for (const char *d = r; k && d < k; d++) {
		if (*d >= '1' && *d <= '4') {
			*quarter = *d - '0';
			return true;
		}
	}
	return false;
}

int import_period_year(const char *label)
{
	int year, quarter;
	return period_of(label, &year, &quarter) ? year : 0;
}

/* A number as the files write it: "12", "12,5", "1.234" (thousands, in a
 * count), "38,5%" . Sets *suppressed for "..", returns false for garbage,
 * and for a number the loader would refuse (a count over a billion, a
 * percentage over 100; then *out holds it, for the message). */
static bool value_of(const char *s, bool count, struct ak_num *out, bool *suppressed)
{
	char buf[64];
	size_t k = 0;
	*suppressed = false;
	memset(out, 0, sizeof *out);
	while (*s == ' ')
		s++;
	if (count && *s >= '0' && *s <= '9') {
		/* the common case, a plain count: no copying, no strtod */
		long long v = 0;
		const char *p = s;
		while (*p >= '0' && *p <= '9' && p - s < 12)
			v = v * 10 + (*p++ - '0');
		if (*p == '\0') {
			*out = (struct ak_num){.value = (double)v, .present = true};
			return v <= 1000000000; /* what the loader takes (csvload.c) */
		}
	}
	if (!*s || strcmp(s, "NA") == 0 || strcmp(s, "-") == 0)
		return true;
	if (strcmp(s, "..") == 0 || strcmp(s, ".") == 0) {
		*suppressed = true;
		return true;
	}
	for (; *s && k + 1 < sizeof buf; s++) {
		if (*s == ' ' || *s == '%' || (unsigned char)*s == 0xC2 || (unsigned char)*s == 0xA0)
			continue;
		buf[k++] = *s;
	}
	buf[k] = '\0';
	/* "1.234" in a count is a thousands separator */
	if (count) {
		char *dot = strchr(buf, '.');
		if (dot && strlen(dot + 1) == 3 && !strchr(buf, ','))
			memmove(dot, dot + 1, strlen(dot));
	}
	struct ak_num n;
	if (!csvload_parse_number(buf, &n) || (count && n.decimals > 0 && n.value != (long)n.value))
		return false;
	if (count)
		n.decimals = 0;
	*out = n;
	/* only what the loader takes back: a row it would refuse is never written */
	return count ? n.value <= 1e9 : n.value <= 100.0;
}

/* ---- header aliases ----------------------------------------------------------------- */

enum role {
	R_NONE, R_MUNI, R_CODE, R_LAW, R_PAR, R_DECISION, R_TIME, R_VALUE, R_YEAR, R_AREA,
	R_MEASURE, R_IGNORE
};

struct alias {
	const char *name; /* folded */
	enum role role;
	int meas; /* for R_MEASURE */
};

static const struct alias dst_aliases[] = {
	{"omraade", R_MUNI, 0},	      {"omrade", R_MUNI, 0},	    {"kommune", R_MUNI, 0},
	{"komk", R_MUNI, 0},	      {"kommunekode", R_MUNI, 0},   {"municipality", R_MUNI, 0},
	{"lov", R_LAW, 0},	      {"lovgivning", R_LAW, 0},	    {"law", R_LAW, 0},
	{"lovgrundlag", R_LAW, 0},    {"legal basis", R_LAW, 0},
	{"lovomraade", R_LAW, 0},     {"legislation", R_LAW, 0},    {"paragraf", R_PAR, 0},
	{"paragraph", R_PAR, 0},      {"bestemmelse", R_PAR, 0},    {"sagsemne", R_PAR, 0},
	{"emne", R_PAR, 0},	      {"ydelse", R_PAR, 0},	    {"par", R_PAR, 0},
	{"afgoerelse", R_DECISION, 0}, {"afgorelse", R_DECISION, 0}, {"afgtype", R_DECISION, 0},
	{"afgoerelsestype", R_DECISION, 0}, {"udfald", R_DECISION, 0}, {"resultat", R_DECISION, 0},
	{"decision", R_DECISION, 0},  {"outcome", R_DECISION, 0},   {"afg", R_DECISION, 0},
	{"tid", R_TIME, 0},	      {"time", R_TIME, 0},	    {"indhold", R_VALUE, 0},
	{"content", R_VALUE, 0},      {"value", R_VALUE, 0},
};

static const struct alias talportal_aliases[] = {
	{"kommune", R_MUNI, 0},
	{"lovgivning", R_LAW, 0},
	{"sagsemne", R_PAR, 0},
	{"periode", R_TIME, 0},
	{"realitetsbehandlede sager i alt", R_MEASURE, M_CASES},
	{"realitetsbehandlede sager", R_MEASURE, M_CASES},
	{"stadfaestede sager", R_MEASURE, M_UPHELD},
	{"aendrede/ophaevede sager", R_MEASURE, M_CHANGED},
	{"hjemviste sager", R_MEASURE, M_REMANDED},
	{"omgjorte sager", R_MEASURE, M_REVERSED},
	{"omgoerelsesprocent", R_MEASURE, M_RATE},
	{"hjemvisningsprocent", R_MEASURE, M_REM_PCT},
	{"aendringsprocent", R_MEASURE, M_CHG_PCT},
	{"afviste sager", R_IGNORE, 0},
};

static const struct alias sheet_aliases[] = {
	{"kommune", R_MUNI, 0},
	{"kommunenavn", R_MUNI, 0},
	{"municipality", R_MUNI, 0},
	{"navn", R_MUNI, 0},
	{"kommunekode", R_CODE, 0},
	{"kode", R_CODE, 0},
	{"code", R_CODE, 0},
	{"aar", R_YEAR, 0},
	{"year", R_YEAR, 0},
	{"omraade", R_AREA, 0},
	{"area", R_AREA, 0},
	{"danmarkskort", R_AREA, 0},
	{"antal sager", R_MEASURE, M_CASES},
	{"antal realitetsbehandlede sager", R_MEASURE, M_CASES},
	{"realitetsbehandlede sager", R_MEASURE, M_CASES},
	{"realitetsbehandlede", R_MEASURE, M_CASES},
	{"sager", R_MEASURE, M_CASES},
	{"cases", R_MEASURE, M_CASES},
	{"stadfaestet", R_MEASURE, M_UPHELD},
	{"stadfaestede", R_MEASURE, M_UPHELD},
	{"stadfaestede sager", R_MEASURE, M_UPHELD},
	{"hjemvist", R_MEASURE, M_REMANDED},
	{"hjemviste", R_MEASURE, M_REMANDED},
	{"hjemviste sager", R_MEASURE, M_REMANDED},
	{"aendret/ophaevet", R_MEASURE, M_CHANGED},
	{"aendret", R_MEASURE, M_CHANGED},
	{"aendrede/ophaevede sager", R_MEASURE, M_CHANGED},
	{"omgjort", R_MEASURE, M_REVERSED},
	{"omgjorte", R_MEASURE, M_REVERSED},
	{"omgjorte sager", R_MEASURE, M_REVERSED},
	{"omgoerelsesprocent", R_MEASURE, M_RATE},
	{"omgoerelsesprocent (%)", R_MEASURE, M_RATE},
	{"omgoerelses pct", R_MEASURE, M_RATE},
	{"hjemvisningsprocent", R_MEASURE, M_REM_PCT},
	{"hjemvist (%)", R_MEASURE, M_REM_PCT},
	{"aendringsprocent", R_MEASURE, M_CHG_PCT},
	{"aendret/ophaevet (%)", R_MEASURE, M_CHG_PCT},
};

struct header_map {
	int col[R_IGNORE + 1]; /* first column of each role, -1 when none */
	int meas_col[M_COUNT];
	bool unknown;
};

static const struct alias *find_alias(const struct alias *a, size_t n, const char *name)
{
	struct sbuf f = {0};
	textfmt_fold(&f, name);
	const struct alias *hit = NULL;
	for (size_t i = 0; i < n && !hit; i++)
		if (strcmp(sbuf_str(&f), a[i].name) == 0)
			hit = &a[i];
	sbuf_free(&f);
	return hit;
}

static void map_header(const struct csv_row *row, const struct alias *a, size_t n,
		       struct header_map *m, struct importer *im)
{
	for (int r = 0; r <= R_IGNORE; r++)
		m->col[r] = -1;
	for (int k = 0; k < M_COUNT; k++)
		m->meas_col[k] = -1;
	m->unknown = false;
	for (size_t i = 0; i < row->n; i++) {
		const struct alias *hit = find_alias(a, n, row->fields[i]);
		if (!hit) {
			m->unknown = true;
			/* the position costs a walk along the row: only for a
			 * message that is kept (a hundred at most) */
			if (im) {
				int line = row->line, col = 0;
				if (diag_wanted(&im->res->report, im->path))
					csv_row_pos(row, i, &line, &col);
				diag_add(&im->res->report, DIAG_WARNING, im->path, line, col,
					 "column \"%s\" is not one ankekort knows; its values are not used",
					 row->fields[i]);
			}
			continue;
		}
		if (hit->role == R_MEASURE && m->meas_col[hit->meas] < 0)
			m->meas_col[hit->meas] = (int)i;
		else if (m->col[hit->role] < 0)
			m->col[hit->role] = (int)i;
	}
}

static const char *field(const struct csv_row *row, int col)
{
	return col >= 0 && (size_t)col < row->n ? row->fields[col] : "";
}

static char *header_text(const struct csv_row *row)
{
	struct sbuf b = {0};
	for (size_t i = 0; i < row->n; i++)
		sbuf_printf(&b, "%s%s", i ? ";" : "", row->fields[i]);
	struct sbuf e = {0};
	textfmt_fit(&e, sbuf_str(&b), 200, false, true);
	sbuf_free(&b);
	return sbuf_take(&e);
}

/* ---- decision types (Statistikbanken) ---------------------------------------------------- */

enum decision { D_UNKNOWN, D_UPHELD, D_REMANDED, D_CHANGED, D_REVERSED, D_CASES, D_NOT_MERITS, D_TOTAL };

static enum decision decision_of(const char *value)
{
	struct sbuf f = {0};
	textfmt_fold(&f, value);
	const char *s = sbuf_str(&f);
	while (isdigit((unsigned char)*s) || *s == ' ')
		s++; /* "1 Stadfæstelse": the code before the label */
	static const struct {
		const char *stem;
		enum decision d;
	} stems[] = {
		{"realitetsbehandl", D_CASES}, {"stadfaest", D_UPHELD}, {"upheld", D_UPHELD},
		{"confirm", D_UPHELD},	       {"hjemvis", D_REMANDED}, {"remit", D_REMANDED},
		{"remand", D_REMANDED},	       {"referred back", D_REMANDED}, {"omgjort", D_REVERSED},
		{"revers", D_REVERSED},	       {"aendr", D_CHANGED},	{"ophaev", D_CHANGED},
		{"chang", D_CHANGED},	       {"amend", D_CHANGED},	{"repeal", D_CHANGED},
		{"annul", D_CHANGED},	       {"afvis", D_NOT_MERITS}, {"henvis", D_NOT_MERITS},
		{"bortfald", D_NOT_MERITS},    {"dismiss", D_NOT_MERITS}, {"reject", D_NOT_MERITS},
		{"i alt", D_TOTAL},	       {"total", D_TOTAL},	{"all ", D_TOTAL},
		{"afgoerelser i alt", D_TOTAL},
	};
	enum decision d = D_UNKNOWN;
	for (size_t i = 0; i < sizeof stems / sizeof stems[0] && d == D_UNKNOWN; i++)
		if (strncmp(s, stems[i].stem, strlen(stems[i].stem)) == 0)
			d = stems[i].d;
	sbuf_free(&f);
	return d;
}

static enum meas meas_of_decision(enum decision d)
{
	switch (d) {
	case D_UPHELD: return M_UPHELD;
	case D_REMANDED: return M_REMANDED;
	case D_CHANGED: return M_CHANGED;
	case D_REVERSED: return M_REVERSED;
	default: return M_CASES;
	}
}

/* ---- one used row ------------------------------------------------------------------------------ */


/* What a row's law and paragraph texts mean in a year (cached: files
 * repeat them): the areas, whether it is the law as a whole or the total of
 * all laws, and the laws whose rules matched. Each text pair has a number,
 * part of the row's key. */
struct lawpar {
	unsigned mask, laws;
	bool law_level, all_laws;
};

static const struct lawpar *area_info(struct importer *im, const char *law, const char *par,
				      int year, int line, int *id)
{
	size_t ll = strlen(law), pl = strlen(par);
	bool cached = year >= 1900 && year < 2156;
	unsigned char *epoch = cached ? &im->epochs[year - 1900] : &(unsigned char){0};
	if (!*epoch) /* stored plus one: 0 = not worked out yet */
		*epoch = (unsigned char)(1 + area_rules_epoch(im->o->rules, year) % 200);
	/* rows come in runs of one law and paragraph: the last answer first */
	struct last_lawpar *last = &im->last_lawpar;
	if (last->id >= 0 && last->epoch == *epoch && last->law_len == ll && last->par_len == pl &&
	    memcmp(last->text.data, law, ll) == 0 && memcmp(last->text.data + ll, par, pl) == 0) {
		*id = last->id;
		return &im->lawpars[*id];
	}
	char small[512];
	char *key = ll + pl + 4 <= sizeof small ? small : xmalloc(ll + pl + 4);
	memcpy(key, law, ll);
	key[ll] = '\x1F';
	memcpy(key + ll + 1, par, pl);
	int kl = (int)(ll + 1 + pl);
	key[kl++] = '\x1F';
	key[kl++] = (char)*epoch;
	key[kl] = '\0';
	if (!memo_get(&im->area_cache, key, (size_t)kl, id)) {
		if (im->n_lawpar == im->cap_lawpar) {
			im->cap_lawpar = im->cap_lawpar ? im->cap_lawpar * 2 : 64;
			im->lawpars = xreallocarray(im->lawpars, im->cap_lawpar, sizeof *im->lawpars);
		}
		struct lawpar *lp = &im->lawpars[im->n_lawpar];
		memset(lp, 0, sizeof *lp);
		const char *p = import_is_total(par) ? "" : par;
		if (import_is_total(law) && !p[0]) {
			lp->all_laws = true;
		} else {
			lp->mask = area_rules_match(im->o->rules, law, p, year, &lp->law_level, &lp->laws);
			if (!lp->mask) {
				char what[256];
				snprintf(what, sizeof what, "%s%s%s", law, law[0] && p[0] ? " / " : "", p);
				note_once(&im->unmatched, &im->n_unmatched, what, line);
			}
		}
		*id = (int)im->n_lawpar++;
		memo_put(&im->area_cache, key, (size_t)kl, *id);
	}
	if (key != small)
		free(key);
	sbuf_reset(&last->text);
	sbuf_putn(&last->text, law, ll);
	sbuf_putn(&last->text, par, pl);
	last->law_len = ll;
	last->par_len = pl;
	last->epoch = *epoch;
	last->id = *id;
	return &im->lawpars[*id];
}

/* The areas of a row, counting the rows that have none; 0 means skip it. */
static const struct lawpar *areas_for(struct importer *im, const char *law, const char *par,
				      int year, int line, int *id)
{
	const struct lawpar *lp = area_info(im, law, par, year, line, id);
	if (lp->all_laws) {
		im->totals++; /* all laws together: counted nowhere */
		if (!im->first_total)
			im->first_total = line;
	} else if (!lp->mask) {
		im->no_area++;
		if (!im->first_no_area)
			im->first_no_area = line;
	}
	return lp;
}

static void clear_caches(struct importer *im)
{
	memo_free(&im->muni_cache);
	memo_free(&im->decision_cache);
	memo_free(&im->area_cache);
	free(im->lawpars);
	sbuf_free(&im->last_lawpar.text);
	dupkeys_free(&im->keys);
}

/* The row's "I alt" in the paragraph column is the law as a whole. */
bool import_is_total(const char *s)
{
	struct sbuf f = {0};
	textfmt_fold(&f, s);
	bool t = strcmp(sbuf_str(&f), "i alt") == 0 || strcmp(sbuf_str(&f), "total") == 0;
	sbuf_free(&f);
	return t;
}

/* ---- repeated keys ------------------------------------------------------------------------------ */

/* A row's key: what it is a figure of, without its value. */
static uint64_t row_key(int year, int quarter, int code, int lawpar, int decision)
{
	return 1ull << 63 | (uint64_t)(year & 0xFFF) << 48 | (uint64_t)(quarter & 7) << 45 |
	       (uint64_t)(code & 0x3FF) << 35 | (uint64_t)(lawpar & 0xFFFFFFF) << 7 |
	       (uint64_t)(decision & 0x7F);
}

static uint32_t value_hash(const struct csv_row *row, const int *cols, size_t n)
{
	uint32_t h = DUPKEYS_HASH_START;
	for (size_t i = 0; i < n; i++) {
		if (cols[i] < 0 || (size_t)cols[i] >= row->n)
			continue;
		h = dupkeys_hash(h, row->fields[cols[i]], row->lens[cols[i]]);
		h = dupkeys_hash(h, "\x1F", 1);
	}
	return h;
}

/* "Aarhus; § 41; Hjemvisning; 2022": the key columns of a row. */
static char *key_text(const struct csv_row *row, const int *cols, size_t n)
{
	struct sbuf b = {0};
	for (size_t i = 0; i < n; i++)
		if (cols[i] >= 0 && (size_t)cols[i] < row->n && row->fields[cols[i]][0])
			sbuf_printf(&b, "%s%s", b.len ? "; " : "", row->fields[cols[i]]);
	struct sbuf e = {0};
	textfmt_fit(&e, sbuf_str(&b), 120, false, false);
	sbuf_free(&b);
	return sbuf_take(&e);
}

static struct cell *cell_at(struct importer *im, int year, int code, enum ak_area area, int line);

/* True when the row's key is new. A repeat is never added again: with the
 * same value it is counted once, with another value the figure is stopped. */
static bool first_time(struct importer *im, const struct csv_row *row, uint64_t key,
		       const int *key_cols, size_t n_key, const int *val_cols, size_t n_val, int year,
		       int code, unsigned mask)
{
	int first;
	bool same;
	if (dupkeys_put(&im->keys, key, value_hash(row, val_cols, n_val), row->line, &first, &same))
		return true;
	char *what = diag_wanted(&im->res->report, im->path) ? key_text(row, key_cols, n_key)
							       : xstrdup("");
	if (same) {
		im->repeats++;
		diag_add(&im->res->report, DIAG_WARNING, im->path, row->line, 0,
			 "repeats line %d (%s) with the same value; counted once", first, what);
	} else {
		im->conflicts++;
		diag_add(&im->res->report, DIAG_WARNING, im->path, row->line, 0,
			 "repeats line %d (%s) with another value: a conflict, so that figure is "
			 "not imported",
			 first, what);
		for (int a = 0; a < AREA_COUNT; a++)
			if (mask & (1u << a))
				cell_at(im, year, code, (enum ak_area)a, row->line)->conflict_line = row->line;
	}
	free(what);
	return false;
}

/* ---- adding values ------------------------------------------------------------------------------ */

/* Adds a row's values: given[m] says which measures the row has at all. */
static void add_values(struct importer *im, int year, int quarter, int code,
		       const struct lawpar *lp, const struct ak_num *v, const bool *supp,
		       const bool *given, int line)
{
	for (int a = 0; a < AREA_COUNT; a++) {
		if (!(lp->mask & (1u << a)))
			continue;
		struct cell *c = cell_at(im, year, code, (enum ak_area)a, line);
		struct part *p = &c->p[lp->law_level ? LVL_LAW : LVL_PARAGRAPH][quarter];
		for (int m = 0; m < M_COUNT; m++)
			if (given[m])
				put(p, (enum meas)m, v[m], supp[m]);
		p->rows++;
		c->laws |= lp->laws;
	}
	im->res->rows_used++;
}

/* add_values for a row with one measure (Statistikbanken: one per row), the
 * hot path of a large import. */
static void add_value(struct importer *im, int year, int quarter, int code, const struct lawpar *lp,
		      enum meas m, struct ak_num v, bool supp, int line)
{
	for (int a = 0; a < AREA_COUNT; a++) {
		if (!(lp->mask & (1u << a)))
			continue;
		struct cell *c = cell_at(im, year, code, (enum ak_area)a, line);
		struct part *p = &c->p[lp->law_level ? LVL_LAW : LVL_PARAGRAPH][quarter];
		put(p, m, v, supp);
		p->rows++;
		c->laws |= lp->laws;
	}
	im->res->rows_used++;
}

/* want: what the column takes ("a number"); see number_wanted(). */
static void bad_value(struct importer *im, const struct csv_row *row, int col, const char *what,
		      const char *want)
{
	int line, c;
	csv_row_pos(row, (size_t)col, &line, &c);
	diag_add(&im->res->report, DIAG_WARNING, im->path, line, c,
		 "%s: expected %s, found \"%s\"; the row is not used", what, _(want), field(row, col));
	im->bad_values++;
}

/* What a value_of() that failed wanted: parsed is present when the text was
 * a number out of range (a count over a billion, a percentage over 100). */
static const char *number_wanted(const struct ak_num *parsed, bool count)
{
	return !parsed->present ? N_("a number")
	       : count		? N_("a count of at most 1000000000")
				: N_("a percentage from 0 to 100");
}

/* ---- the three readers ------------------------------------------------------------------------------ */

struct reader {
	struct importer *im;
	struct header_map map;
	bool failed;
};

static bool require(struct reader *r, const struct csv_row *row, bool ok, const char *expected)
{
	if (ok)
		return true;
	char *h = header_text(row);
	diag_add(&r->im->res->report, DIAG_ERROR, r->im->path, row->line, 1,
		 "cannot map the header: expected %s, found \"%s\"", expected, h);
	free(h);
	r->failed = true;
	return false;
}

static bool skip_total_or_unknown(struct importer *im, int code, int line)
{
	if (code == -2) {
		im->totals++;
		if (!im->first_total)
			im->first_total = line;
	}
	return code < 0;
}

static enum decision decision_cached(struct importer *im, const struct csv_row *row, int col)
{
	int dv;
	const char *dtext = field(row, col);
	size_t dlen = col >= 0 && (size_t)col < row->n ? row->lens[col] : 0;
	if (!memo_get(&im->decision_cache, dtext, dlen, &dv)) {
		dv = (int)decision_of(dtext);
		memo_put(&im->decision_cache, dtext, dlen, dv);
	}
	return (enum decision)dv;
}

/* Statistikbanken: the columns were found before reading (see detect). */
static bool dst_row(void *ctx, const struct csv_row *row)
{
	struct reader *r = ctx;
	struct importer *im = r->im;
	const int *pl = im->plan;
	if (row->row == 0)
		return true;
	im->res->rows_read++;
	/* the decision first: a quarter of the rows are dismissals, not used */
	enum decision d = decision_cached(im, row, pl[COL_DECISION]);
	if (d == D_UNKNOWN) {
		note_once(&im->unmatched, &im->n_unmatched, field(row, pl[COL_DECISION]), row->line);
		im->no_area++;
		return true;
	}
	if (d == D_NOT_MERITS || d == D_TOTAL) {
		size_t *n = d == D_TOTAL ? &im->totals : &im->not_merits;
		int *first = d == D_TOTAL ? &im->first_total : &im->first_not_merits;
		(*n)++;
		if (!*first)
			*first = row->line;
		return true;
	}
	int year, quarter;
	if (!period_of(field(row, pl[COL_PERIOD]), &year, &quarter)) {
		bad_value(im, row, pl[COL_PERIOD], "TID", N_("a number"));
		return true;
	}
	int code = municipality_of(im, field(row, pl[COL_MUNI]), row->line);
	if (skip_total_or_unknown(im, code, row->line))
		return true;
	enum meas me = meas_of_decision(d);
	struct ak_num v = {0};
	bool supp = false;
	if (!value_of(field(row, pl[COL_VALUE]), true, &v, &supp)) {
		bad_value(im, row, pl[COL_VALUE], "INDHOLD", number_wanted(&v, true));
		return true;
	}
	int id;
	const struct lawpar *lp = areas_for(im, field(row, pl[COL_LAW]), field(row, pl[COL_PAR]),
					    year, row->line, &id);
	if (!lp->mask)
		return true;
	const int key_cols[] = {pl[COL_MUNI], pl[COL_LAW], pl[COL_PAR], pl[COL_DECISION],
				pl[COL_PERIOD]};
	if (!first_time(im, row, row_key(year, quarter, code, id, (int)d), key_cols, 5,
			&pl[COL_VALUE], 1, year, code, lp->mask))
		return true;
	if (supp && im->suppressed++ == 0)
		im->first_suppressed = row->line;
	add_value(im, year, quarter, code, lp, me, v, supp, row->line);
	return true;
}

/* Reads the measure columns of a Talportal or sheet row into v; given[k]
 * says which measures have a column. */
static bool read_measures(struct reader *r, const struct csv_row *row, struct ak_num *v, bool *supp,
			  bool *given)
{
	for (int k = 0; k < M_COUNT; k++) {
		int col = r->map.meas_col[k];
		given[k] = col >= 0;
		if (col < 0)
			continue;
		if (!value_of(field(row, col), k < M_RATE, &v[k], &supp[k])) {
			bad_value(r->im, row, col, row->fields[0], number_wanted(&v[k], k < M_RATE));
			return false;
		}
	}
	return true;
}

static void count_suppressed(struct importer *im, const bool *supp, int line)
{
	for (int k = 0; k < M_COUNT; k++)
		if (supp[k] && im->suppressed++ == 0)
			im->first_suppressed = line;
}

static bool any_measure(const struct header_map *m)
{
	for (int k = 0; k < M_COUNT; k++)
		if (m->meas_col[k] >= 0)
			return true;
	return false;
}

static bool talportal_row(void *ctx, const struct csv_row *row)
{
	struct reader *r = ctx;
	struct importer *im = r->im;
	struct header_map *m = &r->map;
	if (row->row == 0) {
		map_header(row, talportal_aliases, sizeof talportal_aliases / sizeof talportal_aliases[0],
			   m, im);
		return require(r, row,
			       m->col[R_MUNI] >= 0 && m->col[R_LAW] >= 0 && m->col[R_PAR] >= 0 &&
				       m->col[R_TIME] >= 0 && any_measure(m),
			       "Kommune;Lovgivning;Sagsemne;periode followed by measures such as "
			       "Realitetsbehandlede sager i alt");
	}
	im->res->rows_read++;
	int year, quarter;
	if (!period_of(field(row, m->col[R_TIME]), &year, &quarter)) {
		bad_value(im, row, m->col[R_TIME], "periode", N_("a number"));
		return true;
	}
	int code = municipality_of(im, field(row, m->col[R_MUNI]), row->line);
	if (skip_total_or_unknown(im, code, row->line))
		return true;
	struct ak_num v[M_COUNT] = {0};
	bool supp[M_COUNT] = {0}, given[M_COUNT];
	if (!read_measures(r, row, v, supp, given))
		return true;
	int id;
	const struct lawpar *lp = areas_for(im, field(row, m->col[R_LAW]), field(row, m->col[R_PAR]),
					    year, row->line, &id);
	if (!lp->mask)
		return true;
	const int key_cols[] = {m->col[R_MUNI], m->col[R_LAW], m->col[R_PAR], m->col[R_TIME]};
	if (!first_time(im, row, row_key(year, quarter, code, id, 0x7F), key_cols, 4, m->meas_col,
			M_COUNT, year, code, lp->mask))
		return true;
	count_suppressed(im, supp, row->line);
	add_values(im, year, quarter, code, lp, v, supp, given, row->line);
	return true;
}

static bool sheet_area(const char *value, enum ak_area *a)
{
	if (area_parse(value, a))
		return true;
	struct sbuf f = {0};
	textfmt_fold(&f, value);
	const char *s = sbuf_str(&f);
	bool ok = true;
	if (strstr(s, "boern"))
		*a = AREA_BOERNEHANDICAP;
	else if (strstr(s, "voksen"))
		*a = AREA_VOKSENHANDICAP;
	else if (strstr(s, "generel") || strstr(s, "social"))
		*a = AREA_GENERELT;
	else
		ok = false;
	sbuf_free(&f);
	return ok;
}

static bool sheet_row(void *ctx, const struct csv_row *row)
{
	struct reader *r = ctx;
	struct importer *im = r->im;
	struct header_map *m = &r->map;
	if (row->row == 0) {
		map_header(row, sheet_aliases, sizeof sheet_aliases / sizeof sheet_aliases[0], m, im);
		if (!require(r, row, (m->col[R_MUNI] >= 0 || m->col[R_CODE] >= 0) && any_measure(m),
			     "a Kommune (or Kommunekode) column and figures such as Antal sager, "
			     "Hjemvist or Omgørelsesprocent"))
			return false;
		if (m->col[R_YEAR] < 0 && !im->o->year)
			return require(r, row, false, "an År column, or --year for a sheet without one");
		if (m->col[R_AREA] < 0 && im->o->area < 0)
			return require(r, row, false, "an Område column, or --area for a sheet without one");
		return true;
	}
	im->res->rows_read++;
	int year = im->o->year, quarter = 0;
	if (m->col[R_YEAR] >= 0 && !period_of(field(row, m->col[R_YEAR]), &year, &quarter)) {
		bad_value(im, row, m->col[R_YEAR], "År", N_("a number"));
		return true;
	}
	enum ak_area area = im->o->area >= 0 ? (enum ak_area)im->o->area : AREA_GENERELT;
	if (m->col[R_AREA] >= 0 && !sheet_area(field(row, m->col[R_AREA]), &area)) {
		bad_value(im, row, m->col[R_AREA], "Område",
			  N_("generelt, børnehandicap or voksenhandicap"));
		return true;
	}
	int who = m->col[R_CODE] >= 0 ? m->col[R_CODE] : m->col[R_MUNI];
	int code = municipality_of(im, field(row, who), row->line);
	if (skip_total_or_unknown(im, code, row->line))
		return true;
	struct ak_num v[M_COUNT] = {0};
	bool supp[M_COUNT] = {0}, given[M_COUNT];
	if (!read_measures(r, row, v, supp, given))
		return true;
	const int key_cols[] = {who, m->col[R_YEAR], m->col[R_AREA]};
	if (!first_time(im, row, row_key(year, quarter, code, (int)area, 0x7E), key_cols, 3,
			m->meas_col, M_COUNT, year, code, 1u << area))
		return true;
	count_suppressed(im, supp, row->line);
	const struct lawpar lp = {.mask = 1u << area, .law_level = true};
	add_values(im, year, quarter, code, &lp, v, supp, given, row->line);
	return true;
}

/* ---- detection ------------------------------------------------------------------------------------- */

/* Where the text comes from: an open stream of UTF-8, read in blocks, or a
 * buffer already in UTF-8. */
struct text_src {
	FILE *f;
	const char *buf;
	size_t len;
};

static bool read_csv(const struct text_src *src, const char *path, struct diag_list *diags,
		     csv_row_fn fn, void *ctx)
{
	if (!src->f)
		return csv_read_buffer(src->buf, src->len, path, diags, fn, ctx);
	rewind(src->f);
	return csv_read_stream(src->f, path, diags, fn, ctx);
}

/* How many rows are looked at to tell the columns apart. */
#define SAMPLE_ROWS 1000

struct detection {
	struct importer *im;
	struct col_samples samples;
	struct strmap looks; /* value -> what it looks like: files repeat their labels */
	bool talportal_header, sheet_header, dst_header;
	char *header; /* as seen, for the message */
	size_t rows;
};

static int col_role_of(enum role r)
{
	switch (r) {
	case R_MUNI: return COL_MUNI;
	case R_LAW: return COL_LAW;
	case R_PAR: return COL_PAR;
	case R_DECISION: return COL_DECISION;
	case R_TIME: return COL_PERIOD;
	case R_VALUE: return COL_VALUE;
	default: return -1;
	}
}

unsigned import_value_looks(const struct ak_dataset *ds, const struct area_rules *rules,
			    const char *v)
{
	unsigned looks = 0;
	int year, quarter;
	if (period_of(v, &year, &quarter))
		looks |= COL_LOOKS(COL_PERIOD);
	if (decision_of(v) != D_UNKNOWN)
		looks |= COL_LOOKS(COL_DECISION);
	struct ak_num n;
	bool supp;
	if (value_of(v, true, &n, &supp) && (n.present || supp))
		looks |= COL_LOOKS(COL_VALUE);
	if (strstr(v, "\xC2\xA7")) {
		looks |= COL_LOOKS(COL_LAW) | COL_LOOKS(COL_PAR);
	} else {
		bool lvl;
		struct sbuf f = {0};
		textfmt_fold(&f, v);
		const char *s = sbuf_str(&f);
		if (area_rules_match(rules, v, "", 0, &lvl, NULL) || strstr(s, "lov") ||
		    strstr(s, " act") || word_in(s, "sel"))
			looks |= COL_LOOKS(COL_LAW);
		sbuf_free(&f);
	}
	/* a code ("751") may also be a count; a label that is a period, a
	 * decision or a law is no municipality, and the name lookup is costly */
	bool other = looks & (COL_LOOKS(COL_PERIOD) | COL_LOOKS(COL_DECISION) | COL_LOOKS(COL_LAW));
	if (!other && muni_resolve(ds, v) != -1)
		looks |= COL_LOOKS(COL_MUNI);
	return looks;
}

static void detect_header(struct detection *d, const struct csv_row *row)
{
	struct header_map m;
	d->header = header_text(row);
	map_header(row, dst_aliases, sizeof dst_aliases / sizeof dst_aliases[0], &m, NULL);
	d->dst_header = m.col[R_VALUE] >= 0 && m.col[R_TIME] >= 0;
	int *hints = xcalloc(row->n + 1, sizeof *hints);
	for (size_t i = 0; i < row->n; i++) {
		const struct alias *a =
			find_alias(dst_aliases, sizeof dst_aliases / sizeof dst_aliases[0], row->fields[i]);
		hints[i] = a ? col_role_of(a->role) : -1;
	}
	colroles_init(&d->samples, (const char *const *)row->fields, row->n, hints);
	free(hints);
	map_header(row, talportal_aliases, sizeof talportal_aliases / sizeof talportal_aliases[0], &m,
		   NULL);
	d->talportal_header = m.col[R_MUNI] == 0 && m.col[R_LAW] == 1 && m.col[R_PAR] == 2 &&
			      m.col[R_TIME] == 3;
	map_header(row, sheet_aliases, sizeof sheet_aliases / sizeof sheet_aliases[0], &m, NULL);
	d->sheet_header = (m.col[R_MUNI] >= 0 || m.col[R_CODE] >= 0) && any_measure(&m);
}

static bool sample_row(void *ctx, const struct csv_row *row)
{
	struct detection *d = ctx;
	if (row->row == 0) {
		detect_header(d, row);
		return true;
	}
	for (size_t i = 0; i < row->n && i < d->samples.n; i++) {
		int looks;
		if (!strmap_get(&d->looks, row->fields[i], &looks)) {
			looks = (int)import_value_looks(d->im->ds, d->im->o->rules, row->fields[i]);
			strmap_put(&d->looks, row->fields[i], looks);
		}
		colroles_add(&d->samples, i, row->fields[i], (unsigned)looks);
	}
	return ++d->rows < SAMPLE_ROWS;
}

/* A column of decision labels (Stadfæstelse, Hjemvisning ...) makes a file
 * long-format: Talportal and spreadsheets have one column per measure. */
static bool has_decision_column(const struct col_samples *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct col_sample *c = &s->cols[i];
		if (!c->n || c->hits[COL_DECISION] * 10 < c->n * 9)
			continue;
		/* "I alt" alone is a total, not a decision type */
		for (size_t k = 0; k < c->n_examples; k++) {
			enum decision d = decision_of(c->examples[k]);
			if (d != D_UNKNOWN && d != D_TOTAL)
				return true;
		}
	}
	return false;
}

/* "column 2 "Lovgrundlag" (e.g. "Serviceloven", "§ 41"): the law" */
static void describe_columns(struct importer *im, const struct col_samples *s, const int *plan,
			     bool only_unused)
{
	for (size_t i = 0; i < s->n; i++) {
		int role = -1;
		for (int r = 0; r < COL_ROLE_COUNT; r++)
			if (plan && plan[r] == (int)i)
				role = r;
		if (only_unused && role >= 0)
			continue;
		struct sbuf ex = {0};
		for (size_t k = 0; k < s->cols[i].n_examples; k++)
			sbuf_printf(&ex, "%s\"%s\"", k ? ", " : "", s->cols[i].examples[k]);
		struct sbuf fit = {0};
		textfmt_fit(&fit, sbuf_str(&ex), 80, false, false);
		if (role >= 0)
			diag_add(&im->res->report, DIAG_WARNING, im->path, 1, (int)i + 1,
				 "column %zu \"%s\" (%s): taken for the %s", i + 1, s->cols[i].header,
				 sbuf_str(&fit), colroles_name((enum col_role)role));
		else
			diag_add(&im->res->report, DIAG_WARNING, im->path, 1, (int)i + 1,
				 "column %zu \"%s\" (%s): not used", i + 1, s->cols[i].header,
				 sbuf_str(&fit));
		sbuf_free(&ex);
		sbuf_free(&fit);
	}
}

/* Statistikbanken's columns: --columns first, then what the content says. */
static bool plan_dst(struct importer *im, const struct col_samples *s)
{
	int forced[COL_ROLE_COUNT];
	char *why = NULL;
	if (im->o->columns && !colroles_parse_spec(im->o->columns, s, forced, &why)) {
		diag_add(&im->res->report, DIAG_ERROR, im->path, 1, 1, "%s", why);
		free(why);
		return false;
	}
	if (!colroles_assign(s, im->o->columns ? forced : NULL, im->plan, &why)) {
		diag_add(&im->res->report, DIAG_ERROR, im->path, 1, 1,
			 "cannot tell which column is which: %s; name them with --columns, e.g. "
			 "--columns municipality=1,law=2,decision=3,period=4,value=5",
			 why);
		describe_columns(im, s, im->plan, false);
		free(why);
		return false;
	}
	describe_columns(im, s, im->plan, true);
	return true;
}

static enum import_format detect(struct importer *im, const struct text_src *src)
{
	struct detection d = {.im = im};
	struct diag_list ignore = {0};
	read_csv(src, im->path, &ignore, sample_row, &d);
	diag_list_free(&ignore);
	enum import_format f = im->o->format;
	if (f == IMPORT_AUTO)
		f = has_decision_column(&d.samples) ? IMPORT_DST
		    : d.talportal_header	    ? IMPORT_TALPORTAL
		    : d.sheet_header		    ? IMPORT_SHEET
		    : d.dst_header		    ? IMPORT_DST
						    : IMPORT_AUTO;
	if (f == IMPORT_AUTO) {
		diag_add(&im->res->report, DIAG_ERROR, im->path, 1, 1,
			 "cannot tell the format from the header \"%s\": expected Statistikbanken "
			 "(...;TID;INDHOLD), Talportal (Kommune;Lovgivning;Sagsemne;periode;...) or a "
			 "spreadsheet with a Kommune column and figures; or name it with --format",
			 d.header ? d.header : "");
		describe_columns(im, &d.samples, NULL, false);
	}
	if (f == IMPORT_DST && !plan_dst(im, &d.samples))
		f = IMPORT_AUTO;
	colroles_free(&d.samples);
	strmap_free(&d.looks);
	free(d.header);
	return f;
}

/* ---- cells to canonical rows ------------------------------------------------------------------------ */

static const char *basename_of(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static char *source_text(const struct importer *im)
{
	if (im->o->source)
		return xstrdup(im->o->source);
	const char *base = basename_of(im->path);
	if (im->res->format == IMPORT_DST) {
		char table[16] = "";
		const char *t = strcasestr(base, "ankeast");
		if (t && isdigit((unsigned char)t[7]))
			snprintf(table, sizeof table, " ANKEAST%c", t[7]);
		return xasprintf("Danmarks Statistik, Statistikbanken%s (Ankestyrelsens tal), fil %s", table, base);
	}
	if (im->res->format == IMPORT_TALPORTAL)
		return xasprintf("Ankestyrelsen, Talportal (eksport), fil %s", base);
	return xasprintf("Regneark %s", base);
}

/* The part a cell's figures come from: the annual row, or the quarters
 * summed (percentages only stand when one row made the part). */
static struct part merged(const struct cell *c, enum level lvl, unsigned *quarters)
{
	const struct part *p = c->p[lvl];
	*quarters = 0;
	if (p[0].rows)
		return p[0];
	struct part sum = {0};
	for (int q = 1; q <= 4; q++) {
		if (!p[q].rows)
			continue;
		*quarters |= 1u << (q - 1);
		for (int m = 0; m < M_RATE; m++) {
			if (p[q].missing[m])
				sum.missing[m] = true;
			put(&sum, (enum meas)m, p[q].v[m], p[q].suppressed[m]);
		}
		sum.rows += p[q].rows;
	}
	return sum;
}

static bool level_used(const struct cell *c, enum level lvl)
{
	for (int q = 0; q <= 4; q++)
		if (c->p[lvl][q].rows)
			return true;
	return false;
}

static void cell_to_obs(struct importer *im, const struct cell *c, const char *source, struct ak_obs *o)
{
	/* a row for the law (or area) as a whole wins over summed paragraphs */
	enum level lvl = level_used(c, LVL_LAW) ? LVL_LAW : LVL_PARAGRAPH;
	unsigned quarters;
	struct part p = merged(c, lvl, &quarters);
	/* a sum with a suppressed or missing part is not known: never a silent
	 * undercount */
	for (int m = 0; m < M_COUNT; m++)
		if (p.suppressed[m] || p.missing[m])
			p.v[m].present = false;
	memset(o, 0, sizeof *o);
	o->year = c->year;
	o->code = c->code;
	o->area = c->area;
	o->scope = xstrdup("");
	o->cases = p.v[M_CASES];
	o->upheld = p.v[M_UPHELD];
	o->remanded = p.v[M_REMANDED];
	o->changed = p.v[M_CHANGED];
	o->reversed = p.v[M_REVERSED];
	if (p.rows == 1) {
		o->rate_pct = p.v[M_RATE];
		o->remanded_pct = p.v[M_REM_PCT];
		o->changed_pct = p.v[M_CHG_PCT];
	}
	struct sbuf note = {0};
	sbuf_printf(&note, "Importeret fra %s (%s, %s).", basename_of(im->path),
		    import_format_name(im->res->format), im->res->encoding);
	if (quarters && quarters != 0xF)
		sbuf_printf(&note, " Summeret af kvartaler (%s%s%s%s): året er ufuldstændigt.",
			    quarters & 1 ? "1" : "", quarters & 2 ? "2" : "", quarters & 4 ? "3" : "",
			    quarters & 8 ? "4" : "");
	else if (quarters)
		sbuf_puts(&note, " Summeret af fire kvartaler.");
	bool supp = false, miss = false;
	for (int m = 0; m < M_RATE; m++) {
		supp |= p.suppressed[m];
		miss |= p.missing[m] && p.rows > 1;
	}
	if (supp)
		sbuf_puts(&note, " Et eller flere tal er udeladt af diskretionshensyn (..); summer "
				 "med dem er ikke oplyst.");
	if (miss)
		sbuf_puts(&note, " Et eller flere tal mangler (NA); summer med dem er ikke oplyst.");
	o->note = sbuf_take(&note);
	o->source.text = xstrdup(source);
	o->source.kind = im->res->format == IMPORT_SHEET ? SOURCE_MUNICIPALITY : SOURCE_MINISTRY;
	o->source.date = xstrdup(im->o->source_date ? im->o->source_date : "");
	o->source.url = xstrdup(im->o->source_url ? im->o->source_url : "");
	o->path = im->path;
	o->line = c->first_line;
	if (quarters && quarters != 0xF)
		diag_add(&im->res->report, DIAG_WARNING, im->path, c->first_line, 0,
			 "%d for code %d (%s) has only some quarters; the sum is marked incomplete",
			 c->year, c->code, area_id(c->area));
}

static bool cell_has_figure(const struct cell *c)
{
	for (int l = 0; l < LVL_COUNT; l++)
		for (int q = 0; q <= 4; q++)
			for (int m = 0; m < M_COUNT; m++)
				if (c->p[l][q].v[m].present || c->p[l][q].suppressed[m])
					return true;
	return false;
}

/* A year whose area has rules under two laws (børnehandicap from 2024:
 * serviceloven and barnets lov) but whose rows came under only one. */
static void note_one_law(struct importer *im, const struct cell *c, struct ak_obs *o)
{
	unsigned in_force = area_rules_laws(im->o->rules, c->area, c->year);
	if (!c->laws || (in_force & (in_force - 1)) == 0 || (in_force & ~c->laws) == 0)
		return;
	char seen[64], missing[64];
	int id_seen = __builtin_ctz(c->laws), id_missing = __builtin_ctz(in_force & ~c->laws);
	area_rules_law_name(im->o->rules, id_seen, seen, sizeof seen);
	area_rules_law_name(im->o->rules, id_missing, missing, sizeof missing);
	char *note = xasprintf("%s Kun rækker efter %s; " AK_NOTE_ONE_LAW " %s, som området også "
			       "omfatter i %d: tallet kan være for lavt.",
			       o->note, seen, missing, c->year);
	free(o->note);
	o->note = note;
	diag_add(&im->res->report, DIAG_WARNING, im->path, c->first_line, 0,
		 "%d %s for code %d: rows only under %s, none under %s, which the area also covers "
		 "from %d; the figure may be too low",
		 c->year, area_id(c->area), c->code, seen, missing, c->year);
}

static void finish(struct importer *im)
{
	char *source = source_text(im);
	struct import_result *res = im->res;
	res->obs = xcalloc(im->n_cells + 1, sizeof *res->obs);
	for (size_t i = 0; i < im->n_cells; i++) {
		const struct cell *c = &im->cells[i];
		if (c->conflict_line)
			continue; /* a key repeated with another value: no figure */
		if (cell_has_figure(c)) {
			cell_to_obs(im, c, source, &res->obs[res->n_obs]);
			note_one_law(im, c, &res->obs[res->n_obs]);
			res->n_obs++;
		}
	}
	free(source);
}

/* A warning whose wording depends on a count: fmt is already chosen with
 * ngettext (so the catalogue has both forms). */
static void report_n(struct importer *im, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void report_n(struct importer *im, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(fmt, ap);
	va_end(ap);
	diag_add(&im->res->report, DIAG_WARNING, im->path, line, 0, "%s", text);
	free(text);
}

static void summarise(struct importer *im)
{
	size_t n;
	if ((n = im->suppressed))
		report_n(im, im->first_suppressed,
			 ngettext("%zu value is suppressed (\"..\"); it is left out, not taken as zero",
				  "%zu values are suppressed (\"..\"); they are left out, not taken as zero", n),
			 n);
	if ((n = im->not_merits))
		report_n(im, im->first_not_merits,
			 ngettext("%zu row of dismissed or referred appeals is not a case decided on the "
				  "merits; not used",
				  "%zu rows of dismissed or referred appeals are not cases decided on the "
				  "merits; not used",
				  n),
			 n);
	if ((n = im->totals))
		report_n(im, im->first_total,
			 ngettext("%zu total or region row (I alt, regions) is not used, so nothing is "
				  "counted twice",
				  "%zu total or region rows (I alt, regions) are not used, so nothing is "
				  "counted twice",
				  n),
			 n);
	if ((n = im->n_unknown))
		report_n(im, 0,
			 ngettext("%zu municipality name or code is unknown and its rows not used: %s",
				  "%zu municipality names or codes are unknown and their rows not used: %s", n),
			 n, sbuf_str(&im->unknown_names));
	if (im->n_unmatched && (n = im->no_area))
		report_n(im, 0,
			 ngettext("%zu row matches no area (see datasets/areas.csv) and is not used; the "
				  "texts: %s",
				  "%zu rows match no area (see datasets/areas.csv) and are not used; the "
				  "texts: %s",
				  n),
			 n, sbuf_str(&im->unmatched));
	if ((n = im->repeats))
		report_n(im, 0,
			 ngettext("%zu row repeats an earlier row with the same value; it was counted once",
				  "%zu rows repeat an earlier row with the same value; each was counted once",
				  n),
			 n);
	if ((n = im->conflicts))
		report_n(im, 0,
			 ngettext("%zu row repeats an earlier row with another value; the figure it "
				  "belongs to is not imported (never summed)",
				  "%zu rows repeat an earlier row with another value; the figures they "
				  "belong to are not imported (never summed)",
				  n),
			 n);
}

static bool run_reader(struct importer *im, const struct text_src *src)
{
	struct reader r = {.im = im};
	csv_row_fn fn = im->res->format == IMPORT_DST	      ? dst_row
			: im->res->format == IMPORT_TALPORTAL ? talportal_row
							      : sheet_row;
	bool ok = read_csv(src, im->path, &im->res->report, fn, &r);
	return ok && !r.failed;
}

/* Reads src as the format asked for, or the one its header shows. */
static bool import_text(const struct text_src *src, const char *path, const struct ak_dataset *ds,
			const struct import_options *o, struct import_result *res)
{
	struct importer im = {.ds = ds, .o = o, .res = res, .path = path, .last_lawpar.id = -1};
	res->format = detect(&im, src);
	bool ok = res->format != IMPORT_AUTO && run_reader(&im, src);
	if (ok) {
		finish(&im);
		summarise(&im);
	}
	diag_list_flush(&res->report);
	clear_caches(&im);
	sbuf_free(&im.unknown_names);
	sbuf_free(&im.unmatched);
	free(im.cells);
	hashtab_free(&im.cell_index);
	return ok;
}

bool import_file(const char *path, const struct ak_dataset *ds, const struct import_options *o,
		 struct import_result *res)
{
	memset(res, 0, sizeof *res);
	char *why = NULL;
	FILE *f = fileio_open_regular(path, FILEIO_MAX_DATA, &why);
	if (!f) {
		diag_add(&res->report, DIAG_ERROR, path, 0, 0, "cannot read the file: %s",
			 why ? why : strerror(errno));
		free(why);
		return false;
	}
	/* every encoding is read in blocks: a first pass tells the encoding,
	 * the reading converts as it goes */
	enum text_encoding enc;
	if (!encoding_sniff_stream(f, &enc)) {
		diag_add(&res->report, DIAG_ERROR, path, 0, 0, "cannot read the file: %s", strerror(EIO));
		fclose(f);
		return false;
	}
	res->encoding = encoding_name(enc);
	FILE *text = enc == ENC_CP1252 ? encoding_cp1252_stream(f) : f;
	bool ok = false;
	if (!text) {
		diag_add(&res->report, DIAG_ERROR, path, 0, 0, "cannot read the file: %s", strerror(errno));
	} else {
		struct text_src src = {.f = text};
		ok = import_text(&src, path, ds, o, res);
	}
	if (text && text != f)
		fclose(text);
	fclose(f);
	return ok;
}

bool import_buffer(const char *raw, size_t raw_len, const char *path, const struct ak_dataset *ds,
		   const struct import_options *o, struct import_result *res)
{
	memset(res, 0, sizeof *res);
	char *owned = NULL;
	size_t len;
	const char *text = encoding_view(raw, raw_len, &len, &res->encoding, &owned);
	struct text_src src = {.buf = text, .len = len};
	bool ok = import_text(&src, path, ds, o, res);
	free(owned);
	return ok;
}

void import_result_free(struct import_result *res)
{
	for (size_t i = 0; i < res->n_obs; i++) {
		struct ak_obs *o = &res->obs[i];
		free(o->scope);
		free(o->note);
		free(o->source.text);
		free(o->source.date);
		free(o->source.url);
	}
	free(res->obs);
	diag_list_free(&res->report);
	memset(res, 0, sizeof *res);
}
