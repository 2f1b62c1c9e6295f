/* viewoverlay.c - the help and sources overlays. */
#include "ankekort/browse/view.h"

#include <stdio.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/browse/mode.h"
#include "ankekort/browse/viewlines.h"

/* ---- overlays ---------------------------------------------------------------------------- */

/* One binding: the keys, then its description wrapped beside them with a
 * hanging indent; on a narrow overlay the description goes below the keys. */
static void help_binding(enum ak_action act, const char *keys, int width, struct vlines *out)
{
	const int keycol = 24;
	bool beside = width - keycol >= 24;
	vline_new(out);
	vline_add(out, ROLE_KEY, beside ? " %-22s " : " %s", keys);
	view_wrap_join(out, action_help(act), width, beside ? keycol : 3, ROLE_NORMAL, beside);
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
	if (a->mode->help) { /* what the mode shown says of itself */
		vline_new(out);
		vline_new(out);
		a->mode->help(a, width, out);
	}
	vline_new(out);
	vline_new(out);
	vline_add(out, ROLE_HEADER, "Reading the rate");
	view_wrap(out,
		  _("The reversal rate is the share of appeals decided on the merits that "
		    "Ankestyrelsen "
		    "remanded or changed. It says something about the appealed decisions only, not "
		    "about decisions nobody appealed. With few cases, one case moves the rate by "
		    "many "
		    "points: always read it with the case count."),
		  width, 1, ROLE_NORMAL);
}

static void obs_summary(const struct ak_obs *o, struct sbuf *b)
{
	const struct {
		const char *name;
		struct ak_num n;
		bool pct;
	} f[] = {{N_("cases"), o->cases, false},	  {N_("reversed"), o->reversed, false},
		 {N_("remanded"), o->remanded, false},	  {N_("changed"), o->changed, false},
		 {N_("upheld"), o->upheld, false},	  {N_("rate"), o->rate_pct, true},
		 {N_("remanded"), o->remanded_pct, true}, {N_("changed"), o->changed_pct, true},
		 {N_("upheld"), o->upheld_pct, true}};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		if (f[i].n.present)
			sbuf_printf(b, "%s%s %.*f%s", b->len ? ", " : "", _(f[i].name),
				    f[i].n.decimals, f[i].n.value, f[i].pct ? " %" : "");
	struct ak_rate r = stats_rate_of(o);
	if (r.from_counts) { /* the rate its counts give, as compared with the others */
		char rate[64];
		sbuf_printf(b, _("; the counts give %s"), stats_rate_text(rate, sizeof rate, &r));
	}
}

void view_sources(const struct app *a, int width, struct vlines *out)
{
	int code = app_code(a), year = app_year(a);
	vline_new(out);
	vline_add(out, ROLE_HEADER, "Every source for %s, %s %d", view_muni_name(a, code),
		  area_label(a->area), year);
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
		static const char *const kinds[SOURCE_KIND_COUNT] = {
			N_("ministry"), N_("municipality"), N_("press"), N_("statistics")};
		snprintf(head, sizeof head, "%s%s%s%s (%s%s%s; %s)",
			 o->is_default ? _("[shown] ") : "", o->scope[0] ? _("[part: ") : "",
			 o->scope, o->scope[0] ? "] " : "",
			 o->source.kind < SOURCE_KIND_COUNT ? _(kinds[o->source.kind]) : "?",
			 o->source.date[0] ? ", " : "", o->source.date,
			 o->layer == LAYER_USER ? _("your data") : _("shipped"));
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
		view_wrap(out, _("No source publishes a figure for this selection."), width, 0,
			  ROLE_DIM);
}
