/* columns.c - which column of a file is which, by its header: each
 * format's header aliases, and a header mapped to column roles. */
#include "columns.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "importer.h"

static const struct alias dst_aliases[] = {
	{"omraade", COL_MUNI, 0},
	{"omrade", COL_MUNI, 0},
	{"kommune", COL_MUNI, 0},
	{"komk", COL_MUNI, 0},
	{"kommunekode", COL_MUNI, 0},
	{"municipality", COL_MUNI, 0},
	{"lov", COL_LAW, 0},
	{"lovgivning", COL_LAW, 0},
	{"law", COL_LAW, 0},
	{"lovgrundlag", COL_LAW, 0},
	{"legal basis", COL_LAW, 0},
	{"lovomraade", COL_LAW, 0},
	{"legislation", COL_LAW, 0},
	{"paragraf", COL_PAR, 0},
	{"paragraph", COL_PAR, 0},
	{"bestemmelse", COL_PAR, 0},
	{"sagsemne", COL_PAR, 0},
	{"emne", COL_PAR, 0},
	{"ydelse", COL_PAR, 0},
	{"par", COL_PAR, 0},
	{"afgoerelse", COL_DECISION, 0},
	{"afgorelse", COL_DECISION, 0},
	{"afgtype", COL_DECISION, 0},
	{"afgoerelsestype", COL_DECISION, 0},
	{"udfald", COL_DECISION, 0},
	{"resultat", COL_DECISION, 0},
	{"decision", COL_DECISION, 0},
	{"outcome", COL_DECISION, 0},
	{"afg", COL_DECISION, 0},
	{"tid", COL_PERIOD, 0},
	{"time", COL_PERIOD, 0},
	{"indhold", COL_VALUE, 0},
	{"content", COL_VALUE, 0},
	{"value", COL_VALUE, 0},
};

static const struct alias talportal_aliases[] = {
	{"kommune", COL_MUNI, 0},
	{"lovgivning", COL_LAW, 0},
	{"sagsemne", COL_PAR, 0},
	{"periode", COL_PERIOD, 0},
	{"realitetsbehandlede sager i alt", COL_MEASURE, M_CASES},
	{"realitetsbehandlede sager", COL_MEASURE, M_CASES},
	{"stadfaestede sager", COL_MEASURE, M_UPHELD},
	{"aendrede/ophaevede sager", COL_MEASURE, M_CHANGED},
	{"hjemviste sager", COL_MEASURE, M_REMANDED},
	{"omgjorte sager", COL_MEASURE, M_REVERSED},
	{"omgoerelsesprocent", COL_MEASURE, M_RATE},
	{"hjemvisningsprocent", COL_MEASURE, M_REM_PCT},
	{"aendringsprocent", COL_MEASURE, M_CHG_PCT},
	{"afviste sager", COL_MEASURE, M_DISMISSED},
};

static const struct alias sheet_aliases[] = {
	{"kommune", COL_MUNI, 0},
	{"kommunenavn", COL_MUNI, 0},
	{"municipality", COL_MUNI, 0},
	{"navn", COL_MUNI, 0},
	{"kommunekode", COL_CODE, 0},
	{"kode", COL_CODE, 0},
	{"code", COL_CODE, 0},
	{"aar", COL_YEAR, 0},
	{"year", COL_YEAR, 0},
	{"omraade", COL_AREA, 0},
	{"area", COL_AREA, 0},
	{"danmarkskort", COL_AREA, 0},
	{"antal sager", COL_MEASURE, M_CASES},
	{"antal realitetsbehandlede sager", COL_MEASURE, M_CASES},
	{"realitetsbehandlede sager", COL_MEASURE, M_CASES},
	{"realitetsbehandlede", COL_MEASURE, M_CASES},
	{"sager", COL_MEASURE, M_CASES},
	{"cases", COL_MEASURE, M_CASES},
	{"stadfaestet", COL_MEASURE, M_UPHELD},
	{"stadfaestede", COL_MEASURE, M_UPHELD},
	{"stadfaestede sager", COL_MEASURE, M_UPHELD},
	{"hjemvist", COL_MEASURE, M_REMANDED},
	{"hjemviste", COL_MEASURE, M_REMANDED},
	{"hjemviste sager", COL_MEASURE, M_REMANDED},
	{"aendret/ophaevet", COL_MEASURE, M_CHANGED},
	{"aendret", COL_MEASURE, M_CHANGED},
	{"aendrede/ophaevede sager", COL_MEASURE, M_CHANGED},
	{"omgjort", COL_MEASURE, M_REVERSED},
	{"omgjorte", COL_MEASURE, M_REVERSED},
	{"omgjorte sager", COL_MEASURE, M_REVERSED},
	{"afviste sager", COL_MEASURE, M_DISMISSED},
	{"omgoerelsesprocent", COL_MEASURE, M_RATE},
	{"omgoerelsesprocent (%)", COL_MEASURE, M_RATE},
	{"omgoerelses pct", COL_MEASURE, M_RATE},
	{"hjemvisningsprocent", COL_MEASURE, M_REM_PCT},
	{"hjemvist (%)", COL_MEASURE, M_REM_PCT},
	{"aendringsprocent", COL_MEASURE, M_CHG_PCT},
	{"aendret/ophaevet (%)", COL_MEASURE, M_CHG_PCT},
};

const struct alias *imp_find_alias(const struct alias *a, size_t n, const char *name)
{
	struct sbuf f = {0};
	textfmt_fold(&f, name);
	const struct alias *hit = NULL;
	for (size_t i = 0; i < n && !hit; i++)
		if (strcmp(sbuf_str(&f), a[i].name) == 0)
			hit = &a[i];
	sbuf_free(&f);
	return hit;
}

void imp_map_header(const struct csv_row *row, const struct alias *a, size_t n,
		    struct header_map *m, struct importer *im)
{
	for (int r = 0; r < COL_ROLES; r++)
		m->col[r] = -1;
	for (int k = 0; k < M_COUNT; k++)
		m->meas_col[k] = -1;
	m->unknown = false;
	for (size_t i = 0; i < row->n; i++) {
		const struct alias *hit = imp_find_alias(a, n, row->fields[i]);
		if (!hit) {
			m->unknown = true;
			/* the position costs a walk along the row: only for a
			 * message that is kept (a hundred at most) */
			if (im) {
				int line = row->line, col = 0;
				if (diag_wanted(&im->res->report, im->path))
					csv_row_pos(row, i, &line, &col);
				diag_add(&im->res->report, DIAG_WARNING, im->path, line, col,
					 "column \"%s\" is not one ankekort knows; its values are "
					 "not used",
					 row->fields[i]);
			}
			continue;
		}
		if (hit->role == COL_MEASURE && m->meas_col[hit->meas] < 0)
			m->meas_col[hit->meas] = (int)i;
		else if (m->col[hit->role] < 0)
			m->col[hit->role] = (int)i;
	}
}

char *imp_header_text(const struct csv_row *row)
{
	struct sbuf b = {0};
	for (size_t i = 0; i < row->n; i++)
		sbuf_printf(&b, "%s%s", i ? ";" : "", row->fields[i]);
	struct sbuf e = {0};
	textfmt_fit(&e, sbuf_str(&b), 200, false, true);
	sbuf_free(&b);
	return sbuf_take(&e);
}

bool imp_any_measure(const struct header_map *m)
{
	for (int k = 0; k < M_COUNT; k++)
		if (m->meas_col[k] >= 0)
			return true;
	return false;
}

const struct alias_table imp_dst_aliases = {dst_aliases,
					    sizeof dst_aliases / sizeof dst_aliases[0]};
const struct alias_table imp_talportal_aliases = {
	talportal_aliases, sizeof talportal_aliases / sizeof talportal_aliases[0]};
const struct alias_table imp_sheet_aliases = {sheet_aliases,
					      sizeof sheet_aliases / sizeof sheet_aliases[0]};
