/*
 * imp_stock.c - see imp_stock.h.  An intake row is already present when
 * a lot with the same product, member, date, quantity, cost, grade and
 * best-before exists; two such rows in one file are a problem (a typed
 * twice row is likelier than two identical deliveries on one day).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/exchange.h"
#include "model/member.h"
#include "model/order.h"
#include "model/product.h"
#include "model/stock.h"
#include "sync/imp_stock.h"
#include "sync/strmap.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/text.h"
#include "util/xalloc.h"

enum { I_MEMBER, I_SKU, I_QTY, I_COST, I_DATE, I_GRADE, I_BEST, I_N };

static const char *const a_member[] = {"社员编号", "社员编码", "社员", NULL};
static const char *const a_sku[] = {
    "商品编码", "商家编码", "编码", "货号", NULL};
static const char *const a_qty[] = {"数量", "重量", NULL};
static const char *const a_cost[] = {
    "单价", "收购价", "收购单价", "成本价", NULL};
static const char *const a_date[] = {"日期", "收货日期", "入库日期", NULL};
static const char *const a_grade[] = {"等级", "品级", NULL};
static const char *const a_best[] = {
    "保质期至", "到期日", "最佳食用日期", NULL};

static const struct header_col intake_spec[I_N] = {
    {"member_code", a_member, 0},
    {"sku", a_sku, 1},
    {"qty", a_qty, 1},
    {"unit_cost", a_cost, 0},
    {"received_on", a_date, 0},
    {"grade", a_grade, 0},
    {"best_before", a_best, 0},
};

static void
intake_problem(struct imp *im, int c, enum status st)
{
	imp_problem(im, im->line, im->colname[c], "%s",
	    *db_errmsg(im->db) ? db_errmsg(im->db) : _(status_message(st)));
}

/* Look up the product and member of the row; 1 when both are known. */
static int
intake_keys(struct imp *im, struct exchange_lot_key *k)
{
	char *sku = imp_id(im, I_SKU, 1), *code = imp_id(im, I_MEMBER, 0);
	struct product p;
	struct member m;
	int ok = sku != NULL && code != NULL;
	enum status st;

	if (sku != NULL) {
		if ((st = product_get_by_sku(im->db, sku, &p)) == ST_OK)
			k->product_id = p.id;
		else if (imp_fault(im, st))
			ok = 0;
		else {
			char *shown = text_sanitize_str(sku);

			imp_problem(im, im->line, im->colname[I_SKU],
			    _("unknown SKU '%s'"), shown);
			free(shown);
			ok = 0;
		}
		product_clear(&p);
	}
	if (code != NULL && *code != '\0' && im->fault == ST_OK) {
		if ((st = member_get_by_code(im->db, code, &m)) == ST_OK)
			k->member_id = m.id;
		else if (imp_fault(im, st))
			ok = 0;
		else {
			char *shown = text_sanitize_str(code);

			imp_problem(im, im->line, im->colname[I_MEMBER],
			    _("unknown member '%s'"), shown);
			free(shown);
			ok = 0;
		}
		member_clear(&m);
	}
	free(sku);
	free(code);
	return ok;
}

/* Return 1 after reporting that the row of k is the same intake as an
 * earlier row of this file; else remember it and return 0. */
static int
intake_repeated(struct imp *im, struct strmap *seen,
    const struct exchange_lot_key *k)
{
	struct strmap_entry *e;
	char *key = xasprintf("%lld|%lld|%s|%lld|%lld|%s|%s", k->product_id,
	    k->member_id, k->received_on, (long long)k->qty,
	    (long long)k->unit_cost, k->grade, k->best_before);
	int added;

	e = strmap_get(seen, key, 1, &added);
	free(key);
	if (!added) {
		imp_problem(im, im->line, NULL,
		    _("the same intake is already on line %ld of this file"),
		    e->val);
		return 1;
	}
	e->val = im->line;
	return 0;
}

/* Receive the lot of the good row k, unless an import made it before. */
static void
intake_write(struct imp *im, const struct exchange_lot_key *k)
{
	struct intake in;
	int found = 0;
	enum status st = exchange_lot_exists(im->db, k, &found);

	if (st == ST_OK && found) {
		im->present++;
		if (im->o->dry_run)
			imp_say(im, _("skip line %ld (already present)\n"),
			    im->line);
		return;
	}
	memset(&in, 0, sizeof in);
	in.product_id = k->product_id;
	in.member_id = k->member_id;
	in.qty = k->qty;
	in.unit_cost = k->unit_cost;
	in.received_on = k->received_on;
	in.grade = k->grade;
	in.best_before = *k->best_before != '\0' ? k->best_before : NULL;
	if (st == ST_OK)
		st = stock_intake(im->db, &in, NULL);
	if (st == ST_OK) {
		im->created++;
		if (im->o->dry_run)
			imp_say(
			    im, _("create a lot from line %ld\n"), im->line);
	} else if (!imp_fault(im, st))
		intake_problem(im, I_SKU, st);
}

static void
intake_row(struct imp *im, struct strmap *seen)
{
	struct exchange_lot_key k;
	char date[DATE_SIZE], best[DATE_SIZE], *grade;
	int ok;

	memset(&k, 0, sizeof k);
	ok = intake_keys(im, &k);
	ok &= imp_qty(im, I_QTY, 1, 0, &k.qty);
	ok &= imp_money(im, I_COST, 0, 0, &k.unit_cost);
	ok &= imp_date(im, I_DATE, 0, 0, date, sizeof date);
	ok &= imp_date(im, I_BEST, 0, 0, best, sizeof best);
	grade = imp_text(im, I_GRADE, 0, NULL);
	if (ok && k.qty == 0) {
		imp_problem(im, im->line, im->colname[I_QTY], "%s",
		    _("must be more than zero"));
		ok = 0;
	}
	if (ok) {
		if (*date == '\0')
			date_today(date, sizeof date);
		k.received_on = date;
		k.grade = grade;
		k.best_before = best;
		if (!intake_repeated(im, seen, &k))
			intake_write(im, &k);
	}
	free(grade);
}

void
imp_intake(struct imp *im, const char *path)
{
	struct strmap *seen;

	if (imp_open(im, path, intake_spec, I_N, 1) != ST_OK)
		return;
	seen = strmap_new();
	while (imp_next(im) > 0)
		intake_row(im, seen);
	strmap_free(seen);
}

enum { T_REF, T_COURIER, T_TRACKING, T_CHANNEL, T_N };

static const char *const a_ref[] = {
    "订单号", "订单编号", "用户订单号", "客户订单号", NULL};
static const char *const a_courier[] = {"快递公司", "物流公司", "快递", NULL};
static const char *const a_tracking[] = {
    "运单号", "快递单号", "物流单号", NULL};
static const char *const a_channel[] = {"渠道", "平台", "来源", NULL};

static const struct header_col tracking_spec[T_N] = {
    {"order_ref", a_ref, 1},
    {"courier", a_courier, 1},
    {"tracking_no", a_tracking, 1},
    {"channel", a_channel, 0},
};

/* Find the order of ref: a shop reference, or CS<id> for an order typed
 * in at the counter (as manifests write them).  0 after a problem. */
static long long
tracking_order(
    struct imp *im, const char *ref, const char *channel, char **status)
{
	long long id = 0;
	int n = 0;
	struct order *o = NULL;
	char *shown;
	enum status st =
	    exchange_order_find(im->db, ref, channel, &id, status, &n);

	if (st == ST_OK && n == 1)
		return id;
	if (imp_fault(im, st))
		return 0;
	if (n == 0 && strncmp(ref, "CS", 2) == 0 && ref[2] != '\0' &&
	    strspn(ref + 2, "0123456789") == strlen(ref + 2) &&
	    (st = order_get(im->db, atoll(ref + 2), &o)) == ST_OK &&
	    (o->ext_ref == NULL || *o->ext_ref == '\0')) {
		id = o->id;
		*status = xstrdup(o->status);
		order_free(o);
		return id;
	}
	order_free(o);
	if (imp_fault(im, st))
		return 0;
	shown = text_sanitize_str(ref);
	if (n > 1)
		imp_problem(im, im->line, im->colname[T_REF],
		    _("order %s is in more than one channel; add a channel "
		      "column"),
		    shown);
	else
		imp_problem(im, im->line, im->colname[T_REF],
		    _("there is no order %s"), shown);
	free(shown);
	return 0;
}

static void
tracking_row(struct imp *im)
{
	char *ref = imp_id(im, T_REF, 1),
	     *courier = imp_text(im, T_COURIER, 1, NULL);
	char *no = imp_id(im, T_TRACKING, 1),
	     *channel = imp_text(im, T_CHANNEL, 0, NULL);
	char *status = NULL;
	long long id;
	int found = 0;
	enum status st = ST_OK;

	if (ref == NULL || courier == NULL || no == NULL)
		goto out;
	id = tracking_order(im, ref, channel, &status);
	if (id == 0)
		goto out;
	if ((strcmp(status, "shipped") == 0 ||
		strcmp(status, "delivered") == 0) &&
	    (st = exchange_shipment_has(im->db, id, no, &found)) == ST_OK &&
	    found) {
		im->present++;
		if (im->o->dry_run)
			imp_say(
			    im, _("skip order %s (already shipped)\n"), ref);
		goto out;
	}
	if (imp_fault(im, st))
		goto out;
	st = order_ship(im->db, id, courier, no);
	if (st == ST_OK) {
		im->created++;
		if (im->o->dry_run)
			imp_say(
			    im, _("ship order %s (%s %s)\n"), ref, courier, no);
	} else if (!imp_fault(im, st))
		imp_problem(im, im->line, im->colname[T_REF], _("order %s: %s"),
		    ref,
		    *db_errmsg(im->db) ? db_errmsg(im->db)
				       : _(status_message(st)));
out:
	free(ref);
	free(courier);
	free(no);
	free(channel);
	free(status);
}

void
imp_tracking(struct imp *im, const char *path)
{
	if (imp_open(im, path, tracking_spec, T_N, 1) != ST_OK)
		return;
	while (imp_next(im) > 0)
		tracking_row(im);
}
