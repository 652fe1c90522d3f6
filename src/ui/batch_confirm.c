/*
 * batch_confirm.c - see batch_confirm.h.  The shortfall lines are
 * gathered during the batch and shown after it committed, so no
 * transaction is open while the dialog waits for keys.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/batch.h"
#include "model/summary.h"
#include "ui/batch_confirm.h"
#include "ui/dialog.h"
#include "ui/session.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/xalloc.h"

struct shorts {
	char **v;
	size_t n, cap;
};

/* One line per short order: "Order 12 张三: HT-KG 3 kg, FM-500 1 jar". */
static int
on_short(const struct batch_shortfall *s, void *arg)
{
	struct shorts *sh = arg;
	char *line = xasprintf(_("Order %lld %s: short of"), s->order_id,
	    s->customer_name ? s->customer_name : "");

	for (int i = 0; i < s->nlines; i++) {
		char qty[32], *next;

		next = xasprintf("%s%s %s %s %s", line, i ? "," : "",
		    s->lines[i].sku, qty_format(s->lines[i].qty, qty, sizeof qty),
		    s->lines[i].unit);
		free(line);
		line = next;
	}
	if (sh->n == sh->cap) {
		sh->cap = sh->cap ? sh->cap * 2 : 16;
		sh->v = xrealloc(sh->v, sh->cap * sizeof(*sh->v));
	}
	sh->v[sh->n++] = line;
	return 0;
}

int
batch_confirm_run(struct ui *ui)
{
	struct db *db = session_db();
	struct summary sum;
	struct batch_result res = {0};
	struct shorts sh = {0};
	char *q, *title;
	enum status s;

	if (summary_get(db, SUMMARY_NEAR_DAYS, &sum) != ST_OK) {
		ui_error(ui, "%s", db_errmsg(db));
		return -1;
	}
	if (sum.orders_new == 0) {
		ui_message(ui, _("There are no new orders to confirm."));
		return -1;
	}
	q = xasprintf(_("Confirm all %lld new orders, oldest first?"),
	    (long long)sum.orders_new);
	if (!ui_confirm(ui, q)) {
		free(q);
		return -1;
	}
	free(q);
	s = order_confirm_batch(db, NULL, on_short, &sh, &res);
	if (s != ST_OK) {
		ui_error(ui, "%s", db_errmsg(db));
		for (size_t i = 0; i < sh.n; i++)
			free(sh.v[i]);
		free(sh.v);
		return -1;
	}
	ui_message(ui, _("%d orders confirmed, %d short of stock."),
	    res.confirmed, res.short_);
	if (sh.n > 0) {
		title = xasprintf(_("%d left new, short of stock (no partial shipment)"),
		    res.short_);
		ui_choose(ui, title, (const char *const *)sh.v, sh.n);
		free(title);
		ui_message(ui, _("%d orders confirmed, %d short of stock."),
		    res.confirmed, res.short_);
	}
	for (size_t i = 0; i < sh.n; i++)
		free(sh.v[i]);
	free(sh.v);
	return res.confirmed;
}
