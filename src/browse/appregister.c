/* appregister.c - the browser's side of the register of remanded cases:
 * R, E and X start the prompts (regprompt.h) for the selection; a finished
 * prompt is saved at once, completely or not at all. */
#include "ankekort/browse/appregister.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ankekort/base/i18n.h"

unsigned app_register_start(struct app *a, enum regprompt_kind kind)
{
	int code = app_code(a);
	if (!a->reg) {
		snprintf(
			a->message, sizeof a->message, "%s",
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

/* Applies the finished prompt to r: adds, replaces or deletes its entry;
 * returns the entry's number, or 0 when the entry is gone from r. */
static int apply(struct regprompt *p, struct reg *r)
{
	int id = p->e.id;
	if (p->kind == RP_DELETE) {
		return register_delete(r, id) ? id : 0;
	} else if (p->kind == RP_EDIT) {
		struct reg_entry *old = register_find(r, id);
		if (!old)
			return 0;
		reg_entry_free(old);
		*old = p->e;
		p->e = (struct reg_entry){0};
	} else {
		register_add(r, &p->e);
		id = r->e[r->n - 1].id;
	}
	return id;
}

/* Saves the finished prompt. The file is read again under the lock, so
 * what another ankekort wrote since the browser started is kept, and the
 * change is made to that; a file that no longer reads is not written. */
static void finish(struct app *a)
{
	struct regprompt *p = &a->rp;
	int lock = register_lock(a->reg->path);
	struct reg fresh;
	struct diag_list d = {0};
	char *err = NULL;
	if (!register_load(&fresh, a->reg->path, &d)) {
		snprintf(a->message, sizeof a->message,
			 _("Not saved: %s has errors (see ankekort register list)"), a->reg->path);
		register_free(&fresh);
	} else {
		int wanted = p->e.id, id = apply(p, &fresh);
		if (!id) {
			snprintf(a->message, sizeof a->message,
				 _("Not saved: entry %d is no longer in the register"), wanted);
		} else if (!register_save(&fresh, &err)) {
			snprintf(a->message, sizeof a->message, "%s", err);
			free(err);
			register_free(&fresh); /* not written: show what the file holds */
			register_load(&fresh, a->reg->path, &d);
		} else {
			snprintf(a->message, sizeof a->message,
				 p->kind == RP_DELETE ? _("Entry %d deleted from the register")
				 : p->kind == RP_EDIT ? _("Entry %d changed in the register")
						      : _("Entry %d saved in the register"),
				 id);
		}
		register_free(a->reg);
		*a->reg = fresh; /* what the file holds (ds->reg points here too) */
	}
	diag_list_free(&d);
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
