/*
 * import.c - see import.h.  The kinds are a table; each reads its files
 * through imp.h and writes through the model.
 */
#include <config.h>

#include <string.h>
#include <sys/stat.h>

#include "db/journal.h"
#include "model/exchange.h"
#include "sync/imp_catalog.h"
#include "sync/imp_orders.h"
#include "sync/imp_stock.h"
#include "sync/import.h"
#include "util/i18n.h"

/* How the summary line of a kind reads. */
enum summary { SUM_CATALOG, SUM_ORDERS, SUM_LOTS, SUM_TRACKING };

struct kind {
	const char *name;
	/* Import all files: most kinds take them one by one. */
	void (*one)(struct imp *im, const char *path);
	void (*all)(struct imp *im, char *const *files, int nfiles);
	enum summary summary;
	/* It writes through order_bulk_create, which makes every reference
	 * it writes itself: no foreign key checks (exchange_fk_checks),
	 * unless --confirm also reserves stock. */
	int own_refs;
};

static const struct kind kinds[] = {
    {"products", imp_products, NULL, SUM_CATALOG, 0},
    {"members", imp_members, NULL, SUM_CATALOG, 0},
    {"intake", imp_intake, NULL, SUM_LOTS, 0},
    {"orders", NULL, imp_orders, SUM_ORDERS, 1},
    {"tracking", imp_tracking, NULL, SUM_TRACKING, 0},
};

static const struct kind *
kind_find(const char *name)
{
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

int
import_kind_known(const char *kind)
{
	return kind_find(kind) != NULL;
}

static void
summarize(const struct imp *im, const struct kind *k, FILE *out)
{
	switch (k->summary) {
	case SUM_CATALOG:
		fprintf(out, _("%s: %ld created, %ld updated, %ld unchanged"),
		    k->name, im->created, im->updated, im->unchanged);
		break;
	case SUM_ORDERS:
		fprintf(out, _("%s: %ld new, %ld already present"), k->name,
		    im->created, im->present);
		if (im->o->confirm)
			fprintf(out, _(", %ld confirmed"), im->confirmed);
		break;
	case SUM_LOTS:
		fprintf(out, _("%s: %ld new lots, %ld already present"),
		    k->name, im->created, im->present);
		break;
	case SUM_TRACKING:
		fprintf(out, _("%s: %ld shipped, %ld already shipped"), k->name,
		    im->created, im->present);
		break;
	}
	if (im->o->dry_run)
		fprintf(out, _(" (dry run: nothing was written)"));
	fputc('\n', out);
}

enum status
import_run(struct db *db, const char *kind, char *const *files, int nfiles,
    const struct imp_opts *o, FILE *out, FILE *err, long *nproblems)
{
	return import_run_progress(
	    db, kind, files, nfiles, o, out, err, nproblems, NULL, NULL);
}

/* Read every file of kind k inside im's transaction, then commit, or
 * roll back after a problem, a fault or for a dry run. */
static enum status
run_kind(struct imp *im, const struct kind *k, char *const *files,
    int nfiles, long *nproblems)
{
	enum status st;

	if (k->all != NULL)
		k->all(im, files, nfiles);
	else
		for (int i = 0; i < nfiles; i++)
			k->one(im, files[i]);
	imp_close(im);
	*nproblems = im->problems;
	if (im->fault != ST_OK) {
		db_rollback(im->db);
		return im->fault;
	}
	if (im->problems > 0 || im->o->dry_run) {
		db_rollback(im->db);
		if (im->problems > 0)
			return ST_REJECTED;
		summarize(im, k, im->out);
		return ST_OK;
	}
	st = db_commit(im->db);
	if (st == ST_OK)
		summarize(im, k, im->out);
	return st;
}

/* Whether the run writes with a rollback journal when alone: a real
 * write, of regular files of at least o->solo_bytes in all ("-" and
 * pipes count nothing: their size is not known beforehand). */
static int
solo_wanted(const struct imp_opts *o, char *const *files, int nfiles)
{
	long long want = o->solo_bytes != 0 ? o->solo_bytes : IMP_SOLO_BYTES;
	long long bytes = 0;
	struct stat sb;

	if (o->dry_run || want < 0)
		return 0;
	for (int i = 0; i < nfiles; i++)
		if (strcmp(files[i], "-") != 0 && stat(files[i], &sb) == 0 &&
		    S_ISREG(sb.st_mode))
			bytes += (long long)sb.st_size;
	return bytes >= want;
}

enum status
import_run_progress(struct db *db, const char *kind, char *const *files,
    int nfiles, const struct imp_opts *o, FILE *out, FILE *err,
    long *nproblems, imp_progress_fn progress, void *arg)
{
	const struct kind *k = kind_find(kind);
	int fk_off, solo;
	struct imp im;
	enum status st, st2 = ST_OK;

	*nproblems = 0;
	if (k == NULL)
		return db_fail(db, ST_INVALID, "unknown import kind %s", kind);
	memset(&im, 0, sizeof im);
	im.db = db;
	im.o = o;
	im.out = out;
	im.err = err;
	im.progress = progress;
	im.progress_arg = arg;
	fk_off = k->own_refs && !o->confirm;
	st = exchange_bulk_mode(db);
	if (st == ST_OK && fk_off)
		st = exchange_fk_checks(db, 0);
	solo = st == ST_OK && solo_wanted(o, files, nfiles) &&
	       db_journal_solo(db);
	if (st == ST_OK)
		st = db_begin(db);
	if (st == ST_OK)
		st = run_kind(&im, k, files, nfiles, nproblems);
	if (fk_off)
		st2 = exchange_fk_checks(db, 1);
	/* Not back in WAL is no failure of the import (journal.h). */
	if (solo)
		(void)db_journal_wal(db);
	return st != ST_OK ? st : st2;
}
