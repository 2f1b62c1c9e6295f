/* cycle.h - the § 79 b cycle record: for each municipality and year of
 * the maps, what happened after they were published - the publication
 * date, the committee and council meetings that discussed them, the
 * council's decision on an action plan (for which areas or §§, for which
 * period), the day Ankestyrelsen was told, Ankestyrelsen's orders and
 * reminders, and the status reports. One numbered entry per step.
 *
 * A CSV file the user keeps (default $XDG_DATA_HOME/ankekort/cycle.csv),
 * written, locked and numbered as the register is (base/userfile.h): its
 * first line "ankekort cycle 1 last_id=N", then a header and the entries.
 * It holds no names and no CPR numbers. A damaged file is reported with
 * file:line:column and never written over. */
#ifndef ANKEKORT_CYCLE_H
#define ANKEKORT_CYCLE_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/base/diag.h"
#include "ankekort/data/dataset.h"

#define CYCLE_MAGIC "ankekort cycle 1"
#define CYCLE_MAX_ID 1000000000

enum cycle_kind {
	CYC_PUBLISHED, /* the maps were published */
	CYC_COMMITTEE, /* a committee discussed them (text: which) */
	CYC_COUNCIL,   /* the council discussed them (§ 79 b, stk. 1) */
	CYC_DECISION,  /* the council decided on an action plan (stk. 2) */
	CYC_TOLD,      /* Ankestyrelsen was told of the decision */
	CYC_ORDER,     /* Ankestyrelsen ordered an action plan (stk. 3), by a deadline */
	CYC_REMINDER,  /* a reminder from Ankestyrelsen */
	CYC_REPORT,    /* a status report on the plan */
	CYC_KIND_COUNT
};

enum cycle_plan { PLAN_NONE, PLAN_YES, PLAN_NO };

struct cycle_entry {
	int id;
	int code;
	int year; /* the year of the maps' figures ("the 2024 maps") */
	enum cycle_kind kind;
	char date[11];	      /* YYYY-MM-DD */
	enum cycle_plan plan; /* a decision: yes or no; otherwise none */
	char *areas;	      /* a decision: which areas or §§ the plan covers */
	char *period;	      /* a decision: the plan's period, as written */
	char deadline[11];    /* an order: Ankestyrelsen's deadline; "" otherwise */
	char *text;	      /* the committee, the report, a note */
	int line;	      /* in the file; 0 for a new entry */
};

struct cycle {
	char *path;
	struct cycle_entry *e;
	size_t n, cap;
	int next_id;
};

/* $XDG_DATA_HOME/ankekort/cycle.csv (~/.local/share/...); caller frees;
 * NULL without HOME. */
char *cycle_default_path(void);
/* Reads path into c (a missing file is an empty record). Problems go to
 * diags with file:line:column; false when there are errors. */
bool cycle_load(struct cycle *c, const char *path, struct diag_list *diags);
/* The same from text (len bytes, a NUL after them), into a record whose
 * path is set and which is otherwise empty. */
bool cycle_parse(struct cycle *c, const char *text, size_t len, struct diag_list *diags);
/* Writes the record completely or not at all (userfile_write). */
bool cycle_save(const struct cycle *c, char **err);
void cycle_free(struct cycle *c);

/* Checks an entry as it would be stored; *why (caller frees) says what is
 * wrong. */
bool cycle_check(const struct cycle_entry *e, const struct ak_dataset *ds, char **why);
/* Adds e (taken over; numbered when its id is 0). False, e left to the
 * caller, when every number up to CYCLE_MAX_ID has been given. */
bool cycle_add(struct cycle *c, struct cycle_entry *e);
struct cycle_entry *cycle_find(struct cycle *c, int id);
bool cycle_delete(struct cycle *c, int id);
void cycle_entry_copy(struct cycle_entry *to, const struct cycle_entry *from);
/* Whether two entries say the same (their line in the file aside). */
bool cycle_entry_same(const struct cycle_entry *x, const struct cycle_entry *y);
void cycle_entry_free(struct cycle_entry *e);

const char *cycle_kind_id(enum cycle_kind k);
const char *cycle_kind_label(enum cycle_kind k); /* translated */
bool cycle_kind_parse(const char *s, enum cycle_kind *out);
const char *cycle_plan_id(enum cycle_plan p);
bool cycle_plan_parse(const char *s, enum cycle_plan *out);

#endif
