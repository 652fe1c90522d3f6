/*
 * report_rows.h - the reports' columns and cells, shared by
 * `coopstock report` (text and --csv) and the Reports screen, so a
 * report saved from the screen has the same bytes as the command's CSV.
 *
 * The model hands out typed rows (model/report.h, payout_list); this
 * module names the columns (a translated heading and a fixed CSV header)
 * and turns each row into cells, and writes a report as CSV.  No
 * printing, no curses.
 */
#ifndef COOPSTOCK_REPORT_ROWS_H
#define COOPSTOCK_REPORT_ROWS_H

#include <stdint.h>

#include "db/db.h"
#include "sync/csvwrite.h"

enum rrow_kind { RROW_TEXT, RROW_MONEY, RROW_QTY, RROW_COUNT };

struct rrow_col {
	const char *head; /* the heading shown, marked for gettext */
	const char *csv;  /* the CSV header, never translated */
	enum rrow_kind kind;
};

/* One cell before formatting: text in s, or a number in v. */
struct rrow_cell {
	const char *s;
	int64_t v;
};

/* Where the rows go.  begin is called once before the rows; row once per
 * row with ncols cells (valid during the call) and low set for a stock
 * row at or below its reorder level; a nonzero return stops the walk. */
struct rrow_sink {
	void (*begin)(void *arg, const struct rrow_col *cols, int ncols);
	int (*row)(void *arg, const struct rrow_cell *cells, int low);
	void *arg;
};

/* Return 1 for a known report name (stock, low-stock, sales, payouts). */
int report_rows_known(const char *name);

/*
 * Walk report name into sink; from and to (ISO dates) are for sales
 * only.  Returns ST_OK or the model's status (detail in db_errmsg()).
 */
enum status report_rows(struct db *db, const char *name, const char *from,
    const char *to, const struct rrow_sink *sink);

/* Format cell c of kind k: money grouped for display ("1,234.50") or
 * plain for CSV.  New string; caller frees. */
char *rrow_format(enum rrow_kind k, const struct rrow_cell *c, int for_csv);

/*
 * Write report name as CSV on w: the CSV headers, then one line per row,
 * text cells neutralised and numbers plain.  Returns the model's status;
 * write errors are w's (see csvw_close()).
 */
enum status report_rows_csv(struct db *db, const char *name, const char *from,
    const char *to, struct csvw *w);

#endif
