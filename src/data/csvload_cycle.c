/* csvload_cycle.c - the two dated tables: cycle_rules.csv (what
 * retssikkerhedsloven § 79 b asks of the council, from when to when) and
 * events.csv (what happened that a reader of the figures should know). */
#include "ankekort/data/csvload.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/data/register.h"
#include "ankekort/base/xalloc.h"

enum { RU_RULE, RU_PROVISION, RU_FROM, RU_TO, RU_DEADLINE, RU_SOURCE, RU_URL, RU_NOTE, RU_COUNT };
static const struct colspec rule_cols[RU_COUNT] = {
	[RU_RULE] = {"rule", true},	    [RU_PROVISION] = {"provision", true},
	[RU_FROM] = {"valid_from", true},   [RU_TO] = {"valid_to", true},
	[RU_DEADLINE] = {"deadline", true}, [RU_SOURCE] = {"source", true},
	[RU_URL] = {"source_url", false},   [RU_NOTE] = {"note", false},
};

enum { EV_CODE, EV_DATE, EV_KIND, EV_TEXT, EV_SOURCE, EV_URL, EV_COUNT };
static const struct colspec event_cols[EV_COUNT] = {
	[EV_CODE] = {"code", true},	[EV_DATE] = {"date", true},
	[EV_KIND] = {"kind", true},	[EV_TEXT] = {"text", true},
	[EV_SOURCE] = {"source", true}, [EV_URL] = {"source_url", false},
};

/* A day YYYY-MM-DD into out (11 bytes); an empty cell when may_be_empty. */
static void get_day(struct table *t, const struct csv_row *row, int col, bool may_be_empty,
		    char *out)
{
	const char *s = tbl_field(t, row, col);
	out[0] = '\0';
	if (!s[0] && may_be_empty)
		return;
	if (!register_valid_date(s)) {
		tbl_bad_value(t, row, col,
			      may_be_empty ? "a day as YYYY-MM-DD or nothing"
					   : "a day as YYYY-MM-DD");
		return;
	}
	snprintf(out, 11, "%s", s);
}

static void need_text(struct table *t, const struct csv_row *row, int col, const char *what)
{
	if (!tbl_field(t, row, col)[0])
		tbl_bad_value(t, row, col, what);
}

static void rule_row(struct table *t, const struct csv_row *row)
{
	struct ak_rule r = {.path = t->path, .line = row->line};
	if (!rule_kind_parse(tbl_field(t, row, RU_RULE), &r.kind))
		tbl_bad_value(t, row, RU_RULE, "discuss, decide_plan, tell_no_plan or order_plan");
	need_text(t, row, RU_PROVISION,
		  N_("the provision, e.g. retssikkerhedsloven § 79 b, stk. 1"));
	get_day(t, row, RU_FROM, true, r.valid_from);
	get_day(t, row, RU_TO, true, r.valid_to);
	if (r.valid_from[0] && r.valid_to[0] && strcmp(r.valid_to, r.valid_from) < 0)
		tbl_bad_value(t, row, RU_TO, "a day not before valid_from");
	if (!deadline_parse(tbl_field(t, row, RU_DEADLINE), &r.deadline))
		tbl_bad_value(t, row, RU_DEADLINE, "year_end, none or set");
	need_text(t, row, RU_SOURCE, N_("the law or document the rule is read from"));
	if (t->row_bad)
		return;
	r.provision = tbl_get_text(t, row, RU_PROVISION);
	r.source.text = tbl_get_text(t, row, RU_SOURCE);
	r.source.date = xstrdup("");
	r.source.url = tbl_get_url(t, row, RU_URL);
	r.note = tbl_get_text(t, row, RU_NOTE);
	struct ak_dataset *ds = t->ds;
	if (ds->n_rules == ds->cap_rules) {
		ds->cap_rules = ds->cap_rules ? ds->cap_rules * 2 : 8;
		ds->rules = xreallocarray(ds->rules, ds->cap_rules, sizeof *ds->rules);
	}
	ds->rules[ds->n_rules++] = r;
}

void csvload_rules_mem(struct ak_dataset *ds, const char *path, const char *buf, size_t len,
		       const char *display, struct diag_list *diags, struct load_result *res)
{
	struct table t = {.ds = ds,
			  .path = tbl_register_file(ds, display),
			  .diags = diags,
			  .res = res,
			  .cols = rule_cols,
			  .ncols = RU_COUNT,
			  .row_fn = rule_row};
	tbl_read_table(&t, path, buf, len);
}

static void event_row(struct table *t, const struct csv_row *row)
{
	struct ak_event e = {.path = t->path, .line = row->line};
	e.code = tbl_get_code(t, row, EV_CODE);
	get_day(t, row, EV_DATE, false, e.date);
	if (!event_kind_parse(tbl_field(t, row, EV_KIND), &e.kind))
		tbl_bad_value(t, row, EV_KIND,
			      "law, decision, reorganisation, taskforce, data_break or other");
	need_text(t, row, EV_TEXT, N_("what happened"));
	need_text(t, row, EV_SOURCE, N_("where it is documented"));
	if (t->row_bad)
		return;
	e.text = tbl_get_text(t, row, EV_TEXT);
	e.source.text = tbl_get_text(t, row, EV_SOURCE);
	e.source.date = xstrdup("");
	e.source.url = tbl_get_url(t, row, EV_URL);
	struct ak_dataset *ds = t->ds;
	if (ds->n_events == ds->cap_events) {
		ds->cap_events = ds->cap_events ? ds->cap_events * 2 : 8;
		ds->events = xreallocarray(ds->events, ds->cap_events, sizeof *ds->events);
	}
	ds->events[ds->n_events++] = e;
}

void csvload_events_mem(struct ak_dataset *ds, const char *path, const char *buf, size_t len,
			const char *display, struct diag_list *diags, struct load_result *res)
{
	struct table t = {.ds = ds,
			  .path = tbl_register_file(ds, display),
			  .diags = diags,
			  .res = res,
			  .cols = event_cols,
			  .ncols = EV_COUNT,
			  .row_fn = event_row};
	tbl_read_table(&t, path, buf, len);
}

void csvload_rules(struct ak_dataset *ds, const char *path, const char *display,
		   struct diag_list *diags, struct load_result *res)
{
	csvload_rules_mem(ds, path, NULL, 0, display, diags, res);
}

void csvload_events(struct ak_dataset *ds, const char *path, const char *display,
		    struct diag_list *diags, struct load_result *res)
{
	csvload_events_mem(ds, path, NULL, 0, display, diags, res);
}
