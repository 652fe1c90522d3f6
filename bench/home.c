/*
 * home.c - what Home's numbers cost on the big database.
 *
 *   bench-home [-n DRAWS] DB
 *
 * Home reads summary_get() and, for its live counter, burst_since_get()
 * after sign-in and every time a clerk comes back to it (src/ui/home.c).
 * This runs that pair DRAWS times (default 20; the first once more,
 * untimed, as the first draw prepares the statements) and prints the
 * counts, and the median and the worst of each draw, in wall-clock and in
 * CPU time.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "db/db.h"
#include "model/burst.h"
#include "model/summary.h"
#include "util/xalloc.h"

static double
now_ms(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* One draw's reads into *sum and *burst; exits on failure. */
static void
draw(struct db *db, struct summary *sum, struct burst_counts *burst)
{
	if (summary_get(db, SUMMARY_NEAR_DAYS, sum) != ST_OK ||
	    burst_since_get(db, 0, burst) != ST_OK) {
		fprintf(stderr, "bench-home: %s\n", db_errmsg(db));
		exit(1);
	}
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void
print_times(const char *what, double *t, int n)
{
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	printf("%-12s median %8.2f ms   worst %8.2f ms\n", what, t[n / 2],
	    t[n - 1]);
}

int
main(int argc, char **argv)
{
	struct summary sum;
	struct burst_counts burst;
	struct db *db;
	char *err = NULL;
	double *wall, *cpu;
	int n = 20, c;

	while ((c = getopt(argc, argv, "n:")) != -1)
		if (c != 'n' || (n = atoi(optarg)) < 1) {
			fputs("usage: bench-home [-n DRAWS] DB\n", stderr);
			return 2;
		}
	if (optind != argc - 1) {
		fputs("usage: bench-home [-n DRAWS] DB\n", stderr);
		return 2;
	}
	if (db_open(argv[optind], DB_OPEN_EXISTING, &db, &err) != ST_OK) {
		fprintf(stderr, "bench-home: %s\n", err != NULL ? err : "open");
		return 1;
	}
	wall = xcalloc((size_t)n, sizeof *wall);
	cpu = xcalloc((size_t)n, sizeof *cpu);
	draw(db, &sum, &burst);
	for (int i = 0; i < n; i++) {
		double t0 = now_ms(CLOCK_MONOTONIC);
		double c0 = now_ms(CLOCK_PROCESS_CPUTIME_ID);

		draw(db, &sum, &burst);
		cpu[i] = now_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
		wall[i] = now_ms(CLOCK_MONOTONIC) - t0;
	}
	printf("Home's counts (summary_get + burst_since_get), %d draws\n", n);
	printf("to confirm %lld, to pack %lld, to ship %lld, low %lld, "
	       "lots near %lld, past %lld; orders %lld\n",
	    sum.orders_new, sum.orders_confirmed, sum.orders_packed,
	    sum.low_stock, sum.lots_near, sum.lots_expired, burst.last_id);
	print_times("wall", wall, n);
	print_times("CPU", cpu, n);
	free(wall);
	free(cpu);
	db_close(db);
	return 0;
}
