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
#include "ankekort/data/cyclerules.h"
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_shipped_rules, setup_shipped,
						teardown_shipped),
		cmocka_unit_test(test_rule_change),
		cmocka_unit_test(test_rule_errors),
		cmocka_unit_test(test_record),
		cmocka_unit_test(test_record_errors),
		cmocka_unit_test_setup_teardown(test_entry_check, setup_shipped, teardown_shipped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
