/* peers.c - the peer set (6-byer, the region, a list) and the peer
 * table's cells, as the fact sheet and the peer view show them. */
#include "ankekort/output/peers.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/groupavg.h"
#include "ankekort/data/groups.h"
#include "ankekort/data/names.h"
#include "ankekort/data/facts.h"
#include "ankekort/data/stats.h"

const int factsheet_6byer[6] = {751, 851, 561, 461, 730, 101};

/* ---- peers ------------------------------------------------------------------- */

static void push(struct peer_set *p, int code)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->codes[i] == code)
			return;
	p->codes = xreallocarray(p->codes, p->n + 1, sizeof *p->codes);
	p->codes[p->n++] = code;
}

static void own_last(struct peer_set *p, int code)
{
	size_t k = 0;
	for (size_t i = 0; i < p->n; i++)
		if (p->codes[i] != code)
			p->codes[k++] = p->codes[i];
	p->n = k;
	if (code != AK_NATIONAL_CODE)
		push(p, code);
}

/* A name's key for sorting in Danish: æ, ø and å (either case) after z. */
static void sort_key(struct sbuf *b, const char *name)
{
	for (const unsigned char *c = (const unsigned char *)name; *c; c++) {
		if (c[0] == 0xC3 && c[1]) {
			unsigned char n = c[1] | 0x20; /* lower case: æ a6, ø b8, å a5 */
			char k = n == 0xA6 ? '{' : n == 0xB8 ? '|' : n == 0xA5 ? '}' : 0;
			if (k) {
				sbuf_putc(b, k);
				c++;
				continue;
			}
		}
		sbuf_putc(b, textfmt_ascii_lower(*c));
	}
}

static const struct ak_dataset *sorting; /* qsort has no context argument */

static int by_name(const void *x, const void *y)
{
	const struct ak_municipality *a = dataset_muni(sorting, *(const int *)x);
	const struct ak_municipality *b = dataset_muni(sorting, *(const int *)y);
	struct sbuf ka = {0}, kb = {0};
	sort_key(&ka, a ? a->name : "");
	sort_key(&kb, b ? b->name : "");
	int r = strcmp(sbuf_str(&ka), sbuf_str(&kb));
	sbuf_free(&ka);
	sbuf_free(&kb);
	return r;
}

static void sort_by_name(const struct ak_dataset *ds, struct peer_set *p)
{
	sorting = ds;
	if (p->n > 1)
		qsort(p->codes, p->n, sizeof *p->codes, by_name);
	sorting = NULL;
}

static bool is_6by(int code)
{
	for (size_t i = 0; i < 6; i++)
		if (factsheet_6byer[i] == code)
			return true;
	return false;
}

static bool peers_from_list(const struct ak_dataset *ds, const char *spec, struct peer_set *out,
			    char **err)
{
	char *copy = xstrdup(spec), *save = NULL;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ')
			tok++;
		int c;
		char *hint = NULL;
		if (names_resolve(ds, tok, &c, &hint) != NAMES_OK) {
			*err = hint;
			free(copy);
			return false;
		}
		if (c != AK_NATIONAL_CODE)
			push(out, c);
	}
	free(copy);
	out->label = xstrdup(_("chosen peers"));
	return true;
}

/* A group of the user's own (groups.h): true when spec names one, with
 * *err set when it cannot be read (every problem, a line each). */
static bool group_file(const struct ak_dataset *ds, const char *spec, struct peer_set *out,
		       char **err)
{
	char *path = groups_find(ds, spec);
	if (!path)
		return false;
	struct diag_list diags = {0};
	int *codes = NULL;
	size_t n = 0;
	if (groups_read(ds, path, &codes, &n, &diags)) {
		for (size_t i = 0; i < n; i++)
			push(out, codes[i]);
		out->label = groups_name(path);
	} else {
		struct sbuf b = {0};
		for (size_t i = 0; i < diags.count; i++) {
			const struct diag *d = &diags.items[i];
			sbuf_printf(&b, "%s%s", i ? "; " : "", d->path);
			if (d->line > 0)
				sbuf_printf(&b, ":%d:%d", d->line, d->col);
			sbuf_printf(&b, ": %s", d->msg);
		}
		*err = sbuf_take(&b);
	}
	free(codes);
	free(path);
	diag_list_free(&diags);
	return true;
}

bool peers_resolve(const struct ak_dataset *ds, const char *spec, int code, struct peer_set *out,
		   char **err)
{
	memset(out, 0, sizeof *out);
	*err = NULL;
	const struct ak_municipality *own = dataset_muni(ds, code);
	if (!spec) /* the 6-byer for a 6-by, else the region */
		spec = is_6by(code) || !own || !own->region[0] ? "6byer" : "region";
	if (strcmp(spec, "6byer") == 0 || strcmp(spec, "6-byer") == 0) {
		for (size_t i = 0; i < 6; i++)
			if (dataset_muni(ds, factsheet_6byer[i]))
				push(out, factsheet_6byer[i]);
		out->label = xstrdup("6-byer");
	} else if (strcmp(spec, "region") == 0) {
		const struct ak_municipality *m = dataset_muni(ds, code);
		if (!m || !m->region[0]) {
			*err = xstrdup(
				_("--peers region needs a municipality that belongs to a region"));
			return false;
		}
		for (size_t i = 0; i < ds->n_munis; i++)
			if (strcmp(ds->munis[i].region, m->region) == 0)
				push(out, ds->munis[i].code);
		out->label = xstrdup(m->region);
	} else if (group_file(ds, spec, out, err)) {
		if (*err) {
			peers_free(out);
			return false;
		}
	} else if (!peers_from_list(ds, spec, out, err)) {
		peers_free(out);
		return false;
	}
	sort_by_name(ds, out);
	own_last(out, code);
	return true;
}

const char *peers_national_name(void)
{
	return _("All of Denmark");
}

void peers_free(struct peer_set *p)
{
	free(p->codes);
	free(p->label);
	memset(p, 0, sizeof *p);
}

/* ---- cells ------------------------------------------------------------------- */

char *cell_num(double v, int decimals)
{
	return textfmt_localize(xasprintf("%.*f", decimals, v));
}

char *cell_pct(struct ak_val v)
{
	char buf[64];
	return xstrdup(stats_val_text(buf, sizeof buf, v, " %"));
}

struct ak_val cell_shown(struct ak_num published, struct ak_val v)
{
	if (!published.present)
		return v;
	struct ak_val p = {.value = published.value,
			   .decimals = published.decimals,
			   .present = true,
			   .published_only = true};
	return p;
}

/* A figure with its split borrowed from another source where the row
 * shown has none (see stats_borrow_split). */
bool cell_figures(const struct ak_dataset *ds, int year, int code, enum ak_area area,
		  struct ak_figures *f)
{
	const struct ak_facts *x = facts_find(ds, year, code, area);
	if (!x)
		return false;
	facts_with_split(x, f);
	return f->rate.present;
}

/* "40 pct. (31)": a share as the papers print it, the count in brackets
 * where it is known. */
static char *papers_share(struct ak_val v, long count)
{
	char *num = cell_num(v.value, stats_shown_decimals(v));
	char *s = count >= 0 ? xasprintf(_("%s %% (%ld)"), num, count) : xasprintf(_("%s %%"), num);
	free(num);
	return s;
}

/* "40 pct. (heraf 31 pct. hjemviste og 9 pct. ændrede)" as the 6-byer's
 * Bilag prints it; with counts "40 pct. (31), heraf 27 pct. (21)
 * hjemviste og 13 pct. (10) ændrede", as Norddjurs' tables do. */
static char *papers_cell(const struct ak_figures *f, bool split)
{
	char *rate = papers_share(f->rate, f->reversed);
	if (!split)
		return rate;
	char *rem = papers_share(f->remanded_pct, f->remanded);
	char *chg = papers_share(f->changed_pct, f->changed);
	bool counted = f->reversed >= 0 || f->remanded >= 0 || f->changed >= 0;
	char *cell =
		counted ? xasprintf(_("%s, of which %s remanded and %s changed"), rate, rem, chg)
			: xasprintf(_("%s (of which %s remanded and %s changed)"), rate, rem, chg);
	free(rem);
	free(chg);
	free(rate);
	return cell;
}

/* "39 (33 / 6)", and "31 of 77" where the counts are known. */
static char *compact_cell(const struct ak_figures *f, bool split)
{
	char *rate = cell_num(f->rate.value, stats_shown_decimals(f->rate));
	char *cell = split ? textfmt_localize(xasprintf(
				     "%s (%.*f / %.*f)", rate,
				     stats_shown_decimals(f->remanded_pct), f->remanded_pct.value,
				     stats_shown_decimals(f->changed_pct), f->changed_pct.value))
			   : xstrdup(rate);
	free(rate);
	char *counted = NULL;
	if (f->reversed >= 0 && f->cases > 0)
		counted = xasprintf(_("%s, %ld of %ld"), cell, f->reversed, f->cases);
	else if (f->reversed >= 0)
		counted = xasprintf(ngettext("%s, %ld reversed", "%s, %ld reversed",
					     (unsigned long)f->reversed),
				    cell, f->reversed);
	if (!counted)
		return cell;
	free(cell);
	return counted;
}

static char *peer_cell(const struct ak_dataset *ds, int year, int code, enum ak_area area,
		       enum peer_cells style, bool *counted)
{
	struct ak_figures f;
	if (!cell_figures(ds, year, code, area, &f))
		return xstrdup(AK_NO_FIGURE);
	bool split = f.remanded_pct.present && f.changed_pct.present;
	*counted |= f.reversed >= 0 || (split && (f.remanded >= 0 || f.changed >= 0));
	return style == CELLS_PAPERS ? papers_cell(&f, split) : compact_cell(&f, split);
}

bool peer_cells_parse(const char *s, enum peer_cells *out)
{
	if (strcmp(s, "compact") == 0)
		*out = CELLS_COMPACT;
	else if (strcmp(s, "papers") == 0)
		*out = CELLS_PAPERS;
	else
		return false;
	return true;
}

size_t factsheet_peer_cells(const struct ak_dataset *ds, const struct peer_set *p, int year,
			    enum peer_cells style, char ***cells, bool *counted)
{
	*counted = false;
	size_t rows = p->n + 1;
	*cells = xcalloc(rows * 4, sizeof **cells);
	for (size_t r = 0; r < rows; r++) {
		int code = r < p->n ? p->codes[r] : AK_NATIONAL_CODE;
		const struct ak_municipality *m = dataset_muni(ds, code);
		(*cells)[r * 4] = xstrdup(r < p->n ? (m ? m->name : "?") : peers_national_name());
		for (int a = 0; a < AREA_COUNT; a++)
			(*cells)[r * 4 + 1 + a] =
				peer_cell(ds, year, code, (enum ak_area)a, style, counted);
	}
	return rows;
}

void cells_free(char **cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(cells[i]);
	free(cells);
}

/* "37,3 (2 of 4)": the value and of how many members; the dash without,
 * or when it would be one member's figure. */
static char *average_cell(struct ak_val v, size_t of, size_t n)
{
	if (!v.present || of < 2)
		return xstrdup(AK_NO_FIGURE);
	char *num = cell_num(v.value, v.decimals);
	char *cell = xasprintf(_("%s (%zu of %zu)"), num, of, n);
	free(num);
	return cell;
}

const char *peers_averages_said(void)
{
	return _("Pooled: the group's reversed cases over its cases decided on the merits, as "
		 "the Talportal's \"I alt\" (only members whose counts are published; a "
		 "large municipality weighs more). Unweighted mean: the average of the "
		 "members' rates, every municipality counting the same. In brackets: of how "
		 "many members.");
}

size_t peers_average_cells(const struct ak_dataset *ds, const struct peer_set *p, int year,
			   char ***cells)
{
	*cells = xcalloc(2 * 4, sizeof **cells);
	(*cells)[0] = xasprintf(_("%s, pooled"), p->label);
	(*cells)[4] = xasprintf(_("%s, unweighted mean"), p->label);
	for (int a = 0; a < AREA_COUNT; a++) {
		struct group_avg g;
		group_average(ds, year, (enum ak_area)a, p->codes, p->n, &g);
		(*cells)[1 + a] = average_cell(g.pooled, g.n_pooled, g.n);
		(*cells)[5 + a] = average_cell(g.mean, g.n_mean, g.n);
	}
	return 2;
}
