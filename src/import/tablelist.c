/* tablelist.c - the appeals tables in a Statistikbank API's table list (see
 * tablelist.h). */
#include "ankekort/import/tablelist.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

void tablelist_free(struct tablelist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->tables[i].id);
		free(l->tables[i].text);
	}
	free(l->tables);
	memset(l, 0, sizeof *l);
}

bool tablelist_parse(const char *json, size_t len, const char *url, struct tablelist *l, char **err)
{
	json_error_t je;
	json_t *root = json_loadb(json, len, 0, &je);
	if (!root) {
		*err = xasprintf(_("%s: the table list is not JSON (line %d, column %d: %s)"), url,
				 je.line, je.column, je.text);
		return false;
	}
	bool ok = json_is_array(root);
	size_t n = ok ? json_array_size(root) : 0;
	l->tables = xcalloc(n + 1, sizeof *l->tables);
	for (size_t i = 0; i < n && ok; i++) {
		json_t *t = json_array_get(root, i);
		const char *id = json_string_value(json_object_get(t, "id"));
		const char *text = json_string_value(json_object_get(t, "text"));
		json_t *active = json_object_get(t, "active");
		if (!id) {
			ok = false;
			break;
		}
		l->tables[l->n++] = (struct tablelist_entry){.id = xstrdup(id),
							     .text = xstrdup(text ? text : ""),
							     .active = !json_is_false(active)};
	}
	json_decref(root);
	if (!ok)
		*err = xasprintf(_("%s: the table list is not a list of tables with ids"), url);
	return ok;
}

/* 2: the id says so; 1: the text does; 0: not an appeals table. */
static int score(const struct tablelist_entry *t)
{
	if (strncasecmp(t->id, "ANKE", 4) == 0)
		return 2;
	struct sbuf f = {0};
	textfmt_fold(&f, t->text);
	const char *s = sbuf_str(&f);
	bool hit = strstr(s, "ankestyrelse") || strstr(s, "klagesag") ||
		   strstr(s, "social appeals board") ||
		   (strstr(s, "afgoerelse") && strstr(s, "klage"));
	sbuf_free(&f);
	return hit ? 1 : 0;
}

size_t tablelist_match(const struct tablelist *l, size_t *out, size_t max)
{
	size_t n = 0;
	for (int want = 2; want >= 1; want--)
		for (int active = 1; active >= 0; active--)
			for (size_t i = 0; i < l->n && n < max; i++)
				if (l->tables[i].active == (active == 1) &&
				    score(&l->tables[i]) == want)
					out[n++] = i;
	return n;
}
