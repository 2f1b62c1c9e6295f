/* fscompare.h - the fact sheet's peer table and trend (fscompare.c). */
#ifndef ANKEKORT_FSCOMPARE_H
#define ANKEKORT_FSCOMPARE_H

#include "ankekort/output/peers.h"
#include "ankekort/output/sheet.h"

/* The peers of the newest year: peers without a figure left out with a
 * line saying how many, the areas without any figure left out. */
void fscompare_peers(struct sheet *s, const struct peer_set *p);
/* The note every figure of the peer table has (borrowed), said once as
 * its caption ("Data er fra danmarkskortet for 2024, jf. ..."), or NULL. */
const char *fscompare_caption(struct sheet *s, const struct peer_set *p);
/* The rates of the years up to the newest that have a figure of the
 * municipality's own, with the national beside; none for one such year. */
void fscompare_trend(struct sheet *s);

#endif
