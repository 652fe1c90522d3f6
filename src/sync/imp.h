/*
 * imp.h - what every import kind shares: the run (one transaction around
 * every file), the current file and its header, reading cells, and
 * problems reported as "FILE:LINE: column: what is wrong".
 *
 * A kind reads every row, checks it and calls the model for the good
 * ones while it goes; a problem is printed at once and counted, and the
 * kind keeps checking the remaining rows, so the clerk sees every problem
 * in one go.  At the end the run commits only when there was no problem
 * and it is not a dry run; otherwise it rolls back, so nothing is
 * written.  Because the model runs inside the open transaction (each call
 * in a savepoint), checks that depend on earlier rows of the same file (a
 * duplicate order, stock for --confirm) see those rows, and a dry run
 * reports exactly what the real run would do.  Memory does not grow with
 * the file: one record is held at a time.
 */
#ifndef COOPSTOCK_IMP_H
#define COOPSTOCK_IMP_H

#include <stdint.h>
#include <stdio.h>

#include "db/db.h"
#include "sync/csvread.h"
#include "sync/header.h"

/* The options of `coopstock import`. */
struct imp_opts {
	enum decode_enc enc; /* DECODE_AUTO unless --encoding */
	int dry_run;
	int confirm;      /* orders: reserve stock too */
	const char *from; /* a shop template name, or NULL: recognise */
	/* Files of at least this many bytes in all are written with a
	 * rollback journal when no one else has the database open
	 * (db_journal_solo); 0: IMP_SOLO_BYTES, < 0: never. */
	long long solo_bytes;
};

/* The default of imp_opts.solo_bytes: about 40,000 lines of orders.
 * Below it WAL's fewer syncs matter more than its extra copies. */
#define IMP_SOLO_BYTES (4ll << 20)

/* A progress callback (see import_run_progress in import.h): the file
 * and the line reached.  It must not touch the database. */
typedef void (*imp_progress_fn)(void *arg, const char *path, long line);

/* How many rows pass between two progress calls. */
#define IMP_PROGRESS_EVERY 500

/* One import run and its current file. */
struct imp {
	struct db *db;
	const struct imp_opts *o;
	FILE *out; /* what was done (dry run: what would be) */
	FILE *err; /* problems */
	long problems;
	long created, updated, unchanged, present, confirmed;
	int quiet; /* imp_open: no notes on unused columns (a shop's file) */
	imp_progress_fn progress; /* NULL: none */
	void *progress_arg;
	long rows_read; /* data rows read in all, for progress */
	enum status fault; /* first ST_NOMEM/IO/FULL/... met, or ST_OK */

	struct csvread *r;
	const char *path;
	const struct csvread_record *rec; /* the current data row */
	long line;                        /* where it starts */
	size_t nhead;                     /* fields of the header row */
	const struct header_col *spec;
	size_t nspec;
	int *index;     /* per spec column: field number or -1 */
	char **colname; /* per spec column: as the file names it */
};

/* Return 1 and remember st (the first one) if st is a failure of the
 * database or of memory, not of the row (ST_NOMEM, ST_IO, ST_FULL,
 * ST_ERROR, ST_BUSY, ...): the import must then fail with it, not
 * report the row.  Return 0 otherwise. */
int imp_fault(struct imp *im, enum status st);

/* Report a problem at line (0: the file as a whole) of the current file
 * about column (NULL: the row) and count it.  fmt is printf's. */
void imp_problem(struct imp *im, long line, const char *column, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

/*
 * Close the current file, if any, then open path as the current file and
 * match its header row against
 * spec[0..n) (which must outlive the file).  Unused columns are printed as
 * notes on im->err.  Returns ST_OK, or another status after reporting the
 * problem (then there is no current file).  When must_match is 0, a
 * missing required column is not reported: ST_NOT_FOUND is returned and
 * the caller may try another layout (the file is closed).
 */
enum status imp_open(struct imp *im, const char *path,
    const struct header_col *spec, size_t n, int must_match);

/*
 * Read the next data row of the current file into im->rec and im->line.
 * Returns 1 for a row, 0 at the end (or once imp_fault has met a fault),
 * -1 when the file cannot be read on (reported).  The file stays open
 * (its column names too) until imp_close or the next imp_open.  A row
 * with a different count of fields than the header is reported and
 * skipped.
 */
int imp_next(struct imp *im);

/* Close the current file early.  Safe when none is open. */
void imp_close(struct imp *im);

/* Return 1 if the file has spec column c, else 0. */
int imp_has(const struct imp *im, int c);

/*
 * Return a new copy of spec column c of the current row, cleaned
 * (cell_clean: trimmed, ="..." unwrapped) and un-neutralised
 * (cell_unneutralize), or "" when the file lacks the column.  If
 * required and it is empty, the problem is reported and NULL returned.
 * *flags (may be NULL) gets cell_clean's flags.  Caller frees.
 */
char *imp_text(struct imp *im, int c, int required, unsigned *flags);

/* As imp_text, and refuse a cell Excel turned into scientific notation
 * (an id, a SKU, a phone: digits were lost).  */
char *imp_id(struct imp *im, int c, int required);

/*
 * Parse spec column c of the current row as money (fen) or a quantity
 * (thousandths) into *out.  An empty or absent cell gives dflt when
 * !required.  Returns 1 when *out was set, 0 after reporting a problem.
 * Negative values are refused.
 */
int imp_money(struct imp *im, int c, int required, int64_t dflt, int64_t *out);
int imp_qty(struct imp *im, int c, int required, int64_t dflt, int64_t *out);

/*
 * Parse spec column c as a date (buf gets "YYYY-MM-DD", n >= 11) or with
 * its time (datetime: "YYYY-MM-DD HH:MM:SS", n >= 20).  An empty or
 * absent cell gives "" when !required.  Returns 1 on success, 0 after
 * reporting a problem.
 */
int imp_date(
    struct imp *im, int c, int required, int with_time, char *buf, size_t n);

/* Print a dry-run or progress line on im->out (printf format). */
void imp_say(struct imp *im, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
