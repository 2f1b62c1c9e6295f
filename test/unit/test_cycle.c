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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_shipped_rules, setup_shipped,
						teardown_shipped),
		cmocka_unit_test(test_rule_change),
		cmocka_unit_test(test_rule_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
