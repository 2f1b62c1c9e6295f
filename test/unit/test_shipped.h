/* test_shipped.h - the shipped datasets, loaded for a unit test. */
#ifndef TEST_SHIPPED_H
#define TEST_SHIPPED_H

#include <stdio.h>

#include "ankekort/data/csvload.h"
#include "ankekort/data/facts.h"

/* Loads the shipped datasets and analyses them; fails the test on any
 * load problem. findings may be NULL. */
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

#endif
