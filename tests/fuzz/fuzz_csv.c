/*
 * fuzz_csv.c - any bytes as an import file, through the importer's whole
 * path: decoding (UTF-8, GB18030, UTF-16, BOMs), the CSV reader, header
 * and cell validation and the writes, into a database in a temp directory
 * (seeded with a product and a member so rows can refer to something).
 * The first byte picks the kind (products, members, intake, orders,
 * tracking); the rest is the file.  It must never crash; the run is
 * either committed, leaving a database that passes integrity_check and
 * model_check, or rejected, leaving it exactly as it was.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "fuzz.h"
#include "fuzzdb.h"
#include "model/check.h"
#include "sync/import.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const kinds[] = {"products", "members", "intake",
	    "orders", "tracking"};
	struct fuzzdb f;
	struct imp_opts o = {0};
	long problems = 0;
	char *before, *after, *files[1];
	enum status st;

	if (size < 1)
		return 0;
	fuzzdb_open(&f);
	FUZZ_CHECK(fuzzdb_seed(&f) == ST_OK);
	fuzzdb_write(&f, data + 1, size - 1);
	o.confirm = data[0] & 0x80 ? 1 : 0;
	before = fuzzdb_digest(&f);
	files[0] = f.csv;
	st = import_run(f.db, kinds[data[0] % 5], files, 1, &o, f.sink,
	    f.sink, &problems);
	FUZZ_CHECK(!db_in_transaction(f.db));
	after = fuzzdb_digest(&f);
	if (st == ST_OK) {
		FUZZ_CHECK(problems == 0);
		FUZZ_CHECK(fuzzdb_healthy(&f));
	} else {
		FUZZ_CHECK(st == ST_REJECTED && problems > 0);
		FUZZ_CHECK(strcmp(before, after) == 0);
	}
	free(before);
	free(after);
	fuzzdb_close(&f);
	return 0;
}
