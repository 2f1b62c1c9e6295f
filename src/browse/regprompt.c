/* regprompt.c - the register's fields, one prompt after the other. */
#include "ankekort/browse/regprompt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/browse/action.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/xalloc.h"

const char *regprompt_question(const struct regprompt *p)
{
	switch (p->step) {
	case RPS_ID:
		return p->kind == RP_DELETE ? _("Delete entry number") : _("Change entry number");
	case RPS_PARAGRAPH: return _("Paragraph (e.g. \xC2\xA7 41)");
	case RPS_REMANDED: return _("Remanded on (YYYY-MM-DD)");
	case RPS_DECIDED: return _("New decision on (YYYY-MM-DD, empty while pending)");
	case RPS_OUTCOME:
		return _("Outcome: pending, favour, partly, same, withdrawn, appealed_again");
	case RPS_REASON: return _("Reason: information, hearing, reasons, other (or empty)");
	case RPS_NOTE: return _("Note (never a name or a CPR number)");
	default: return _("Delete it? (y/n)");
	}
}

/* The current value of the step's field, offered for editing. */
static void offer(struct regprompt *p)
{
	const struct reg_entry *e = &p->e;
	const char *v = p->step == RPS_PARAGRAPH  ? e->paragraph
			: p->step == RPS_REMANDED ? e->remanded
			: p->step == RPS_DECIDED  ? e->decided
			: p->step == RPS_OUTCOME  ? reg_outcome_id(e->outcome)
			: p->step == RPS_REASON	  ? reg_reason_id(e->reason)
			: p->step == RPS_NOTE	  ? e->note
						  : "";
	p->ed = (struct lineedit){.buf = p->text, .size = sizeof p->text};
	lineedit_set(&p->ed, v);
}

void regprompt_start(struct regprompt *p, enum regprompt_kind kind, int code, enum ak_area area,
		     int year)
{
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->e = (struct reg_entry){.code = code, .area = area, .year = year, .outcome = REG_PENDING};
	p->e.paragraph = xstrdup("");
	p->e.note = xstrdup("");
	p->step = kind == RP_ADD ? RPS_PARAGRAPH : RPS_ID;
	offer(p);
}

void regprompt_free(struct regprompt *p)
{
	reg_entry_free(&p->e);
	reg_entry_free(&p->orig);
	memset(p, 0, sizeof *p);
}

static bool take_id(struct regprompt *p, const struct reg *r)
{
	char *end;
	long id = strtol(p->text, &end, 10);
	const struct reg_entry *found = NULL;
	for (size_t i = 0; r && i < r->n && !*end && id > 0; i++)
		if (r->e[i].id == id)
			found = &r->e[i];
	if (!found && (!r || r->n == 0)) {
		snprintf(p->problem, sizeof p->problem,
			 _("no entry %s: the register has no entries yet (R adds one)"), p->text);
		return false;
	}
	if (!found) {
		char *ids = register_numbers(r);
		snprintf(p->problem, sizeof p->problem,
			 ngettext("no entry %s in the register; its entry is number %s",
				  "no entry %s in the register; its entries are numbers %s", r->n),
			 p->text, ids);
		free(ids);
		return false;
	}
	reg_entry_free(&p->e);
	reg_entry_free(&p->orig);
	reg_entry_copy(&p->e, found);
	reg_entry_copy(&p->orig, found);
	return true;
}

static bool take_date(char *slot, size_t size, const char *text, bool may_be_empty, char *problem,
		      size_t psize)
{
	if ((!text[0] && may_be_empty) || register_valid_date(text)) {
		snprintf(slot, size, "%s", text);
		return true;
	}
	snprintf(problem, psize, _("\"%s\" is not a date such as 2024-03-15"), text);
	return false;
}

/* Takes the answer to the current step; false (with p->problem) when it
 * is not one. */
static bool take(struct regprompt *p, const struct reg *r)
{
	struct reg_entry *e = &p->e;
	p->problem[0] = '\0';
	switch (p->step) {
	case RPS_ID: return take_id(p, r);
	case RPS_PARAGRAPH:
		free(e->paragraph);
		e->paragraph = xstrdup(p->text);
		return true;
	case RPS_REMANDED:
		return take_date(e->remanded, sizeof e->remanded, p->text, false, p->problem,
				 sizeof p->problem);
	case RPS_DECIDED:
		return take_date(e->decided, sizeof e->decided, p->text, true, p->problem,
				 sizeof p->problem);
	case RPS_OUTCOME:
		if (reg_outcome_parse(p->text, &e->outcome))
			return true;
		snprintf(p->problem, sizeof p->problem, _("\"%s\" is not one of the outcomes"),
			 p->text);
		return false;
	case RPS_REASON:
		if (reg_reason_parse(p->text, &e->reason))
			return true;
		snprintf(p->problem, sizeof p->problem, _("\"%s\" is not one of the reasons"),
			 p->text);
		return false;
	case RPS_NOTE:
		free(e->note);
		e->note = xstrdup(p->text);
		return true;
	default: return true;
	}
}

enum regprompt_status regprompt_key(struct regprompt *p, const struct reg *r,
				    const struct ak_dataset *ds, int key)
{
	if (key == AK_KEY_ESC)
		return RP_CANCELLED;
	if (p->step == RPS_CONFIRM) {
		bool yes =
			key == 'y' || key == 'Y' || (i18n_danish() && (key == 'j' || key == 'J'));
		return yes ? RP_FINISHED : RP_CANCELLED;
	}
	if (key != AK_KEY_ENTER) {
		lineedit_key(&p->ed, key);
		return RP_GOING;
	}
	if (!take(p, r))
		return RP_GOING;
	if (p->step == RPS_ID && p->kind == RP_DELETE) {
		p->step = RPS_CONFIRM;
		return RP_GOING;
	}
	if (p->step == RPS_NOTE) {
		char *why = NULL;
		if (!register_check(&p->e, ds, &why)) {
			snprintf(p->problem, sizeof p->problem, "%s", why);
			free(why);
			return RP_GOING;
		}
		return RP_FINISHED;
	}
	p->step = (enum regprompt_step)(p->step + 1);
	offer(p);
	return RP_GOING;
}
