/* funnelview.c - the funnel plot as lines of styled text: each
 * municipality's rate against its cases (log scale), the national rate as
 * a line and the 95 % and 99.8 % limits drawn in braille dots (ASCII dots
 * without UTF-8), labels for the selection and for those outside the
 * 95 % limits, and a sentence on where the selection lies. */
#include "ankekort/browse/funnelview.h"
#include "ankekort/browse/viewlines.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/data/funnel.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

#define LABEL_W 6 /* the y axis' labels and the axis line */
#define NAME_W 12 /* a label's longest name */

enum curve { CURVE_NONE, CURVE_998, CURVE_95, CURVE_NATIONAL };

struct cell {
	char text[8];	    /* a glyph or one letter of a label; "" = dots or blank */
	unsigned char dots; /* braille dot bits of the curves */
	enum curve curve;   /* the most important curve among the dots */
	enum ak_role role;  /* of text */
};

struct canvas {
	int w, h; /* cells */
	struct cell *cells;
	double xmin, xmax, ymin, ymax;
	bool ascii;
};

static struct cell *at(struct canvas *c, int x, int y)
{
	return x >= 0 && x < c->w && y >= 0 && y < c->h ? &c->cells[y * c->w + x] : NULL;
}

/* Sub-cell positions: two dots across, four down. */
static double px_of(const struct canvas *c, double n)
{
	return (log(n) - log(c->xmin)) / (log(c->xmax) - log(c->xmin)) * (2 * c->w - 1);
}

static double py_of(const struct canvas *c, double rate)
{
	return (c->ymax - rate) / (c->ymax - c->ymin) * (4 * c->h - 1);
}

static void dot(struct canvas *c, int px, int py, enum curve k)
{
	static const unsigned char bits[2][4] = {{0x01, 0x02, 0x04, 0x40},
						 {0x08, 0x10, 0x20, 0x80}};
	struct cell *e = at(c, px / 2, py / 4);
	if (!e || px < 0 || py < 0)
		return;
	e->dots |= bits[px % 2][py % 4];
	if (k > e->curve)
		e->curve = k;
}

static void draw_curves(struct canvas *c, const struct funnel *fn)
{
	double p0 = fn->national / 100.0;
	for (int px = 0; px < 2 * c->w; px++) {
		double n = exp(log(c->xmin) + (log(c->xmax) - log(c->xmin)) * px / (2 * c->w - 1));
		long cases = lround(n);
		struct funnel_limits l;
		funnel_limits(cases < 1 ? 1 : cases, p0, &l);
		dot(c, px, (int)lround(py_of(c, l.lo998)), CURVE_998);
		dot(c, px, (int)lround(py_of(c, l.hi998)), CURVE_998);
		dot(c, px, (int)lround(py_of(c, l.lo95)), CURVE_95);
		dot(c, px, (int)lround(py_of(c, l.hi95)), CURVE_95);
		dot(c, px, (int)lround(py_of(c, fn->national)), CURVE_NATIONAL);
	}
}

static bool labelled(const struct funnel_point *p, int selected)
{
	return p->code == selected || (p->pos != FUNNEL_WITHIN && p->pos != FUNNEL_UNKNOWN);
}

static enum ak_role point_role(const struct funnel_point *p, int selected)
{
	if (p->code == selected)
		return ROLE_SELECTED;
	if (p->pos == FUNNEL_ABOVE_998 || p->pos == FUNNEL_ABOVE_95)
		return ROLE_UP;
	if (p->pos == FUNNEL_BELOW_998 || p->pos == FUNNEL_BELOW_95)
		return ROLE_DOWN;
	return ROLE_HEADER;
}

static void put_text(struct cell *e, const char *s, enum ak_role role)
{
	if (!e)
		return;
	size_t n = strlen(s);
	if (n >= sizeof e->text)
		return; /* one glyph: never more than four bytes */
	memcpy(e->text, s, n + 1);
	e->role = role;
}

/* The name beside its point: right of it, or left when there is no room;
 * letters of one cell only (a wide letter ends the label). */
static void label(struct canvas *c, int x, int y, const char *name, enum ak_role role)
{
	char *esc = textfmt_escape_dup(name);
	char glyphs[NAME_W][8];
	int n = 0;
	for (size_t i = 0, len = strlen(esc); i < len && n < NAME_W;) {
		uint32_t cp;
		size_t k = utf8_decode(esc + i, len - i, &cp);
		if (k == 0 || textfmt_cp_width(cp) != 1)
			break;
		memcpy(glyphs[n], esc + i, k);
		glyphs[n][k] = '\0';
		n++;
		i += k;
	}
	free(esc);
	int start = x + 2 + n <= c->w ? x + 2 : x - 1 - n;
	if (start < 0)
		return;
	for (int i = 0; i < n; i++) {
		struct cell *e = at(c, start + i, y);
		if (!e || e->text[0])
			return; /* never over a point */
	}
	for (int i = 0; i < n; i++)
		put_text(at(c, start + i, y), glyphs[i], role);
}

static void draw_points(struct canvas *c, const struct funnel *fn, const struct ak_dataset *ds,
			int selected)
{
	const char *dotg = glyph(c->ascii, GL_DOT), *selg = glyph(c->ascii, GL_SELECTED_DOT);
	const struct funnel_point *sel = NULL;
	for (size_t i = 0; i < fn->n; i++) {
		const struct funnel_point *p = &fn->points[i];
		struct cell *e = at(c, (int)lround(px_of(c, (double)p->cases)) / 2,
				    (int)lround(py_of(c, p->rate)) / 4);
		if (!e)
			continue;
		if (p->code == selected)
			sel = p;
		else if (e->role != ROLE_SELECTED)
			put_text(e, dotg, point_role(p, selected));
	}
	if (sel)
		put_text(at(c, (int)lround(px_of(c, (double)sel->cases)) / 2,
			    (int)lround(py_of(c, sel->rate)) / 4),
			 selg, ROLE_SELECTED);
	for (size_t i = 0; i < fn->n; i++) {
		const struct funnel_point *p = &fn->points[i];
		if (!labelled(p, selected))
			continue;
		const struct ak_municipality *m = dataset_muni(ds, p->code);
		label(c, (int)lround(px_of(c, (double)p->cases)) / 2,
		      (int)lround(py_of(c, p->rate)) / 4, m ? m->name : "?",
		      p->code == selected ? ROLE_SELECTED : point_role(p, selected));
	}
}

/* The scales: cases from a little below the fewest to a little above the
 * most (log), rates around the points and the widest limits, in tens. */
static void scales(struct canvas *c, const struct funnel *fn)
{
	long lo = fn->points[0].cases, hi = fn->points[fn->n - 1].cases;
	c->xmin = fmax(1.0, (double)lo / 1.5);
	c->xmax = fmax((double)hi * 1.2, c->xmin * 4.0);
	struct funnel_limits l;
	funnel_limits(lround(c->xmin) < 1 ? 1 : lround(c->xmin), fn->national / 100.0, &l);
	double top = fmax(l.hi998, fn->national), bottom = fmin(l.lo998, fn->national);
	for (size_t i = 0; i < fn->n; i++) {
		top = fmax(top, fn->points[i].rate);
		bottom = fmin(bottom, fn->points[i].rate);
	}
	c->ymax = fmin(100.0, ceil((top + 2.0) / 10.0) * 10.0);
	c->ymin = fmax(0.0, floor((bottom - 2.0) / 10.0) * 10.0);
}

static const char *role_glyph_ascii(enum curve k)
{
	return k == CURVE_NATIONAL ? "-" : k == CURVE_95 ? "." : ":";
}

static enum ak_role curve_role(enum curve k)
{
	return k == CURVE_NATIONAL ? ROLE_NATIONAL : k == CURVE_95 ? ROLE_NORMAL : ROLE_DIM;
}

/* One canvas row, its y label first, spans merged by role. */
static void emit_row(const struct canvas *c, int y, struct vlines *out)
{
	vline_new(out);
	/* a label on the row a multiple of ten falls in */
	double span = (c->ymax - c->ymin) / c->h;
	double row_top = c->ymax - span * y, row_bottom = row_top - span;
	double ten = floor(row_top / 10.0) * 10.0;
	bool labelled = ten > row_bottom || (y == c->h - 1 && ten >= row_bottom - 1e-9);
	char num[16] = "    ";
	if (labelled)
		snprintf(num, sizeof num, "%4.0f", ten);
	vline_add(out, ROLE_DIM, "%s %s", num, glyph(c->ascii, GL_VLINE));
	struct sbuf run = {0};
	enum ak_role role = ROLE_NORMAL;
	for (int x = 0; x < c->w; x++) {
		const struct cell *e = &c->cells[y * c->w + x];
		enum ak_role r = e->text[0] ? e->role
				 : e->dots  ? curve_role(e->curve)
					    : ROLE_NORMAL;
		if (r != role && run.len) {
			vline_add(out, role, "%s", sbuf_str(&run));
			sbuf_reset(&run);
		}
		role = r;
		if (e->text[0])
			sbuf_puts(&run, e->text);
		else if (!e->dots)
			sbuf_putc(&run, ' ');
		else if (c->ascii)
			sbuf_puts(&run, role_glyph_ascii(e->curve));
		else
			utf8_encode(&run, 0x2800 + e->dots);
	}
	if (run.len)
		vline_add(out, role, "%s", sbuf_str(&run));
	sbuf_free(&run);
}

/* The x axis and tick labels at 1-2-5 steps. */
static void emit_axis(const struct canvas *c, struct vlines *out)
{
	struct sbuf line = {0}, labels = {0};
	sbuf_puts(&line, "     ");
	sbuf_puts(&line, glyph(c->ascii, GL_CORNER));
	for (int x = 0; x < c->w; x++)
		sbuf_puts(&line, glyph(c->ascii, GL_HLINE));
	vline_new(out);
	vline_add(out, ROLE_DIM, "%s", sbuf_str(&line));
	char *row = xmalloc((size_t)c->w + LABEL_W + 1);
	memset(row, ' ', (size_t)c->w + LABEL_W);
	row[c->w + LABEL_W] = '\0';
	int last_end = -1;
	for (double decade = 1; decade <= c->xmax; decade *= 10) {
		static const int steps[] = {1, 2, 5};
		for (int k = 0; k < 3; k++) {
			double v = decade * steps[k];
			if (v < c->xmin || v > c->xmax)
				continue;
			char num[24];
			int len = snprintf(num, sizeof num, "%.0f", v);
			int x = LABEL_W + (int)lround(px_of(c, v)) / 2;
			if (x <= last_end + 1 || x + len > c->w + LABEL_W)
				continue;
			memcpy(row + x, num, (size_t)len);
			last_end = x + len;
		}
	}
	sbuf_puts(&labels, row);
	free(row);
	vline_new(out);
	vline_add(out, ROLE_DIM, "%s", sbuf_str(&labels));
	sbuf_free(&line);
	sbuf_free(&labels);
}

/* Where the selection lies, in words. */
static void emit_selection(const struct app *a, const struct funnel *fn, int width,
			   struct vlines *out)
{
	int code = app_code(a);
	const struct ak_municipality *m = dataset_muni(a->ds, code);
	const struct funnel_point *p = funnel_find(fn, code);
	char line[512];
	if (code == AK_NATIONAL_CODE) {
		snprintf(line, sizeof line, "%s",
			 _("The arrows pick a municipality: left and right by cases, up and down "
			   "by rate."));
	} else if (!p) {
		snprintf(line, sizeof line,
			 _("%s has no case count for %s %d and is not in the plot."),
			 m ? m->name : "?", area_label(fn->area), fn->year);
	} else {
		char *ps = funnel_p_sentence(p->p);
		snprintf(line, sizeof line,
			 ngettext("%s: %.1f %% of %ld case, %s (%s).",
				  "%s: %.1f %% of %ld cases, %s (%s).", (unsigned long)p->cases),
			 m ? m->name : "?", p->rate, p->cases, funnel_pos_text(p->pos), ps);
		free(ps);
		textfmt_localize(line);
	}
	view_wrap(out, line, width, 1, ROLE_NORMAL);
}

static void emit_title(const struct app *a, const struct funnel *fn, struct vlines *out)
{
	vline_new(out);
	vline_add(out, ROLE_TITLE_FOCUS, _(" Funnel plot \xC2\xB7 %s %d "), area_label(fn->area),
		  fn->year);
	if (fn->has_national) {
		char buf[200];
		snprintf(buf, sizeof buf, _("  national %.1f %%  %s 95 %% and 99.8 %% limits"),
			 fn->national, glyph(a->ascii, GL_LIMIT_DOTS));
		vline_add(out, ROLE_NATIONAL, "%s", textfmt_localize(buf));
	}
	vline_add(out, ROLE_DIM, "  %s", _("x: cases (log)"));
}

void view_funnel(const struct app *a, const struct funnel *fn, int width, int height,
		 struct vlines *out)
{
	emit_title(a, fn, out);
	char line[512];
	int h = height - 5, w = width - LABEL_W - 1;
	if (!fn->has_national || fn->n == 0) {
		snprintf(
			line, sizeof line,
			!fn->has_national
				? _("The funnel plot needs the national rate; none is loaded for "
				    "%s %d.")
				: _("The funnel plot needs case counts; none are published for %s "
				    "%d in the data loaded (import Statistikbanken's tables to get "
				    "them)."),
			area_label(fn->area), fn->year);
		view_wrap(out, line, width, 1, ROLE_DIM);
	} else if (h < 5 || w < 20) {
		view_wrap(out, _("The funnel plot needs a larger terminal (about 60x16)."), width,
			  1, ROLE_DIM);
	} else {
		struct canvas c = {.w = w, .h = h, .ascii = a->ascii};
		c.cells = xcalloc((size_t)(w * h), sizeof *c.cells);
		scales(&c, fn);
		draw_curves(&c, fn);
		draw_points(&c, fn, a->ds, app_code(a));
		for (int y = 0; y < h; y++)
			emit_row(&c, y, out);
		emit_axis(&c, out);
		free(c.cells);
		emit_selection(a, fn, width, out);
		if (fn->without_cases) {
			snprintf(
				line, sizeof line,
				ngettext(
					"%zu municipality has a rate but no case count: not shown.",
					"%zu municipalities have a rate but no case count: not "
					"shown.",
					fn->without_cases),
				fn->without_cases);
			view_wrap(out, line, width, 1, ROLE_DIM);
		}
	}
}
