/* The Talportal's Excel table without an archive: numbers as the CSV writes
 * them, cell names, and sheets built cell by cell unpivoted into the CSV's
 * rows (both header orders the same, merged and blank headers, zeros,
 * the footer, blank rows and ids left blank). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/diag.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/import/xlsxgrid.h"
#include "ankekort/import/xlsxpivot.h"

static char *number(const char *v, bool percent)
{
	struct sbuf b = {0};
	if (!xlsx_number_text(&b, v, percent))
		sbuf_puts(&b, "(none)");
	return sbuf_take(&b);
}

#define assert_number(v, pct, want)                                                                \
	do {                                                                                       \
		char *got_ = number(v, pct);                                                       \
		assert_string_equal(got_, want);                                                   \
		free(got_);                                                                        \
	} while (0)

static void test_numbers(void **state)
{
	(void)state;
	assert_number("182", false, "182");
	assert_number("0", false, "0");
	assert_number("0.0", false, "0");
	assert_number("39.560439560439562", false, "39,560439560439562");
	assert_number("0.3956043956043956", true, "39,56043956043956");
	assert_number("0.5", true, "50");
	assert_number("1", true, "100");
	assert_number("0.001", true, "0,1");
	assert_number("1.5E-2", false, "0,015");
	assert_number("1.5E-2", true, "1,5");
	assert_number("2E3", false, "2000");
	assert_number("-4.25", false, "-4,25");
	assert_number("007", false, "7");
	assert_number("", false, "(none)");
	assert_number("12a", false, "(none)");
	assert_number("1E999", false, "(none)");
	assert_number("#DIV/0!", false, "(none)");
}

static void test_cell_names(void **state)
{
	(void)state;
	char b[16];
	assert_string_equal(xlsx_cell_name(7, 3, b), "C7");
	assert_string_equal(xlsx_cell_name(1, 26, b), "Z1");
	assert_string_equal(xlsx_cell_name(1, 27, b), "AA1");
	assert_string_equal(xlsx_cell_name(1048576, 16384, b), "XFD1048576");
	uint32_t r, c;
	assert_true(xlsx_parse_ref("XFD1048576", &r, &c));
	assert_int_equal(r, 1048576);
	assert_int_equal(c, 16384);
	assert_true(xlsx_parse_ref("AA10", &r, &c));
	assert_int_equal(c, 27);
	assert_false(xlsx_parse_ref("XFE1", &r, &c));
	assert_false(xlsx_parse_ref("A1048577", &r, &c));
	assert_false(xlsx_parse_ref("A0", &r, &c));
	assert_false(xlsx_parse_ref("1A", &r, &c));
	assert_false(xlsx_parse_ref("a1", &r, &c));
}

/* ---- sheets made cell by cell -------------------------------------------------------- */

static void text(struct xlsx_sheet *s, uint32_t row, uint32_t col, const char *v)
{
	xlsx_sheet_put(s, row, col, XLSX_TEXT, false, v, strlen(v));
}

static void num(struct xlsx_sheet *s, uint32_t row, uint32_t col, const char *v)
{
	xlsx_sheet_put(s, row, col, XLSX_NUMBER, false, v, strlen(v));
}

static void merge(struct xlsx_sheet *s, uint32_t r1, uint32_t c1, uint32_t r2, uint32_t c2)
{
	xlsx_sheet_merge(s, (struct xlsx_range){r1, c1, r2, c2});
}

/* Every row the pivot gives, as "line: a;b;c" lines. */
static bool collect(void *ctx, const struct csv_row *row)
{
	struct sbuf *out = ctx;
	sbuf_printf(out, "%d:", row->line);
	for (size_t i = 0; i < row->n; i++)
		sbuf_printf(out, "%s%s", i ? ";" : " ", row->fields[i]);
	sbuf_putc(out, '\n');
	return true;
}

static char *unpivot(struct xlsx_sheet *s, struct diag_list *d, struct xlsx_pivot *p)
{
	const struct xlsx_cell *dup;
	assert_true(xlsx_sheet_sort(s, &dup));
	if (!xlsx_pivot_plan(p, s, "t.xlsx", d))
		return NULL;
	struct sbuf out = {0};
	xlsx_pivot_rows(p, collect, &out);
	return sbuf_take(&out);
}

static const char *const measures[] = {"Realitetsbehandlede sager i alt", "Hjemviste sager"};

/* Two municipalities, two periods, two measures: cases and remanded. */
static const char *const values[2][2][2] = {
	/* [row][period][measure] */
	{{"40", "14"}, {"0", "0"}},
	{{"30", "0"}, {"25", "5"}},
};

static void ids(struct xlsx_sheet *s, uint32_t head)
{
	text(s, head, 1, "Kommune");
	text(s, head, 2, "Lovgivning");
	text(s, head, 3, "Sagsemne");
	const char *munis[] = {"Århus", "Ålborg"};
	for (uint32_t r = 0; r < 2; r++) {
		text(s, 3 + r, 1, munis[r]);
		text(s, 3 + r, 2, "Serviceloven");
		text(s, 3 + r, 3, "I alt");
	}
	text(s, 7, 1, "Kilde: Ankestyrelsen ( 2023 )");
}

static const char expected[] =
	"2: Kommune;Lovgivning;Sagsemne;periode;Realitetsbehandlede sager i alt;Hjemviste sager\n"
	"3: Århus;Serviceloven;I alt;2022;40;14\n"
	"3: Århus;Serviceloven;I alt;2023;NA;NA\n"
	"4: Ålborg;Serviceloven;I alt;2022;30;0\n"
	"4: Ålborg;Serviceloven;I alt;2023;25;5\n";

static void test_measure_on_top(void **state)
{
	(void)state;
	struct xlsx_sheet s = {0};
	ids(&s, 2);
	for (uint32_t m = 0; m < 2; m++) {
		text(&s, 1, 4 + 2 * m, measures[m]); /* merged over its two periods */
		merge(&s, 1, 4 + 2 * m, 1, 5 + 2 * m);
		for (uint32_t t = 0; t < 2; t++) {
			num(&s, 2, 4 + 2 * m + t, t ? "2023" : "2022");
			for (uint32_t r = 0; r < 2; r++)
				num(&s, 3 + r, 4 + 2 * m + t, values[r][t][m]);
		}
	}
	text(&s, 2, 8, "I alt"); /* a total column: no period, not used */
	num(&s, 3, 8, "54");
	struct diag_list d = {0};
	struct xlsx_pivot p;
	char *rows = unpivot(&s, &d, &p);
	assert_non_null(rows);
	assert_string_equal(rows, expected);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.count, 1);
	assert_string_equal(d.items[0].msg, "sheet \"\" rows 1-2: columns that are not a period of "
					    "a measure, not used (1): H2 \"I alt\"");
	assert_int_equal(p.zeros, 1);
	assert_string_equal(p.zero_examples.data, "E3 Århus Serviceloven I alt 2023");
	assert_int_equal(p.footer_year, 2023);
	assert_int_equal(p.end_data, 7);
	free(rows);
	xlsx_pivot_free(&p);
	diag_list_free(&d);
	xlsx_sheet_free(&s);
}

/* Period over measure, the group header not merged but left blank, the ids
 * merged over both header rows, a blank row, Kommune left blank below. */
static void test_period_on_top(void **state)
{
	(void)state;
	struct xlsx_sheet s = {0};
	ids(&s, 1);
	for (uint32_t c = 1; c <= 3; c++)
		merge(&s, 1, c, 2, c);
	for (uint32_t t = 0; t < 2; t++) {
		text(&s, 1, 4 + 2 * t, t ? "2023" : "2022"); /* a text, not a number */
		for (uint32_t m = 0; m < 2; m++) {
			text(&s, 2, 4 + 2 * t + m, measures[m]);
			for (uint32_t r = 0; r < 2; r++)
				num(&s, 3 + r, 4 + 2 * t + m, values[r][t][m]);
		}
	}
	struct diag_list d = {0};
	struct xlsx_pivot p;
	char *rows = unpivot(&s, &d, &p);
	assert_non_null(rows);
	assert_string_equal(rows, expected);
	free(rows);
	xlsx_pivot_free(&p);
	diag_list_free(&d);
	xlsx_sheet_free(&s);
}

static void test_blank_ids_repeat(void **state)
{
	(void)state;
	struct xlsx_sheet s = {0};
	text(&s, 2, 1, "Kommune");
	text(&s, 2, 2, "Sagsemne");
	text(&s, 1, 3, "Hjemviste sager");
	num(&s, 2, 3, "2022");
	text(&s, 3, 1, "Århus");
	text(&s, 3, 2, "I alt");
	num(&s, 3, 3, "7");
	text(&s, 4, 2, "§ 41"); /* Kommune left blank: Århus still */
	num(&s, 4, 3, "3");
	num(&s, 6, 3, "1"); /* after a blank row */
	struct diag_list d = {0};
	struct xlsx_pivot p;
	char *rows = unpivot(&s, &d, &p);
	assert_non_null(rows);
	assert_string_equal(rows, "2: Kommune;Lovgivning;Sagsemne;periode;Hjemviste sager\n"
				  "3: Århus;;I alt;2022;7\n"
				  "4: Århus;;§ 41;2022;3\n"
				  "6: Århus;;§ 41;2022;1\n");
	assert_int_equal(p.zeros, 0); /* no cases column: nothing to tell */
	assert_int_equal(d.count, 1); /* no Lovgivning column: said */
	assert_non_null(strstr(d.items[0].msg, "no Lovgivning column"));
	free(rows);
	xlsx_pivot_free(&p);
	diag_list_free(&d);
	xlsx_sheet_free(&s);
}

static void test_not_a_table(void **state)
{
	(void)state;
	struct xlsx_sheet s = {0};
	text(&s, 1, 1, "Noget andet");
	text(&s, 2, 1, "Kommune");
	text(&s, 2, 2, "Sagsemne");
	text(&s, 1, 3, "Hjemviste sager");
	text(&s, 2, 3, "Hele perioden"); /* no period anywhere */
	struct diag_list d = {0};
	struct xlsx_pivot p;
	assert_null(unpivot(&s, &d, &p));
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.items[0].msg, "no period"));
	xlsx_pivot_free(&p);
	diag_list_free(&d);
	xlsx_sheet_free(&s);

	struct xlsx_sheet t = {0};
	text(&t, 1, 1, "Kommune");
	text(&t, 1, 2, "Sagsemne");
	text(&t, 1, 3, "Hjemviste sager");
	text(&t, 1, 4, "Hjemviste sager");
	text(&t, 2, 3, "2022");
	text(&t, 2, 4, "2022"); /* the same period twice under one measure */
	struct diag_list e = {0};
	assert_null(unpivot(&t, &e, &p));
	assert_non_null(strstr(e.items[0].msg, "C2 and D2: both are \"Hjemviste sager\" in 2022"));
	xlsx_pivot_free(&p);
	diag_list_free(&e);
	xlsx_sheet_free(&t);

	struct xlsx_sheet u = {0};
	text(&u, 3, 3, "x");
	text(&u, 3, 3, "y");
	const struct xlsx_cell *dup;
	assert_false(xlsx_sheet_sort(&u, &dup));
	assert_int_equal(dup->row, 3);
	xlsx_sheet_free(&u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),		 cmocka_unit_test(test_cell_names),
		cmocka_unit_test(test_measure_on_top),	 cmocka_unit_test(test_period_on_top),
		cmocka_unit_test(test_blank_ids_repeat), cmocka_unit_test(test_not_a_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
