/*
 * bundle.c - see bundle.h.
 *
 * Files are written with every cell as text, quoted only when it must be,
 * never neutralised as a spreadsheet export would be: a bundle is read by
 * coopstock, and a cell must come back byte for byte.  An empty cell is
 * SQL NULL where a column may be NULL (replica.c decides).  The checksum
 * of each file is taken from the file as written, after it is closed.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/setting.h"
#include "model/syncstate.h"
#include "sync/bundle.h"
#include "sync/csvread.h"
#include "util/i18n.h"
#include "util/sha256.h"
#include "util/xalloc.h"

#define FORMAT "coopstock-sync-1"

static const char *const manifest_cols[] = {
    "entry", "value", "rows", "after", "upto", "sha256", NULL};

/* A manifest as read. */
struct manifest {
	char *sender, *sender_name, *recipient, *recipient_name;
	long long seq, acks;
	int have[REPLICA__COUNT];
	long rows[REPLICA__COUNT];
	long long after[REPLICA__COUNT], upto[REPLICA__COUNT];
	long long ack[REPLICA__COUNT];
	char sha[REPLICA__COUNT][SHA256_HEX_SIZE];
};

static void
manifest_clear(struct manifest *m)
{
	free(m->sender);
	free(m->sender_name);
	free(m->recipient);
	free(m->recipient_name);
	memset(m, 0, sizeof *m);
}

void
bundle_counts_clear(struct bundle_counts *c)
{
	if (c == NULL)
		return;
	free(c->peer);
	memset(c, 0, sizeof *c);
}

static char *
path_in(const char *dir, const char *file)
{
	return xasprintf("%s/%s", dir, file);
}

/* Write one CSV cell; quoted when it holds a comma, quote, CR or LF, or
 * begins or ends with a blank (which a reader would drop). */
static void
put_cell(FILE *fp, const char *s, int first)
{
	size_t n = strlen(s);
	int quote = strpbrk(s, ",\"\r\n") != NULL ||
		    (n > 0 && (strchr(" \t", s[0]) != NULL ||
				  strchr(" \t", s[n - 1]) != NULL));

	if (!first)
		putc(',', fp);
	if (!quote) {
		fputs(s, fp);
		return;
	}
	putc('"', fp);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			putc('"', fp);
		putc(*s, fp);
	}
	putc('"', fp);
}

static void
put_row(FILE *fp, const char *const *cells, int n)
{
	for (int i = 0; i < n; i++)
		put_cell(fp, cells[i], i == 0);
	putc('\n', fp);
}

/* Close fp and turn a write error into a message. */
static enum status
close_file(FILE *fp, const char *path, char **err)
{
	int bad = ferror(fp);

	if (fclose(fp) != 0 || bad) {
		int e = errno != 0 ? errno : EIO;

		*err = xasprintf("%s: %s", path, strerror(e));
		return e == ENOSPC ? ST_FULL : ST_WRITE;
	}
	return ST_OK;
}

struct writing {
	FILE *fp;
	int n;
	long rows;
};

static int
write_row(const char *const *cells, void *arg)
{
	struct writing *w = arg;

	put_row(w->fp, cells, w->n);
	w->rows++;
	return 0;
}

/* Write kind k's rows above after into dir; fill rows, upto and sha. */
static enum status
write_kind(struct db *db, enum replica_kind k, const char *site,
    const char *dir, struct manifest *m, char **err)
{
	char *path = path_in(dir, replica_file(k));
	struct writing w = {NULL, replica_ncolumns(k), 0};
	enum status s;

	w.fp = fopen(path, "w");
	if (w.fp == NULL) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		free(path);
		return ST_WRITE;
	}
	put_row(w.fp, replica_columns(k), w.n);
	s = replica_rows(
	    db, k, site, m->recipient, m->after[k], write_row, &w, &m->upto[k]);
	if (s != ST_OK) {
		fclose(w.fp);
		*err = xstrdup(db_errmsg(db));
	} else
		s = close_file(w.fp, path, err);
	if (s == ST_OK && sha256_file(path, m->sha[k]) != ST_OK) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		s = ST_FILE;
	}
	m->rows[k] = w.rows;
	free(path);
	return s;
}

static void
put_entry(FILE *fp, const char *entry, const char *value)
{
	const char *cells[6] = {entry, value, "", "", "", ""};

	put_row(fp, cells, 6);
}

static void
put_entry_num(FILE *fp, const char *entry, long long v)
{
	char b[32];

	snprintf(b, sizeof b, "%lld", v);
	put_entry(fp, entry, b);
}

/* Write manifest.csv for m into dir. */
static enum status
write_manifest(const char *dir, const struct manifest *m, char **err)
{
	char *path = path_in(dir, BUNDLE_MANIFEST);
	char rows[32], after[32], upto[32];
	FILE *fp = fopen(path, "w");
	enum status s;

	if (fp == NULL) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		free(path);
		return ST_WRITE;
	}
	put_row(fp, manifest_cols, 6);
	put_entry(fp, "format", FORMAT);
	put_entry(fp, "sender", m->sender);
	put_entry(fp, "sender_name", m->sender_name);
	put_entry(fp, "recipient", m->recipient);
	put_entry(fp, "recipient_name", m->recipient_name);
	put_entry_num(fp, "bundle", m->seq);
	put_entry_num(fp, "acknowledges", m->acks);
	for (int k = 0; k < REPLICA__COUNT; k++) {
		const char *cells[6] = {
		    "file", replica_file(k), rows, after, upto, m->sha[k]};

		snprintf(rows, sizeof rows, "%ld", m->rows[k]);
		snprintf(after, sizeof after, "%lld", m->after[k]);
		snprintf(upto, sizeof upto, "%lld", m->upto[k]);
		put_row(fp, cells, 6);
	}
	for (int k = 0; k < REPLICA__COUNT; k++) {
		const char *cells[6] = {
		    "ack", replica_file(k), "", "", upto, ""};

		snprintf(upto, sizeof upto, "%lld", m->ack[k]);
		put_row(fp, cells, 6);
	}
	s = close_file(fp, path, err);
	free(path);
	return s;
}

/* Fill out from m (rows only). */
static void
counts_fill(
    struct bundle_counts *out, const struct manifest *m, const char *peer)
{
	if (out == NULL)
		return;
	bundle_counts_clear(out);
	out->peer = xstrdup(peer);
	out->seq = m->seq;
	for (int k = 0; k < REPLICA__COUNT; k++) {
		out->rows[k] = m->rows[k];
		out->rows_total += m->rows[k];
	}
}

/* The body of bundle_export, inside its transaction. */
static enum status
export_in_txn(struct db *db, const char *peer, const char *dir, int all,
    struct bundle_counts *out, char **err)
{
	char *site = setting_get(db, "site_id", NULL);
	char *name = setting_get(db, "site_name", NULL);
	struct syncstate_peer p;
	struct manifest m;
	enum status s;
	int found;

	memset(&m, 0, sizeof m);
	s = syncstate_peer_get(db, peer, &p, &found);
	if (s == ST_OK &&
	    (strcmp(peer, site) == 0 || strcmp(peer, name) == 0)) {
		*err = xasprintf(_("%s is this site: a bundle is for another "
				   "one"),
		    peer);
		s = ST_INVALID;
	}
	if (s == ST_OK && !found) {
		free(p.name);
		p.name = xstrdup(peer);
	}
	if (s == ST_OK) {
		m.sender = xstrdup(site);
		m.sender_name = xstrdup(name);
		m.recipient = xstrdup(p.site_id);
		m.recipient_name = xstrdup(p.name);
		m.seq = p.sent_seq + 1;
		m.acks = p.applied_seq;
		for (int k = 0; k < REPLICA__COUNT; k++) {
			m.after[k] = all ? 0 : p.acked[k];
			m.ack[k] = p.applied[k];
		}
	}
	for (int k = 0; s == ST_OK && k < REPLICA__COUNT; k++)
		s = write_kind(db, k, site, dir, &m, err);
	if (s == ST_OK)
		s = write_manifest(dir, &m, err);
	p.sent_seq = m.seq;
	if (s == ST_OK && (s = syncstate_peer_put(db, &p)) != ST_OK)
		*err = xstrdup(db_errmsg(db));
	if (s == ST_OK)
		counts_fill(out, &m, p.name);
	syncstate_peer_clear(&p);
	manifest_clear(&m);
	free(site);
	free(name);
	return s;
}

enum status
bundle_export(struct db *db, const char *peer, const char *dir, int all,
    struct bundle_counts *out, char **err)
{
	enum status s;

	*err = NULL;
	if (out != NULL)
		memset(out, 0, sizeof *out);
	if (peer == NULL || *peer == '\0') {
		*err =
		    xstrdup(_("a bundle needs the name of the site it is for"));
		return ST_INVALID;
	}
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		*err = xasprintf("%s: %s", dir, strerror(errno));
		return errno == ENOSPC ? ST_FULL : ST_WRITE;
	}
	s = db_begin(db);
	if (s != ST_OK) {
		*err = xstrdup(db_errmsg(db));
		return s;
	}
	s = export_in_txn(db, peer, dir, all, out, err);
	if (s != ST_OK) {
		db_rollback(db);
		return s;
	}
	s = db_commit(db);
	if (s != ST_OK)
		*err = xstrdup(db_errmsg(db));
	return s;
}

/* Parse a number cell of the manifest. */
static int
num_cell(const char *s, long long *v)
{
	char *end;

	errno = 0;
	*v = strtoll(s, &end, 10);
	return errno == 0 && end != s && *end == '\0' && *v >= 0;
}

/* Which kind file names; -1 if none. */
static int
kind_of(const char *file)
{
	for (int k = 0; k < REPLICA__COUNT; k++)
		if (strcmp(replica_file(k), file) == 0)
			return k;
	return -1;
}

/* Take one manifest record into m; 0 if it is not understood. */
static int
manifest_entry(struct manifest *m, const char *const *f)
{
	long long rows, after, upto;
	int k = kind_of(f[1]);

	if (strcmp(f[0], "format") == 0)
		return strcmp(f[1], FORMAT) == 0;
	if (strcmp(f[0], "bundle") == 0)
		return num_cell(f[1], &m->seq) && m->seq > 0;
	if (strcmp(f[0], "acknowledges") == 0)
		return num_cell(f[1], &m->acks);
	if (strcmp(f[0], "ack") == 0)
		return k >= 0 && num_cell(f[4], &m->ack[k]);
	if (strcmp(f[0], "file") == 0) {
		if (k < 0 || m->have[k] || !num_cell(f[2], &rows) ||
		    !num_cell(f[3], &after) || !num_cell(f[4], &upto) ||
		    strlen(f[5]) != SHA256_HEX_SIZE - 1)
			return 0;
		m->have[k] = 1;
		m->rows[k] = (long)rows;
		m->after[k] = after;
		m->upto[k] = upto;
		memcpy(m->sha[k], f[5], SHA256_HEX_SIZE);
		return 1;
	}
	char **slot = strcmp(f[0], "sender") == 0           ? &m->sender
		      : strcmp(f[0], "sender_name") == 0    ? &m->sender_name
		      : strcmp(f[0], "recipient") == 0      ? &m->recipient
		      : strcmp(f[0], "recipient_name") == 0 ? &m->recipient_name
							    : NULL;
	if (slot == NULL || *slot != NULL)
		return 0;
	*slot = xstrdup(f[1]);
	return 1;
}

/* Check that a record's fields are exactly cols. */
static int
is_header(const struct csvread_record *rec, const char *const *cols)
{
	size_t i;

	for (i = 0; cols[i] != NULL; i++)
		if (i >= rec->nfields || strcmp(rec->fields[i], cols[i]) != 0)
			return 0;
	return i == rec->nfields;
}

/* Read dir's manifest into m. */
static enum status
manifest_read(const char *dir, struct manifest *m, char **err)
{
	char *path = path_in(dir, BUNDLE_MANIFEST);
	const struct csvread_record *rec;
	struct csvread *r = NULL;
	enum status s;

	memset(m, 0, sizeof *m);
	if (access(path, F_OK) != 0) {
		*err = xasprintf(
		    _("%s: missing: this is not a bundle folder"), path);
		free(path);
		return ST_FILE;
	}
	s = csvread_open(path, DECODE_UTF8, NULL, &r, err);
	if (s == ST_OK && (s = csvread_next(r, &rec)) == ST_OK &&
	    (rec == NULL || !is_header(rec, manifest_cols))) {
		*err =
		    xasprintf(_("%s: not a coopstock bundle manifest"), path);
		s = ST_INVALID;
	}
	while (
	    s == ST_OK && (s = csvread_next(r, &rec)) == ST_OK && rec != NULL) {
		if (rec->nfields != 6 || !manifest_entry(m, rec->fields)) {
			*err = xasprintf(
			    _("%s:%ld: not understood"), path, rec->line);
			s = ST_INVALID;
		}
	}
	if (s != ST_OK && *err == NULL)
		*err = xstrdup(r != NULL && csvread_error(r) != NULL
				   ? csvread_error(r)
				   : _(status_message(s)));
	for (int k = 0; s == ST_OK && k < REPLICA__COUNT; k++)
		if (!m->have[k]) {
			*err = xasprintf(
			    _("%s: names no %s"), path, replica_file(k));
			s = ST_INVALID;
		}
	if (s == ST_OK && (m->sender == NULL || m->sender_name == NULL ||
			      m->recipient == NULL ||
			      m->recipient_name == NULL || m->seq == 0)) {
		*err = xasprintf(_("%s: the sender, the recipient or the "
				   "bundle number is missing"),
		    path);
		s = ST_INVALID;
	}
	csvread_free(r);
	free(path);
	return s;
}

/* Check m against this database: addressed here, not from here, not
 * older than what was merged; *p receives the sender as a peer (its
 * stored state, or a new one). */
static enum status
check_address(struct db *db, const struct manifest *m, struct syncstate_peer *p,
    char **err)
{
	char *site = setting_get(db, "site_id", NULL);
	char *name = setting_get(db, "site_name", NULL);
	enum status s = ST_OK;
	int found = 0;

	if (strcmp(m->sender, site) == 0) {
		*err = xstrdup(_("this bundle was written by this site"));
		s = ST_INVALID;
	} else if (*m->recipient != '\0'
		       ? strcmp(m->recipient, site) != 0
		       : strcmp(m->recipient_name, name) != 0) {
		*err = xasprintf(_("this bundle is for site %s, and this site "
				   "is %s"),
		    m->recipient_name, name);
		s = ST_INVALID;
	}
	if (s == ST_OK &&
	    (s = syncstate_peer_get(db, m->sender, p, &found)) == ST_OK &&
	    !found) {
		syncstate_peer_clear(p);
		s = syncstate_peer_get(db, m->sender_name, p, &found);
		if (s == ST_OK && found && *p->site_id != '\0') {
			*err = xasprintf(_("another site is already known here "
					   "as %s"),
			    m->sender_name);
			s = ST_INVALID;
		}
		if (s == ST_OK && !found) {
			free(p->name);
			p->name = xstrdup(m->sender_name);
		}
	}
	if (s == ST_OK && m->seq < p->applied_seq) {
		*err = xasprintf(_("bundle %lld from %s is older than bundle "
				   "%lld, which was merged already"),
		    m->seq, p->name, p->applied_seq);
		s = ST_BAD_STATE;
	}
	if (s != ST_OK && *err == NULL)
		*err = xstrdup(db_errmsg(db));
	free(site);
	free(name);
	return s;
}

/* Check every file of m in dir against its checksum. */
static enum status
check_files(const char *dir, const struct manifest *m, char **err)
{
	char hex[SHA256_HEX_SIZE];

	for (int k = 0; k < REPLICA__COUNT; k++) {
		char *path = path_in(dir, replica_file(k));

		if (sha256_file(path, hex) != ST_OK) {
			*err = xasprintf("%s: %s", path,
			    errno == ENOENT ? _("missing") : strerror(errno));
			free(path);
			return ST_FILE;
		}
		if (strcmp(hex, m->sha[k]) != 0) {
			*err = xasprintf(_("%s: altered: its SHA-256 does not "
					   "match the manifest"),
			    path);
			free(path);
			return ST_INVALID;
		}
		free(path);
	}
	return ST_OK;
}

/* Read and check the bundle in dir: m and p are filled on ST_OK. */
static enum status
verify(struct db *db, const char *dir, struct manifest *m,
    struct syncstate_peer *p, char **err)
{
	enum status s = manifest_read(dir, m, err);

	memset(p, 0, sizeof *p);
	if (s == ST_OK)
		s = check_address(db, m, p, err);
	if (s == ST_OK)
		s = check_files(dir, m, err);
	return s;
}

enum status
bundle_verify(
    struct db *db, const char *dir, struct bundle_counts *out, char **err)
{
	struct syncstate_peer p;
	struct manifest m;
	enum status s;

	*err = NULL;
	if (out != NULL)
		memset(out, 0, sizeof *out);
	s = verify(db, dir, &m, &p, err);
	if (s == ST_OK)
		counts_fill(out, &m, p.name);
	syncstate_peer_clear(&p);
	manifest_clear(&m);
	return s;
}

/* Merge the rows of kind k from dir; count them into out. */
static enum status
merge_kind(struct db *db, const char *dir, enum replica_kind k,
    const struct manifest *m, struct bundle_counts *out, char **err)
{
	char *path = path_in(dir, replica_file(k));
	const struct csvread_record *rec;
	size_t ncols = (size_t)replica_ncolumns(k);
	struct csvread *r = NULL;
	enum status s;
	long rows = 0;
	int added;

	s = csvread_open(path, DECODE_UTF8, NULL, &r, err);
	if (s == ST_OK && (s = csvread_next(r, &rec)) == ST_OK &&
	    (rec == NULL || !is_header(rec, replica_columns(k)))) {
		*err = xasprintf(
		    _("%s: the header is not %s's"), path, replica_file(k));
		s = ST_INVALID;
	}
	while (
	    s == ST_OK && (s = csvread_next(r, &rec)) == ST_OK && rec != NULL) {
		rows++;
		if (rec->nfields != ncols) {
			*err = xasprintf(_("%s:%ld: %zu cells, %zu expected"),
			    path, rec->line, rec->nfields, ncols);
			s = ST_INVALID;
		} else if ((s = replica_apply(db, k, rec->fields, &added)) !=
			   ST_OK)
			*err = xasprintf(
			    "%s:%ld: %s", path, rec->line, db_errmsg(db));
		else
			out->added[k] += added;
	}
	if (s != ST_OK && *err == NULL)
		*err = xstrdup(r != NULL && csvread_error(r) != NULL
				   ? csvread_error(r)
				   : _(status_message(s)));
	if (s == ST_OK && rows != m->rows[k]) {
		*err = xasprintf(_("%s: %ld rows, but the manifest says %ld"),
		    path, rows, m->rows[k]);
		s = ST_INVALID;
	}
	out->added_total += out->added[k];
	csvread_free(r);
	free(path);
	return s;
}

/* Record m as merged from peer p. */
static enum status
record_merge(struct db *db, struct syncstate_peer *p, const struct manifest *m)
{
	free(p->site_id);
	p->site_id = xstrdup(m->sender);
	p->applied_seq = m->seq;
	for (int k = 0; k < REPLICA__COUNT; k++) {
		p->applied[k] = m->upto[k];
		/* an acknowledgement of bundles we have sent only */
		if (m->acks <= p->sent_seq && m->ack[k] > p->acked[k])
			p->acked[k] = m->ack[k];
	}
	return syncstate_peer_put(db, p);
}

/* Verify and merge inside one transaction; commit when keep is set. */
static enum status
merge(struct db *db, const char *dir, int keep, struct bundle_counts *out,
    char **err)
{
	char *site = setting_get(db, "site_id", NULL);
	struct syncstate_peer p;
	struct manifest m;
	int before = 0, after = 0;
	enum status s;

	s = db_begin(db);
	if (s != ST_OK) {
		*err = xstrdup(db_errmsg(db));
		free(site);
		return s;
	}
	s = verify(db, dir, &m, &p, err);
	if (s == ST_OK) {
		counts_fill(out, &m, p.name);
		s = syncstate_conflicts(db, NULL, NULL, &before);
	}
	if (s == ST_OK) { /* the sender's name is known during the merge */
		free(p.site_id);
		p.site_id = xstrdup(m.sender);
		s = syncstate_peer_put(db, &p);
	}
	if (s == ST_OK)
		s = replica_merge_begin(db, site);
	for (int k = 0; s == ST_OK && k < REPLICA__COUNT; k++)
		s = merge_kind(db, dir, k, &m, out, err);
	if (s == ST_OK)
		s = record_merge(db, &p, &m);
	if (s == ST_OK)
		s = replica_merge_end(db);
	if (s == ST_OK)
		s = syncstate_conflicts(db, NULL, NULL, &after);
	if (s == ST_OK)
		s = syncstate_oversold(db, NULL, NULL, &out->oversold);
	out->conflicts = after - before;
	if (s == ST_OK && keep)
		s = db_commit(db);
	else {
		replica_merge_end(db);
		db_rollback(db);
	}
	if (s != ST_OK && *err == NULL)
		*err = xstrdup(db_errmsg(db));
	syncstate_peer_clear(&p);
	manifest_clear(&m);
	free(site);
	return s;
}

enum status
bundle_apply(
    struct db *db, const char *dir, struct bundle_counts *out, char **err)
{
	struct bundle_counts local;
	enum status s;

	*err = NULL;
	memset(&local, 0, sizeof local);
	if (out != NULL)
		memset(out, 0, sizeof *out);
	if (!db_actor_is_manager(db)) {
		*err = xstrdup(_("only a manager may merge a bundle"));
		return ST_DENIED;
	}
	s = merge(db, dir, 1, out != NULL ? out : &local, err);
	bundle_counts_clear(&local);
	return s;
}

enum status
bundle_preview(
    struct db *db, const char *dir, struct bundle_counts *out, char **err)
{
	struct bundle_counts local;
	enum status s;

	*err = NULL;
	memset(&local, 0, sizeof local);
	if (out != NULL)
		memset(out, 0, sizeof *out);
	s = merge(db, dir, 0, out != NULL ? out : &local, err);
	bundle_counts_clear(&local);
	return s;
}
