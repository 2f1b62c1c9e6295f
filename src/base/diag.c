/* diag.c - a growable list of located problems. */
#include "ankekort/base/diag.h"
#include "ankekort/base/i18n.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/hashtab.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

static void push(struct diag_list *list, enum diag_severity sev, const char *path, int line,
		 int col, char *msg)
{
	if (list->count == list->cap) {
		list->cap = list->cap ? list->cap * 2 : 16;
		list->items = xreallocarray(list->items, list->cap, sizeof *list->items);
	}
	struct diag *d = &list->items[list->count++];
	d->severity = sev;
	d->path = xstrdup(path ? path : "");
	d->line = line;
	d->col = col;
	d->msg = msg;
	d->tally = 0;
	d->verbose_only = false;
}

bool diag_wanted(const struct diag_list *list, const char *path)
{
	return !list->run_path || strcmp(list->run_path, path ? path : "") != 0 ||
	       list->run_count < DIAG_PER_FILE;
}

/* A group's one line: how many, what, the first names; "(see --verbose)"
 * when --verbose lists every one of them. */
static char *group_text(const struct diag_tally *t)
{
	char *names = xasprintf("%s%s", t->names, t->n > t->named ? ", \xE2\x80\xA6" : "");
	char *text = t->n_kept == t->n
			     ? xasprintf(ngettext("%zu municipality has %s: %s (see --verbose)",
						  "%zu municipalities have %s: %s (see --verbose)",
						  t->n),
					 t->n, t->group, names)
			     : xasprintf(ngettext("%zu municipality has %s: %s",
						  "%zu municipalities have %s: %s", t->n),
					 t->n, t->group, names);
	free(names);
	return text;
}

/* Whether fewer than DIAG_TALLY_LINES of the run's groups without a kept
 * message are larger than t (or as large and before it). */
static bool among_largest(const struct diag_list *list, const struct diag_tally *t)
{
	size_t above = 0;
	for (size_t i = list->run_tallies; i < list->n_tallies; i++) {
		const struct diag_tally *u = &list->tallies[i];
		above += !u->n_kept && (u->n > t->n || (u->n == t->n && u < t));
	}
	return above < DIAG_TALLY_LINES;
}

void diag_list_flush(struct diag_list *list)
{
	size_t shown = 0, listed = 0; /* the messages only counted a line says */
	for (size_t i = list->run_tallies; i < list->n_tallies; i++) {
		const struct diag_tally *t = &list->tallies[i];
		if (t->n_kept && t->n > t->n_kept) {
			/* some only counted: the group's line for --verbose too (the
			 * brief report says it where the first was) */
			push(list, t->severity, t->path, t->line, 0, group_text(t));
			list->items[list->count - 1].verbose_only = true;
			listed += t->n - t->n_kept;
		} else if (!t->n_kept && shown < DIAG_TALLY_LINES && among_largest(list, t)) {
			/* all only counted: its line here (the largest few; the
			 * rest are among the problems not listed) */
			push(list, t->severity, t->path, t->line, 0, group_text(t));
			shown++;
			listed += t->n;
		}
	}
	list->run_tallies = list->n_tallies;
	/* (a message grouped twice would count twice: never below none) */
	size_t more = list->run_hidden > listed ? list->run_hidden - listed : 0;
	if (more) {
		char *msg =
			xasprintf(ngettext("%zu more problem in this file is not listed",
					   "%zu more problems in this file are not listed", more),
				  more);
		push(list, DIAG_WARNING, list->run_path, 0, 0, msg);
	}
	free(list->run_path);
	list->run_path = NULL;
	list->run_count = list->run_hidden = 0;
}

void diag_vadd(struct diag_list *list, enum diag_severity sev, const char *path, int line, int col,
	       const char *fmt, va_list ap)
{
	path = path ? path : "";
	if (!list->run_path || strcmp(list->run_path, path) != 0) {
		diag_list_flush(list);
		list->run_path = xstrdup(path);
	}
	if (sev == DIAG_ERROR)
		list->errors++;
	else
		list->warnings++;
	list->last_severity = sev;
	list->last_line = line;
	list->last_kept = false;
	if (list->run_count >= DIAG_PER_FILE) {
		list->run_hidden++;
		return;
	}
	list->last_kept = true;
	list->run_count++;
	push(list, sev, path, line, col, xvasprintf(_(fmt), ap));
}

void diag_add(struct diag_list *list, enum diag_severity sev, const char *path, int line, int col,
	      const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(list, sev, path, line, col, fmt, ap);
	va_end(ap);
}

void diag_print(const struct diag *d, FILE *out)
{
	struct sbuf path = {0}, msg = {0};
	textfmt_escape(&path, d->path);
	textfmt_escape(&msg, d->msg);
	fputs(sbuf_str(&path), out);
	if (d->line > 0) {
		fprintf(out, ":%d", d->line);
		if (d->col > 0)
			fprintf(out, ":%d", d->col);
	}
	fprintf(out, ": %s: %s\n", d->severity == DIAG_ERROR ? _("error") : _("warning"),
		sbuf_str(&msg));
	sbuf_free(&path);
	sbuf_free(&msg);
}

void diag_sayf(FILE *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(fmt, ap);
	va_end(ap);
	size_t len = strlen(text);
	bool newline = len && text[len - 1] == '\n';
	if (newline)
		text[len - 1] = '\0';
	struct sbuf b = {0};
	textfmt_escape(&b, text);
	fputs(sbuf_str(&b), out);
	if (newline)
		fputc('\n', out);
	sbuf_free(&b);
	free(text);
}

void diag_say(FILE *out, const char *msg)
{
	diag_sayf(out, "ankekort: %s\n", msg);
}

void diag_list_print(const struct diag_list *list, FILE *out)
{
	for (size_t i = 0; i < list->count; i++)
		diag_print(&list->items[i], out);
}

/* A new tally at the end of list's, not filled in. */
static struct diag_tally *tally_slot(struct diag_list *list)
{
	if (list->n_tallies == list->cap_tallies) {
		list->cap_tallies = list->cap_tallies ? list->cap_tallies * 2 : 16;
		list->tallies =
			xreallocarray(list->tallies, list->cap_tallies, sizeof *list->tallies);
	}
	return &list->tallies[list->n_tallies++];
}

/* The run's tally of group, made when it is new (NULL: too many). */
static struct diag_tally *run_tally(struct diag_list *list, const char *group)
{
	uint64_t hash = hashtab_fnv(HASHTAB_FNV_START, group, strlen(group));
	for (size_t i = list->run_tallies; i < list->n_tallies; i++) {
		struct diag_tally *t = &list->tallies[i];
		if (t->hash == hash && t->severity == list->last_severity &&
		    strcmp(t->group, group) == 0)
			return t;
	}
	if (list->n_tallies - list->run_tallies >= DIAG_TALLIES)
		return NULL;
	struct diag_tally *t = tally_slot(list);
	*t = (struct diag_tally){.path = xstrdup(list->run_path),
				 .group = xstrdup(group),
				 .hash = hash,
				 .severity = list->last_severity,
				 .line = list->last_line,
				 .names = xstrdup("")};
	return t;
}

void diag_group_last(struct diag_list *list, const char *group, const char *who)
{
	if (!group || !list->run_path)
		return;
	struct diag_tally *t = run_tally(list, group);
	if (!t)
		return; /* said on its own */
	t->n++;
	if (t->named < DIAG_GROUP_NAMED) {
		char *names = xasprintf("%s%s%s", t->names, t->named ? ", " : "", who ? who : "");
		free(t->names);
		t->names = names;
		t->named++;
	}
	if (list->last_kept && list->count) {
		list->items[list->count - 1].tally = (size_t)(t - list->tallies) + 1;
		t->n_kept++;
	}
}

void diag_list_print_brief(const struct diag_list *list, FILE *out)
{
	bool *said = xcalloc(list->n_tallies + 1, sizeof *said);
	for (size_t i = 0; i < list->count; i++) {
		const struct diag *d = &list->items[i];
		const struct diag_tally *t = d->tally ? &list->tallies[d->tally - 1] : NULL;
		if (d->verbose_only)
			continue; /* said where the group's first was */
		if (!t || t->n < 2) {
			diag_print(d, out);
			continue;
		}
		if (said[d->tally])
			continue;
		said[d->tally] = true;
		/* at the first one's line (none when the lines are a sheet's rows) */
		struct diag one = {.severity = t->severity, .path = t->path, .line = d->line};
		one.msg = group_text(t);
		diag_print(&one, out);
		free(one.msg);
	}
	free(said);
}

void diag_list_report(const struct diag_list *list, FILE *out, bool every)
{
	if (every)
		diag_list_print(list, out);
	else
		diag_list_print_brief(list, out);
}

void diag_list_append(struct diag_list *to, struct diag_list *from)
{
	diag_list_flush(from);
	diag_list_flush(to); /* from was capped per file already */
	size_t base = to->n_tallies;
	for (size_t i = 0; i < from->n_tallies; i++) {
		const struct diag_tally *t = &from->tallies[i];
		struct diag_tally *c = tally_slot(to);
		*c = *t;
		c->path = xstrdup(t->path);
		c->group = xstrdup(t->group);
		c->names = xstrdup(t->names);
	}
	to->run_tallies = to->n_tallies;
	for (size_t i = 0; i < from->count; i++) {
		const struct diag *d = &from->items[i];
		push(to, d->severity, d->path, d->line, d->col, xstrdup(d->msg));
		struct diag *c = &to->items[to->count - 1];
		c->tally = d->tally ? d->tally + base : 0;
		c->verbose_only = d->verbose_only;
	}
	to->errors += from->errors;
	to->warnings += from->warnings;
	to->last_kept = false;
}

void diag_list_free(struct diag_list *list)
{
	free(list->run_path);
	for (size_t i = 0; i < list->n_tallies; i++) {
		free(list->tallies[i].path);
		free(list->tallies[i].group);
		free(list->tallies[i].names);
	}
	free(list->tallies);
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].path);
		free(list->items[i].msg);
	}
	free(list->items);
	memset(list, 0, sizeof *list);
}
