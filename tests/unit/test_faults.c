/*
 * test_faults.c - nothing lost when the disk or the memory fails.
 *
 * For each operation in the table below and each kind of fault, the
 * operation is run again and again with the Nth file operation (or
 * allocation) failing, N = 1, 2, 3, ... until it runs to the end without
 * meeting the fault.  Each round starts from a copy of the same seeded
 * database and must end one of two ways: ST_OK with the change fully
 * there, or a clear failure status with the database exactly as it was
 * (on the same connection and after reopening) and the same operation
 * succeeding once the fault is gone.
 *
 * Faults: the test-only VFS in faultvfs.c fails xOpen, xWrite, xSync or
 * xTruncate with SQLITE_IOERR or SQLITE_FULL, once or from N on; SQLite's
 * allocator fails the Nth allocation (ST_NOMEM expected); and our own
 * xalloc fails the Nth allocation in a forked child, which must die with
 * "coopstock: out of memory" leaving the file intact.
 *
 * To cover a new write path (order_confirm, an import), write its run and
 * applied functions and add ONE line to FAULT_CASES.  COOPSTOCK_STRESS=1
 * in the environment tries every N instead of a sample of the large ones
 * (make stress).
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testlib.h"
#include "testdump.h"
#include "faultvfs.h"
#include "model/check.h"
#include "model/clerk.h"
#include "model/member.h"
#include "model/order.h"
#include "model/order_bulk.h"
#include "model/payment.h"
#include "model/product.h"
#include "model/stock.h"
#include "model/wave.h"
#include "sync/import.h"
#include "util/xalloc.h"

/* The files of one case: a seeded template, copied afresh each round. */
struct fx {
	char *dir;
	char *tmpl;  /* dir/template.db, seeded and closed */
	char *path;  /* dir/test.db, the copy the operation runs on */
	struct db *db; /* open on path; NULL in a fresh case */
};

struct fault_case {
	const char *name;
	/* Data the operation needs, written once into the template. */
	void (*seed)(struct db *db);
	/* The operation; a fresh case opens fx->path itself. */
	enum status (*run)(struct fx *fx);
	/* Return 1 when the operation's change is fully in db. */
	int (*applied)(struct db *db);
	/* 1: the operation creates the database (no template). */
	int fresh;
};

/* ---- the operations ------------------------------------------------ */

static void
seed_catalogue(struct db *db)
{
	struct product p = { 0 };
	struct member m = { 0 };

	p.sku = (char *)"FT-1";
	p.name = (char *)"核桃";
	p.name_en = (char *)"walnuts";
	p.short_code = (char *)"ht";
	p.unit = (char *)"kg";
	p.category = (char *)"干果";
	p.price = 1000;
	p.reorder_level = 500;
	assert_int_equal(product_add(db, &p, NULL), ST_OK);
	m.code = (char *)"M01";
	m.name = (char *)"王芳";
	m.village = (char *)"石门村";
	assert_int_equal(member_add(db, &m, NULL), ST_OK);
	assert_int_equal(clerk_create(db, "li", CLERK_ROLE_CLERK, NULL, NULL),
	    ST_OK);
}

static enum status
run_product_add(struct fx *fx)
{
	struct product p = { 0 };

	p.sku = (char *)"FT-NEW";
	p.name = (char *)"花椒";
	p.name_en = (char *)"Sichuan pepper";
	p.unit = (char *)"jin";
	p.price = 4550;
	p.reorder_level = 2000;
	return product_add(fx->db, &p, NULL);
}

static int
applied_product_add(struct db *db)
{
	return testdb_int(db, "SELECT count(*) FROM product WHERE sku = 'FT-NEW' "
	    "AND name = '花椒' AND price = 4550 AND reorder_level = 2000") == 1;
}

static enum status
run_product_update(struct fx *fx)
{
	struct product p;
	char *old_name;
	enum status st = product_get_by_sku(fx->db, "FT-1", &p);

	if (st != ST_OK)
		return st;
	old_name = p.name;
	p.name = (char *)"新核桃";
	p.price = 1200;
	st = product_update(fx->db, &p);
	p.name = old_name;
	product_clear(&p);
	return st;
}

static int
applied_product_update(struct db *db)
{
	/* The fields it did not change must have survived the read and the
	 * write back. */
	return testdb_int(db, "SELECT count(*) FROM product WHERE sku = 'FT-1' "
	    "AND name = '新核桃' AND price = 1200 AND updated_by = 'tester' "
	    "AND name_en = 'walnuts' AND short_code = 'ht' AND unit = 'kg' "
	    "AND category = '干果' AND reorder_level = 500") == 1;
}

static enum status
run_member_add(struct fx *fx)
{
	struct member m = { 0 };

	m.code = (char *)"M-NEW";
	m.name = (char *)"李四";
	m.village = (char *)"龙南";
	m.phone = (char *)"13800000000";
	return member_add(fx->db, &m, NULL);
}

static int
applied_member_add(struct db *db)
{
	return testdb_int(db, "SELECT count(*) FROM member WHERE code = 'M-NEW' "
	    "AND name = '李四' AND phone = '13800000000'") == 1;
}

static enum status
run_clerk_set_pin(struct fx *fx)
{
	return clerk_set_pin(fx->db, "li", "2468");
}

static int
applied_clerk_set_pin(struct db *db)
{
	return testdb_int(db, "SELECT count(*) FROM clerk WHERE name = 'li' "
	    "AND pin_hash LIKE '$y$%'") == 1;
}

static enum status
run_payment_record(struct fx *fx)
{
	struct member m;
	enum status st = member_get_by_code(fx->db, "M01", &m);

	if (st != ST_OK)
		return st;
	st = payment_record(fx->db, m.id, 5000, "2026-11-20", "现金");
	member_clear(&m);
	return st;
}

static int
applied_payment_record(struct db *db)
{
	return testdb_int(db, "SELECT count(*) FROM payment WHERE amount = 5000 "
	    "AND paid_on = '2026-11-20' AND note = '现金'") == 1;
}

static enum status
run_db_create(struct fx *fx)
{
	struct db *db = NULL;
	char *err = NULL;
	enum status st = db_open(fx->path, DB_OPEN_CREATE, &db, &err);

	free(err);
	db_close(db);
	return st;
}

static int
applied_db_create(struct db *db)
{
	return db_schema_version(db) == db_latest_version() &&
	    testdb_int(db, "SELECT count(*) FROM clerk WHERE role = 'manager'") == 1;
}

/* The catalogue, stock and three confirmed orders. */
static void
seed_orders(struct db *db)
{
	struct intake in = { .product_id = 1, .qty = 10000 };
	struct order_line_in line = { 1, 1000, -1 };
	struct order_in o = { .channel = "douyin", .lines = &line, .nlines = 1 };
	long long id;

	seed_catalogue(db);
	assert_int_equal(stock_intake(db, &in, NULL), ST_OK);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(order_create(db, &o, &id), ST_OK);
		assert_int_equal(order_confirm(db, id), ST_OK);
	}
}

static enum status
run_wave_create(struct fx *fx)
{
	struct wave_in w = { WAVE_CHANNEL, "douyin", NULL, 0 };
	long long id;

	return wave_create(fx->db, &w, &id, NULL);
}

static int
applied_wave_create(struct db *db)
{
	return testdb_int(db, "SELECT count(*) FROM wave_order") == 3 &&
	    testdb_int(db, "SELECT count(*) FROM wave_event WHERE kind = "
	    "'created' AND orders = 3") == 1;
}

/* ... and those orders in wave 1. */
static void
seed_wave(struct db *db)
{
	struct wave_in w = { WAVE_ALL, NULL, NULL, 0 };
	long long id;

	seed_orders(db);
	assert_int_equal(wave_create(db, &w, &id, NULL), ST_OK);
}

static enum status
run_wave_mark_packed(struct fx *fx)
{
	return wave_mark_packed(fx->db, 1, NULL);
}

static int
applied_wave_mark_packed(struct db *db)
{
	return testdb_int(db, "SELECT count(*) FROM orders WHERE status = "
	    "'packed'") == 3 && testdb_int(db, "SELECT count(*) FROM "
	    "wave_event WHERE kind = 'packed' AND orders = 3") == 1;
}

/* A lot of 10 kg and a new order for 3 kg of it. */
static void
seed_new_order(struct db *db)
{
	struct intake in = { .product_id = 1, .qty = 10000 };
	struct order_line_in line = { 1, 3000, -1 };
	struct order_in o = { .channel = "douyin", .lines = &line, .nlines = 1 };
	long long id;

	seed_catalogue(db);
	assert_int_equal(stock_intake(db, &in, NULL), ST_OK);
	assert_int_equal(order_create(db, &o, &id), ST_OK);
}

static enum status
run_order_confirm(struct fx *fx)
{
	return order_confirm(fx->db, 1);
}

static int
applied_order_confirm(struct db *db)
{
	int problems = -1;

	assert_int_equal(model_check(db, NULL, NULL, &problems), ST_OK);
	return problems == 0 && testdb_int(db, "SELECT count(*) FROM orders "
	    "WHERE id = 1 AND status = 'confirmed'") == 1 &&
	    testdb_int(db, "SELECT reserved FROM stock WHERE product_id = 1") ==
	    testdb_int(db, "SELECT sum(qty) FROM order_line WHERE order_id = 1") &&
	    testdb_int(db, "SELECT sum(qty) FROM order_alloc") == 3000;
}

/* Write text as the import file beside the database: DB.csv. */
static void
write_csv(struct db *db, const char *text)
{
	char *csv = xasprintf("%s.csv", db_path(db));
	FILE *f = fopen(csv, "w");

	if (f == NULL)
		fail_msg("%s: %s", csv, strerror(errno));
	fputs(text, f);
	if (fclose(f) != 0)
		fail_msg("%s: %s", csv, strerror(errno));
	free(csv);
}

/* As `coopstock import KIND DIR/template.db.csv`; solo_bytes as in
 * imp_opts (1: the rollback journal, as for a big file). */
static enum status
run_import_solo(struct fx *fx, const char *kind, long long solo_bytes)
{
	struct imp_opts o = { .solo_bytes = solo_bytes };
	char *csv = xasprintf("%s.csv", fx->tmpl);
	FILE *null = fopen("/dev/null", "w");
	long nproblems = 0;
	enum status st;

	if (null == NULL)
		fail_msg("/dev/null: %s", strerror(errno));
	st = import_run(fx->db, kind, &csv, 1, &o, null, null, &nproblems);
	fclose(null);
	free(csv);
	return st;
}

static enum status
run_import(struct fx *fx, const char *kind)
{
	return run_import_solo(fx, kind, 0);
}

/* The catalogue, and an orders file beside the database. */
static void
seed_import(struct db *db)
{
	write_csv(db, "order_ref,channel,customer,sku,qty,unit_price\n"
	    "IMP-1,douyin,张三,FT-1,2,10.00\n"
	    "IMP-2,douyin,李四,FT-1,1.5,10.00\n");
	seed_catalogue(db);
}

static enum status
run_import_orders(struct fx *fx)
{
	return run_import(fx, "orders");
}

/* The same, alone with the database: written with a rollback journal
 * (db_journal_solo), WAL mode back afterwards. */
static enum status
run_import_orders_solo(struct fx *fx)
{
	return run_import_solo(fx, "orders", 1);
}

static int
applied_import_orders(struct db *db)
{
	return testdb_int(db, "SELECT count(*) FROM orders") == 2 &&
	    testdb_int(db, "SELECT count(*) FROM orders o JOIN order_line l ON "
	    "l.order_id = o.id WHERE o.status = 'new' AND l.product_id = 1 AND "
	    "l.unit_price = 1000 AND ((o.ext_ref = 'IMP-1' AND l.qty = 2000) OR "
	    "(o.ext_ref = 'IMP-2' AND l.qty = 1500))") == 2;
}

/* As a large `import orders`: order_bulk_create dropping the indexes
 * after the first order and order_bulk_finish building them again, in
 * one transaction. */
static enum status
run_bulk_deferred(struct fx *fx)
{
	struct order_line_in line = { 1, 2000, -1 };
	struct order_in o = { .channel = "douyin", .customer_phone = "139",
		.lines = &line, .nlines = 1 };
	const char *refs[] = { "BULK-1", "BULK-2", "BULK-3" };
	struct order_bulk *b = order_bulk_new(fx->db);
	long long id;
	/* As import_run: a change of temp_store closes the temp database,
	 * so that the drop can move it to files. */
	enum status st = db_exec(fx->db, "PRAGMA temp_store = MEMORY");

	if (st == ST_OK)
		st = db_begin(fx->db);
	order_bulk_defer_indexes(b, 1, 0);
	for (int i = 0; st == ST_OK && i < 3; i++) {
		o.ext_ref = refs[i];
		st = order_bulk_create(b, &o, &id);
	}
	if (st == ST_OK)
		st = order_bulk_finish(b);
	if (st == ST_OK)
		st = db_commit(fx->db);
	if (st != ST_OK && db_in_transaction(fx->db))
		db_rollback(fx->db);
	order_bulk_free(b);
	return st;
}

static int
applied_bulk_deferred(struct db *db)
{
	return testdb_int(db, "SELECT count(*) FROM orders o JOIN order_line l"
	    " ON l.order_id = o.id WHERE o.ext_ref LIKE 'BULK-_'") == 3 &&
	    testdb_int(db, "SELECT count(*) FROM sqlite_master WHERE name IN"
	    " ('orders_status', 'orders_phone', 'orders_live',"
	    " 'order_line_order', 'order_line_product', 'order_event_order')")
	    == 6 &&
	    testdb_int(db, "SELECT count(*) FROM order_line"
	    " INDEXED BY order_line_order WHERE order_id > 0") == 3 &&
	    testdb_int(db, "SELECT count(*) FROM order_event e JOIN orders o"
	    " ON o.id = e.order_id WHERE o.ext_ref LIKE 'BULK-_'"
	    " AND e.to_status = 'new'") == 3 &&
	    testdb_int(db, "SELECT count(*) FROM customer"
	    " WHERE phone = '139'") == 1;
}

/* The catalogue, and a products file changing one product, adding one. */
static void
seed_import_products(struct db *db)
{
	write_csv(db, "sku,name,unit,price\n"
	    "FT-1,核桃,kg,12.00\n"
	    "FT-2,花椒,jin,45.50\n");
	seed_catalogue(db);
}

static enum status
run_import_products(struct fx *fx)
{
	return run_import(fx, "products");
}

static int
applied_import_products(struct db *db)
{
	return testdb_int(db, "SELECT count(*) FROM product") == 2 &&
	    testdb_int(db, "SELECT count(*) FROM product WHERE sku = 'FT-1' "
	    "AND price = 1200 AND name_en = 'walnuts' AND reorder_level = 500")
	    == 1 &&
	    testdb_int(db, "SELECT count(*) FROM product WHERE sku = 'FT-2' "
	    "AND name = '花椒' AND unit = 'jin' AND price = 4550") == 1;
}

/* The catalogue, and a members file changing one member, adding one. */
static void
seed_import_members(struct db *db)
{
	write_csv(db, "code,name,village,phone\n"
	    "M01,王芳,石门村,13800000001\n"
	    "M02,李强,花椒沟,\n");
	seed_catalogue(db);
}

static enum status
run_import_members(struct fx *fx)
{
	return run_import(fx, "members");
}

static int
applied_import_members(struct db *db)
{
	return testdb_int(db, "SELECT count(*) FROM member") == 2 &&
	    testdb_int(db, "SELECT count(*) FROM member WHERE code = 'M01' "
	    "AND name = '王芳' AND village = '石门村' AND phone = "
	    "'13800000001'") == 1 &&
	    testdb_int(db, "SELECT count(*) FROM member WHERE code = 'M02' "
	    "AND name = '李强' AND village = '花椒沟' AND phone = ''") == 1;
}

/* The catalogue, and an intake file: 5 kg of FT-1 from M01. */
static void
seed_import_intake(struct db *db)
{
	write_csv(db, "member_code,sku,qty,unit_cost\nM01,FT-1,5,8.00\n");
	seed_catalogue(db);
}

static enum status
run_import_intake(struct fx *fx)
{
	return run_import(fx, "intake");
}

static int
applied_import_intake(struct db *db)
{
	int problems = -1;

	assert_int_equal(model_check(db, NULL, NULL, &problems), ST_OK);
	return problems == 0 && testdb_int(db, "SELECT count(*) FROM lot "
	    "WHERE product_id = 1 AND member_id = 1 AND qty = 5000 AND "
	    "unit_cost = 800") == 1 && testdb_int(db, "SELECT count(*) FROM "
	    "lot") == 1 && testdb_int(db, "SELECT on_hand FROM stock WHERE "
	    "product_id = 1") == 5000;
}

/* A confirmed shop order T-1 for 3 of 10 kg, and its tracking file. */
static void
seed_import_tracking(struct db *db)
{
	struct intake in = { .product_id = 1, .qty = 10000 };
	struct order_line_in line = { 1, 3000, -1 };
	struct order_in o = { .channel = "douyin", .ext_ref = "T-1",
	    .lines = &line, .nlines = 1 };
	long long id;

	write_csv(db, "order_ref,courier,tracking_no\nT-1,顺丰,SF100\n");
	seed_catalogue(db);
	assert_int_equal(stock_intake(db, &in, NULL), ST_OK);
	assert_int_equal(order_create(db, &o, &id), ST_OK);
	assert_int_equal(order_confirm(db, id), ST_OK);
}

static enum status
run_import_tracking(struct fx *fx)
{
	return run_import(fx, "tracking");
}

static int
applied_import_tracking(struct db *db)
{
	int problems = -1;

	assert_int_equal(model_check(db, NULL, NULL, &problems), ST_OK);
	return problems == 0 && testdb_int(db, "SELECT count(*) FROM orders "
	    "WHERE ext_ref = 'T-1' AND status = 'shipped'") == 1 &&
	    testdb_int(db, "SELECT count(*) FROM shipment WHERE courier = "
	    "'顺丰' AND tracking_no = 'SF100'") == 1 &&
	    testdb_int(db, "SELECT on_hand FROM stock WHERE product_id = 1") ==
	    7000 && testdb_int(db, "SELECT reserved FROM stock") == 0;
}

/* X(name, seed, run, applied, fresh): one line per write path. */
#define FAULT_CASES(X)                                                        \
	X("product_add", seed_catalogue, run_product_add,                     \
	    applied_product_add, 0)                                           \
	X("product_update", seed_catalogue, run_product_update,               \
	    applied_product_update, 0)                                        \
	X("member_add", seed_catalogue, run_member_add, applied_member_add, 0) \
	X("clerk_set_pin", seed_catalogue, run_clerk_set_pin,                 \
	    applied_clerk_set_pin, 0)                                         \
	X("payment_record", seed_catalogue, run_payment_record,               \
	    applied_payment_record, 0)                                        \
	X("db_open (create and migrate)", NULL, run_db_create,               \
	    applied_db_create, 1)                                             \
	X("wave_create", seed_orders, run_wave_create, applied_wave_create, 0) \
	X("wave_mark_packed", seed_wave, run_wave_mark_packed,                \
	    applied_wave_mark_packed, 0)                                      \
	X("order_confirm", seed_new_order, run_order_confirm,                 \
	    applied_order_confirm, 0)                                         \
	X("import orders", seed_import, run_import_orders,                    \
	    applied_import_orders, 0)                                         \
	X("import orders, rollback journal", seed_import,                     \
	    run_import_orders_solo, applied_import_orders, 0)                 \
	X("order_bulk deferred indexes", seed_catalogue, run_bulk_deferred,  \
	    applied_bulk_deferred, 0)                                         \
	X("import products", seed_import_products, run_import_products,       \
	    applied_import_products, 0)                                       \
	X("import members", seed_import_members, run_import_members,          \
	    applied_import_members, 0)                                        \
	X("import intake", seed_import_intake, run_import_intake,             \
	    applied_import_intake, 0)                                         \
	X("import tracking", seed_import_tracking, run_import_tracking,       \
	    applied_import_tracking, 0)

static const struct fault_case cases[] = {
#define CASE_ROW(n, s, r, a, f) { n, s, r, a, f },
	FAULT_CASES(CASE_ROW)
#undef CASE_ROW
};
#define NCASES (sizeof cases / sizeof *cases)

/* ---- the files of a case ------------------------------------------- */

static int stress;

static void
copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	char buf[65536];
	size_t n;

	if (in == NULL || out == NULL)
		fail_msg("copy %s to %s: %s", from, to, strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			fail_msg("write %s: %s", to, strerror(errno));
	if (ferror(in) || fclose(out) != 0)
		fail_msg("copy %s: %s", from, strerror(errno));
	fclose(in);
}

static void
remove_db_files(const char *path)
{
	static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };

	for (size_t i = 0; i < sizeof sfx / sizeof *sfx; i++) {
		char *f = xasprintf("%s%s", path, sfx[i]);

		unlink(f);
		free(f);
	}
}

static int
file_exists(const char *path, const char *sfx)
{
	char *f = xasprintf("%s%s", path, sfx);
	int r = access(f, F_OK) == 0;

	free(f);
	return r;
}

static struct db *
open_existing(const char *path)
{
	struct db *db = NULL;
	char *err = NULL;

	if (db_open(path, DB_OPEN_EXISTING, &db, &err) != ST_OK)
		fail_msg("reopen %s: %s", path, err ? err : "?");
	db_set_actor(db, 0, "tester", 1);
	return db;
}

static struct fx *
fx_new(const struct fault_case *c)
{
	struct fx *fx = xcalloc(1, sizeof *fx);
	const char *base = getenv("TMPDIR");
	struct db *db = NULL;
	char *err = NULL;

	fx->dir = xasprintf("%s/coopstock-faults.XXXXXX", base ? base : "/tmp");
	if (mkdtemp(fx->dir) == NULL)
		fail_msg("mkdtemp: %s", strerror(errno));
	fx->tmpl = xasprintf("%s/template.db", fx->dir);
	fx->path = xasprintf("%s/test.db", fx->dir);
	if (!c->fresh) {
		if (db_open(fx->tmpl, DB_OPEN_CREATE, &db, &err) != ST_OK)
			fail_msg("template: %s", err ? err : "?");
		db_set_actor(db, 0, "tester", 1);
		if (c->seed != NULL)
			c->seed(db);
		db_close(db);
		if (file_exists(fx->tmpl, "-wal"))
			fail_msg("template left a -wal file");
	}
	return fx;
}

/* Start a round: a fresh copy of the template, opened (or nothing). */
static void
fx_load(const struct fault_case *c, struct fx *fx)
{
	remove_db_files(fx->path);
	if (c->fresh)
		return;
	copy_file(fx->tmpl, fx->path);
	fx->db = open_existing(fx->path);
}

static void
fx_close(struct fx *fx)
{
	db_close(fx->db);
	fx->db = NULL;
}

static void
fx_free(struct fx *fx)
{
	fx_close(fx);
	remove_db_files(fx->path);
	remove_db_files(fx->tmpl);
	free(fx->path);
	fx->path = xasprintf("%s.csv", fx->tmpl); /* seed_import's file */
	unlink(fx->path);
	rmdir(fx->dir);
	free(fx->dir);
	free(fx->tmpl);
	free(fx->path);
	free(fx);
}

/* Reopen the file and assert it is sound and holds the change. */
static void
assert_applied(const struct fault_case *c, struct fx *fx, const char *what)
{
	fx_close(fx);
	fx->db = open_existing(fx->path);
	if (testdb_int(fx->db, "SELECT count(*) FROM pragma_integrity_check "
	    "WHERE integrity_check <> 'ok'") != 0)
		fail_msg("%s: %s: integrity_check fails", c->name, what);
	if (!c->applied(fx->db))
		fail_msg("%s: %s: ST_OK but the change is not all there", c->name,
		    what);
}

/*
 * After a failure: the same content on this connection and, with reopen,
 * after reopening the file (else the retry that follows runs on the
 * connection that met the fault, as a long-running TUI would); a fresh
 * case left no file behind.
 */
static void
assert_unchanged(const struct fault_case *c, struct fx *fx, const char *before,
    int reopen)
{
	if (c->fresh) {
		if (file_exists(fx->path, "") || file_exists(fx->path, "-wal") ||
		    file_exists(fx->path, "-shm"))
			fail_msg("%s: a failed create left files behind", c->name);
		return;
	}
	testdb_assert_same(fx->db, xstrdup(before));
	if (!reopen)
		return;
	fx_close(fx);
	fx->db = open_existing(fx->path);
	testdb_assert_same(fx->db, xstrdup(before));
	if (testdb_int(fx->db, "SELECT count(*) FROM pragma_integrity_check "
	    "WHERE integrity_check <> 'ok'") != 0)
		fail_msg("%s: integrity_check fails after a failure", c->name);
}

/* ---- faults -------------------------------------------------------- */

enum fault_kind { FAULT_VFS, FAULT_MEM };

struct fault {
	enum fault_kind kind;
	enum faultvfs_op op;
	int err;        /* SQLITE_IOERR or SQLITE_FULL */
	int persistent;
};

static void
fault_arm(const struct fault *f, long n)
{
	if (f->kind == FAULT_VFS)
		faultvfs_arm(f->op, n, f->err, f->persistent);
	else
		faultmem_arm(n, f->persistent);
}

static long
fault_disarm(const struct fault *f)
{
	faultvfs_disarm();
	faultmem_disarm();
	return f->kind == FAULT_VFS ? faultvfs_hits() : faultmem_hits();
}

static char *
fault_name(const struct fault *f, long n)
{
	if (n == 0)
		return xasprintf("%s %s %s", f->kind == FAULT_VFS ?
		    faultvfs_op_name(f->op) : "malloc",
		    f->kind == FAULT_MEM ? "NULL" : f->err == SQLITE_FULL ?
		    "FULL" : "IOERR", f->persistent ? "from N on" : "once");
	return xasprintf("%s %s %s at %ld", f->kind == FAULT_VFS ?
	    faultvfs_op_name(f->op) : "malloc",
	    f->kind == FAULT_MEM ? "NULL" : f->err == SQLITE_FULL ? "FULL" :
	    "IOERR", f->persistent ? "from" : "once", n);
}

/* Is st what a failure of this kind may give? */
static int
status_expected(const struct fault *f, struct db *db, enum status st)
{
	if (f->kind == FAULT_VFS)
		return st == ST_IO || st == ST_FULL;
	/* A failed prepare is reported as ST_ERROR by the model; its detail
	 * must still say why. */
	return st == ST_NOMEM || (st == ST_ERROR && db != NULL &&
	    strstr(db_errmsg(db), "out of memory") != NULL);
}

/* One round; returns 1 when the operation ran without meeting the fault. */
static int
fault_round(const struct fault_case *c, struct fx *fx, const struct fault *f,
    long n)
{
	char *before = NULL, *what = fault_name(f, n);
	enum status st;
	long hits;

	fx_load(c, fx);
	if (!c->fresh)
		before = testdb_dump(fx->db);
	fault_arm(f, n);
	st = c->run(fx);
	hits = fault_disarm(f);
	if (st == ST_OK) {
		assert_applied(c, fx, what);
	} else {
		if (hits == 0)
			fail_msg("%s: %s: %s with no fault", c->name, what,
			    status_name(st));
		if (!status_expected(f, fx->db, st))
			fail_msg("%s: %s: unexpected status %s (%s)", c->name, what,
			    status_name(st), fx->db ? db_errmsg(fx->db) : "");
		assert_unchanged(c, fx, before, n % 2);
		st = c->run(fx);
		if (st != ST_OK)
			fail_msg("%s: %s: the retry without a fault gives %s (%s)",
			    c->name, what, status_name(st),
			    fx->db ? db_errmsg(fx->db) : "");
		assert_applied(c, fx, what);
	}
	fx_close(fx);
	free(before);
	free(what);
	return hits == 0 && st == ST_OK;
}

/* N = 1, 2, 3, ...: every N under stress (make stress); otherwise every
 * N up to 16, then a geometric sample, to keep make check quick. */
static long
next_n(long n)
{
	return stress || n < 16 ? n + 1 : n + n / 8;
}

static void
fault_loop(const struct fault *f)
{
	for (size_t i = 0; i < NCASES; i++) {
		struct fx *fx = fx_new(&cases[i]);
		long n;

		char *what = fault_name(f, 0);

		for (n = 1; n < 1000000; n = next_n(n))
			if (fault_round(&cases[i], fx, f, n))
				break;
		if (n >= 1000000)
			fail_msg("%s: never ran to the end", cases[i].name);
		printf("# %s, %s: clean at N = %ld\n", cases[i].name, what, n);
		free(what);
		fx_free(fx);
	}
}

static void
io_loops(enum faultvfs_op op)
{
	static const int errs[] = { SQLITE_IOERR, SQLITE_FULL };

	for (int e = 0; e < 2; e++)
		for (int persistent = 0; persistent < 2; persistent++) {
			struct fault f = { FAULT_VFS, op, errs[e], persistent };

			fault_loop(&f);
		}
}

static void
test_io_write(void **state)
{
	(void)state;
	io_loops(FAULTVFS_WRITE);
}

static void
test_io_sync(void **state)
{
	(void)state;
	io_loops(FAULTVFS_SYNC);
}

static void
test_io_open(void **state)
{
	(void)state;
	io_loops(FAULTVFS_OPEN);
}

static void
test_io_truncate(void **state)
{
	(void)state;
	io_loops(FAULTVFS_TRUNCATE);
}

/* ---- out of memory: in a forked child, since fatal() exits ---------- */

enum oom_kind { OOM_SQLITE, OOM_XALLOC };

/* How a child's round ended (its exit status). */
enum {
	CHILD_OK = 0,        /* ST_OK without meeting the fault */
	CHILD_FATAL = 1,     /* fatal(): "coopstock: out of memory" */
	CHILD_FAILED = 2,    /* an expected failure status */
	CHILD_OK_HIT = 4,    /* ST_OK although an allocation failed */
	CHILD_BAD = 5        /* anything else; the reason is on stderr */
};

static int lsan_off;

/* LeakSanitizer asks this at exit: a child killed by fatal() leaks by
 * design. */
int __lsan_is_turned_off(void);
int
__lsan_is_turned_off(void)
{
	return lsan_off;
}

/* In the child: no cmocka assertions (they would jump back into the
 * parent's copy of the test runner), only an exit status. */
static void
child_run(const struct fault_case *c, struct fx *fx, enum oom_kind k,
    int persistent, long n)
{
	struct fault f = { FAULT_MEM, FAULTVFS_NOPS, 0, persistent };
	enum status st;
	char *err = NULL;
	long hits = 0;
	int code;

	lsan_off = 1;
	if (!c->fresh) {
		if (db_open(fx->path, DB_OPEN_EXISTING, &fx->db, &err) != ST_OK) {
			fprintf(stderr, "child: open: %s\n", err ? err : "?");
			_exit(CHILD_BAD);
		}
		db_set_actor(fx->db, 0, "tester", 1);
	}
	if (k == OOM_SQLITE)
		fault_arm(&f, n);
	else
		xalloc_fail_after(n);
	st = c->run(fx);
	if (k == OOM_SQLITE)
		hits = fault_disarm(&f);
	xalloc_fail_after(-1);
	if (st == ST_OK) {
		code = hits > 0 ? CHILD_OK_HIT : CHILD_OK;
	} else if (k == OOM_SQLITE && hits > 0 && status_expected(&f, fx->db, st)) {
		code = CHILD_FAILED;
	} else {
		fprintf(stderr, "child: %s after %ld failed allocations: %s\n",
		    status_name(st), hits, fx->db ? db_errmsg(fx->db) : "");
		code = CHILD_BAD;
	}
	db_close(fx->db);
	_exit(code);
}

/* Read the child's stderr to the end (it is short). */
static char *
slurp_fd(int fd)
{
	char *buf = xmalloc(4096);
	size_t len = 0;
	ssize_t got;

	while (len < 4095 && (got = read(fd, buf + len, 4095 - len)) > 0)
		len += (size_t)got;
	buf[len] = '\0';
	close(fd);
	return buf;
}

/* A fresh case killed half-way may leave a file, but never one holding
 * part of the schema: the next init starts it again. */
static void
assert_fresh_empty(struct fx *fx)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;

	if (!file_exists(fx->path, ""))
		return;
	assert_int_equal(sqlite3_open_v2(fx->path, &h, SQLITE_OPEN_READWRITE,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT count(*) FROM "
	    "sqlite_master", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
}

/* Run the child and return its exit status; *err gets its stderr. */
static int
fork_round(const struct fault_case *c, struct fx *fx, enum oom_kind k,
    int persistent, long n, char **err)
{
	int fds[2], status;
	pid_t pid;

	assert_int_equal(pipe(fds), 0);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], 2);
		close(fds[1]);
		child_run(c, fx, k, persistent, n);
	}
	close(fds[1]);
	*err = slurp_fd(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (!WIFEXITED(status))
		fail_msg("%s: %s at %ld: child killed by signal %d: %s", c->name,
		    k == OOM_SQLITE ? "sqlite malloc" : "xalloc", n,
		    WTERMSIG(status), *err);
	return WEXITSTATUS(status);
}

static int
oom_round(const struct fault_case *c, struct fx *fx, enum oom_kind k,
    int persistent, long n)
{
	const char *what = k == OOM_SQLITE ? "sqlite malloc" : "xalloc";
	char *before = NULL, *err;
	enum status st;
	int code;

	fx_load(c, fx);
	if (!c->fresh)
		before = testdb_dump(fx->db);
	fx_close(fx);
	code = fork_round(c, fx, k, persistent, n, &err);
	switch (code) {
	case CHILD_OK:
	case CHILD_OK_HIT:
		if (*err != '\0')
			fail_msg("%s: %s at %ld: ST_OK but said: %s", c->name, what,
			    n, err);
		assert_applied(c, fx, what);
		break;
	case CHILD_FATAL:
		if (strncmp(err, "coopstock: out of memory", 24) != 0 ||
		    strchr(err, '\n') != err + strlen(err) - 1)
			fail_msg("%s: %s at %ld: stderr is not one line saying "
			    "out of memory: %s", c->name, what, n, err);
		/* fall through */
	case CHILD_FAILED:
		if (c->fresh) {
			if (code == CHILD_FATAL)
				assert_fresh_empty(fx);
			else
				assert_unchanged(c, fx, before, 1);
		} else {
			fx->db = open_existing(fx->path);
			assert_unchanged(c, fx, before, 1);
		}
		st = c->run(fx);
		if (st != ST_OK)
			fail_msg("%s: %s at %ld: the retry gives %s", c->name, what,
			    n, status_name(st));
		assert_applied(c, fx, what);
		break;
	default:
		fail_msg("%s: %s at %ld: exit %d: %s", c->name, what, n, code, err);
	}
	fx_close(fx);
	free(before);
	free(err);
	return code == CHILD_OK;
}

static void
oom_loop(enum oom_kind k, int persistent)
{
	for (size_t i = 0; i < NCASES; i++) {
		struct fx *fx = fx_new(&cases[i]);
		long n;

		for (n = k == OOM_XALLOC ? 0 : 1; n < 1000000; n = next_n(n))
			if (oom_round(&cases[i], fx, k, persistent, n))
				break;
		if (n >= 1000000)
			fail_msg("%s: never ran to the end", cases[i].name);
		printf("# %s, %s%s: clean at N = %ld\n", cases[i].name,
		    k == OOM_SQLITE ? "sqlite malloc" : "xalloc",
		    persistent ? " from N" : " once", n);
		fx_free(fx);
	}
}

static void
test_sqlite_oom(void **state)
{
	(void)state;
	oom_loop(OOM_SQLITE, 0);
	oom_loop(OOM_SQLITE, 1);
}

/* xalloc_fail_after fails every allocation from the Nth on; the first
 * failure is fatal, so "once" and "persistent" are the same here. */
static void
test_xalloc_oom(void **state)
{
	(void)state;
	oom_loop(OOM_XALLOC, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_io_write),
		cmocka_unit_test(test_io_sync),
		cmocka_unit_test(test_io_open),
		cmocka_unit_test(test_io_truncate),
		cmocka_unit_test(test_sqlite_oom),
		cmocka_unit_test(test_xalloc_oom),
	};
	const char *s = getenv("COOPSTOCK_STRESS");

	setvbuf(stdout, NULL, _IOLBF, 0);
	stress = s != NULL && *s != '\0' && strcmp(s, "0") != 0;
	/* Both must come before anything initializes SQLite. */
	if (faultmem_install() != SQLITE_OK || faultvfs_install() != SQLITE_OK) {
		fprintf(stderr, "cannot install the fault shims\n");
		return 99;
	}
	faultvfs_set_nosync(1);
	return TESTLIB_RUN(tests);
}
