/*
 * fuzzdb.c - see fuzzdb.h.  Test code: it may use sqlite3 directly, and it
 * aborts (FUZZ_CHECK) on anything that is not the target's business.
 */
#include <config.h>

#include <dirent.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/maint.h"
#include "fuzz.h"
#include "fuzzdb.h"
#include "model/check.h"
#include "sync/import.h"
#include "util/xalloc.h"

/* The bytes of a freshly created database, made once per process:
 * creating one runs every migration and syncs, which costs far more
 * than the run under test.  Constant after the first call. */
static uint8_t *tmpl;
static size_t tmpl_len;

static void
make_dir(struct fuzzdb *f)
{
	const char *tmp = getenv("TMPDIR");

	memset(f, 0, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "%s/fuzzdb.XXXXXX",
	    tmp != NULL && strlen(tmp) < 32 ? tmp : "/tmp");
	FUZZ_CHECK(mkdtemp(f->dir) != NULL);
	snprintf(f->path, sizeof f->path, "%s/f.db", f->dir);
	snprintf(f->csv, sizeof f->csv, "%s/in.csv", f->dir);
	snprintf(f->out, sizeof f->out, "%s/out.csv", f->dir);
}

static void
open_or_abort(struct fuzzdb *f, enum db_open_mode mode)
{
	char *err = NULL;

	if (db_open(f->path, mode, &f->db, &err) != ST_OK) {
		fprintf(stderr, "fuzzdb: %s\n", err != NULL ? err : "?");
		abort();
	}
}

/* Create a database as the command line does and keep its bytes. */
static void
make_template(void)
{
	struct fuzzdb f;
	FILE *fp;
	long len;

	make_dir(&f);
	open_or_abort(&f, DB_OPEN_CREATE);
	db_close(f.db); /* the last connection: the WAL is folded in */
	f.db = NULL;
	fp = fopen(f.path, "rb");
	FUZZ_CHECK(fp != NULL);
	FUZZ_CHECK(fseek(fp, 0, SEEK_END) == 0);
	FUZZ_CHECK((len = ftell(fp)) > 0);
	rewind(fp);
	tmpl_len = (size_t)len;
	tmpl = xmalloc(tmpl_len);
	FUZZ_CHECK(fread(tmpl, 1, tmpl_len, fp) == tmpl_len);
	FUZZ_CHECK(fclose(fp) == 0);
	fuzzdb_close(&f);
}

void
fuzzdb_open(struct fuzzdb *f)
{
	FILE *fp;

	if (tmpl == NULL)
		make_template();
	make_dir(f);
	fp = fopen(f->path, "wb");
	FUZZ_CHECK(fp != NULL);
	FUZZ_CHECK(fwrite(tmpl, 1, tmpl_len, fp) == tmpl_len);
	FUZZ_CHECK(fclose(fp) == 0);
	open_or_abort(f, DB_OPEN_EXISTING);
	/* A scratch file: durability only costs time here. */
	FUZZ_CHECK(sqlite3_exec(db_sqlite(f->db), "PRAGMA synchronous = OFF",
	    NULL, NULL, NULL) == SQLITE_OK);
	db_set_actor(f->db, 0, "fuzz", 1);
	f->sink = fopen("/dev/null", "w");
	FUZZ_CHECK(f->sink != NULL);
}

static enum status
import_text(struct fuzzdb *f, const char *kind, const char *text)
{
	struct imp_opts o = {0};
	char *files[1] = {f->csv};
	long problems = 0;

	fuzzdb_write(f, (const uint8_t *)text, strlen(text));
	return import_run(f->db, kind, files, 1, &o, f->sink, f->sink,
	    &problems);
}

enum status
fuzzdb_seed(struct fuzzdb *f)
{
	enum status st;

	st = import_text(f, "products",
	    "sku,name,unit,price\nF1,seed,bag,1\n");
	if (st == ST_OK)
		st = import_text(f, "members", "code,name\nM1,seed\n");
	if (st == ST_OK)
		st = import_text(f, "intake",
		    "member_code,sku,qty\nM1,F1,1000\n");
	return st;
}

void
fuzzdb_write(struct fuzzdb *f, const uint8_t *data, size_t n)
{
	FILE *fp = fopen(f->csv, "wb");

	FUZZ_CHECK(fp != NULL);
	FUZZ_CHECK(n == 0 || fwrite(data, 1, n, fp) == n);
	FUZZ_CHECK(fclose(fp) == 0);
}

struct buf {
	char *s;
	size_t len, cap;
};

static void
buf_add(struct buf *b, const char *s)
{
	size_t n = strlen(s);

	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
}

static int
add_row(void *arg, int n, char **val, char **col)
{
	struct buf *b = arg;

	(void)col;
	for (int i = 0; i < n; i++) {
		buf_add(b, val[i] != NULL ? val[i] : "<null>");
		buf_add(b, "|");
	}
	buf_add(b, "\n");
	return 0;
}

static int
add_table(void *arg, int n, char **val, char **col)
{
	struct buf *tables = arg;

	(void)col;
	if (n == 1 && val[0] != NULL) {
		buf_add(tables, val[0]);
		buf_add(tables, "\n");
	}
	return 0;
}

char *
fuzzdb_digest(struct fuzzdb *f)
{
	sqlite3 *s = db_sqlite(f->db);
	struct buf tables = {0}, out = {0};
	char *line, *save = NULL;

	buf_add(&out, "");
	FUZZ_CHECK(sqlite3_exec(s, "SELECT name FROM sqlite_master WHERE "
	    "type = 'table' ORDER BY name", add_table, &tables, NULL) ==
	    SQLITE_OK);
	for (line = strtok_r(tables.s, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		char *sql = sqlite3_mprintf("SELECT * FROM \"%w\"", line);

		FUZZ_CHECK(sql != NULL);
		buf_add(&out, line);
		buf_add(&out, ":\n");
		FUZZ_CHECK(sqlite3_exec(s, sql, add_row, &out, NULL) ==
		    SQLITE_OK);
		sqlite3_free(sql);
	}
	free(tables.s);
	return out.s;
}

static void
count_problem(const char *msg, void *arg)
{
	fprintf(stderr, "fuzzdb: problem: %s\n", msg);
	(void)arg;
}

int
fuzzdb_healthy(struct fuzzdb *f)
{
	int a = 0, c = 0;

	if (db_integrity(f->db, count_problem, NULL, &a) != ST_OK)
		return 0;
	if (model_check(f->db, count_problem, NULL, &c) != ST_OK)
		return 0;
	return a + c == 0;
}

void
fuzzdb_close(struct fuzzdb *f)
{
	DIR *d;
	struct dirent *e;

	db_close(f->db);
	f->db = NULL;
	if (f->sink != NULL)
		fclose(f->sink);
	d = opendir(f->dir);
	if (d != NULL) {
		while ((e = readdir(d)) != NULL) {
			char *p;

			if (e->d_name[0] == '.')
				continue;
			p = xasprintf("%s/%s", f->dir, e->d_name);
			unlink(p);
			free(p);
		}
		closedir(d);
	}
	rmdir(f->dir);
}
