/*
 * test_batch.c - order_confirm_batch: a burst of 500 orders against
 * limited stock.  The test works out on its own which orders the stock
 * can fill, oldest first, and what each unfilled one is short of; the
 * batch must agree exactly, leave the short orders new with nothing
 * reserved, and leave model_check clean.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "fixture.h"
#include "model/batch.h"
#include "model/order.h"
#include "util/num.h"
#include "util/xalloc.h"

#define NORDERS 500
#define NPROD 3

static const char *const skus[NPROD] = {"A", "B", "C"};

/* Order i: ordered at a time that is not its creation order (7919 is
 * prime to 500, so i -> i * 7919 % 500 is a permutation). */
static int
when_of(int i)
{
	return i * 7919 % NORDERS;
}

/* The lines of order i: product index and quantity (thousandths). */
static int
lines_of(int i, int *prod, int64_t *qty)
{
	prod[0] = i % NPROD;
	qty[0] = (1 + i * 13 % 5) * 1000;
	if (i % 4 != 0)
		return 1;
	prod[1] = (i + 1) % NPROD;
	qty[1] = (1 + i % 3) * 1000;
	if (i % 8 == 0) { /* the same product twice on one order */
		prod[2] = prod[0];
		qty[2] = 1000;
		return 3;
	}
	return 2;
}

/* Collects what the batch reports, one line per short order. */
struct got {
	char *text;
};

static int
on_short(const struct batch_shortfall *sf, void *arg)
{
	struct got *g = arg;
	char *line = xasprintf("%lld:", sf->order_id), *next;

	for (int i = 0; i < sf->nlines; i++) {
		next = xasprintf("%s%s%s=%lld", line, i ? "," : "",
		    sf->lines[i].sku, (long long)sf->lines[i].qty);
		free(line);
		line = next;
	}
	next = xasprintf("%s%s\n", g->text, line);
	free(g->text);
	free(line);
	g->text = next;
	return 0;
}

/* Create the burst (in one transaction, which order_create joins). */
static void
make_orders(struct db *db, const long long *pid, long long *ids)
{
	struct order_line_in lines[3];
	int prod[3], n;
	int64_t qty[3];
	char when[32], ref[32];

	assert_int_equal(db_begin(db), ST_OK);
	for (int i = 0; i < NORDERS; i++) {
		struct order_in in = {0};
		int w = when_of(i);

		n = lines_of(i, prod, qty);
		for (int k = 0; k < n; k++)
			lines[k] =
			    (struct order_line_in){pid[prod[k]], qty[k], -1};
		snprintf(when, sizeof when, "2026-11-01 08:%02d:%02d", w / 60,
		    w % 60);
		snprintf(ref, sizeof ref, "X%d", i);
		in.channel = i % 5 == 0 ? "douyin" : "taobao";
		in.ext_ref = ref;
		in.ordered_at = when;
		in.lines = lines;
		in.nlines = n;
		assert_int_equal(order_create(db, &in, &ids[i]), ST_OK);
	}
	assert_int_equal(db_commit(db), ST_OK);
}

/* Work out the expected outcome: *filled gets the confirmed ids in id
 * order, the return value the shortfall lines in batch order. */
static char *
expect(const long long *ids, int64_t *free_, char **filled)
{
	int order[NORDERS], prod[3], n, ok_[NORDERS] = {0};
	int64_t qty[3], need[NPROD];
	char *text = xstrdup(""), *next;

	for (int i = 0; i < NORDERS; i++)
		order[when_of(i)] = i;
	for (int k = 0; k < NORDERS; k++) {
		int i = order[k], is_short = 0, seen[NPROD] = {0};
		char *line = xasprintf("%lld:", ids[i]);

		memset(need, 0, sizeof need);
		n = lines_of(i, prod, qty);
		for (int j = 0; j < n; j++)
			need[prod[j]] += qty[j];
		for (int j = 0; j < n; j++) {
			int p = prod[j];

			if (seen[p]++ || need[p] <= free_[p])
				continue;
			next =
			    xasprintf("%s%s%s=%lld", line, is_short ? "," : "",
				skus[p], (long long)(need[p] - free_[p]));
			free(line);
			line = next;
			is_short = 1;
		}
		if (is_short) {
			next = xasprintf("%s%s\n", text, line);
			free(text);
			text = next;
		} else {
			for (int p = 0; p < NPROD; p++)
				free_[p] -= need[p];
			ok_[i] = 1;
		}
		free(line);
	}
	*filled = xstrdup("");
	for (int i = 0; i < NORDERS; i++) {
		if (!ok_[i])
			continue;
		next = xasprintf(
		    "%s%s%lld", *filled, (*filled)[0] ? "," : "", ids[i]);
		free(*filled);
		*filled = next;
	}
	return text;
}

static char *
confirmed_ids(struct db *db)
{
	sqlite3_stmt *st;
	char *s;

	assert_int_equal(
	    sqlite3_prepare_v2(db_sqlite(db),
		"SELECT coalesce(group_concat(id, ','), '') FROM"
		" (SELECT id FROM orders WHERE status = 'confirmed'"
		" ORDER BY id)",
		-1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	s = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return s;
}

static void
test_burst_oldest_win(void **state)
{
	struct testdb *t = *state;
	long long pid[NPROD], ids[NORDERS];
	int64_t free_[NPROD] = {300000, 150000, 100000};
	struct got g = {xstrdup("")};
	struct batch_result r;
	char *want_short, *want_ok, *got_ok;
	int nshort = 0;

	for (int p = 0; p < NPROD; p++) {
		pid[p] = fx_product(t->db, skus[p], "jar", 1000);
		fx_lot(t->db, pid[p], free_[p] / 2, fx_date(100));
		fx_lot(t->db, pid[p], free_[p] - free_[p] / 2, NULL);
	}
	fx_lot(t->db, pid[0], 50000, fx_date(-1)); /* expired: never sold */
	make_orders(t->db, pid, ids);
	want_short = expect(ids, free_, &want_ok);
	for (char *c = want_short; *c; c++)
		nshort += *c == '\n';
	assert_true(nshort > 100 && nshort < 450);

	assert_int_equal(
	    order_confirm_batch(t->db, NULL, on_short, &g, &r), ST_OK);
	assert_false(db_in_transaction(t->db));
	assert_string_equal(g.text, want_short);
	assert_int_equal(r.short_, nshort);
	assert_int_equal(r.confirmed, NORDERS - nshort);
	got_ok = confirmed_ids(t->db);
	assert_string_equal(got_ok, want_ok);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM orders"
					   " WHERE status = 'new'"),
	    nshort);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM order_alloc a"
					   " JOIN order_line l ON l.id ="
					   " a.order_line_id JOIN orders o ON"
					   " o.id = l.order_id WHERE o.status"
					   " = 'new'"),
	    0);
	fx_check_clean(t->db);

	/* A second run confirms nothing more and reports the same orders
	 * short, now against what is left. */
	free(g.text);
	g.text = xstrdup("");
	assert_int_equal(
	    order_confirm_batch(t->db, NULL, on_short, &g, &r), ST_OK);
	assert_int_equal(r.short_, nshort);
	fx_check_clean(t->db);
	free(g.text);
	free(got_ok);
	free(want_ok);
	free(want_short);
}

static void
test_channel_and_nesting(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "A", "jar", 1000), a, b;
	struct order_line_in line = {p, 1000, -1};
	struct order_in in = {.channel = "taobao", .lines = &line, .nlines = 1};
	struct batch_result r;
	char *before;

	fx_lot(t->db, p, 5000, NULL);
	assert_int_equal(order_create(t->db, &in, &a), ST_OK);
	in.channel = "douyin";
	assert_int_equal(order_create(t->db, &in, &b), ST_OK);

	/* Inside a caller's transaction the batch is undone with it. */
	before = fx_snapshot(t->db);
	assert_int_equal(db_begin(t->db), ST_OK);
	assert_int_equal(
	    order_confirm_batch(t->db, NULL, NULL, NULL, &r), ST_OK);
	assert_int_equal(r.confirmed, 2);
	assert_true(db_in_transaction(t->db));
	db_rollback(t->db);
	{
		char *after = fx_snapshot(t->db);

		assert_string_equal(after, before);
		free(after);
	}
	free(before);

	assert_int_equal(
	    order_confirm_batch(t->db, "douyin", NULL, NULL, &r), ST_OK);
	assert_int_equal(r.confirmed, 1);
	assert_int_equal(r.short_, 0);
	assert_int_equal(testdb_int(t->db, "SELECT id FROM orders"
					   " WHERE status = 'confirmed'"),
	    b);
	assert_int_equal(
	    order_confirm_batch(t->db, "nobody", NULL, NULL, &r), ST_OK);
	assert_int_equal(r.confirmed, 0);
	fx_check_clean(t->db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
		test_burst_oldest_win, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_channel_and_nesting, testdb_setup, testdb_teardown),
	};

	return TESTLIB_RUN(tests);
}
