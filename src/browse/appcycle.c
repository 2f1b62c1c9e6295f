/* appcycle.c - the browser's side of the § 79 b cycle record: A, C and D
 * in the cycle view start the prompts (cycprompt.h) for the selection; a
 * finished prompt is a request the loop carries out (app_cycle_save),
 * under the record's lock and saved completely or not at all, as
 * `ankekort cycle` does. */
#include "ankekort/browse/appcycle.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/userfile.h"

/* The municipality's newest step (by number), offered to C and D; 0: none. */
static int newest_step(const struct cycle *c, int code)
{
	int id = 0;
	for (size_t i = 0; c && i < c->n; i++)
		if (c->e[i].code == code && c->e[i].id > id)
			id = c->e[i].id;
	return id;
}

unsigned app_cycle_start(struct app *a, enum cycprompt_kind kind)
{
	int code = app_code(a);
	if (!a->cycle) {
		snprintf(a->message, sizeof a->message, "%s",
			 _("No cycle record: start with --cycle FILE or set HOME"));
		return DIRTY_SCREEN;
	}
	if (code == AK_NATIONAL_CODE) {
		snprintf(a->message, sizeof a->message, "%s",
			 _("Pick a municipality first: the cycle record is kept per municipality"));
		return DIRTY_SCREEN;
	}
	int first = newest_step(a->cycle, code);
	if (kind != CP_ADD && !first) {
		snprintf(a->message, sizeof a->message, "%s",
			 _("The cycle record names no step of this municipality's (A adds one)"));
		return DIRTY_SCREEN;
	}
	cycprompt_start(&a->cp, kind, code, app_year(a), first);
	a->overlay = OVERLAY_CYCLE;
	a->message[0] = '\0';
	return DIRTY_SCREEN;
}

/* Applies the finished prompt to c: adds, replaces or deletes its step.
 * A step changed or deleted must still be the one the prompt read: another
 * ankekort may have changed it since. Returns its number, or 0 with a
 * message in a->message. */
static int apply(struct app *a, struct cycle *c)
{
	struct cycprompt *p = &a->cp;
	int id = p->e.id;
	if (p->kind == CP_ADD) {
		if (!cycle_add(c, &p->e)) {
			snprintf(a->message, sizeof a->message,
				 _("Not saved: the cycle record has given every step number up to "
				   "%d"),
				 CYCLE_MAX_ID);
			return 0;
		}
		return c->e[c->n - 1].id;
	}
	struct cycle_entry *old = cycle_find(c, id);
	if (!old) {
		snprintf(a->message, sizeof a->message,
			 _("Not saved: step %d is no longer in the cycle record"), id);
		return 0;
	}
	if (!cycle_entry_same(old, &p->orig)) {
		snprintf(a->message, sizeof a->message,
			 _("Not saved: step %d was changed by another ankekort since it was read; "
			   "look at it again"),
			 id);
		return 0;
	}
	if (p->kind == CP_DELETE)
		return cycle_delete(c, id) ? id : 0;
	cycle_entry_free(old);
	*old = p->e;
	old->line = 0;
	p->e = (struct cycle_entry){0};
	return id;
}

static void say_saved(struct app *a, int id)
{
	snprintf(a->message, sizeof a->message,
		 a->cp.kind == CP_DELETE ? _("Step %d deleted from the cycle record")
		 : a->cp.kind == CP_EDIT ? _("Step %d changed in the cycle record")
					 : _("Step %d saved in the cycle record"),
		 id);
}

/* Saves the finished prompt: the lock taken (the directory made first)
 * before the file is read again, so what another ankekort wrote since is
 * kept and the change made to that; a file that no longer reads is not
 * written. */
static void finish(struct app *a)
{
	char *err = NULL;
	int lock = userfile_lock(a->cycle->path, &err);
	if (lock < 0) {
		snprintf(a->message, sizeof a->message, _("Not saved: %s"), err);
		free(err);
		return;
	}
	struct cycle fresh;
	struct diag_list d = {0};
	if (!cycle_load(&fresh, a->cycle->path, &d)) {
		snprintf(a->message, sizeof a->message,
			 _("Not saved: %s has errors (see ankekort cycle list)"), a->cycle->path);
		cycle_free(&fresh);
	} else {
		int id = apply(a, &fresh);
		if (!id) {
			/* a->message says why; the view shows what the file holds */
		} else if (!cycle_save(&fresh, &err)) {
			snprintf(a->message, sizeof a->message, "%s", err);
			free(err);
			cycle_free(&fresh); /* not written: show what the file holds */
			cycle_load(&fresh, a->cycle->path, &d);
		} else {
			say_saved(a, id);
			if (a->cycle_shown)
				*a->cycle_shown = a->cycle; /* a record from now on */
		}
		cycle_free(a->cycle);
		*a->cycle = fresh; /* what the file holds (ds->cycle points here too) */
	}
	diag_list_free(&d);
	close(lock);
}

unsigned app_cycle_input(struct app *a, int key)
{
	enum cycprompt_status s = cycprompt_key(&a->cp, a->cycle, a->ds, key);
	if (s == CP_GOING)
		return DIRTY_SCREEN;
	a->overlay = OVERLAY_NONE;
	if (s == CP_FINISHED) {
		a->request = APP_REQ_CYCLE; /* the loop saves it: app_cycle_save() */
		return DIRTY_SCREEN;
	}
	snprintf(a->message, sizeof a->message, "%s", _("Nothing changed in the cycle record"));
	cycprompt_free(&a->cp);
	return DIRTY_SCREEN;
}

void app_cycle_save(struct app *a)
{
	finish(a);
	cycprompt_free(&a->cp);
}
