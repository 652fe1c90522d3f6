/*
 * bundle.h - site-to-site sync by a folder of CSV files (a "bundle").
 *
 * A bundle holds one CSV file per kind of row (replica.h: products,
 * members, field changes, lots, orders, order lines, stock moves, order
 * events, shipments, payments) and manifest.csv naming the sending and
 * the receiving site, the bundle's number (counted per recipient), the
 * range of local ids each file holds, its row count and its SHA-256, and
 * what the sender has already merged from the recipient (its
 * acknowledgement).  A bundle holds only the rows above what the peer
 * acknowledged, unless all is asked for.
 *
 * Importing checks the manifest first (addressed to this site, every file
 * present and unaltered, not older than a bundle already merged from that
 * site) and writes nothing when a check fails; then merges everything in
 * one transaction (replica.h gives the rules) and records what it merged,
 * so the next bundle back acknowledges it.  Merging a bundle again adds
 * nothing.
 *
 * For a screen: bundle_export to write; bundle_preview to show what an
 * import would do (it merges and rolls back); bundle_apply to do it.  No
 * function here prints; errors come back as a newly allocated one-line
 * message in *err (caller frees), counts in struct bundle_counts.
 */
#ifndef COOPSTOCK_BUNDLE_H
#define COOPSTOCK_BUNDLE_H

#include "db/db.h"
#include "model/replica.h"

/* The name of the manifest file inside a bundle folder. */
#define BUNDLE_MANIFEST "manifest.csv"

/* What a bundle holds and what merging it did. */
struct bundle_counts {
	char *peer;                /* the other site's name (newly allocated) */
	long long seq;             /* the bundle's number */
	long rows[REPLICA__COUNT]; /* rows in each file */
	long added[REPLICA__COUNT]; /* of those, new here (import only) */
	long rows_total, added_total;
	int conflicts; /* conflicts this merge recorded */
	int oversold;  /* products oversold after the merge */
};

/* Free the strings of c and zero it.  NULL is ok.  Every function below
 * zeroes *out first and may fill it even when it fails (the peer of a
 * bundle refused as too old, say): clear it after every call. */
void bundle_counts_clear(struct bundle_counts *c);

/* A screen's use: bundle_preview() to show the counts, then, when the
 * clerk agrees, bundle_apply() on the same folder.  The message in *err
 * is translated and ready to show; free() it. */

/*
 * Write a bundle for the site named (or identified by) peer into folder
 * dir (created if missing; files of an earlier bundle there are
 * replaced).  all: every row, not only those peer has not acknowledged.
 * *out (may be NULL) receives the counts.  Returns ST_OK; ST_INVALID
 * (peer is this site, or empty), ST_WRITE/ST_FULL (dir), ST_BUSY or
 * another status with *err set.  The bundle's number is remembered only
 * when every file was written.  Manager or not: anyone who can read the
 * database may send it.
 */
enum status bundle_export(struct db *db, const char *peer, const char *dir,
    int all, struct bundle_counts *out, char **err);

/*
 * Check the bundle in dir without writing anything: its manifest, that it
 * is addressed to this site, every file present with the manifest's
 * SHA-256, and not older than the last bundle merged from its sender.
 * *out (may be NULL) receives the manifest's counts (added all 0).
 * Returns ST_OK, or ST_FILE (a file missing or unreadable), ST_INVALID
 * (manifest malformed, file altered, wrong recipient, sent by this site),
 * ST_BAD_STATE (older than one already merged), with *err set.
 */
enum status bundle_verify(
    struct db *db, const char *dir, struct bundle_counts *out, char **err);

/*
 * Verify, then merge the bundle in dir in one transaction and record it
 * as merged from its sender.  Manager only (ST_DENIED): the checksums
 * find damage, not forgery, and a bundle may change prices.  *out (may be
 * NULL) receives the counts.  On any failure nothing was written and
 * *err says why; a row that cannot be merged is named as "FILE:LINE:
 * reason".
 */
enum status bundle_apply(
    struct db *db, const char *dir, struct bundle_counts *out, char **err);

/* As bundle_apply, but roll back at the end: *out says what bundle_apply
 * would do.  Nothing is written. */
enum status bundle_preview(
    struct db *db, const char *dir, struct bundle_counts *out, char **err);

#endif
