/* term.c - curses setup and teardown, and key decoding. */
#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include "ankekort/action.h"
#include "ankekort/i18n.h"
#include "ankekort/xalloc.h"
#include "ui_int.h"

static bool active;

void term_end(void)
{
	if (active) {
		endwin();
		active = false;
	}
}

bool term_start(bool mouse)
{
	bool utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	set_escdelay(25);
	initscr();
	active = true;
	xalloc_set_fail_hook(term_end);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	if (mouse)
		mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	return utf8;
}

static int function_key(wint_t ch)
{
	switch (ch) {
	case KEY_UP: return AK_KEY_UP;
	case KEY_DOWN: return AK_KEY_DOWN;
	case KEY_LEFT: return AK_KEY_LEFT;
	case KEY_RIGHT: return AK_KEY_RIGHT;
	case KEY_PPAGE: return AK_KEY_PGUP;
	case KEY_NPAGE: return AK_KEY_PGDN;
	case KEY_HOME: return AK_KEY_HOME;
	case KEY_END: return AK_KEY_END;
	case KEY_BTAB: return AK_KEY_BTAB;
	case KEY_ENTER: return AK_KEY_ENTER;
	case KEY_BACKSPACE: return AK_KEY_BACKSPACE;
	case KEY_RESIZE: return AK_KEY_RESIZE;
	case KEY_MOUSE: return AK_KEY_MOUSE;
	default: break;
	}
	if (ch == KEY_F(1))
		return AK_KEY_F1;
	if (ch == KEY_F(3))
		return AK_KEY_F3;
	if (ch == KEY_F(4))
		return AK_KEY_F4;
	if (ch == KEY_F(6))
		return AK_KEY_F6;
	if (ch == KEY_F(10))
		return AK_KEY_F10;
	return -1;
}

static int plain_key(wint_t ch)
{
	switch (ch) {
	case '\r': case '\n': return AK_KEY_ENTER;
	case '\t': return AK_KEY_TAB;
	case 27: return AK_KEY_ESC;
	case 127: case 8: return AK_KEY_BACKSPACE;
	case 12: return AK_KEY_CTRL_L;
	default: return (int)ch;
	}
}

int term_read_key(int *my, int *mx, int *wheel)
{
	wint_t ch;
	int r = get_wch(&ch);
	if (r == ERR)
		return -1;
	int key = r == KEY_CODE_YES ? function_key(ch) : plain_key(ch);
	if (key == AK_KEY_MOUSE) {
		MEVENT ev;
		if (getmouse(&ev) != OK)
			return -1;
		*my = ev.y;
		*mx = ev.x;
		*wheel = (ev.bstate & BUTTON4_PRESSED) ? -1 : (ev.bstate & BUTTON5_PRESSED) ? 1 : 0;
	}
	return key;
}
