/* dstread.c - the Statistikbanken reader: a sorted file's rows come in
 * runs of periods of one key, and what a run and its place (municipality,
 * law, paragraph) found is used by the next rows (read.h: struct dst_run). */
#include "read.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/bytecmp.h"
#include "ankekort/base/dupkeys.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/xalloc.h"
#include "cells.h"
#include "columns.h"
#include "importer.h"
#include "parcells.h"
#include "values.h"

/* Where a period's rows of a place count in the areas (the cells made
 * if new, as add_values() makes them). */
static void dst_find_cells(struct dst_run *run, struct importer *im, struct dst_period *per,
			   int year, int quarter, int code, const struct lawpar *lp, int line)
{
	unsigned tag = (unsigned)year * 8u + (unsigned)quarter + 1u;
	unsigned period = quarter ? (unsigned)year * 4u + (unsigned)quarter - 1u : (unsigned)year;
	struct dst_cells *mc = &run->cells[period % DST_PERIODS];
	if (mc->tag != tag || mc->code != code) {
		*mc = (struct dst_cells){.code = code, .tag = tag};
		for (int a = 0; a < AREA_COUNT; a++)
			mc->cell[a] = -1;
	}
	per->n_cells = 0;
	enum level lvl = lp->law_level ? LVL_LAW : LVL_PARAGRAPH;
	for (int a = 0; a < AREA_COUNT; a++) {
		if (!(lp->mask & (1u << a)))
			continue;
		if (mc->cell[a] < 0)
			mc->cell[a] = (int32_t)(imp_cell_at(im, year, code, (enum ak_area)a, line) -
						im->cells);
		per->cell_at[per->n_cells++] =
			(uint32_t)((size_t)mc->cell[a] * sizeof(struct cell));
		/* what the period's first row of the place tells the cell, the
		 * same for its next rows (add_value_at) */
		struct cell *c = &im->cells[mc->cell[a]];
		if (!c->level_line[lvl])
			c->level_line[lvl] = line;
		c->laws |= lp->laws;
	}
	per->cells_ok = true;
	mc->law_level = lp->law_level;
	mc->mask = lp->mask;
	mc->laws = lp->laws;
	mc->n_cells = per->n_cells;
	memcpy(mc->cell_at, per->cell_at, sizeof mc->cell_at);
}

/* dst_find_cells() for a place whose text has the areas, laws and level
 * of the last one the cells were told (a law's paragraphs mostly do):
 * their first line at the level is set and the laws are in, so what
 * they hold stays as it is; false when it is not such a place. */
static inline bool dst_cells_again(struct dst_run *run, struct dst_period *per, unsigned period,
				   const struct lawpar *lp)
{
	const struct dst_cells *mc = &run->cells[period % DST_PERIODS];
	if (mc->tag != per->tag || mc->code != run->code || mc->mask != lp->mask ||
	    mc->laws != lp->laws || mc->law_level != lp->law_level)
		return false;
	per->n_cells = mc->n_cells;
	memcpy(per->cell_at, mc->cell_at, sizeof per->cell_at);
	per->cells_ok = true;
	return true;
}

/* dst_add()'s count when the value is not a plain count read as one */
#define DST_NOT_COUNT UINT64_MAX

/* The area-rule epoch (plus one) worked out for year; 0: not yet, or a
 * year outside the table. */
static inline unsigned dst_epoch(const struct importer *im, int year)
{
	return year >= 1900 && year < 2156 ? im->epochs[year - 1900] : 0;
}

/* A period's first row of a place: its areas are lawpar id. Field by
 * field: the cells and the place below law level are only read once
 * cells_ok, par_ok say so (a whole-struct store is a `rep stos`). */
static inline void dst_period_start(struct dst_period *per, const struct importer *im, unsigned tag,
				    int id, int year, int quarter, int code)
{
	per->tag = tag;
	per->lp_id = id;
	per->group = imp_row_key(year, quarter, code, im->lawpars[id].text_id, 0).group;
	per->cells_ok = per->par_ok = per->par_none = false;
	per->n_cells = 0;
}

/* A row's one measure (Statistikbanken) added, for a period whose cells
 * are found (dst_find_cells, which marks them with the first row's line
 * and laws); its figure below law level is looked up
 * once, then found again in place. */
static inline __attribute__((always_inline)) void add_value_at(
	struct importer *im, const struct dst_run *run, struct dst_period *per, int year,
	int quarter, int code, const struct lawpar *lp, enum meas m, struct ak_num v, bool supp,
	uint64_t count, int line)
{
	enum level lvl = lp->law_level ? LVL_LAW : LVL_PARAGRAPH;
	char *cells = (char *)im->cells;
	for (unsigned k = 0; k < per->n_cells; k++) {
		struct cell *c = (struct cell *)(void *)(cells + per->cell_at[k]);
		struct part *p = quarter ? imp_part(c, lvl, quarter) : &c->p[lvl];
		p->rows++;
		if (count != DST_NOT_COUNT) /* a plain count (dst_quick) */
			imp_put_count(p, m, v.value);
		else
			imp_put(p, m, v, supp);
	}
	if (!lp->law_level && !per->par_none) {
		/* found again: imp_par_cell() marked it with the period's first
		 * row of the place, and the same areas */
		struct parcell *pc = per->par_ok ? imp_par_again(im, &per->par) : NULL;
		if (!pc) {
			/* a place's first run: the period after the one before */
			unsigned period = quarter ? (unsigned)year * 4u + (unsigned)quarter - 1u
						  : (unsigned)year;
			const struct dst_period *prev = &run->periods[(period - 1) % DST_PERIODS];
			if (prev->par_ok)
				pc = imp_par_next(im, &prev->par, period, lp, line, &per->par);
			if (!pc)
				pc = imp_par_cell(im, year, quarter, code, lp, line, &per->par);
			per->par_ok = pc != NULL;
			per->par_none = pc == NULL; /* then never one */
		}
		if (count != DST_NOT_COUNT)
			imp_par_add(pc, m, count);
		else
			imp_par_put(pc, m, v, supp);
	}
	im->res->rows_used++;
}

static enum decision decision_cached(struct importer *im, const struct csv_row *row, int col)
{
	int dv;
	const char *dtext = imp_field(row, col);
	size_t dlen = imp_field_len(row, col);
	if (!imp_memo_get(&im->decision_cache, dtext, dlen, &dv)) {
		dv = (int)imp_decision_of(dtext);
		imp_memo_put(&im->decision_cache, dtext, dlen, dv);
	}
	return (enum decision)dv;
}

static void dst_run_plan(struct dst_run *run, const int *pl)
{
	const int keys[] = {pl[COL_MUNI], pl[COL_LAW], pl[COL_PAR], pl[COL_DECISION]};
	run->lo = INT_MAX;
	run->hi = -1;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (keys[i] < 0)
			continue;
		run->lo = keys[i] < run->lo ? keys[i] : run->lo;
		run->hi = keys[i] > run->hi ? keys[i] : run->hi;
	}
	bool inside = (pl[COL_PERIOD] >= run->lo && pl[COL_PERIOD] <= run->hi) ||
		      (pl[COL_VALUE] >= run->lo && pl[COL_VALUE] <= run->hi);
	run->usable = run->lo <= run->hi && !inside;
	run->dec_last = pl[COL_DECISION] == run->hi && run->lo < run->hi;
	run->period_col = pl[COL_PERIOD];
	run->value_col = pl[COL_VALUE];
	run->need_n = 1 + (run->period_col > run->value_col ? run->period_col : run->value_col);
	run->quick = false;
	run->len = 0;
	memset(run->periods, 0, sizeof run->periods);
	memset(run->cells, 0, sizeof run->cells);
}

enum dst_same { DST_NEW, DST_PLACE, DST_SAME };

/* DST_SAME when the row's key columns before the period are the last
 * row's, DST_PLACE when only the decision differs; otherwise they are kept
 * and what they meant is forgotten (the decision's, unless DST_SAME). */
static enum dst_same dst_same_run(struct dst_run *run, const struct csv_row *row)
{
	if (!run->usable || !row->buf || (size_t)run->hi >= row->n)
		return DST_NEW;
	const char *p = row->fields[run->lo];
	size_t len = (size_t)(row->fields[run->hi] - p) + row->lens[run->hi];
	if (len == run->len && run->text && bytecmp_same(p, run->text, len))
		return DST_SAME;
	size_t place_len = (size_t)(row->fields[run->hi] - p);
	bool place = run->dec_last && run->text && place_len == run->place_len &&
		     bytecmp_same(p, run->text, place_len);
	if (len > run->cap || !run->text) {
		run->cap = len * 2 + 16;
		run->text = xreallocarray(run->text, run->cap, 1);
	}
	memcpy(run->text, p, len);
	run->len = len;
	run->place_len = place_len;
	run->d_ok = run->quick = false;
	if (place)
		return DST_PLACE;
	run->code_ok = run->lawpar_ok = false;
	run->lp_epoch = 0;
	/* what a period holds is read only under its tag, and the period
	 * before's figure only when par_ok (not a memset: a new place per
	 * 48 rows) */
	for (int i = 0; i < DST_PERIODS; i++) {
		run->periods[i].tag = 0;
		run->periods[i].cells_ok = run->periods[i].par_ok = false;
	}
	return DST_NEW;
}

void imp_reader_free(struct reader *r)
{
	free(r->run.text);
	free(r->run.seen);
	r->run = (struct dst_run){0};
}

/* A count as imp_value_of() reads it, a plain one (digits only) read here
 * with its length, and its identity for dupkeys on the way: the number
 * when imp_count_id() would give it, else DUPKEYS_SMALL. */
static inline bool dst_count(const char *s, size_t len, struct ak_num *v, bool *supp, uint32_t *vid)
{
	*vid = DUPKEYS_SMALL;
	if (len - 1 < 12) {
		uint64_t n = 0;
		size_t i = 0;
		for (unsigned dg; i < len && (dg = (unsigned)(unsigned char)s[i] - '0') < 10; i++)
			n = n * 10 + dg;
		if (i == len) {
			*v = (struct ak_num){.value = (double)n, .present = true};
			*supp = false;
			if (n < DUPKEYS_SMALL && (len == 1 || s[0] != '0'))
				*vid = (uint32_t)n;
			return n <= 1000000000;
		}
	}
	return imp_value_of(s, true, v, supp);
}

/* The row's key checked and its value added, its period's areas (lp)
 * found: what every used row of a Statistikbanken file does. */
static inline __attribute__((always_inline)) void dst_add(struct importer *im, struct dst_run *run,
							  const struct csv_row *row,
							  struct dst_period *per,
							  const struct lawpar *lp, int year,
							  int quarter, struct ak_num v, bool supp,
							  uint32_t vid, uint64_t count)
{
	/* the repeated-key check inline: the key nearly always goes on with
	 * the block being written (dupkeys.h) */
	const int *pl = im->plan;
	unsigned period = quarter ? (unsigned)year * 4u + (unsigned)quarter - 1u : (unsigned)year;
	struct row_key key = {.group = per->group,
			      .sub = (unsigned)run->d | (quarter ? 0x80u : 0u),
			      .period = period};
	int first;
	bool same_value;
	if (vid >= DUPKEYS_SMALL) {
		csv_row_utf8(row);
		vid = imp_value_id(row, &pl[COL_VALUE], 1);
	}
	if (!dupkeys_put(&im->keys, key.group, key.sub, key.period, row->line, vid, &first,
			 &same_value)) {
		const int key_cols[] = {pl[COL_MUNI], pl[COL_LAW], pl[COL_PAR], pl[COL_DECISION],
					pl[COL_PERIOD]};
		csv_row_utf8(row); /* named in the message */
		imp_repeated(im, row, key, first, same_value, key_cols, 5, year, run->code,
			     lp->mask);
		return;
	}
	if (supp && im->suppressed++ == 0)
		im->first_suppressed = row->line;
	if (!per->cells_ok && !dst_cells_again(run, per, period, lp))
		dst_find_cells(run, im, per, year, quarter, run->code, lp, row->line);
	add_value_at(im, run, per, year, quarter, run->code, lp, run->me, v, supp, count,
		     row->line);
}

/* Four digits read as a number, when they are: bytes '0'..'9' with the
 * first in the low byte. Without a branch each: every byte's high half is
 * 3, and still 3 after adding 6 (which carries into no other byte once
 * every one is below 0x40). */
static inline bool dst_digits4(uint32_t x, unsigned *value)
{
	bool digits = (x & 0xF0F0F0F0u) == 0x30303030u &&
		      ((x + 0x06060606u) & 0xF0F0F0F0u) == 0x30303030u;
	uint32_t d = x - 0x30303030u; /* the digits, the first in the low byte */
	uint32_t pairs = (d * 10u + (d >> 8)) & 0x00FF00FFu; /* 19 and 24 of 1924 */
	/* 19 * 100 + 24 in bits 16 to 31 of one product (below 10 000: no
	 * carry past them; what 24 * 100 makes falls off the top) */
	*value = (pairs * (100u << 16 | 1u)) >> 16;
	return digits;
}

/* The four bytes at t, the first in the low byte. */
static inline uint32_t dst_load4(const unsigned char *t)
{
	return (uint32_t)t[0] | (uint32_t)t[1] << 8 | (uint32_t)t[2] << 16 | (uint32_t)t[3] << 24;
}

/* Four digits from 1900 to 2199, as imp_period_of() reads a year: true
 * with *year. */
static inline bool dst_year4(const unsigned char *t, unsigned *year)
{
	bool digits = dst_digits4(dst_load4(t), year);
	return digits && *year >= 1900 && *year <= 2199;
}

/* A count of len 1 to 3 digits ("7", "42", "120"): true with *n. Read as
 * four digits, "0007", without a branch a digit (a count's length is
 * anyone's guess): the bytes past the field are shifted out, '0's come in
 * before it. Reads the four bytes at s: a field in a row has that many
 * readable after its start (its NUL, and the row's room or the run's). */
static inline bool dst_count3(const char *s, size_t len, uint64_t *n)
{
	unsigned bits = (unsigned)len * 8u; /* 8 to 24 */
	uint32_t x = dst_load4((const unsigned char *)s) << (32u - bits) | 0x30303030u >> bits;
	unsigned v;
	bool digits = dst_digits4(x, &v);
	*n = v;
	return digits;
}

/* A row that goes on with the run of the row before (the same key texts,
 * a used decision, a municipality: run->quick) in a year the place has
 * met or one of the run's area-rule epoch, with a plain count: added
 * here. False, with nothing done, for any other row (imp_dst_row reads
 * it). */
static inline bool dst_quick(struct importer *im, struct dst_run *run, const struct csv_row *row)
{
	if ((size_t)run->need_n > row->n || row->lens[run->period_col] != 4)
		return false;
	unsigned year;
	if (!dst_year4((const unsigned char *)row->fields[run->period_col], &year))
		return false; /* imp_period_of() is the rule */
	struct dst_period *per = &run->periods[year % DST_PERIODS];
	/* a year new to the place: its areas are the run's when the year is
	 * in the same area-rule epoch (as dst_row() finds them) */
	bool new_year = per->tag != year * 8u + 1u;
	if (new_year ? !run->lp_epoch || dst_epoch(im, (int)year) != run->lp_epoch : !per->cells_ok)
		return false;
	const char *s = row->fields[run->value_col];
	size_t len = row->lens[run->value_col];
	uint64_t n;
	if (len - 1 >= 3 || !dst_count3(s, len, &n))
		return false; /* dst_count() is the rule */
	uint32_t vid = n < DUPKEYS_SMALL && (len == 1 || s[0] != '0') ? (uint32_t)n : DUPKEYS_SMALL;
	/* the run's first row was counted (dst_row), and first_dismissed set */
	im->dismissed += run->dismissal;
	if (new_year)
		dst_period_start(per, im, year * 8u + 1u, run->lp_id, (int)year, 0, run->code);
	dst_add(im, run, row, per, &im->lawpars[per->lp_id], (int)year, 0,
		(struct ak_num){.value = (double)n, .present = true}, false, vid, n);
	return true;
}

/* A new place's law and paragraph (text): the place after it foreseen.
 * A sorted file lists every municipality's paragraphs in the same order,
 * so the text that came after this one the last time will likely come
 * next again; what that place will look up first, and would otherwise
 * wait on memory for, is fetched while this place's rows are read: its
 * slot in the repeated-key check, and where its texts' areas are kept
 * (which area_info() has just used for this text: im->last_text). */
static void dst_foresee(struct importer *im, struct dst_run *run, int code, int text)
{
	if (run->last_text == text + 1)
		return; /* the same place in another area-rule epoch */
	run->seen = xgrow_zeroed(run->seen, &run->n_seen, (size_t)text, sizeof *run->seen, 64);
	if (run->last_text)
		run->seen[run->last_text - 1].next = text + 1;
	run->last_text = text + 1;
	run->seen[text].areas = im->last_text;
	int next = run->seen[text].next;
	if (!next)
		return;
	dupkeys_prefetch(&im->keys, imp_row_key(0, 0, code, next - 1, 0).group);
	const struct last_lawpar *areas = run->seen[next - 1].areas;
	if (areas) { /* a prefetch reads nothing: it may be another text's now */
		__builtin_prefetch(areas);
		__builtin_prefetch((const char *)(areas + 1) - 1);
	}
}

/* A Statistikbanken row that dst_quick() did not take. */
static inline __attribute__((always_inline)) void dst_row(struct reader *r,
							  const struct csv_row *row,
							  enum dst_same same)
{
	struct importer *im = r->im;
	const int *pl = im->plan;
	struct dst_run *run = &r->run;
	/* the decision first: a quarter of the rows are dismissals, not used */
	enum decision d =
		same == DST_SAME && run->d_ok ? run->d : decision_cached(im, row, pl[COL_DECISION]);
	if (!(same == DST_SAME && run->d_ok))
		run->me = imp_meas_of_decision(d);
	run->d = d;
	run->d_ok = true;
	run->dismissal = d == D_DISMISSED || d == D_REFERRED;
	if (d == D_UNKNOWN) {
		imp_note_once(&im->unmatched, &im->n_unmatched, imp_field(row, pl[COL_DECISION]),
			      row->line);
		im->no_area++;
		return;
	}
	if (d == D_DISMISSED || d == D_REFERRED) {
		/* kept as a count of their own, beside the cases (M_DISMISSED) */
		if (im->dismissed++ == 0)
			im->first_dismissed = row->line;
	} else if (d == D_NOT_MERITS || d == D_TOTAL) {
		size_t *n = d == D_TOTAL ? &im->totals : &im->not_merits;
		int *first = d == D_TOTAL ? &im->first_total : &im->first_not_merits;
		(*n)++;
		if (!*first)
			*first = row->line;
		return;
	}
	int year, quarter;
	if (!imp_period_of(imp_field(row, pl[COL_PERIOD]), &year, &quarter)) {
		imp_bad_value(im, row, pl[COL_PERIOD], "TID", N_("a number"));
		return;
	}
	int code;
	if (same && run->code_ok) {
		code = run->code; /* what the memo gives, with its count */
		if (code == -2)
			im->regions++;
	} else {
		code = imp_municipality_of(im, imp_field(row, pl[COL_MUNI]),
					   imp_field_len(row, pl[COL_MUNI]), row->line);
		run->code = code;
		run->code_ok = true;
	}
	if (imp_skip_total_or_unknown(im, code, row->line))
		return;
	struct ak_num v = {0};
	bool supp = false;
	uint32_t vid;
	if (!dst_count(imp_field(row, pl[COL_VALUE]), imp_field_len(row, pl[COL_VALUE]), &v, &supp,
		       &vid)) {
		imp_bad_value(im, row, pl[COL_VALUE], "INDHOLD", imp_number_wanted(&v, true));
		return;
	}
	/* a place's rows share their law and paragraph: a period's areas are
	 * known from the place's run before, and within one area-rule epoch
	 * the areas are the same */
	unsigned tag = (unsigned)year * 8u + (unsigned)quarter + 1u;
	unsigned period = quarter ? (unsigned)year * 4u + (unsigned)quarter - 1u : (unsigned)year;
	struct dst_period *per = &run->periods[period % DST_PERIODS];
	const struct lawpar *lp;
	if (same && per->tag == tag) {
		lp = &im->lawpars[per->lp_id];
	} else {
		int id;
		unsigned epoch = dst_epoch(im, year);
		if (same && epoch && epoch == run->lp_epoch) {
			id = run->lp_id;
			lp = &im->lawpars[id];
		} else {
			bool known = same && run->lawpar_ok;
			lp = imp_areas_for(im, row, pl[COL_LAW], pl[COL_PAR], year, known, &id);
			run->lawpar_ok = true;
			if (!lp->mask)
				return;
			if (!known)
				dst_foresee(im, run, code, lp->text_id);
			run->lp_epoch = dst_epoch(im, year);
			run->lp_id = id;
		}
		dst_period_start(per, im, tag, id, year, quarter, code);
	}
	/* a used decision, a municipality, areas: the run's next rows */
	run->quick = true;
	dst_add(im, run, row, per, lp, year, quarter, v, supp, vid, DST_NOT_COUNT);
}

/* Statistikbanken: the columns were found before reading (see imp_detect). */
bool imp_dst_row(void *ctx, const struct csv_row *row)
{
	struct reader *r = ctx;
	struct importer *im = r->im;
	const int *pl = im->plan;
	struct dst_run *run = &r->run;
	if (row->row == 0) {
		dst_run_plan(run, pl);
		return true;
	}
	im->res->rows_read++;
	/* the key texts compared as they are in the file (Windows-1252 too):
	 * a row that goes on with the run reads only digits */
	enum dst_same same = dst_same_run(run, row);
	if (same == DST_SAME && run->quick && dst_quick(im, run, row))
		return true;
	csv_row_utf8(row);
	dst_row(r, row, same);
	return true;
}
