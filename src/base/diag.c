/* diag.c - a growable list of located problems. */
#include "ankekort/base/diag.h"
#include "ankekort/base/i18n.h"

#include <stdlib.h>
#include <string.h>

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
	d->group = d->who = NULL;
}

bool diag_wanted(const struct diag_list *list, const char *path)
{
	return !list->run_path || strcmp(list->run_path, path ? path : "") != 0 ||
	       list->run_count < DIAG_PER_FILE;
}

void diag_list_flush(struct diag_list *list)
{
	if (list->run_hidden) {
		char *msg = xasprintf(ngettext("%zu more problem in this file is not listed",
					       "%zu more problems in this file are not listed",
					       list->run_hidden),
				      list->run_hidden);
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
	list->last_severity = sev;
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

static struct diag_tally *tally_find(const struct diag_list *list, const char *path,
				     enum diag_severity sev, const char *group)
{
	for (size_t i = 0; i < list->n_tallies; i++) {
		struct diag_tally *t = &list->tallies[i];
		if (t->severity == sev && strcmp(t->group, group) == 0 &&
		    strcmp(t->path, path) == 0)
			return t;
	}
	return NULL;
}

static void tally_add(struct diag_list *list, const char *path, enum diag_severity sev,
		      const char *group, size_t n)
{
	struct diag_tally *t = tally_find(list, path, sev, group);
	if (!t) {
		if (list->n_tallies == DIAG_TALLIES)
			return;
		if (!list->tallies)
			list->tallies = xcalloc(DIAG_TALLIES, sizeof *list->tallies);
		t = &list->tallies[list->n_tallies++];
		*t = (struct diag_tally){
			.path = xstrdup(path), .group = xstrdup(group), .severity = sev};
	}
	t->n += n;
}

void diag_group_last(struct diag_list *list, const char *group, const char *who)
{
	if (!group)
		return;
	if (!list->last_kept) {
		if (list->run_path)
			tally_add(list, list->run_path, list->last_severity, group, 1);
		return;
	}
	if (!list->count)
		return;
	struct diag *d = &list->items[list->count - 1];
	free(d->group);
	free(d->who);
	d->group = xstrdup(group);
	d->who = xstrdup(who ? who : "");
}

static bool same_group(const struct diag *a, const struct diag *b)
{
	return b->group && a->severity == b->severity && strcmp(a->group, b->group) == 0 &&
	       strcmp(a->path, b->path) == 0;
}

/* The subjects named in a group's one line; the rest are counted. */
#define DIAG_GROUP_NAMED 3

void diag_list_print_brief(const struct diag_list *list, FILE *out)
{
	bool *said = xcalloc(list->count + 1, sizeof *said);
	for (size_t i = 0; i < list->count; i++) {
		const struct diag *d = &list->items[i];
		if (said[i])
			continue;
		size_t n = 1;
		for (size_t j = i + 1; d->group && j < list->count; j++)
			n += same_group(d, &list->items[j]);
		const struct diag_tally *t =
			d->group ? tally_find(list, d->path, d->severity, d->group) : NULL;
		n += t ? t->n : 0;
		if (n < 2) {
			diag_print(d, out);
			continue;
		}
		struct sbuf names = {0};
		size_t named = 0;
		for (size_t j = i; j < list->count; j++) {
			if (j != i && !same_group(d, &list->items[j]))
				continue;
			said[j] = true;
			if (named++ < DIAG_GROUP_NAMED)
				sbuf_printf(&names, "%s%s", names.len ? ", " : "",
					    list->items[j].who);
		}
		if (n > DIAG_GROUP_NAMED)
			sbuf_puts(&names, ", \xE2\x80\xA6");
		/* where the first one was: the line a reader looks at first */
		struct diag one = {.severity = d->severity, .path = d->path, .line = d->line};
		one.msg = xasprintf(ngettext("%zu municipality has %s: %s (see --verbose)",
					     "%zu municipalities have %s: %s (see --verbose)", n),
				    n, d->group, sbuf_str(&names));
		diag_print(&one, out);
		free(one.msg);
		sbuf_free(&names);
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

void diag_list_append(struct diag_list *to, const struct diag_list *from)
{
	diag_list_flush(to); /* from was capped per file already */
	for (size_t i = 0; i < from->count; i++) {
		const struct diag *d = &from->items[i];
		push(to, d->severity, d->path, d->line, d->col, xstrdup(d->msg));
		struct diag *copy = &to->items[to->count - 1];
		copy->group = d->group ? xstrdup(d->group) : NULL;
		copy->who = d->who ? xstrdup(d->who) : NULL;
	}
	to->errors += from->errors;
	for (size_t i = 0; i < from->n_tallies; i++) {
		const struct diag_tally *t = &from->tallies[i];
		tally_add(to, t->path, t->severity, t->group, t->n);
	}
}

void diag_list_free(struct diag_list *list)
{
	free(list->run_path);
	for (size_t i = 0; i < list->n_tallies; i++) {
		free(list->tallies[i].path);
		free(list->tallies[i].group);
	}
	free(list->tallies);
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].path);
		free(list->items[i].msg);
		free(list->items[i].group);
		free(list->items[i].who);
	}
	free(list->items);
	memset(list, 0, sizeof *list);
}
