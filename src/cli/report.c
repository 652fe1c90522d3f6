/*
 * report.c - `coopstock report NAME [--csv] [--from D --to D]`.
 *
 * The model hands out the rows (model/report.h, payout_list); this file
 * only lays them out.  Text: a title, a table whose columns are as wide
 * as their widest cell measured in display columns (王芳 is four), text
 * left and numbers right, and a totals or summary line.  --csv: the same
 * rows, without title or totals, through the CSV writer, with plain
 * English headers and unformatted numbers, for a spreadsheet.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/sync.h"
#include "model/payment.h"
#include "model/report.h"
#include "model/setting.h"
#include "sync/csvwrite.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/text.h"
#include "util/xalloc.h"

enum kind { K_TEXT, K_MONEY, K_QTY, K_COUNT };

struct rcol {
	const char *head; /* N_(): the text header */
	const char *csv;  /* the CSV header, never translated */
	enum kind kind;
};

/* One cell before formatting. */
struct rcell {
	const char *s;
	int64_t v;
};

/* Where rows go: a text table being collected, or a CSV writer. */
struct out {
	const struct rcol *cols;
	int ncols;
	struct csvw *csv;
	char **cells; /* text mode: nrows * ncols formatted cells */
	size_t nrows;
	int64_t sum[8]; /* per column, for totals lines */
	long long count;
};

static char *
cell_format(enum kind k, const struct rcell *c, int for_csv)
{
	char buf[NUM_FMT_SIZE];

	switch (k) {
	case K_MONEY:
		return xstrdup(
		    for_csv ? money_format(c->v, buf, sizeof buf)
			    : money_format_grouped(c->v, buf, sizeof buf));
	case K_QTY:
		return xstrdup(qty_format(c->v, buf, sizeof buf));
	case K_COUNT:
		return xasprintf("%lld", (long long)c->v);
	default:
		return xstrdup(c->s != NULL ? c->s : "");
	}
}

/* Set the columns; in CSV mode write the header row. */
static void
out_begin(struct out *o, const struct rcol *cols, int ncols)
{
	o->cols = cols;
	o->ncols = ncols;
	for (int i = 0; o->csv != NULL && i < ncols; i++)
		csvw_text(o->csv, cols[i].csv);
	if (o->csv != NULL)
		csvw_end_row(o->csv);
}

/* Add one row (ncols cells); numbers are summed for a totals line. */
static void
out_row(struct out *o, const struct rcell *cells)
{
	o->count++;
	for (int i = 0; i < o->ncols; i++)
		if (o->cols[i].kind != K_TEXT && i < 8)
			o->sum[i] += cells[i].v;
	if (o->csv != NULL) {
		for (int i = 0; i < o->ncols; i++) {
			char *t = cell_format(o->cols[i].kind, &cells[i], 1);

			if (o->cols[i].kind == K_TEXT)
				csvw_text(o->csv, t);
			else
				csvw_number(o->csv, t);
			free(t);
		}
		csvw_end_row(o->csv);
		return;
	}
	o->cells = xrealloc(
	    o->cells, (o->nrows + 1) * (size_t)o->ncols * sizeof *o->cells);
	for (int i = 0; i < o->ncols; i++)
		o->cells[o->nrows * (size_t)o->ncols + (size_t)i] =
		    cell_format(o->cols[i].kind, &cells[i], 0);
	o->nrows++;
}

/* Print one line of the table: cells fitted to widths, trailing blanks
 * dropped. */
static void
print_line(const struct out *o, char *const *cells, const int *width)
{
	char *line = xstrdup(""), *cell, *next;
	size_t n;

	for (int i = 0; i < o->ncols; i++) {
		cell = text_fit(cells[i], width[i],
		    o->cols[i].kind == K_TEXT ? TEXT_LEFT : TEXT_RIGHT, 0);
		next = xasprintf("%s%s%s", line, i > 0 ? "  " : "", cell);
		free(cell);
		free(line);
		line = next;
	}
	n = strlen(line);
	while (n > 0 && line[n - 1] == ' ')
		line[--n] = '\0';
	puts(line);
	free(line);
}

/* Print the collected table; totals (may be NULL) is one more row of
 * formatted cells under a rule. */
static void
print_table(const struct out *o, char *const *totals)
{
	int width[8];
	char *heads[8], *rule[8];

	for (int i = 0; i < o->ncols; i++) {
		heads[i] = xstrdup(_(o->cols[i].head));
		width[i] = text_width(heads[i]);
		for (size_t r = 0; r < o->nrows; r++) {
			int w = text_width(
			    o->cells[r * (size_t)o->ncols + (size_t)i]);

			width[i] = w > width[i] ? w : width[i];
		}
		if (totals != NULL && text_width(totals[i]) > width[i])
			width[i] = text_width(totals[i]);
		rule[i] = xmalloc((size_t)width[i] + 1);
		memset(rule[i], '-', (size_t)width[i]);
		rule[i][width[i]] = '\0';
	}
	print_line(o, heads, width);
	print_line(o, rule, width);
	for (size_t r = 0; r < o->nrows; r++)
		print_line(o, &o->cells[r * (size_t)o->ncols], width);
	if (totals != NULL) {
		print_line(o, rule, width);
		print_line(o, totals, width);
	}
	for (int i = 0; i < o->ncols; i++) {
		free(heads[i]);
		free(rule[i]);
	}
}

static void
out_free(struct out *o)
{
	for (size_t i = 0; i < o->nrows * (size_t)o->ncols; i++)
		free(o->cells[i]);
	free(o->cells);
}

/* Print the title line: "COOP: what" (the name sanitized). */
static void
print_title(struct db *db, const char *what)
{
	char *name = setting_get(db, "coop_name", "coopstock");
	char *safe = text_sanitize_str(name);

	printf("%s: %s\n\n", safe, what);
	free(safe);
	free(name);
}

static const struct rcol stock_cols[] = {
    {N_("SKU"), "sku", K_TEXT},
    {N_("Product"), "name", K_TEXT},
    {N_("Unit"), "unit", K_TEXT},
    {N_("On hand"), "on_hand", K_QTY},
    {N_("Reserved"), "reserved", K_QTY},
    {N_("Expired"), "expired", K_QTY},
    {N_("Available"), "available", K_QTY},
    {N_("Reorder at"), "reorder_level", K_QTY},
};

static int
stock_row(const struct report_stock_row *r, void *arg)
{
	struct out *o = arg;
	struct rcell c[] = {
	    {r->sku, 0},
	    {r->name, 0},
	    {r->unit, 0},
	    {NULL, r->on_hand},
	    {NULL, r->reserved},
	    {NULL, r->expired},
	    {NULL, r->available},
	    {NULL, r->reorder_level},
	};

	out_row(o, c);
	if (r->low)
		o->sum[0]++; /* the SKU column is text: count the low ones */
	return 0;
}

static enum status
report_stock_run(struct db *db, struct out *o, int low_only)
{
	char today[DATE_SIZE], *title;
	enum status st;

	out_begin(o, stock_cols, 8);
	st = report_stock(db, low_only, stock_row, o);
	if (st != ST_OK || o->csv != NULL)
		return st;
	date_today(today, sizeof today);
	title = low_only ? xasprintf(_("low stock on %s"), today)
			 : xasprintf(_("stock on %s"), today);
	print_title(db, title);
	free(title);
	print_table(o, NULL);
	if (low_only)
		printf(P_("%lld product at or below its reorder level\n",
			   "%lld products at or below their reorder level\n",
			   (unsigned long)o->count),
		    o->count);
	else
		printf(
		    P_("%lld product, %lld at or below its reorder level\n",
			"%lld products, %lld at or below their reorder level\n",
			(unsigned long)o->count),
		    o->count, (long long)o->sum[0]);
	return ST_OK;
}

static const struct rcol sales_cols[] = {
    {N_("Date"), "date", K_TEXT},
    {N_("SKU"), "sku", K_TEXT},
    {N_("Product"), "name", K_TEXT},
    {N_("Unit"), "unit", K_TEXT},
    {N_("Orders"), "orders", K_COUNT},
    {N_("Quantity"), "qty", K_QTY},
    {N_("Amount"), "amount", K_MONEY},
};

static int
sales_row(const struct report_sales_row *r, void *arg)
{
	struct rcell c[] = {
	    {r->day, 0},
	    {r->sku, 0},
	    {r->name, 0},
	    {r->unit, 0},
	    {NULL, r->orders},
	    {NULL, r->qty},
	    {NULL, r->amount},
	};

	out_row(arg, c);
	return 0;
}

static enum status
report_sales_run(struct db *db, struct out *o, const char *from, const char *to)
{
	char *title, buf[NUM_FMT_SIZE];
	char *totals[7] = {NULL};
	enum status st;

	out_begin(o, sales_cols, 7);
	st = report_sales(db, from, to, sales_row, o);
	if (st != ST_OK || o->csv != NULL)
		return st;
	title = xasprintf(_("sales from %s to %s (shipped and delivered "
			    "orders, by order date)"),
	    from, to);
	print_title(db, title);
	free(title);
	for (int i = 0; i < 6; i++)
		totals[i] = xstrdup(i == 0 ? _("Total") : "");
	totals[6] = xstrdup(money_format_grouped(o->sum[6], buf, sizeof buf));
	print_table(o, totals);
	for (int i = 0; i < 7; i++)
		free(totals[i]);
	return ST_OK;
}

static const struct rcol payout_cols[] = {
    {N_("Code"), "code", K_TEXT},
    {N_("Member"), "name", K_TEXT},
    {N_("Village"), "village", K_TEXT},
    {N_("Owed"), "owed", K_MONEY},
    {N_("Paid"), "paid", K_MONEY},
    {N_("Balance"), "balance", K_MONEY},
};

static int
payout_row(const struct payout_row *r, void *arg)
{
	struct rcell c[] = {
	    {r->code, 0},
	    {r->name, 0},
	    {r->village, 0},
	    {NULL, r->owed},
	    {NULL, r->paid},
	    {NULL, r->balance},
	};

	out_row(arg, c);
	return 0;
}

static enum status
report_payouts_run(struct db *db, struct out *o)
{
	char today[DATE_SIZE], buf[NUM_FMT_SIZE], *title;
	char *totals[6];
	enum status st;

	out_begin(o, payout_cols, 6);
	st = payout_list(db, payout_row, o);
	if (st != ST_OK || o->csv != NULL)
		return st;
	title = xasprintf(
	    _("member payouts on %s"), date_today(today, sizeof today));
	print_title(db, title);
	free(title);
	for (int i = 0; i < 6; i++)
		totals[i] = i == 0  ? xstrdup(_("Total"))
			    : i < 3 ? xstrdup("")
				    : xstrdup(money_format_grouped(
					  o->sum[i], buf, sizeof buf));
	print_table(o, totals);
	for (int i = 0; i < 6; i++)
		free(totals[i]);
	return ST_OK;
}

/* The options after NAME. */
struct ropts {
	int csv;
	const char *from, *to;
};

/* Parse [--csv] [--from D] [--to D]; returns CLI_OK or a usage error. */
static int
parse_opts(int argc, char **argv, struct ropts *r)
{
	for (int i = 2; i < argc; i++) {
		const char **dst = NULL;

		if (strcmp(argv[i], "--csv") == 0)
			r->csv = 1;
		else if (strcmp(argv[i], "--from") == 0)
			dst = &r->from;
		else if (strcmp(argv[i], "--to") == 0)
			dst = &r->to;
		else
			return cli_usage_error(
			    _("unknown report option '%s'"), argv[i]);
		if (dst != NULL && i + 1 >= argc)
			return cli_usage_error(_("%s needs a date"), argv[i]);
		if (dst != NULL)
			*dst = argv[++i];
	}
	return CLI_OK;
}

/* Turn --from/--to (what a clerk typed) into ISO dates; defaults: the
 * last 30 days, today included. */
static int
sales_dates(const struct ropts *r, char *from, char *to)
{
	if (r->to == NULL)
		date_today(to, DATE_SIZE);
	else if (date_parse(r->to, to, DATE_SIZE) != NUM_OK)
		return cli_usage_error(_("--to: not a date: %s"), r->to);
	if (r->from == NULL)
		date_add_days(to, -29, from, DATE_SIZE);
	else if (date_parse(r->from, from, DATE_SIZE) != NUM_OK)
		return cli_usage_error(_("--from: not a date: %s"), r->from);
	return CLI_OK;
}

static enum status
report_dispatch(struct db *db, const char *name, struct out *o,
    const char *from, const char *to)
{
	if (strcmp(name, "stock") == 0)
		return report_stock_run(db, o, 0);
	if (strcmp(name, "low-stock") == 0)
		return report_stock_run(db, o, 1);
	if (strcmp(name, "sales") == 0)
		return report_sales_run(db, o, from, to);
	return report_payouts_run(db, o);
}

int
cmd_report(struct db *db, int argc, char **argv)
{
	static const char *const names[] = {
	    "stock", "low-stock", "sales", "payouts"};
	struct ropts r = {0};
	struct out o;
	char from[DATE_SIZE], to[DATE_SIZE], *err = NULL;
	enum status st, cst = ST_OK;
	int known = 0, rc;

	if (argc >= 2 && (strcmp(argv[1], "conflicts") == 0 ||
			     strcmp(argv[1], "oversold") == 0))
		return cmd_report_sync(db, argc - 1, argv + 1);
	if (argc < 2)
		return cli_usage_error(_("report needs a name: stock, "
					 "low-stock, sales or payouts"));
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		known |= strcmp(argv[1], names[i]) == 0;
	if (!known)
		return cli_usage_error(_("unknown report '%s' (stock, "
					 "low-stock, sales or payouts)"),
		    argv[1]);
	if ((rc = parse_opts(argc, argv, &r)) != CLI_OK)
		return rc;
	if ((r.from != NULL || r.to != NULL) && strcmp(argv[1], "sales") != 0)
		return cli_usage_error(_("only the sales report takes dates"));
	if ((rc = sales_dates(&r, from, to)) != CLI_OK)
		return rc;
	memset(&o, 0, sizeof o);
	if (r.csv)
		o.csv = csvw_new(stdout, _("standard output"), 0);
	st = report_dispatch(db, argv[1], &o, from, to);
	if (o.csv != NULL)
		cst = csvw_close(o.csv, &err);
	out_free(&o);
	if (st != ST_OK)
		return cli_status_error(db, st);
	if (cst != ST_OK) {
		rc =
		    cli_error("%s", err != NULL ? err : _(status_message(cst)));
		free(err);
		return rc;
	}
	return CLI_OK;
}
