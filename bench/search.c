/*
 * search.c - search-as-you-type latency on the big database.
 *
 *   bench-search [-n QUERIES] [-r ROWS] [-c KIB] DB
 *
 * For each class of what a clerk types - one, two and three Chinese
 * characters (蜂, 蜂蜜, 土蜂蜜) and a SKU prefix (TFM0) - QUERIES texts
 * (default 300) are drawn with a fixed seed from the generator's
 * vocabulary (bench/gen.c) and from the names in DB, and each is answered
 * as the product list does on a keystroke: one product_page of ROWS
 * (default 20) rows from the top and a product_count_upto capped at 1000
 * (the list shows "1000+").  Both sorts are timed.  Prints the median and
 * the worst time per class and sort, as wall-clock time (what the clerk
 * waits) and as CPU time (the same without other processes' share of a
 * busy machine); the target is a worst case under 10 ms.  The first
 * query of each class and sort is run once untimed, as the list's first
 * keystroke prepares the statements.  The page cache is the list's own
 * (db_pcache_fixed); -c KIB gives SQLite's usual one of KIB instead
 * (-c 2000 is its default), to show what the fixed one buys.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db/db.h"
#include "db/pcache.h"
#include "model/product.h"
#include "util/xalloc.h"

#define COUNT_CAP 1000

static const char usage[] =
    "usage: bench-search [-n QUERIES] [-r ROWS] [-c KIB] DB\n";

/* Words of the generator's vocabulary (bench/gen.c), for the Chinese
 * classes; SKU letters for the prefix class. */
static const char *const words[] = {
	"云南", "秦岭", "陇南", "甘肃", "四川", "汉中", "大别山", "长白山",
	"武夷山", "贵州", "西藏", "新疆", "宁夏", "东北", "山东", "太行山",
	"天山", "黄山", "峨眉", "特级", "一级", "有机", "野生", "精选", "农家",
	"散装", "礼盒", "手工", "新鲜", "去壳", "原味", "核桃", "花椒",
	"土蜂蜜", "蜂蜜", "蜂王浆", "木耳", "香菇", "红枣", "枸杞", "小米",
	"大米", "荞麦", "燕麦", "绿豆", "黄豆", "红豆", "黑米", "茶叶", "绿茶",
	"红茶", "菜籽油", "核桃油", "山茶油", "腊肉", "土鸡蛋", "粉条", "辣椒",
	"干辣椒", "花生", "葵花籽", "板栗", "柿饼", "苹果", "猕猴桃", "蜂花粉",
	"党参", "黄芪", "当归", "天麻", "百合",
};
static const char *const codes[] = {
	"HT", "HJ", "TFM", "FM", "FWJ", "ME", "XG", "HZ", "GQ", "XM", "DM",
	"QM", "YM", "LD", "HD", "HOD", "HM", "CY", "LC", "HC", "CZY", "HTY",
	"SCY", "LR", "TJD", "FT", "LJ", "GLJ", "HS", "KHZ", "BL", "SB", "PG",
	"MHT", "FHF", "DS", "HQ", "DG", "TM", "BH",
};
#define N(a) (sizeof(a) / sizeof((a)[0]))

static unsigned long long rng = 7;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(rng >> 33) % n;
}

/* Characters 0..k-1 (each 3 bytes: the CJK block) of s from char i. */
static char *
chars(const char *s, size_t i, size_t k)
{
	return xstrndup(s + 3 * i, 3 * k);
}

/* A query of class c: 0..2 Chinese characters 1..3, 3 a SKU prefix. */
static char *
make_query(struct db *db, int c)
{
	if (c == 3) {
		char *q, *d = xasprintf("%05u", rnd(3000));
		const char *code = codes[rnd(N(codes))];

		q = xasprintf("%s%.*s", code, (int)rnd(4), d);
		if (rnd(4) == 0)
			for (char *p = q; *p != '\0'; p++)
				if (*p >= 'A' && *p <= 'Z')
					*p = (char)(*p - 'A' + 'a');
		free(d);
		return q;
	}
	for (;;) {
		const char *w = words[rnd(N(words))];
		size_t n = strlen(w) / 3, k = (size_t)c + 1;
		struct product p;
		char *q;

		if (n >= k)
			return chars(w, rnd((unsigned)(n - k + 1)), k);
		/* a longer window from a real name, Chinese part only */
		if (product_get_by_id(db, 1 + rnd(100000), &p) != ST_OK)
			continue;
		n = strcspn(p.name, " ") / 3;
		q = n >= k ? chars(p.name, rnd((unsigned)(n - k + 1)), k) : NULL;
		product_clear(&p);
		if (q != NULL)
			return q;
	}
}

static double
now_ms(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
count_row(const struct product_row *r, void *arg)
{
	(void)r;
	++*(int *)arg;
	return 0;
}

/* One keystroke's work: a page and a capped count.  Returns the wall
 * time; *cpu gets the CPU time of this process. */
static double
keystroke(struct db *db, const char *q, enum product_sort sort, int rows,
    long long *count, double *cpu)
{
	double t0 = now_ms(CLOCK_MONOTONIC);
	double c0 = now_ms(CLOCK_PROCESS_CPUTIME_ID);
	int n = 0;

	if (product_page(db, q, sort, 0, NULL, 0, rows, count_row, &n) != ST_OK ||
	    product_count_upto(db, q, 0, COUNT_CAP, count) != ST_OK) {
		fprintf(stderr, "bench-search: %s: %s\n", q, db_errmsg(db));
		exit(1);
	}
	*cpu = now_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
	return now_ms(CLOCK_MONOTONIC) - t0;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void
run_class(struct db *db, int c, int nq, int rows)
{
	static const char *const names[] = { "1 Chinese char", "2 Chinese chars",
		"3 Chinese chars", "SKU prefix" };
	char **q = xcalloc((size_t)nq, sizeof *q);
	double *t = xcalloc((size_t)nq, sizeof *t);
	double *cpu = xcalloc((size_t)nq, sizeof *cpu);

	for (int i = 0; i < nq; i++)
		q[i] = make_query(db, c);
	for (int sort = 0; sort < 2; sort++) {
		long long count, hits = 0;
		double worst_ms;
		int worst = 0;

		keystroke(db, q[0], sort, rows, &count, &cpu[0]);
		for (int i = 0; i < nq; i++) {
			t[i] = keystroke(db, q[i], sort, rows, &count, &cpu[i]);
			hits += count;
			if (t[i] > t[worst])
				worst = i;
		}
		worst_ms = t[worst];
		qsort(t, (size_t)nq, sizeof *t, cmp_double);
		qsort(cpu, (size_t)nq, sizeof *cpu, cmp_double);
		printf("%-16s %-5s %9.2f %9.2f %9.2f %9.2f   %-12s %9.0f\n",
		    names[c], sort == PRODUCT_SORT_NAME ? "name" : "SKU",
		    t[nq / 2], worst_ms, cpu[nq / 2], cpu[nq - 1], q[worst],
		    (double)hits / nq);
	}
	for (int i = 0; i < nq; i++)
		free(q[i]);
	free(q);
	free(t);
	free(cpu);
}

int
main(int argc, char **argv)
{
	int nq = 300, rows = 20, cache_kib = 0, c;
	struct db *db;
	char *err = NULL;

	while ((c = getopt(argc, argv, "n:r:c:")) != -1) {
		if (c == 'n')
			nq = atoi(optarg);
		else if (c == 'c')
			cache_kib = atoi(optarg);
		else if (c == 'r')
			rows = atoi(optarg);
		else {
			fputs(usage, stderr);
			return 2;
		}
	}
	if (optind != argc - 1 || nq < 1 || rows < 1) {
		fputs(usage, stderr);
		return 2;
	}
	/* as the product list's process has it (ui_main) */
	if (cache_kib == 0)
		(void)db_pcache_fixed();
	if (db_open(argv[optind], DB_OPEN_EXISTING, &db, &err) != ST_OK) {
		fprintf(stderr, "bench-search: %s\n", err != NULL ? err : "open");
		return 1;
	}
	if (cache_kib > 0) {
		char *sql = xasprintf("PRAGMA cache_size=-%d", cache_kib);
		enum status s = db_exec(db, sql);

		free(sql);
		if (s != ST_OK) {
			fprintf(stderr, "bench-search: %s\n", db_errmsg(db));
			return 1;
		}
	}
	printf("search as you type: %d queries per class, a page of %d rows "
	    "+ a count up to %d\n", nq, rows, COUNT_CAP);
	printf("%-16s %-5s %9s %9s %9s %9s   %-12s %9s\n", "", "",
	    "wall", "wall", "CPU", "CPU", "", "");
	printf("%-16s %-5s %9s %9s %9s %9s   %-12s %9s\n", "class", "sort",
	    "median ms", "worst ms", "median ms", "worst ms", "worst query",
	    "mean count");
	for (c = 0; c < 4; c++)
		run_class(db, c, nq, rows);
	printf("target: worst under 10 ms for every class\n");
	db_close(db);
	return 0;
}
