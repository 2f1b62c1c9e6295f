/* test_common.h - shared helpers for the unit tests. */
#ifndef TEST_COMMON_H
#define TEST_COMMON_H

#include "test_shipped.h"

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
