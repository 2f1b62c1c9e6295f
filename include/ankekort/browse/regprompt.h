/* regprompt.h - entering, changing and deleting a remanded case from the
 * browser: the register's fields asked one after the other in the status
 * line, each with the line editor, the current value offered; Esc leaves
 * without a change. Pure state: the browser saves when it is finished. */
#ifndef ANKEKORT_REGPROMPT_H
#define ANKEKORT_REGPROMPT_H

#include <stdbool.h>

#include "ankekort/browse/lineedit.h"
#include "ankekort/data/register.h"

enum regprompt_kind { RP_ADD, RP_EDIT, RP_DELETE };
enum regprompt_step {
	RPS_ID,
	RPS_PARAGRAPH,
	RPS_REMANDED,
	RPS_DECIDED,
	RPS_OUTCOME,
	RPS_REASON,
	RPS_NOTE,
	RPS_CONFIRM
};
enum regprompt_status { RP_GOING, RP_CANCELLED, RP_FINISHED };

struct regprompt {
	enum regprompt_kind kind;
	enum regprompt_step step;
	struct reg_entry e;    /* what is being entered; e.id is the entry edited or deleted */
	struct reg_entry orig; /* the entry edited or deleted as it was read: saved only
				  while the register still holds exactly that */
	char text[256];
	struct lineedit ed;
	char problem[200]; /* why the last answer was not taken, or "" */
};

/* Starts for the selection (code, area, year). */
void regprompt_start(struct regprompt *p, enum regprompt_kind kind, int code, enum ak_area area,
		     int year);
/* A key (a code point, AK_KEY_ENTER, AK_KEY_ESC, editing keys). r is read
 * to find an entry by its number; ds to check the finished entry. */
enum regprompt_status regprompt_key(struct regprompt *p, const struct reg *r,
				    const struct ak_dataset *ds, int key);
/* The question for the current step, translated ("Remanded on (YYYY-MM-DD)"). */
const char *regprompt_question(const struct regprompt *p);
void regprompt_free(struct regprompt *p);

#endif
