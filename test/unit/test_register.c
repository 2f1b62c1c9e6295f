/* test_register.c - the register of remanded cases: what counts as a CPR
 * number, the checks of an entry, and the tally. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/data/regtally.h"
#include "test_common.h"

static void test_cpr(void **state)
{
	(void)state;
	assert_true(register_looks_like_cpr("010203-1234"));
	assert_true(register_looks_like_cpr("borger 0102031234 klagede"));
	assert_true(register_looks_like_cpr("311299 1234"));
	assert_false(register_looks_like_cpr("§ 41"));
	assert_false(register_looks_like_cpr("2021-03-02"));
	assert_false(
		register_looks_like_cpr("12345678901")); /* eleven digits: a number, not a CPR */
	assert_false(register_looks_like_cpr("991399-1234")); /* no month 13 */
	assert_false(register_looks_like_cpr("sag 4455"));
	/* issue 23: what passed the guard before */
	assert_true(register_looks_like_cpr("010203\xE2\x80\x93"
					    "1234")); /* an en dash */
	assert_true(register_looks_like_cpr("010203\xE2\x88\x92"
					    "1234"));	       /* a minus sign */
	assert_true(register_looks_like_cpr("01.02.03-1234")); /* dots */
	assert_true(register_looks_like_cpr("010203.1234"));
	assert_true(register_looks_like_cpr("borger 01 02 03 1234 klagede")); /* spaces */
	assert_true(register_looks_like_cpr("010203 - 1234"));
	assert_true(register_looks_like_cpr("010203\xC2\xA0"
					    "1234")); /* a no-break space */
	assert_true(register_looks_like_cpr(	      /* full-width digits and hyphen */
					    "\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x92"
					    "\xEF\xBC\x90\xEF\xBC\x93\xEF\xBC\x8D\xEF\xBC\x91"
					    "\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94"));
	assert_true(register_looks_like_cpr("2021-03-02 0102031234")); /* after a date */
	assert_false(register_looks_like_cpr("2021-03-02-1234"));
	assert_false(register_looks_like_cpr("01.02.2003 1234"));
	assert_false(register_looks_like_cpr("1.234.567.890 kr."));
	assert_false(register_looks_like_cpr("tlf. 12 34 56 78"));
}

static struct reg_entry entry(const char *remanded, const char *decided, enum reg_outcome o)
{
	static char paragraph[] = "§ 41", note[] = "";
	struct reg_entry e = {.code = 250,
			      .area = AREA_BOERNEHANDICAP,
			      .year = 2021,
			      .outcome = o,
			      .paragraph = paragraph,
			      .note = note};
	snprintf(e.remanded, sizeof e.remanded, "%s", remanded);
	snprintf(e.decided, sizeof e.decided, "%s", decided);
	return e;
}

static void test_check(void **state)
{
	(void)state;
	char *why;
	struct reg_entry e = entry("2021-03-02", "2021-06-01", REG_FAVOUR);
	assert_true(register_check(&e, &ds, &why));
	e = entry("2021-03-02", "", REG_PENDING);
	assert_true(register_check(&e, &ds, &why));
	e = entry("2021-03-02", "2021-06-01", REG_PENDING);
	assert_false(register_check(&e, &ds, &why));
	assert_non_null(strstr(why, "not pending"));
	free(why);
	e = entry("2024-02-29", "", REG_WITHDRAWN); /* a leap day */
	assert_true(register_check(&e, &ds, &why));
	e = entry("2023-02-29", "", REG_WITHDRAWN);
	assert_false(register_check(&e, &ds, &why));
	free(why);
	e = entry("2021-03-02", "", REG_PENDING);
	e.code = 0; /* the national row is no municipality */
	assert_false(register_check(&e, &ds, &why));
	free(why);
}

static void test_tally(void **state)
{
	(void)state;
	struct reg r = {.next_id = 1};
	struct reg_entry a = entry("2021-03-02", "2021-06-01", REG_FAVOUR);
	struct reg_entry b = entry("2021-03-10", "", REG_PENDING);
	struct reg_entry c = entry("2021-03-10", "2021-05-01", REG_SAME);
	a.paragraph = strdup("§ 41"), a.note = strdup("");
	b.paragraph = strdup(""), b.note = strdup("");
	c.paragraph = strdup("§ 41"), c.note = strdup(""), c.area = AREA_GENERELT;
	b.reason = REG_HEARING;
	register_add(&r, &a);
	register_add(&r, &b);
	register_add(&r, &c);
	assert_int_equal(r.e[2].id, 3);
	struct reg_tally t;
	register_tally(&r, 250, 2021, AREA_BOERNEHANDICAP, "2021-04-09", &t);
	assert_int_equal(t.n, 2);
	assert_int_equal(t.outcome[REG_FAVOUR], 1);
	assert_int_equal(t.outcome[REG_PENDING], 1);
	assert_int_equal(t.reason[REG_HEARING], 1);
	assert_int_equal(t.pending_days_max, 30); /* 10 March to 9 April */
	assert_int_equal(t.n_paragraphs, 2);
	reg_tally_free(&t);
	register_tally(&r, 250, 2021, -1, "2021-04-09", &t);
	assert_int_equal(t.n, 3);
	reg_tally_free(&t);
	assert_true(register_delete(&r, 2));
	assert_false(register_delete(&r, 2));
	assert_int_equal(r.n, 2);
	register_free(&r);
}

/* issue 23: the highest number given is kept in the file, never given
 * again, and the last one possible is refused at adding */
static void test_numbers(void **state)
{
	(void)state;
	static const char v2[] =
		"ankekort register 2 last_id=9\n"
		"id,code,area,year,paragraph,remanded,decided,outcome,reason,note\n"
		"2,250,generelt,2021,,2021-03-02,,pending,,\n";
	struct reg r = {.path = strdup("r.csv")};
	struct diag_list d = {0};
	assert_true(register_parse(&r, v2, sizeof v2 - 1, &d));
	assert_int_equal(r.n, 1);
	assert_int_equal(r.next_id, 10);
	struct reg_entry e = entry("2021-03-02", "", REG_PENDING);
	e.paragraph = strdup(""), e.note = strdup("");
	assert_true(register_add(&r, &e));
	assert_int_equal(r.e[1].id, 10);
	struct reg_entry copy;
	reg_entry_copy(&copy, &r.e[1]);
	assert_true(reg_entry_same(&copy, &r.e[1]));
	free(copy.note);
	copy.note = strdup("x");
	assert_false(reg_entry_same(&copy, &r.e[1]));
	reg_entry_free(&copy);
	r.next_id = REG_MAX_ID + 1;
	e = entry("2021-03-02", "", REG_PENDING);
	assert_false(register_add(&r, &e));
	register_free(&r);
	static const char bad[] = "ankekort register 2 last_id=x\nid\n";
	r = (struct reg){.path = strdup("r.csv")};
	assert_false(register_parse(&r, bad, sizeof bad - 1, &d));
	register_free(&r);
	diag_list_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cpr),
		cmocka_unit_test_setup_teardown(test_check, setup_shipped, teardown_shipped),
		cmocka_unit_test(test_tally),
		cmocka_unit_test(test_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
