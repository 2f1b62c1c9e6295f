/* cycprompt.c - a cycle step's fields, one prompt after the other. */
#include "ankekort/browse/cycprompt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/browse/action.h"
#include "ankekort/data/register.h"

const char *cycprompt_question(const struct cycprompt *p)
{
	switch (p->step) {
	case CPS_ID:
		return p->kind == CP_DELETE ? _("Delete step number") : _("Change step number");
	case CPS_KIND:
		return _("Kind: published, committee, council, decision, told, order, reminder, "
			 "report");
	case CPS_YEAR: return _("Year of the maps' figures (the 2024 maps: 2024)");
	case CPS_DATE: return _("Date (YYYY-MM-DD)");
	case CPS_PLAN: return _("Action plan: yes or no");
	case CPS_AREAS: return _("Areas or \xC2\xA7\xC2\xA7 the plan covers (or empty)");
	case CPS_PERIOD: return _("The plan's period (or empty)");
	case CPS_DEADLINE: return _("Deadline (YYYY-MM-DD, or empty)");
	case CPS_TEXT: return _("Text: the committee, the report, a note (no names, no CPR)");
	default: return _("Delete it? (y/n)");
	}
}

/* The current value of the step's field, offered for editing. */
static void offer(struct cycprompt *p)
{
	const struct cycle_entry *e = &p->e;
	char year[8] = "";
	if (e->year)
		snprintf(year, sizeof year, "%d", e->year);
	const char *v = p->step == CPS_KIND	  ? cycle_kind_id(e->kind)
			: p->step == CPS_YEAR	  ? year
			: p->step == CPS_DATE	  ? e->date
			: p->step == CPS_PLAN	  ? cycle_plan_id(e->plan)
			: p->step == CPS_AREAS	  ? e->areas
			: p->step == CPS_PERIOD	  ? e->period
			: p->step == CPS_DEADLINE ? e->deadline
			: p->step == CPS_TEXT	  ? e->text
						  : "";
	p->ed = (struct lineedit){.buf = p->text, .size = sizeof p->text};
	lineedit_set(&p->ed, v);
}

void cycprompt_start(struct cycprompt *p, enum cycprompt_kind kind, int code, int year,
		     int first_id)
{
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->e = (struct cycle_entry){.code = code, .year = year, .kind = CYC_COUNCIL};
	p->e.areas = xstrdup("");
	p->e.period = xstrdup("");
	p->e.text = xstrdup("");
	p->step = kind == CP_ADD ? CPS_KIND : CPS_ID;
	offer(p);
	if (kind != CP_ADD && first_id > 0) {
		char id[16];
		snprintf(id, sizeof id, "%d", first_id);
		lineedit_set(&p->ed, id);
	}
}

void cycprompt_free(struct cycprompt *p)
{
	cycle_entry_free(&p->e);
	cycle_entry_free(&p->orig);
	memset(p, 0, sizeof *p);
}

/* The municipality's own step numbered as typed: another one's is not
 * offered from its view. */
static bool take_id(struct cycprompt *p, const struct cycle *c)
{
	char *end;
	long id = strtol(p->text, &end, 10);
	const struct cycle_entry *found = NULL;
	for (size_t i = 0; c && i < c->n && !*end && id > 0; i++)
		if (c->e[i].id == id && c->e[i].code == p->e.code)
			found = &c->e[i];
	if (!found) {
		snprintf(p->problem, sizeof p->problem,
			 _("no step %s of this municipality's in the cycle record"), p->text);
		return false;
	}
	cycle_entry_free(&p->e);
	cycle_entry_free(&p->orig);
	cycle_entry_copy(&p->e, found);
	cycle_entry_copy(&p->orig, found);
	return true;
}

static bool take_day(char *slot, const char *text, bool may_be_empty, char *problem, size_t psize)
{
	if ((!text[0] && may_be_empty) || register_valid_date(text)) {
		snprintf(slot, 11, "%s", text);
		return true;
	}
	snprintf(problem, psize, _("\"%s\" is not a date such as 2025-11-12"), text);
	return false;
}

static void set_text(char **field, const char *text)
{
	free(*field);
	*field = xstrdup(text);
}

/* A new kind drops the fields the old one had and the new one has not. */
static bool take_kind(struct cycprompt *p)
{
	struct cycle_entry *e = &p->e;
	if (!cycle_kind_parse(p->text, &e->kind)) {
		snprintf(p->problem, sizeof p->problem, _("\"%s\" is not one of the kinds"),
			 p->text);
		return false;
	}
	if (e->kind != CYC_DECISION) {
		e->plan = PLAN_NONE;
		set_text(&e->areas, "");
		set_text(&e->period, "");
	}
	if (e->kind != CYC_ORDER)
		e->deadline[0] = '\0';
	return true;
}

static bool take_year(struct cycprompt *p)
{
	char *end;
	long y = strtol(p->text, &end, 10);
	if (*end || y < 1990 || y > 2999) {
		snprintf(p->problem, sizeof p->problem, _("\"%s\" is not a year such as 2024"),
			 p->text);
		return false;
	}
	p->e.year = (int)y;
	return true;
}

/* Takes the answer to the current step; false (with p->problem) when it
 * is not one. */
static bool take(struct cycprompt *p, const struct cycle *c)
{
	struct cycle_entry *e = &p->e;
	p->problem[0] = '\0';
	switch (p->step) {
	case CPS_ID: return take_id(p, c);
	case CPS_KIND: return take_kind(p);
	case CPS_YEAR: return take_year(p);
	case CPS_DATE: return take_day(e->date, p->text, false, p->problem, sizeof p->problem);
	case CPS_PLAN:
		if (p->text[0] && cycle_plan_parse(p->text, &e->plan))
			return true;
		snprintf(p->problem, sizeof p->problem, _("a decision is yes or no, not \"%s\""),
			 p->text);
		return false;
	case CPS_AREAS: set_text(&e->areas, p->text); return true;
	case CPS_PERIOD: set_text(&e->period, p->text); return true;
	case CPS_DEADLINE:
		return take_day(e->deadline, p->text, true, p->problem, sizeof p->problem);
	case CPS_TEXT: set_text(&e->text, p->text); return true;
	default: return true;
	}
}

/* The step after the current one that the entry's kind has. */
static enum cycprompt_step next_step(const struct cycprompt *p)
{
	const struct cycle_entry *e = &p->e;
	enum cycprompt_step s = p->step;
	for (;;) {
		s = (enum cycprompt_step)(s + 1);
		bool plan = e->kind == CYC_DECISION && e->plan == PLAN_YES;
		if ((s == CPS_PLAN && e->kind != CYC_DECISION) ||
		    ((s == CPS_AREAS || s == CPS_PERIOD) && !plan) ||
		    (s == CPS_DEADLINE && e->kind != CYC_ORDER))
			continue;
		return s;
	}
}

enum cycprompt_status cycprompt_key(struct cycprompt *p, const struct cycle *c,
				    const struct ak_dataset *ds, int key)
{
	if (key == AK_KEY_ESC)
		return CP_CANCELLED;
	if (p->step == CPS_CONFIRM) {
		bool yes =
			key == 'y' || key == 'Y' || (i18n_danish() && (key == 'j' || key == 'J'));
		return yes ? CP_FINISHED : CP_CANCELLED;
	}
	if (key != AK_KEY_ENTER) {
		lineedit_key(&p->ed, key);
		return CP_GOING;
	}
	if (!take(p, c))
		return CP_GOING;
	if (p->step == CPS_ID && p->kind == CP_DELETE) {
		p->step = CPS_CONFIRM;
		return CP_GOING;
	}
	if (p->step == CPS_PLAN && p->e.plan == PLAN_NO) {
		set_text(&p->e.areas, ""); /* no plan: no areas, no period */
		set_text(&p->e.period, "");
	}
	if (p->step == CPS_TEXT) {
		char *why = NULL;
		if (!cycle_check(&p->e, ds, &why)) {
			snprintf(p->problem, sizeof p->problem, "%s", why);
			free(why);
			return CP_GOING;
		}
		return CP_FINISHED;
	}
	p->step = next_step(p);
	offer(p);
	return CP_GOING;
}
