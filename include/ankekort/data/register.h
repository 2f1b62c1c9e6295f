/* register.h - the local register of remanded cases: one row per case that
 * Ankestyrelsen sent back, with what happened to it, so the yearly fact
 * sheet can say what the statistics cannot ("14 remanded in 2021, 12
 * registered: 5 new decisions for the citizen ...").
 *
 * A CSV file (default $XDG_DATA_HOME/ankekort/register.csv) whose first line
 * is "ankekort register 2 last_id=N" (the format, its version and the
 * highest entry number ever given, so a number is never given twice), then
 * a header and the entries; version 1 files (the first line "ankekort
 * register 1", no last_id) are read too. It holds no names and no CPR
 * numbers: a field that looks like a CPR number (ddmmyy-xxxx) is refused. A
 * damaged register is reported with file:line and never written over. */
#ifndef ANKEKORT_REGISTER_H
#define ANKEKORT_REGISTER_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/data/dataset.h"
#include "ankekort/base/diag.h"

#define REGISTER_MAGIC "ankekort register 2"	/* written, " last_id=N" after it */
#define REGISTER_MAGIC_V1 "ankekort register 1" /* read */
/* The highest entry number: a register that has given it takes no more
 * entries (it is still read, edited and deleted from). */
#define REG_MAX_ID 1000000000

enum reg_outcome {
	REG_PENDING,   /* no new decision yet */
	REG_FAVOUR,    /* a new decision in the citizen's favour */
	REG_PARTLY,    /* partly in the citizen's favour */
	REG_SAME,      /* the same decision again */
	REG_WITHDRAWN, /* the citizen withdrew */
	REG_APPEALED,  /* appealed again */
	REG_OUTCOME_COUNT
};

enum reg_reason {
	REG_REASON_NONE,
	REG_INFORMATION, /* insufficient information */
	REG_HEARING,	 /* missing hearing of the citizen */
	REG_REASONS,	 /* inadequate reasons given */
	REG_OTHER,
	REG_REASON_COUNT
};

struct reg_entry {
	int id;
	int code;
	enum ak_area area;
	int year;	   /* the year of Ankestyrelsen's decision */
	char *paragraph;   /* as the decision names it: "§ 41" */
	char remanded[11]; /* YYYY-MM-DD */
	char decided[11];  /* YYYY-MM-DD of the new decision; "" while pending */
	enum reg_outcome outcome;
	enum reg_reason reason;
	char *note; /* free text, never a name */
	int line;   /* in the file; 0 for a new entry */
};

struct reg {
	char *path;
	struct reg_entry *e;
	size_t n, cap;
	int next_id; /* never less than one above every number ever given */
};

/* $XDG_DATA_HOME/ankekort/register.csv (~/.local/share/...); caller frees;
 * NULL without HOME. */
char *register_default_path(void);
/* Reads path into r (a missing file is an empty register). Problems go to
 * diags with file:line:column; returns false when there are errors. */
bool register_load(struct reg *r, const char *path, struct diag_list *diags);
/* The same from text already read (len bytes; a NUL after them), into a
 * register whose path is set (for messages) and which is otherwise empty. */
bool register_parse(struct reg *r, const char *text, size_t len, struct diag_list *diags);
/* Writes the register completely or not at all, creating its directory;
 * a register reached through a link is written where it really is. */
bool register_save(const struct reg *r, char **err);
/* Locks the register's directory for one writer at a time (waits),
 * creating it first when it does not exist: the directory the register
 * really lives in (links followed), so two writers reaching it by other
 * paths wait for each other. Take it before reading what is written.
 * Returns the descriptor to close, or -1 with *err (caller frees). */
int register_lock(const char *path, char **err);
void register_free(struct reg *r);

/* Checks an entry as it would be stored: a known municipality, dates, an
 * outcome that fits the dates, nothing that looks like a CPR number.
 * *why (caller frees) says what is wrong. */
bool register_check(const struct reg_entry *e, const struct ak_dataset *ds, char **why);
/* Adds e (taken over; a new number given when its id is 0). False, and e
 * left to the caller, when every number up to REG_MAX_ID has been given. */
bool register_add(struct reg *r, struct reg_entry *e);
struct reg_entry *register_find(struct reg *r, int id);
/* Removes the entry; false when there is none with that id. */
bool register_delete(struct reg *r, int id);
/* "1-4, 7 and 9": the entries' numbers, runs joined, for a message that an
 * entry is not there (caller frees; "" when there is none). */
char *register_numbers(const struct reg *r);
/* True when the two hold the same case (every field but the line). */
bool reg_entry_same(const struct reg_entry *a, const struct reg_entry *b);
void reg_entry_copy(struct reg_entry *to, const struct reg_entry *from);
void reg_entry_free(struct reg_entry *e);

const char *reg_outcome_id(enum reg_outcome o);
const char *reg_outcome_label(enum reg_outcome o); /* translated */
bool reg_outcome_parse(const char *s, enum reg_outcome *out);
const char *reg_reason_id(enum reg_reason r);
const char *reg_reason_label(enum reg_reason r); /* translated */
bool reg_reason_parse(const char *s, enum reg_reason *out);
/* True for a real day written YYYY-MM-DD (from 1990). */
bool register_valid_date(const char *s);
/* Days since 1970 of a valid YYYY-MM-DD, or -1. */
long register_day(const char *s);
/* True when s holds ddmmyy-xxxx or ddmmyyxxxx with a valid day and month. */
bool register_looks_like_cpr(const char *s);

#endif
