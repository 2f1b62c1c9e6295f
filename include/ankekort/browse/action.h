/* action.h - everything a key can do, and the one table of key bindings.
 *
 * The help overlay, the key bar and `--help` are all generated from this
 * table, so they can never drift from what the keys really do. Keys are
 * ankekort's own codes (printable characters as themselves, special keys as
 * AK_KEY_*); the UI translates curses key codes into them. */
#ifndef ANKEKORT_ACTION_H
#define ANKEKORT_ACTION_H

#include <stdbool.h>
#include <stddef.h>

/* The views, one line each: the action that opens and closes the view,
 * its help text, the mode (mode_NAME in mode.h, defined in its own file
 * src/browse/modeNAME.c), the key, how help writes it, its word in the key
 * bar (or NULL) and its word from KEYBAR_WIDE columns (or NULL).
 * X(id, help text, mode, key, label, bar word, wide word) */
/* clang-format off */
#define AK_VIEWS(X)                                                                                \
	X(VIEW_YOY, "Year over year for the selection, with tests of change",                      \
	  yoy, 'd', "d", NULL, N_("Years"))                                                        \
	X(VIEW_COMPARE, "Compare municipalities between two years",                                \
	  compare, 'c', "c", N_("Compare"), NULL)                                                  \
	X(VIEW_PEERS, "Peer table as in the committee papers",                                     \
	  peers, 't', "t", NULL, N_("Peers"))                                                      \
	X(VIEW_FUNNEL, "Funnel plot: rates against cases, with the limits of chance",              \
	  funnel, 'F', "F", NULL, N_("Funnel"))                                                    \
	X(VIEW_QUARTERS, "Quarters between the maps: year to date, the last four (preliminary)",   \
	  quarters, 'K', "K", NULL, NULL)                                                          \
	X(VIEW_PARA, "Paragraphs: which paragraphs drive the selection's rate",                    \
	  para, 'P', "P", NULL, N_("Paragraphs"))                                                    \
	X(VIEW_CYCLE, "The \xC2\xA7 79 b cycle of the selection: steps recorded, what is due",      \
	  cycle, 'a', "a", NULL, N_("Cycle"))
/* clang-format on */

/* X(id, help text, ...): every action, the views' among them */
#define AK_ACTIONS(X)                                                                              \
	X(NONE, NULL)                                                                              \
	X(MOVE_UP, "Move the selection up, or scroll the focused pane")                            \
	X(MOVE_DOWN, "Move the selection down, or scroll the focused pane")                        \
	X(PAGE_UP, "One page up")                                                                  \
	X(PAGE_DOWN, "One page down")                                                              \
	X(HOME, "First line")                                                                      \
	X(END, "Last line")                                                                        \
	X(FOCUS_NEXT, "Next pane")                                                                 \
	X(FOCUS_PREV, "Previous pane")                                                             \
	X(OPEN, "Open the selection's breakdown")                                                  \
	X(AREA_1, "Area: Generelt (the social area in general)")                                   \
	X(AREA_2, "Area: B\xC3\xB8rnehandicap (disabled children)")                                \
	X(AREA_3, "Area: Voksenhandicap (disabled adults)")                                        \
	X(YEAR_PREV, "Previous year")                                                              \
	X(YEAR_NEXT, "Next year")                                                                  \
	X(LEFT, "Map: west; elsewhere the previous year")                                          \
	X(RIGHT, "Map: east; elsewhere the next year")                                             \
	X(MAP, "Map of Denmark in place of the list (toggle)")                                     \
	X(SEARCH, "Search municipalities by name")                                                 \
	X(SEARCH_NEXT, "Next match")                                                               \
	X(SEARCH_PREV, "Previous match")                                                           \
	X(SORT, "Sort by name, rate, change since last year, cases")                               \
	X(REGION, "Show one region at a time, then all")                                           \
	X(ONLY_FIGURES, "Only municipalities with a figure (toggle)")                              \
	X(SOURCES, "Every source's figures for the selection")                                     \
	AK_VIEWS(X)                                                                                \
	X(COMPARE_SET, "Compare: all, the region, 6-byer or the marked ones")                      \
	X(MARK, "Mark or unmark for compare and peer table, then move down")                       \
	X(YEAR2_PREV, "Compare against an earlier year")                                           \
	X(YEAR2_NEXT, "Compare against a later year")                                              \
	X(SORT_REVERSE, "Reverse the sort order (tables)")                                         \
	X(ZOOM, "Zoom the focused pane to the whole right side (toggle)")                          \
	X(EXPORT, "Export the view (fact sheet, table) to a file")                                 \
	X(REGISTER_ADD, "Register a remanded case for the selection")                              \
	X(REGISTER_EDIT, "Change a registered remanded case (by its number)")                      \
	X(REGISTER_DELETE, "Delete a registered remanded case (by its number)")                    \
	X(CYCLE_ADD, "Cycle view: record a step of the selection's \xC2\xA7 79 b cycle")           \
	X(CYCLE_EDIT, "Cycle view: change a recorded step (by its number)")                        \
	X(CYCLE_DELETE, "Cycle view: delete a recorded step (by its number)")                      \
	X(HELP, "This help")                                                                       \
	X(CLOSE, "Close the overlay")                                                              \
	X(REDRAW, "Redraw the screen")                                                             \
	X(QUIT, "Close the view, overlay or map; in the panes, quit")                              \
	X(QUIT_ALL, "Quit from anywhere")

#define AK_ACTION_ENUM(id, ...) ACT_##id,
enum ak_action { AK_ACTIONS(AK_ACTION_ENUM) ACT_COUNT };
#undef AK_ACTION_ENUM

enum ak_key {
	AK_KEY_UP = 0x110000,
	AK_KEY_DOWN,
	AK_KEY_LEFT,
	AK_KEY_RIGHT,
	AK_KEY_PGUP,
	AK_KEY_PGDN,
	AK_KEY_HOME,
	AK_KEY_END,
	AK_KEY_TAB,
	AK_KEY_BTAB,
	AK_KEY_ENTER,
	AK_KEY_ESC,
	AK_KEY_BACKSPACE,
	AK_KEY_CTRL_L,
	AK_KEY_F1,
	AK_KEY_F3,
	AK_KEY_F4,
	AK_KEY_F6,
	AK_KEY_F10,
	AK_KEY_RESIZE,
	AK_KEY_MOUSE,
	AK_KEY_DELETE
};

struct ak_binding {
	int key;
	enum ak_action action;
	const char *label;   /* how the key is written in help: "Up", "k", "F3" */
	const char *bar;     /* short word for the key bar, or NULL when not shown there */
	const char *bar_key; /* key as written in the key bar when not label ("1-3") */
	const char *wide;    /* a word for the key bar from KEYBAR_WIDE columns (the views,
				the table modes' keys), or NULL */
	bool mode_key;	     /* its wide word only in the modes that take it (mode_ops.own) */
};

/* From this width the key bar also shows the views and the mode's keys. */
#define KEYBAR_WIDE 120

extern const struct ak_binding ak_bindings[];
extern const size_t ak_n_bindings;

const char *action_help(enum ak_action a);
enum ak_action action_for_key(int key);
/* All labels bound to the action, joined by ", ", into buf. */
void action_keys(enum ak_action a, char *buf, size_t size);

#endif
