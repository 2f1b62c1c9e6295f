/* parcells.h - private to src/import: the figures below law level kept as
 * they come (parcells.c), the rows of paragraphs.csv. */
#ifndef ANKEKORT_IMPORT_PARCELLS_H
#define ANKEKORT_IMPORT_PARCELLS_H

#include <stdbool.h>
#include <stdint.h>

#include "importer.h"
#include "values.h"

struct importer;

/* A figure below law level (a paragraph or a Talportal topic): one per
 * period of its group (parcells.c), kept as a row of paragraphs.csv.
 * Small: a whole export holds a great many (32 bytes each). */
struct parcell {
	uint32_t v[M_RATE];	  /* the counts, by enum meas */
	uint8_t present, unknown; /* bits by enum meas: given; a ".." or NA went in */
	uint8_t mask;		  /* the areas of its text in its year; 0: no row came */
	bool conflict;		  /* a row repeated with another value: not imported */
	uint32_t first_line;
};
/* The figures of one municipality and law/paragraph text, annual or by
 * quarter: the files put the period innermost, so a group's rows come
 * together and its cells are one array by period. */
struct pargroup {
	uint64_t key;	       /* code, quarterly, text id (par_group_key) */
	struct parcell *cells; /* [period - lo] */
	uint32_t lo, n, cap;   /* the periods held: year, or year * 4 + quarter - 1 */
	uint8_t law;	       /* the first law (area rule law_id) of its text */
};
/* The texts a text id stands for: the law and the label as published;
 * the law as shown and the §§ named, worked out once at the end (not
 * when counting: parcells.c). */
struct partext {
	char *law, *label;
	char *law_shown, *paragraphs;
	uint32_t first_line; /* the first row of its first group */
	bool known;	     /* a text of the file */
	bool kept;	     /* a row of it is kept */
};

/* The texts of a new text id: the law (or the law a numbered part belongs
 * to) and the part's label. */
void imp_par_texts(struct importer *im, int text_id, const char *law, const char *label);
/* Where a figure below law level is kept: its group and period, to come
 * back to it without a look-up (imp_par_again). */
struct par_place {
	uint64_t key;	 /* the group's */
	uint32_t group;	 /* index into pgroups */
	uint32_t period; /* year, or year * 4 + quarter - 1 */
};
/* The figure a row below law level adds to, or NULL when none is kept
 * (then none ever is for that text and municipality). at, when not NULL,
 * is set to where a figure is. */
struct parcell *imp_par_cell(struct importer *im, int year, int quarter, int code,
			     const struct lawpar *lp, int line, struct par_place *at);
/* A row's mark on its figure: the first line, the areas. */
static inline struct parcell *imp_par_touch(struct parcell *c, const struct lawpar *lp, int line)
{
	if (!c->mask)
		c->first_line = (uint32_t)line;
	c->mask |= (uint8_t)lp->mask; /* the same text in a year with other rules */
	return c;
}
/* The figure at a place imp_par_cell() gave, when its group is still the
 * one being read (and its cells kept); NULL: ask imp_par_cell(). */
static inline struct parcell *imp_par_again(struct importer *im, const struct par_place *at)
{
	if (im->pcount_inexact || im->last_pgroup != (size_t)at->group + 1)
		return NULL;
	struct pargroup *g = &im->pgroups[at->group];
	uint32_t i = at->period - g->lo;
	return g->key == at->key && at->period >= g->lo && i < g->n ? &g->cells[i] : NULL;
}
/* The figure of the period after the one at prev, when it is the next
 * one of the group being read (and there is room): made as imp_par_cell()
 * makes it, at set; NULL: ask imp_par_cell(). */
static inline struct parcell *imp_par_next(struct importer *im, const struct par_place *prev,
					   uint32_t period, const struct lawpar *lp, int line,
					   struct par_place *at)
{
	if (im->pcount_inexact || im->last_pgroup != (size_t)prev->group + 1 ||
	    prev->period + 1 != period)
		return NULL;
	struct pargroup *g = &im->pgroups[prev->group];
	if (g->key != prev->key || !g->n || period - g->lo != g->n || g->n >= g->cap)
		return NULL;
	struct parcell *c = &g->cells[g->n++];
	static const struct parcell none; /* copied in two moves, not zeroed a word at a time */
	*c = none;
	*at = (struct par_place){.key = prev->key, .group = prev->group, .period = period};
	return imp_par_touch(c, lp, line);
}
/* Adds a count (measures from M_RATE on are not kept). */
static inline void imp_par_put(struct parcell *c, enum meas m, struct ak_num v, bool suppressed)
{
	if (!c || m >= M_RATE)
		return;
	if (suppressed || !v.present || (double)c->v[m] + v.value > 4e9) {
		c->unknown |= (uint8_t)(1u << m);
		return;
	}
	c->v[m] += (uint32_t)v.value;
	c->present |= (uint8_t)(1u << m);
}
/* imp_par_put() of a plain count (0 to 1e9) read as an integer: no
 * floating point on the rows most files are made of. */
static inline void imp_par_add(struct parcell *c, enum meas m, uint64_t n)
{
	if (!c || m >= M_RATE)
		return;
	if ((uint64_t)c->v[m] + n > 4000000000u) {
		c->unknown |= (uint8_t)(1u << m);
		return;
	}
	c->v[m] += (uint32_t)n;
	c->present |= (uint8_t)(1u << m);
}
/* A key repeated with another value: its row below law level is not kept. */
void imp_par_conflict(struct importer *im, int year, int quarter, int code, int text_id);
/* The rows below law level into res->pars, with the source and note of the
 * figures. */
void imp_pars_finish(struct importer *im, const struct file_texts *ft);
void imp_pars_free(struct importer *im);

#endif
