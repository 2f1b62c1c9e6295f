/* loop.c - the single event loop: key -> state (input.h) -> frame -> paint,
 * and the requests a key leaves (the export, a register or cycle save). */
#include <curses.h>
#include <unistd.h>

#include "ankekort/browse/appcycle.h"
#include "ankekort/browse/appregister.h"
#include "ankekort/browse/export.h"
#include "ankekort/browse/input.h"
#include "ankekort/ui/ui.h"
#include "ui_int.h"

static unsigned handle_key(struct app *a, int key, int my, int mx, int wheel)
{
	if (key == AK_KEY_RESIZE) {
		int rows, cols;
		getmaxyx(stdscr, rows, cols);
		return app_resize(a, rows, cols);
	}
	if (key == AK_KEY_MOUSE)
		return wheel ? app_wheel(a, my, mx, wheel) : app_click(a, my, mx);
	return app_key(a, key);
}

static void paint(struct app *a, struct frame_memo *memo)
{
	struct frame f;
	frame_build(a, memo, &f);
	draw_screen(a, &f);
	frame_free(&f);
}

int ui_run(const struct ak_dataset *ds, const struct ui_options *o)
{
	if (!term_usable())
		return 1;
	bool utf8 = term_start(!o->no_mouse);
	theme_init(!o->no_color);
	struct app a;
	app_init(&a, ds, o->code, o->area, o->year);
	a.home = o->home;
	a.reg = o->reg;
	a.cycle = o->cycle;
	a.cycle_shown = o->cycle_shown;
	a.ascii = !utf8;
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	app_resize(&a, rows, cols);
	struct frame_memo *memo = frame_memo_new();
	paint(&a, memo);
	bool settling = false, gone = false;
	for (;;) {
		int my = 0, mx = 0, wheel = 0;
		int key = term_read_key(&my, &mx, &wheel);
		if (term_signal())
			break;
		if (key == TERM_NO_INPUT && settling) {
			/* Resizes that come fast are coalesced, and the terminal may
			 * have cleared itself after the last one we heard of: once
			 * things are quiet, take the size again and repaint all. */
			settling = false;
			timeout(-1);
			key = AK_KEY_RESIZE;
		} else if (key == TERM_NO_INPUT) {
			gone = true; /* end of input or the terminal gone: never spin on it */
			break;
		}
		if (key == TERM_NO_KEY)
			continue;
		if (key == AK_KEY_RESIZE && !settling) {
			settling = true;
			timeout(150);
		}
		unsigned dirty = handle_key(&a, key, my, mx, wheel);
		if (dirty & DIRTY_QUIT)
			break;
		switch (app_take_request(&a)) {
		case APP_REQ_EXPORT: export_run(&a); break;
		case APP_REQ_REGISTER: app_register_save(&a); break;
		case APP_REQ_CYCLE: app_cycle_save(&a); break;
		case APP_REQ_NONE: break;
		}
		if (dirty & DIRTY_CLEAR) {
			clear();
			draw_forget();
		}
		if (dirty)
			paint(&a, memo);
	}
	term_end();
	draw_forget();
	frame_memo_free(memo);
	app_free(&a);
	if (term_signal())
		term_reraise(term_signal());
	/* the terminal is gone: end at once, as a hang-up would. Nothing is
	 * left to flush, and exit-time work (a leak checker stopping every
	 * thread of a process whose terminal vanished) could hang instead. */
	if (gone)
		_exit(1);
	return 0;
}
