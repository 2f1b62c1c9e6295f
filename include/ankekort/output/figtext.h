/* figtext.h - the sentences that say where a figure comes from when more
 * than one source gives it: written once here for the breakdown, the `o`
 * overlay, the fact sheet and print. Each returns an allocated sentence
 * (caller frees) in the interface's language, or NULL when there is
 * nothing to say. Text from data in them is raw: escape it where it is
 * shown. */
#ifndef ANKEKORT_FIGTEXT_H
#define ANKEKORT_FIGTEXT_H

#include "ankekort/data/changesplit.h"
#include "ankekort/data/dataset.h"
#include "ankekort/data/stats.h"

/* "Sources disagree on the rate: Københavns Kommune publishes 28 %;
 * Statistikbanken ANKEAST2 gives 30.2 % of 63 cases." for the row shown,
 * o, and every other source of its figure whose rate disagrees. */
char *figtext_disagreement(const struct ak_dataset *ds, const struct ak_obs *o);
/* "n, the split counts and the interval from Statistikbanken ANKEAST2,
 * whose counts (30.1 % of 63 cases) agree with the published 30 %." when
 * f's counts were borrowed (stats_figures_in). */
char *figtext_counts_from(const struct ak_obs *o, const struct ak_figures *f);
/* The small-sample sentence for f (FLAG_SMALL_SAMPLE): "Small sample (9
 * cases): one case more or less moves the rate by 11,1 points.", localized;
 * for no case at all, that there is no rate. Caller frees. */
char *figtext_small_sample(const struct ak_figures *f);
/* What a change in reversed cases is made of (changesplit.h), in whole
 * cases: "12 more reversals than in 2023 (20 of 100, now 32 of 120): 4 from
 * more complaints, 8 from a higher share reversed." A part against the
 * change's direction carries its sign; across a gap a sentence names the
 * year compared with. Caller frees. */
char *figtext_change(const struct ak_change_split *c);
/* The appeals dismissed or referred, beside the rate and never in it:
 * "Dismissed or referred (afvist/henvist): 15 appeals, not decided on the
 * merits: not among the 160 cases, not in the rate. The Talportal's
 * "afvisningsprocent" would be 9.4 %: ..." from the row shown, or from the
 * row its counts come from (named); NULL when neither gives the count. */
char *figtext_dismissed(const struct ak_obs *o, const struct ak_figures *f);

#endif
