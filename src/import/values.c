/* values.c - what the cells of a download mean: the format names,
 * decision types, periods, numbers (".." and NA), municipality names and
 * the laws a file numbers. */
#include "values.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/sbuf.h"
#include "ankekort/base/strmap.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/csvload.h"
#include "ankekort/data/names.h"
#include "ankekort/import/import.h"
#include "arearules.h"

/* ---- formats ------------------------------------------------------------------- */

/* ---- memos: what a text was found to mean, and notes said once ---------------------------- */

static void memo_remember(struct memo *m, const char *key, size_t len, int value)
{
	struct memo_recent *r = &m->recent[m->next];
	m->next = (m->next + 1) % IMP_MEMO_RECENT;
	free(r->key);
	*r = (struct memo_recent){.key = xstrndup(key, len), .len = len, .value = value};
}

bool imp_memo_find(struct memo *m, const char *key, size_t len, int *value)
{
	if (!strmap_get(&m->map, key, value))
		return false;
	memo_remember(m, key, len, *value);
	return true;
}

void imp_memo_put(struct memo *m, const char *key, size_t len, int value)
{
	strmap_put(&m->map, key, value);
	memo_remember(m, key, len, value);
}

void imp_memo_free(struct memo *m)
{
	strmap_free(&m->map);
	for (int i = 0; i < IMP_MEMO_RECENT; i++)
		free(m->recent[i].key);
	memset(m->recent, 0, sizeof m->recent);
	m->next = 0;
}

void imp_note_once(struct sbuf *list, size_t *n, const char *what, int line)
{
	char key[300];
	snprintf(key, sizeof key, "\"%s\"", what);
	if (strstr(sbuf_str(list), key))
		return;
	if (*n < 20)
		sbuf_printf(list, "%s%s (line %d)", list->len ? ", " : "", key, line);
	(*n)++;
}

void imp_note_law(char **law_names, const char *label)
{
	bool sub;
	int n = imp_law_number(label, &sub, NULL);
	if (n < 0 || n >= IMP_LAW_NUMBERS || sub || law_names[n])
		return;
	struct sbuf f = {0};
	textfmt_fold(&f, label);
	if (imp_names_a_law(sbuf_str(&f)))
		law_names[n] = xstrdup(label);
	sbuf_free(&f);
}

/* ---- formats and values ---------------------------------------------------------------------- */

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

/* What a municipality label names: a code, AK_NATIONAL_CODE, -2 for rows
 * that are not one municipality (totals, regions), -1 when unknown. No side effects: also used to tell which column is which. */
int imp_muni_resolve(const struct ak_dataset *ds, const char *value)
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
		else if (import_is_total(v))
			result = -2; /* "Kommuner i alt", "Område i alt" */
	}
	sbuf_free(&f);
	return result;
}

static bool period_text(const char *s, int *year, int *quarter);

/* "2021" -> quarter 0; "2021K3", "2021Q3", "2021 - 3. kvartal" -> 3; code
 * and text as the API's CodeAndValue writes them ("2021 2021", "2024K1
 * 2024Q1") when both name the same period. */
bool imp_period_text(const char *s, int *year, int *quarter)
{
	while (*s == ' ')
		s++;
	size_t code_len = strcspn(s, " ");
	int y2, q2;
	if (code_len > 0 && code_len < 16 && s[code_len] == ' ' &&
	    period_text(s + code_len, &y2, &q2)) {
		char code[16];
		memcpy(code, s, code_len);
		code[code_len] = '\0';
		if (period_text(code, year, quarter) && *year == y2 && *quarter == q2)
			return true;
	}
	return period_text(s, year, quarter);
}

static bool period_text(const char *s, int *year, int *quarter)
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
	if ((*r == 'K' || *r == 'Q' || *r == 'k' || *r == 'q') && r[1] >= '1' && r[1] <= '4' &&
	    !r[2]) {
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
	return imp_period_of(label, &year, &quarter) ? year : 0;
}

/* A number as the files write it: "12", "12,5", "1.234" (thousands, in a
 * count), "38,5%" . Sets *suppressed for "..", returns false for garbage,
 * and for a number the loader would refuse (a count over a billion, a
 * percentage over 100; then *out holds it, for the message). */
bool imp_value_text(const char *s, bool count, struct ak_num *out, bool *suppressed)
{
	char buf[64];
	size_t k = 0;
	*suppressed = false;
	memset(out, 0, sizeof *out);
	while (*s == ' ')
		s++;
	bool ok;
	if (count && imp_plain_count(s, out, &ok)) /* no copying, no strtod */
		return ok;
	if (!*s || strcmp(s, "NA") == 0 || strcmp(s, "-") == 0)
		return true;
	if (strcmp(s, "..") == 0 || strcmp(s, ".") == 0) {
		*suppressed = true;
		return true;
	}
	for (; *s && k + 1 < sizeof buf; s++) {
		if (*s == ' ' || *s == '%' || (unsigned char)*s == 0xC2 ||
		    (unsigned char)*s == 0xA0)
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
	if (!csvtable_parse_number(buf, &n) ||
	    (count && n.decimals > 0 && n.value != (long)n.value))
		return false;
	if (count)
		n.decimals = 0;
	*out = n;
	/* only what the loader takes back: a row it would refuse is never written */
	return count ? n.value <= 1e9 : n.value <= 100.0;
}

enum decision imp_decision_of(const char *value)
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
		{"realitetsbehandl", D_CASES},
		{"stadfaest", D_UPHELD},
		{"upheld", D_UPHELD},
		{"confirm", D_UPHELD},
		{"hjemvis", D_REMANDED},
		{"remit", D_REMANDED},
		{"remand", D_REMANDED},
		{"referred back", D_REMANDED},
		{"omgjort", D_REVERSED},
		{"revers", D_REVERSED},
		{"aendr", D_CHANGED},
		{"ophaev", D_CHANGED},
		{"chang", D_CHANGED},
		{"amend", D_CHANGED},
		{"repeal", D_CHANGED},
		{"annul", D_CHANGED},
		{"afvis", D_DISMISSED},
		{"henvis", D_REFERRED},
		{"bortfald", D_NOT_MERITS},
		{"dismiss", D_DISMISSED},
		{"reject", D_DISMISSED},
		{"referr", D_REFERRED},
		{"i alt", D_TOTAL},
		{"total", D_TOTAL},
		{"all ", D_TOTAL},
		{"afgoerelser i alt", D_TOTAL},
	};
	enum decision d = D_UNKNOWN;
	/* the label, or the label after a code in capitals ("STAD Stadfæstelse") */
	size_t code_len = strcspn(value, " ");
	bool code_first = value[code_len] == ' ';
	for (size_t i = 0; i < code_len && code_first; i++)
		code_first = !islower((unsigned char)value[i]) && (unsigned char)value[i] < 0x80;
	for (int pass = 0; pass < (code_first ? 2 : 1) && d == D_UNKNOWN && *s; pass++) {
		for (size_t i = 0; i < sizeof stems / sizeof stems[0] && d == D_UNKNOWN; i++)
			if (strncmp(s, stems[i].stem, strlen(stems[i].stem)) == 0)
				d = stems[i].d;
		s += strcspn(s, " ");
		while (*s == ' ')
			s++;
	}
	if (d == D_UNKNOWN && import_is_total(value) && !imp_names_a_law(sbuf_str(&f)))
		d = D_TOTAL; /* "Afgørelsestype i alt"; "Serviceloven i alt" is a law */
	sbuf_free(&f);
	return d;
}

enum meas imp_meas_of_decision(enum decision d)
{
	switch (d) {
	case D_UPHELD: return M_UPHELD;
	case D_REMANDED: return M_REMANDED;
	case D_CHANGED: return M_CHANGED;
	case D_REVERSED: return M_REVERSED;
	case D_DISMISSED:
	case D_REFERRED: return M_DISMISSED;
	default: return M_CASES;
	}
}

/* "I alt", "Total", and "<variable text> i alt" ("Afgørelsestype i alt",
 * "TOT I alt" as code and text). A law's own total ("Serviceloven i alt")
 * is one too: the callers tell it by the law it names (read.c). */
bool import_is_total(const char *s)
{
	struct sbuf f = {0};
	textfmt_fold(&f, s);
	const char *t = sbuf_str(&f);
	size_t n = strlen(t);
	while (n > 0 && t[n - 1] == ' ')
		n--;
	bool total = false;
	static const char *const ends[] = {"i alt", "total"};
	for (size_t i = 0; i < 2 && !total; i++) {
		size_t k = strlen(ends[i]);
		total = n >= k && strncmp(t + n - k, ends[i], k) == 0 &&
			(n == k || t[n - k - 1] == ' ');
	}
	sbuf_free(&f);
	return total;
}
