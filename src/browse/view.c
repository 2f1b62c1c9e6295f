/* view.c - the header, the list, the status and key bars, and the
 * breakdown and trend panes, as styled lines from the app state. */
#include "ankekort/browse/view.h"
#include "ankekort/output/cycletext.h"
#include "ankekort/output/figtext.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/browse/mode.h"
#include "ankekort/browse/viewlines.h"
#include "ankekort/data/events.h"
#include "ankekort/data/stats.h"

/* A rank among fewer figures says little: it is left out. */
#define RANK_MIN_FIGURES 5

/* ---- header, list, status, key bar ------------------------------------------------ */

void view_header(const struct app *a, struct vlines *out)
{
	vline_new(out);
	vline_add(out, ROLE_TITLE, " ankekort ");
	for (int i = 0; i < AREA_COUNT; i++) {
		bool on = (int)a->area == i;
		vline_add(out, ROLE_NORMAL, " ");
		vline_add(out, on ? ROLE_TAB_ACTIVE : ROLE_TAB, "%s%d %s%s", on ? "[" : " ", i + 1,
			  area_label((enum ak_area)i), on ? "]" : " ");
	}
	vline_new(out);
	vline_add(out, ROLE_DIM, " Year ");
	for (size_t i = 0; i < a->ds->n_years; i++) {
		bool on = i == a->year_idx;
		vline_add(out, ROLE_NORMAL, " ");
		vline_add(out, on ? ROLE_TAB_ACTIVE : ROLE_TAB, "%s%d%s", on ? "[" : " ",
			  a->ds->years[i], on ? "]" : " ");
	}
	if (a->ds->n_years == 0)
		vline_add(out, ROLE_WARN, " no year files loaded");
}

/* The list row: name, rate (5), a space, cases (6: "21.467"), a space,
 * markers (3): the rate and the count never touch. */
static int list_name_width(int width)
{
	return width - 16 > 4 ? width - 16 : 4;
}

void view_list_title(const struct app *a, int width, struct vlines *out)
{
	vline_new(out);
	enum ak_role r = a->focus == PANE_LIST ? ROLE_TITLE_FOCUS : ROLE_HEADER;
	vline_fit(out, r, i18n_literal(N_(" Municipality")), list_name_width(width), a->ascii);
	vline_right(out, r, i18n_literal(N_("Rate")), 5);
	/* sorted by change, the list shows the change it is sorted by */
	vline_right(out, r, i18n_literal(a->lm.sort == SORT_CHANGE ? N_("Change") : N_("Cases")),
		    7);
	vline_fit(out, r, "  ", width - list_name_width(width) - 12, a->ascii);
}

static void list_markers(const struct app *a, unsigned flags, char *buf, size_t size)
{
	const char *mark[AK_N_MARKS];
	facts_marks(flags, a->ascii, mark);
	size_t n = 0; /* every row has them: no printf */
	for (size_t k = 0; k < AK_N_MARKS; k++)
		for (const char *c = mark[k]; *c && n + 1 < size; c++)
			buf[n++] = *c;
	buf[n] = '\0';
}

void view_list_row(const struct app *a, size_t i, int width, struct vlines *out)
{
	int code = a->lm.list[i];
	const struct ak_facts *x = app_facts_at(a, app_year(a), code);
	bool has = x != NULL;
	struct ak_figures f = has ? x->fig : (struct ak_figures){0};
	bool sel = i == a->lm.sel;
	enum ak_role role = sel ? (a->focus == PANE_LIST ? ROLE_SELECTED : ROLE_SELECTED_DIM)
				: (code == AK_NATIONAL_CODE ? ROLE_NATIONAL : ROLE_NORMAL);
	char name[256], rate[32], cases[32], marks[16];
	const char *muni = view_muni_name(a, code); /* every row: no printf */
	size_t len = strnlen(muni, sizeof name - 2);
	name[0] = a->tm.marked[code] ? '*' : ' ';
	memcpy(name + 1, muni, len);
	name[len + 1] = '\0';
	if (has && f.rate.present)
		stats_val_text(rate, sizeof rate, f.rate, "");
	else
		snprintf(rate, sizeof rate, "%s", view_dash(a->ascii));
	double change;
	int dec;
	if (a->lm.sort == SORT_CHANGE && app_change_of(a, code, &change, &dec)) {
		/* sorted by change: the change it is sorted by, in points */
		snprintf(cases, sizeof cases, "%+.*f", dec, change);
		textfmt_localize(cases);
	} else if (a->lm.sort != SORT_CHANGE && has && f.cases >= 0) {
		/* thousands as the language writes them, as print does */
		textfmt_number(cases, sizeof cases, (double)f.cases, 0, i18n_danish());
	} else {
		snprintf(cases, sizeof cases, "%s", has ? view_dash(a->ascii) : "");
	}
	list_markers(a, has ? x->flags : 0, marks, sizeof marks);
	/* one span: every part has the row's role */
	struct sbuf b = {0};
	sbuf_fit(&b, name, list_name_width(width), a->ascii);
	sbuf_right(&b, rate, 5);
	sbuf_fit(&b, " ", 1, a->ascii);
	sbuf_right(&b, cases, 6);
	sbuf_fit(&b, " ", 1, a->ascii);
	sbuf_fit(&b, marks, width - list_name_width(width) - 13, a->ascii);
	vline_new(out);
	vline_take(out, role, sbuf_take(&b));
}

/* A prompt's text with its cursor: the character under it shown as
 * selected, or "_" after the end. */
static void add_edited(struct vlines *out, const char *text, size_t cursor)
{
	size_t len = strlen(text);
	if (cursor > len)
		cursor = len;
	size_t next = cursor;
	if (next < len)
		next++;
	while (next < len && ((unsigned char)text[next] & 0xC0) == 0x80)
		next++;
	vline_take(out, ROLE_MESSAGE, xstrndup(text, cursor));
	if (cursor < len)
		vline_take(out, ROLE_SELECTED, xstrndup(text + cursor, next - cursor));
	else
		vline_take(out, ROLE_STATUS, xstrdup("_"));
	vline_take(out, ROLE_MESSAGE, xstrdup(text + next));
}

void view_status(const struct app *a, struct vlines *out)
{
	vline_new(out);
	if (a->overlay == OVERLAY_EXPORT) {
		vline_add(out, ROLE_MESSAGE, " Export to: ");
		add_edited(out, a->pr.export_path, a->pr.export_cursor);
		vline_add(out, ROLE_STATUS,
			  "  (.md, .csv, .txt or .html; Enter writes, Esc cancels)");
		return;
	}
	if (a->overlay == OVERLAY_REGISTER) {
		vline_add(out, ROLE_MESSAGE, " %s: ", regprompt_question(&a->rp));
		if (a->rp.step != RPS_CONFIRM)
			add_edited(out, a->rp.text, a->rp.ed.cursor);
		vline_add(out, ROLE_STATUS, "  %s",
			  a->rp.problem[0] ? a->rp.problem : _("(Enter: next, Esc: cancel)"));
		return;
	}
	if (a->overlay == OVERLAY_CYCLE) {
		vline_add(out, ROLE_MESSAGE, " %s: ", cycprompt_question(&a->cp));
		if (a->cp.step != CPS_CONFIRM)
			add_edited(out, a->cp.text, a->cp.ed.cursor);
		vline_add(out, ROLE_STATUS, "  %s",
			  a->cp.problem[0] ? a->cp.problem : _("(Enter: next, Esc: cancel)"));
		return;
	}
	if (a->overlay == OVERLAY_SEARCH) {
		vline_add(out, ROLE_MESSAGE, " Search: ");
		add_edited(out, a->pr.query, a->pr.query_cursor);
		vline_add(out, ROLE_STATUS, "  (Enter keeps, Esc cancels) %s", a->message);
		return;
	}
	if (a->message[0]) {
		vline_add(out, ROLE_MESSAGE, " %s ", a->message);
		return;
	}
	/* what the § 79 b cycle asks, then a filter: at 80 columns the end is cut */
	char today[11];
	cycle_today(today);
	char *due = cycletext_status(a->ds, app_code(a), today);
	if (due)
		vline_add(out, ROLE_WARN, " %s |", due);
	free(due);
	if (a->lm.region >= 0 || a->lm.only_figures)
		vline_add(out, ROLE_WARN, " %s%s%s |",
			  a->lm.region >= 0 ? a->lm.regions[a->lm.region] : "",
			  a->lm.region >= 0 && a->lm.only_figures ? ", " : "",
			  a->lm.only_figures ? _("only with figures") : "");
	size_t with = app_coverage(a), all = a->ds->n_munis > 0 ? a->ds->n_munis - 1 : 0;
	char line[256];
	snprintf(line, sizeof line,
		 ngettext(" %s %d: %zu of %zu municipalities has a figure",
			  " %s %d: %zu of %zu municipalities have a figure", with),
		 area_label(a->area), app_year(a), with, all);
	vline_add(out, ROLE_STATUS, "%s", line);
	vline_add(out, ROLE_STATUS, " | sort: %s | %s", app_sort_name(a->lm.sort),
		  a->sources ? a->sources : "");
}

/* Whether a key's wide word belongs to the mode shown: a mode's own keys
 * (the compare keys in compare, reversing the sort in the tables) there
 * only, the views everywhere. */
static bool wide_here(const struct app *a, const struct ak_binding *b)
{
	return !b->mode_key || mode_owns(a->mode, b->action);
}

/* The columns a binding takes in the key bar with word. */
static const char *keybar_key(const struct ak_binding *b)
{
	return b->bar_key ? b->bar_key : b->label;
}

static size_t keybar_cols(const struct ak_binding *b, const char *word)
{
	return textfmt_width(keybar_key(b)) + textfmt_width(i18n_literal(word)) + 1;
}

/* Whether b's wide word is shown, with left columns still free for the
 * views' words; takes its columns from left. */
static bool keybar_wide_fits(const struct ak_binding *b, size_t *left)
{
	if (b->mode_key) /* a mode's own keys have their place already */
		return true;
	size_t w = keybar_cols(b, b->wide);
	if (w > *left)
		return false;
	*left -= w;
	return true;
}

void view_keybar(const struct app *a, struct vlines *out)
{
	/* every key's word that is always there and, from KEYBAR_WIDE
	 * columns, the mode's own keys; then the views' words in order while
	 * they fit (a language's longer words may not all): Quit stays on
	 * screen */
	bool wide = a->cols >= KEYBAR_WIDE;
	size_t left = a->cols > 0 ? (size_t)a->cols : 0;
	for (size_t i = 0; i < ak_n_bindings; i++) {
		const struct ak_binding *b = &ak_bindings[i];
		const char *word = b->bar					       ? b->bar
				   : wide && b->mode_key && b->wide && wide_here(a, b) ? b->wide
										       : NULL;
		size_t w = word ? keybar_cols(b, word) : 0;
		left = left > w ? left - w : 0;
	}
	vline_new(out);
	for (size_t i = 0; i < ak_n_bindings; i++) {
		const struct ak_binding *b = &ak_bindings[i];
		const char *word = b->bar;
		if (!word && wide && b->wide && wide_here(a, b) && keybar_wide_fits(b, &left))
			word = b->wide;
		if (!word)
			continue;
		vline_add(out, ROLE_KEY, "%s", keybar_key(b));
		vline_add(out, ROLE_KEYLABEL, "%s ", i18n_literal(word));
	}
}

/* ---- breakdown ----------------------------------------------------------------------- */

static void stacked_bar(const struct app *a, const struct ak_figures *f, int width,
			struct vlines *out)
{
	struct ak_val parts[3] = {f->changed_pct, f->remanded_pct, f->upheld_pct};
	if (!parts[2].present && f->rate.present)
		parts[2] = (struct ak_val){.value = 100.0 - f->rate.value, .present = true};
	static const enum glyph glyphs[3] = {GL_BLOCK, GL_SHADE, GL_MIDDLE_DOT};
	static const enum ak_role roles[3] = {ROLE_CHANGED, ROLE_REMANDED, ROLE_UPHELD};
	int barw = width - 4 > 50 ? 50 : width - 4;
	if (barw < 10 || !parts[0].present || !parts[1].present)
		return;
	vline_new(out);
	vline_add(out, ROLE_NORMAL, " [");
	int used = 0;
	double acc = 0;
	for (int k = 0; k < 3; k++) {
		acc += parts[k].present ? parts[k].value : 0;
		int upto = k == 2 ? barw : (int)lround(acc / 100.0 * barw);
		upto = upto > barw ? barw : upto;
		struct sbuf s = {0};
		if (upto > used) {
			sbuf_repeat(&s, glyph(a->ascii, glyphs[k]), (size_t)(upto - used));
			used = upto;
		}
		vline_take(out, roles[k], sbuf_take(&s));
	}
	vline_add(out, ROLE_NORMAL, "]");
	vline_new(out);
	vline_add(out, ROLE_DIM, "  %s changed  %s remanded  %s upheld", glyph(a->ascii, glyphs[0]),
		  glyph(a->ascii, glyphs[1]), glyph(a->ascii, glyphs[2]));
}

/* What the figure's numbers do not say: its flags, and where its numbers
 * come from when more than one source gives it (figtext_flags). */
static void flag_lines(const struct ak_dataset *ds, const struct ak_facts *x, int width,
		       struct vlines *out)
{
	struct figtext_line said[FIGTEXT_MAX];
	size_t n = figtext_flags(ds, x, FIGTEXT_SCREEN, said);
	for (size_t i = 0; i < n; i++) {
		view_wrap(out, said[i].text, width, 1, said[i].warns ? ROLE_WARN : ROLE_DIM);
		free(said[i].text);
	}
}

static void no_figure(const struct app *a, int code, int width, struct vlines *out)
{
	char buf[256];
	snprintf(buf, sizeof buf, _("No figure is published for %s, %s %d in the loaded data."),
		 view_muni_name(a, code), area_label(a->area), app_year(a));
	view_wrap(out, buf, width, 1, ROLE_DIM);
	struct sbuf years = {0};
	for (size_t i = 0; i < a->ds->n_years; i++)
		if (dataset_find(a->ds, a->ds->years[i], code, a->area))
			sbuf_printf(&years, "%s%d", years.len ? ", " : "", a->ds->years[i]);
	if (years.len) {
		snprintf(buf, sizeof buf, _("Figures for %s exist for: %s"), area_label(a->area),
			 sbuf_str(&years));
		view_wrap(out, buf, width, 1, ROLE_NORMAL);
	}
	sbuf_free(&years);
}

/* A sentence wrapped into the pane, then freed; none when NULL. */
static void wrap_free(struct vlines *out, char *text, int width, enum ak_role role)
{
	if (text)
		view_wrap(out, text, width, 1, role);
	free(text);
}

/* What the change in reversed cases since the last earlier figure is made
 * of; nothing when either year lacks counts. */
static void change_line(const struct app *a, int code, int year, int width, struct vlines *out)
{
	struct ak_change_split c;
	if (!changesplit_find(a->ds, year, code, a->area, &c))
		return;
	char *said = figtext_change(&c);
	view_wrap(out, said, width, 1, ROLE_NORMAL);
	free(said);
}

void view_breakdown(const struct app *a, int width, struct vlines *out)
{
	int code = app_code(a), year = app_year(a);
	char t1[32], t2[32], t3[32], ci[64];
	vline_new(out);
	vline_add(out, a->focus == PANE_BREAKDOWN ? ROLE_TITLE_FOCUS : ROLE_HEADER,
		  " %s \xC2\xB7 %s \xC2\xB7 %d ", view_muni_name(a, code), area_label(a->area),
		  year);
	struct ak_figures f;
	const struct ak_facts *x = app_facts_at(a, year, code);
	if (!x) {
		no_figure(a, code, width, out);
		return;
	}
	facts_with_split(x, &f); /* remanded and changed as another source gives them */
	const struct ak_obs *o = x->o;
	ci[0] = '\0';
	if (f.has_ci) {
		snprintf(ci, sizeof ci, _("  95 %% CI %.1f%s%.1f"), f.ci_low, view_dash(a->ascii),
			 f.ci_high);
		textfmt_localize(ci);
	}
	vline_new(out);
	vline_add(out, ROLE_NORMAL, " Reversal rate ");
	vline_add(out, ROLE_HEADER, "%s", view_pct(t1, sizeof t1, f.rate));
	vline_add(out, ROLE_NORMAL, "%s  n = %s", ci,
		  f.cases >= 0 ? "" : i18n_literal(N_("not published")));
	if (f.cases >= 0)
		vline_add(out, ROLE_NORMAL, "%ld", f.cases);
	vline_new(out);
	vline_add(out, ROLE_REMANDED, " Remanded %s", view_pct(t1, sizeof t1, f.remanded_pct));
	if (f.remanded >= 0)
		vline_add(out, ROLE_NORMAL, " (%ld)", f.remanded);
	vline_add(out, ROLE_CHANGED, "  Changed %s", view_pct(t2, sizeof t2, f.changed_pct));
	if (f.changed >= 0)
		vline_add(out, ROLE_NORMAL, " (%ld)", f.changed);
	vline_add(out, ROLE_UPHELD, "  Upheld %s", view_pct(t3, sizeof t3, f.upheld_pct));
	if (f.upheld >= 0)
		vline_add(out, ROLE_NORMAL, " (%ld)", f.upheld);
	wrap_free(out, figtext_split_from(x, FIGTEXT_SCREEN, NULL), width, ROLE_DIM);
	vline_new(out);
	if (code != AK_NATIONAL_CODE && x->has_difference) {
		/* a whole number against a decimal one: to the coarser */
		double d = x->difference;
		vline_add(out, ROLE_NATIONAL, " National %s",
			  view_pct(t1, sizeof t1, x->national->fig.rate));
		vline_num(out, ROLE_NORMAL, "  difference %+.*f points", x->difference_decimals,
			  d == 0 ? 0.0 : d);
		if (x->rank && x->ranked >= RANK_MIN_FIGURES) {
			/* the upper half counts from the top: "1st highest", not "98th lowest" */
			bool high = x->rank_from_top < x->rank;
			char nth[16];
			view_ordinal(high ? x->rank_from_top : x->rank, nth, sizeof nth);
			vline_new(out);
			vline_add(out, ROLE_NORMAL,
				  high ? N_(" %s highest of the %d municipalities with a figure")
				       : N_(" %s lowest of the %d municipalities with a figure"),
				  nth, x->ranked);
		}
		if (x->tested) {
			wrap_free(out, figtext_in_cases(x, FIGTEXT_SCREEN, NULL), width,
				  ROLE_NORMAL);
			wrap_free(out, figtext_chance(x, FIGTEXT_SCREEN, NULL), width, ROLE_NORMAL);
		}
	} else if (code != AK_NATIONAL_CODE) {
		vline_add(out, ROLE_DIM, " No national rate loaded for %s %d", area_label(a->area),
			  year);
	} else {
		vline_add(out, ROLE_DIM, " All municipalities together");
	}
	change_line(a, code, year, width, out);
	char *dismissed = figtext_dismissed(o, &f);
	if (dismissed)
		view_wrap(out, dismissed, width, 1, ROLE_DIM);
	free(dismissed);
	stacked_bar(a, &f, width, out);
	flag_lines(a->ds, x, width, out);
	if (o->decisions_total.present || o->dst_benefits.present) {
		vline_new(out);
		if (o->decisions_total.present)
			vline_add(out, ROLE_NORMAL, " Decisions made in the area: %.0f ",
				  o->decisions_total.value);
		if (o->dst_benefits.present)
			vline_add(out, ROLE_NORMAL, " DST benefits (%.0f): %.0f",
				  o->dst_benefits_year.present ? o->dst_benefits_year.value : year,
				  o->dst_benefits.value);
	}
	char src[1024];
	snprintf(src, sizeof src, _("Source: %s%s%s"), o->source.text,
		 o->source.date[0] ? ", " : "", o->source.date);
	view_wrap(out, src, width, 1, ROLE_DIM);
	if (o->note[0]) {
		snprintf(src, sizeof src, _("Note: %s"), o->note);
		view_wrap(out, src, width, 1, ROLE_DIM);
	}
	for (size_t i = 0; i < a->ds->n_comments; i++) {
		const struct ak_comment *c = &a->ds->comments[i];
		if (c->year != year || c->code != code || (c->area >= 0 && c->area != (int)a->area))
			continue;
		char *line = xasprintf(_("The municipality's comment (%s): %s"), c->source.text,
				       c->text);
		view_wrap(out, line, width, 1, ROLE_NORMAL);
		free(line);
	}
}

/* ---- trend ----------------------------------------------------------------------------- */

/* Cells from .. to-1 of a bar of total eighths: whole blocks, the one
 * cell of eighths, then spaces (a glyph repeated in one append). */
static void bar_cells(const struct app *a, struct sbuf *seg, long total, int from, int to)
{
	long whole = total >= 8 ? total / 8 : 0, part = total > 0 ? total - whole * 8 : 0;
	long c = from;
	long blocks = (whole < to ? whole : to) - c;
	if (blocks > 0) {
		sbuf_repeat(seg, glyph(a->ascii, GL_BLOCK), (size_t)blocks);
		c += blocks;
	}
	if (part && c == whole && c < to) {
		sbuf_puts(seg, glyph(a->ascii, (enum glyph)(GL_EIGHTH_1 + part - 1)));
		c++;
	}
	if (c < to)
		sbuf_pad(seg, ' ', (size_t)(to - c));
}

/* A bar of eighths, with the national rate as a marker: three spans (before
 * the marker, the marker, after it), however wide the bar. */
static void add_bar(const struct app *a, struct vlines *out, double value, double national,
		    bool has_nat, int barw)
{
	long total = lround(value / 100.0 * barw * 8);
	int marker = has_nat ? (int)lround(national / 100.0 * barw) : -1;
	if (marker >= barw)
		marker = barw - 1;
	struct sbuf seg = {0};
	if (marker < 0) {
		bar_cells(a, &seg, total, 0, barw);
	} else {
		bar_cells(a, &seg, total, 0, marker);
		vline_take(out, ROLE_HEADER, sbuf_take(&seg));
		vline_add(out, ROLE_NATIONAL, "%s",
			  total - (long)marker * 8 >= 4 ? glyph(a->ascii, GL_HEAVY_BAR)
							: glyph(a->ascii, GL_VLINE));
		bar_cells(a, &seg, total, marker + 1, barw);
	}
	vline_take(out, ROLE_HEADER, sbuf_take(&seg));
}

void view_trend(const struct app *a, int width, struct vlines *out)
{
	int code = app_code(a);
	vline_new(out);
	vline_add(out, a->focus == PANE_TREND ? ROLE_TITLE_FOCUS : ROLE_HEADER,
		  " Trend \xC2\xB7 %s \xC2\xB7 %s ", view_muni_name(a, code), area_label(a->area));
	vline_add(out, ROLE_NATIONAL, " %s national", glyph(a->ascii, GL_VLINE));
	bool show_nat = width >= 44;
	int barw = width - 6 - 8 - 9 - (show_nat ? 10 : 0);
	if (barw < 4)
		barw = 4;
	/* the change is from the last year with a figure, across a gap (the
	 * rows between say "no figure"), as the tables and the sheet count it */
	bool prev_has = false;
	struct ak_val prev = {0};
	const struct ak_event *ev[16];
	size_t n_ev = a->ds->n_years ? events_for(a->ds, code, a->ds->years[0],
						  a->ds->years[a->ds->n_years - 1], ev, 16)
				     : 0;
	for (size_t i = 0; i < a->ds->n_years; i++) {
		int y = a->ds->years[i];
		struct ak_figures f, nf;
		bool has = app_figures_at(a, y, code, &f, NULL) && f.rate.present;
		bool nat = app_figures_at(a, y, AK_NATIONAL_CODE, &nf, NULL) && nf.rate.present;
		vline_new(out);
		vline_add(out, i == a->year_idx ? ROLE_TAB_ACTIVE : ROLE_NORMAL, " %d ", y);
		if (!has) {
			vline_add(out, ROLE_DIM, "%-*s", barw, i18n_literal(N_(" (no figure)")));
		} else {
			add_bar(a, out, f.rate.value, nat ? nf.rate.value : 0, nat, barw);
			vline_num(out, ROLE_NORMAL, " %5.*f %%", stats_shown_decimals(f.rate),
				  f.rate.value);
		}
		if (has && prev_has) {
			int dd;
			double d = stats_change(f.rate, prev, &dd);
			const char *arrow = d > 0   ? glyph(a->ascii, GL_UP)
					    : d < 0 ? glyph(a->ascii, GL_DOWN)
						    : "=";
			vline_num(out,
				  d > 0	  ? ROLE_UP
				  : d < 0 ? ROLE_DOWN
					  : ROLE_NORMAL,
				  " %s%+5.*f", arrow, dd, d);
		} else {
			vline_add(out, ROLE_NORMAL, "%7s", "");
		}
		if (show_nat && nat)
			vline_num(out, ROLE_NATIONAL, "  DK %.*f", stats_shown_decimals(nf.rate),
				  nf.rate.value);
		for (size_t k = 0; k < n_ev; k++) /* events of the year: their numbers */
			if (event_year(ev[k]) == y)
				vline_add(out, ROLE_WARN, " [%zu]", k + 1);
		if (has) {
			prev_has = true;
			prev = f.rate;
		}
	}
	for (size_t k = 0; k < n_ev; k++) { /* the events, numbered as marked */
		char *day = cycletext_day(ev[k]->date, 0);
		vline_new(out);
		vline_add(out, ROLE_DIM, " [%zu] %s, %s: %s", k + 1, day,
			  event_kind_label(ev[k]->kind), ev[k]->text);
		free(day);
	}
}
