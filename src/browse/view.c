/* view.c - pane contents as styled lines, computed from the app state. */
#include "ankekort/browse/view.h"
#include "ankekort/base/i18n.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/data/funnel.h"
#include "ankekort/data/register.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/data/stats.h"
#include "ankekort/output/tables.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

/* ---- line building ------------------------------------------------------------ */

void vlines_free(struct vlines *v)
{
	for (size_t i = 0; i < v->n; i++) {
		for (size_t k = 0; k < v->lines[i].n; k++)
			free(v->lines[i].spans[k].text);
		free(v->lines[i].spans);
	}
	free(v->lines);
	v->lines = NULL;
	v->n = 0;
}

/* vline_add for text of numbers and labels: the decimal separator follows
 * the interface language. */

/* A rank among fewer figures says little: it is left out. */
#define RANK_MIN_FIGURES 5

/* "1st", "2nd", "3rd", "11th" ...; "1." in Danish. */
static void ordinal(int n, char *buf, size_t size)
{
	if (i18n_danish()) {
		snprintf(buf, size, "%d.", n);
		return;
	}
	int tens = n % 100, ones = n % 10;
	const char *suffix = tens >= 11 && tens <= 13 ? "th"
			     : ones == 1	      ? "st"
			     : ones == 2	      ? "nd"
			     : ones == 3	      ? "rd"
						      : "th";
	snprintf(buf, size, "%d%s", n, suffix);
}
static void vline_num(struct vlines *v, enum ak_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

void vline_new(struct vlines *v)
{
	v->lines = xreallocarray(v->lines, v->n + 1, sizeof *v->lines);
	v->lines[v->n++] = (struct vline){0};
}

static void add_text(struct vlines *v, enum ak_role role, char *text)
{
	if (v->n == 0)
		vline_new(v);
	struct vline *l = &v->lines[v->n - 1];
	l->spans = xreallocarray(l->spans, l->n + 1, sizeof *l->spans);
	l->spans[l->n++] = (struct vspan){.role = role, .text = text};
}

void vline_add(struct vlines *v, enum ak_role role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(_(fmt), ap);
	va_end(ap);
	add_text(v, role, text);
}

static void vline_num(struct vlines *v, enum ak_role role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(_(fmt), ap);
	va_end(ap);
	add_text(v, role, textfmt_localize(text));
}

/* Escaped s cut or padded to exactly width columns. */
static void add_fit(struct vlines *v, enum ak_role role, const char *s, int width, bool ascii)
{
	struct sbuf b = {0};
	if (ascii)
		textfmt_fit_ascii(&b, s, width > 0 ? (size_t)width : 0, true);
	else
		textfmt_fit(&b, s, width > 0 ? (size_t)width : 0, true, false);
	add_text(v, role, sbuf_take(&b));
}

static void add_right(struct vlines *v, enum ak_role role, const char *s, int width)
{
	int pad = width - (int)textfmt_width(s);
	vline_add(v, role, "%*s%s", pad > 0 ? pad : 0, "", s);
}

struct wrap_ctx {
	struct vlines *out;
	int indent;
	enum ak_role role;
	bool join; /* the first line goes on the current line, unindented */
};

static void wrap_emit(void *ctx, const char *line, size_t len)
{
	struct wrap_ctx *w = ctx;
	int indent = w->join ? 0 : w->indent;
	if (!w->join)
		vline_new(w->out);
	w->join = false;
	char *text = xasprintf("%*s%.*s", indent, "", (int)len, line);
	add_text(w->out, w->role, text);
}

/* s escaped and wrapped to width, every line indented; with join, the first
 * line continues the current line instead. */
static void wrap_lines(struct vlines *out, const char *s, int width, int indent, enum ak_role role,
		       bool join)
{
	struct sbuf esc = {0};
	textfmt_escape(&esc, s);
	struct wrap_ctx w = {.out = out, .indent = indent, .role = role, .join = join};
	textfmt_wrap(sbuf_str(&esc), (size_t)(width - indent > 4 ? width - indent : 4), wrap_emit, &w);
	sbuf_free(&esc);
}

void view_wrap(struct vlines *out, const char *s, int width, int indent, enum ak_role role)
{
	wrap_lines(out, s, width, indent, role, false);
}

/* ---- numbers --------------------------------------------------------------------- */

static const char *pct(char *buf, size_t size, struct ak_val v)
{
	if (!v.present)
		snprintf(buf, size, "\xE2\x80\x93");
	else
		snprintf(buf, size, "%.*f %%", v.published_only ? v.decimals : 1, v.value);
	return textfmt_localize(buf);
}

static const char *dash(bool ascii)
{
	return ascii ? "-" : "\xE2\x80\x93";
}

static bool figures_for(const struct app *a, int year, int code, struct ak_figures *f,
			const struct ak_obs **obs)
{
	const struct ak_obs *o = year ? dataset_find(a->ds, year, code, a->area) : NULL;
	if (obs)
		*obs = o;
	if (!o)
		return false;
	const struct ak_figures *cached = year == a->figs->year && (int)a->area == a->figs->area
						  ? app_figures(a, code)
						  : NULL;
	if (cached)
		*f = *cached;
	else
		stats_figures(o, f);
	return true;
}

static const char *muni_name(const struct app *a, int code)
{
	const struct ak_municipality *m = dataset_muni(a->ds, code);
	return m ? m->name : "?";
}

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

/* The list row: name, rate (5), cases (5), a space, markers (3). */
static int list_name_width(int width)
{
	return width - 14 > 4 ? width - 14 : 4;
}

void view_list_title(const struct app *a, int width, struct vlines *out)
{
	vline_new(out);
	enum ak_role r = a->focus == PANE_LIST ? ROLE_TITLE_FOCUS : ROLE_HEADER;
	add_fit(out, r, _(" Municipality"), list_name_width(width), a->ascii);
	add_right(out, r, _("Rate"), 5);
	add_right(out, r, _("Cases"), 6);
	add_fit(out, r, "  ", width - list_name_width(width) - 11, a->ascii);
}

static void list_markers(const struct app *a, const struct ak_obs *o,
			 const struct ak_figures *f, char *buf, size_t size)
{
	unsigned flags = o ? stats_flags(o, f) : 0;
	snprintf(buf, size, "%s%s%s", flags & FLAG_SMALL_SAMPLE ? "s" : " ",
		 flags & (FLAG_INCONSISTENT | FLAG_OTHER_INCONSISTENT) ? "!" : " ",
		 flags & FLAG_SOURCES_DISAGREE ? (a->ascii ? "~" : "\xE2\x89\xA0") : " ");
}

void view_list_row(const struct app *a, size_t i, int width, struct vlines *out)
{
	int code = a->list[i];
	struct ak_figures f;
	const struct ak_obs *o = NULL;
	bool has = figures_for(a, app_year(a), code, &f, &o);
	bool sel = i == a->sel;
	enum ak_role role = sel ? (a->focus == PANE_LIST ? ROLE_SELECTED : ROLE_SELECTED_DIM)
				: (code == AK_NATIONAL_CODE ? ROLE_NATIONAL : ROLE_NORMAL);
	char name[256], rate[32], cases[32], marks[16];
	snprintf(name, sizeof name, "%s%s", a->marked[code] ? "*" : " ", muni_name(a, code));
	if (has && f.rate.present) {
		snprintf(rate, sizeof rate, "%.*f", f.rate.published_only ? f.rate.decimals : 1,
			 f.rate.value);
		textfmt_localize(rate);
	} else {
		snprintf(rate, sizeof rate, "%s", dash(a->ascii));
	}
	if (has && f.cases >= 0)
		snprintf(cases, sizeof cases, "%ld", f.cases);
	else
		snprintf(cases, sizeof cases, "%s", has ? dash(a->ascii) : "");
	list_markers(a, has ? o : NULL, &f, marks, sizeof marks);
	vline_new(out);
	add_fit(out, role, name, list_name_width(width), a->ascii);
	add_right(out, role, rate, 5);
	add_right(out, role, cases, 5);
	add_fit(out, role, " ", 1, a->ascii);
	add_fit(out, role, marks, width - list_name_width(width) - 11, a->ascii);
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
	add_text(out, ROLE_MESSAGE, xstrndup(text, cursor));
	if (cursor < len)
		add_text(out, ROLE_SELECTED, xstrndup(text + cursor, next - cursor));
	else
		add_text(out, ROLE_STATUS, xstrdup("_"));
	add_text(out, ROLE_MESSAGE, xstrdup(text + next));
}

void view_status(const struct app *a, struct vlines *out)
{
	vline_new(out);
	if (a->overlay == OVERLAY_EXPORT) {
		vline_add(out, ROLE_MESSAGE, " Export to: ");
		add_edited(out, a->export_path, a->export_cursor);
		vline_add(out, ROLE_STATUS, "  (.md, .csv, .txt or .html; Enter writes, Esc cancels)");
		return;
	}
	if (a->overlay == OVERLAY_REGISTER) {
		vline_add(out, ROLE_MESSAGE, " %s: ", regprompt_question(&a->rp));
		if (a->rp.step != RPS_CONFIRM)
			add_edited(out, a->rp.text, a->rp.ed.cursor);
		vline_add(out, ROLE_STATUS, "  %s", a->rp.problem[0] ? a->rp.problem
								   : _("(Enter: next, Esc: cancel)"));
		return;
	}
	if (a->overlay == OVERLAY_SEARCH) {
		vline_add(out, ROLE_MESSAGE, " Search: ");
		add_edited(out, a->query, a->query_cursor);
		vline_add(out, ROLE_STATUS, "  (Enter keeps, Esc cancels) %s", a->message);
		return;
	}
	if (a->message[0]) {
		vline_add(out, ROLE_MESSAGE, " %s ", a->message);
		return;
	}
	size_t with = app_coverage(a), all = a->ds->n_munis > 0 ? a->ds->n_munis - 1 : 0;
	char line[256];
	snprintf(line, sizeof line,
		 ngettext(" %s %d: %zu of %zu municipalities has a figure",
			  " %s %d: %zu of %zu municipalities have a figure", with),
		 area_label(a->area), app_year(a), with, all);
	vline_add(out, ROLE_STATUS, "%s", line);
	vline_add(out, ROLE_STATUS, " | sort: %s | region: %s%s | data: %s", app_sort_name(a->sort),
		  a->region >= 0 ? a->regions[a->region] : _("all"),
		  a->only_figures ? _(" | only with figures") : "", a->ds->dir ? a->ds->dir : "");
}

void view_keybar(const struct app *a, struct vlines *out)
{
	(void)a;
	vline_new(out);
	for (size_t i = 0; i < ak_n_bindings; i++) {
		const struct ak_binding *b = &ak_bindings[i];
		if (!b->bar)
			continue;
		vline_add(out, ROLE_KEY, "%s", b->bar_key ? b->bar_key : b->label);
		vline_add(out, ROLE_KEYLABEL, "%s ", _(b->bar));
	}
}

/* ---- breakdown ----------------------------------------------------------------------- */

static void stacked_bar(const struct app *a, const struct ak_figures *f, int width,
			struct vlines *out)
{
	struct ak_val parts[3] = {f->changed_pct, f->remanded_pct, f->upheld_pct};
	if (!parts[2].present && f->rate.present)
		parts[2] = (struct ak_val){.value = 100.0 - f->rate.value, .present = true};
	static const char *const utf[3] = {"\xE2\x96\x88", "\xE2\x96\x92", "\xC2\xB7"};
	static const char *const asc[3] = {"#", "=", "."};
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
		for (; used < upto; used++)
			sbuf_puts(&s, a->ascii ? asc[k] : utf[k]);
		add_text(out, roles[k], sbuf_take(&s));
	}
	vline_add(out, ROLE_NORMAL, "]");
	vline_new(out);
	vline_add(out, ROLE_DIM, "  %s changed  %s remanded  %s upheld", a->ascii ? asc[0] : utf[0],
		  a->ascii ? asc[1] : utf[1], a->ascii ? asc[2] : utf[2]);
}

static void flag_lines(const struct ak_obs *o, const struct ak_figures *f, int width,
		       struct vlines *out)
{
	unsigned flags = stats_flags(o, f);
	if (flags & FLAG_PUBLISHED_ONLY)
		view_wrap(out, _("Published percentages only: no case counts, so no interval."), width, 1,
			  ROLE_DIM);
	if (flags & FLAG_SMALL_SAMPLE) {
		char buf[128];
		snprintf(buf, sizeof buf,
			 _("Small sample: %ld cases; one case more or less moves the rate by %.1f points."),
			 f->cases, f->cases > 0 ? 100.0 / (double)f->cases : 100.0);
		view_wrap(out, textfmt_localize(buf), width, 1, ROLE_WARN);
	}
	if (flags & FLAG_INCONSISTENT)
		view_wrap(out, _("Inconsistent: the published figures do not add up (ankekort check)."),
			  width, 1, ROLE_WARN);
	if (flags & FLAG_OTHER_INCONSISTENT)
		view_wrap(out, _("Another source's figures for this do not add up: press o to see them "
				 "(ankekort check)."),
			  width, 1, ROLE_WARN);
	if (flags & FLAG_SOURCES_DISAGREE)
		view_wrap(out, _("Sources disagree on these figures: press o to see them all."), width, 1,
			  ROLE_WARN);
	if (flags & FLAG_ONE_LAW_ONLY)
		view_wrap(out, _("Only rows under one of the two laws that cover this area were "
				 "imported: the figure may be too low."),
			  width, 1, ROLE_WARN);
}

static void no_figure(const struct app *a, int code, int width, struct vlines *out)
{
	char buf[256];
	snprintf(buf, sizeof buf, _("No figure is published for %s, %s %d in the loaded data."),
		 muni_name(a, code), area_label(a->area), app_year(a));
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

/* Is the difference beyond chance: the exact binomial test, and where the
 * funnel plot puts it. */
static void chance_line(long reversed, long cases, double national, int width, struct vlines *out)
{
	char *p = funnel_p_sentence(funnel_binom_p(reversed, cases, national / 100.0));
	char line[512];
	snprintf(line, sizeof line, _("Exact binomial test against the national rate: %s. Funnel "
				      "plot (F): %s."),
		 p, funnel_pos_text(funnel_position(reversed, cases, national / 100.0)));
	view_wrap(out, line, width, 1, ROLE_NORMAL);
	free(p);
}

void view_breakdown(const struct app *a, int width, struct vlines *out)
{
	int code = app_code(a), year = app_year(a);
	char t1[32], t2[32], t3[32], ci[64];
	vline_new(out);
	vline_add(out, a->focus == PANE_BREAKDOWN ? ROLE_TITLE_FOCUS : ROLE_HEADER, " %s \xC2\xB7 %s \xC2\xB7 %d ",
		  muni_name(a, code), area_label(a->area), year);
	struct ak_figures f, nf;
	const struct ak_obs *o;
	if (!figures_for(a, year, code, &f, &o)) {
		no_figure(a, code, width, out);
		return;
	}
	const struct ak_obs *split_from = stats_borrow_split(a->ds, o, &f);
	ci[0] = '\0';
	if (f.has_ci) {
		snprintf(ci, sizeof ci, _("  95 %% CI %.1f%s%.1f"), f.ci_low, dash(a->ascii), f.ci_high);
		textfmt_localize(ci);
	}
	vline_new(out);
	vline_add(out, ROLE_NORMAL, " Reversal rate ");
	vline_add(out, ROLE_HEADER, "%s", pct(t1, sizeof t1, f.rate));
	vline_add(out, ROLE_NORMAL, "%s  n = %s", ci, f.cases >= 0 ? "" : _("not published"));
	if (f.cases >= 0)
		vline_add(out, ROLE_NORMAL, "%ld", f.cases);
	vline_new(out);
	vline_add(out, ROLE_REMANDED, " Remanded %s", pct(t1, sizeof t1, f.remanded_pct));
	if (f.remanded >= 0)
		vline_add(out, ROLE_NORMAL, " (%ld)", f.remanded);
	vline_add(out, ROLE_CHANGED, "  Changed %s", pct(t2, sizeof t2, f.changed_pct));
	if (f.changed >= 0)
		vline_add(out, ROLE_NORMAL, " (%ld)", f.changed);
	vline_add(out, ROLE_UPHELD, "  Upheld %s", pct(t3, sizeof t3, f.upheld_pct));
	if (f.upheld >= 0)
		vline_add(out, ROLE_NORMAL, " (%ld)", f.upheld);
	if (split_from) {
		char line[512];
		snprintf(line, sizeof line, _("Remanded and changed from %s; the source shown gives "
					      "only the rate."),
			 split_from->source.text);
		view_wrap(out, line, width, 1, ROLE_DIM);
	}
	vline_new(out);
	if (code != AK_NATIONAL_CODE && figures_for(a, year, AK_NATIONAL_CODE, &nf, NULL) &&
	    nf.rate.present && f.rate.present) {
		double d = stats_round(f.rate.value - nf.rate.value, 1);
		vline_add(out, ROLE_NATIONAL, " National %s", pct(t1, sizeof t1, nf.rate));
		vline_num(out, ROLE_NORMAL, "  difference %+.1f points", d);
		int of = 0, rank = app_rank(a, code, &of);
		if (rank && of >= RANK_MIN_FIGURES) {
			char nth[16];
			ordinal(rank, nth, sizeof nth);
			vline_new(out);
			vline_add(out, ROLE_NORMAL, " %s lowest of the %d municipalities with a figure",
				  nth, of);
		}
		if (f.cases > 0 && f.reversed >= 0) {
			double expected, diff;
			stats_in_cases(f.reversed, f.cases, nf.rate.value, &expected, &diff);
			char line[256];
			snprintf(line, sizeof line,
				 _("In cases: %ld of %ld reversed; at the national rate %.1f, so %.0f %s."),
				 f.reversed, f.cases, expected, fabs(diff),
				 diff > 0 ? _("more than the national rate") : _("fewer than the national rate"));
			view_wrap(out, textfmt_localize(line), width, 1, ROLE_NORMAL);
			chance_line(f.reversed, f.cases, nf.rate.value, width, out);
		}
	} else if (code != AK_NATIONAL_CODE) {
		vline_add(out, ROLE_DIM, " No national rate loaded for %s %d", area_label(a->area), year);
	} else {
		vline_add(out, ROLE_DIM, " All municipalities together");
	}
	stacked_bar(a, &f, width, out);
	flag_lines(o, &f, width, out);
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
	snprintf(src, sizeof src, _("Source: %s%s%s"), o->source.text, o->source.date[0] ? ", " : "",
		 o->source.date);
	view_wrap(out, src, width, 1, ROLE_DIM);
	if (o->note[0]) {
		snprintf(src, sizeof src, _("Note: %s"), o->note);
		view_wrap(out, src, width, 1, ROLE_DIM);
	}
	for (size_t i = 0; i < a->ds->n_comments; i++) {
		const struct ak_comment *c = &a->ds->comments[i];
		if (c->year != year || c->code != code || (c->area >= 0 && c->area != (int)a->area))
			continue;
		char *line = xasprintf(_("The municipality's comment (%s): %s"), c->source.text, c->text);
		view_wrap(out, line, width, 1, ROLE_NORMAL);
		free(line);
	}
}

/* ---- trend ----------------------------------------------------------------------------- */

/* A bar of eighths, with the national rate as a marker: three spans (before
 * the marker, the marker, after it), however wide the bar. */
static void add_bar(const struct app *a, struct vlines *out, double value, double national,
		    bool has_nat, int barw)
{
	static const char *const eighths[8] = {"", "\xE2\x96\x8F", "\xE2\x96\x8E", "\xE2\x96\x8D",
					       "\xE2\x96\x8C", "\xE2\x96\x8B", "\xE2\x96\x8A",
					       "\xE2\x96\x89"};
	long total = lround(value / 100.0 * barw * 8);
	int marker = has_nat ? (int)lround(national / 100.0 * barw) : -1;
	if (marker >= barw)
		marker = barw - 1;
	struct sbuf seg = {0};
	for (int c = 0; c < barw; c++) {
		long fill = total - (long)c * 8;
		if (c == marker) {
			add_text(out, ROLE_HEADER, sbuf_take(&seg));
			vline_add(out, ROLE_NATIONAL, "%s", fill >= 4 ? (a->ascii ? "|" : "\xE2\x94\x83")
								     : (a->ascii ? "|" : "\xE2\x94\x82"));
			continue;
		}
		sbuf_puts(&seg, fill >= 8 ? (a->ascii ? "#" : "\xE2\x96\x88")
				: fill > 0 ? (a->ascii ? "+" : eighths[fill])
					   : " ");
	}
	add_text(out, ROLE_HEADER, sbuf_take(&seg));
}

void view_trend(const struct app *a, int width, struct vlines *out)
{
	int code = app_code(a);
	vline_new(out);
	vline_add(out, a->focus == PANE_TREND ? ROLE_TITLE_FOCUS : ROLE_HEADER,
		  " Trend \xC2\xB7 %s \xC2\xB7 %s ", muni_name(a, code), area_label(a->area));
	vline_add(out, ROLE_NATIONAL, " %s national", a->ascii ? "|" : "\xE2\x94\x82");
	bool show_nat = width >= 44;
	int barw = width - 6 - 8 - 9 - (show_nat ? 10 : 0);
	if (barw < 4)
		barw = 4;
	bool prev_has = false;
	double prev = 0;
	for (size_t i = 0; i < a->ds->n_years; i++) {
		int y = a->ds->years[i];
		struct ak_figures f, nf;
		bool has = figures_for(a, y, code, &f, NULL) && f.rate.present;
		bool nat = figures_for(a, y, AK_NATIONAL_CODE, &nf, NULL) && nf.rate.present;
		vline_new(out);
		vline_add(out, i == a->year_idx ? ROLE_TAB_ACTIVE : ROLE_NORMAL, " %d ", y);
		if (!has) {
			vline_add(out, ROLE_DIM, "%-*s", barw, _(" (no figure)"));
			prev_has = false;
		} else {
			add_bar(a, out, f.rate.value, nat ? nf.rate.value : 0, nat, barw);
			vline_num(out, ROLE_NORMAL, " %5.*f %%", f.rate.published_only ? f.rate.decimals : 1,
				  f.rate.value);
		}
		if (has && prev_has) {
			double d = stats_round(f.rate.value - prev, 1);
			const char *arrow = d > 0 ? (a->ascii ? "^" : "\xE2\x96\xB2")
				       : d < 0	   ? (a->ascii ? "v" : "\xE2\x96\xBC")
						   : "=";
			vline_num(out, d > 0 ? ROLE_UP : d < 0 ? ROLE_DOWN : ROLE_NORMAL, " %s%+5.1f", arrow, d);
		} else {
			vline_add(out, ROLE_NORMAL, "%7s", "");
		}
		if (show_nat && nat)
			vline_num(out, ROLE_NATIONAL, "  DK %.*f", nf.rate.published_only ? nf.rate.decimals : 1,
				  nf.rate.value);
		prev_has = has;
		prev = has ? f.rate.value : 0;
	}
}

/* ---- remanded cases ---------------------------------------------------------------------- */

static bool record_applies(const struct app *a, const struct ak_record *r, int code)
{
	return r->code == code && r->year == app_year(a) && (r->area < 0 || r->area == (int)a->area);
}

static void tally_line(const struct app *a, int code, int width, struct vlines *out)
{
	long n[OUTCOME_COUNT] = {0};
	bool any = false;
	for (size_t i = 0; i < a->ds->n_records; i++) {
		const struct ak_record *r = &a->ds->records[i];
		if (!record_applies(a, r, code) || r->kind == RECORD_SUMMARY || !r->count.present)
			continue;
		n[r->outcome] += (long)r->count.value;
		any = true;
	}
	if (!any)
		return;
	struct sbuf b = {0};
	sbuf_puts(&b, _("Follow-up:"));
	const enum ak_outcome order[] = {OUTCOME_NEW_DECISION, OUTCOME_UPHELD, OUTCOME_WITHDRAWN,
					 OUTCOME_APPEALED_AGAIN, OUTCOME_UNKNOWN};
	bool first = true;
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		if (n[order[k]] == 0)
			continue;
		sbuf_printf(&b, "%s %ld %s", first ? "" : " \xC2\xB7", n[order[k]],
			    outcome_label(order[k]));
		first = false;
	}
	view_wrap(out, sbuf_str(&b), width, 1, ROLE_HEADER);
	sbuf_free(&b);
}

static void record_lines(const struct ak_record *r, int width, struct vlines *out)
{
	struct sbuf b = {0};
	if (r->kind == RECORD_TALLY) {
		if (r->note[0]) {
			sbuf_printf(&b, "%s (%.0f): %s", outcome_label(r->outcome), r->count.value, r->note);
			view_wrap(out, sbuf_str(&b), width, 2, ROLE_DIM);
		}
		sbuf_free(&b);
		return;
	}
	sbuf_puts(&b, "* ");
	if (r->scope[0])
		sbuf_printf(&b, "[%s] ", r->scope);
	if (r->kind == RECORD_STORY)
		sbuf_printf(&b, "(%s) ", outcome_label(r->outcome));
	sbuf_puts(&b, r->summary);
	view_wrap(out, sbuf_str(&b), width, 1, ROLE_NORMAL);
	if (r->reason[0]) {
		sbuf_reset(&b);
		sbuf_printf(&b, _("Why remanded: %s"), r->reason);
		view_wrap(out, sbuf_str(&b), width, 3, ROLE_NORMAL);
	}
	if (r->note[0]) {
		sbuf_reset(&b);
		sbuf_printf(&b, _("Afterwards: %s"), r->note);
		view_wrap(out, sbuf_str(&b), width, 3, ROLE_NORMAL);
	}
	sbuf_free(&b);
}

static void where_accounts_exist(const struct app *a, int width, struct vlines *out)
{
	struct sbuf b = {0};
	sbuf_puts(&b, _("Accounts exist for:"));
	int last_code = -1, last_year = -1;
	for (size_t i = 0; i < a->ds->n_records; i++) {
		const struct ak_record *r = &a->ds->records[i];
		if (r->code == last_code && r->year == last_year)
			continue;
		sbuf_printf(&b, "%s %s %d (%s)", last_code < 0 ? "" : ",", muni_name(a, r->code), r->year,
			    r->area < 0 ? _("all areas") : area_label((enum ak_area)r->area));
		last_code = r->code;
		last_year = r->year;
	}
	if (last_code >= 0)
		view_wrap(out, sbuf_str(&b), width, 1, ROLE_DIM);
	sbuf_free(&b);
}

/* The local register's tally for the selection, beside the statistics. */
static void register_lines(const struct app *a, int code, int width, struct vlines *out)
{
	char today[16];
	register_today(today, sizeof today);
	const struct ak_figures *f = app_figures(a, code);
	char **lines;
	size_t n = register_describe(a->ds->reg, code, app_year(a), a->area, f ? f->remanded : -1,
				     today, &lines);
	for (size_t i = 0; i < n; i++) {
		view_wrap(out, lines[i], width, 1, i == 0 ? ROLE_HEADER : ROLE_NORMAL);
		free(lines[i]);
	}
	free(lines);
	/* the entries themselves, with the numbers E and X take */
	for (size_t i = 0; a->reg && i < a->reg->n; i++) {
		const struct reg_entry *e = &a->reg->e[i];
		if (e->code != code || e->year != app_year(a) || e->area != a->area)
			continue;
		char *line = xasprintf(_("#%d %s remanded %s: %s%s%s"), e->id,
				       e->paragraph[0] ? e->paragraph : "", e->remanded,
				       reg_outcome_label(e->outcome), e->decided[0] ? " " : "", e->decided);
		view_wrap(out, line, width, 2, ROLE_NORMAL);
		free(line);
	}
}

void view_remanded(const struct app *a, int width, struct vlines *out)
{
	int code = app_code(a);
	vline_new(out);
	vline_add(out, a->focus == PANE_REMANDED ? ROLE_TITLE_FOCUS : ROLE_HEADER,
		  " Remanded cases \xC2\xB7 %s %d ", muni_name(a, code), app_year(a));
	size_t before = out->n;
	register_lines(a, code, width, out);
	tally_line(a, code, width, out);
	for (size_t i = 0; i < a->ds->n_records; i++)
		if (record_applies(a, &a->ds->records[i], code))
			record_lines(&a->ds->records[i], width, out);
	if (out->n == before) {
		view_wrap(out, _("No account of what happened to remanded cases is loaded for this selection."),
			  width, 1, ROLE_DIM);
		where_accounts_exist(a, width, out);
	}
}

/* ---- overlays ---------------------------------------------------------------------------- */

/* One binding: the keys, then its description wrapped beside them with a
 * hanging indent; on a narrow overlay the description goes below the keys. */
static void help_binding(enum ak_action act, const char *keys, int width, struct vlines *out)
{
	const int keycol = 24;
	bool beside = width - keycol >= 24;
	vline_new(out);
	vline_add(out, ROLE_KEY, beside ? " %-22s " : " %s", keys);
	wrap_lines(out, action_help(act), width, beside ? keycol : 3, ROLE_NORMAL, beside);
}

void view_help(const struct app *a, int width, struct vlines *out)
{
	char keys[128];
	vline_new(out);
	vline_add(out, ROLE_HEADER, "Keys");
	for (int act = ACT_NONE + 1; act < ACT_COUNT; act++) {
		action_keys((enum ak_action)act, keys, sizeof keys);
		if (keys[0])
			help_binding((enum ak_action)act, keys, width, out);
	}
	vline_new(out);
	vline_new(out);
	vline_add(out, ROLE_HEADER, "Markers in the list");
	vline_new(out);
	vline_add(out, ROLE_NORMAL, " s  small sample: fewer than %d cases", STATS_SMALL_SAMPLE);
	vline_new(out);
	vline_add(out, ROLE_NORMAL, " !  the published figures do not add up");
	vline_new(out);
	vline_add(out, ROLE_NORMAL, " %s  sources publish different figures (o shows them)", a->ascii ? "~" : "\xE2\x89\xA0");
	vline_new(out);
	vline_add(out, ROLE_NORMAL, " %s  no figure published", dash(a->ascii));
	vline_new(out);
	vline_new(out);
	vline_add(out, ROLE_HEADER, "Reading the rate");
	view_wrap(out,
		  _("The reversal rate is the share of appeals decided on the merits that Ankestyrelsen "
		    "remanded or changed. It says something about the appealed decisions only, not "
		    "about decisions nobody appealed. With few cases, one case moves the rate by many "
		    "points: always read it with the case count."),
		  width, 1, ROLE_NORMAL);
}

static void obs_summary(const struct ak_obs *o, struct sbuf *b)
{
	const struct {
		const char *name;
		struct ak_num n;
		bool pct;
	} f[] = {{N_("cases"), o->cases, false},	   {N_("reversed"), o->reversed, false},
		 {N_("remanded"), o->remanded, false},	   {N_("changed"), o->changed, false},
		 {N_("upheld"), o->upheld, false},	   {N_("rate"), o->rate_pct, true},
		 {N_("remanded"), o->remanded_pct, true}, {N_("changed"), o->changed_pct, true},
		 {N_("upheld"), o->upheld_pct, true}};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		if (f[i].n.present)
			sbuf_printf(b, "%s%s %.*f%s", b->len ? ", " : "", _(f[i].name), f[i].n.decimals,
				    f[i].n.value, f[i].pct ? " %" : "");
}

void view_sources(const struct app *a, int width, struct vlines *out)
{
	int code = app_code(a), year = app_year(a);
	vline_new(out);
	vline_add(out, ROLE_HEADER, "Every source for %s, %s %d", muni_name(a, code), area_label(a->area), year);
	size_t shown = 0;
	for (size_t i = 0; i < a->ds->n_obs; i++) {
		const struct ak_obs *o = &a->ds->obs[i];
		if (o->year != year || o->code != code || o->area != a->area)
			continue;
		struct sbuf b = {0};
		obs_summary(o, &b);
		if (b.data)
			textfmt_localize(b.data);
		vline_new(out);
		char head[1200];
		static const char *const kinds[SOURCE_KIND_COUNT] = {N_("ministry"), N_("municipality"),
								     N_("press")};
		snprintf(head, sizeof head, "%s%s%s%s (%s%s%s)", o->is_default ? _("[shown] ") : "",
			 o->scope[0] ? _("[part: ") : "", o->scope, o->scope[0] ? "] " : "",
			 o->source.kind < SOURCE_KIND_COUNT ? _(kinds[o->source.kind]) : "?",
			 o->source.date[0] ? ", " : "", o->source.date);
		view_wrap(out, head, width, 0, ROLE_HEADER);
		view_wrap(out, o->source.text, width, 2, ROLE_NORMAL);
		view_wrap(out, sbuf_str(&b), width, 2, o->inconsistent ? ROLE_WARN : ROLE_NORMAL);
		if (o->source.url[0])
			view_wrap(out, o->source.url, width, 2, ROLE_DIM);
		snprintf(head, sizeof head, "%s:%d", o->path, o->line);
		view_wrap(out, head, width, 2, ROLE_DIM);
		sbuf_free(&b);
		shown++;
	}
	if (!shown)
		view_wrap(out, _("No source publishes a figure for this selection."), width, 0, ROLE_DIM);
}

/* ---- table modes ------------------------------------------------------------------ */

static void table_line(const struct app *a, struct vlines *out, const struct tview *t,
		       const size_t *w, size_t r, enum ak_role role)
{
	vline_new(out);
	for (size_t c = 0; c < t->ncols; c++) {
		if (c > 0 && c <= a->tcol)
			continue; /* scrolled past; the first column stays */
		const char *cell = t->cells[r * t->ncols + c];
		struct sbuf fitted = {0};
		if (a->ascii)
			textfmt_fit_ascii(&fitted, cell, w[c] + 1, false);
		else
			textfmt_fit(&fitted, cell, w[c] + 1, false, false);
		if (t->right[c])
			add_right(out, role, sbuf_str(&fitted), (int)w[c] + 1);
		else
			add_fit(out, role, sbuf_str(&fitted), (int)w[c] + 1, a->ascii);
		sbuf_free(&fitted);
		vline_add(out, role, " ");
	}
}

void view_table(const struct app *a, const struct tview *t, int width, struct vlines *out)
{
	size_t *w = xcalloc(t->ncols + 1, sizeof *w);
	tview_widths(t, width, a->ascii, w);
	vline_new(out);
	vline_add(out, ROLE_TITLE_FOCUS, " %s ", t->title);
	if (a->mode == MODE_COMPARE)
		vline_add(out, ROLE_HEADER, _("  set: %s (p)  other year: < >"), app_cmpset_name(a));
	if (a->mode == MODE_PEERS)
		vline_add(out, ROLE_HEADER, _("  Space marks peers in the list; none marked: 6-byer"));
	size_t max = tview_scroll_max(t, w, width);
	if (max > 0)
		vline_add(out, ROLE_DIM, a->ascii ? _("  <- -> more columns") : _("  \xE2\x86\x90 \xE2\x86\x92 more columns"));
	vline_new(out);
	for (size_t c = 0; c < t->ncols; c++) {
		if (c > 0 && c <= a->tcol)
			continue;
		char head[128];
		bool sorted = a->tsort_set && a->tsort_col == c;
		snprintf(head, sizeof head, "%s%s", t->head[c],
			 !sorted ? "" : a->tsort_desc ? (a->ascii ? " v" : " \xE2\x96\xBC")
						     : (a->ascii ? " ^" : " \xE2\x96\xB2"));
		if (t->right[c])
			add_right(out, sorted ? ROLE_TAB_ACTIVE : ROLE_HEADER, head, (int)w[c] + 1);
		else
			add_fit(out, sorted ? ROLE_TAB_ACTIVE : ROLE_HEADER, head, (int)w[c] + 1, a->ascii);
		vline_add(out, ROLE_HEADER, " ");
	}
	for (size_t r = 0; r < t->nrows; r++)
		table_line(a, out, t, w, r, r < t->pinned ? ROLE_NATIONAL : ROLE_NORMAL);
	if (t->note)
		view_wrap(out, t->note, width, 1, ROLE_DIM);
	free(w);
}

/* ---- the map ---------------------------------------------------------------------- */

static void map_tile(const struct app *a, struct vlines *out, const struct map_tile *t)
{
	struct ak_figures f;
	bool has = figures_for(a, app_year(a), t->code, &f, NULL) && f.rate.present;
	int cls = has ? map_rate_class(f.rate.value) : 0;
	enum ak_role role = t->code == app_code(a) ? ROLE_SELECTED : has ? ROLE_CLASS1 + cls - 1 : ROLE_NOFIGURE;
	vline_add(out, role, "%s%c", t->abbr, has ? (char)('0' + cls) : '.');
}

void view_map(const struct app *a, int width, struct vlines *out)
{
	vline_new(out);
	vline_add(out, a->focus == PANE_LIST ? ROLE_TITLE_FOCUS : ROLE_HEADER,
		  " Map \xC2\xB7 %s %d ", area_label(a->area), app_year(a));
	vline_add(out, ROLE_DIM, " %s", app_code(a) == AK_NATIONAL_CODE
						? _("arrows pick a municipality")
						: muni_name(a, app_code(a)));
	if (a->map.n == 0) {
		view_wrap(out, _("The map needs a larger terminal (about 80x24)."), width, 1, ROLE_DIM);
		return;
	}
	for (int y = 0; y < a->map.rows; y++) {
		vline_new(out);
		for (int x = 0; x < a->map.cols; x++) {
			const struct map_tile *t = map_tile_at(&a->map, x, y);
			if (t)
				map_tile(a, out, t);
			else
				vline_add(out, ROLE_NORMAL, "%*s", MAP_SLOT_W, "");
		}
	}
	vline_new(out);
	vline_add(out, ROLE_DIM, " ");
	vline_add(out, ROLE_CLASS1, "1");
	vline_add(out, ROLE_DIM, _(" <20  "));
	vline_add(out, ROLE_CLASS2, "2");
	vline_add(out, ROLE_DIM, _(" 20-30  "));
	vline_add(out, ROLE_CLASS3, "3");
	vline_add(out, ROLE_DIM, _(" 30-40  "));
	vline_add(out, ROLE_CLASS4, "4");
	vline_add(out, ROLE_DIM, _(" 40-50  "));
	vline_add(out, ROLE_CLASS5, "5");
	vline_add(out, ROLE_DIM, _(" 50+ %%  "));
	vline_add(out, ROLE_NOFIGURE, ".");
	vline_add(out, ROLE_DIM, _(" none"));
}
