/* figtext.h - the sentences that say where a figure comes from when more
 * than one source gives it: written once here for the breakdown, the `o`
 * overlay, the fact sheet and print. Each returns an allocated sentence
 * (caller frees) in the interface's language, or NULL when there is
 * nothing to say. Text from data in them is raw: escape it where it is
 * shown. */
#ifndef ANKEKORT_FIGTEXT_H
#define ANKEKORT_FIGTEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/data/changesplit.h"
#include "ankekort/data/dataset.h"
#include "ankekort/data/facts.h"
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

/* One sentence about a figure (caller frees text), and whether it warns. */
struct figtext_line {
	char *text;
	bool warns;
};
/* Where the sentences are read: the breakdown on screen ("press o"), a
 * document (the fact sheet), whose sentences follow the area's name, or a
 * table's note (the fact sheet's peers), which says it shorter. */
enum figtext_medium { FIGTEXT_SCREEN, FIGTEXT_DOC, FIGTEXT_NOTE };
#define FIGTEXT_MAX (AK_N_FLAGS + 3)
/* What a figure's numbers do not say: its flags (AK_FLAGS) and where its
 * counts come from and which sources disagree (above), in the order they
 * are read. On screen the flags come first and the sources after them; in
 * a document the sources take the place of "sources disagree", which is
 * said only when they disagree elsewhere than on the rate. Up to
 * FIGTEXT_MAX into out; returns the count. */
size_t figtext_flags(const struct ak_dataset *ds, const struct ak_facts *x, enum figtext_medium m,
		     struct figtext_line *out);
/* The flags joined by sep, into buf: their ids for CSV
 * ("published_only;small_sample"), else their labels in the interface's
 * language ("published only, small sample"). */
void figtext_flag_words(unsigned flags, bool ids, const char *sep, char *buf, size_t size);

/* The sentences below are said of `who` in a document ("Generelt: ..."; a
 * note: "Aarhus, Generelt: ..."), unused on screen. Each is allocated
 * (caller frees), in the interface's language, or NULL when there is
 * nothing to say. */
/* Where the split comes from when another source gives it: "Remanded and
 * changed from B; the source shown gives only the rate." on screen, "the
 * rate is from A, which gives no split; remanded and changed are from B."
 * in a document, "Aarhus, Generelt: the rate is from A; remanded and
 * changed from B." in a note, where who is the municipality's name. */
char *figtext_split_from(const struct ak_facts *x, enum figtext_medium m, const char *who);
/* The difference in cases: "In cases: 12 of 40 reversed; at the national
 * rate 10.4, so 2 cases more." on screen, "12 of 40 decisions were
 * reversed, 2 more than the 10.4 the national rate (26 %) would give." in
 * a document; NULL without counts or a national rate. */
char *figtext_in_cases(const struct ak_facts *x, enum figtext_medium m, const char *who);
/* The binomial verdict: "Exact binomial test against the national rate:
 * p = 0.03, .... Funnel plot (F): within." on screen, without the funnel in
 * a document; NULL when the figure is not tested (facts.h). */
char *figtext_chance(const struct ak_facts *x, enum figtext_medium m, const char *who);

#endif
