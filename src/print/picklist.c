/*
 * picklist.c - see picklist.h.  The rows of wave_picklist come sorted by
 * product, so a product's lots are gathered until the next product and
 * written under its total line.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/wave.h"
#include "print/line.h"
#include "print/picklist.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/xalloc.h"

#define QTY_COLS 14

struct pick_lot {
	long long lot_id;
	char *best_before, *member, *grade;
	int64_t qty;
};

struct pick {
	FILE *f;
	int width;
	long long product_id; /* the product being gathered; 0: none */
	char *sku, *name, *unit;
	int64_t total;
	struct pick_lot *lots;
	int nlots, nproducts, nlots_all;
};

static char *
qty_unit(int64_t q, const char *unit)
{
	char b[NUM_FMT_SIZE];

	return xasprintf("%s %s", qty_format(q, b, sizeof b), unit);
}

static void
pick_flush(struct pick *pk)
{
	char *left, *right;

	if (pk->product_id == 0)
		return;
	left = xasprintf("%s  %s", pk->sku, pk->name);
	right = qty_unit(pk->total, pk->unit);
	print_pair(pk->f, pk->width, left, right, QTY_COLS);
	free(left);
	free(right);
	for (int i = 0; i < pk->nlots; i++) {
		struct pick_lot *l = &pk->lots[i];

		/* On a receipt roll the member has a line of its own. */
		left =
		    pk->width < 60
			? xasprintf(_("  [ ] lot %lld  %s"), l->lot_id,
			      l->best_before[0] ? l->best_before : "-")
			: xasprintf(_("  [ ] lot %lld  %s  %s %s"), l->lot_id,
			      l->best_before[0] ? l->best_before : "-",
			      l->member, l->grade);
		right = qty_unit(l->qty, pk->unit);
		print_pair(pk->f, pk->width, left, right, QTY_COLS);
		free(left);
		free(right);
		if (pk->width < 60 && (l->member[0] || l->grade[0])) {
			left = xasprintf("        %s %s", l->member, l->grade);
			print_pair(pk->f, pk->width, left, NULL, 0);
			free(left);
		}
		free(l->best_before);
		free(l->member);
		free(l->grade);
	}
	pk->nproducts++;
	pk->nlots_all += pk->nlots;
	pk->nlots = 0;
	free(pk->sku);
	free(pk->name);
	free(pk->unit);
	pk->product_id = 0;
}

static int
pick_cb(const struct wave_pick *p, void *arg)
{
	struct pick *pk = arg;
	struct pick_lot *l;

	if (p->product_id != pk->product_id) {
		pick_flush(pk);
		pk->product_id = p->product_id;
		pk->sku = xstrdup(p->sku);
		pk->name = xstrdup(p->name);
		pk->unit = xstrdup(p->unit);
		pk->total = 0;
	}
	pk->lots = xrealloc(pk->lots, (size_t)(pk->nlots + 1) * sizeof *l);
	l = &pk->lots[pk->nlots++];
	l->lot_id = p->lot_id;
	l->best_before = xstrdup(p->best_before);
	l->member = xstrdup(p->member);
	l->grade = xstrdup(p->grade);
	l->qty = p->qty;
	pk->total += p->qty;
	return 0;
}

enum status
picklist_print(struct db *db, long long id, int width, FILE *f)
{
	struct pick pk;
	struct wave w;
	enum status s;
	char *head;

	if (width < 32)
		return db_fail(
		    db, ST_INVALID, _("a pick list needs at least 32 columns"));
	s = wave_get(db, id, &w);
	if (s != ST_OK)
		return s;
	memset(&pk, 0, sizeof pk);
	pk.f = f;
	pk.width = width;
	head = xasprintf(
	    P_("Pick list: wave %lld, %d order",
		"Pick list: wave %lld, %d orders", (unsigned long)w.norders),
	    id, w.norders);
	print_pair(f, width, head, NULL, 0);
	free(head);
	print_pair(f, width,
	    width < 60 ? _("Product / lot, best before")
		       : _("Product / lot, best before, member"),
	    _("Quantity"), QTY_COLS);
	print_rule(f, width, '=');
	s = wave_picklist(db, id, pick_cb, &pk);
	pick_flush(&pk);
	free(pk.lots);
	print_rule(f, width, '=');
	head =
	    xasprintf(_("Products: %d  Lots: %d"), pk.nproducts, pk.nlots_all);
	print_pair(f, width, head, NULL, 0);
	free(head);
	wave_clear(&w);
	return s;
}
