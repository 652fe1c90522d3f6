/*
 * import.h - `coopstock import KIND FILE...`: the kinds, and one run of
 * an import in one transaction (see imp.h for how a run goes).
 */
#ifndef COOPSTOCK_IMPORT_H
#define COOPSTOCK_IMPORT_H

#include <stdio.h>

#include "db/db.h"
#include "sync/imp.h"

/* Return 1 if kind is an import kind (products, members, intake,
 * orders, tracking), else 0. */
int import_kind_known(const char *kind);

/*
 * Import files[0..nfiles) of kind into db under o, in one transaction.
 * Problems are printed on err as "FILE:LINE: column: what is wrong", all
 * of them; what was done (or, with o->dry_run, would be) on out, ending
 * with a summary line.  Returns ST_OK when the transaction was committed
 * (or a dry run found no problem), ST_REJECTED when there were problems
 * and nothing was written (*nproblems gets their count), or another
 * status (ST_BUSY, ...) with the detail in db_errmsg() when the
 * transaction itself failed.
 */
enum status import_run(struct db *db, const char *kind, char *const *files,
    int nfiles, const struct imp_opts *o, FILE *out, FILE *err,
    long *nproblems);

/*
 * As import_run, and call progress(arg, path, line) every
 * IMP_PROGRESS_EVERY data rows read (progress may be NULL), so a screen
 * can show how far a long file has got.
 */
enum status import_run_progress(struct db *db, const char *kind,
    char *const *files, int nfiles, const struct imp_opts *o, FILE *out,
    FILE *err, long *nproblems, imp_progress_fn progress, void *arg);

#endif
