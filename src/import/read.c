/* read.c - the three readers (Statistikbanken, Talportal,
 * spreadsheet), one row at a time into the cells. */
#include "read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/bytecmp.h"
#include "ankekort/base/dupkeys.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/import/import.h"
#include "arearules.h"
#include "cells.h"
#include "columns.h"
#include "importer.h"
#include "parcells.h"
#include "values.h"

/* The law a numbered part belongs to ("6 barnets lov" for "6.1 Merudgifter
 * - § 86"), when neither text names a law itself; NULL otherwise. */
static const char *law_of_part(struct importer *im, const char *law, const char *par)
{
	imp_note_law(im->law_names, law);
	bool sub;
	int n = imp_law_number(par[0] ? par : law, &sub, NULL);
	if (n < 0 || n >= IMP_LAW_NUMBERS || !sub || !im->law_names[n])
		return NULL;
	struct sbuf f = {0};
	sbuf_printf(&f, "%s %s", law, par);
	struct sbuf folded = {0};
	textfmt_fold(&folded, sbuf_str(&f));
	bool named = imp_names_a_law(sbuf_str(&folded));
	sbuf_free(&f);
	sbuf_free(&folded);
	return named ? NULL : im->law_names[n];
}

/* A hash of law and paragraph texts, eight bytes at a time. */
static uint64_t texts_hash(const char *law, size_t ll, const char *par, size_t pl)
{
	uint64_t h = (ll * 31 + pl) * 0x9E3779B97F4A7C15u;
	const char *parts[2] = {law, par};
	size_t lens[2] = {ll, pl};
	for (int k = 0; k < 2; k++) {
		const char *p = parts[k];
		size_t n = lens[k];
		for (; n >= 8; p += 8, n -= 8) {
			uint64_t w;
			memcpy(&w, p, 8);
			h = (h ^ w) * 0x9E3779B97F4A7C15u;
			h ^= h >> 29;
		}
		uint64_t w = 0;
		memcpy(&w, p, n);
		h = (h ^ w ^ (uint64_t)k) * 0x9E3779B97F4A7C15u;
		h ^= h >> 29;
	}
	h ^= h >> 33; /* every bit into the low ones (MurmurHash3's end) */
	h *= 0xFF51AFD7ED558CCDu;
	return h ^ h >> 33;
}

/* The texts' place among those met lately: one of two, the one that has
 * them (*same), else an empty one, else the first (what it had is
 * forgotten). */
static struct last_lawpar *last_texts(struct importer *im, const char *law, size_t ll,
				      const char *par, size_t pl, bool *same)
{
	if (!im->last_lawpar)
		im->last_lawpar = xcalloc(IMP_LAST_TEXTS, sizeof *im->last_lawpar);
	uint64_t h = texts_hash(law, ll, par, pl);
	struct last_lawpar *two[2] = {&im->last_lawpar[h % IMP_LAST_TEXTS],
				      &im->last_lawpar[(h >> 32) % IMP_LAST_TEXTS]};
	for (int k = 0; k < 2; k++)
		if (two[k]->law_len == ll && two[k]->par_len == pl && two[k]->text.data &&
		    bytecmp_same(two[k]->text.data, law, ll) &&
		    bytecmp_same(two[k]->text.data + ll, par, pl)) {
			*same = true;
			return two[k];
		}
	*same = false;
	return two[0]->text.data && !two[1]->text.data ? two[1] : two[0];
}

/* What the texts numbered id (l and p, read under parent) match in the
 * rules, whatever the year: worked out in their first year, again only
 * when a law noted since makes them another law's part. */
static const struct area_text *text_rules(struct importer *im, int id, const char *parent,
					  const char *l, const char *p)
{
	im->text_rules = xgrow_zeroed(im->text_rules, &im->cap_text_rules, (size_t)id,
				      sizeof *im->text_rules, 64);
	struct text_rules *tr = &im->text_rules[id];
	if (!tr->made || tr->parent != parent) {
		area_text_of(im->o->rules, l, p, &tr->t);
		tr->parent = parent;
		tr->made = true;
	}
	return &tr->t;
}

/* known_same: the texts are those of the last call (dst_run) */
static const struct lawpar *area_info(struct importer *im, const char *law, size_t ll,
				      const char *par, size_t pl, int year, int line,
				      bool known_same, int *id)
{
	bool cached = year >= 1900 && year < 2156;
	unsigned *epoch = cached ? &im->epochs[year - 1900] : &(unsigned){0};
	if (!*epoch) /* stored plus one: 0 = not worked out yet */
		*epoch = 1 + (unsigned)area_rules_epoch(im->o->rules, year);
	/* rows come in runs of one law and paragraph, through the years: the
	 * last texts' answer in the year's epoch first */
	bool same_text = known_same && im->last_text;
	struct last_lawpar *last =
		same_text ? im->last_text : last_texts(im, law, ll, par, pl, &same_text);
	im->last_text = last;
	/* the epochs the texts were met in, looked through: else a free slot
	 * takes this one, or the one it replaces */
	unsigned slot = IMP_LAST_EPOCHS;
	for (unsigned i = 0; same_text && i < IMP_LAST_EPOCHS; i++) {
		if (last->epochs[i] == *epoch) {
			*id = last->ids[i];
			return &im->lawpars[*id];
		}
		if (!last->epochs[i] && slot == IMP_LAST_EPOCHS)
			slot = i;
	}
	if (!same_text) /* the texts' slots are emptied below */
		slot = 0;
	else if (slot == IMP_LAST_EPOCHS)
		slot = *epoch % IMP_LAST_EPOCHS;
	char small[512];
	char *key = ll + pl + 8 <= sizeof small ? small : xmalloc(ll + pl + 8);
	memcpy(key, law, ll);
	key[ll] = '\x1F';
	memcpy(key + ll + 1, par, pl);
	int tl = (int)(ll + 1 + pl), kl = tl; /* the texts, then the epoch */
	key[kl++] = '\x1F';
	for (unsigned e = *epoch; e; e /= 255) /* all of it, in bytes 1..255 */
		key[kl++] = (char)(1 + e % 255);
	key[kl] = '\0';
	if (!imp_memo_get(&im->area_cache, key, (size_t)kl, id)) {
		if (im->n_lawpar == im->cap_lawpar) {
			im->cap_lawpar = im->cap_lawpar ? im->cap_lawpar * 2 : 64;
			im->lawpars =
				xreallocarray(im->lawpars, im->cap_lawpar, sizeof *im->lawpars);
		}
		struct lawpar *lp = &im->lawpars[im->n_lawpar];
		memset(lp, 0, sizeof *lp);
		const char *p = import_is_total(par) ? "" : par;
		const char *l = law, *parent = law_of_part(im, law, p);
		if (parent) { /* "6.1 Merudgifter - § 86" under "6 Barnets lov" */
			p = p[0] ? p : law;
			l = parent; /* also in the report: "6 Barnets lov / 6.1 ..." */
		}
		/* the key's number for the texts is the same in every year */
		key[tl] = '\0';
		bool known = imp_memo_get(&im->text_ids, key, (size_t)tl, &lp->text_id);
		if (!known) {
			lp->text_id = im->n_text_ids++;
			imp_memo_put(&im->text_ids, key, (size_t)tl, lp->text_id);
		}
		key[tl] = '\x1F';
		const struct area_text *t = text_rules(im, lp->text_id, parent, l, p);
		lp->law_level = t->law_level;
		lp->mask = area_text_in(im->o->rules, t, year, &lp->laws);
		if (!lp->mask && !p[0] && !lp->law_level && import_is_total(law)) {
			lp->all_laws = true; /* "I alt", "Lovgrundlag i alt" */
		} else {
			if (!lp->mask) {
				char what[256];
				snprintf(what, sizeof what, "%s%s%s", l, l[0] && p[0] ? " / " : "",
					 p);
				imp_note_once(&im->unmatched, &im->n_unmatched, what, line);
			}
		}
		if (!known)
			imp_par_texts(im, lp->text_id, l, p);
		*id = (int)im->n_lawpar++;
		imp_memo_put(&im->area_cache, key, (size_t)kl, *id);
	}
	if (key != small)
		free(key);
	if (!same_text) {
		sbuf_reset(&last->text);
		sbuf_putn(&last->text, law, ll);
		sbuf_putn(&last->text, par, pl);
		last->law_len = ll;
		last->par_len = pl;
		memset(last->epochs, 0, sizeof last->epochs);
	}
	last->epochs[slot] = *epoch;
	last->ids[slot] = *id;
	return &im->lawpars[*id];
}

/* The areas of a row, counting the rows that have none; 0 means skip it. */
const struct lawpar *imp_areas_for(struct importer *im, const struct csv_row *row, int law_col,
				   int par_col, int year, bool known_same, int *id)
{
	int line = row->line;
	const struct lawpar *lp = area_info(
		im, imp_field(row, law_col), imp_field_len(row, law_col), imp_field(row, par_col),
		imp_field_len(row, par_col), year, line, known_same, id);
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

void imp_clear_caches(struct importer *im)
{
	imp_memo_free(&im->muni_cache);
	imp_memo_free(&im->decision_cache);
	imp_memo_free(&im->area_cache);
	imp_memo_free(&im->text_ids);
	for (size_t i = 0; i < im->cap_text_rules; i++)
		area_text_free(&im->text_rules[i].t);
	free(im->text_rules);
	im->text_rules = NULL;
	im->cap_text_rules = 0;
	free(im->lawpars);
	for (size_t i = 0; im->last_lawpar && i < IMP_LAST_TEXTS; i++)
		sbuf_free(&im->last_lawpar[i].text);
	free(im->last_lawpar);
	im->last_lawpar = NULL;
	im->last_text = NULL;
	for (size_t i = 0; i < IMP_LAW_NUMBERS; i++) {
		free(im->law_names[i]);
		im->law_names[i] = NULL;
	}
	dupkeys_free(&im->keys);
}

static int municipality_lookup(struct importer *im, const char *value, int line)
{
	int result = imp_muni_resolve(im->ds, value);
	if (result == -1)
		imp_note_once(&im->unknown_names, &im->n_unknown, value, line);
	if (result == -2)
		im->regions++;
	return result;
}

/* Municipality from a code, a label or "code label"; -1 when unknown, -2
 * for rows that are not one municipality (totals, regions, Christiansø). */
int imp_municipality_of(struct importer *im, const char *value, size_t len, int line)
{
	int code;
	if (imp_memo_get(&im->muni_cache, value, len, &code)) {
		if (code == -2)
			im->regions++;
		return code;
	}
	code = municipality_lookup(im, value, line);
	imp_memo_put(&im->muni_cache, value, len, code);
	return code;
}

/* ---- adding values ------------------------------------------------------------------------------ */

/* The part of area a's cell a row of lp's texts counts in, the row
 * counted (its values go in after). */
static inline struct part *area_part(struct importer *im, int year, int quarter, int code,
				     const struct lawpar *lp, enum ak_area a, int line)
{
	struct cell *c = imp_cell_at(im, year, code, a, line);
	enum level lvl = lp->law_level ? LVL_LAW : LVL_PARAGRAPH;
	struct part *p = imp_part(c, lvl, quarter);
	if (!c->level_line[lvl])
		c->level_line[lvl] = line;
	p->rows++;
	c->laws |= lp->laws;
	return p;
}

/* Adds a row's values: given[m] says which measures the row has at all. */
static void add_values(struct importer *im, int year, int quarter, int code,
		       const struct lawpar *lp, const struct ak_num *v, const bool *supp,
		       const bool *given, int line)
{
	for (int a = 0; a < AREA_COUNT; a++) {
		if (!(lp->mask & (1u << a)))
			continue;
		struct part *p = area_part(im, year, quarter, code, lp, (enum ak_area)a, line);
		for (int m = 0; m < M_COUNT; m++)
			if (given[m])
				imp_put(p, (enum meas)m, v[m], supp[m]);
	}
	if (!lp->law_level) { /* kept as a row of its own too (parcells.c) */
		struct parcell *pc = imp_par_cell(im, year, quarter, code, lp, line, NULL);
		for (int m = 0; m < M_COUNT; m++)
			if (given[m])
				imp_par_put(pc, (enum meas)m, v[m], supp[m]);
	}
	im->res->rows_used++;
}

/* want: what the column takes ("a number"); see imp_number_wanted(). */
void imp_bad_value(struct importer *im, const struct csv_row *row, int col, const char *what,
		   const char *want)
{
	int line, c;
	csv_row_pos(row, (size_t)col, &line, &c);
	diag_add(&im->res->report, DIAG_WARNING, im->path, line, c,
		 "%s: expected %s, found \"%s\"; the row is not used", what, _(want),
		 imp_field(row, col));
	im->bad_values++;
}

/* What an imp_value_of() that failed wanted: parsed is present when the text was
 * a number out of range (a count over a billion, a percentage over 100). */
const char *imp_number_wanted(const struct ak_num *parsed, bool count)
{
	return !parsed->present ? N_("a number")
	       : count		? N_("a count of at most 1000000000")
				: N_("a percentage from 0 to 100");
}

static bool require(struct reader *r, const struct csv_row *row, bool ok, const char *expected)
{
	if (ok)
		return true;
	char *h = imp_header_text(row);
	diag_add(&r->im->res->report, DIAG_ERROR, r->im->path, row->line, 1,
		 "cannot map the header: expected %s, found \"%s\"", expected, h);
	free(h);
	r->failed = true;
	return false;
}

bool imp_skip_total_or_unknown(struct importer *im, int code, int line)
{
	if (code == -2) {
		im->totals++;
		if (!im->first_total)
			im->first_total = line;
	}
	return code < 0;
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
		if (!imp_value_of(imp_field(row, col), k < M_RATE, &v[k], &supp[k])) {
			imp_bad_value(r->im, row, col, row->fields[0],
				      imp_number_wanted(&v[k], k < M_RATE));
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

bool imp_talportal_row(void *ctx, const struct csv_row *row)
{
	struct reader *r = ctx;
	struct importer *im = r->im;
	struct header_map *m = &r->map;
	if (row->row == 0) {
		imp_map_header(row, imp_talportal_aliases.a, imp_talportal_aliases.n, m, im);
		return require(r, row,
			       m->col[COL_MUNI] >= 0 && m->col[COL_LAW] >= 0 &&
				       m->col[COL_PAR] >= 0 && m->col[COL_PERIOD] >= 0 &&
				       imp_any_measure(m),
			       "Kommune;Lovgivning;Sagsemne;periode followed by measures such as "
			       "Realitetsbehandlede sager i alt");
	}
	im->res->rows_read++;
	int year, quarter;
	if (!imp_period_of(imp_field(row, m->col[COL_PERIOD]), &year, &quarter)) {
		imp_bad_value(im, row, m->col[COL_PERIOD], "periode", N_("a number"));
		return true;
	}
	int code = imp_municipality_of(im, imp_field(row, m->col[COL_MUNI]),
				       imp_field_len(row, m->col[COL_MUNI]), row->line);
	if (imp_skip_total_or_unknown(im, code, row->line))
		return true;
	struct ak_num v[M_COUNT] = {0};
	bool supp[M_COUNT] = {0}, given[M_COUNT];
	if (!read_measures(r, row, v, supp, given))
		return true;
	int id;
	const struct lawpar *lp =
		imp_areas_for(im, row, m->col[COL_LAW], m->col[COL_PAR], year, false, &id);
	if (!lp->mask)
		return true;
	const int key_cols[] = {m->col[COL_MUNI], m->col[COL_LAW], m->col[COL_PAR],
				m->col[COL_PERIOD]};
	if (!imp_first_time(im, row, imp_row_key(year, quarter, code, lp->text_id, 0x7F), key_cols,
			    4, m->meas_col, M_COUNT, year, code, lp->mask))
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

bool imp_sheet_row(void *ctx, const struct csv_row *row)
{
	struct reader *r = ctx;
	struct importer *im = r->im;
	struct header_map *m = &r->map;
	if (row->row == 0) {
		imp_map_header(row, imp_sheet_aliases.a, imp_sheet_aliases.n, m, im);
		if (!require(r, row,
			     (m->col[COL_MUNI] >= 0 || m->col[COL_CODE] >= 0) && imp_any_measure(m),
			     "a Kommune (or Kommunekode) column and figures such as Antal sager, "
			     "Hjemvist or Omgørelsesprocent"))
			return false;
		if (m->col[COL_YEAR] < 0 && !im->o->year)
			return require(r, row, false,
				       "an År column, or --year for a sheet without one");
		if (m->col[COL_AREA] < 0 && im->o->area < 0)
			return require(r, row, false,
				       "an Område column, or --area for a sheet without one");
		return true;
	}
	im->res->rows_read++;
	int year = im->o->year, quarter = 0;
	if (m->col[COL_YEAR] >= 0 &&
	    !imp_period_of(imp_field(row, m->col[COL_YEAR]), &year, &quarter)) {
		imp_bad_value(im, row, m->col[COL_YEAR], "År", N_("a number"));
		return true;
	}
	enum ak_area area = im->o->area >= 0 ? (enum ak_area)im->o->area : AREA_GENERELT;
	if (m->col[COL_AREA] >= 0 && !sheet_area(imp_field(row, m->col[COL_AREA]), &area)) {
		imp_bad_value(im, row, m->col[COL_AREA], "Område",
			      N_("generelt, børnehandicap or voksenhandicap"));
		return true;
	}
	int who = m->col[COL_CODE] >= 0 ? m->col[COL_CODE] : m->col[COL_MUNI];
	int code = imp_municipality_of(im, imp_field(row, who), imp_field_len(row, who), row->line);
	if (imp_skip_total_or_unknown(im, code, row->line))
		return true;
	struct ak_num v[M_COUNT] = {0};
	bool supp[M_COUNT] = {0}, given[M_COUNT];
	if (!read_measures(r, row, v, supp, given))
		return true;
	const int key_cols[] = {who, m->col[COL_YEAR], m->col[COL_AREA]};
	if (!imp_first_time(im, row, imp_row_key(year, quarter, code, (int)area, 0x7E), key_cols, 3,
			    m->meas_col, M_COUNT, year, code, 1u << area))
		return true;
	count_suppressed(im, supp, row->line);
	const struct lawpar lp = {.mask = 1u << area, .law_level = true};
	add_values(im, year, quarter, code, &lp, v, supp, given, row->line);
	return true;
}
