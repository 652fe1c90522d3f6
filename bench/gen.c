/*
 * gen.c - build the big database `make bench` measures.
 *
 *   bench-gen [-p PRODUCTS] [-l ORDER_LINES] [-t TABLE] DB
 *
 * DB (which must not exist) receives PRODUCTS products (default
 * 100,000) and orders holding ORDER_LINES lines in all (default
 * 1,000,000; one to five lines an order), written by the model functions
 * a clerk's screen calls (product_add, order_create) inside a few large
 * transactions.  Names are what a cooperative sells: an origin, a grade
 * and a product from the vocabulary below, with a pack size, in Chinese
 * and in English (秦岭野生土蜂蜜 500g / Qinling wild honey 500g); SKUs
 * are the product's letters and a number (TFM00042), so a product's SKUs
 * cluster in SKU order.  A fixed seed makes every run the same database.
 * TABLE (optional) receives the product list as text, the rows coopstock's
 * list shows, for `less` to page through as the reference.  The clerk
 * "manager" gets the PIN 1234, for bench/tty.sh to sign in.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "model/clerk.h"
#include "model/order.h"
#include "model/product.h"
#include "util/num.h"
#include "util/text.h"
#include "util/xalloc.h"

static const struct {
	const char *zh, *en;
} origins[] = {
    {"云南", "Yunnan"}, {"秦岭", "Qinling"}, {"陇南", "Longnan"},
    {"甘肃", "Gansu"}, {"四川", "Sichuan"}, {"汉中", "Hanzhong"},
    {"大别山", "Dabie"}, {"长白山", "Changbai"}, {"武夷山", "Wuyi"},
    {"贵州", "Guizhou"}, {"西藏", "Tibet"}, {"新疆", "Xinjiang"},
    {"宁夏", "Ningxia"}, {"东北", "Northeast"}, {"山东", "Shandong"},
    {"太行山", "Taihang"}, {"天山", "Tianshan"}, {"黄山", "Huangshan"},
    {"峨眉", "Emei"}, {"", ""},
};

static const struct {
	const char *zh, *en;
} grades[] = {
    {"特级", "premium"}, {"一级", "grade A"}, {"有机", "organic"},
    {"野生", "wild"}, {"精选", "select"}, {"农家", "farm"},
    {"散装", "bulk"}, {"礼盒", "gift box"}, {"手工", "handmade"},
    {"新鲜", "fresh"}, {"去壳", "shelled"}, {"原味", "plain"}, {"", ""},
};

static const struct {
	const char *zh, *en, *code, *unit;
	int price; /* fen */
} goods[] = {
    {"核桃", "walnuts", "HT", "kg", 3600},
    {"花椒", "Sichuan pepper", "HJ", "jin", 4800},
    {"土蜂蜜", "wild honey", "TFM", "jar", 6800},
    {"蜂蜜", "honey", "FM", "jar", 4500},
    {"蜂王浆", "royal jelly", "FWJ", "jar", 12800},
    {"木耳", "wood ear", "ME", "bag", 2600},
    {"香菇", "shiitake", "XG", "bag", 3200},
    {"红枣", "red dates", "HZ", "kg", 2200},
    {"枸杞", "goji berries", "GQ", "bag", 3900},
    {"小米", "millet", "XM", "kg", 900},
    {"大米", "rice", "DM", "kg", 700},
    {"荞麦", "buckwheat", "QM", "kg", 1100},
    {"燕麦", "oats", "YM", "kg", 1000},
    {"绿豆", "mung beans", "LD", "kg", 1300},
    {"黄豆", "soybeans", "HD", "kg", 1000},
    {"红豆", "red beans", "HOD", "kg", 1400},
    {"黑米", "black rice", "HM", "kg", 1600},
    {"茶叶", "tea", "CY", "box", 9800},
    {"绿茶", "green tea", "LC", "box", 8800},
    {"红茶", "black tea", "HC", "box", 9200},
    {"菜籽油", "rapeseed oil", "CZY", "bottle", 5800},
    {"核桃油", "walnut oil", "HTY", "bottle", 9800},
    {"山茶油", "camellia oil", "SCY", "bottle", 15800},
    {"腊肉", "cured pork", "LR", "kg", 8800},
    {"土鸡蛋", "free-range eggs", "TJD", "box", 4500},
    {"粉条", "glass noodles", "FT", "bag", 1800},
    {"辣椒", "chili", "LJ", "jin", 1200},
    {"干辣椒", "dried chili", "GLJ", "bag", 2000},
    {"花生", "peanuts", "HS", "kg", 1500},
    {"葵花籽", "sunflower seeds", "KHZ", "bag", 1600},
    {"板栗", "chestnuts", "BL", "kg", 2400},
    {"柿饼", "dried persimmons", "SB", "box", 3800},
    {"苹果", "apples", "PG", "box", 6800},
    {"猕猴桃", "kiwi fruit", "MHT", "box", 7800},
    {"蜂花粉", "bee pollen", "FHF", "jar", 5800},
    {"党参", "codonopsis", "DS", "bag", 8800},
    {"黄芪", "astragalus", "HQ", "bag", 6600},
    {"当归", "angelica", "DG", "bag", 7200},
    {"天麻", "gastrodia", "TM", "bag", 16800},
    {"百合", "lily bulbs", "BH", "bag", 5200},
};

static const char *const sizes[] = {"250g", "500g", "1kg", "2.5kg", "5kg"};

/* The first PIN of the clerk "manager" (bench/tty.sh signs in with it). */
#define BENCH_PIN "1234"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static unsigned long long rng = 20260301;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(rng >> 33) % n;
}

static void
die_status(struct db *db, const char *what, enum status s)
{
	fprintf(stderr, "bench-gen: %s: %s: %s\n", what, status_message(s),
	    db_errmsg(db));
	exit(1);
}

/* Products 1..n, committed every 20,000. */
static void
gen_products(struct db *db, long n)
{
	unsigned seq[N(goods)] = {0};

	for (long i = 0; i < n; i++) {
		unsigned o = rnd(N(origins)), g = rnd(N(grades));
		unsigned k = rnd(N(goods)), z = rnd(N(sizes));
		struct product p = {0};
		char sku[32];
		enum status s;

		if (i % 20000 == 0 && (s = db_begin(db)) != ST_OK)
			die_status(db, "begin", s);
		snprintf(sku, sizeof sku, "%s%05u", goods[k].code, ++seq[k]);
		p.sku = sku;
		p.name = xasprintf("%s%s%s %s", origins[o].zh, grades[g].zh,
		    goods[k].zh, sizes[z]);
		p.name_en = xasprintf("%s%s%s%s%s %s", origins[o].en,
		    *origins[o].en ? " " : "", grades[g].en,
		    *grades[g].en ? " " : "", goods[k].en, sizes[z]);
		p.unit = (char *)goods[k].unit;
		p.price = (int64_t)goods[k].price * (80 + rnd(41)) / 100;
		p.reorder_level = (int64_t)rnd(50) * 1000;
		s = product_add(db, &p, NULL);
		if (s != ST_OK)
			die_status(db, sku, s);
		free(p.name);
		free(p.name_en);
		if ((i + 1) % 20000 == 0 || i + 1 == n)
			if ((s = db_commit(db)) != ST_OK)
				die_status(db, "commit", s);
	}
}

/* Orders of 1-5 lines until nlines lines, committed every 20,000
 * orders. */
static void
gen_orders(struct db *db, long nproducts, long nlines)
{
	struct order_line_in lines[5];
	long done = 0, order = 0;
	enum status s;

	while (done < nlines) {
		int nl = 1 + (int)rnd(5);
		char phone[32], when[48], ref[32];
		struct order_in in = {0};
		long long id;

		if (nl > nlines - done)
			nl = (int)(nlines - done);
		if (order % 20000 == 0 && (s = db_begin(db)) != ST_OK)
			die_status(db, "begin", s);
		for (int i = 0; i < nl; i++) {
			lines[i].product_id = 1 + (long long)rnd((unsigned)nproducts);
			lines[i].qty = (1 + (int64_t)rnd(5)) * 1000;
			lines[i].unit_price = -1;
		}
		snprintf(phone, sizeof phone, "138%08u", rnd(30000));
		snprintf(when, sizeof when, "2026-%02u-%02u %02u:%02u:00",
		    1 + rnd(12), 1 + rnd(28), 8 + rnd(10), rnd(60));
		snprintf(ref, sizeof ref, "T%09ld", order);
		in.channel = order % 3 ? "taobao" : "walk-in";
		in.ext_ref = order % 3 ? ref : NULL;
		in.ordered_at = when;
		in.customer_name = "客户";
		in.customer_phone = phone;
		in.customer_address = "甘肃省陇南市武都区";
		in.lines = lines;
		in.nlines = nl;
		s = order_create(db, &in, &id);
		if (s != ST_OK)
			die_status(db, "order", s);
		done += nl;
		order++;
		if (order % 20000 == 0 || done >= nlines)
			if ((s = db_commit(db)) != ST_OK)
				die_status(db, "commit", s);
	}
}

struct table {
	FILE *f;
	long rows;
	struct product_cursor last;
};

static int
table_row(const struct product_row *r, void *arg)
{
	struct table *t = arg;
	char price[32], avail[32];
	char *sku = text_fit(r->p.sku, 10, TEXT_LEFT, 1);
	char *name = text_fit(r->p.name, 36, TEXT_LEFT, 1);
	char *unit = text_fit(r->p.unit, 6, TEXT_LEFT, 1);

	money_format(r->p.price, price, sizeof price);
	qty_format(r->available, avail, sizeof avail);
	fprintf(t->f, "%s %s %s %10s %10s\n", sku, name, unit, price, avail);
	free(sku);
	free(name);
	free(unit);
	product_cursor_copy(&t->last, &r->cursor);
	t->rows++;
	return 0;
}

/* The product list by name, as text, 1,000 rows a page. */
static void
gen_table(struct db *db, const char *path)
{
	struct table t = {.f = fopen(path, "w")};
	long before;
	enum status s;

	if (t.f == NULL) {
		perror(path);
		exit(1);
	}
	do {
		before = t.rows;
		s = product_page(db, NULL, PRODUCT_SORT_NAME, 0,
		    before > 0 ? &t.last : NULL, 0, 1000, table_row, &t);
		if (s != ST_OK)
			die_status(db, "table", s);
	} while (t.rows > before);
	product_cursor_clear(&t.last);
	if (fclose(t.f) != 0) {
		perror(path);
		exit(1);
	}
}

static void
usage(void)
{
	fputs("usage: bench-gen [-p PRODUCTS] [-l ORDER_LINES] [-t TABLE] DB\n",
	    stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	long nproducts = 100000, nlines = 1000000;
	const char *table = NULL;
	struct db *db;
	char *err = NULL;
	enum status s;
	int c;

	while ((c = getopt(argc, argv, "p:l:t:")) != -1) {
		if (c == 'p')
			nproducts = atol(optarg);
		else if (c == 'l')
			nlines = atol(optarg);
		else if (c == 't')
			table = optarg;
		else
			usage();
	}
	if (optind != argc - 1 || nproducts < 1 || nlines < 0)
		usage();
	if (access(argv[optind], F_OK) == 0) {
		fprintf(stderr, "bench-gen: %s exists\n", argv[optind]);
		return 1;
	}
	s = db_open(argv[optind], DB_OPEN_CREATE, &db, &err);
	if (s != ST_OK) {
		fprintf(stderr, "bench-gen: %s\n", err != NULL ? err : "open");
		return 1;
	}
	db_set_actor(db, 0, "bench", 1);
	if ((s = db_bulk_mode(db, 512)) != ST_OK)
		die_status(db, "bulk mode", s);
	if ((s = clerk_set_pin(db, "manager", BENCH_PIN)) != ST_OK)
		die_status(db, "manager's PIN", s);
	gen_products(db, nproducts);
	gen_orders(db, nproducts, nlines);
	if (table != NULL)
		gen_table(db, table);
	db_close(db);
	return 0;
}
