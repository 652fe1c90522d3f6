/*
 * report_rows.c - see report_rows.h.  Moved down from src/cli/report.c
 * so that the Reports screen writes the same CSV as the command.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/payment.h"
#include "model/report.h"
#include "sync/report_rows.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/xalloc.h"

static const struct rrow_col stock_cols[] = {
    {N_("SKU"), "sku", RROW_TEXT},
    {N_("Product"), "name", RROW_TEXT},
    {N_("Unit"), "unit", RROW_TEXT},
    {N_("On hand"), "on_hand", RROW_QTY},
    {N_("Reserved"), "reserved", RROW_QTY},
    {N_("Expired"), "expired", RROW_QTY},
    {N_("Available"), "available", RROW_QTY},
    {N_("Reorder at"), "reorder_level", RROW_QTY},
};

static const struct rrow_col sales_cols[] = {
    {N_("Date"), "date", RROW_TEXT},
    {N_("SKU"), "sku", RROW_TEXT},
    {N_("Product"), "name", RROW_TEXT},
    {N_("Unit"), "unit", RROW_TEXT},
    {N_("Orders"), "orders", RROW_COUNT},
    {N_("Quantity"), "qty", RROW_QTY},
    {N_("Amount"), "amount", RROW_MONEY},
};

static const struct rrow_col payout_cols[] = {
    {N_("Code"), "code", RROW_TEXT},
    {N_("Member"), "name", RROW_TEXT},
    {N_("Village"), "village", RROW_TEXT},
    {N_("Owed"), "owed", RROW_MONEY},
    {N_("Paid"), "paid", RROW_MONEY},
    {N_("Balance"), "balance", RROW_MONEY},
};

char *
rrow_format(enum rrow_kind k, const struct rrow_cell *c, int for_csv)
{
	char buf[NUM_FMT_SIZE];

	switch (k) {
	case RROW_MONEY:
		return xstrdup(
		    for_csv ? money_format(c->v, buf, sizeof buf)
			    : money_format_grouped(c->v, buf, sizeof buf));
	case RROW_QTY:
		return xstrdup(qty_format(c->v, buf, sizeof buf));
	case RROW_COUNT:
		return xasprintf("%lld", (long long)c->v);
	default:
		return xstrdup(c->s != NULL ? c->s : "");
	}
}

static int
stock_row(const struct report_stock_row *r, void *arg)
{
	const struct rrow_sink *s = arg;
	struct rrow_cell c[] = {
	    {r->sku, 0},
	    {r->name, 0},
	    {r->unit, 0},
	    {NULL, r->on_hand},
	    {NULL, r->reserved},
	    {NULL, r->expired},
	    {NULL, r->available},
	    {NULL, r->reorder_level},
	};

	return s->row(s->arg, c, r->low);
}

static int
sales_row(const struct report_sales_row *r, void *arg)
{
	const struct rrow_sink *s = arg;
	struct rrow_cell c[] = {
	    {r->day, 0},
	    {r->sku, 0},
	    {r->name, 0},
	    {r->unit, 0},
	    {NULL, r->orders},
	    {NULL, r->qty},
	    {NULL, r->amount},
	};

	return s->row(s->arg, c, 0);
}

static int
payout_row(const struct payout_row *r, void *arg)
{
	const struct rrow_sink *s = arg;
	struct rrow_cell c[] = {
	    {r->code, 0},
	    {r->name, 0},
	    {r->village, 0},
	    {NULL, r->owed},
	    {NULL, r->paid},
	    {NULL, r->balance},
	};

	return s->row(s->arg, c, 0);
}

int
report_rows_known(const char *name)
{
	return strcmp(name, "stock") == 0 || strcmp(name, "low-stock") == 0 ||
	       strcmp(name, "sales") == 0 || strcmp(name, "payouts") == 0;
}

enum status
report_rows(struct db *db, const char *name, const char *from, const char *to,
    const struct rrow_sink *sink)
{
	int low = strcmp(name, "low-stock") == 0;

	if (low || strcmp(name, "stock") == 0) {
		sink->begin(sink->arg, stock_cols, 8);
		return report_stock(db, low, stock_row, (void *)sink);
	}
	if (strcmp(name, "sales") == 0) {
		sink->begin(sink->arg, sales_cols, 7);
		return report_sales(db, from, to, sales_row, (void *)sink);
	}
	sink->begin(sink->arg, payout_cols, 6);
	return payout_list(db, payout_row, (void *)sink);
}

/* The CSV sink. */
struct csv_out {
	struct csvw *w;
	const struct rrow_col *cols;
	int ncols;
};

static void
csv_begin(void *arg, const struct rrow_col *cols, int ncols)
{
	struct csv_out *o = arg;

	o->cols = cols;
	o->ncols = ncols;
	for (int i = 0; i < ncols; i++)
		csvw_text(o->w, cols[i].csv);
	csvw_end_row(o->w);
}

static int
csv_row(void *arg, const struct rrow_cell *cells, int low)
{
	struct csv_out *o = arg;

	(void)low;
	for (int i = 0; i < o->ncols; i++) {
		char *t = rrow_format(o->cols[i].kind, &cells[i], 1);

		if (o->cols[i].kind == RROW_TEXT)
			csvw_text(o->w, t);
		else
			csvw_number(o->w, t);
		free(t);
	}
	csvw_end_row(o->w);
	return 0;
}

enum status
report_rows_csv(struct db *db, const char *name, const char *from,
    const char *to, struct csvw *w)
{
	struct csv_out o = {w, NULL, 0};
	struct rrow_sink s = {csv_begin, csv_row, &o};

	return report_rows(db, name, from, to, &s);
}
