/* cyclerules.h - which rules of retssikkerhedsloven § 79 b bind a year's
 * maps (the shipped cycle_rules.csv, docs/DATA.md). A rule binds the maps
 * when it is in force on the last day the council has for them: the end of
 * the year they are published. A later change to the law is one more row
 * with its valid_from, the old row closed with valid_to. */
#ifndef ANKEKORT_CYCLERULES_H
#define ANKEKORT_CYCLERULES_H

#include <stdbool.h>

#include "ankekort/base/diag.h"
#include "ankekort/data/dataset.h"

/* The rule of kind k in force on day (days since 1970), or NULL. */
const struct ak_rule *cyclerules_at(const struct ak_dataset *ds, enum ak_rule_kind k, long day);
/* The same for the maps published in pub_year: in force on 31 December. */
const struct ak_rule *cyclerules_for(const struct ak_dataset *ds, enum ak_rule_kind k,
				     int pub_year);
/* Two rows of one kind in force on the same day are an error (at the later
 * row's line); with no rule to discuss the maps the cycle cannot be
 * followed (a warning). */
void cyclerules_check(const struct ak_dataset *ds, struct diag_list *diags);

#endif
