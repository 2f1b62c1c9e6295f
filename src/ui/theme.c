/* theme.c - one table of style roles: colours and the monochrome fallback. */
#include <curses.h>

#include "ui_int.h"

struct role_style {
	int mono; /* attributes without colour */
	short fg, bg;
	int extra; /* attributes added to the colour pair */
};

static const struct role_style styles[ROLE_COUNT] = {
	[ROLE_NORMAL] = {A_NORMAL, -1, -1, 0},
	[ROLE_DIM] = {A_DIM, -1, -1, A_DIM},
	[ROLE_TITLE] = {A_REVERSE | A_BOLD, COLOR_WHITE, COLOR_BLUE, A_BOLD},
	[ROLE_TITLE_FOCUS] = {A_REVERSE | A_BOLD, COLOR_BLACK, COLOR_CYAN, A_BOLD},
	[ROLE_TAB] = {A_NORMAL, -1, -1, 0},
	[ROLE_TAB_ACTIVE] = {A_REVERSE | A_BOLD, COLOR_BLACK, COLOR_YELLOW, A_BOLD},
	[ROLE_SELECTED] = {A_REVERSE, COLOR_BLACK, COLOR_CYAN, 0},
	[ROLE_SELECTED_DIM] = {A_BOLD | A_UNDERLINE, COLOR_BLACK, COLOR_WHITE, 0},
	[ROLE_HEADER] = {A_BOLD, -1, -1, A_BOLD},
	[ROLE_WARN] = {A_BOLD, COLOR_YELLOW, -1, A_BOLD},
	[ROLE_UPHELD] = {A_NORMAL, COLOR_GREEN, -1, 0},
	[ROLE_REMANDED] = {A_NORMAL, COLOR_YELLOW, -1, 0},
	[ROLE_CHANGED] = {A_NORMAL, COLOR_RED, -1, 0},
	[ROLE_NATIONAL] = {A_BOLD, COLOR_CYAN, -1, A_BOLD},
	[ROLE_UP] = {A_BOLD, COLOR_RED, -1, A_BOLD},
	[ROLE_DOWN] = {A_NORMAL, COLOR_GREEN, -1, 0},
	[ROLE_KEY] = {A_BOLD, -1, -1, A_BOLD},
	[ROLE_KEYLABEL] = {A_REVERSE, COLOR_BLACK, COLOR_CYAN, 0},
	[ROLE_STATUS] = {A_NORMAL, -1, -1, 0},
	[ROLE_OVERLAY] = {A_NORMAL, -1, -1, 0},
	[ROLE_MESSAGE] = {A_BOLD, COLOR_YELLOW, -1, A_BOLD},
	[ROLE_CLASS1] = {A_NORMAL, COLOR_BLACK, COLOR_GREEN, 0},
	[ROLE_CLASS2] = {A_NORMAL, COLOR_BLACK, COLOR_CYAN, 0},
	[ROLE_CLASS3] = {A_NORMAL, COLOR_BLACK, COLOR_YELLOW, 0},
	[ROLE_CLASS4] = {A_BOLD, COLOR_WHITE, COLOR_MAGENTA, A_BOLD},
	[ROLE_CLASS5] = {A_BOLD | A_UNDERLINE, COLOR_WHITE, COLOR_RED, A_BOLD},
	[ROLE_NOFIGURE] = {A_DIM, -1, -1, A_DIM},
	/* the selected tile: no class colour (its digit still says its class) */
	[ROLE_MAP_SELECTED] = {A_REVERSE | A_BOLD | A_UNDERLINE, -1, -1,
			       A_REVERSE | A_BOLD | A_UNDERLINE},
};

static int attrs[ROLE_COUNT];

void theme_init(bool color)
{
	bool use = color && has_colors() && start_color() == OK;
	if (use)
		use_default_colors();
	for (int r = 0; r < ROLE_COUNT; r++) {
		if (!use) {
			attrs[r] = styles[r].mono;
			continue;
		}
		init_pair((short)(r + 1), styles[r].fg, styles[r].bg);
		attrs[r] = (int)COLOR_PAIR(r + 1) | styles[r].extra;
	}
}

int theme_attr(enum ak_role role)
{
	return role < ROLE_COUNT ? attrs[role] : (int)A_NORMAL;
}
