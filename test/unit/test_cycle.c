/* test_cycle.c - the § 79 b cycle: the rules table (which rules bind which
 * year's maps), the cycle record (reading, writing, numbering) and what is
 * due on a given day. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ankekort/data/cycle.h"
#include "ankekort/data/cycledue.h"
#include "ankekort/data/cyclerules.h"
#include "ankekort/output/cycletext.h"
#include "ankekort/data/register.h"
#include "test_common.h"

static long day(const char *s)
{
	long d = register_day(s);
	assert_true(d >= 0);
	return d;
}

/* The shipped table: stk. 1 always, stk. 2-3 from 1 July 2022, each with
 * its source. */
static void test_shipped_rules(void **state)
{
	(void)state;
	assert_int_equal(ds.n_rules, 4);
	for (size_t i = 0; i < ds.n_rules; i++) {
		assert_true(ds.rules[i].source.text[0]);
		assert_true(strncmp(ds.rules[i].source.url, "https://", 8) == 0);
		assert_non_null(strstr(ds.rules[i].provision, "§ 79 b"));
	}
	const struct ak_rule *r = cyclerules_for(&ds, RULE_DISCUSS, 2020);
	assert_non_null(r);
	assert_int_equal(r->deadline, DEADLINE_YEAR_END);
	assert_string_equal(r->provision, "retssikkerhedsloven § 79 b, stk. 1");
	/* the 2020 maps, published 2021: no action-plan duty yet */
	assert_null(cyclerules_for(&ds, RULE_DECIDE_PLAN, 2021));
	assert_null(cyclerules_for(&ds, RULE_TELL_NO_PLAN, 2021));
	/* the 2021 maps, published June 2022, discussed by 31 December 2022 */
	r = cyclerules_for(&ds, RULE_DECIDE_PLAN, 2022);
	assert_non_null(r);
	assert_string_equal(r->valid_from, "2022-07-01");
	assert_non_null(strstr(r->source.url, "l151"));
	assert_int_equal(cyclerules_for(&ds, RULE_TELL_NO_PLAN, 2025)->deadline, DEADLINE_NONE);
	assert_int_equal(cyclerules_for(&ds, RULE_ORDER_PLAN, 2025)->deadline, DEADLINE_SET);
	/* the day it came into force, and the day before */
	assert_null(cyclerules_at(&ds, RULE_DECIDE_PLAN, day("2022-06-30")));
	assert_non_null(cyclerules_at(&ds, RULE_DECIDE_PLAN, day("2022-07-01")));
}

static void load_rules(struct ak_dataset *d, const char *text, struct diag_list *diags)
{
	struct load_result res = {0};
	memset(d, 0, sizeof *d);
	csvload_rules_mem(d, NULL, text, strlen(text), "r.csv", diags, &res);
	cyclerules_check(d, diags);
}

/* A later change is one row: the old one closed, the new one open. */
static void test_rule_change(void **state)
{
	(void)state;
	struct ak_dataset d;
	struct diag_list diags = {0};
	load_rules(&d,
		   "rule,provision,valid_from,valid_to,deadline,source\n"
		   "discuss,§ 79 b stk. 1,,,year_end,L\n"
		   "decide_plan,§ 79 b stk. 2,2022-07-01,2025-12-31,year_end,L 151\n"
		   "decide_plan,§ 79 b stk. 2 (ny),2026-01-01,,year_end,L 999\n",
		   &diags);
	assert_int_equal(diags.count, 0);
	assert_string_equal(cyclerules_for(&d, RULE_DECIDE_PLAN, 2025)->source.text, "L 151");
	assert_string_equal(cyclerules_for(&d, RULE_DECIDE_PLAN, 2026)->source.text, "L 999");
	dataset_free(&d);
	diag_list_free(&diags);
}

/* A table without the rule to discuss the maps: the decision is still due,
 * said without a meeting. */
static void test_due_without_discuss(void **state)
{
	(void)state;
	struct ak_dataset d;
	struct diag_list diags = {0};
	load_rules(&d,
		   "rule,provision,valid_from,valid_to,deadline,source\n"
		   "decide_plan,§ 79 b stk. 2,2022-07-01,,year_end,L 151\n",
		   &diags);
	assert_int_equal(diags.errors, 0);
	assert_int_equal(diags.count, 1); /* the warning: no rule "discuss" */
	struct cycle c = {0};
	struct cycle_due due;
	assert_true(cycle_due_of(&d, &c, 707, 2024, day("2025-11-20"), &due));
	assert_null(due.need_council);
	char *t = cycletext_due(&due, 2025);
	assert_string_equal(t, "2024 maps: no decision on an action plan recorded; the deadline is "
			       "31 Dec");
	free(t);
	dataset_free(&d);
	diag_list_free(&diags);
}

/* Bad rows are named by line and column and left out; overlaps are errors. */
static void test_rule_errors(void **state)
{
	(void)state;
	struct ak_dataset d;
	struct diag_list diags = {0};
	load_rules(&d,
		   "rule,provision,valid_from,valid_to,deadline,source\n"
		   "discuss,§ 79 b stk. 1,,,year_end,L\n"
		   "decide,§ 79 b stk. 2,2022-07-01,,year_end,L 151\n"
		   "decide_plan,§ 79 b stk. 2,2022-02-30,,year_end,L 151\n"
		   "decide_plan,§ 79 b stk. 2,2022-07-01,2022-06-01,soon,\n"
		   "decide_plan,§ 79 b stk. 2,2022-07-01,,year_end,L 151\n"
		   "decide_plan,§ 79 b stk. 2 (ny),2026-01-01,,year_end,L 999\n",
		   &diags);
	assert_int_equal(d.n_rules, 3);
	assert_int_equal(diags.errors, 6);
	assert_string_equal(diags.items[0].path, "r.csv");
	assert_int_equal(diags.items[0].line, 3); /* decide: no such rule */
	assert_int_equal(diags.items[0].col, 1);
	assert_int_equal(diags.items[1].line, 4); /* 30 February */
	assert_int_equal(diags.items[1].col, 27); /* in characters: § is one */
	assert_int_equal(diags.items[5].line, 7); /* overlaps line 6 */
	assert_non_null(strstr(diags.items[5].msg, "line 6"));
	dataset_free(&d);
	diag_list_free(&diags);
}

static void parse(struct cycle *c, const char *text, struct diag_list *diags)
{
	memset(c, 0, sizeof *c);
	c->path = strdup("cycle.csv");
	cycle_parse(c, text, strlen(text), diags);
}

/* The record read back as written; a number deleted is not given again. */
static void test_record(void **state)
{
	(void)state;
	struct cycle c;
	struct diag_list diags = {0};
	parse(&c,
	      "ankekort cycle 1 last_id=7\n"
	      "id,code,year,kind,date,plan,areas,period,deadline,text\n"
	      "2,707,2024,committee,2025-11-12,,,,,Socialudvalget\n"
	      "5,707,2024,decision,2025-12-10,yes,\"børnehandicap, § 41\",2026,,\n",
	      &diags);
	assert_int_equal(diags.count, 0);
	assert_int_equal(c.n, 2);
	assert_int_equal(c.e[1].kind, CYC_DECISION);
	assert_int_equal(c.e[1].plan, PLAN_YES);
	assert_string_equal(c.e[1].areas, "børnehandicap, § 41");
	assert_int_equal(c.e[1].line, 4);
	struct cycle_entry e = {.code = 707,
				.year = 2024,
				.kind = CYC_REPORT,
				.areas = strdup(""),
				.period = strdup(""),
				.text = strdup("Status: 3 of 5 actions done")};
	snprintf(e.date, sizeof e.date, "2026-03-01");
	assert_true(cycle_add(&c, &e));
	assert_int_equal(c.e[2].id, 8); /* 6 and 7 were given once */
	assert_true(cycle_delete(&c, 8));
	assert_false(cycle_delete(&c, 8));
	char tmpl[] = "/tmp/test_cycle_XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	free(c.path);
	c.path = malloc(strlen(tmpl) + 20);
	sprintf(c.path, "%s/sub/cycle.csv", tmpl); /* the folder is made */
	char *err = NULL;
	assert_true(cycle_save(&c, &err));
	struct cycle back;
	assert_true(cycle_load(&back, c.path, &diags));
	assert_int_equal(back.n, 2);
	assert_int_equal(back.next_id, 9);
	assert_string_equal(back.e[0].text, "Socialudvalget");
	assert_string_equal(back.e[1].period, "2026");
	unlink(c.path);
	char *dir = strdup(c.path);
	*strrchr(dir, '/') = '\0';
	rmdir(dir);
	rmdir(tmpl);
	free(dir);
	cycle_free(&back);
	cycle_free(&c);
	diag_list_free(&diags);
}

/* A damaged record names line and column of every bad field. */
static void test_record_errors(void **state)
{
	(void)state;
	struct cycle c;
	struct diag_list diags = {0};
	parse(&c,
	      "ankekort cycle 1 last_id=3\n"
	      "id,code,year,kind,date,plan,areas,period,deadline,text\n"
	      "1,707,2024,meeting,2025-11-12,,,,,\n"
	      "2,707,2024,council,2025-13-01,,,,,\n"
	      "2,707,2024,council,2025-12-01,,,,,\n"
	      "2,707,2024,council,2025-12-02,,,,,\n",
	      &diags);
	assert_int_equal(diags.errors, 3);
	assert_int_equal(diags.items[0].line, 3);
	assert_int_equal(diags.items[0].col, 12);
	assert_int_equal(diags.items[1].line, 4);
	assert_int_equal(diags.items[1].col, 20);
	assert_int_equal(diags.items[2].line, 6); /* id 2 twice */
	assert_int_equal(c.n, 1);
	cycle_free(&c);
	diag_list_free(&diags);
	parse(&c, "ankekort register 2 last_id=3\nid\n", &diags);
	assert_int_equal(diags.errors, 1);
	assert_int_equal(diags.items[0].line, 1);
	cycle_free(&c);
	diag_list_free(&diags);
}

/* What an entry may hold, checked before it is saved. */
static void test_entry_check(void **state)
{
	(void)state;
	struct cycle_entry e = {.code = 707,
				.year = 2024,
				.kind = CYC_DECISION,
				.areas = strdup(""),
				.period = strdup(""),
				.text = strdup("")};
	snprintf(e.date, sizeof e.date, "2025-12-10");
	char *why = NULL;
	assert_false(cycle_check(&e, &ds, &why)); /* a decision without yes or no */
	free(why);
	e.plan = PLAN_NO;
	assert_true(cycle_check(&e, &ds, &why));
	e.kind = CYC_COUNCIL;
	assert_false(cycle_check(&e, &ds, &why)); /* a plan on a meeting */
	free(why);
	e.plan = PLAN_NONE;
	snprintf(e.deadline, sizeof e.deadline, "2026-03-01");
	assert_false(cycle_check(&e, &ds, &why)); /* a deadline belongs to an order */
	free(why);
	e.kind = CYC_ORDER;
	assert_true(cycle_check(&e, &ds, &why));
	snprintf(e.deadline, sizeof e.deadline, "2025-01-01");
	assert_false(cycle_check(&e, &ds, &why)); /* before the order */
	free(why);
	e.deadline[0] = '\0';
	e.code = 0;
	assert_false(cycle_check(&e, &ds, &why)); /* the country is no municipality */
	free(why);
	e.code = 707;
	free(e.text);
	e.text = strdup("borger 010203-1234");
	assert_false(cycle_check(&e, &ds, &why));
	assert_non_null(strstr(why, "CPR"));
	free(why);
	cycle_entry_free(&e);
}

/* The synthetic record of test/data/cycle (never in datasets/). */
static void load_fixture(struct cycle *c)
{
	char path[4096];
	struct diag_list diags = {0};
	snprintf(path, sizeof path, "%s/test/data/cycle/cycle.csv", SOURCE_ROOT);
	assert_true(cycle_load(c, path, &diags));
	diag_list_free(&diags);
}

/* What is due is worked out from the rules, the record and the day given. */
static void test_due(void **state)
{
	(void)state;
	struct cycle c;
	load_fixture(&c);
	struct cycle_due d;
	/* Norddjurs, 2024 maps: in committee 12 Nov 2025, no council meeting yet */
	assert_true(cycle_due_of(&ds, &c, 707, 2024, day("2025-11-20"), &d));
	assert_int_equal(d.pub_year, 2025);
	assert_true(d.pub_recorded);
	assert_string_equal(d.deadline, "2025-12-31");
	assert_false(d.past);
	assert_non_null(d.need_council);
	assert_non_null(d.need_decision);
	assert_null(d.need_tell);
	char *t = cycletext_due(&d, 2025);
	assert_string_equal(t, "2024 maps: discussed in committee 12 Nov, no council meeting "
			       "recorded; the deadline is 31 Dec");
	free(t);
	t = cycletext_due_long(&d, 2025);
	assert_non_null(strstr(t, "(retssikkerhedsloven § 79 b, stk. 1)"));
	free(t);
	/* the same in the new year: too late, and said so with the year */
	assert_true(cycle_due_of(&ds, &c, 707, 2024, day("2026-01-05"), &d));
	assert_true(d.past);
	t = cycletext_due(&d, 2026);
	assert_non_null(strstr(t, "; the deadline was 31 Dec 2025"));
	free(t);
	/* the 2023 maps: council and decision recorded, nothing due */
	assert_false(cycle_due_of(&ds, &c, 707, 2023, day("2025-11-20"), &d));
	assert_null(cycletext_due(&d, 2025));
	assert_string_equal(d.report->date, "2025-05-14");
	/* Frederikssund (250): no plan, Ankestyrelsen not told; then an order */
	assert_true(cycle_due_of(&ds, &c, 250, 2024, day("2026-03-01"), &d));
	assert_null(d.need_council);
	assert_null(d.need_decision);
	assert_non_null(d.need_tell);
	assert_true(d.order_open);
	assert_false(d.order_past);
	t = cycletext_due(&d, 2026);
	assert_string_equal(t, "2024 maps: decided 29 Oct 2025: no action plan; Ankestyrelsen "
			       "not told; Ankestyrelsen ordered an action plan 2 Feb, its "
			       "deadline is 1 May");
	free(t);
	assert_true(cycle_due_of(&ds, &c, 250, 2024, day("2026-05-02"), &d));
	assert_true(d.order_past);
	/* a step recorded ahead of the day is not taken yet */
	assert_true(cycle_due_of(&ds, &c, 250, 2024, day("2025-10-15"), &d));
	assert_null(d.decision);
	assert_non_null(d.need_council);
	assert_false(d.order_open);
	cycle_free(&c);
}

/* Before 1 July 2022 the council only had to discuss the maps. */
static void test_due_before_stk2(void **state)
{
	(void)state;
	struct cycle c;
	struct diag_list diags = {0};
	parse(&c,
	      "ankekort cycle 1 last_id=2\n"
	      "id,code,year,kind,date,plan,areas,period,deadline,text\n"
	      "1,101,2020,council,2021-11-25,,,,,\n"
	      "2,101,2021,council,2022-11-24,,,,,\n",
	      &diags);
	struct cycle_due d;
	assert_false(cycle_due_of(&ds, &c, 101, 2020, day("2021-12-01"), &d));
	assert_null(d.need_decision); /* the 2020 maps: published 2021 */
	assert_true(cycle_due_of(&ds, &c, 101, 2021, day("2022-12-01"), &d));
	assert_non_null(d.need_decision); /* the 2021 maps: stk. 2 from 1 July 2022 */
	assert_string_equal(d.need_decision->valid_from, "2022-07-01");
	assert_false(d.pub_recorded); /* no publication recorded: the year after */
	char *t = cycletext_due(&d, 2022);
	assert_string_equal(t, "2021 maps: discussed by the council 24 Nov, no decision on an "
			       "action plan recorded; the deadline is 31 Dec");
	free(t);
	cycle_free(&c);
	diag_list_free(&diags);
}

/* Which years' maps are looked at: those with entries, and this year's
 * once they are out. */
static void test_open_years(void **state)
{
	(void)state;
	struct cycle c;
	load_fixture(&c);
	int years[8];
	assert_int_equal(cycle_open_years(&c, 707, day("2025-11-20"), years, 8), 2);
	assert_int_equal(years[0], 2024);
	assert_int_equal(years[1], 2023);
	assert_int_equal(cycle_open_years(&c, 707, day("2026-08-01"), years, 8), 3);
	assert_int_equal(years[0], 2025);
	assert_int_equal(cycle_open_years(&c, 707, day("2026-06-30"), years, 8), 2);
	assert_int_equal(cycle_open_years(&c, 101, day("2026-08-01"), years, 8), 0);
	/* a record of nothing for 2025 yet: everything is due */
	struct cycle_due d;
	assert_true(cycle_due_of(&ds, &c, 707, 2025, day("2026-08-01"), &d));
	char *t = cycletext_due(&d, 2026);
	assert_string_equal(t, "2025 maps: no council meeting recorded; the deadline is 31 Dec");
	free(t);
	char **lines;
	size_t n = cycletext_steps(&c, 707, 2023, &lines);
	assert_int_equal(n, 5);
	assert_string_equal(lines[3],
			    "27 Nov 2024: decision on an action plan: an action plan, for "
			    "børnehandicap: SEL §§ 41-42, period 2025");
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	cycle_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_shipped_rules, setup_shipped,
						teardown_shipped),
		cmocka_unit_test(test_rule_change),
		cmocka_unit_test(test_rule_errors),
		cmocka_unit_test(test_due_without_discuss),
		cmocka_unit_test(test_record),
		cmocka_unit_test(test_record_errors),
		cmocka_unit_test_setup_teardown(test_entry_check, setup_shipped, teardown_shipped),
		cmocka_unit_test_setup_teardown(test_due, setup_shipped, teardown_shipped),
		cmocka_unit_test_setup_teardown(test_due_before_stk2, setup_shipped,
						teardown_shipped),
		cmocka_unit_test_setup_teardown(test_open_years, setup_shipped, teardown_shipped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
