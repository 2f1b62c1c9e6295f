/* parcells.c - the figures below law level kept as they come: one cell
 * per period, municipality and law/paragraph text, which become the rows
 * of paragraphs.csv (docs/DATA.md). The area figures are summed apart
 * (cells.c); these are their parts. */
#include "parcells.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/hashtab.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/parload.h"
#include "ankekort/import/import.h"
#include "arearules.h"
#include "importer.h"
#include "values.h"

/* Counting keeps no texts, only a row for each text id (pseen): its
 * first line (4 bytes) and flags (1), then a bit for each group (the
 * municipalities numbered densely, annual and quarterly) done. */
#define PSEEN_HEAD 5
#define PSEEN_FIRST (256 * 1024)
enum { PT_KNOWN = 1, PT_KEPT = 2, PT_NAMED = 4 };

static unsigned char *count_row(struct importer *im, size_t t)
{
	if (!im->pseen_index) { /* code -> the municipality's number + 1 */
		im->pseen_index = xcalloc(1024, sizeof *im->pseen_index);
		for (size_t i = 0; i < im->ds->n_munis && i < 65535; i++)
			if (im->ds->munis[i].code >= 0 && im->ds->munis[i].code < 1024)
				im->pseen_index[im->ds->munis[i].code] = (uint16_t)(i + 1);
		im->pseen_bytes = PSEEN_HEAD + (im->ds->n_munis * 2 + 2 + 7) / 8;
	}
	if (!im->pseen) { /* large enough for the allocator to map it: a page is
			     resident only once a row on it is written, and no
			     smaller copies are left behind in the heap */
		im->n_pseen = PSEEN_FIRST / im->pseen_bytes;
		im->pseen = xcalloc(im->n_pseen, im->pseen_bytes);
	}
	im->pseen = xgrow_zeroed(im->pseen, &im->n_pseen, t, im->pseen_bytes, 1);
	return im->pseen + t * im->pseen_bytes;
}

/* A new text when counting: whether it names a §, and the label of one
 * that names none (the report names those). */
static void count_text(struct importer *im, size_t t, const char *law, const char *label)
{
	unsigned char *row = count_row(im, t);
	if (row[4] & PT_KNOWN)
		return;
	struct sbuf all = {0}, pars = {0};
	sbuf_printf(&all, "%s %s", strcmp(law, label) ? law : "", label);
	par_numbers(sbuf_str(&all), true, &pars);
	row[4] = (unsigned char)(PT_KNOWN | (pars.len ? PT_NAMED : 0));
	if (!pars.len) {
		im->plabels =
			xgrow_zeroed(im->plabels, &im->n_plabels, t, sizeof *im->plabels, t + 1);
		im->plabels[t] = xstrdup(label);
	}
	sbuf_free(&all);
	sbuf_free(&pars);
}

void imp_par_texts(struct importer *im, int text_id, const char *law, const char *label)
{
	if (text_id < 0 || im->o->pars == IMPORT_PARS_NONE)
		return;
	if (im->o->pars == IMPORT_PARS_COUNT) {
		count_text(im, (size_t)text_id, law, label[0] ? label : law);
		return;
	}
	im->ptexts = xgrow_zeroed(im->ptexts, &im->n_ptexts, (size_t)text_id, sizeof *im->ptexts,
				  (size_t)text_id + 1);
	struct partext *t = &im->ptexts[text_id];
	if (t->known)
		return;
	t->known = true;
	if (!label[0])
		label = law;
	t->law = xstrdup(law);
	t->label = xstrdup(label);
}

static uint64_t group_key(int quarter, int code, int text_id)
{
	return 1ull << 63 | (uint64_t)(code & 0x3FF) << 33 | (uint64_t)(quarter ? 1 : 0) << 32 |
	       (uint32_t)text_id;
}

static int key_code(uint64_t key)
{
	return (int)(key >> 33 & 0x3FF);
}

static uint32_t key_text(uint64_t key)
{
	return (uint32_t)key;
}

static bool key_quarterly(uint64_t key)
{
	return key >> 32 & 1;
}

static unsigned period_of(int year, int quarter)
{
	return quarter ? (unsigned)(year * 4 + quarter - 1) : (unsigned)year;
}

static bool pcell_has_figure(const struct parcell *c)
{
	return c->mask && !c->conflict && (c->present & ~c->unknown) != 0;
}

/* Counting: whether the group was done before; marks it done. */
static bool seen_before(struct importer *im, uint64_t key)
{
	unsigned char *row = count_row(im, key_text(key));
	unsigned bit = (unsigned)im->pseen_index[key_code(key)] * 2 + key_quarterly(key);
	unsigned char *b = &row[PSEEN_HEAD + bit / 8];
	bool was = *b >> (bit % 8) & 1;
	*b |= (unsigned char)(1u << (bit % 8));
	return was;
}

/* A group read to its end: what it says of its text (the first line, a
 * row kept), and when counting its rows are counted and the cells emptied
 * for the next group. */
static void group_done(struct importer *im, struct pargroup *g)
{
	if (im->o->pars == IMPORT_PARS_COUNT) {
		unsigned char *row = count_row(im, key_text(g->key));
		for (uint32_t i = 0; i < g->n; i++) {
			const struct parcell *c = &g->cells[i];
			uint32_t first;
			memcpy(&first, row, 4);
			if (c->mask && !first)
				memcpy(row, &c->first_line, 4);
			if ((row[4] & PT_KNOWN) && pcell_has_figure(c)) {
				row[4] |= PT_KEPT;
				im->pcells_counted++;
			}
		}
		memset(g->cells, 0, g->cap * sizeof *g->cells);
		g->n = 0;
		return;
	}
	struct partext *t = key_text(g->key) < im->n_ptexts ? &im->ptexts[key_text(g->key)] : NULL;
	for (uint32_t i = 0; i < g->n && t; i++) {
		const struct parcell *c = &g->cells[i];
		if (!c->mask)
			continue;
		if (!t->first_line)
			t->first_line = c->first_line;
		if (t->known && pcell_has_figure(c))
			t->kept = true;
	}
}

static struct pargroup *group_new(struct importer *im, uint64_t key, const struct lawpar *lp)
{
	if (im->o->pars == IMPORT_PARS_COUNT && im->n_pgroups) {
		/* one group at a time: the last one is done */
		struct pargroup *g = &im->pgroups[0];
		group_done(im, g);
		if (seen_before(im, key)) {
			im->pcount_inexact = true; /* the file's groups are not together */
			return NULL;
		}
		g->key = key;
		g->law = (uint8_t)(lp->laws ? __builtin_ctz(lp->laws) : 0);
		return g;
	}
	if (im->o->pars == IMPORT_PARS_COUNT)
		seen_before(im, key);
	if (im->n_pgroups == im->cap_pgroups || !im->pgroups) {
		im->cap_pgroups = im->cap_pgroups ? im->cap_pgroups * 2 : 64;
		im->pgroups = xreallocarray(im->pgroups, im->cap_pgroups, sizeof *im->pgroups);
	}
	struct pargroup *g = &im->pgroups[im->n_pgroups];
	*g = (struct pargroup){.key = key,
			       .law = (uint8_t)(lp->laws ? __builtin_ctz(lp->laws) : 0)};
	if (im->o->pars == IMPORT_PARS_KEEP)
		hashtab_add(&im->pgroup_index, key, im->n_pgroups);
	im->n_pgroups++;
	return g;
}

static struct pargroup *group_find(struct importer *im, uint64_t key)
{
	if (im->last_pgroup && im->pgroups[im->last_pgroup - 1].key == key)
		return &im->pgroups[im->last_pgroup - 1];
	if (im->o->pars == IMPORT_PARS_COUNT)
		return NULL; /* only the last one is held */
	size_t pos = 0;
	uint64_t i;
	if (!hashtab_next(&im->pgroup_index, key, &pos, &i))
		return NULL;
	im->last_pgroup = (size_t)i + 1;
	return &im->pgroups[i];
}

/* The group's cell of a period, made room for. */
static struct parcell *group_cell(struct pargroup *g, unsigned period)
{
	if (!g->n) {
		g->lo = period;
	} else if (period < g->lo) { /* a period before the first: moved up */
		uint32_t by = g->lo - period;
		if (g->n + by > g->cap) {
			g->cap = g->n + by + 4;
			g->cells = xreallocarray(g->cells, g->cap, sizeof *g->cells);
		}
		memmove(g->cells + by, g->cells, g->n * sizeof *g->cells);
		memset(g->cells, 0, by * sizeof *g->cells);
		g->n += by;
		g->lo = period;
	}
	uint32_t i = period - g->lo;
	if (i >= g->n) {
		if (i >= g->cap) {
			uint32_t cap = g->cap ? g->cap * 2 : 16;
			g->cap = cap > i + 1 ? cap : i + 1;
			g->cells = xreallocarray(g->cells, g->cap, sizeof *g->cells);
		}
		if (i == g->n) /* the next period: the common case */
			g->cells[i] = (struct parcell){0};
		else
			memset(g->cells + g->n, 0, (i + 1 - g->n) * sizeof *g->cells);
		g->n = i + 1;
	}
	return &g->cells[i];
}

struct parcell *imp_par_cell(struct importer *im, int year, int quarter, int code,
			     const struct lawpar *lp, int line, struct par_place *at)
{
	if (im->o->pars == IMPORT_PARS_NONE || im->pcount_inexact || lp->text_id < 0)
		return NULL;
	uint64_t key = group_key(quarter, code, lp->text_id);
	struct pargroup *g = group_find(im, key);
	if (!g) {
		g = group_new(im, key, lp);
		if (!g)
			return NULL;
		im->last_pgroup = (size_t)(g - im->pgroups) + 1;
	}
	struct parcell *c = group_cell(g, period_of(year, quarter));
	if (at)
		*at = (struct par_place){.key = key,
					 .group = (uint32_t)(g - im->pgroups),
					 .period = period_of(year, quarter)};
	return imp_par_touch(c, lp, line);
}

void imp_par_conflict(struct importer *im, int year, int quarter, int code, int text_id)
{
	if (im->o->pars == IMPORT_PARS_NONE || im->pcount_inexact)
		return;
	struct pargroup *g = group_find(im, group_key(quarter, code, text_id));
	if (!g) { /* counting, and its group is done: read again to count */
		im->pcount_inexact = im->o->pars == IMPORT_PARS_COUNT;
		return;
	}
	unsigned period = period_of(year, quarter);
	if (period >= g->lo && period - g->lo < g->n)
		g->cells[period - g->lo].conflict = true;
}

/* "Serviceloven" from "1 Serviceloven"; the rules' name of the first law
 * matched ("servicelov": "Serviceloven") when the text is the label itself. */
static char *law_shown(const struct importer *im, const struct partext *t, int law_id)
{
	if (strcmp(t->law, t->label) != 0) {
		bool sub;
		const char *rest;
		imp_law_number(t->law, &sub, &rest);
		return xstrdup(rest[0] ? rest : t->law);
	}
	char name[64] = "?";
	area_rules_law_name(im->o->rules, law_id, name, sizeof name);
	name[0] = (char)toupper((unsigned char)name[0]);
	size_t n = strlen(name);
	if (!strchr(name, ' ') && n >= 3 && strcmp(name + n - 3, "lov") == 0)
		return xasprintf("%sen", name); /* "Serviceloven", as the law is written */
	return xstrdup(name);
}

static struct ak_num count_of(const struct parcell *c, enum meas m)
{
	/* a sum with an unknown part is unknown */
	bool known = (c->present >> m & 1) && !(c->unknown >> m & 1);
	return (struct ak_num){.value = known ? c->v[m] : 0, .present = known};
}

/* The text's law as shown and the §§ it names, worked out once. */
static void text_shown(struct importer *im, struct partext *t, int law)
{
	if (t->law_shown)
		return;
	t->law_shown = law_shown(im, t, law);
	struct sbuf all = {0}, pars = {0};
	sbuf_printf(&all, "%s %s", strcmp(t->law, t->label) ? t->law : "", t->label);
	par_numbers(sbuf_str(&all), true, &pars);
	t->paragraphs = sbuf_take(&pars);
	sbuf_free(&all);
}

/* The strings the rows share: the file's, and each text's (or NULL: no
 * row of it kept yet). */
struct par_shared {
	const struct file_texts *ft;
	char **law, **label, **paragraphs; /* [text id], made when first used */
};

static void pcell_to_par(struct importer *im, const struct pargroup *g, uint32_t i,
			 struct par_shared *sh, struct ak_par *p)
{
	const struct parcell *c = &g->cells[i];
	uint32_t tid = key_text(g->key);
	struct partext *t = &im->ptexts[tid];
	if (!sh->law[tid]) {
		text_shown(im, t, g->law);
		sh->law[tid] = imp_keep(im->res, xstrdup(t->law_shown));
		sh->label[tid] = imp_keep(im->res, xstrdup(t->label));
		sh->paragraphs[tid] = imp_keep(im->res, xstrdup(t->paragraphs));
	}
	unsigned period = g->lo + i;
	memset(p, 0, sizeof *p);
	p->year = key_quarterly(g->key) ? (int)(period / 4) : (int)period;
	p->quarter = key_quarterly(g->key) ? (int)(period % 4) + 1 : 0;
	p->code = key_code(g->key);
	p->law = sh->law[tid];
	p->label = sh->label[tid];
	p->paragraphs = sh->paragraphs[tid];
	p->areas = c->mask;
	p->cases = count_of(c, M_CASES);
	p->upheld = count_of(c, M_UPHELD);
	p->remanded = count_of(c, M_REMANDED);
	p->changed = count_of(c, M_CHANGED);
	p->reversed = count_of(c, M_REVERSED);
	p->dismissed = count_of(c, M_DISMISSED);
	p->source.text = sh->ft->source;
	p->source.kind = SOURCE_STATISTICS;
	p->source.date = sh->ft->date;
	p->source.url = sh->ft->url;
	p->note = sh->ft->note;
	p->path = im->path;
	p->line = (int)c->first_line;
	p->layer = LAYER_USER;
}

/* The labels kept that name no paragraph: the area rules place them by
 * their law alone, so they count for generelt only. Said once, the first
 * few named with their line. */
static void say_unplaced(struct importer *im)
{
	struct sbuf list = {0};
	size_t n = 0;
	int first = 0;
	/* counting: the rows of the text ids given out (the rest of pseen's
	 * pages were never written, and reading them would map them) */
	size_t ids = (size_t)im->n_text_ids, n_seen = im->n_pseen < ids ? im->n_pseen : ids;
	for (size_t k = 0; k < n_seen; k++) {
		const unsigned char *row = im->pseen + k * im->pseen_bytes;
		if ((row[4] & (PT_KEPT | PT_NAMED)) != PT_KEPT || k >= im->n_plabels)
			continue;
		uint32_t line;
		memcpy(&line, row, 4);
		if (n++ < 5)
			sbuf_printf(&list, "%s\"%s\" (line %u)", list.len ? ", " : "",
				    im->plabels[k], line);
		if (!first || (int)line < first)
			first = (int)line;
	}
	for (size_t k = 0; k < im->n_ptexts; k++) {
		struct partext *t = &im->ptexts[k];
		if (!t->kept)
			continue;
		if (!t->paragraphs) { /* the law of the text's first group */
			const struct pargroup *g = NULL;
			for (size_t j = 0; j < im->n_pgroups && !g; j++)
				if (key_text(im->pgroups[j].key) == k)
					g = &im->pgroups[j];
			text_shown(im, t, g ? g->law : 0);
		}
		if (!t->paragraphs || t->paragraphs[0])
			continue;
		if (n++ < 5)
			sbuf_printf(&list, "%s\"%s\" (line %u)", list.len ? ", " : "", t->label,
				    t->first_line);
		if (!first || (int)t->first_line < first)
			first = (int)t->first_line;
	}
	if (n)
		diag_add(&im->res->report, DIAG_WARNING, im->path, first, 0,
			 "%zu label(s) below law level name no paragraph and count for generelt "
			 "only (the area rules place them by their law): %s%s",
			 n, sbuf_str(&list), n > 5 ? ", ..." : "");
	sbuf_free(&list);
}

static int by_line(const void *a, const void *b)
{
	int x = ((const struct ak_par *)a)->line, y = ((const struct ak_par *)b)->line;
	return (x > y) - (x < y);
}

void imp_pars_finish(struct importer *im, const struct file_texts *ft)
{
	struct import_result *res = im->res;
	if (im->o->pars == IMPORT_PARS_NONE)
		return;
	for (size_t k = 0; k < im->n_pgroups && !im->pcount_inexact; k++)
		group_done(im, &im->pgroups[k]);
	if (im->o->pars == IMPORT_PARS_COUNT) {
		res->pars_counted = im->pcells_counted;
		res->pars_inexact = im->pcount_inexact;
		if (!im->pcount_inexact)
			say_unplaced(im);
		return;
	}
	size_t n = 0;
	for (size_t k = 0; k < im->n_pgroups; k++)
		for (uint32_t i = 0; i < im->pgroups[k].n; i++)
			n += pcell_has_figure(&im->pgroups[k].cells[i]);
	res->pars = xcalloc(n + 1, sizeof *res->pars);
	struct par_shared sh = {.ft = ft,
				.law = xcalloc(im->n_ptexts + 1, sizeof *sh.law),
				.label = xcalloc(im->n_ptexts + 1, sizeof *sh.label),
				.paragraphs = xcalloc(im->n_ptexts + 1, sizeof *sh.paragraphs)};
	for (size_t k = 0; k < im->n_pgroups; k++) {
		struct pargroup *g = &im->pgroups[k];
		uint32_t tid = key_text(g->key);
		for (uint32_t i = 0; i < g->n; i++)
			if (pcell_has_figure(&g->cells[i]) && tid < im->n_ptexts &&
			    im->ptexts[tid].known)
				pcell_to_par(im, g, i, &sh, &res->pars[res->n_pars++]);
		free(g->cells); /* given back as the rows are made */
		g->cells = NULL;
		g->n = g->cap = 0;
	}
	free(sh.law);
	free(sh.label);
	free(sh.paragraphs);
	/* in the order their first rows came, as the file has them (a sorted
	 * file's groups already are) */
	bool sorted = true;
	for (size_t i = 1; i < res->n_pars && sorted; i++)
		sorted = res->pars[i - 1].line < res->pars[i].line;
	if (!sorted)
		qsort(res->pars, res->n_pars, sizeof *res->pars, by_line);
	say_unplaced(im);
}

void imp_pars_free(struct importer *im)
{
	for (size_t k = 0; k < im->n_pgroups; k++)
		free(im->pgroups[k].cells);
	free(im->pgroups);
	im->pgroups = NULL;
	im->n_pgroups = im->cap_pgroups = im->last_pgroup = 0;
	hashtab_free(&im->pgroup_index);
	free(im->pseen);
	free(im->pseen_index);
	for (size_t i = 0; i < im->n_plabels; i++)
		free(im->plabels[i]);
	free(im->plabels);
	im->plabels = NULL;
	im->n_plabels = 0;
	im->pseen = NULL;
	im->pseen_index = NULL;
	im->n_pseen = im->pseen_bytes = 0;
	for (size_t i = 0; i < im->n_ptexts; i++) {
		free(im->ptexts[i].law);
		free(im->ptexts[i].label);
		free(im->ptexts[i].law_shown);
		free(im->ptexts[i].paragraphs);
	}
	free(im->ptexts);
	im->ptexts = NULL;
	im->n_ptexts = 0;
}
