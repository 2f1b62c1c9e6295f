/* commands.h - a command of the command line: its word, its options, its help
 * and what it runs. Each command is one file of src/cmd/ defining one
 * `const struct cmd`; commands.c lists them (docs/HACKING.md: add a
 * command). */
#ifndef ANKEKORT_CMD_COMMANDS_H
#define ANKEKORT_CMD_COMMANDS_H

#include <stdio.h>

#include "ankekort/cmd/options.h"

enum { CMD_OPT_REQUIRED = 1, CMD_OPT_REPEATS = 2 };

/* One option a command takes, as its help and usage line show it. */
struct cmd_opt {
	enum cli_opt id;
	unsigned flags;	   /* CMD_OPT_REQUIRED, CMD_OPT_REPEATS */
	const char *value; /* the value's name here ("YYYY|all"); NULL: the option's */
	const char *help;  /* N_(): the help here; NULL: the option's general help */
};

struct cmd {
	const char *word;	    /* "print"; NULL: the browser (no command word) */
	const char *args;	    /* the words after it in the usage ("FILE..."), or NULL: none */
	const char *summary;	    /* N_(): its line in the whole help's list of commands */
	const char *about;	    /* N_(): what it does, under its usage line */
	const struct cmd_opt *opts; /* the options it takes, ending with {OPT_NONE} */
	const char *more;	    /* N_(): what its help says after the options, or NULL */
	/* The rules between its options and its words (may be NULL): CLI_OK,
	 * or CLI_USAGE with a message on err. */
	enum cli_status (*check)(struct cli_options *o, FILE *err);
	/* Loads what it needs and runs; returns the exit status (0, 1 errors
	 * in data or files, 2 usage). */
	int (*run)(const struct cli_options *o);
};

/* Every command (commands.c, one line each), the browser first;
 * NULL-terminated. */
extern const struct cmd *const cmd_table[];

/* The command of a word, or NULL. */
const struct cmd *cmd_find(const char *word);
/* Whether cmd takes option id (the options every command takes included). */
bool cmd_takes(const struct cmd *cmd, enum cli_opt id);

#endif
