/* frame.h - one frame of the browser: every visible pane's lines, built
 * once per key from the state, with the scroll offsets clamped against
 * what was built. The UI paints a frame and nothing else; no pane is built
 * twice for a key. Free with frame_free(). */
#ifndef ANKEKORT_FRAME_H
#define ANKEKORT_FRAME_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/browse/app.h"
#include "ankekort/browse/view.h"

/* What stands below the tabs, for the UI to paint. */
enum frame_kind {
	FRAME_PANES, /* the list or the map, and the panes beside it */
	FRAME_TABLE, /* a table: title and heads fixed, rows scrolled, the note last */
	FRAME_PAGE,  /* lines top down, blank below (the funnel plot) */
};

struct frame {
	enum frame_kind kind;
	struct layout layout;		/* where each part stands (layout_of) */
	struct vlines header;		/* two lines: title and tabs */
	struct vlines list;		/* the list's title, then its visible rows */
	struct vlines map;		/* the map pane, when it stands in the list's place */
	struct vlines pane[PANE_COUNT]; /* breakdown, trend, remanded */
	struct vlines table;		/* a table view: title, heads, rows, note */
	size_t table_rows;
	struct vlines page;    /* FRAME_PAGE: the view, top down */
	struct vlines overlay; /* help or sources */
	struct vlines status, keybar;
};

/* What frames keep between them: the list rows last built, each with the
 * state it was built from, so a key that leaves a row as it was (a move,
 * a sort, a search) copies it instead of building it again. Owned by the
 * caller of frame_build (the loop); free with frame_memo_free(). The
 * panes' mode keeps and uses it (modelist.c): a frame's list rows borrow
 * its lines, so a frame is freed before the memo builds the next one or
 * is freed. */
struct frame_memo;
struct frame_memo *frame_memo_new(void);
void frame_memo_free(struct frame_memo *m);

/* Builds the frame for a's state and clamps a's scroll offsets (panes,
 * overlay, table rows and columns) to what it built; records in a->seen
 * what the keys of the next frame need. Nothing is built when the terminal
 * is too small. memo may be NULL (every row built). */
void frame_build(struct app *a, struct frame_memo *memo, struct frame *f);
void frame_free(struct frame *f);

/* For the modes' builders (inline: every frame calls them per pane). */
/* v, no larger than max. */
static inline size_t frame_clamp(size_t v, size_t max)
{
	return v > max ? max : v;
}

/* Lines below a pane's title that do not fit in height rows (the title's
 * included): the largest scroll offset. */
static inline size_t frame_scroll_max(size_t lines, int height)
{
	size_t h = height > 1 ? (size_t)height - 1 : 0;
	size_t body = lines > 0 ? lines - 1 : 0; /* line 0 is the title, always shown */
	return body > h ? body - h : 0;
}

#endif
