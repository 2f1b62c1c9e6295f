/* mode.h - what fills the screen below the tabs: the panes (the list, or
 * the map in its place, with the breakdown, trend and remanded panes), or
 * one view (a table, the funnel plot).
 *
 * Each mode is one file, src/browse/modeNAME.c, defining one struct
 * mode_ops mode_NAME; a view is bound to its key by one line of AK_VIEWS
 * (action.h). The state points at the mode shown (a->mode), and nothing
 * asks which mode that is: the keys, the frame, the key bar and the
 * export go through its ops. modes.c is the one place that knows every
 * mode. */
#ifndef ANKEKORT_MODE_H
#define ANKEKORT_MODE_H

#include <stdbool.h>
#include <stdio.h>

#include "ankekort/browse/action.h"
#include "ankekort/browse/app.h"
#include "ankekort/output/report.h"

struct frame;
struct frame_memo;
struct sbuf;
struct tview;
struct vlines;

struct mode_ops {
	const char *name; /* the mode's file name after "mode": "list", "yoy" */
	/* Keys with a meaning of their own here (a->overlay is none): the
	 * dirty bits, or DIRTY_NONE to leave the key to the browser. */
	unsigned (*keys)(struct app *a, enum ak_action act);
	/* The actions whose wide key-bar word shows only where a mode takes
	 * them (ak_binding.mode_key), ended by ACT_NONE; NULL: none. */
	const enum ak_action *own;
	/* Builds what the mode shows into f (setting f->kind) and clamps its
	 * scroll offsets; memo may be NULL (frame.h). */
	void (*frame)(struct app *a, struct frame_memo *memo, struct frame *f);
	/* A table view's table, unsorted (caller frees); NULL: not a table. */
	void (*table)(struct app *a, struct tview *t);
	/* What a table's title line says after the title; NULL: nothing. */
	void (*title)(const struct app *a, struct vlines *out);
	/* The proposed export file name, without its ending (untranslated:
	 * file names stay stable in scripts). */
	void (*export_name)(const struct app *a, struct sbuf *b);
	/* Writes what the mode shows as a document in fmt; false when it could
	 * not be made. */
	bool (*export_write)(struct app *a, FILE *out, enum report_format fmt);
	/* Called when the mode opens, after its state is reset; NULL: nothing. */
	void (*open)(struct app *a);
	/* The help overlay's lines for this mode, after the keys (its markers,
	 * how to read it), starting on the current line, wrapped to width;
	 * NULL: nothing of its own. */
	void (*help)(const struct app *a, int width, struct vlines *out);
};

/* The panes, where the browser starts and a view closes to. */
extern const struct mode_ops mode_list;
#define AK_MODE_DECLARE(id, help, name, ...) extern const struct mode_ops mode_##name;
AK_VIEWS(AK_MODE_DECLARE)
#undef AK_MODE_DECLARE

/* The view an action opens, or NULL when it opens none. */
const struct mode_ops *mode_for_action(enum ak_action act);
/* Opens mode m, or goes back to the panes when m is open. */
unsigned mode_toggle(struct app *a, const struct mode_ops *m);
/* Whether act is one mode m takes for its own (mode_ops.own). */
static inline bool mode_owns(const struct mode_ops *m, enum ak_action act)
{
	for (const enum ak_action *o = m->own; o && *o != ACT_NONE; o++)
		if (*o == act)
			return true;
	return false;
}

#endif
