/* modepeers.c - the peer table as in the committee papers: the marked
 * municipalities, or the 6-byer when none is marked (tables_peers). */
#include "ankekort/browse/mode.h"

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/browse/tablemode.h"
#include "ankekort/browse/viewlines.h"
#include "ankekort/output/peers.h"
#include "ankekort/output/tables.h"

static void peers_table(struct app *a, struct tview *t)
{
	struct peer_set p;
	app_peer_set(a, &p);
	tables_peers(a->ds, &p, app_year(a), t);
	peers_free(&p);
}

static void peers_title(const struct app *a, struct vlines *out)
{
	(void)a;
	vline_add(out, ROLE_HEADER, _("  Space marks peers in the list; none marked: 6-byer"));
}

static void peers_export_name(const struct app *a, struct sbuf *b)
{
	sbuf_printf(b, "peers-%d", app_year(a)); /* untranslated: a file name */
}

static const enum ak_action peers_own[] = {ACT_SORT_REVERSE, ACT_NONE};

const struct mode_ops mode_peers = {
	.name = "peers",
	.keys = table_apply,
	.own = peers_own,
	.frame = table_frame,
	.table = peers_table,
	.title = peers_title,
	.export_name = peers_export_name,
	.export_write = table_export_write,
};
