/*
 * test_wave.c - the livestream routine in the model: a repeat customer
 * found by phone, quick order lines parsed with exact errors, and a wave
 * of 200 orders taken from confirmation to shipped: its pick list, its
 * slips (golden text for one order at 42 and 80 columns), its manifest
 * and the courier's tracking file coming back.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "fixture.h"
#include "model/batch.h"
#include "model/burst.h"
#include "model/customer.h"
#include "model/order.h"
#include "model/product.h"
#include "model/quick.h"
#include "model/setting.h"
#include "model/wave.h"
#include "print/picklist.h"
#include "print/slip.h"
#include "sync/export.h"
#include "sync/import.h"
#include "util/xalloc.h"

#define NWAVE 200

static long long
product(struct db *db, const char *sku, const char *name, const char *code,
    const char *unit, int64_t price)
{
	struct product p = {.sku = (char *)sku,
	    .name = (char *)name,
	    .short_code = (char *)code,
	    .unit = (char *)unit,
	    .price = price};
	long long id = 0;

	assert_int_equal(product_add(db, &p, &id), ST_OK);
	return id;
}

static long long
order(struct db *db, const char *channel, const char *ref, const char *when,
    const char *name, const char *phone, const char *address,
    const struct order_line_in *lines, int n)
{
	struct order_in in = {.channel = channel,
	    .ext_ref = ref,
	    .ordered_at = when,
	    .customer_name = name,
	    .customer_phone = phone,
	    .customer_address = address,
	    .lines = lines,
	    .nlines = n};
	long long id = 0;

	assert_int_equal(order_create(db, &in, &id), ST_OK);
	return id;
}

/* Read a whole file into a new string. */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (f == NULL)
		fail_msg("cannot open %s", path);
	do {
		cap += 4096;
		buf = xrealloc(buf, cap + 1);
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static char *
golden(const char *name)
{
	const char *src = getenv("TESTS_SRCDIR");
	char *path = xasprintf("%s/data/%s", src ? src : "tests", name);
	char *text = slurp(path);

	free(path);
	return text;
}

static void
test_customer_find(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "A", "jar", 1000);
	struct order_line_in line = {p, 1000, -1};
	struct customer c;

	order(t->db, "phone", NULL, NULL, "王芳", "13800000001",
	    "陇南市武都区 1 号", &line, 1);
	/* A later order without an address keeps the remembered one. */
	order(
	    t->db, "phone", NULL, NULL, "王芳芳", "13800000001", "", &line, 1);
	assert_int_equal(customer_find(t->db, " 13800000001 ", &c), ST_OK);
	assert_string_equal(c.phone, "13800000001");
	assert_string_equal(c.name, "王芳芳");
	assert_string_equal(c.address, "陇南市武都区 1 号");
	assert_int_equal(c.orders, 2);
	customer_clear(&c);
	assert_null(c.name);

	assert_int_equal(customer_find(t->db, "13900000000", &c), ST_NOT_FOUND);
	assert_string_equal(
	    db_errmsg(t->db), "no customer has the phone number 13900000000");
	assert_null(c.phone);
	assert_int_equal(customer_find(t->db, "  ", &c), ST_NOT_FOUND);
	assert_string_equal(db_errmsg(t->db), "no phone number given");
	assert_int_equal(customer_find(t->db, NULL, &c), ST_NOT_FOUND);
}

/* Parse spec and expect status st with message msg. */
static void
quick_fails(struct db *db, const char *spec, enum status st, const char *msg)
{
	struct quick_spec q;

	assert_int_equal(quick_parse(db, spec, &q), st);
	assert_string_equal(db_errmsg(db), msg);
	assert_int_equal(q.n, 0);
	assert_null(q.v);
}

static void
test_quick_parse(void **state)
{
	struct testdb *t = *state;
	long long ht = product(t->db, "HT-500", "核桃 500g", "ht", "bag", 3000),
		  fm = product(t->db, "FM-500", "蜂蜜", "fm", "jar", 6800),
		  gly = product(t->db, "GLY", "橄榄油", "gly", "bottle", 12850);
	struct order_line_in *in;
	struct quick_spec q;

	assert_int_equal(quick_parse(t->db, "ht 2, fm 1.5", &q), ST_OK);
	assert_int_equal(q.n, 2);
	assert_int_equal(q.v[0].in.product_id, ht);
	assert_int_equal(q.v[0].in.qty, 2000);
	assert_int_equal(q.v[0].in.unit_price, 3000);
	assert_int_equal(q.v[0].total, 6000);
	assert_string_equal(q.v[0].name, "核桃 500g");
	assert_string_equal(q.v[0].unit, "bag");
	assert_int_equal(q.v[1].in.product_id, fm);
	assert_int_equal(q.v[1].in.qty, 1500);
	assert_int_equal(q.v[1].total, 10200);
	assert_int_equal(q.total, 16200);
	in = quick_lines_in(&q);
	assert_int_equal(in[1].qty, 1500);
	free(in);
	quick_spec_clear(&q);

	/* No commas, a SKU in any case, full-width separators and digits,
	 * the same product twice. */
	assert_int_equal(
	    quick_parse(t->db, "HT 2 gly 1，ht　３、fm-500 1", &q), ST_OK);
	assert_int_equal(q.n, 4);
	assert_int_equal(q.v[1].in.product_id, gly);
	assert_int_equal(q.v[2].in.product_id, ht);
	assert_int_equal(q.v[2].in.qty, 3000);
	assert_int_equal(q.v[3].in.product_id, fm);
	quick_spec_clear(&q);

	/* A quantity typed onto its code. */
	assert_int_equal(quick_parse(t->db, "ht2 fm1.5,gly 1", &q), ST_OK);
	assert_int_equal(q.n, 3);
	assert_int_equal(q.v[0].in.product_id, ht);
	assert_int_equal(q.v[0].in.qty, 2000);
	assert_int_equal(q.v[1].in.product_id, fm);
	assert_int_equal(q.v[1].in.qty, 1500);
	assert_int_equal(q.v[2].in.product_id, gly);
	quick_spec_clear(&q);
	quick_fails(t->db, "zz2", ST_NOT_FOUND,
	    "'zz2': no product has this code or SKU");
	quick_fails(t->db, "ht1.2.3", ST_INVALID,
	    "'1.2.3' is not a quantity (after 'ht')");

	/* A whole phone order, customer remembered, courier chosen. */
	{
		struct quick_order qo = {NULL, "13800000009", "赵六",
		    "成县 5 号", NULL, "ht 2 fm 1", "sf"};
		struct customer c;
		struct order *o;
		long long oid = 0;
		char *before;

		assert_int_equal(quick_order_create(t->db, &qo, &oid), ST_OK);
		assert_int_equal(order_get(t->db, oid, &o), ST_OK);
		assert_string_equal(o->channel, "phone");
		assert_string_equal(o->status, "new");
		assert_int_equal(o->nlines, 2);
		assert_int_equal(o->total, 6000 + 6800);
		order_free(o);
		assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM orders"
						   " WHERE courier = 'sf'"),
		    1);
		assert_int_equal(
		    customer_find(t->db, "13800000009", &c), ST_OK);
		assert_string_equal(c.address, "成县 5 号");
		customer_clear(&c);
		before = fx_snapshot(t->db);
		qo.lines = "ht 2 zz 1";
		oid = 0;
		assert_int_equal(
		    quick_order_create(t->db, &qo, &oid), ST_NOT_FOUND);
		assert_string_equal(
		    db_errmsg(t->db), "'zz': no product has this code or SKU");
		assert_int_equal(oid, 0);
		{
			char *after = fx_snapshot(t->db);

			assert_string_equal(after, before);
			free(after);
		}
		free(before);
	}

	quick_fails(t->db, " , ", ST_INVALID,
	    "nothing to order: type a code and a quantity, like ht 2");
	quick_fails(t->db, "ht 2, zz 1", ST_NOT_FOUND,
	    "'zz': no product has this code or SKU");
	quick_fails(
	    t->db, "ht 2, fm", ST_INVALID, "'fm' needs a quantity after it");
	quick_fails(t->db, "ht fm 1", ST_INVALID,
	    "'fm' is not a quantity (after 'ht')");
	quick_fails(
	    t->db, "ht 0", ST_INVALID, "'0' is not above zero (after 'ht')");
	quick_fails(t->db, "ht 1.2345", ST_INVALID,
	    "'1.2345' is not a quantity (after 'ht')");
	assert_int_equal(product_set_active(t->db, gly, 0), ST_OK);
	quick_fails(t->db, "gly 1", ST_NOT_FOUND,
	    "'gly': the product is no longer sold");
}

/* The burst: three products (lots with different best-befores), orders
 * from two channels, all confirmed. */
struct burst {
	long long pid[3], ids[NWAVE + 20];
};

static void
burst_make(struct db *db, struct burst *b)
{
	static const char *const bb[] = {
	    "2099-03-01", "2099-01-01", "2099-02-01"};
	struct order_line_in lines[2];
	struct batch_result r;
	char ref[16], when[32];

	b->pid[0] = product(db, "HT-500", "核桃 500g", "ht", "bag", 3000);
	b->pid[1] = product(db, "FM-500", "土蜂蜜 500g", "fm", "jar", 6800);
	b->pid[2] =
	    product(db, "GLY-500", "武都橄榄油 500ml", "gly", "bottle", 12850);
	for (int p = 0; p < 3; p++)
		for (int k = 0; k < 3; k++)
			fx_lot(db, b->pid[p], 150000, bb[k]);
	fx_exec(db, "INSERT INTO member(code, name) VALUES ('M1', '王德明')");
	fx_exec(db, "UPDATE lot SET member_id = 1, grade = '一级'");
	assert_int_equal(db_begin(db), ST_OK);
	for (int i = 0; i < NWAVE + 20; i++) {
		lines[0] = (struct order_line_in){
		    b->pid[i % 3], (1 + i % 4) * 1000, -1};
		lines[1] = (struct order_line_in){b->pid[(i + 1) % 3], 500, -1};
		snprintf(ref, sizeof ref, "T%04d", i);
		snprintf(when, sizeof when, "2026-11-20 %02d:%02d:00",
		    8 + i / 60, i % 60);
		b->ids[i] = order(db, i % 11 == 10 ? "douyin" : "taobao", ref,
		    when, "李四", "13900000000", "陇南市", lines, 1 + (i % 2));
	}
	assert_int_equal(db_commit(db), ST_OK);
	assert_int_equal(order_confirm_batch(db, NULL, NULL, NULL, &r), ST_OK);
	assert_int_equal(r.confirmed, NWAVE + 20);
}

struct pick_sum {
	struct db *db;
	int rows;
	long long last_product;
	char last_bb[16];
	int64_t per_product[4];
};

static int
pick_cb(const struct wave_pick *p, void *arg)
{
	struct pick_sum *ps = arg;
	char *sql = sqlite3_mprintf(
	    "SELECT sum(a.qty) FROM order_alloc a JOIN order_line l"
	    " ON l.id = a.order_line_id JOIN wave_order w"
	    " ON w.order_id = l.order_id WHERE w.wave_id = 1"
	    " AND a.lot_id = %lld",
	    p->lot_id);

	/* The lot's total is the sum of the wave's reservations on it. */
	assert_int_equal(testdb_int(ps->db, sql), p->qty);
	sqlite3_free(sql);
	/* FEFO within a product. */
	if (p->product_id == ps->last_product)
		assert_true(strcmp(ps->last_bb, p->best_before) < 0);
	ps->last_product = p->product_id;
	snprintf(ps->last_bb, sizeof ps->last_bb, "%s", p->best_before);
	assert_true(p->product_id >= 1 && p->product_id <= 3);
	ps->per_product[p->product_id] += p->qty;
	assert_string_equal(p->member, "王德明");
	ps->rows++;
	return 0;
}

static int
history_cb(const struct wave_event *e, void *arg)
{
	char **text = arg;
	char *next =
	    xasprintf("%s%d:%s:%s:%ld\n", *text, (int)e->what, e->courier,
		strrchr(e->file, '/') ? strrchr(e->file, '/') + 1 : e->file,
		e->norders);

	free(*text);
	*text = next;
	return 0;
}

/* Every order of the wave is shipped with a tracking number; counts
 * them in *arg. */
static int
member_cb(const struct wave_member *m, void *arg)
{
	int *n = arg;

	assert_string_equal(m->status, "shipped");
	assert_string_equal(m->courier, "generic");
	assert_int_equal(strncmp(m->tracking_no, "YT", 2), 0);
	assert_string_equal(m->channel, "taobao");
	(*n)++;
	return 0;
}

/* Count the lines of s that start with prefix. */
static int
count_lines(const char *s, const char *prefix)
{
	int n = 0;
	size_t k = strlen(prefix);

	for (const char *p = s; p != NULL && *p; p = strchr(p, '\n')) {
		if (*p == '\n')
			p++;
		n += strncmp(p, prefix, k) == 0;
	}
	return n;
}

/* Write the tracking file for the manifest at path (order number in
 * its first column) and import it. */
static void
tracking_import(struct db *db, const char *dir, const char *manifest)
{
	char *text = slurp(manifest), *line, *save = NULL;
	char *path = xasprintf("%s/tracking.csv", dir);
	FILE *f = fopen(path, "w");
	struct imp_opts o = {.enc = DECODE_AUTO};
	FILE *sink = fopen("/dev/null", "w");
	char *files[1] = {path};
	long problems = 0;
	int n = 0;

	fprintf(f, "order_ref,courier,tracking_no\n");
	line = strtok_r(text, "\r\n", &save); /* the header */
	while ((line = strtok_r(NULL, "\r\n", &save)) != NULL) {
		*strchr(line, ',') = '\0';
		fprintf(f, "%s,generic,YT%06d\n", line, n++);
	}
	fclose(f);
	assert_int_equal(n, NWAVE);
	assert_int_equal(
	    import_run(db, "tracking", files, 1, &o, sink, stderr, &problems),
	    ST_OK);
	assert_int_equal(problems, 0);
	fclose(sink);
	free(path);
	free(text);
}

static void
test_wave_of_200(void **state)
{
	struct testdb *t = *state;
	struct burst b;
	struct wave_in in = {WAVE_CHANNEL, "taobao", NULL, 0};
	struct pick_sum ps = {t->db, 0, 0, "", {0}};
	struct export_opts eo = {0, "generic", 1};
	struct wave w;
	char *buf = NULL, *err = NULL, *man, *hist = xstrdup("");
	size_t len = 0;
	long long id;
	int count = 0;
	FILE *f;

	burst_make(t->db, &b);
	assert_int_equal(wave_create(t->db, &in, &id, &count), ST_OK);
	assert_int_equal(id, 1);
	assert_int_equal(count, NWAVE);
	assert_int_equal(wave_get(t->db, id, &w), ST_OK);
	assert_int_equal(w.norders, NWAVE);
	assert_int_equal(w.nstatus[ORDER_CONFIRMED], NWAVE);
	assert_int_equal(w.by, WAVE_CHANNEL);
	assert_string_equal(w.filter, "taobao");
	wave_clear(&w);

	/* Pick list: per lot as the reservations, per product as the
	 * wave's lines. */
	assert_int_equal(wave_picklist(t->db, id, pick_cb, &ps), ST_OK);
	assert_true(ps.rows >= 3);
	for (int p = 1; p <= 3; p++) {
		char *sql = sqlite3_mprintf(
		    "SELECT sum(l.qty) FROM order_line l JOIN wave_order w"
		    " ON w.order_id = l.order_id WHERE w.wave_id = 1"
		    " AND l.product_id = %d",
		    p);

		assert_int_equal(ps.per_product[p], testdb_int(t->db, sql));
		sqlite3_free(sql);
	}

	/* Slips: 200 of them. */
	f = open_memstream(&buf, &len);
	assert_int_equal(slip_print_wave(t->db, id, 42, f, &count), ST_OK);
	fclose(f);
	assert_int_equal(count, NWAVE);
	assert_int_equal(count_lines(buf, "PACKING SLIP"), NWAVE);
	free(buf);

	/* The manifest waits for packing, then lists the 200. */
	man = xasprintf("%s/manifest.csv", t->dir);
	assert_int_equal(export_run(t->db, "manifest", man, &eo, stderr, &err),
	    ST_BAD_STATE);
	assert_string_equal(err, "wave 1 has no packed orders: pack it first");
	free(err);
	assert_int_equal(wave_mark_packed(t->db, id, &count), ST_OK);
	assert_int_equal(count, NWAVE);
	assert_int_equal(
	    export_run(t->db, "manifest", man, &eo, stderr, &err), ST_OK);
	buf = slurp(man);
	assert_int_equal(count_lines(buf, "T0"), NWAVE);
	free(buf);

	/* The courier's numbers come back: all 200 shipped, sold from the
	 * lots they were picked from. */
	tracking_import(t->db, t->dir, man);
	count = 0;
	assert_int_equal(
	    testdb_int(t->db,
		"SELECT count(*) FROM orders o JOIN wave_order w"
		" ON w.order_id = o.id WHERE o.status = 'shipped'"),
	    NWAVE);
	assert_int_equal(
	    testdb_int(t->db, "SELECT count(*) FROM orders WHERE status ="
			      " 'confirmed'"),
	    20);
	for (int p = 1; p <= 3; p++) {
		char *sql = sqlite3_mprintf(
		    "SELECT -sum(qty) FROM stock_move WHERE kind = 'sale'"
		    " AND product_id = %d",
		    p);

		assert_int_equal(testdb_int(t->db, sql), ps.per_product[p]);
		sqlite3_free(sql);
	}
	fx_check_clean(t->db);

	assert_int_equal(wave_order_list(t->db, id, member_cb, &count), ST_OK);
	assert_int_equal(count, NWAVE);
	assert_int_equal(wave_history(t->db, id, history_cb, &hist), ST_OK);
	assert_string_equal(hist,
	    "0:::200\n1:::200\n2:generic:manifest.csv:200\n"
	    "3:generic::200\n");
	free(hist);
	free(man);
}

/* Expect wave_create of ids to fail with st and msg, leaving no wave. */
static void
create_fails(
    struct db *db, const long long *ids, int n, enum status st, const char *msg)
{
	struct wave_in in = {WAVE_ORDERS, NULL, ids, n};
	long long id = -1;

	enum status got = wave_create(db, &in, &id, NULL);

	assert_string_equal(db_errmsg(db), msg);
	assert_int_equal(got, st);
	assert_int_equal(id, -1);
}

static void
test_wave_rules(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "A", "jar", 1000), o[4], id, none;
	struct wave_in in = {WAVE_ORDERS, NULL, o, 3};
	char *before, *msg;
	int n;

	fx_lot(t->db, p, 10000, NULL);
	for (int i = 0; i < 4; i++)
		o[i] = fx_order(t->db, p, 1000);
	for (int i = 0; i < 3; i++)
		assert_int_equal(order_confirm(t->db, o[i]), ST_OK);
	before = fx_snapshot(t->db);
	create_fails(t->db, &o[3], 1, ST_BAD_STATE,
	    "order 4 is new; only confirmed orders can go into a wave");
	none = 99;
	create_fails(t->db, &none, 1, ST_NOT_FOUND, "there is no order 99");
	{
		long long twice[2] = {o[0], o[0]};

		create_fails(
		    t->db, twice, 2, ST_EXISTS, "order 1 is listed twice");
	}
	in.by = WAVE_COURIER;
	in.filter = "";
	assert_int_equal(wave_create(t->db, &in, &id, NULL), ST_INVALID);
	assert_string_equal(
	    db_errmsg(t->db), "a wave by courier needs a courier");
	in.filter = "sf";
	assert_int_equal(wave_create(t->db, &in, &id, NULL), ST_NOT_FOUND);
	msg = fx_snapshot(t->db);
	assert_string_equal(msg, before);
	free(msg);
	free(before);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM wave"), 0);

	/* By courier: only the order that goes with sf. */
	assert_int_equal(wave_set_courier(t->db, o[1], "sf"), ST_OK);
	assert_int_equal(wave_create(t->db, &in, &id, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(
	    testdb_int(t->db, "SELECT order_id FROM wave_order"), o[1]);
	create_fails(
	    t->db, &o[1], 1, ST_BAD_STATE, "order 2 is already in wave 1");

	/* Packing is all or nothing. */
	in.by = WAVE_ORDERS;
	in.ids = (long long[]){o[0], o[2]};
	in.nids = 2;
	assert_int_equal(wave_create(t->db, &in, &id, &n), ST_OK);
	assert_int_equal(id, 2);
	assert_int_equal(order_cancel(t->db, o[2], "changed mind"), ST_OK);
	before = fx_snapshot(t->db);
	assert_int_equal(wave_mark_packed(t->db, id, &n), ST_BAD_STATE);
	assert_string_equal(db_errmsg(t->db),
	    "wave 2: order 3 is cancelled; only confirmed orders can be "
	    "packed");
	assert_int_equal(n, 0);
	msg = fx_snapshot(t->db);
	assert_string_equal(msg, before);
	free(msg);
	free(before);
	assert_int_equal(wave_drop_order(t->db, id, o[2]), ST_OK);
	assert_int_equal(wave_drop_order(t->db, id, o[2]), ST_NOT_FOUND);
	assert_string_equal(db_errmsg(t->db), "order 3 is not in wave 2");
	assert_int_equal(wave_mark_packed(t->db, id, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(wave_mark_packed(t->db, id, &n), ST_BAD_STATE);
	assert_string_equal(
	    db_errmsg(t->db), "wave 2 has no confirmed orders left to pack");
	assert_int_equal(wave_mark_packed(t->db, 7, &n), ST_NOT_FOUND);
	assert_string_equal(db_errmsg(t->db), "there is no wave 7");
	fx_check_clean(t->db);
}

/* The slip of one order and a small pick list, laid out for a receipt
 * roll and a page, against golden files. */
static void
test_slip_golden(void **state)
{
	struct testdb *t = *state;
	long long ht = product(t->db, "HT-500", "核桃 500g 山里一级薄皮", "ht",
		      "bag", 3000),
		  fm = product(
		      t->db, "FM-500", "土蜂蜜 500g", "fm", "jar", 6800);
	struct order_line_in lines[2] = {{ht, 2000, -1}, {fm, 1500, -1}};
	struct wave_in in = {WAVE_ALL, NULL, NULL, 0};
	static const int widths[2] = {42, 80};
	long long o, id;

	assert_int_equal(
	    setting_set(t->db, "coop_name", "陇南山里合作社"), ST_OK);
	assert_int_equal(
	    setting_set(t->db, "coop_phone", "0939-8216688"), ST_OK);
	fx_lot(t->db, ht, 1000, "2099-01-01");
	fx_lot(t->db, ht, 5000, "2099-06-01");
	fx_lot(t->db, fm, 5000, "2099-03-01");
	fx_exec(
	    t->db, "INSERT INTO member(code, name) VALUES ('M1', '王德明')");
	fx_exec(t->db, "UPDATE lot SET member_id = 1, grade = '特级'");
	o = order(t->db, "taobao", "3736028174659203", "2026-11-25 11:02:31",
	    "王芳", "13800000001",
	    "甘肃省陇南市武都区安化镇山里村 1 号 王家院子 东屋", lines, 2);
	assert_int_equal(order_confirm(t->db, o), ST_OK);
	assert_int_equal(wave_create(t->db, &in, &id, NULL), ST_OK);
	for (int i = 0; i < 2; i++) {
		char *buf = NULL, *want, *name;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);

		assert_int_equal(slip_print(t->db, o, id, widths[i], f), ST_OK);
		assert_int_equal(
		    picklist_print(t->db, id, widths[i], f), ST_OK);
		fclose(f);
		name = xasprintf("wave-print-%d.txt", widths[i]);
		want = golden(name);
		assert_string_equal(buf, want);
		free(want);
		free(name);
		free(buf);
	}
	assert_int_equal(slip_print(t->db, o, id, 31, stdout), ST_INVALID);
}

static void
test_burst_counts(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "A", "jar", 1000), o[5];
	struct burst_counts c;

	assert_int_equal(burst_counts_get(t->db, 0, &c), ST_OK);
	assert_int_equal(c.last_id, 0);
	assert_int_equal(c.arrived + c.to_confirm + c.to_pack + c.to_ship, 0);
	fx_lot(t->db, p, 10000, NULL);
	o[0] = fx_order(t->db, p, 1000);
	assert_int_equal(burst_counts_get(t->db, 0, &c), ST_OK);
	assert_int_equal(c.last_id, o[0]);
	for (int i = 1; i < 5; i++)
		o[i] = fx_order(t->db, p, 1000);
	assert_int_equal(order_confirm(t->db, o[1]), ST_OK);
	assert_int_equal(order_confirm(t->db, o[2]), ST_OK);
	assert_int_equal(order_confirm(t->db, o[3]), ST_OK);
	assert_int_equal(order_pack(t->db, o[3]), ST_OK);
	assert_int_equal(order_cancel(t->db, o[4], NULL), ST_OK);
	assert_int_equal(burst_counts_get(t->db, o[0], &c), ST_OK);
	assert_int_equal(c.last_id, o[4]);
	assert_int_equal(c.arrived, 4);
	assert_int_equal(c.to_confirm, 1);
	assert_int_equal(c.to_pack, 2);
	assert_int_equal(c.to_ship, 1);
	/* from now: nothing arrived yet, the session starts at the newest */
	assert_int_equal(burst_counts_get(t->db, -1, &c), ST_OK);
	assert_int_equal(c.last_id, o[4]);
	assert_int_equal(c.arrived, 0);
	assert_int_equal(c.to_confirm, 1);
	assert_int_equal(c.to_pack, 2);
	/* since alone: the same last_id and arrived, no status counts */
	assert_int_equal(burst_since_get(t->db, o[0], &c), ST_OK);
	assert_int_equal(c.last_id, o[4]);
	assert_int_equal(c.arrived, 4);
	assert_int_equal(c.to_confirm + c.to_pack + c.to_ship, 0);
	assert_int_equal(burst_since_get(t->db, -1, &c), ST_OK);
	assert_int_equal(c.last_id, o[4]);
	assert_int_equal(c.arrived, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
		test_customer_find, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_quick_parse, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_wave_of_200, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_wave_rules, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_slip_golden, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_burst_counts, testdb_setup, testdb_teardown),
	};

	return TESTLIB_RUN(tests);
}
