/* draw.c - paint a frame (frame.h): panes, bars and overlays, as built.
 * Nothing is built or decided here. */
#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <string.h>

#include "ankekort/base/hashtab.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/browse/layout.h"
#include "ui_int.h"

/* Writes UTF-8 text: decoded here into wide characters, which ncurses
 * takes without converting each byte through the C library again. */
static void put_text(int y, int x, const char *s, size_t len)
{
	wchar_t small[512];
	wchar_t *w = len < 512 ? small : malloc((len + 1) * sizeof *w);
	if (!w)
		return;
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		w[n++] = k ? (wchar_t)cp : L'?';
		i += k ? k : 1;
	}
	w[n] = L'\0';
	mvaddnwstr(y, x, w, (int)n);
	if (w != small)
		free(w);
}

/* What each stretch of a screen row (from column x, w wide) was last painted
 * with, as a hash of its spans: a stretch painted the same again is left
 * alone, so neither we nor ncurses' refresh spend anything on it. Painting a
 * stretch forgets every other stretch it overlaps; painting anything else
 * (a box, the too-small screen) forgets the area it covers. */
#define MEMO_PER_ROW 6
struct memo_slot {
	int x, w;
	uint64_t hash; /* 0: nothing remembered */
};
static struct memo_slot (*memo)[MEMO_PER_ROW];
static int memo_rows;

/* What each cell of the screen shows as painted here: its character and
 * its attributes; ch 0 for a cell not known (never painted, or painted
 * some other way). A stretch that changed goes to ncurses only from each
 * changed cell on, in runs: cells that show already are neither copied
 * nor compared again by ncurses' refresh. */
struct shade {
	uint32_t ch, attr;
};
static struct shade *shadow;
static int shadow_rows, shadow_cols;

void draw_forget(void)
{
	free(memo);
	memo = NULL;
	memo_rows = 0;
	free(shadow);
	shadow = NULL;
	shadow_rows = shadow_cols = 0;
}

/* The shadow of row y from column x, w cells, or NULL when it is not kept
 * (outside the screen, or no memory: the caller paints everything). */
static struct shade *shadow_at(int y, int x, int w)
{
	if (!shadow) {
		shadow = calloc((size_t)LINES * (size_t)COLS, sizeof *shadow);
		if (!shadow)
			return NULL;
		shadow_rows = LINES;
		shadow_cols = COLS;
	}
	if (y < 0 || y >= shadow_rows || x < 0 || w < 0 || x + w > shadow_cols)
		return NULL;
	return &shadow[(size_t)y * (size_t)shadow_cols + (size_t)x];
}

/* Row y, columns x .. x+w-1, painted some other way: not known. */
static void shadow_unknown(int y, int x, int w)
{
	if (!shadow || y < 0 || y >= shadow_rows)
		return;
	int to = x + w < shadow_cols ? x + w : shadow_cols;
	for (int i = x < 0 ? 0 : x; i < to; i++)
		shadow[(size_t)y * (size_t)shadow_cols + (size_t)i].ch = 0;
}

/* Row y from column x: n cells of one attribute, each a character below
 * 0x80, as chtype: ncurses copies these as they are (a wide cell costs it
 * a wcwidth() each). The cells it keeps are the same either way. */
static void put_ascii(int y, int x, const uint32_t *cp, int n, uint32_t attr)
{
	chtype ch[256];
	for (int i = 0; i < n; i++)
		ch[i] = (chtype)cp[i] | (chtype)attr;
	mvaddchnstr(y, x, ch, n);
}

static void put_wide(int y, int x, const uint32_t *cp, int n, uint32_t attr)
{
	/* one cell made the documented way; the others are copies of it with
	 * another character (ncurses' cchar_t keeps it in chars[0]) */
	cchar_t cells[256], blank;
	wchar_t none[2] = {L' ', L'\0'};
	setcchar(&blank, none, (attr_t)attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
	for (int i = 0; i < n; i++) {
		cells[i] = blank;
		cells[i].chars[0] = (wchar_t)cp[i];
	}
	mvadd_wchnstr(y, x, cells, n);
}

/* Where the stretch of ASCII cells from i ends. */
static int ascii_end(const uint32_t *cp, int i, int n)
{
	while (i < n && cp[i] < 0x80)
		i++;
	return i;
}

/* n cells from (y, x): stretches of ASCII long enough to pay for a call
 * of their own go as chtype, the rest as wide cells. */
#define ASCII_MIN 8
static void put_cells(int y, int x, const uint32_t *cp, int n, uint32_t attr)
{
	for (int i = 0, j; i < n; i = j) {
		j = ascii_end(cp, i, n);
		if (j - i >= ASCII_MIN || j == n) {
			put_ascii(y, x + i, cp + i, j - i, attr);
			continue;
		}
		/* wide cells and the short ASCII stretches between them */
		while (j < n) {
			while (j < n && cp[j] >= 0x80)
				j++;
			int k = ascii_end(cp, j, n);
			if (k - j >= ASCII_MIN)
				break;
			j = k;
		}
		put_wide(y, x + i, cp + i, j - i, attr);
	}
}

/* Writes the cells of row y from column x that differ from what it shows,
 * in runs (a few equal cells inside a run cost less than a new run). */
#define RUN_GAP 6
static void put_changed(int y, int x, const uint32_t *cp, int n, uint32_t attr)
{
	struct shade *s = shadow_at(y, x, n);
	if (!s) {
		put_cells(y, x, cp, n, attr);
		return;
	}
	int i = 0;
	while (i < n) {
		while (i < n && s[i].ch == cp[i] && s[i].attr == attr)
			i++;
		if (i == n)
			break;
		int start = i, same = 0;
		for (; i < n && same < RUN_GAP; i++) {
			bool eq = s[i].ch == cp[i] && s[i].attr == attr;
			same = eq ? same + 1 : 0;
			s[i] = (struct shade){cp[i], attr};
		}
		put_cells(y, x + start, cp + start, i - same - start, attr);
	}
}

/* Spaces in attr over row y from column x, w cells, where they are not
 * shown already. */
static void put_fill(int y, int x, int w, int attr)
{
	struct shade *s = shadow_at(y, x, w);
	int first = 0, last = w - 1;
	uint32_t at = (uint32_t)attr;
	if (s) {
		while (first < w && s[first].ch == ' ' && s[first].attr == at)
			first++;
		if (first == w)
			return;
		while (last > first && s[last].ch == ' ' && s[last].attr == at)
			last--;
		for (int i = first; i <= last; i++)
			s[i] = (struct shade){' ', at};
	}
	attrset(attr);
	mvhline(y, x + first, ' ', last - first + 1);
}

/* Forgets what row y showed in columns x .. x+w-1, except in slot keep. */
static void forget_overlap(int y, int x, int w, const struct memo_slot *keep)
{
	if (!memo || y < 0 || y >= memo_rows)
		return;
	for (int i = 0; i < MEMO_PER_ROW; i++) {
		struct memo_slot *m = &memo[y][i];
		if (m != keep && m->hash && m->x < x + w && x < m->x + m->w)
			m->hash = 0;
	}
}

static void forget_area(const struct rect *r)
{
	for (int y = r->y; y < r->y + r->h; y++) {
		forget_overlap(y, r->x, r->w, NULL);
		shadow_unknown(y, r->x, r->w);
	}
}

static uint64_t line_hash(const struct vline *l, int w, enum ak_role fill, bool ascii)
{
	uint64_t h = HASHTAB_FNV_START;
	int head[3] = {w, (int)fill, ascii};
	h = hashtab_words(h, head, sizeof head);
	for (size_t i = 0; l && i < l->n; i++) {
		int role = (int)l->spans[i].role;
		h = hashtab_words(h, &role, sizeof role);
		h = hashtab_words(h, l->spans[i].text, strlen(l->spans[i].text));
	}
	return h;
}

/* True when (y, x) already shows this line; otherwise remembers it (the
 * caller paints it) and forgets what it paints over. */
static bool already_painted(int y, int x, int w, uint64_t hash)
{
	if (y < 0 || y >= LINES)
		return false;
	if (!memo) {
		memo = calloc((size_t)LINES, sizeof *memo);
		if (!memo)
			return false;
		memo_rows = LINES;
	}
	if (y >= memo_rows)
		return false;
	struct memo_slot *slot = NULL;
	for (int i = 0; i < MEMO_PER_ROW && !slot; i++)
		if (memo[y][i].hash && memo[y][i].x == x)
			slot = &memo[y][i];
	if (slot && slot->w == w && slot->hash == hash)
		return true;
	for (int i = 0; i < MEMO_PER_ROW && !slot; i++)
		if (!memo[y][i].hash)
			slot = &memo[y][i];
	if (slot)
		*slot = (struct memo_slot){x, w, hash};
	forget_overlap(y, x, w, slot);
	return false;
}

/* The common span drawn the short way: characters one column wide, none
 * to escape, and all of them fit in room. They go to ncurses as ready
 * cells (put_cells), not one character at a time. False (nothing drawn)
 * for any other span, which takes the long way (escaped, fitted, added as
 * text). */
static bool put_plain(int y, int x, const char *s, int room, int attr, int *width)
{
	uint32_t cp[256];
	int limit = room < 256 ? room : 256, n = 0;
	const unsigned char *u = (const unsigned char *)s, *end = u + strlen(s);
	uint32_t fits = 0; /* the last character beyond ASCII found fit: bars repeat one */
	for (;;) {
		while (n < limit && *u - 0x20u < 0x5Fu) /* printable ASCII, the most */
			cp[n++] = *u++;
		if (u == end)
			break;
		/* a control character, or one that does not fit, or UTF-8 */
		if (*u < 0x80 || n >= limit)
			return false;
		uint32_t c;
		size_t k = utf8_decode((const char *)u, (size_t)(end - u), &c);
		if (!k)
			return false;
		if (c != fits) {
			if (textfmt_is_control(c) || c == 0xAD || textfmt_cp_width(c) != 1)
				return false;
			fits = c;
		}
		cp[n++] = c;
		u += k;
	}
	if (n > 0)
		put_changed(y, x, cp, n, (uint32_t)attr);
	*width = n;
	return true;
}

/* Draws one line at (y, x), at most w columns; fills the rest with spaces in
 * the fill role (or leaves it when fill is ROLE_COUNT). */
static void draw_line(const struct app *a, int y, int x, int w, const struct vline *l,
		      enum ak_role fill)
{
	if (already_painted(y, x, w, line_hash(l, w, fill, a->ascii)))
		return;
	int used = 0;
	for (size_t i = 0; l && i < l->n && used < w; i++) {
		int drawn;
		if (!a->ascii && put_plain(y, x + used, l->spans[i].text, w - used,
					   theme_attr(l->spans[i].role), &drawn)) {
			used += drawn;
			continue;
		}
		struct sbuf plain = {0}, fitted = {0};
		if (a->ascii)
			textfmt_ascii(&plain, l->spans[i].text);
		else
			sbuf_puts(&plain, l->spans[i].text);
		textfmt_fit(&fitted, sbuf_str(&plain), (size_t)(w - used), false, a->ascii);
		attrset(theme_attr(l->spans[i].role));
		put_text(y, x + used, sbuf_str(&fitted), fitted.len);
		int width = (int)textfmt_width(sbuf_str(&fitted));
		shadow_unknown(y, x + used, width);
		used += width;
		sbuf_free(&plain);
		sbuf_free(&fitted);
	}
	if (fill != ROLE_COUNT && used < w)
		put_fill(y, x + used, w - used, theme_attr(fill));
	attrset(A_NORMAL);
}

/* A pane: line 0 as the title, then the body from scroll on. */
static void draw_pane(const struct app *a, const struct rect *r, const struct vlines *v,
		      size_t scroll)
{
	for (int row = 0; row < r->h; row++) {
		size_t i = row == 0 ? 0 : (size_t)row + scroll;
		const struct vline *l = i < v->n ? &v->lines[i] : NULL;
		enum ak_role fill = row == 0 && l && l->n ? l->spans[0].role : ROLE_NORMAL;
		draw_line(a, r->y + row, r->x, r->w, l, fill);
	}
}

/* The rule right of the list or the map. In a UTF-8 locale it is the
 * character itself, not the alternate character set's: ncurses leaves that
 * set before each cursor movement and enters it again after (three
 * attribute changes, each formatted through tparm, where one does). */
static void draw_rule(const struct app *a, const struct rect *r)
{
	int attr = theme_attr(ROLE_DIM);
	for (int y = r->y; y < r->y + r->h; y++)
		shadow_unknown(y, r->x + r->w - 1, 1);
	if (a->ascii) {
		attrset(attr);
		mvvline(r->y, r->x + r->w - 1, '|', r->h);
		attrset(A_NORMAL);
		return;
	}
	cchar_t c;
	wchar_t w[2] = {L'\u2502', L'\0'};
	setcchar(&c, w, (attr_t)attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
	mvvline_set(r->y, r->x + r->w - 1, &c, r->h);
}

static void draw_list(const struct app *a, const struct frame *f)
{
	const struct rect *r = &f->layout.list;
	const struct vlines *v = &f->list;
	draw_line(a, r->y, r->x, r->w - 1, v->n ? &v->lines[0] : NULL, ROLE_HEADER);
	size_t rows = app_list_rows(a);
	for (size_t k = 0; k < rows; k++)
		draw_line(a, r->y + 1 + (int)k, r->x, r->w - 1,
			  k + 1 < v->n ? &v->lines[k + 1] : NULL, ROLE_NORMAL);
	draw_rule(a, r);
}

static void draw_right(const struct app *a, const struct frame *f, enum ak_pane p)
{
	const struct rect *r = layout_pane(&f->layout, p);
	if (r->h > 0)
		draw_pane(a, r, &f->pane[p], a->scroll[p]);
}

static void draw_full_line(const struct app *a, const struct rect *r, const struct vlines *v,
			   size_t which, enum ak_role fill)
{
	draw_line(a, r->y + (int)which, r->x, r->w, which < v->n ? &v->lines[which] : NULL, fill);
}

static void draw_box(const struct app *a, const struct rect *r, const char *title)
{
	forget_area(r);
	attrset(theme_attr(ROLE_OVERLAY));
	for (int y = r->y; y < r->y + r->h; y++)
		mvhline(y, r->x, ' ', r->w);
	if (a->ascii) {
		mvhline(r->y, r->x, '-', r->w);
		mvhline(r->y + r->h - 1, r->x, '-', r->w);
	} else {
		WINDOW *box = derwin(stdscr, r->h, r->w, r->y, r->x);
		if (box) {
			wattrset(box, theme_attr(ROLE_OVERLAY));
			box(box, 0, 0);
			delwin(box);
		}
	}
	attrset(theme_attr(ROLE_TITLE));
	mvaddstr(r->y, r->x + 2, title);
	attrset(A_NORMAL);
}

static void draw_overlay(const struct app *a, const struct frame *f)
{
	const struct rect *r = &f->layout.overlay;
	if (r->h < 3 || r->w < 10)
		return;
	const struct vlines *v = &f->overlay;
	draw_box(a, r,
		 a->overlay == OVERLAY_HELP ? _(" Help (Esc closes) ")
					    : _(" Sources (Esc closes) "));
	for (int row = 0; row < r->h - 2; row++) {
		size_t i = (size_t)row + a->overlay_scroll;
		draw_line(a, r->y + 1 + row, r->x + 2, r->w - 4, i < v->n ? &v->lines[i] : NULL,
			  ROLE_OVERLAY);
	}
}

static void draw_too_small(const struct app *a)
{
	char msg[128];
	snprintf(msg, sizeof msg, _("Terminal too small (%dx%d): needs %dx%d. q quits."), a->cols,
		 a->rows, APP_MIN_COLS, APP_MIN_ROWS);
	int len = (int)strlen(msg);
	int x = a->cols > len ? (a->cols - len) / 2 : 0;
	attrset(theme_attr(ROLE_WARN));
	mvaddnstr(a->rows / 2, x, msg, a->cols - x);
	attrset(A_NORMAL);
}

static void draw_map(const struct app *a, const struct frame *f)
{
	const struct rect *r = &f->layout.list;
	const struct vlines *v = &f->map;
	for (int row = 0; row < r->h; row++) {
		/* the legend goes on the last line of the pane */
		size_t i = row == r->h - 1 && v->n > 1 ? v->n - 1 : (size_t)row;
		const struct vline *l =
			i < v->n && (row == r->h - 1 || i + 1 < v->n) ? &v->lines[i] : NULL;
		draw_line(a, r->y + row, r->x, r->w - 1, l, row == 0 ? ROLE_HEADER : ROLE_NORMAL);
	}
	draw_rule(a, r);
}

/* A table mode: title and heads fixed, rows scrolled, the note last. */
static void draw_table(const struct app *a, const struct frame *f)
{
	const struct rect *r = &f->layout.table;
	const struct vlines *v = &f->table;
	size_t nrows = f->table_rows;
	int vis = r->h - 3 > 0 ? r->h - 3 : 0;
	draw_line(a, r->y, r->x, r->w, v->n > 0 ? &v->lines[0] : NULL, ROLE_TITLE_FOCUS);
	draw_line(a, r->y + 1, r->x, r->w, v->n > 1 ? &v->lines[1] : NULL, ROLE_NORMAL);
	for (int k = 0; k < vis; k++) {
		size_t i = a->tm.tscroll + (size_t)k;
		draw_line(a, r->y + 2 + k, r->x, r->w, i < nrows ? &v->lines[2 + i] : NULL,
			  ROLE_NORMAL);
	}
	size_t note = 2 + nrows;
	if (r->h >= 3)
		draw_line(a, r->y + r->h - 1, r->x, r->w, note < v->n ? &v->lines[note] : NULL,
			  ROLE_NORMAL);
}

/* A page (the funnel plot): its lines top down, blank below. */
static void draw_page(const struct app *a, const struct frame *f)
{
	const struct rect *r = &f->layout.table;
	const struct vlines *v = &f->page;
	for (int row = 0; row < r->h; row++)
		draw_line(a, r->y + row, r->x, r->w, (size_t)row < v->n ? &v->lines[row] : NULL,
			  row == 0 ? ROLE_TITLE_FOCUS : ROLE_NORMAL);
}

void draw_screen(const struct app *a, const struct frame *f)
{
	/* every pane paints each of its cells, so there is nothing to erase
	 * first, and ncurses sends only what changed */
	if (f->layout.too_small || memo_rows != LINES || (shadow && shadow_cols != COLS))
		draw_forget();
	if (f->layout.too_small) {
		erase();
		draw_too_small(a);
		refresh();
		return;
	}
	const struct layout *l = &f->layout;
	draw_full_line(a, &l->header, &f->header, 0, ROLE_TITLE);
	draw_full_line(a, &l->header, &f->header, 1, ROLE_NORMAL);
	switch (f->kind) {
	case FRAME_PANES:
		if (a->mp.show_map)
			draw_map(a, f);
		else
			draw_list(a, f);
		for (int p = PANE_BREAKDOWN; p < PANE_COUNT; p++)
			draw_right(a, f, (enum ak_pane)p);
		break;
	case FRAME_PAGE: draw_page(a, f); break;
	case FRAME_TABLE: draw_table(a, f); break;
	}
	draw_full_line(a, &l->status, &f->status, 0, ROLE_STATUS);
	draw_full_line(a, &l->keybar, &f->keybar, 0, ROLE_KEYLABEL);
	if (a->overlay == OVERLAY_HELP || a->overlay == OVERLAY_SOURCES)
		draw_overlay(a, f);
	/* leave the cursor on the selection, for screen readers */
	if (f->kind == FRAME_PANES)
		move(l->list.y + 1 + (int)(a->lm.sel - a->lm.top), 0);
	refresh();
}
