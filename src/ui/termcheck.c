/* termcheck.c - can this terminal show the browser at all? Apart from
 * term.c because <term.h> defines names (lines, columns ...) that clash
 * with the rest of the UI. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <term.h>
#include <unistd.h>

#include "ankekort/base/diag.h"
#include "ankekort/base/i18n.h"

bool term_usable(void);

bool term_usable(void)
{
	const char *name = getenv("TERM");
	int err = 0;
	if (!name || !name[0] || setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		diag_sayf(stderr, /* TERM is text from outside: escaped */
			  _("ankekort: the terminal type \"%s\" is not known here, so the browser "
			    "cannot "
			    "draw; set TERM to one this system knows (such as xterm-256color), or "
			    "use "
			    "'ankekort print' or 'ankekort faktaark'\n"),
			  name ? name : "");
		return false;
	}
	/* a terminal that cannot move the cursor (TERM=dumb) would draw garbage */
	const char *cup = tigetstr("cup");
	bool ok = cup && cup != (char *)-1 && tigetnum("lines") != 0;
	if (!ok)
		diag_sayf(
			stderr,
			_("ankekort: the terminal (TERM=%s) cannot move the cursor, so the browser "
			  "cannot "
			  "draw; use 'ankekort print' or 'ankekort faktaark' instead\n"),
			name);
	del_curterm(cur_term);
	return ok;
}
