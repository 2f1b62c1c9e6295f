/* cyclerules.c - the § 79 b rules in force on a day. */
#include "ankekort/data/cyclerules.h"

#include <stdio.h>

#include "ankekort/data/register.h"

/* A rule's first and last day (LONG_MIN / LONG_MAX when open). */
static long first_day(const struct ak_rule *r)
{
	return r->valid_from[0] ? register_day(r->valid_from) : -1000000L;
}

static long last_day(const struct ak_rule *r)
{
	return r->valid_to[0] ? register_day(r->valid_to) : 10000000L;
}

const struct ak_rule *cyclerules_at(const struct ak_dataset *ds, enum ak_rule_kind k, long day)
{
	for (size_t i = 0; i < ds->n_rules; i++) {
		const struct ak_rule *r = &ds->rules[i];
		if (r->kind == k && first_day(r) <= day && day <= last_day(r))
			return r;
	}
	return NULL;
}

const struct ak_rule *cyclerules_for(const struct ak_dataset *ds, enum ak_rule_kind k, int pub_year)
{
	char end[16];
	snprintf(end, sizeof end, "%04d-12-31", pub_year);
	long day = register_day(end);
	return day < 0 ? NULL : cyclerules_at(ds, k, day);
}

void cyclerules_check(const struct ak_dataset *ds, struct diag_list *diags)
{
	bool discuss = false;
	for (size_t i = 0; i < ds->n_rules; i++) {
		const struct ak_rule *b = &ds->rules[i];
		discuss = discuss || b->kind == RULE_DISCUSS;
		for (size_t j = 0; j < i; j++) {
			const struct ak_rule *a = &ds->rules[j];
			if (a->kind == b->kind && first_day(a) <= last_day(b) &&
			    first_day(b) <= last_day(a))
				diag_add(diags, DIAG_ERROR, b->path, b->line, 1,
					 "rule %s: in force on the same days as the rule at line "
					 "%d; close the older one with valid_to",
					 rule_kind_id(b->kind), a->line);
		}
	}
	if (ds->n_rules && !discuss)
		diag_add(diags, DIAG_WARNING, ds->rules[0].path, 0, 0,
			 "no rule \"discuss\": the council's deadline cannot be worked out");
}
