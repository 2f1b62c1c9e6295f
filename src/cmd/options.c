/* options.c - the table of options: every option of every command once,
 * with its name, short letter, value and general help (options.h). */
#include "ankekort/cmd/options.h"

#include "ankekort/base/i18n.h"

/* clang-format off */
static const struct cli_opt_def opt_defs[OPT_COUNT] = {
	[OPT_KOMMUNE] = {"kommune", 'k', "NAME", N_("select a municipality by name or code (repeatable);\n"
		"\"Århus\", \"aarhus\" and 751 all find Aarhus")},
	[OPT_AREA] = {"area", 'a', "AREA", N_("generelt, boernehandicap, voksenhandicap or all")},
	[OPT_YEAR] = {"year", 'y', "YYYY", N_("a year, or all")},
	[OPT_FORMAT] = {"format", 'f', "FMT", N_("output format: text (default), csv, md or html;\n"
		"for import: dst, talportal or sheet (default: detected)")},
	[OPT_PEERS] = {"peers", 0, "SET", N_("faktaark peers: 6byer (default), region, CODE,CODE,...,\n"
		"or a group: NAME (groups/NAME.txt in your data) or FILE")},
	[OPT_CELLS] = {"cells", 0, "STYLE", N_("faktaark peer cells: compact (default) or papers")},
	[OPT_PROSE] = {"prose", 0, NULL, N_("faktaark: only the paragraphs a sagsfremstilling opens with")},
	[OPT_HALF_YEAR] = {"half-year", 0, NULL, N_("faktaark: the half-year report from the quarterly figures")},
	[OPT_BY] = {"by", 0, "WHAT", N_("print: one row per paragraph (--by paragraph) or the\n"
		"quarters between the maps (--by quarter)")},
	[OPT_OUTPUT] = {"output", 'o', "FILE", N_("faktaark: write to FILE (complete or not at all)")},
	[OPT_FORCE] = {"force", 0, NULL, N_("overwrite an existing output file")},
	[OPT_INTO] = {"into", 0, "DIR", N_("import, fetch: the directory to add to (default: --data)")},
	[OPT_DRY_RUN] = {"dry-run", 0, NULL, N_("import, fetch: report what would be added, write nothing")},
	[OPT_SOURCE] = {"source", 0, "TEXT", N_("import: the source named in the rows")},
	[OPT_COLUMNS] = {"columns", 0, "SPEC", N_("import: which column is which in a Statistikbanken file,\n"
		"e.g. municipality=1,law=2,decision=3,period=4,value=5")},
	[OPT_YEARS] = {"years", 0, "Y1-Y2", N_("fetch: the years to download (default: all); faktaark: the\n"
		"years of the sheet, a table per year")},
	[OPT_TABLE] = {"table", 0, "NAME", N_("fetch: the table (default: found in the API's table list)")},
	[OPT_API_URL] = {"api-url", 0, "URL", N_("fetch: the API (default: https://api.statbank.dk/v1)")},
	[OPT_TIMEOUT] = {"timeout", 0, "SECS", N_("fetch: give up after SECS seconds in all (default 120)")},
	[OPT_MAX_MIB] = {"max-mib", 0, "N", N_("fetch: refuse a download larger than N MiB (default 512)")},
	[OPT_REGISTER] = {"register", 0, "FILE", N_("the register of remanded cases (default:\n"
		"$XDG_DATA_HOME/ankekort/register.csv)")},
	[OPT_ID] = {"id", 0, "N", N_("register: the entry's number, as list shows it")},
	[OPT_PARAGRAPH] = {"paragraph", 0, "P", N_("register: the paragraph of the decision, e.g. \"§ 41\"")},
	[OPT_REMANDED] = {"remanded", 0, "DATE", N_("register: the day the case was remanded (YYYY-MM-DD)")},
	[OPT_DECIDED] = {"decided", 0, "DATE", N_("register: the day of the new decision (YYYY-MM-DD)")},
	[OPT_OUTCOME] = {"outcome", 0, "O", N_("register: pending (default), favour, partly, same,\n"
		"withdrawn or appealed_again")},
	[OPT_REASON] = {"reason", 0, "R", N_("register: why it was remanded: information, hearing,\n"
		"reasons or other")},
	[OPT_NOTE] = {"note", 0, "TEXT", N_("register: a note, never a name")},
	[OPT_CYCLE] = {"cycle", 0, "FILE", N_("the \xC2\xA7 79 b cycle record (default:\n"
		"$XDG_DATA_HOME/ankekort/cycle.csv)")},
	[OPT_DATE] = {"date", 0, "DATE", N_("cycle: the day of the step (YYYY-MM-DD)")},
	[OPT_PLAN] = {"plan", 0, "yes|no", N_("cycle: the council's decision: an action plan or none")},
	[OPT_AREAS] = {"areas", 0, "TEXT", N_("cycle: the areas or paragraphs the plan covers")},
	[OPT_PERIOD] = {"period", 0, "TEXT", N_("cycle: the plan's period, as written")},
	[OPT_DEADLINE] = {"deadline", 0, "DATE", N_("cycle: the deadline of an order (YYYY-MM-DD)")},
	[OPT_TEXT] = {"text", 0, "TEXT", N_("cycle: which committee, what a report says, a note")},
	[OPT_DATA] = {"data", 0, "DIR", N_("your own data, read beside the shipped datasets and written\n"
		"by import, fetch and comments (default:\n"
		"$XDG_DATA_HOME/ankekort/data); or a downloaded file, read\n"
		"as import would, without writing")},
	[OPT_NO_SHIPPED] = {"no-shipped", 0, NULL, N_("leave the shipped datasets' figures out")},
	[OPT_LENIENT] = {"lenient", 0, NULL, N_("skip rows with errors instead of refusing to start")},
	[OPT_VERBOSE] = {"verbose", 0, NULL, N_("every warning of the data (one said for many\n"
		"municipalities is otherwise said once)")},
	[OPT_LIST_KOMMUNER] = {"list-kommuner", 0, NULL, N_("print the municipalities' names (for shell completion)")},
	[OPT_LANG] = {"lang", 0, "LANG", N_("language: da or en (default: from the environment)")},
	[OPT_NO_COLOR] = {"no-color", 0, NULL, N_("monochrome browser (also when NO_COLOR is set)")},
	[OPT_NO_MOUSE] = {"no-mouse", 0, NULL, N_("do not capture the mouse in the browser")},
	[OPT_HELP] = {"help", 'h', NULL, N_("show this help and exit")},
	[OPT_VERSION] = {"version", 'V', NULL, N_("show the version and exit")},
};
/* clang-format on */

const struct cli_opt_def *cli_opt(enum cli_opt id)
{
	return &opt_defs[id];
}
