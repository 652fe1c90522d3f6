/*
 * demo.c - see demo.h.
 *
 * The demo is data: one table per kind of record, walked in order, each
 * row written by the model function a clerk's screen would call.  Order
 * rows say which state the order should end in, and demo_order walks it
 * there through the real transitions, so every reservation, sale and
 * return is in the ledger exactly as if clerks had done the work.  Dates
 * are offsets from today.  The clerks take the orders: the demo signs in
 * as each (with the PIN it gave them) and restores the actor at the end.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/clerk.h"
#include "model/demo.h"
#include "model/member.h"
#include "model/order.h"
#include "model/payment.h"
#include "model/product.h"
#include "model/setting.h"
#include "model/stock.h"
#include "model/txn.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/xalloc.h"

#define NO_DATE 99999 /* a best-before offset meaning "none" */

static const struct {
	const char *key, *value;
} settings[] = {
    {"coop_name", "陇南山里合作社"},
    {"coop_phone", "0939-8216688"},
    {"coop_address", "甘肃省陇南市武都区安化镇山里村 1 号"},
};

static const struct {
	const char *name, *pin;
} clerks[] = {
    {"李娜", "1111"},
    {"王强", "2222"},
};

/* sku, name, English name, short code, unit, price (fen), reorder level
 * (thousandths), category */
static const struct {
	const char *sku, *name, *name_en, *short_code, *unit;
	int64_t price, reorder_level;
	const char *category;
} products[] = {
    {"HT-KG", "薄皮核桃", "Walnuts, thin shell", "ht", "kg", 3600, 20000,
	"干果"},
    {"HT-JIN", "核桃 一斤装", "Walnuts, 1 jin pack", "htj", "jin", 1900, 20000,
	"干果"},
    {"GLY-500", "武都橄榄油 500ml", "Wudu olive oil 500 ml", "gly", "bottle",
	12800, 10000, "油"},
    {"HJ-JIN", "大红袍花椒", "Sichuan pepper (Dahongpao)", "hj", "jin", 6800,
	5000, "调料"},
    {"LJJ-280", "油泼辣椒酱", "Chili sauce 280 g", "ljj", "jar", 1800, 12000,
	"调料"},
    {"FM-500", "土蜂蜜 500g", "Wild honey 500 g", "fm", "jar", 6800, 10000,
	"蜂蜜"},
    {"FM-250", "百花蜂蜜 250g", "Honey 250 g", "fmx", "jar", 3500, 10000,
	"蜂蜜"},
    {"XG-250", "花菇香菇", "Dried shiitake 250 g", "xg", "bag", 3200, 15000,
	"山货"},
    {"ME-250", "黑木耳", "Black fungus 250 g", "me", "bag", 2800, 15000,
	"山货"},
    {"CY-100", "碧口绿茶", "Bikou green tea 100 g", "lc", "tin", 8800, 20000,
	"茶叶"},
    {"DS-500", "文县纹党参", "Wenxian codonopsis root 500 g", "ds", "bag", 9800,
	5000, "药材"},
    {"JC-250", "干蕨菜", "Dried bracken fern 250 g", "jc", "bag", 2600, 10000,
	"山货"},
};

/* code, name, village, phone */
static const struct {
	const char *code, *name, *village, *phone;
} members[] = {
    {"M001", "张建国", "武都区 安化镇 何家庄村", "13909391201"},
    {"M002", "李秀英", "武都区 外纳镇 李家坝村", "13909391202"},
    {"M003", "王德明", "武都区 两水镇 丁家沟村", "13909391203"},
    {"M004", "赵桂兰", "康县 阳坝镇 梅园沟村", "13909391204"},
    {"M005", "刘长青", "康县 长坝镇 花桥村", "13909391205"},
    {"M006", "陈玉梅", "康县 岸门口镇 朱家沟村", "13909391206"},
    {"M007", "杨国强", "文县 碧口镇 李子坝村", "13909391207"},
    {"M008", "马小燕", "文县 临江镇 东风村", "13909391208"},
    {"M009", "何志刚", "文县 石鸡坝镇 新关村", "13909391209"},
    {"M010", "周桂芳", "成县 抛沙镇 丰泉村", "13909391210"},
    {"M011", "孙海龙", "成县 纸坊镇 王磨村", "13909391211"},
    {"M012", "吴春花", "成县 店村镇 刘沟村", "13909391212"},
};

/* product, member, qty (thousandths), unit cost (fen), received (days
 * from today), best-before (days from today, or NO_DATE), grade */
static const struct {
	const char *sku, *member;
	int64_t qty, cost;
	int received, best_before;
	const char *grade, *note;
} lots[] = {
    {"HT-KG", "M001", 150000, 2600, -60, 300, "特级", "2026 秋收"},
    {"HT-KG", "M002", 80000, 2200, -40, 320, "一级", NULL},
    {"HT-JIN", "M003", 60000, 1100, -40, 320, "一级", NULL},
    {"GLY-500", "M001", 48000, 8500, -90, 450, "特级", "初榨"},
    {"HJ-JIN", "M004", 8000, 5200, -20, 345, "特级", NULL},
    {"LJJ-280", "M006", 40000, 900, -170, 10, "一级", "快到期"},
    {"LJJ-280", "M006", 36000, 900, -15, 165, "一级", NULL},
    {"FM-500", "M005", 6000, 4500, -400, -3, "一级", "去年的"},
    {"FM-500", "M005", 30000, 4800, -30, 700, "特级", NULL},
    {"FM-250", "M008", 24000, 2200, -50, 680, "一级", NULL},
    {"XG-250", "M007", 60000, 2000, -45, 320, "特级", NULL},
    {"ME-250", "M009", 50000, 1700, -45, 320, "一级", NULL},
    {"CY-100", "M007", 20000, 6000, -25, 340, "明前", NULL},
    {"DS-500", "M010", 12000, 7000, -35, 700, "一级", NULL},
    {"JC-250", "M012", 40000, 1500, -50, 300, "二级", NULL},
};

/* One order and the state it ends in. */
struct demo_order {
	const char *channel, *ext_ref;
	int day;          /* ordered this many days from today (<= 0) */
	const char *time; /* "HH:MM:SS" */
	const char *name, *phone, *address, *note, *clerk;
	enum order_status to;
	const char *courier, *tracking, *reason;
	struct {
		const char *sku;
		int64_t qty;
	} lines[3];
};

static const struct demo_order orders[] = {
    {"walk-in", NULL, -28, "09:12:00", "黄伟", "", "", "", "李娜",
	ORDER_DELIVERED, "门市自提", "ZT-0001", NULL,
	{{"HT-KG", 2000}, {"FM-500", 1000}}},
    {"taobao", "3726519048372615", -26, "21:40:13", "王芳", "13805716623",
	"浙江省杭州市西湖区文三路 90 号 3 单元 502", "", "李娜",
	ORDER_DELIVERED, "顺丰速运", "SF1402837465920", NULL,
	{{"HT-KG", 5000}, {"GLY-500", 2000}}},
    {"pinduoduo", "261104-583920174637281", -24, "12:05:47", "刘洋",
	"13621087745", "北京市朝阳区望京西路 48 号院 7 号楼 1203", "", "王强",
	ORDER_DELIVERED, "中通快递", "73152048613027", NULL,
	{{"ME-250", 4000}, {"XG-250", 4000}}},
    {"douyin", "6937584021736281645", -21, "20:18:31", "陈静", "13917364420",
	"上海市浦东新区张杨路 1500 号 2 号楼 801", "", "王强", ORDER_RETURNED,
	"圆通速递", "YT2318475602911", "瓶子碎了，客户退货",
	{{"FM-500", 2000}, {"HJ-JIN", 1000}}},
    {"phone", NULL, -18, "10:30:00", "赵磊", "13991234567",
	"陕西省西安市雁塔区小寨东路 126 号", "老客户，月底结账", "李娜",
	ORDER_DELIVERED, "邮政EMS", "1187364529013", NULL,
	{{"GLY-500", 4000}, {"CY-100", 2000}, {"HJ-JIN", 3000}}},
    {"taobao", "3731840276519384", -14, "08:55:02", "孙丽", "18993127706",
	"甘肃省兰州市城关区庆阳路 219 号", "", "李娜", ORDER_SHIPPED,
	"顺丰速运", "SF1402838812345", NULL,
	{{"HT-JIN", 10000}, {"LJJ-280", 6000}}},
    {"pinduoduo", "261118-482019375610294", -10, "23:12:40", "周敏",
	"15828460193", "四川省成都市武侯区科华北路 65 号", "", "王强",
	ORDER_SHIPPED, "中通快递", "73152399871140", NULL,
	{{"FM-250", 3000}, {"ME-250", 2000}}},
    {"douyin", "6938102947561038274", -7, "19:47:09", "吴刚", "13719025588",
	"广东省广州市天河区体育西路 103 号", "", "王强", ORDER_CANCELLED, NULL,
	NULL, "顾客取消", {{"HJ-JIN", 2000}, {"LJJ-280", 4000}}},
    {"phone", NULL, -5, "15:20:00", "郑红", "13828761190",
	"广东省深圳市南山区科技园南路 18 号", "要发票", "李娜", ORDER_PACKED,
	NULL, NULL, NULL, {{"DS-500", 2000}, {"HT-KG", 3000}}},
    {"taobao", "3735519264038172", -3, "11:02:56", "马丽", "13602118874",
	"天津市南开区鞍山西道 300 号", "", "李娜", ORDER_CONFIRMED, NULL, NULL,
	NULL, {{"XG-250", 3000}, {"JC-250", 5000}}},
    {"douyin", "6938559013827465102", -2, "21:33:18", "高峰", "18709391166",
	"甘肃省陇南市武都区钟楼滩 8 号", "", "王强", ORDER_CONFIRMED, NULL,
	NULL, NULL, {{"HT-JIN", 4000}, {"FM-250", 2000}}},
    {"pinduoduo", "261127-390182746501928", -1, "07:48:25", "林晓",
	"15900127735", "江苏省南京市鼓楼区中山北路 88 号", "", "王强",
	ORDER_NEW, NULL, NULL, NULL, {{"FM-500", 2000}, {"GLY-500", 1000}}},
    {"phone", NULL, -1, "16:10:00", "何老师", "13993905521",
	"甘肃省陇南市成县城关镇东大街 12 号", "", "李娜", ORDER_NEW, NULL, NULL,
	NULL, {{"HJ-JIN", 1000}}},
    {"taobao", "3736028174659203", 0, "06:30:11", "许诺", "13512094476",
	"重庆市渝中区解放碑民权路 28 号", "药店进货", "李娜", ORDER_NEW, NULL,
	NULL, NULL, {{"DS-500", 12000}}},
};

/* member code, amount (fen), paid (days from today), note */
static const struct {
	const char *member;
	int64_t amount;
	int day;
	const char *note;
} payments[] = {
    {"M001", 500000, -20, "十一月 第一次结算"},
    {"M007", 100000, -10, "茶叶 预付"},
};

/* The date `days` from today, ISO, into buf (DATE_SIZE). */
static char *
day_from_today(int days, char *buf)
{
	char today[DATE_SIZE];

	return date_add_days(
	    date_today(today, sizeof today), days, buf, DATE_SIZE);
}

/* ST_NOT_EMPTY unless there is no product and no member. */
static enum status
demo_check_empty(struct db *db)
{
	long long np = 0, nm = 0;
	enum status s = product_count(db, NULL, 1, &np);

	if (s == ST_OK)
		s = member_count(db, NULL, 1, &nm);
	if (s != ST_OK)
		return s;
	if (np > 0 || nm > 0)
		return db_fail(db, ST_NOT_EMPTY,
		    _("the demo goes only into an empty database, and this one "
		      "has %lld products and %lld members"),
		    np, nm);
	return ST_OK;
}

static enum status
demo_people(struct db *db, struct demo_counts *c)
{
	enum status s = ST_OK;

	for (size_t i = 0; s == ST_OK && i < sizeof settings / sizeof *settings;
	     i++)
		s = setting_set(db, settings[i].key, settings[i].value);
	if (s == ST_OK && clerk_needs_pin(db, "manager"))
		s = clerk_set_pin(db, "manager", DEMO_MANAGER_PIN);
	for (size_t i = 0; s == ST_OK && i < sizeof clerks / sizeof *clerks;
	     i++) {
		s = clerk_create(
		    db, clerks[i].name, CLERK_ROLE_CLERK, clerks[i].pin, NULL);
		if (s == ST_OK)
			c->clerks++;
		else if (s == ST_EXISTS)
			s = ST_OK;
	}
	for (size_t i = 0; s == ST_OK && i < sizeof members / sizeof *members;
	     i++) {
		struct member m = {
		    .code = xstrdup(members[i].code),
		    .name = xstrdup(members[i].name),
		    .village = xstrdup(members[i].village),
		    .phone = xstrdup(members[i].phone),
		};

		if ((s = member_add(db, &m, NULL)) == ST_OK)
			c->members++;
		member_clear(&m);
	}
	return s;
}

static enum status
demo_products(struct db *db, struct demo_counts *c)
{
	enum status s = ST_OK;

	for (size_t i = 0; s == ST_OK && i < sizeof products / sizeof *products;
	     i++) {
		struct product p = {
		    .sku = xstrdup(products[i].sku),
		    .name = xstrdup(products[i].name),
		    .name_en = xstrdup(products[i].name_en),
		    .short_code = xstrdup(products[i].short_code),
		    .unit = xstrdup(products[i].unit),
		    .price = products[i].price,
		    .reorder_level = products[i].reorder_level,
		    .category = xstrdup(products[i].category),
		};

		if ((s = product_add(db, &p, NULL)) == ST_OK)
			c->products++;
		product_clear(&p);
	}
	return s;
}

static enum status
product_id(struct db *db, const char *sku, long long *id)
{
	struct product p;
	enum status s = product_get_by_sku(db, sku, &p);

	*id = p.id;
	product_clear(&p);
	return s;
}

static enum status
member_id(struct db *db, const char *code, long long *id)
{
	struct member m;
	enum status s = member_get_by_code(db, code, &m);

	*id = m.id;
	member_clear(&m);
	return s;
}

static enum status
demo_lots(struct db *db, struct demo_counts *c)
{
	char received[DATE_SIZE], best[DATE_SIZE];
	struct intake in;
	long long pid = 0;
	enum status s = ST_OK;

	for (size_t i = 0; s == ST_OK && i < sizeof lots / sizeof *lots; i++) {
		memset(&in, 0, sizeof in);
		s = product_id(db, lots[i].sku, &in.product_id);
		if (s == ST_OK)
			s = member_id(db, lots[i].member, &in.member_id);
		in.qty = lots[i].qty;
		in.unit_cost = lots[i].cost;
		in.received_on = day_from_today(lots[i].received, received);
		if (lots[i].best_before != NO_DATE)
			in.best_before =
			    day_from_today(lots[i].best_before, best);
		in.grade = lots[i].grade;
		in.note = lots[i].note;
		if (s == ST_OK && (s = stock_intake(db, &in, NULL)) == ST_OK)
			c->lots++;
	}
	/* One jar broken on the shelf: a manager's write-off. */
	if (s == ST_OK)
		s = product_id(db, "FM-250", &pid);
	if (s == ST_OK)
		s = stock_adjust(db, pid, 0, -1000, "货架上摔碎一瓶");
	for (size_t i = 0; s == ST_OK && i < sizeof payments / sizeof *payments;
	     i++) {
		long long mid = 0;

		s = member_id(db, payments[i].member, &mid);
		if (s == ST_OK)
			s = payment_record(db, mid, payments[i].amount,
			    day_from_today(payments[i].day, received),
			    payments[i].note);
		if (s == ST_OK)
			c->payments++;
	}
	return s;
}

/* Walk order id from new to the state `to` through the transitions. */
static enum status
demo_walk(struct db *db, long long id, const struct demo_order *o)
{
	enum order_status to = o->to;
	enum status s;

	if (to == ORDER_NEW)
		return ST_OK;
	s = order_confirm(db, id);
	if (s == ST_OK && to == ORDER_CANCELLED)
		return order_cancel(db, id, o->reason);
	if (s == ST_OK && to != ORDER_CONFIRMED)
		s = order_pack(db, id);
	if (s == ST_OK && to != ORDER_CONFIRMED && to != ORDER_PACKED)
		s = order_ship(db, id, o->courier, o->tracking);
	if (s == ST_OK && (to == ORDER_DELIVERED || to == ORDER_RETURNED))
		s = order_deliver(db, id);
	if (s == ST_OK && to == ORDER_RETURNED)
		s = order_return(db, id, o->reason);
	return s;
}

/* Sign in as clerk name with the demo's PIN; when that clerk existed
 * before with another PIN, the sign-in fails and the actor stays. */
static void
demo_act_as(struct db *db, const char *name)
{
	for (size_t i = 0; i < sizeof clerks / sizeof *clerks; i++)
		if (strcmp(clerks[i].name, name) == 0)
			(void)clerk_signin(db, name, clerks[i].pin);
}

static enum status
demo_order(struct db *db, const struct demo_order *o)
{
	struct order_line_in lines[3];
	char day[DATE_SIZE], *when;
	struct order_in in = {0};
	long long id = 0;
	int n = 0;
	enum status s = ST_OK;

	for (; n < 3 && o->lines[n].sku != NULL && s == ST_OK; n++) {
		s = product_id(db, o->lines[n].sku, &lines[n].product_id);
		lines[n].qty = o->lines[n].qty;
		lines[n].unit_price = -1;
	}
	if (s != ST_OK)
		return s;
	when = xasprintf("%s %s", day_from_today(o->day, day), o->time);
	in.channel = o->channel;
	in.ext_ref = o->ext_ref;
	in.ordered_at = when;
	in.customer_name = o->name;
	in.customer_phone = o->phone;
	in.customer_address = o->address;
	in.note = o->note;
	in.lines = lines;
	in.nlines = n;
	demo_act_as(db, o->clerk);
	s = order_create(db, &in, &id);
	free(when);
	if (s == ST_OK)
		s = demo_walk(db, id, o);
	return s;
}

enum status
demo_fill(struct db *db, struct demo_counts *counts)
{
	struct demo_counts c = {0};
	char *actor = xstrdup(db_actor(db));
	long long clerk = db_actor_clerk(db);
	int nested, manager = db_actor_is_manager(db);
	enum status s;

	if (!manager) {
		free(actor);
		return db_fail(
		    db, ST_DENIED, _("only a manager may load the demo"));
	}
	s = txn_begin(db, &nested);
	if (s == ST_OK)
		s = demo_check_empty(db);
	if (s == ST_OK)
		s = demo_people(db, &c);
	if (s == ST_OK)
		s = demo_products(db, &c);
	if (s == ST_OK)
		s = demo_lots(db, &c);
	for (size_t i = 0; s == ST_OK && i < sizeof orders / sizeof *orders;
	     i++)
		if ((s = demo_order(db, &orders[i])) == ST_OK)
			c.orders++;
	db_set_actor(db, clerk, actor, manager);
	free(actor);
	s = txn_end(db, nested, s);
	if (s == ST_OK && counts != NULL)
		*counts = c;
	return s;
}
