/* test_common.h - shared helpers for the unit tests. */
#ifndef TEST_COMMON_H
#define TEST_COMMON_H

#include <stdio.h>

#include "ankekort/data/csvload.h"
#include "ankekort/data/facts.h"

/* Loads the shipped datasets and analyses them; fails the test on any
 * load problem. */
static inline void load_shipped(struct ak_dataset *ds, struct diag_list *findings)
{
	struct diag_list d = {0};
	struct load_result r = {0};
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/datasets", SOURCE_ROOT);
	csvload_dir(ds, dir, &d, &r);
	assert_int_equal(d.errors, 0);
	diag_list_free(&d);
	facts_analyse(ds, findings);
}

/* The shipped datasets for a whole test group: the group's setup and
 * teardown. */
static struct ak_dataset ds __attribute__((unused));

__attribute__((unused)) static int setup_shipped(void **state)
{
	(void)state;
	load_shipped(&ds, NULL);
	return 0;
}

__attribute__((unused)) static int teardown_shipped(void **state)
{
	(void)state;
	dataset_free(&ds);
	return 0;
}

#endif
