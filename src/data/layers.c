/* layers.c - the shipped layer and the user's layer: copies dropped, where
 * the figures come from said. */
#include "ankekort/data/layers.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/xalloc.h"

struct layers_mark layers_mark_now(const struct ak_dataset *ds)
{
	return (struct layers_mark){.obs = ds->n_obs,
				    .records = ds->n_records,
				    .maps = ds->n_maps,
				    .comments = ds->n_comments};
}

static bool same_text(const char *a, const char *b)
{
	return a == b || strcmp(a ? a : "", b ? b : "") == 0;
}

static bool same_source(const struct ak_source *a, const struct ak_source *b)
{
	return a->kind == b->kind && same_text(a->text, b->text) && same_text(a->date, b->date) &&
	       same_text(a->url, b->url);
}

static bool same_num(struct ak_num a, struct ak_num b)
{
	return a.present == b.present && (!a.present || a.value == b.value);
}

static bool same_obs(const struct ak_obs *a, const struct ak_obs *b)
{
	return a->year == b->year && a->code == b->code && a->area == b->area &&
	       same_text(a->scope, b->scope) && same_text(a->note, b->note) &&
	       same_source(&a->source, &b->source) && ak_obs_same_numbers(a, b);
}

static bool same_record(const struct ak_record *a, const struct ak_record *b)
{
	return a->year == b->year && a->code == b->code && a->area == b->area &&
	       a->kind == b->kind && a->outcome == b->outcome && same_num(a->count, b->count) &&
	       same_text(a->scope, b->scope) && same_text(a->summary, b->summary) &&
	       same_text(a->reason, b->reason) && same_text(a->note, b->note) &&
	       same_source(&a->source, &b->source);
}

static bool same_map(const struct ak_maplink *a, const struct ak_maplink *b)
{
	return a->year == b->year && a->area == b->area && same_text(a->url, b->url) &&
	       same_text(a->source, b->source);
}

static bool same_comment(const struct ak_comment *a, const struct ak_comment *b)
{
	return a->year == b->year && a->code == b->code && a->area == b->area &&
	       same_text(a->text, b->text) && same_source(&a->source, &b->source);
}

/* The four kinds of element, as the compaction below sees them. */
static bool same_obs_v(const void *a, const void *b)
{
	return same_obs(a, b);
}
static bool same_record_v(const void *a, const void *b)
{
	return same_record(a, b);
}
static bool same_map_v(const void *a, const void *b)
{
	return same_map(a, b);
}
static bool same_comment_v(const void *a, const void *b)
{
	return same_comment(a, b);
}
static void free_obs_v(void *p)
{
	ak_obs_free(p);
}
static void free_record_v(void *p)
{
	ak_record_free(p);
}
static void free_map_v(void *p)
{
	struct ak_maplink *m = p;
	free(m->url);
	free(m->source);
}
static void free_comment_v(void *p)
{
	struct ak_comment *c = p;
	free(c->text);
	free(c->source.text);
	free(c->source.date);
	free(c->source.url);
}

struct kind_ops {
	size_t size;
	bool (*same)(const void *, const void *);
	void (*free_one)(void *);
};

/* Compacts one array of *n elements: each from `first` on is kept unless
 * it repeats one before `first`; dropped ones are freed. Returns how many. */
static size_t drop_copies(void *arr, size_t *n, size_t first, const struct kind_ops *k)
{
	char *base = arr;
	size_t kept = first, dropped = 0;
	for (size_t i = first; i < *n; i++) {
		char *el = base + i * k->size;
		bool dup = false;
		for (size_t j = 0; j < first && !dup; j++)
			dup = k->same(el, base + j * k->size);
		if (dup) {
			k->free_one(el);
			dropped++;
		} else {
			if (kept != i)
				memcpy(base + kept * k->size, el, k->size);
			kept++;
		}
	}
	*n = kept;
	return dropped;
}

size_t layers_drop_copies(struct ak_dataset *ds, const struct layers_mark *mark)
{
	static const struct kind_ops obs = {sizeof(struct ak_obs), same_obs_v, free_obs_v},
				     rec = {sizeof(struct ak_record), same_record_v, free_record_v},
				     map = {sizeof(struct ak_maplink), same_map_v, free_map_v},
				     com = {sizeof(struct ak_comment), same_comment_v,
					    free_comment_v};
	return drop_copies(ds->obs, &ds->n_obs, mark->obs, &obs) +
	       drop_copies(ds->records, &ds->n_records, mark->records, &rec) +
	       drop_copies(ds->maps, &ds->n_maps, mark->maps, &map) +
	       drop_copies(ds->comments, &ds->n_comments, mark->comments, &com);
}

const char *layers_source_name(const struct ak_source *s, char *buf, size_t size)
{
	const char *t = s->text ? s->text : "";
	size_t len = strcspn(t, s->kind == SOURCE_STATISTICS ? "(" : ":");
	if (s->kind == SOURCE_STATISTICS) {
		/* "Danmarks Statistik, Statistikbanken ANKEAST2 (...": the bank and table */
		for (size_t i = len; i > 1; i--) {
			if (t[i - 2] == ',' && t[i - 1] == ' ') {
				t += i;
				len -= i;
				break;
			}
		}
	}
	while (len > 0 && t[len - 1] == ' ')
		len--;
	snprintf(buf, size, "%.*s", (int)len, t);
	return buf;
}

/* The distinct sources of one layer's rows: their count, and the first
 * two named (with their dates) into out. */
static size_t name_sources(const struct ak_dataset *ds, enum ak_layer layer, struct sbuf *out)
{
	/* a few sources, many rows: seen grows with the sources, not the rows */
	const struct ak_obs **seen = NULL;
	size_t n = 0, cap = 0, last = 0; /* last: where the row before was found */
	for (size_t i = 0; i < ds->n_obs; i++) {
		const struct ak_obs *o = &ds->obs[i];
		if (o->layer != layer)
			continue;
		if (n && same_text(seen[last]->source.text, o->source.text))
			continue;
		size_t k = 0;
		while (k < n && !same_text(seen[k]->source.text, o->source.text))
			k++;
		if (k == n) {
			if (n == cap) {
				cap = cap ? 2 * cap : 8;
				seen = xreallocarray(seen, cap, sizeof *seen);
			}
			seen[n++] = o;
		}
		last = k;
	}
	for (size_t k = 0; k < n && k < 2 && out; k++) {
		char name[128];
		const struct ak_source *s = &seen[k]->source;
		sbuf_printf(out, "%s%s%s%s", k ? ", " : "",
			    layers_source_name(s, name, sizeof name),
			    s->date && s->date[0] ? " " : "", s->date ? s->date : "");
	}
	if (n > 2 && out)
		sbuf_printf(out, _(" and %zu more"), n - 2);
	free(seen);
	return n;
}

void layers_describe(const struct ak_dataset *ds, struct sbuf *out)
{
	bool user = false;
	for (size_t i = 0; i < ds->n_obs && !user; i++)
		user = ds->obs[i].layer == LAYER_USER;
	if (user) {
		sbuf_puts(out, _("your data: "));
		name_sources(ds, LAYER_USER, out);
	} else if (ds->user_dir) {
		sbuf_puts(out, _("your data: none yet"));
	}
	if (ds->shipped_dir) {
		size_t n = name_sources(ds, LAYER_SHIPPED, NULL);
		if (user || ds->user_dir)
			sbuf_puts(out, " \xC2\xB7 ");
		sbuf_printf(out,
			    ngettext("shipped: %zu publication", "shipped: %zu publications", n),
			    n);
	}
}
