/* diag.h - problems found while loading or checking data, with their location.
 *
 * A diag list owns copies of every path and message added to it. Lines and
 * columns are 1-based; 0 means "not applicable" (a whole-file problem). */
#ifndef ANKEKORT_DIAG_H
#define ANKEKORT_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum diag_severity { DIAG_WARNING, DIAG_ERROR };

struct diag {
	enum diag_severity severity;
	char *path;
	int line;
	int col;
	char *msg;
	/* a message said for many municipalities alike (diag_group_last): its
	 * group's tally + 1 in the list; 0 otherwise */
	size_t tally;
	/* a group's line for --verbose only: the brief report says it where
	 * the group's first message was */
	bool verbose_only;
};

/* At most this many messages are kept for one file in a row; the rest are
 * counted (errors still count as errors) and summed up in one line, so a
 * hostile file of ten million bad lines cannot flood memory or the screen. */
#define DIAG_PER_FILE 100

/* A group of messages said for many municipalities alike (diag_group_last),
 * in one file: all of them, kept or only counted, with the first one's line
 * and the first names. */
struct diag_tally {
	char *path, *group;
	enum diag_severity severity;
	int line;
	size_t n, n_kept; /* all of them; those among the list's messages */
	uint64_t hash;	  /* of group */
	char *names;	  /* the first DIAG_GROUP_NAMED, ", " between them */
	size_t named;
};

/* The names a group's one line gives; the rest are counted. */
#define DIAG_GROUP_NAMED 3
/* At most this many groups a file; a message of one more is said on its
 * own (or only counted). */
#define DIAG_TALLIES 256
/* At most this many lines a file for groups none of whose messages was
 * kept: the largest. */
#define DIAG_TALLY_LINES 10

struct diag_list {
	struct diag *items;
	size_t count;
	size_t cap;
	size_t errors, warnings; /* every one added, kept or only counted */
	/* private: the run of messages for one file */
	char *run_path;
	size_t run_count, run_hidden;
	bool last_kept; /* the last message added was kept, not only counted */
	enum diag_severity last_severity;
	int last_line;
	struct diag_tally *tallies; /* the run's from run_tallies on */
	size_t n_tallies, cap_tallies, run_tallies;
};

void diag_add(struct diag_list *list, enum diag_severity sev, const char *path, int line, int col,
	      const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void diag_vadd(struct diag_list *list, enum diag_severity sev, const char *path, int line, int col,
	       const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));
/* Writes "path:line:col: severity: msg" (line/col left out when 0), with
 * control characters in the path and message escaped. */
void diag_print(const struct diag *d, FILE *out);
/* diag_print for every message of the list, in order. */
void diag_list_print(const struct diag_list *list, FILE *out);
/* Marks the message just added as one said for many municipalities: group
 * holds the words they share after "N municipalities have" ("2024 ... rows
 * only under ..."), who this one's municipality ("København"). A message
 * only counted (past DIAG_PER_FILE) still counts in its group. At most once
 * a message. */
void diag_group_last(struct diag_list *list, const char *group, const char *who);
/* Adds every message of from (flushed first) to to, as they are: from was
 * capped per file already; the groups go with them. */
void diag_list_append(struct diag_list *to, struct diag_list *from);
/* diag_list_print, but a group of more than one message is one line where
 * the first was, with its line number: "f.csv:1501: warning: 98
 * municipalities have ...: København, Frederiksberg, Ballerup, … (see
 * --verbose)". */
void diag_list_print_brief(const struct diag_list *list, FILE *out);
/* A command's report: every message (--verbose), else diag_list_print_brief. */
void diag_list_report(const struct diag_list *list, FILE *out, bool every);
/* False when a message for path would only be counted, not kept: callers
 * with costly messages may then pass an empty one. */
bool diag_wanted(const struct diag_list *list, const char *path);
/* Ends the file's run: a group some of whose messages were only counted gets
 * its one line ("14 municipalities have ...: names"; for --verbose only when
 * one was kept), and the messages no line says their "N more problems" line.
 * Called at the end of each file. */
void diag_list_flush(struct diag_list *list);
void diag_list_free(struct diag_list *list);
/* Writes "ankekort: msg" and a newline, msg escaped (a message may hold a
 * path or a name from a file): the one way an error reaches a terminal. */
void diag_say(FILE *out, const char *msg);
/* Formats a one-line message (a trailing newline is kept) and writes it
 * escaped, so a path or name among the arguments cannot reach the terminal
 * raw. */
void diag_sayf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
