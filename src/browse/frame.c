/* frame.c - one frame per key: build what is visible once (the mode's
 * part by the mode, mode.h), clamp the scroll offsets against it, and
 * leave the painting to the UI. */
#include "ankekort/browse/frame.h"

#include "ankekort/browse/layout.h"
#include "ankekort/browse/mode.h"

static void build_overlay(struct app *a, struct frame *f)
{
	const struct rect *r = &f->layout.overlay;
	if (a->overlay == OVERLAY_HELP)
		view_help(a, r->w - 4, &f->overlay);
	else if (a->overlay == OVERLAY_SOURCES)
		view_sources(a, r->w - 4, &f->overlay);
	else
		return;
	size_t h = r->h > 2 ? (size_t)r->h - 2 : 0;
	a->overlay_scroll = frame_clamp(a->overlay_scroll, f->overlay.n > h ? f->overlay.n - h : 0);
}

void frame_build(struct app *a, struct frame_memo *memo, struct frame *f)
{
	/* laid out from the terminal size now: no key keeps a layout in step */
	*f = (struct frame){0};
	layout_fill(a, &f->layout);
	if (f->layout.too_small)
		return;
	a->mode->frame(a, memo, f);
	build_overlay(a, f);
	/* the bars last: they tell what the clamped state shows */
	view_header(a, &f->header);
	view_status(a, &f->status);
	view_keybar(a, &f->keybar);
}

void frame_free(struct frame *f)
{
	vlines_free(&f->header);
	vlines_free(&f->list);
	vlines_free(&f->map);
	for (int p = 0; p < PANE_COUNT; p++)
		vlines_free(&f->pane[p]);
	vlines_free(&f->table);
	vlines_free(&f->page);
	vlines_free(&f->overlay);
	vlines_free(&f->status);
	vlines_free(&f->keybar);
}
