/* test_rules.h - the shipped datasets and the shipped area rules for a
 * whole test group (the importer's and fetch's tests): the group's setup
 * and teardown. */
#ifndef TEST_RULES_H
#define TEST_RULES_H

#include "ankekort/import/import.h"
#include "test_common.h"

static struct area_rules rules;

static int setup_rules(void **state)
{
	(void)state;
	load_shipped(&ds, NULL);
	area_rules_load(&rules, SOURCE_ROOT "/datasets/areas.csv", NULL);
	return 0;
}

static int teardown_rules(void **state)
{
	(void)state;
	area_rules_free(&rules);
	dataset_free(&ds);
	return 0;
}

#endif
