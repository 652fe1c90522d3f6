/*
 * test_concurrency.c - many clerks' processes confirming orders for the
 * last units of one product at the same moment.  Each round forks
 * NCHILD processes, each with its own connection, all released together
 * by closing a pipe they block on; exactly min(stock, orders) must win,
 * every loser must get ST_NO_STOCK (never ST_BUSY or anything else), the
 * stock must never go below zero and model_check must stay clean.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testlib.h"
#include "fixture.h"
#include "model/order.h"
#include "model/stock.h"

#define NCHILD 20
#define NROUND 10
#define STOCK 7

/* A child: open its own connection, wait at the barrier, confirm. */
static void
child(const char *path, int barrier, long long order_id)
{
	struct db *db = NULL;
	char c;
	enum status s;

	if (db_open(path, DB_OPEN_EXISTING, &db, NULL) != ST_OK)
		_exit(100);
	db_set_actor(db, 0, "racer", 0);
	if (read(barrier, &c, 1) != 0)
		_exit(101);
	s = order_confirm(db, order_id);
	db_close(db);
	_exit((int)s);
}

static void
one_round(struct testdb *t, int round)
{
	char sku[32];
	long long p, orders[NCHILD];
	int fd[2], wins = 0, losses = 0, others = 0;
	pid_t pids[NCHILD];
	struct stock_level lv;

	snprintf(sku, sizeof sku, "JAR-%d", round);
	p = fx_product(t->db, sku, "jar", 1500);
	fx_lot(t->db, p, STOCK * 1000 / 2, fx_date(10));
	fx_lot(t->db, p, STOCK * 1000 - STOCK * 1000 / 2, NULL);
	for (int i = 0; i < NCHILD; i++)
		orders[i] = fx_order(t->db, p, 1000);
	assert_int_equal(pipe(fd), 0);
	for (int i = 0; i < NCHILD; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0) {
			close(fd[1]);
			child(t->path, fd[0], orders[i]);
		}
	}
	close(fd[0]);
	close(fd[1]);  /* the barrier opens: every read() returns 0 */
	for (int i = 0; i < NCHILD; i++) {
		int ws;

		assert_int_equal(waitpid(pids[i], &ws, 0), pids[i]);
		assert_true(WIFEXITED(ws));
		if (WEXITSTATUS(ws) == ST_OK)
			wins++;
		else if (WEXITSTATUS(ws) == ST_NO_STOCK)
			losses++;
		else {
			print_message("# child %d exited %d\n", i, WEXITSTATUS(ws));
			others++;
		}
	}
	assert_int_equal(others, 0);
	assert_int_equal(wins, NCHILD < STOCK ? NCHILD : STOCK);
	assert_int_equal(losses, NCHILD - wins);
	assert_int_equal(stock_level_get(t->db, p, &lv), ST_OK);
	assert_int_equal(lv.on_hand, STOCK * 1000);
	assert_int_equal(lv.reserved, wins * 1000);
	assert_true(lv.available >= 0);
	assert_int_equal(testdb_int(t->db,
	    "SELECT count(*) FROM lot_stock WHERE on_hand < 0 OR reserved < 0"
	    " OR reserved > on_hand"), 0);
	fx_check_clean(t->db);
}

static void
test_last_units_race(void **state)
{
	struct testdb *t = *state;

	for (int r = 0; r < NROUND; r++)
		one_round(t, r);
	assert_int_equal(testdb_int(t->db,
	    "SELECT count(*) FROM orders WHERE status = 'confirmed'"),
	    NROUND * STOCK);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM order_event"
	    " WHERE to_status = 'confirmed' AND actor = 'racer'"), NROUND * STOCK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_last_units_race, testdb_setup, testdb_teardown),
	};

	return TESTLIB_RUN(tests);
}
