/* viewlines.c - the line builder every pane uses: styled spans, fitting,
 * wrapping, and the numbers and names as panes show them. */
#include "ankekort/browse/viewlines.h"
#include "ankekort/output/peers.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/stats.h"

/* ---- line building ------------------------------------------------------------ */

void vline_free(struct vline *l)
{
	if (!l->borrowed) {
		for (size_t k = 0; k < l->n; k++)
			free(l->spans[k].text);
		free(l->spans);
	}
	*l = (struct vline){0};
}

/* Lines and spans grow by doubling, from 4: an array of n holds at least
 * room_for(n), so it is full, and grows, when n is 0 or a power of two
 * from 4 on. Every such array is made here. */
static size_t room_for(size_t n)
{
	size_t room = 4;
	while (room < n)
		room *= 2;
	return room;
}

static bool full(size_t n)
{
	return n == 0 || (n >= 4 && (n & (n - 1)) == 0);
}

void vlines_append_borrowed(struct vlines *v, const struct vline *l)
{
	vline_new(v);
	v->lines[v->n - 1] = (struct vline){.spans = l->spans, .n = l->n, .borrowed = true};
}

/* A borrowed line made its own: its spans copied. */
static void own_line(struct vline *l)
{
	struct vspan *spans = xcalloc(room_for(l->n), sizeof *spans);
	for (size_t k = 0; k < l->n; k++)
		spans[k] =
			(struct vspan){.role = l->spans[k].role, .text = xstrdup(l->spans[k].text)};
	*l = (struct vline){.spans = spans, .n = l->n};
}

void vlines_append_copy(struct vlines *v, const struct vline *l)
{
	vlines_append_borrowed(v, l);
	own_line(&v->lines[v->n - 1]);
}

void vlines_free(struct vlines *v)
{
	for (size_t i = 0; i < v->n; i++)
		vline_free(&v->lines[i]);
	free(v->lines);
	v->lines = NULL;
	v->n = 0;
}

/* vline_add for text of numbers and labels: the decimal separator follows
 * the interface language. */

/* "1st", "2nd", "3rd", "11th" ...; "1." in Danish. */
void view_ordinal(int n, char *buf, size_t size)
{
	if (i18n_danish()) {
		snprintf(buf, size, "%d.", n);
		return;
	}
	int tens = n % 100, ones = n % 10;
	const char *suffix = tens >= 11 && tens <= 13 ? "th"
			     : ones == 1	      ? "st"
			     : ones == 2	      ? "nd"
			     : ones == 3	      ? "rd"
						      : "th";
	snprintf(buf, size, "%d%s", n, suffix);
}

void vline_new(struct vlines *v)
{
	if (full(v->n))
		v->lines = xreallocarray(v->lines, room_for(v->n + 1), sizeof *v->lines);
	v->lines[v->n++] = (struct vline){0};
}

void vline_take(struct vlines *v, enum ak_role role, char *text)
{
	if (v->n == 0)
		vline_new(v);
	struct vline *l = &v->lines[v->n - 1];
	if (l->borrowed)
		own_line(l);
	if (full(l->n))
		l->spans = xreallocarray(l->spans, room_for(l->n + 1), sizeof *l->spans);
	l->spans[l->n++] = (struct vspan){.role = role, .text = text};
}

void vline_add(struct vlines *v, enum ak_role role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	/* "%s", the commonest format, is a copy: no printf, no translation
	 * (and NULL shows as printf shows it) */
	char *text;
	if (fmt[0] == '%' && fmt[1] == 's' && !fmt[2]) {
		const char *s = va_arg(ap, const char *);
		text = xstrdup(s ? s : "(null)");
	} else {
		text = xvasprintf(i18n_literal(fmt), ap);
	}
	va_end(ap);
	vline_take(v, role, text);
}

void vline_num(struct vlines *v, enum ak_role role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(i18n_literal(fmt), ap);
	va_end(ap);
	vline_take(v, role, textfmt_localize(text));
}

/* Escaped s cut or padded to exactly width columns. */
void sbuf_fit(struct sbuf *b, const char *s, int width, bool ascii)
{
	if (ascii)
		textfmt_fit_ascii(b, s, width > 0 ? (size_t)width : 0, true);
	else
		textfmt_fit(b, s, width > 0 ? (size_t)width : 0, true, false);
}

void sbuf_right(struct sbuf *b, const char *s, int width)
{
	int pad = width - (int)textfmt_width(s);
	sbuf_pad(b, ' ', pad > 0 ? (size_t)pad : 0);
	sbuf_puts(b, s);
}

void vline_fit(struct vlines *v, enum ak_role role, const char *s, int width, bool ascii)
{
	struct sbuf b = {0};
	sbuf_fit(&b, s, width, ascii);
	vline_take(v, role, sbuf_take(&b));
}

void vline_right(struct vlines *v, enum ak_role role, const char *s, int width)
{
	struct sbuf b = {0};
	sbuf_right(&b, s, width);
	vline_take(v, role, sbuf_take(&b));
}

struct wrap_ctx {
	struct vlines *out;
	int indent;
	enum ak_role role;
	bool join; /* the first line goes on the current line, unindented */
};

static void wrap_emit(void *ctx, const char *line, size_t len)
{
	struct wrap_ctx *w = ctx;
	int indent = w->join ? 0 : w->indent;
	if (!w->join)
		vline_new(w->out);
	w->join = false;
	char *text = xasprintf("%*s%.*s", indent, "", (int)len, line);
	vline_take(w->out, w->role, text);
}

/* s escaped and wrapped to width, every line indented; with join, the first
 * line continues the current line instead. */
void view_wrap_join(struct vlines *out, const char *s, int width, int indent, enum ak_role role,
		    bool join)
{
	struct sbuf esc = {0};
	textfmt_escape(&esc, s);
	struct wrap_ctx w = {.out = out, .indent = indent, .role = role, .join = join};
	textfmt_wrap(sbuf_str(&esc), (size_t)(width - indent > 4 ? width - indent : 4), wrap_emit,
		     &w);
	sbuf_free(&esc);
}

void view_wrap(struct vlines *out, const char *s, int width, int indent, enum ak_role role)
{
	view_wrap_join(out, s, width, indent, role, false);
}

/* ---- numbers --------------------------------------------------------------------- */

const char *view_pct(char *buf, size_t size, struct ak_val v)
{
	return stats_val_text(buf, size, v, " %");
}

const char *view_dash(bool ascii)
{
	return glyph(ascii, GL_DASH);
}

const char *view_muni_name(const struct app *a, int code)
{
	if (code == AK_NATIONAL_CODE) /* one name for the nation in each language */
		return peers_national_name();
	const struct ak_municipality *m = dataset_muni(a->ds, code);
	return m ? m->name : "?";
}

const char *glyph(bool ascii, enum glyph g)
{
	static const char *const table[GLYPH_COUNT][2] = {
		[GL_DASH] = {"-", AK_NO_FIGURE},
		[GL_HEAVY_BAR] = {"|", "\xE2\x94\x83"}, /* the national marker */
		[GL_VLINE] = {"|", "\xE2\x94\x82"},
		[GL_BLOCK] = {"#", "\xE2\x96\x88"},
		[GL_UP] = {"^", "\xE2\x96\xB2"},
		[GL_DOWN] = {"v", "\xE2\x96\xBC"},
		[GL_DOT] = {"o", "\xE2\x97\x8F"},	   /* a funnel point */
		[GL_SELECTED_DOT] = {"@", "\xE2\x97\x89"}, /* the selection's point */
		[GL_CORNER] = {"+", "\xE2\x94\x94"},
		[GL_HLINE] = {"-", "\xE2\x94\x80"},
		[GL_ARROWS] = {"<- ->", "\xE2\x86\x90 \xE2\x86\x92"},
		[GL_SHADE] = {"=", "\xE2\x96\x92"},	  /* remanded in the split bar */
		[GL_MIDDLE_DOT] = {".", "\xC2\xB7"},	  /* upheld in the split bar */
		[GL_LIMIT_DOTS] = {".:", "\xE2\xA0\x92"}, /* the funnel's limits */
		/* a bar's last cell, one to seven eighths full */
		[GL_EIGHTH_1] = {"+", "\xE2\x96\x8F"},
		[GL_EIGHTH_2] = {"+", "\xE2\x96\x8E"},
		[GL_EIGHTH_3] = {"+", "\xE2\x96\x8D"},
		[GL_EIGHTH_4] = {"+", "\xE2\x96\x8C"},
		[GL_EIGHTH_5] = {"+", "\xE2\x96\x8B"},
		[GL_EIGHTH_6] = {"+", "\xE2\x96\x8A"},
		[GL_EIGHTH_7] = {"+", "\xE2\x96\x89"},
	};
	return g < GLYPH_COUNT ? table[g][ascii ? 0 : 1] : "?";
}
