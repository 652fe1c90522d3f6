/*
 * import.c - see import.h.  The kinds are a table; each reads its files
 * through imp.h and writes through the model.
 */
#include <config.h>

#include <string.h>

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
};

static const struct kind kinds[] = {
    {"products", imp_products, NULL, SUM_CATALOG},
    {"members", imp_members, NULL, SUM_CATALOG},
    {"intake", imp_intake, NULL, SUM_LOTS},
    {"orders", NULL, imp_orders, SUM_ORDERS},
    {"tracking", imp_tracking, NULL, SUM_TRACKING},
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

enum status
import_run_progress(struct db *db, const char *kind, char *const *files,
    int nfiles, const struct imp_opts *o, FILE *out, FILE *err,
    long *nproblems, imp_progress_fn progress, void *arg)
{
	const struct kind *k = kind_find(kind);
	struct imp im;
	enum status st;

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
	st = exchange_bulk_mode(db);
	if (st == ST_OK)
		st = db_begin(db);
	if (st != ST_OK)
		return st;
	if (k->all != NULL)
		k->all(&im, files, nfiles);
	else
		for (int i = 0; i < nfiles; i++)
			k->one(&im, files[i]);
	imp_close(&im);
	*nproblems = im.problems;
	if (im.fault != ST_OK) {
		db_rollback(db);
		return im.fault;
	}
	if (im.problems > 0 || o->dry_run) {
		db_rollback(db);
		if (im.problems > 0)
			return ST_REJECTED;
		summarize(&im, k, out);
		return ST_OK;
	}
	st = db_commit(db);
	if (st == ST_OK)
		summarize(&im, k, out);
	return st;
}
