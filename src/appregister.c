/* appregister.c - the browser's side of the register of remanded cases:
 * R, E and X start the prompts (regprompt.h) for the selection; a finished
 * prompt is saved at once, completely or not at all. */
#include "ankekort/appregister.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ankekort/i18n.h"

unsigned app_register_start(struct app *a, enum regprompt_kind kind)
{
	int code = app_code(a);
	if (!a->reg) {
		snprintf(a->message, sizeof a->message, "%s",
			 _("No register of remanded cases: start with --register FILE or set HOME"));
		return DIRTY_SCREEN;
	}
	if (kind == RP_ADD && code == AK_NATIONAL_CODE) {
		snprintf(a->message, sizeof a->message, "%s",
			 _("Pick a municipality first: cases are registered for one municipality"));
		return DIRTY_SCREEN;
	}
	regprompt_start(&a->rp, kind, code, a->area, app_year(a));
	a->overlay = OVERLAY_REGISTER;
	a->message[0] = '\0';
	return DIRTY_SCREEN;
}

/* Saves the finished prompt: adds, replaces or deletes its entry. */
static void finish(struct app *a)
{
	struct regprompt *p = &a->rp;
	int lock = register_lock(a->reg->path);
	int id = p->e.id;
	if (p->kind == RP_DELETE) {
		register_delete(a->reg, id);
	} else if (p->kind == RP_EDIT) {
		struct reg_entry *old = register_find(a->reg, id);
		if (old) {
			reg_entry_free(old);
			*old = p->e;
			p->e = (struct reg_entry){0};
		}
	} else {
		register_add(a->reg, &p->e);
		id = a->reg->e[a->reg->n - 1].id;
	}
	char *err = NULL;
	if (!register_save(a->reg, &err)) {
		snprintf(a->message, sizeof a->message, "%s", err);
		free(err);
	} else {
		snprintf(a->message, sizeof a->message,
			 p->kind == RP_DELETE ? _("Entry %d deleted from the register")
			 : p->kind == RP_EDIT ? _("Entry %d changed in the register")
					      : _("Entry %d saved in the register"),
			 id);
	}
	if (lock >= 0)
		close(lock);
}

unsigned app_register_input(struct app *a, int key)
{
	enum regprompt_status s = regprompt_key(&a->rp, a->reg, a->ds, key);
	if (s == RP_GOING)
		return DIRTY_SCREEN;
	if (s == RP_FINISHED)
		finish(a);
	else
		snprintf(a->message, sizeof a->message, "%s", _("Nothing changed in the register"));
	regprompt_free(&a->rp);
	a->overlay = OVERLAY_NONE;
	return DIRTY_SCREEN;
}
