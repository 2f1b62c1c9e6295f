/* cli.h - the command line: `ankekort [COMMAND] [OPTIONS]`.
 *
 * Options are accepted before or after the command word. cli_parse() never
 * exits; it reports what to do through its status. */
#ifndef ANKEKORT_CLI_H
#define ANKEKORT_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/output/factsheet.h"
#include "ankekort/output/report.h"

enum cli_command {
	CMD_BROWSE,
	CMD_PRINT,
	CMD_CHECK,
	CMD_FAKTAARK,
	CMD_IMPORT,
	CMD_FETCH,
	CMD_REGISTER
};
enum cli_status { CLI_OK, CLI_EXIT_OK, CLI_USAGE };

struct cli_options {
	enum cli_command cmd;
	const char *data_dir; /* the user's data (a directory or a file); NULL: the default */
	bool no_shipped;      /* leave the shipped figures out */
	bool lenient;
	bool verbose;	       /* every load warning: none said once for many subjects */
	const char **kommuner; /* as typed; owned array, borrowed strings */
	size_t n_kommuner;
	int area;		   /* -1: all */
	int year;		   /* 0: all */
	enum report_format format; /* print, faktaark */
	int import_format;	   /* import: enum import_format */
	const char *format_arg;	   /* --format as given */
	bool no_color;
	bool no_mouse;
	bool area_given, year_given, format_given;
	const char *peers;     /* faktaark: 6byer, region or a list; NULL: 6byer */
	enum peer_cells cells; /* faktaark --cells */
	bool prose;	       /* faktaark --prose: only the opening paragraphs */
	const char *output;    /* faktaark -o FILE; NULL: stdout */
	bool force;	       /* overwrite an existing output file */
	char **files;	       /* import: the files (borrowed from argv) */
	size_t n_files;
	const char *into;	/* import, fetch: the directory to add to; NULL: data_dir */
	bool dry_run;		/* import: report only */
	const char *source;	/* import: the source text for the rows */
	const char *columns;	/* import: which column is which (Statistikbanken) */
	int year_from, year_to; /* fetch: the years; 0: all */
	const char *api_url;	/* fetch: the API's base URL; NULL: Statistikbanken's */
	const char *table;	/* fetch: the table; NULL: found among ANKEAST1-4 */
	int timeout;		/* fetch: seconds per request; 0: the default */
	int max_mib;		/* fetch: the largest download; 0: the default */
	const char *lang;	/* da or en; NULL: from the environment */
	bool list_kommuner;	/* print the municipalities' names (for shell completion) */
	bool help;		/* --help: the command's own help (the whole help without one) */
	/* register: the action word and an entry's fields as typed */
	const char *reg_action;	   /* add, list, edit or delete */
	const char *register_path; /* --register FILE; NULL: the default */
	int reg_id;
	const char *reg_paragraph, *reg_remanded, *reg_decided, *reg_outcome, *reg_reason,
		*reg_note;
};

/* Parses argv. On CLI_EXIT_OK (--help, --version) the text went to out; on
 * CLI_USAGE a message went to err. Free with cli_free() in every case. */
/* The help texts (clihelp.c): the whole help, every command and option and
 * the browser's keys; and one command's own (the browser, no command, gets
 * the whole help). */
void clihelp_usage(FILE *out);
void clihelp_command(FILE *out, enum cli_command cmd);
enum cli_status cli_parse(int argc, char **argv, struct cli_options *o, FILE *out, FILE *err);
void cli_free(struct cli_options *o);

#endif
