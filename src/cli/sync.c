/*
 * sync.c - see sync.h.  The work is in src/sync/bundle.c and the model's
 * replica/syncstate; this file reads the command line and prints.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/sync.h"
#include "model/syncstate.h"
#include "sync/bundle.h"
#include "sync/csvwrite.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/text.h"

/* The kinds' names as printed in summaries (the file without .csv). */
static void
print_counts(const struct bundle_counts *c, int added)
{
	for (int k = 0; k < REPLICA__COUNT; k++) {
		const char *f = replica_file(k);

		printf("  %-14.*s %6ld", (int)(strlen(f) - 4), f, c->rows[k]);
		if (added)
			printf(_("  (%ld new)"), c->added[k]);
		putchar('\n');
	}
}

int
cmd_export_sync(struct db *db, int argc, char **argv)
{
	const char *peer = NULL, *dir = NULL;
	struct bundle_counts c;
	enum status st;
	char *err = NULL;
	int all = 0, rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--all") == 0)
			all = 1;
		else if (strcmp(argv[i], "--to") == 0 && i + 1 < argc)
			peer = argv[++i];
		else if (strncmp(argv[i], "--to=", 5) == 0)
			peer = argv[i] + 5;
		else if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_usage_error(
			    _("unknown option '%s'"), argv[i]);
		else if (dir == NULL)
			dir = argv[i];
		else
			return cli_usage_error(
			    _("export sync writes one folder"));
	}
	if (peer == NULL || dir == NULL)
		return cli_usage_error(
		    _("usage: coopstock export sync --to SITE "
		      "[--all] FOLDER"));
	st = bundle_export(db, peer, dir, all, &c, &err);
	if (st != ST_OK) {
		rc = cli_error("%s", err != NULL ? err : _(status_message(st)));
		free(err);
		return rc;
	}
	printf(_("bundle %lld for %s in %s: %ld rows\n"), c.seq, c.peer, dir,
	    c.rows_total);
	print_counts(&c, 0);
	bundle_counts_clear(&c);
	return CLI_OK;
}

int
cmd_import_sync(struct db *db, int argc, char **argv)
{
	const char *dir = NULL;
	struct bundle_counts c;
	int dry = 0, rc;
	enum status st;
	char *err = NULL;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--dry-run") == 0)
			dry = 1;
		else if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_usage_error(
			    _("unknown option '%s'"), argv[i]);
		else if (dir == NULL)
			dir = argv[i];
		else
			return cli_usage_error(
			    _("import sync reads one folder"));
	}
	if (dir == NULL)
		return cli_usage_error(_("import sync needs a bundle folder"));
	st = dry ? bundle_preview(db, dir, &c, &err)
		 : bundle_apply(db, dir, &c, &err);
	if (st != ST_OK) {
		rc = cli_error(_("%s; nothing was written"),
		    err != NULL ? err : _(status_message(st)));
		free(err);
		bundle_counts_clear(&c);
		return rc;
	}
	printf(_("bundle %lld from %s: %ld rows, %ld new%s\n"), c.seq, c.peer,
	    c.rows_total, c.added_total,
	    dry ? _(" (dry run: nothing was written)") : "");
	print_counts(&c, 1);
	if (c.conflicts > 0)
		printf(P_("%d new conflict: see coopstock report conflicts\n",
			   "%d new conflicts: see coopstock report conflicts\n",
			   c.conflicts),
		    c.conflicts);
	if (c.oversold > 0)
		printf(P_("%d product is oversold: see coopstock report "
			  "oversold\n",
			   "%d products are oversold: see coopstock report "
			   "oversold\n",
			   c.oversold),
		    c.oversold);
	bundle_counts_clear(&c);
	return CLI_OK;
}

/* Where report rows go. */
struct rout {
	struct csvw *csv;
	int n;
};

/* One cell: text or an already formatted number; last ends the row. */
static void
cell(struct rout *o, const char *s, int number, int last)
{
	char *safe;

	if (o->csv != NULL) {
		if (number)
			csvw_number(o->csv, s);
		else
			csvw_text(o->csv, s);
		if (last)
			csvw_end_row(o->csv);
		return;
	}
	safe = text_sanitize_str(s);
	fputs(safe, stdout);
	fputs(last ? "\n" : "  ", stdout);
	free(safe);
}

/* A price in fen or a reorder level in thousandths as a person reads it
 * (into buf), other values as stored. */
static const char *
field_value(const struct syncstate_conflict_row *r, const char *v, char *buf,
    size_t size)
{
	long long n;
	char *end;

	if (strcmp(r->entity, "product") != 0 ||
	    (strcmp(r->field, "price") != 0 &&
		strcmp(r->field, "reorder_level") != 0))
		return v;
	n = strtoll(v, &end, 10);
	if (end == v || *end != '\0')
		return v;
	return strcmp(r->field, "price") == 0 ? money_format(n, buf, size)
					      : qty_format(n, buf, size);
}

static void
conflict_row(const struct syncstate_conflict_row *r, void *arg)
{
	char a[NUM_FMT_SIZE], b[NUM_FMT_SIZE];
	const char *v[] = {r->kind, r->entity, r->ref, r->field,
	    field_value(r, r->kept_value, a, sizeof a), r->kept_by, r->kept_at,
	    field_value(r, r->lost_value, b, sizeof b), r->lost_by, r->lost_at};
	struct rout *o = arg;

	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		cell(o, v[i], 0, i + 1 == sizeof v / sizeof *v);
	o->n++;
}

static void
oversold_row(const struct syncstate_oversold_row *r, void *arg)
{
	char a[NUM_FMT_SIZE], b[NUM_FMT_SIZE];
	struct rout *o = arg;

	qty_format(r->on_hand, a, sizeof a);
	qty_format(r->reserved, b, sizeof b);
	cell(o, r->sku, 0, 0);
	cell(o, r->name, 0, 0);
	cell(o, r->unit, 0, 0);
	cell(o, a, 1, 0);
	cell(o, b, 1, 1);
	o->n++;
}

int
cmd_report_sync(struct db *db, int argc, char **argv)
{
	static const char *const conflict_cols[] = {"kind", "entity", "ref",
	    "field", "kept_value", "kept_by", "kept_at", "lost_value",
	    "lost_by", "lost_at", NULL};
	static const char *const oversold_cols[] = {
	    "sku", "name", "unit", "on_hand", "reserved", NULL};
	int conflicts = strcmp(argv[0], "conflicts") == 0, rc;
	struct rout o = {NULL, 0};
	enum status st;
	char *err = NULL;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--csv") != 0)
			return cli_usage_error(
			    _("unknown report option '%s'"), argv[i]);
		if (o.csv == NULL)
			o.csv = csvw_new(stdout, _("standard output"), 0);
	}
	if (o.csv != NULL) {
		for (const char *const *c = conflicts ? conflict_cols
						      : oversold_cols;
		     *c != NULL; c++)
			csvw_text(o.csv, *c);
		csvw_end_row(o.csv);
	}
	st = conflicts ? syncstate_conflicts(db, conflict_row, &o, NULL)
		       : syncstate_oversold(db, oversold_row, &o, NULL);
	if (o.csv != NULL && csvw_close(o.csv, &err) != ST_OK && st == ST_OK) {
		rc = cli_error("%s", err);
		free(err);
		return rc;
	}
	if (st != ST_OK)
		return cli_status_error(db, st);
	if (o.csv == NULL && o.n == 0)
		puts(conflicts ? _("no conflicts") : _("nothing is oversold"));
	return CLI_OK;
}
