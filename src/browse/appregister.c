/* appregister.c - the browser's side of the register of remanded cases:
 * R, E and X start the prompts (regprompt.h) for the selection; a finished
 * prompt is a request the loop carries out (app_register_save), saved
 * completely or not at all. */
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

/* Applies the finished prompt to r: adds, replaces or deletes its entry.
 * An entry edited or deleted must still be the one the prompt read (by its
 * number and its content): another ankekort may have changed or deleted it
 * since. Returns the entry's number, or 0 with a message in a->message. */
static int apply(struct app *a, struct reg *r)
{
	struct regprompt *p = &a->rp;
	int id = p->e.id;
	if (p->kind == RP_ADD) {
		if (!register_add(r, &p->e)) {
			snprintf(a->message, sizeof a->message,
				 _("Not saved: the register has given every entry number up to %d"),
				 REG_MAX_ID);
			return 0;
		}
		return r->e[r->n - 1].id;
	}
	struct reg_entry *old = register_find(r, id);
	if (!old) {
		snprintf(a->message, sizeof a->message,
			 _("Not saved: entry %d is no longer in the register"), id);
		return 0;
	}
	if (!reg_entry_same(old, &p->orig)) {
		snprintf(a->message, sizeof a->message,
			 _("Not saved: entry %d was changed by another ankekort since it was "
			   "read; look at it again"),
			 id);
		return 0;
	}
	if (p->kind == RP_DELETE)
		return register_delete(r, id) ? id : 0;
	reg_entry_free(old);
	*old = p->e;
	old->line = 0;
	p->e = (struct reg_entry){0};
	return id;
}

/* Saves the finished prompt. The lock is taken (the directory made first)
 * before the file is read again, so what another ankekort wrote since the
 * browser started is kept, and the change is made to that; a file that no
 * longer reads is not written. */
static void finish(struct app *a)
{
	struct regprompt *p = &a->rp;
	char *err = NULL;
	int lock = register_lock(a->reg->path, &err);
	if (lock < 0) {
		snprintf(a->message, sizeof a->message, _("Not saved: %s"), err);
		free(err);
		return;
	}
	struct reg fresh;
	struct diag_list d = {0};
	if (!register_load(&fresh, a->reg->path, &d)) {
		snprintf(a->message, sizeof a->message,
			 _("Not saved: %s has errors (see ankekort register list)"), a->reg->path);
		register_free(&fresh);
	} else {
		int id = apply(a, &fresh);
		if (!id) {
			/* a->message says why; the browser shows what the file holds */
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
	close(lock);
}

unsigned app_register_input(struct app *a, int key)
{
	enum regprompt_status s = regprompt_key(&a->rp, a->reg, a->ds, key);
	if (s == RP_GOING)
		return DIRTY_SCREEN;
	a->overlay = OVERLAY_NONE;
	if (s == RP_FINISHED) {
		a->request = APP_REQ_REGISTER; /* the loop saves it: app_register_save() */
		return DIRTY_SCREEN;
	}
	snprintf(a->message, sizeof a->message, "%s", _("Nothing changed in the register"));
	regprompt_free(&a->rp);
	return DIRTY_SCREEN;
}

void app_register_save(struct app *a)
{
	finish(a);
	regprompt_free(&a->rp);
}
