/* importpars.c - the figures below law level kept as they come: one cell
 * per period, municipality and law/paragraph text, which become the rows
 * of paragraphs.csv (docs/DATA.md). The area figures are summed apart
 * (importcells.c); these are their parts. */
#include "ankekort/import/importer.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/hashtab.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/parload.h"

void imp_par_texts(struct importer *im, int text_id, const char *law, const char *label)
{
	if (text_id < 0 || im->pcells_full)
		return; /* past the limit nothing below law level is kept */
	if ((size_t)text_id >= im->n_ptexts) {
		size_t n = (size_t)text_id + 1;
		im->ptexts = xreallocarray(im->ptexts, n, sizeof *im->ptexts);
		memset(im->ptexts + im->n_ptexts, 0, (n - im->n_ptexts) * sizeof *im->ptexts);
		im->n_ptexts = n;
	}
	struct partext *t = &im->ptexts[text_id];
	if (t->law)
		return;
	t->law = xstrdup(law);
	t->label = xstrdup(label[0] ? label : law);
}

static uint64_t pcell_key(int year, int quarter, int code, int text_id)
{
	return ((((uint64_t)(unsigned)year * 5u + (unsigned)quarter) * 1000u + (unsigned)code)
		<< 28) +
	       (uint64_t)(unsigned)text_id + 1u;
}

static struct parcell *pcell_find(struct importer *im, uint64_t key)
{
	struct cell_memo *memo = &im->pcell_memo[(key ^ key >> 29) & (IMP_CELL_MEMO - 1)];
	if (memo->key == key)
		return IMP_PCELL(im, memo->i);
	size_t pos = 0;
	uint64_t i;
	if (!hashtab_next(&im->pcell_index, key, &pos, &i))
		return NULL;
	*memo = (struct cell_memo){.key = key, .i = (size_t)i};
	return IMP_PCELL(im, (size_t)i);
}

struct parcell *imp_par_cell(struct importer *im, int year, int quarter, int code,
			     const struct lawpar *lp, int line)
{
	if (im->pcells_full)
		return NULL;
	uint64_t key = pcell_key(year, quarter, code, lp->text_id);
	struct parcell *c = pcell_find(im, key);
	if (!c) {
		if (im->n_pcells == IMP_PAR_CELLS_MAX) {
			imp_pars_free(im); /* none is kept: the memory goes back now */
			im->pcells_full = true;
			im->first_pcell_over = line;
			return NULL;
		}
		if (im->n_pcells == im->cap_pcells) { /* a new chunk */
			size_t k = im->n_pcells / IMP_PAR_CHUNK;
			im->pcells = xreallocarray(im->pcells, k + 1, sizeof *im->pcells);
			im->pcells[k] = xmalloc(IMP_PAR_CHUNK * sizeof **im->pcells);
			im->cap_pcells += IMP_PAR_CHUNK;
		}
		c = IMP_PCELL(im, im->n_pcells);
		*c = (struct parcell){.year = (uint16_t)year,
				      .quarter = (uint8_t)quarter,
				      .code = (uint16_t)code,
				      .text_id = (uint32_t)lp->text_id,
				      .mask = (uint8_t)lp->mask,
				      .law = (uint8_t)(lp->laws ? __builtin_ctz(lp->laws) : 0),
				      .first_line = (uint32_t)line};
		hashtab_add(&im->pcell_index, key, im->n_pcells);
		im->pcell_memo[(key ^ key >> 29) & (IMP_CELL_MEMO - 1)] =
			(struct cell_memo){.key = key, .i = im->n_pcells};
		im->n_pcells++;
	}
	c->mask |= (uint8_t)lp->mask; /* the same text in a year with other rules */
	return c;
}

void imp_par_conflict(struct importer *im, int year, int quarter, int code, int text_id)
{
	if (im->pcells_full)
		return;
	struct parcell *c = pcell_find(im, pcell_key(year, quarter, code, text_id));
	if (c)
		c->conflict = true;
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

static void pcell_to_par(struct importer *im, const struct parcell *c, const char *source,
			 const char *note, struct ak_par *p)
{
	struct partext *t = &im->ptexts[c->text_id];
	if (!t->law_shown) {
		t->law_shown = law_shown(im, t, c->law);
		struct sbuf all = {0}, pars = {0};
		sbuf_printf(&all, "%s %s", strcmp(t->law, t->label) ? t->law : "", t->label);
		par_numbers(sbuf_str(&all), true, &pars);
		t->paragraphs = sbuf_take(&pars);
		sbuf_free(&all);
	}
	memset(p, 0, sizeof *p);
	p->year = c->year;
	p->quarter = c->quarter;
	p->code = c->code;
	p->law = xstrdup(t->law_shown);
	p->label = xstrdup(t->label);
	p->paragraphs = xstrdup(t->paragraphs);
	p->areas = c->mask;
	p->cases = count_of(c, M_CASES);
	p->upheld = count_of(c, M_UPHELD);
	p->remanded = count_of(c, M_REMANDED);
	p->changed = count_of(c, M_CHANGED);
	p->reversed = count_of(c, M_REVERSED);
	p->dismissed = count_of(c, M_DISMISSED);
	p->source.text = xstrdup(source);
	p->source.kind = SOURCE_STATISTICS;
	p->source.date = xstrdup(im->o->source_date ? im->o->source_date : "");
	p->source.url = xstrdup(im->o->source_url ? im->o->source_url : "");
	p->note = xstrdup(note);
	p->path = im->path;
	p->line = c->first_line;
	p->layer = LAYER_USER;
}

static bool pcell_has_figure(const struct parcell *c)
{
	return (c->present & ~c->unknown) != 0;
}

/* The labels kept that name no paragraph: the area rules place them by
 * their law alone, so they count for generelt only. Said once, the first
 * few named with their line. */
static void say_unplaced(struct importer *im)
{
	struct sbuf list = {0};
	size_t n = 0;
	int first = 0;
	unsigned char *said = xcalloc(im->n_ptexts + 1, 1);
	for (size_t k = 0; k < im->n_pcells; k++) {
		const struct parcell *c = IMP_PCELL(im, k);
		const struct partext *t =
			c->text_id < im->n_ptexts ? &im->ptexts[c->text_id] : NULL;
		/* t->paragraphs is worked out for every text a row was kept of */
		if (!t || !t->paragraphs || t->paragraphs[0] || said[c->text_id])
			continue;
		said[c->text_id] = 1;
		if (n++ < 5)
			sbuf_printf(&list, "%s\"%s\" (line %u)", list.len ? ", " : "", t->label,
				    c->first_line);
		if (!first)
			first = (int)c->first_line;
	}
	if (n)
		diag_add(&im->res->report, DIAG_WARNING, im->path, first, 0,
			 "%zu label(s) below law level name no paragraph and count for generelt "
			 "only (the area rules place them by their law): %s%s",
			 n, sbuf_str(&list), n > 5 ? ", ..." : "");
	free(said);
	sbuf_free(&list);
}

void imp_pars_finish(struct importer *im, const char *source, const char *note)
{
	struct import_result *res = im->res;
	if (im->pcells_full) {
		diag_add(
			&res->report, DIAG_WARNING, im->path, im->first_pcell_over, 0,
			"the file has more than %d figures below law level (paragraphs by "
			"municipality and period); they are not kept, the area figures are: import "
			"a selection of years or municipalities to keep the paragraphs",
			IMP_PAR_CELLS_MAX);
		return;
	}
	res->pars = xcalloc(im->n_pcells + 1, sizeof *res->pars);
	for (size_t i = 0; i < im->n_pcells; i++) {
		const struct parcell *c = IMP_PCELL(im, i);
		if (c->conflict || !pcell_has_figure(c) || (size_t)c->text_id >= im->n_ptexts ||
		    !im->ptexts[c->text_id].law)
			continue;
		pcell_to_par(im, c, source, note, &res->pars[res->n_pars++]);
	}
	say_unplaced(im);
}

void imp_pars_free(struct importer *im)
{
	for (size_t k = 0; k < im->cap_pcells / IMP_PAR_CHUNK; k++)
		free(im->pcells[k]);
	free(im->pcells);
	im->pcells = NULL;
	im->n_pcells = im->cap_pcells = 0;
	hashtab_free(&im->pcell_index);
	memset(im->pcell_memo, 0, sizeof im->pcell_memo);
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
