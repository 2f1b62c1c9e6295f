/* facts.h - what is derived from a figure, worked out once after loading.
 *
 * A figure is the row shown for (year, code, area) (dataset_find). Its
 * facts are its figures completed from the other sources of the same
 * figure (stats_figures_in), the split another source gives where it has
 * none (stats_borrow_split), its flags, and how it stands against the
 * national figure of its year and area: the difference, the cases at the
 * national rate, the exact binomial test and its rank. facts_analyse()
 * works them out for every figure; the breakdown, the list, the fact sheet,
 * print and the tables read them (facts_find) instead of working them out
 * again. */
#ifndef ANKEKORT_FACTS_H
#define ANKEKORT_FACTS_H

#include <stdbool.h>

#include "ankekort/base/diag.h"
#include "ankekort/base/i18n.h"
#include "ankekort/data/dataset.h"
#include "ankekort/data/funnel.h"
#include "ankekort/data/stats.h"

/* A figure's flags, in the order they are read out (the breakdown, the fact
 * sheet): X(ID, bit, warns, id in CSV, label, on screen, in a document,
 * marker's place, marker, its ASCII stand-in, legend). The bit orders print's flags
 * column; `warns` says whether the screen shows the sentence as a warning;
 * a NULL sentence is not said there, or is worded in output/figtext.c
 * because it names a number or a source. The marker is what the list shows
 * beside the figure in its place (0 to AK_N_MARKS - 1; -1 and NULL: none);
 * flags that share a marker share its place, and the help's legend says
 * the first one's words (a legend's %d is the small sample's count). */
/* clang-format off */
#define AK_FLAGS(X)                                                                                \
	X(PUBLISHED_ONLY, 0, false, "published_only", N_("published only"),                        \
	  N_("Published percentages only: no case counts, so no interval."), NULL,                 \
	  -1, NULL, NULL, NULL)                                                                    \
	X(SMALL_SAMPLE, 1, true, "small_sample", N_("small sample"), NULL, NULL,                   \
	  0, "s", "s", N_("small sample: fewer than %d cases"))                                    \
	X(INCONSISTENT, 2, true, "inconsistent", N_("does not add up"),                            \
	  N_("Inconsistent: the published figures do not add up (ankekort check)."),               \
	  N_("the published figures do not add up (see ankekort check)."),                         \
	  1, "!", "!", N_("the published figures do not add up"))                                  \
	X(OTHER_INCONSISTENT, 5, true, "other_source_inconsistent",                                \
	  N_("another source does not add up"),                                                    \
	  N_("Another source's figures for this do not add up: press o to see them "               \
	     "(ankekort check)."),                                                                 \
	  N_("another source's figures for it do not add up (see ankekort check)."),               \
	  1, "!", "!", NULL)                                                                       \
	X(SOURCES_DISAGREE, 3, true, "sources_disagree", N_("sources disagree"),                   \
	  N_("Sources disagree on these figures: press o to see them all."), NULL,                 \
	  2, "\xE2\x89\xA0", "~", N_("sources publish different figures (o shows them)"))          \
	X(ONE_LAW_ONLY, 4, true, "one_law_only", N_("one law only"),                               \
	  N_("Only rows under one of the two laws that cover this area were imported: the "        \
	     "figure may be too low."),                                                            \
	  N_("only rows under one of the two laws that cover the area were imported; the "         \
	     "figure may be too low."),                                                            \
	  -1, NULL, NULL, NULL)
/* clang-format on */

#define AK_FLAG_ENUM(id, bit, ...) FLAG_##id = 1u << (bit),
enum ak_flag { AK_FLAGS(AK_FLAG_ENUM) };
#undef AK_FLAG_ENUM
#define AK_FLAG_COUNT_(...) +1
enum { AK_N_FLAGS = 0 AK_FLAGS(AK_FLAG_COUNT_) };
#undef AK_FLAG_COUNT_

/* One flag of AK_FLAGS as a table row. */
struct ak_flag_info {
	unsigned bit; /* FLAG_* */
	bool warns;
	const char *name, *label, *screen, *doc; /* label and sentences untranslated */
	int place;				 /* the marker's place in the list, or -1 */
	const char *mark, *mark_ascii;		 /* the list's marker, or NULL */
	const char *legend;			 /* the help's words for it, untranslated */
};
/* The flags in the order they are read out. */
extern const struct ak_flag_info ak_flags_read[AK_N_FLAGS];
/* The flags by bit: ak_flags_by_bit[i] is the flag 1u << i. */
extern const struct ak_flag_info ak_flags_by_bit[AK_N_FLAGS];
/* The places of the list's markers. */
enum { AK_N_MARKS = 3 };
/* Fills mark[AK_N_MARKS] with what the list shows for flags: each place's
 * marker (mark_ascii when ascii) when one of its flags is set, else " ". */
void facts_marks(unsigned flags, bool ascii, const char *mark[]);
/* The help's legend line for a flag with its own place (fl->legend set),
 * translated, its count filled in (caller frees). */
char *facts_legend(const struct ak_flag_info *fl);

struct ak_facts {
	const struct ak_obs *o;		 /* the row shown */
	struct ak_figures fig;		 /* stats_figures_in: the figures as the list shows them */
	unsigned flags;			 /* FLAG_* */
	const struct ak_obs *split_from; /* where the split is borrowed from, or NULL */
	struct ak_val split_remanded, split_changed; /* the split with the borrowed one */
	/* the nation's figure of the same year and area (for the nation, its
	 * own), or NULL; what follows is set only when it has a rate */
	const struct ak_facts *national;
	bool has_difference; /* both rates present */
	double difference;   /* rate - national rate, to the coarser (stats_change) */
	int difference_decimals;
	bool has_in_cases;	   /* counts known (cases >= 0, reversed >= 0) */
	double expected, in_cases; /* stats_in_cases: reversed at the national rate, and more */
	bool tested;		   /* counts with a case (cases > 0): p and position */
	double p;		   /* the exact binomial test against the national rate */
	enum funnel_pos position;  /* where the funnel plot puts it */
	/* among the municipalities with a rate in its year and area (the
	 * nation not counted): 1 = the lowest, and counted from the highest,
	 * ties sharing; 0 when it has no rate or is the nation */
	int rank, rank_from_top;
	int ranked; /* how many municipalities have a rate */
};

/* FLAG_* bits for row o with the figures f (stats_analyse has run). */
unsigned facts_flags(const struct ak_obs *o, const struct ak_figures *f);
/* Checks every row (stats_analyse, findings into out when not NULL) and
 * works out every figure's facts. Run after loading, before anything reads
 * the figures; dataset_choose_defaults() drops them. */
void facts_analyse(struct ak_dataset *ds, struct diag_list *out);
/* The facts of the figure for (year, code, area), or NULL when nothing is
 * published: borrowed from ds. */
const struct ak_facts *facts_find(const struct ak_dataset *ds, int year, int code,
				  enum ak_area area);
/* The facts of row o when it is the row shown for its figure, else NULL. */
const struct ak_facts *facts_of(const struct ak_dataset *ds, const struct ak_obs *o);
/* x's figures with the borrowed split filled in (stats_borrow_split). */
void facts_with_split(const struct ak_facts *x, struct ak_figures *f);

#endif
