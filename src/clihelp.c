/* clihelp.c - the help texts of the command line: the whole help and each
 * command's own (cli.c parses). */
#include "ankekort/cli.h"
#include "ankekort/base/i18n.h"

#include <stdio.h>

#include "ankekort/browse/action.h"

/* The browser's keys, from the one binding table (part of --help). */
static void cli_keys(FILE *out);

void clihelp_usage(FILE *out)
{
	fputs(_("Usage: ankekort [COMMAND] [OPTIONS]\n"
		"Browse Ankestyrelsen's reversal rates (omgørelsesprocenter) per municipality.\n"
		"\n"
		"Commands:\n"
		"  (none)             open the browser in the terminal\n"
		"  print              print figures, one row per year, municipality and area\n"
		"  check              list every load problem, inconsistency and disagreement\n"
		"  faktaark           the committee fact sheet for one municipality and year\n"
		"  import FILE...     add Statistikbanken, Talportal or spreadsheet files to "
		"your data\n"
		"  fetch              import Ankestyrelsen's tables from a Statistikbank API\n"
		"  register ACTION    the register of remanded cases: add, list, edit, delete\n"
		"\n"
		"Options:\n"
		"  -k, --kommune NAME select a municipality by name or code (repeatable);\n"
		"                     \"Århus\", \"aarhus\" and 751 all find Aarhus\n"
		"  -a, --area AREA    generelt, boernehandicap, voksenhandicap or all\n"
		"  -y, --year YYYY    a year, or all\n"
		"  -f, --format FMT   output format: text (default), csv, md or html;\n"
		"                     for import: dst, talportal or sheet (default: detected)\n"
		"      --peers SET    faktaark peers: 6byer (default), region, or CODE,CODE,...\n"
		"      --cells STYLE  faktaark peer cells: compact (default) or papers\n"
		"      --prose        faktaark: only the paragraphs a sagsfremstilling opens with\n"
		"  -o, --output FILE  faktaark: write to FILE (complete or not at all)\n"
		"      --force        overwrite an existing output file\n"
		"      --into DIR     import, fetch: the directory to add to (default: --data)\n"
		"      --dry-run      import: report what would be added, write nothing\n"
		"      --source TEXT  import: the source named in the rows\n"
		"      --columns SPEC import: which column is which in a Statistikbanken file,\n"
		"                     e.g. municipality=1,law=2,decision=3,period=4,value=5\n"
		"      --years Y1-Y2  fetch: the years to download (default: all); faktaark: the\n"
		"                     years of the sheet, a table per year\n"
		"      --table NAME   fetch: the table (default: found in the API's table list)\n"
		"      --api-url URL  fetch: the API (default: https://api.statbank.dk/v1)\n"
		"      --timeout SECS fetch: give up after SECS seconds in all (default "
		"120)\n"
		"      --max-mib N    fetch: refuse a download larger than N MiB (default 512)\n"
		"      --register FILE the register of remanded cases (default:\n"
		"                     $XDG_DATA_HOME/ankekort/register.csv)\n"
		"      --id N --paragraph P --remanded DATE --decided DATE --outcome O\n"
		"      --reason R --note TEXT   register: an entry's number and fields\n"
		"                     (see 'ankekort register --help')\n"
		"      --data DIR     your own data, read beside the shipped datasets and written\n"
		"                     by import, fetch and comments (default:\n"
		"                     $XDG_DATA_HOME/ankekort/data); or a downloaded file, read\n"
		"                     as import would, without writing\n"
		"      --no-shipped   leave the shipped datasets' figures out\n"
		"      --lenient      skip rows with errors instead of refusing to start\n"
		"      --verbose      every warning of the data (one said for many\n"
		"                     municipalities is otherwise said once)\n"
		"      --lang LANG    language: da or en (default: from the environment)\n"
		"      --no-color     monochrome browser (also when NO_COLOR is set)\n"
		"      --no-mouse     do not capture the mouse in the browser\n"
		"  -h, --help         show this help and exit\n"
		"  -V, --version      show the version and exit\n"
		"\n"
		"Exit status: 0 success, 1 data errors, 2 usage errors.\n"),
	      out);
	cli_keys(out);
}

/* The help of one command; the browser (no command) gets the whole help. */
void clihelp_command(FILE *out, enum cli_command cmd)
{
	switch (cmd) {
	case CMD_PRINT:
		fputs(_("Usage: ankekort print [--kommune NAME|CODE]... [--area AREA|all] [--year "
			"YYYY|all]\n"
			"                      [--format text|csv|md|html] [--data DIR] "
			"[--no-shipped] [--lenient]\n"
			"Print figures, one row per year, municipality and area with a figure.\n"
			"\n"
			"  -k, --kommune NAME  a municipality by name or code (repeatable)\n"
			"  -a, --area AREA     generelt, boernehandicap, voksenhandicap (or the "
			"Danish\n"
			"                      names, any case), or all\n"
			"  -y, --year YYYY     a year, or all\n"
			"  -f, --format FMT    text (default), csv, md or html\n"
			"      --data DIR      your data (a directory or a downloaded file), read "
			"beside\n"
			"                      the shipped datasets\n"
			"      --no-shipped    leave the shipped datasets' figures out\n"
			"      --lenient       skip rows with errors instead of refusing\n"
			"      --verbose       every warning of the data (one said for many\n"
			"                      municipalities is otherwise said once)\n"),
		      out);
		break;
	case CMD_CHECK:
		fputs(_("Usage: ankekort check [--data DIR] [--no-shipped]\n"
			"List every load problem, inconsistency and disagreement between sources, "
			"each\n"
			"with file:line:column. Exits 1 when there are errors, 0 when only "
			"warnings.\n"),
		      out);
		break;
	case CMD_FAKTAARK:
		fputs(_("Usage: ankekort faktaark --kommune NAME [--year YYYY] [--peers SET]\n"
			"                         [--format md|text|csv|html] [--cells STYLE]\n"
			"                         [-o FILE [--force]]\n"
			"The committee fact sheet for one municipality and year.\n"
			"\n"
			"  -k, --kommune NAME  the municipality (one)\n"
			"  -y, --year YYYY     the year (default: the newest with a figure for "
			"it)\n"
			"      --peers SET     6byer (default), region, or CODE,CODE,...\n"
			"  -f, --format FMT    md (default), text, csv or html\n"
			"      --cells STYLE   the peer table's cells: compact (default, \"39 (33 "
			"/ 6)\")\n"
			"                      or papers (\"39 pct. (heraf 33 pct. hjemviste og 6 "
			"pct.\n"
			"                      ændrede)\", as the committee papers write them)\n"
			"  -o, --output FILE   write FILE completely or not at all; its ending "
			"(.md,\n"
			"                      .csv, .txt, .html) chooses the format\n"
			"      --force         overwrite an existing FILE\n"),
		      out);
		fputs(_("      --years Y1-Y2   one sheet with a table per year, the newest first\n"
			"  -a, --area AREA     a sheet of one area\n"
			"      --prose         only the paragraphs a sagsfremstilling opens "
			"with\n"),
		      out);
		break;
	case CMD_IMPORT:
		fputs(_("Usage: ankekort import FILE... [--into DIR] [--dry-run] [--format FMT]\n"
			"                       [--year Y --area A] [--source TEXT] [--columns "
			"SPEC]\n"
			"Add Statistikbanken, Talportal or spreadsheet files, as downloaded, to "
			"your\n"
			"data directory ($XDG_DATA_HOME/ankekort/data, or --data DIR); never to "
			"the\n"
			"shipped datasets.\n"
			"\n"
			"      --into DIR      the directory to add to (default: your data "
			"directory)\n"
			"      --dry-run       report what would be added, write nothing\n"
			"  -f, --format FMT    dst, talportal or sheet (default: detected)\n"
			"  -y, -a              the year and area of a sheet without those columns\n"
			"      --source TEXT   the source named in the rows\n"
			"      --columns SPEC  which column is which in a Statistikbanken file, "
			"e.g.\n"
			"                      municipality=1,law=2,decision=3,period=4,value=5\n"),
		      out);
		break;
	case CMD_FETCH:
		fputs(_("Usage: ankekort fetch [--years Y1-Y2] [--into DIR] [--dry-run] [--table "
			"NAME]\n"
			"                      [--api-url URL] [--timeout SECS] [--max-mib N]\n"
			"Find Ankestyrelsen's tables in a Statistikbank API's table list (or a "
			"hosted\n"
			"databank: --api-url .../v1/sNN) and import them into your data directory\n"
			"($XDG_DATA_HOME/ankekort/data, or --data DIR); never into the shipped "
			"datasets.\n"
			"Where there is no such table, say where the figures are published now.\n"
			"\n"
			"      --years Y1-Y2   the years (default: all)\n"
			"      --into DIR      the directory to add to (default: your data "
			"directory)\n"
			"      --dry-run       report what would be added, write nothing\n"
			"      --table NAME    the table (default: the first of the table list "
			"that fits)\n"
			"      --api-url URL   the API (default: https://api.statbank.dk/v1)\n"
			"      --timeout SECS  give up after SECS seconds in all (default "
			"120)\n"
			"      --max-mib N     refuse a download over N MiB (default 512)\n"),
		      out);
		break;
	case CMD_REGISTER:
		fputs(_("Usage: ankekort register add|list|edit|delete [--register FILE] "
			"[OPTIONS]\n"
			"The register of remanded cases: what happened to each case Ankestyrelsen\n"
			"sent back. No names and no CPR numbers: a field that looks like one is "
			"refused.\n"
			"\n"
			"  add     --kommune K --area A --year Y --remanded DATE [--paragraph P]\n"
			"          [--decided DATE] [--outcome O] [--reason R] [--note TEXT]\n"
			"  list    [--kommune K] [--area A] [--year Y] [--format text|csv]\n"
			"  edit    --id N and the fields to change (--decided \"\" clears a date)\n"
			"  delete  --id N\n"
			"\n"
			"      --register FILE the register (default: "
			"$XDG_DATA_HOME/ankekort/register.csv)\n"
			"      --id N          the entry's number, as list shows it\n"
			"      --paragraph P   the paragraph the decision was made under, e.g. \"§ "
			"41\"\n"
			"      --remanded DATE the day Ankestyrelsen remanded the case "
			"(YYYY-MM-DD)\n"
			"      --decided DATE  the day of the new decision (YYYY-MM-DD)\n"
			"      --outcome O     pending (default), favour, partly, same, withdrawn "
			"or\n"
			"                      appealed_again\n"
			"      --reason R      why it was remanded: information, hearing, reasons "
			"or other\n"
			"      --note TEXT     a note, never a name\n"),
		      out);
		break;
	default: clihelp_usage(out); return;
	}
	fputs(_("\nSee 'ankekort --help' for every option.\n"), out);
}

static void cli_keys(FILE *out)
{
	fprintf(out, "\n%s\n", _("Keys in the browser:"));
	char keys[128];
	for (int act = ACT_NONE + 1; act < ACT_COUNT; act++) {
		action_keys((enum ak_action)act, keys, sizeof keys);
		if (keys[0])
			fprintf(out, "  %-22s %s\n", keys, action_help((enum ak_action)act));
	}
}
