/*
 * fuzz_roundtrip.c - export, import, export again gives the same bytes.
 * The input (after its first byte, which picks products or members) is
 * imported into a scratch database; when that is committed, the kind is
 * exported (E1), E1 is imported into a second scratch database seeded
 * the same way, and exported again (E2).  E1 and E2 must be identical:
 * whatever the importer accepted, the exporter writes in a form the
 * importer reads back to the same rows (neutralised formulas, quotes, CR
 * and LF in cells, Chinese text, money and quantities).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "fuzz.h"
#include "fuzzdb.h"
#include "sync/export.h"
#include "sync/import.h"

/* Read the whole of path; *n gets its length.  Caller frees. */
static char *
slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	char *s;
	long len;

	FUZZ_CHECK(fp != NULL);
	FUZZ_CHECK(fseek(fp, 0, SEEK_END) == 0);
	len = ftell(fp);
	FUZZ_CHECK(len >= 0 && fseek(fp, 0, SEEK_SET) == 0);
	s = malloc((size_t)len + 1);
	FUZZ_CHECK(s != NULL);
	FUZZ_CHECK(fread(s, 1, (size_t)len, fp) == (size_t)len);
	fclose(fp);
	s[len] = '\0';
	*n = (size_t)len;
	return s;
}

/* Export kind of f into f->out and return its bytes. */
static char *
export_bytes(struct fuzzdb *f, const char *kind, size_t *n)
{
	struct export_opts eo = {0};
	char *err = NULL;
	enum status st = export_run(f->db, kind, f->out, &eo, f->sink, &err);

	if (st != ST_OK) {
		fprintf(stderr, "fuzz_roundtrip: export: %s\n",
		    err != NULL ? err : "?");
		abort();
	}
	return slurp(f->out, n);
}

static enum status
import_file(struct fuzzdb *f, const char *kind)
{
	struct imp_opts o = {0};
	char *files[1] = {f->csv};
	long problems = 0;

	return import_run(f->db, kind, files, 1, &o, f->sink, f->sink,
	    &problems);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *kind;
	struct fuzzdb a, b;
	char *e1, *e2;
	size_t n1, n2;

	if (size < 1)
		return 0;
	kind = data[0] & 1 ? "members" : "products";
	fuzzdb_open(&a);
	FUZZ_CHECK(fuzzdb_seed(&a) == ST_OK);
	fuzzdb_write(&a, data + 1, size - 1);
	if (import_file(&a, kind) != ST_OK) {
		fuzzdb_close(&a);
		return 0;
	}
	e1 = export_bytes(&a, kind, &n1);
	fuzzdb_open(&b);
	FUZZ_CHECK(fuzzdb_seed(&b) == ST_OK);
	fuzzdb_write(&b, (const uint8_t *)e1, n1);
	if (import_file(&b, kind) != ST_OK) {
		fprintf(stderr, "fuzz_roundtrip: the export does not import\n");
		abort();
	}
	e2 = export_bytes(&b, kind, &n2);
	if (n1 != n2 || memcmp(e1, e2, n1) != 0) {
		fprintf(stderr, "fuzz_roundtrip: export differs after a round "
		    "trip:\n--- first\n%s\n--- second\n%s\n", e1, e2);
		abort();
	}
	free(e1);
	free(e2);
	fuzzdb_close(&a);
	fuzzdb_close(&b);
	return 0;
}
