/* cycprompt.h - adding, changing and deleting a step of the § 79 b cycle
 * record from the browser's cycle view: the step's fields asked one after
 * the other in the status line (only those its kind has), each with the
 * line editor, the current value offered; Esc leaves without a change.
 * Pure state: the browser saves when it is finished (appcycle.h). */
#ifndef ANKEKORT_CYCPROMPT_H
#define ANKEKORT_CYCPROMPT_H

#include <stdbool.h>

#include "ankekort/browse/lineedit.h"
#include "ankekort/data/cycle.h"

enum cycprompt_kind { CP_ADD, CP_EDIT, CP_DELETE };
enum cycprompt_step {
	CPS_ID,
	CPS_KIND,
	CPS_YEAR,
	CPS_DATE,
	CPS_PLAN,     /* a decision only */
	CPS_AREAS,    /* a decision to make a plan only */
	CPS_PERIOD,   /* likewise */
	CPS_DEADLINE, /* an order only */
	CPS_TEXT,
	CPS_CONFIRM
};
enum cycprompt_status { CP_GOING, CP_CANCELLED, CP_FINISHED };

struct cycprompt {
	enum cycprompt_kind kind;
	enum cycprompt_step step;
	struct cycle_entry e;	 /* what is being entered; e.id is the step edited or deleted */
	struct cycle_entry orig; /* the step edited or deleted as it was read: saved only
				    while the record still holds exactly that */
	char text[256];
	struct lineedit ed;
	char problem[200]; /* why the last answer was not taken, or "" */
};

/* Starts for the municipality code and the year of the maps; first_id is
 * the number offered when a step is edited or deleted (0: none). */
void cycprompt_start(struct cycprompt *p, enum cycprompt_kind kind, int code, int year,
		     int first_id);
/* A key (a code point, AK_KEY_ENTER, AK_KEY_ESC, editing keys). c is read
 * to find a step by its number (only the municipality's own); ds to check
 * the finished step (cycle_check). */
enum cycprompt_status cycprompt_key(struct cycprompt *p, const struct cycle *c,
				    const struct ak_dataset *ds, int key);
/* The question for the current step, translated. */
const char *cycprompt_question(const struct cycprompt *p);
void cycprompt_free(struct cycprompt *p);

#endif
