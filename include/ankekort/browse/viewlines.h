/* viewlines.h - what the pane builders (view*.c, funnelview.c) share: the
 * line builder's helpers, numbers and names as panes show them, and one
 * table of the glyphs drawn differently without UTF-8. */
#ifndef ANKEKORT_VIEWLINES_H
#define ANKEKORT_VIEWLINES_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/browse/app.h"
#include "ankekort/data/stats.h"

/* clang-format off */
#define AK_ROLES(X)                                                                     \
	X(NORMAL) X(DIM) X(TITLE) X(TITLE_FOCUS) X(TAB) X(TAB_ACTIVE) X(SELECTED)       \
	X(SELECTED_DIM) X(HEADER) X(WARN) X(UPHELD) X(REMANDED) X(CHANGED) X(NATIONAL) \
	X(UP) X(DOWN) X(KEY) X(KEYLABEL) X(STATUS) X(OVERLAY) X(MESSAGE)                \
	X(CLASS1) X(CLASS2) X(CLASS3) X(CLASS4) X(CLASS5) X(NOFIGURE) X(MAP_SELECTED)
/* clang-format on */

#define AK_ROLE_ENUM(id) ROLE_##id,
enum ak_role { AK_ROLES(AK_ROLE_ENUM) ROLE_COUNT };
#undef AK_ROLE_ENUM

struct vspan {
	enum ak_role role;
	char *text; /* raw text from the data; escaped when drawn */
};

struct vline {
	struct vspan *spans;
	size_t n;
	bool borrowed; /* the spans are another line's (vlines_append_borrowed) */
};

struct vlines {
	struct vline *lines;
	size_t n;
};

void vlines_free(struct vlines *v);
/* Appends a span to the last line (starting one if there is none). */
void vline_add(struct vlines *v, enum ak_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void vline_new(struct vlines *v);

/* Word-wraps s to width columns (never inside a UTF-8 letter), one vline
 * per output line, each with the given role and indent. */
void view_wrap(struct vlines *out, const char *s, int width, int indent, enum ak_role role);
/* Frees one line's spans (a borrowed line's are left to their owner). */
void vline_free(struct vline *l);
/* Appends a copy of line l as a new line of v. */
void vlines_append_copy(struct vlines *v, const struct vline *l);
/* Appends line l as a new line of v that uses l's spans: l must stay as
 * it is while v's line is read, and v's line leaves them when freed; a
 * span added to it makes the line its own copy first. */
void vlines_append_borrowed(struct vlines *v, const struct vline *l);
/* Appends a span of text (taken over, freed with the lines) untranslated. */
void vline_take(struct vlines *v, enum ak_role role, char *text);
/* vline_add for text of numbers and labels: the decimal separator follows
 * the interface language. */
void vline_num(struct vlines *v, enum ak_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* s fitted (cut or padded) to width columns, transliterated when ascii. */
void vline_fit(struct vlines *v, enum ak_role role, const char *s, int width, bool ascii);
/* The same, appended to b: s fitted (cut or padded) to width columns; s
 * right-aligned in width columns. */
struct sbuf;
void sbuf_fit(struct sbuf *b, const char *s, int width, bool ascii);
void sbuf_right(struct sbuf *b, const char *s, int width);
/* s right-aligned in width columns. */
void vline_right(struct vlines *v, enum ak_role role, const char *s, int width);
/* view_wrap; with join, the first line continues the current line. */
void view_wrap_join(struct vlines *out, const char *s, int width, int indent, enum ak_role role,
		    bool join);
/* "1st", "2nd" ...; "1." in Danish. */
void view_ordinal(int n, char *buf, size_t size);
/* A percentage as the panes show it, or the dash when unknown. */
const char *view_pct(char *buf, size_t size, struct ak_val v);
const char *view_dash(bool ascii);
const char *view_muni_name(const struct app *a, int code);

/* clang-format off */
enum glyph {
	GL_DASH, GL_HEAVY_BAR, GL_VLINE, GL_BLOCK, GL_UP, GL_DOWN,
	GL_DOT, GL_SELECTED_DOT, GL_CORNER, GL_HLINE, GL_ARROWS, GL_SHADE, GL_MIDDLE_DOT,
	GL_LIMIT_DOTS, GL_EIGHTH_1, GL_EIGHTH_2, GL_EIGHTH_3, GL_EIGHTH_4, GL_EIGHTH_5,
	GL_EIGHTH_6, GL_EIGHTH_7, GLYPH_COUNT
};
/* clang-format on */
/* The glyph as drawn in UTF-8, or its ASCII stand-in. */
const char *glyph(bool ascii, enum glyph g);

#endif
