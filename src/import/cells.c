/* cells.c - the aggregation: every used value lands in a cell
 * (year, municipality, area) at paragraph or law level; repeated keys are
 * caught; the cells become canonical rows. */
#include "cells.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/dupkeys.h"
#include "ankekort/base/hashtab.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/strmap.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/import/import.h"
#include "importer.h"
#include "parcells.h"
#include "values.h"

static uint64_t cell_key(int year, int code, enum ak_area area)
{
	return ((uint64_t)(unsigned)year * 1000u + (unsigned)code) * 3u + (unsigned)area + 1u;
}

struct cell *imp_cell_at(struct importer *im, int year, int code, enum ak_area area, int line)
{
	uint64_t key = cell_key(year, code, area), i;
	struct cell_memo *memo = &im->cell_memo[(key ^ key >> 6) & (IMP_CELL_MEMO - 1)];
	if (memo->key == key)
		return &im->cells[memo->i];
	size_t pos = 0;
	if (hashtab_next(&im->cell_index, key, &pos, &i)) {
		*memo = (struct cell_memo){.key = key, .i = (size_t)i};
		return &im->cells[i];
	}
	*memo = (struct cell_memo){.key = key, .i = im->n_cells};
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

struct part *imp_part(struct cell *c, enum level lvl, int quarter)
{
	if (!quarter)
		return &c->p[lvl];
	if (!c->quarters[lvl])
		c->quarters[lvl] = xcalloc(4, sizeof *c->quarters[lvl]);
	return &c->quarters[lvl][quarter - 1];
}

const struct part *imp_part_get(const struct cell *c, enum level lvl, int quarter)
{
	static const struct part none;
	if (!quarter)
		return &c->p[lvl];
	return c->quarters[lvl] ? &c->quarters[lvl][quarter - 1] : &none;
}

static void cell_free_quarters(struct cell *c)
{
	for (int l = 0; l < LVL_COUNT; l++)
		free(c->quarters[l]);
}

void imp_cells_free(struct importer *im)
{
	for (size_t i = 0; i < im->n_cells; i++)
		cell_free_quarters(&im->cells[i]);
	free(im->cells);
	im->cells = NULL;
	im->n_cells = im->cap_cells = 0;
	imp_pars_free(im);
}

/* ---- repeated keys ------------------------------------------------------------------------------ */

static uint32_t value_hash(const struct csv_row *row, const int *cols, size_t n)
{
	uint64_t h = HASHTAB_FNV_START;
	for (size_t i = 0; i < n; i++) {
		if (cols[i] < 0 || (size_t)cols[i] >= row->n)
			continue;
		h = hashtab_fnv(h, row->fields[cols[i]], row->lens[cols[i]]);
		h = hashtab_fnv(h, "\x1F", 1);
	}
	return (uint32_t)(h ^ h >> 32);
}

/* The value's identity for dupkeys: a small count written plainly is
 * itself (imp_count_id), anything else a hash of the texts (never below
 * DUPKEYS_SMALL). */
uint32_t imp_value_id(const struct csv_row *row, const int *cols, size_t n)
{
	if (n == 1 && cols[0] >= 0 && (size_t)cols[0] < row->n) {
		uint32_t v = imp_count_id(row->fields[cols[0]], row->lens[cols[0]]);
		if (v < DUPKEYS_SMALL)
			return v;
	}
	uint32_t h = value_hash(row, cols, n);
	return h < DUPKEYS_SMALL ? h + DUPKEYS_SMALL : h;
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

void imp_repeated(struct importer *im, const struct csv_row *row, struct row_key key, int first,
		  bool same, const int *key_cols, size_t n_key, int year, int code, unsigned mask)
{
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
				imp_cell_at(im, year, code, (enum ak_area)a, row->line)
					->conflict_line = row->line;
		imp_par_conflict(im, year, key.sub & 0x80u ? (int)(key.period % 4u) + 1 : 0, code,
				 (int)(key.group >> 7 & 0xFFFFFFF));
	}
	free(what);
}

/* True when the row's key is new. A repeat is never added again: with the
 * same value it is counted once, with another value the figure is stopped. */
bool imp_first_time(struct importer *im, const struct csv_row *row, struct row_key key,
		    const int *key_cols, size_t n_key, const int *val_cols, size_t n_val, int year,
		    int code, unsigned mask)
{
	int first;
	bool same;
	if (dupkeys_put(&im->keys, key.group, key.sub, key.period, row->line,
			imp_value_id(row, val_cols, n_val), &first, &same))
		return true;
	imp_repeated(im, row, key, first, same, key_cols, n_key, year, code, mask);
	return false;
}

/* ---- cells to canonical rows ------------------------------------------------------------------------ */

static const char *basename_of(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

char *imp_source_text(const struct importer *im)
{
	if (im->o->source)
		return xstrdup(im->o->source);
	const char *base = basename_of(im->path);
	if (im->res->format == IMPORT_DST) {
		char table[16] = "";
		const char *t = strcasestr(base, "ankeast");
		if (t && isdigit((unsigned char)t[7]))
			snprintf(table, sizeof table, " ANKEAST%c", t[7]);
		return xasprintf(
			"Danmarks Statistik, Statistikbanken%s (Ankestyrelsens tal), fil %s", table,
			base);
	}
	if (im->res->format == IMPORT_TALPORTAL)
		return xasprintf("Ankestyrelsen, Talportal (eksport), fil %s", base);
	return xasprintf("Regneark %s", base);
}

/* The part a cell's figures come from: the annual row, or the quarters
 * summed (percentages only stand when one row made the part). */
static struct part merged(const struct cell *c, enum level lvl, unsigned *quarters)
{
	*quarters = 0;
	if (c->p[lvl].rows)
		return c->p[lvl];
	struct part sum = {0};
	for (int q = 1; q <= 4; q++) {
		const struct part *pq = imp_part_get(c, lvl, q);
		if (!pq->rows)
			continue;
		*quarters |= 1u << (q - 1);
		for (int m = 0; m < M_RATE; m++) {
			if (pq->missing[m])
				sum.missing[m] = true;
			imp_put(&sum, (enum meas)m, pq->v[m], pq->suppressed[m]);
		}
		sum.rows += pq->rows;
	}
	return sum;
}

static bool level_used(const struct cell *c, enum level lvl)
{
	for (int q = 0; q <= 4; q++)
		if (imp_part_get(c, lvl, q)->rows)
			return true;
	return false;
}

/* The paragraphs are parts of the law's row, never added to it: where
 * their sum exceeds it, the source does not add up, and the report says so. */
static void check_parts(struct importer *im, const struct cell *c, const struct part *whole)
{
	static const char *const names[M_RATE] = {"upheld", "remanded", "changed",
						  "cases",  "reversed", "dismissed"};
	unsigned quarters;
	struct part parts = merged(c, LVL_PARAGRAPH, &quarters);
	struct sbuf over = {0};
	for (int m = 0; m < M_RATE; m++) {
		if (!whole->v[m].present || !parts.v[m].present || parts.suppressed[m] ||
		    parts.missing[m] || parts.v[m].value <= whole->v[m].value)
			continue;
		sbuf_printf(&over, "%s%s %.0f > %.0f", over.len ? ", " : "", names[m],
			    parts.v[m].value, whole->v[m].value);
	}
	if (over.len && im->parts_over++ == 0)
		im->first_parts_over = c->level_line[LVL_PARAGRAPH];
	if (over.len && im->parts_over <= IMP_PARTS_OVER_LISTED)
		diag_add(&im->res->report, DIAG_WARNING, im->path, c->level_line[LVL_PARAGRAPH], 0,
			 "%d %s for code %d: the paragraphs exceed the law's own row (line %d): "
			 "%s; the law's row is the figure",
			 c->year, area_id(c->area), c->code, c->level_line[LVL_LAW],
			 sbuf_str(&over));
	sbuf_free(&over);
}

/* The message just added is one of many alike, one a municipality: said
 * once for all of them unless --verbose (diag_list_print_brief). The
 * country's own figure is no municipality: said on its own. */
static void group_last(struct importer *im, const char *group, int code)
{
	if (code == AK_NATIONAL_CODE)
		return;
	const struct ak_municipality *m = im->ds ? dataset_muni(im->ds, code) : NULL;
	char who[32];
	snprintf(who, sizeof who, "%d", code);
	diag_group_last(&im->res->report, group, m && m->name ? m->name : who);
}

/* The warning for a figure whose rows came under one of its area's two
 * laws (one_law_only). */
static void say_one_law(struct importer *im, const struct cell *c, const char *seen,
			const char *missing)
{
	diag_add(&im->res->report, DIAG_WARNING, im->path, c->first_line, 0,
		 "%d %s for code %d: rows only under %s, none under %s, which the area also covers "
		 "from %d; the figure may be too low",
		 c->year, area_id(c->area), c->code, seen, missing, c->year);
	char *group = xasprintf(_("%d %s rows only under %s, none under %s, which the area "
				  "also covers from %d; the figures may be too low"),
				c->year, area_id(c->area), seen, missing, c->year);
	group_last(im, group, c->code);
	free(group);
}

/* What a figure's note says beyond the file's (appended to more). */
static void note_more(const struct part *p, unsigned quarters, struct sbuf *more)
{
	if (quarters && quarters != 0xF)
		sbuf_printf(more, " Summeret af kvartaler (%s%s%s%s): året er ufuldstændigt.",
			    quarters & 1 ? "1" : "", quarters & 2 ? "2" : "",
			    quarters & 4 ? "3" : "", quarters & 8 ? "4" : "");
	else if (quarters)
		sbuf_puts(more, " Summeret af fire kvartaler.");
	bool supp = false, miss = false;
	for (int m = 0; m < M_RATE; m++) {
		supp |= p->suppressed[m];
		miss |= p->missing[m] && p->rows > 1;
	}
	if (supp)
		sbuf_puts(more, " Et eller flere tal er udeladt af diskretionshensyn (..); summer "
				"med dem er ikke oplyst.");
	if (miss)
		sbuf_puts(more, " Et eller flere tal mangler (NA); summer med dem er ikke oplyst.");
}

/* The laws of a year whose area has rules under two (børnehandicap from
 * 2024: serviceloven and barnets lov) when the cell's rows came under
 * only one: true, with the law seen and the one missing named. */
static bool one_law_only(const struct importer *im, const struct cell *c, char seen[64],
			 char missing[64])
{
	unsigned in_force = area_rules_laws(im->o->rules, c->area, c->year);
	if (!c->laws || (in_force & (in_force - 1)) == 0 || (in_force & ~c->laws) == 0)
		return false;
	area_rules_law_name(im->o->rules, __builtin_ctz(c->laws), seen, 64);
	area_rules_law_name(im->o->rules, __builtin_ctz(in_force & ~c->laws), missing, 64);
	return true;
}

/* The figure of a cell; its texts are the file's (ft), a note of its own
 * kept by the result when it says more. */
static void cell_to_obs(struct importer *im, const struct cell *c, const struct file_texts *ft,
			struct ak_obs *o)
{
	/* a row for the law (or area) as a whole wins over summed paragraphs */
	enum level lvl = level_used(c, LVL_LAW) ? LVL_LAW : LVL_PARAGRAPH;
	unsigned quarters;
	struct part p = merged(c, lvl, &quarters);
	if (lvl == LVL_LAW && level_used(c, LVL_PARAGRAPH))
		check_parts(im, c, &p);
	/* a sum with a suppressed or missing part is not known: never a silent
	 * undercount */
	for (int m = 0; m < M_COUNT; m++)
		if (p.suppressed[m] || p.missing[m])
			p.v[m].present = false;
	memset(o, 0, sizeof *o);
	o->year = c->year;
	o->code = c->code;
	o->area = c->area;
	o->cases = p.v[M_CASES];
	o->upheld = p.v[M_UPHELD];
	o->remanded = p.v[M_REMANDED];
	o->changed = p.v[M_CHANGED];
	o->reversed = p.v[M_REVERSED];
	o->dismissed = p.v[M_DISMISSED];
	if (p.rows == 1) {
		o->rate_pct = p.v[M_RATE];
		o->remanded_pct = p.v[M_REM_PCT];
		o->changed_pct = p.v[M_CHG_PCT];
	}
	struct sbuf more = {0};
	note_more(&p, quarters, &more);
	char seen[64], missing[64];
	o->one_law_only = one_law_only(im, c, seen, missing);
	if (o->one_law_only)
		sbuf_printf(&more,
			    " Kun rækker efter %s; " AK_NOTE_ONE_LAW " %s, som området også "
			    "omfatter i %d: tallet kan være for lavt.",
			    seen, missing, c->year);
	o->shared_texts = true;
	o->scope = ft->empty;
	o->note = more.len ? imp_keep(im->res, xasprintf("%s%s", ft->note, sbuf_str(&more)))
			   : ft->note;
	sbuf_free(&more);
	o->source.text = ft->source;
	o->source.kind = im->res->format == IMPORT_SHEET ? SOURCE_MUNICIPALITY : SOURCE_STATISTICS;
	o->source.date = ft->date;
	o->source.url = ft->url;
	o->path = im->path;
	o->line = c->first_line;
	if (quarters && quarters != 0xF) {
		diag_add(&im->res->report, DIAG_WARNING, im->path, c->first_line, 0,
			 "%d for code %d (%s) has only some quarters; the sum is marked incomplete",
			 c->year, c->code, area_id(c->area));
		char *group = xasprintf(_("%d %s figures of only some quarters; the sums are "
					  "marked incomplete"),
					c->year, area_id(c->area));
		group_last(im, group, c->code);
		free(group);
	}
	if (o->one_law_only)
		say_one_law(im, c, seen, missing);
}

static bool cell_has_figure(const struct cell *c)
{
	for (int l = 0; l < LVL_COUNT; l++)
		for (int q = 0; q <= 4; q++)
			for (int m = 0; m < M_COUNT; m++)
				if (imp_part_get(c, (enum level)l, q)->v[m].present ||
				    imp_part_get(c, (enum level)l, q)->suppressed[m])
					return true;
	return false;
}

/* The cells become the figures in their own memory, which no new page
 * is touched for: figure j is smaller than a cell and made from cell
 * i >= j once cell i is read (copied out), so it only overwrites cells
 * done with. The cells are gone afterwards. */
static void cells_to_obs(struct importer *im, const struct file_texts *ft)
{
	_Static_assert(sizeof(struct ak_obs) <= sizeof(struct cell), "a figure fits in a cell");
	struct ak_obs *obs = (struct ak_obs *)(void *)im->cells;
	size_t n = 0;
	for (size_t i = 0; i < im->n_cells; i++) {
		struct cell c;
		memcpy(&c, &im->cells[i], sizeof c);
		/* no figure for a key repeated with another value */
		if (!c.conflict_line && cell_has_figure(&c))
			cell_to_obs(im, &c, ft, &obs[n++]);
		cell_free_quarters(&c);
	}
	im->res->obs = xreallocarray(obs, n + 1, sizeof *obs); /* never 0 bytes */
	im->res->n_obs = n;
	im->cells = NULL;
	im->n_cells = im->cap_cells = 0;
}

void imp_finish(struct importer *im)
{
	struct import_result *res = im->res;
	const struct import_options *o = im->o;
	struct file_texts ft = {
		.source = imp_keep(res, imp_source_text(im)),
		.date = o->source_date ? imp_keep(res, xstrdup(o->source_date)) : NULL,
		.url = o->source_url ? imp_keep(res, xstrdup(o->source_url)) : NULL,
		.note = imp_keep(res,
				 xasprintf(AK_NOTE_IMPORTED "%s (%s, %s).", basename_of(im->path),
					   import_format_name(res->format), res->encoding)),
		.empty = imp_keep(res, xstrdup(""))};
	ft.date = ft.date ? ft.date : ft.empty;
	ft.url = ft.url ? ft.url : ft.empty;
	cells_to_obs(im, &ft);
	imp_pars_finish(im, &ft);
}
