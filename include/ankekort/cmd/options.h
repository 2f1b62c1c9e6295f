/* options.h - what the command line says: every option of every command
 * (its table, options.c: the name, value and general help of each) and
 * the options parsed (cli.h). */
#ifndef ANKEKORT_CMD_OPTIONS_H
#define ANKEKORT_CMD_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/output/factsheet.h"
#include "ankekort/output/report.h"

/* Every option of every command, in the order the whole help lists them. */
enum cli_opt {
	OPT_NONE,
	OPT_KOMMUNE,
	OPT_AREA,
	OPT_YEAR,
	OPT_FORMAT,
	OPT_PEERS,
	OPT_CELLS,
	OPT_PROSE,
	OPT_HALF_YEAR,
	OPT_BY,
	OPT_OUTPUT,
	OPT_FORCE,
	OPT_INTO,
	OPT_DRY_RUN,
	OPT_SOURCE,
	OPT_COLUMNS,
	OPT_YEARS,
	OPT_TABLE,
	OPT_API_URL,
	OPT_TIMEOUT,
	OPT_MAX_MIB,
	OPT_REGISTER,
	OPT_ID,
	OPT_PARAGRAPH,
	OPT_REMANDED,
	OPT_DECIDED,
	OPT_OUTCOME,
	OPT_REASON,
	OPT_NOTE,
	OPT_CYCLE,
	OPT_DATE,
	OPT_PLAN,
	OPT_AREAS,
	OPT_PERIOD,
	OPT_DEADLINE,
	OPT_TEXT,
	OPT_DATA,
	OPT_NO_SHIPPED,
	OPT_LENIENT,
	OPT_VERBOSE,
	OPT_LIST_KOMMUNER,
	OPT_LANG,
	OPT_NO_COLOR,
	OPT_NO_MOUSE,
	OPT_HELP,
	OPT_VERSION,
	OPT_COUNT
};
enum cli_status { CLI_OK, CLI_EXIT_OK, CLI_USAGE };

struct cmd;

struct cli_options {
	const struct cmd *cmd; /* the command (commands.h); the browser when none was named */
	const char *data_dir;  /* the user's data (a directory or a file); NULL: the default */
	bool no_shipped;       /* leave the shipped figures out */
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
	bool peers_given;      /* --peers on the command line (print's group) */
	const char *home;      /* the config's kommune: the user's own municipality, or NULL */
	enum peer_cells cells; /* faktaark --cells */
	bool prose;	       /* faktaark --prose: only the opening paragraphs */
	bool half_year;	       /* faktaark --half-year: the report from the quarters */
	bool by_paragraph;     /* print --by paragraph: the rows below law level */
	bool by_quarter;       /* print --by quarter: the quarters between the maps */
	const char *output;    /* faktaark -o FILE; NULL: stdout */
	bool force;	       /* overwrite an existing output file */
	char **args;	       /* the words after the command word (borrowed from argv) */
	size_t n_args;
	char **files; /* import: the files (borrowed from argv) */
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
	bool given[OPT_COUNT];	/* which options the command line named */
	/* register: the action word and an entry's fields as typed */
	const char *reg_action;	   /* add, list, edit or delete */
	const char *register_path; /* --register FILE; NULL: the default */
	int reg_id;
	const char *reg_paragraph, *reg_remanded, *reg_decided, *reg_outcome, *reg_reason,
		*reg_note;
	/* cycle: the action word, an entry's kind and fields as typed */
	const char *cyc_action; /* add, list, edit or delete */
	const char *cyc_kind;	/* add: published, committee, council, ... */
	const char *cycle_path; /* --cycle FILE; NULL: the default */
	const char *cyc_date, *cyc_plan, *cyc_areas, *cyc_period, *cyc_deadline, *cyc_text;
};

/* An option as the tables name it: "--kommune", its short letter (0 when
 * none), the name of its value (NULL when it takes none) and its general
 * help (untranslated; lines after the first are indented by the printer). */
struct cli_opt_def {
	const char *name;
	char letter;
	const char *value;
	const char *help;
};
const struct cli_opt_def *cli_opt(enum cli_opt id);

#endif
