/*
 * test_concurrency.c - many clerks' processes confirming orders for the
 * last units of one product at the same moment.  Each round forks
 * NCHILD processes, each with its own connection, all released together
 * by closing a pipe they block on; exactly min(stock, orders) must win,
 * every loser must get ST_NO_STOCK (never ST_BUSY or anything else), the
 * stock must never go below zero and model_check must stay clean.
 *
 * A child execs this program again (--child) rather than running on in
 * the forked copy: SQLite's docs warn against carrying a process's open
 * connection state across fork(), and an exec starts from a clean image
 * while the pipe (the barrier) survives it.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testlib.h"
#include "fixture.h"
#include "model/order.h"
#include "model/stock.h"

#define NCHILD 20
#define NROUND 10
#define STOCK 7

static const char *self; /* argv[0], to exec the children */

/* A child: open its own connection, wait at the barrier, confirm.  The
 * exit status is the enum status (100 and up: the child itself failed). */
static int
child(const char *path, int barrier, int ready, long long order_id)
{
	struct db *db = NULL;
	char c;
	enum status s;

	char *err = NULL;

	if (db_open(path, DB_OPEN_EXISTING, &db, &err) != ST_OK) {
		fprintf(stderr, "# child: %s\n", err);
		return 100;
	}
	db_set_actor(db, 0, "racer", 0);
	if (ready >= 0 && (write(ready, "r", 1) != 1 || close(ready) != 0))
		return 103;
	if (read(barrier, &c, 1) != 0)
		return 101;
	s = order_confirm(db, order_id);
	db_close(db);
	return (int)s;
}

/* Fork and exec one child for order_id, reading the barrier on fd and
 * (when ready >= 0) saying it has its connection open on ready. */
static pid_t
spawn(const char *path, int fd, int ready, long long order_id)
{
	char fdbuf[16], rdbuf[16], idbuf[24];
	pid_t pid = fork();

	if (pid != 0)
		return pid;
	snprintf(fdbuf, sizeof fdbuf, "%d", fd);
	snprintf(rdbuf, sizeof rdbuf, "%d", ready);
	snprintf(idbuf, sizeof idbuf, "%lld", order_id);
	execl(self, self, "--child", path, fdbuf, rdbuf, idbuf, (char *)NULL);
	_exit(102);
}

/*
 * One round.  With wait_open, the barrier opens only when every child
 * has its connection open, so the confirmations really start together;
 * without, children still opening race with others already writing.
 */
static void
one_round(struct testdb *t, int round, int wait_open)
{
	char sku[32], c;
	long long p, orders[NCHILD];
	int fd[2], rd[2] = {-1, -1}, wins = 0, losses = 0, others = 0;
	pid_t pids[NCHILD];
	struct stock_level lv;

	snprintf(sku, sizeof sku, "JAR-%d", round);
	p = fx_product(t->db, sku, "jar", 1500);
	fx_lot(t->db, p, STOCK * 1000 / 2, fx_date(10));
	fx_lot(t->db, p, STOCK * 1000 - STOCK * 1000 / 2, NULL);
	for (int i = 0; i < NCHILD; i++)
		orders[i] = fx_order(t->db, p, 1000);
	/* only the read end may reach the children: they see EOF when the
	 * parent closes the write end */
	assert_int_equal(pipe(fd), 0);
	assert_int_equal(fcntl(fd[1], F_SETFD, FD_CLOEXEC), 0);
	if (wait_open) {
		assert_int_equal(pipe(rd), 0);
		assert_int_equal(fcntl(rd[0], F_SETFD, FD_CLOEXEC), 0);
	}
	for (int i = 0; i < NCHILD; i++) {
		pids[i] = spawn(t->path, fd[0], rd[1], orders[i]);
		assert_true(pids[i] > 0);
	}
	close(fd[0]);
	if (wait_open) {
		close(rd[1]);
		for (int i = 0; i < NCHILD; i++)
			if (read(rd[0], &c, 1) != 1)
				break; /* a child failed; its status tells */
		close(rd[0]);
	}
	close(fd[1]); /* the barrier opens: every read() returns 0 */
	for (int i = 0; i < NCHILD; i++) {
		int ws;

		assert_int_equal(waitpid(pids[i], &ws, 0), pids[i]);
		assert_true(WIFEXITED(ws));
		if (WEXITSTATUS(ws) == ST_OK)
			wins++;
		else if (WEXITSTATUS(ws) == ST_NO_STOCK)
			losses++;
		else {
			print_message(
			    "# child %d exited %d\n", i, WEXITSTATUS(ws));
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
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM lot_stock "
					   "WHERE on_hand < 0 OR reserved < 0"
					   " OR reserved > on_hand"),
	    0);
	fx_check_clean(t->db);
}

static void
test_last_units_race(void **state)
{
	struct testdb *t = *state;

	for (int r = 0; r < NROUND; r++)
		one_round(t, r, 1);
	assert_int_equal(
	    testdb_int(t->db,
		"SELECT count(*) FROM orders WHERE status = 'confirmed'"),
	    NROUND * STOCK);
	assert_int_equal(
	    testdb_int(t->db,
		"SELECT count(*) FROM order_event"
		" WHERE to_status = 'confirmed' AND actor = 'racer'"),
	    NROUND * STOCK);
}

/* Opening a connection while other processes write must wait, not fail. */
static void
test_open_while_others_write(void **state)
{
	struct testdb *t = *state;

	for (int r = 0; r < NROUND / 2; r++)
		one_round(t, r, 0);
	assert_int_equal(
	    testdb_int(t->db,
		"SELECT count(*) FROM orders WHERE status = 'confirmed'"),
	    NROUND / 2 * STOCK);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
		test_last_units_race, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_open_while_others_write, testdb_setup, testdb_teardown),
	};

	if (argc == 6 && strcmp(argv[1], "--child") == 0)
		return child(
		    argv[2], atoi(argv[3]), atoi(argv[4]), atoll(argv[5]));
	self = argv[0];
	return TESTLIB_RUN(tests);
}
