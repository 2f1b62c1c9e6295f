/* arearules.c - which area a law and paragraph belong to, by year: the
 * rules of datasets/areas.csv, loaded, and matched against the texts the
 * downloads use. */
#include "ankekort/import/import.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ankekort/base/csvread.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "arearules.h"

/* ---- area rules ----------------------------------------------------------------- */

static const struct {
	const char *law, *paragraph;
	enum ak_area area;
} builtin_rules[] = {
#define SEL "servicelov|social services act|sel"
	{SEL, "", AREA_GENERELT},	  {SEL, "*", AREA_GENERELT},
	{SEL, "32", AREA_BOERNEHANDICAP}, {SEL, "32a", AREA_BOERNEHANDICAP},
	{SEL, "36", AREA_BOERNEHANDICAP}, {SEL, "39", AREA_BOERNEHANDICAP},
	{SEL, "40", AREA_BOERNEHANDICAP}, {SEL, "41", AREA_BOERNEHANDICAP},
	{SEL, "42", AREA_BOERNEHANDICAP}, {SEL, "43", AREA_BOERNEHANDICAP},
	{SEL, "44", AREA_BOERNEHANDICAP}, {SEL, "45", AREA_BOERNEHANDICAP},
	{SEL, "95", AREA_VOKSENHANDICAP}, {SEL, "96", AREA_VOKSENHANDICAP},
	{SEL, "97", AREA_VOKSENHANDICAP}, {SEL, "100", AREA_VOKSENHANDICAP},
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

enum { RULE_LAW, RULE_PAR, RULE_AREA, RULE_FROM, RULE_TO, RULE_SOURCE, RULE_COLS };

struct rules_ctx {
	struct area_rules *r;
	const char *path;
	struct diag_list *diags;
	int col[RULE_COLS];
	bool header_ok;
	size_t rows; /* rows read, good or bad */
};

static const char *const rule_names[RULE_COLS] = {"law",  "paragraph", "area",
						  "from", "to",	       "source"};

/* The header: the columns by name, as every other file; a missing one of
 * law, paragraph and area is an error and no rule is read. */
static bool rules_header(struct rules_ctx *c, const struct csv_row *row)
{
	for (int k = 0; k < RULE_COLS; k++)
		c->col[k] = -1;
	for (size_t i = 0; i < row->n; i++) {
		int line, col, k = 0;
		csv_row_pos(row, i, &line, &col);
		while (k < RULE_COLS && strcasecmp(row->fields[i], rule_names[k]) != 0)
			k++;
		char *shown = textfmt_escape_dup(row->fields[i]);
		if (k == RULE_COLS)
			diag_add(c->diags, DIAG_WARNING, c->path, line, col,
				 "unknown column \"%s\" is ignored", shown);
		else if (c->col[k] >= 0)
			diag_add(c->diags, DIAG_ERROR, c->path, line, col,
				 "column \"%s\" appears twice", shown);
		else
			c->col[k] = (int)i;
		free(shown);
	}
	c->header_ok = true;
	for (int k = RULE_LAW; k <= RULE_AREA; k++)
		if (c->col[k] < 0) {
			diag_add(c->diags, DIAG_ERROR, c->path, row->line, 1,
				 "expected a column named \"%s\" in the header, found none; the "
				 "file's rows are not loaded",
				 rule_names[k]);
			c->header_ok = false;
		}
	return true;
}

static const char *rule_cell(const struct rules_ctx *c, const struct csv_row *row, int k)
{
	return c->col[k] >= 0 && (size_t)c->col[k] < row->n ? row->fields[c->col[k]] : "";
}

static bool rule_error(struct rules_ctx *c, const struct csv_row *row, int k, const char *what)
{
	int line, col;
	size_t i = c->col[k] >= 0 && (size_t)c->col[k] < row->n ? (size_t)c->col[k] : 0;
	csv_row_pos(row, i, &line, &col);
	char *shown = textfmt_escape_dup(rule_cell(c, row, k));
	diag_add(c->diags, DIAG_ERROR, c->path, line, col, "%s: expected %s, found \"%s\"",
		 rule_names[k], what, shown);
	free(shown);
	return true; /* the next row is read */
}

/* A year column of the rules: empty (open) or a year; false for garbage. */
static bool rule_year(const char *s, int *year)
{
	*year = 0;
	if (!s[0])
		return true;
	char *end;
	long y = strtol(s, &end, 10);
	if (!isdigit((unsigned char)s[0]) || *end || y < 1900 || y > 2999)
		return false;
	*year = (int)y;
	return true;
}

/* A law: |-separated names, each with a letter; "" when it is not one. */
static bool rule_law(const char *s)
{
	const char *p = s;
	for (;;) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		bool letter = false;
		for (size_t i = 0; i < n; i++)
			letter |= isalpha((unsigned char)p[i]) || (unsigned char)p[i] >= 0x80;
		if (!letter)
			return false;
		if (!bar)
			return true;
		p = bar + 1;
	}
}

/* A paragraph: "", "*", or a number with at most one letter after it
 * ("41", "32a", "32 a"); folded into par. */
static bool rule_paragraph(const char *s, char *par, size_t size)
{
	char f[32] = "";
	size_t k = 0;
	for (const char *p = s; *p; p++) {
		if (isspace((unsigned char)*p))
			continue;
		if (k + 1 >= sizeof f)
			return false;
		f[k++] = (char)tolower((unsigned char)*p);
	}
	snprintf(par, size, "%s", f);
	if (!f[0] || strcmp(f, "*") == 0)
		return true;
	size_t d = strspn(f, "0123456789");
	return d > 0 && d <= 4 && (!f[d] || (islower((unsigned char)f[d]) && !f[d + 1]));
}

static bool rules_row(void *ctx, const struct csv_row *row)
{
	struct rules_ctx *c = ctx;
	if (row->row == 0)
		return rules_header(c, row);
	if (!c->header_ok)
		return false;
	if (row->n == 1 && !row->fields[0][0])
		return true; /* a blank line */
	c->rows++;
	enum ak_area a;
	int from, to;
	char par[32];
	const char *law = rule_cell(c, row, RULE_LAW);
	if (!rule_law(law))
		return rule_error(c, row, RULE_LAW,
				  _("the law's names separated by |, e.g. \"servicelov|sel\""));
	if (!rule_paragraph(rule_cell(c, row, RULE_PAR), par, sizeof par))
		return rule_error(c, row, RULE_PAR,
				  _("a paragraph such as 41 or 32a, * or nothing"));
	if (!area_parse(rule_cell(c, row, RULE_AREA), &a))
		return rule_error(c, row, RULE_AREA,
				  _("generelt, boernehandicap or voksenhandicap"));
	if (!rule_year(rule_cell(c, row, RULE_FROM), &from))
		return rule_error(c, row, RULE_FROM, _("a year such as 2024, or nothing"));
	if (!rule_year(rule_cell(c, row, RULE_TO), &to))
		return rule_error(c, row, RULE_TO, _("a year such as 2024, or nothing"));
	if (from && to && to < from)
		return rule_error(c, row, RULE_TO, _("a year not before the year in from"));
	add_rule(c->r, law, par, a, from, to);
	const struct area_rule *added = &c->r->rules[c->r->n - 1];
	for (size_t i = 0; added->law_id == 31 && i + 1 < c->r->n; i++)
		if (c->r->rules[i].law_id == 31 && strcmp(c->r->rules[i].law, added->law) != 0) {
			c->r->n--; /* law ids stop at 31: a 33rd law would share one */
			free(c->r->rules[c->r->n].law);
			free(c->r->rules[c->r->n].paragraph);
			return rule_error(c, row, RULE_LAW, _("at most 32 laws in the rules"));
		}
	return true;
}

void area_rules_load(struct area_rules *r, const char *path, struct diag_list *diags)
{
	memset(r, 0, sizeof *r);
	struct stat st;
	struct diag_list none = {0};
	if (!diags)
		diags = &none;		    /* the caller does not want them */
	if (path && stat(path, &st) == 0) { /* a missing file: the built-in rules */
		struct rules_ctx c = {.r = r, .path = path, .diags = diags};
		size_t errors = diags->errors;
		csv_read_file(path, path, diags, rules_row, &c);
		if (diags->errors == errors && c.rows == 0)
			diag_add(
				diags, DIAG_ERROR, path, 1, 1,
				"expected the header law,paragraph,area,from,to and a rule a line, "
				"found no rule");
		diag_list_flush(diags);
		diag_list_free(&none);
		return; /* with errors the rules are incomplete: the caller refuses */
	}
	for (size_t i = 0; i < sizeof builtin_rules / sizeof builtin_rules[0]; i++)
		add_rule(r, builtin_rules[i].law, builtin_rules[i].paragraph, builtin_rules[i].area,
			 0, 0);
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
	return year == 0 ||
	       ((!rule->from || year >= rule->from) && (!rule->to || year <= rule->to));
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
bool imp_word_in(const char *s, const char *w)
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

/* The next of a rule's |-separated law names from *at (an empty one is
 * passed over): where it starts and its length; false after the last. */
static bool next_name(const char **at, const char **name, size_t *len)
{
	const char *p = *at + strspn(*at, "|");
	if (!*p)
		return false;
	*name = p;
	*len = strcspn(p, "|");
	*at = p + *len;
	return true;
}

/* True when the folded text names the law: any of its |-separated names,
 * short ones (3 letters or fewer) as whole words, longer ones anywhere. */
static bool law_in(const char *text, const char *names)
{
	size_t text_len = strlen(text), n;
	const char *name;
	for (const char *at = names; next_name(&at, &name, &n);) {
		if (n > 3) {
			if (memmem(text, text_len, name, n))
				return true;
			continue;
		}
		char word[4];
		memcpy(word, name, n);
		word[n] = '\0';
		if (imp_word_in(text, word))
			return true;
	}
	return false;
}

bool imp_names_a_law(const char *folded)
{
	return strstr(folded, "lov") != NULL || strstr(folded, " act") != NULL ||
	       strncmp(folded, "act", 3) == 0 || imp_word_in(folded, "sel");
}

int imp_law_number(const char *s, bool *sub, const char **rest)
{
	int number = -1;
	*sub = false;
	const char *p = s;
	for (;;) {
		while (*p == ' ')
			p++;
		const char *q = p;
		long top = 0;
		while (isdigit((unsigned char)*q) && top < 100000)
			top = top * 10 + (*q++ - '0');
		if (q == p)
			break;
		bool dotted = false;
		while (*q == '.' && isdigit((unsigned char)q[1])) {
			dotted = true;
			for (q++; isdigit((unsigned char)*q); q++)
				;
		}
		if (*q != ' ')
			break; /* "32a", "2021K1": not a numbering */
		number = (int)top;
		*sub = dotted;
		p = q;
	}
	if (rest)
		*rest = p;
	return number;
}

/* True when the folded text is a law as a whole: it begins with one of the
 * law's names (after its numbering and an article) and names no part of it
 * ("Øvrige bestemmelser i serviceloven" is a part, "Serviceloven i alt"
 * the whole). */
static bool whole_law(const char *folded, const char *names)
{
	static const char *const part_words[] = {"oevrige", "andre ", "other", "remaining"};
	for (size_t i = 0; i < sizeof part_words / sizeof part_words[0]; i++)
		if (strstr(folded, part_words[i]))
			return false;
	bool sub;
	const char *t;
	imp_law_number(folded, &sub, &t);
	if (sub)
		return false;
	if (strncmp(t, "the ", 4) == 0)
		t += 4;
	size_t n;
	const char *name;
	for (const char *at = names; next_name(&at, &name, &n);)
		if (strncmp(t, name, n) == 0 && (n > 3 || !isalnum((unsigned char)t[n])))
			return true;
	return false;
}

void area_text_of(const struct area_rules *r, const char *law, const char *paragraph,
		  struct area_text *t)
{
	area_text_free(t);
	if (r->n > 64)
		t->more = xcalloc((r->n + 63) / 64, sizeof *t->more);
	uint64_t *bits = t->more ? t->more : &t->one;
	/* a text of its own in the paragraph column, or a numbered part
	 * ("1.20 ..."), is part of a law, never the law as a whole */
	bool sub;
	imp_law_number(law ? law : "", &sub, NULL);
	bool part = sub || (paragraph && paragraph[0]);
	struct sbuf law_folded = {0};
	textfmt_fold(&law_folded, law ? law : "");
	struct sbuf all = {0};
	sbuf_puts(&all, law ? law : ""); /* "law paragraph", without printf */
	sbuf_putc(&all, ' ');
	sbuf_puts(&all, paragraph ? paragraph : "");
	char par[32] = "";
	bool has_par = paragraph_of(sbuf_str(&all), par, sizeof par);
	struct sbuf folded = {0};
	textfmt_fold(&folded, sbuf_str(&all));
	const char *f = sbuf_str(&folded);
	bool law_named = false;
	/* a text naming no law at all is a bare paragraph of the first law */
	bool names_a_law = imp_names_a_law(f);
	bool named = false, first_law = false, whole = false, any_whole = false;
	for (size_t i = 0; i < r->n; i++) {
		const struct area_rule *rule = &r->rules[i];
		if (i == 0 || rule->law_id != r->rules[i - 1].law_id) { /* once a run of one law */
			named = law_in(f, rule->law);
			first_law = rule->law_id == r->rules[0].law_id;
			whole = named && !has_par && !part &&
				whole_law(sbuf_str(&law_folded), rule->law);
			any_whole |= whole;
		}
		if (!named && !(has_par && !names_a_law && first_law))
			continue;
		law_named |= named;
		/* a paragraph, or a part without one: the rules for any paragraph */
		if (!whole ? (strcmp(rule->paragraph, "*") == 0 ||
			      (has_par && strcmp(rule->paragraph, par) == 0))
			   : rule->paragraph[0] == '\0')
			bits[i / 64] |= (uint64_t)1 << (i % 64);
	}
	t->law_level = !has_par && law_named && any_whole;
	sbuf_free(&all);
	sbuf_free(&folded);
	sbuf_free(&law_folded);
}

unsigned area_text_in(const struct area_rules *r, const struct area_text *t, int year,
		      unsigned *laws)
{
	const uint64_t *bits = t->more ? t->more : &t->one;
	unsigned mask = 0, used = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct area_rule *rule = &r->rules[i];
		if ((bits[i / 64] >> (i % 64) & 1) && rule_in_force(rule, year)) {
			mask |= 1u << rule->area;
			used |= 1u << rule->law_id;
		}
	}
	if (laws)
		*laws = used;
	return mask;
}

void area_text_free(struct area_text *t)
{
	free(t->more);
	*t = (struct area_text){0};
}

unsigned area_rules_match(const struct area_rules *r, const char *law, const char *paragraph,
			  int year, bool *law_level, unsigned *laws)
{
	struct area_text t = {0};
	area_text_of(r, law, paragraph, &t);
	*law_level = t.law_level;
	unsigned mask = area_text_in(r, &t, year, laws);
	area_text_free(&t);
	return mask;
}
