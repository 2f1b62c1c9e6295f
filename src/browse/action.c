/* action.c - the binding table and lookups. */
#include "ankekort/browse/action.h"
#include "ankekort/base/i18n.h"

#include <stdio.h>
#include <string.h>

#define AK_ACTION_HELP(id, help, ...) [ACT_##id] = help,
static const char *const helps[ACT_COUNT] = {AK_ACTIONS(AK_ACTION_HELP)};
#undef AK_ACTION_HELP

const struct ak_binding ak_bindings[] = {
	{.key = AK_KEY_F1, .action = ACT_HELP, .label = "F1", .bar = N_("Help")},
	{.key = '?', .action = ACT_HELP, .label = "?", .bar = NULL},
	{.key = AK_KEY_F3, .action = ACT_SEARCH, .label = "F3", .bar = N_("Search")},
	{.key = '/', .action = ACT_SEARCH, .label = "/", .bar = NULL},
	{.key = 'n', .action = ACT_SEARCH_NEXT, .label = "n", .bar = NULL},
	{.key = 'N', .action = ACT_SEARCH_PREV, .label = "N", .bar = NULL},
	{.key = AK_KEY_F6, .action = ACT_SORT, .label = "F6", .bar = N_("Sort")},
	{.key = 's', .action = ACT_SORT, .label = "s", .bar = NULL},
	{.key = AK_KEY_F4, .action = ACT_REGION, .label = "F4", .bar = NULL},
	{.key = 'r', .action = ACT_REGION, .label = "r", .bar = NULL},
	{.key = 'f', .action = ACT_ONLY_FIGURES, .label = "f", .bar = NULL},
	{.key = 'o', .action = ACT_SOURCES, .label = "o", .bar = NULL, .wide = N_("Sources")},
	{.key = '1', .action = ACT_AREA_1, .label = "1", .bar = N_("Area"), .bar_key = "1-3"},
	{.key = '2', .action = ACT_AREA_2, .label = "2", .bar = NULL},
	{.key = '3', .action = ACT_AREA_3, .label = "3", .bar = NULL},
	{.key = '[', .action = ACT_YEAR_PREV, .label = "[", .bar = N_("Year"), .bar_key = "[ ]"},
	{.key = ']', .action = ACT_YEAR_NEXT, .label = "]", .bar = NULL},
	{.key = AK_KEY_LEFT, .action = ACT_LEFT, .label = N_("Left"), .bar = NULL},
	{.key = AK_KEY_RIGHT, .action = ACT_RIGHT, .label = N_("Right"), .bar = NULL},
	{.key = 'h', .action = ACT_LEFT, .label = "h", .bar = NULL},
	{.key = 'l', .action = ACT_RIGHT, .label = "l", .bar = NULL},
	{.key = 'm', .action = ACT_MAP, .label = "m", .bar = N_("Map")},
	{.key = AK_KEY_UP, .action = ACT_MOVE_UP, .label = N_("Up"), .bar = NULL},
	{.key = 'k', .action = ACT_MOVE_UP, .label = "k", .bar = NULL},
	{.key = AK_KEY_DOWN, .action = ACT_MOVE_DOWN, .label = N_("Down"), .bar = NULL},
	{.key = 'j', .action = ACT_MOVE_DOWN, .label = "j", .bar = NULL},
	{.key = AK_KEY_PGUP, .action = ACT_PAGE_UP, .label = N_("PgUp"), .bar = NULL},
	{.key = AK_KEY_PGDN, .action = ACT_PAGE_DOWN, .label = N_("PgDn"), .bar = NULL},
	{.key = AK_KEY_HOME, .action = ACT_HOME, .label = N_("Home"), .bar = NULL},
	{.key = 'g', .action = ACT_HOME, .label = "g", .bar = NULL},
	{.key = AK_KEY_END, .action = ACT_END, .label = N_("End"), .bar = NULL},
	{.key = 'G', .action = ACT_END, .label = "G", .bar = NULL},
	{.key = AK_KEY_TAB, .action = ACT_FOCUS_NEXT, .label = N_("Tab"), .bar = NULL},
	{.key = AK_KEY_BTAB, .action = ACT_FOCUS_PREV, .label = N_("Shift-Tab"), .bar = NULL},
	{.key = AK_KEY_ENTER, .action = ACT_OPEN, .label = N_("Enter"), .bar = NULL},
	{.key = AK_KEY_ESC, .action = ACT_CLOSE, .label = N_("Esc"), .bar = NULL},
	{.key = AK_KEY_CTRL_L, .action = ACT_REDRAW, .label = N_("Ctrl-L"), .bar = NULL},
#define AK_VIEW_BINDING(id, help, mode, k, lab, b, w)                                              \
	{.key = k, .action = ACT_##id, .label = lab, .bar = b, .wide = w},
	AK_VIEWS(AK_VIEW_BINDING)
#undef AK_VIEW_BINDING
		{.key = 'R', .action = ACT_REGISTER_ADD, .label = "R", .bar = NULL},
	{.key = 'E', .action = ACT_REGISTER_EDIT, .label = "E", .bar = NULL},
	{.key = 'X', .action = ACT_REGISTER_DELETE, .label = "X", .bar = NULL},
	{.key = 'A',
	 .action = ACT_CYCLE_ADD,
	 .label = "A",
	 .bar = NULL,
	 .wide = N_("Add step"),
	 .mode_key = true},
	{.key = 'C',
	 .action = ACT_CYCLE_EDIT,
	 .label = "C",
	 .bar = NULL,
	 .wide = N_("Edit step"),
	 .mode_key = true},
	{.key = 'D',
	 .action = ACT_CYCLE_DELETE,
	 .label = "D",
	 .bar = NULL,
	 .wide = N_("Delete step"),
	 .mode_key = true},
	{.key = 'e', .action = ACT_EXPORT, .label = "e", .bar = N_("Export")},
	{.key = 'p',
	 .action = ACT_COMPARE_SET,
	 .label = "p",
	 .bar = NULL,
	 .wide = N_("Set"),
	 .mode_key = true},
	{.key = ' ', .action = ACT_MARK, .label = N_("Space"), .bar = NULL},
	{.key = '<',
	 .action = ACT_YEAR2_PREV,
	 .label = "<",
	 .bar = NULL,
	 .bar_key = "< >",
	 .wide = N_("Other year"),
	 .mode_key = true},
	{.key = '>', .action = ACT_YEAR2_NEXT, .label = ">", .bar = NULL},
	{.key = 'S',
	 .action = ACT_SORT_REVERSE,
	 .label = "S",
	 .bar = NULL,
	 .wide = N_("Reverse"),
	 .mode_key = true},
	{.key = 'z', .action = ACT_ZOOM, .label = "z", .bar = NULL},
	{.key = 'q', .action = ACT_QUIT, .label = "q", .bar = NULL},
	{.key = AK_KEY_F10, .action = ACT_QUIT_ALL, .label = "F10", .bar = N_("Quit")},
	{.key = 'Q', .action = ACT_QUIT_ALL, .label = "Q", .bar = NULL},
};
const size_t ak_n_bindings = sizeof ak_bindings / sizeof ak_bindings[0];

const char *action_help(enum ak_action a)
{
	return a < ACT_COUNT && helps[a] && helps[a][0] ? _(helps[a]) : "";
}

enum ak_action action_for_key(int key)
{
	for (size_t i = 0; i < ak_n_bindings; i++)
		if (ak_bindings[i].key == key)
			return ak_bindings[i].action;
	return ACT_NONE;
}

void action_keys(enum ak_action a, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < ak_n_bindings && used < size; i++) {
		if (ak_bindings[i].action != a)
			continue;
		const char *label = ak_bindings[i].label; /* a named key in the language */
		int n = snprintf(buf + used, size - used, "%s%s", used ? ", " : "",
				 label[0] && label[1] ? _(label) : label);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}
