/*
 * imp_catalog.c - see imp_catalog.h.  A key seen twice in one file is a
 * problem (which row should win?), found with a map of the keys: its size
 * is bounded by the catalogue, not by the orders.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/member.h"
#include "model/product.h"
#include "sync/imp_catalog.h"
#include "sync/strmap.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/text.h"
#include "util/xalloc.h"

enum {
	P_SKU,
	P_NAME,
	P_NAME_EN,
	P_UNIT,
	P_PRICE,
	P_REORDER,
	P_CATEGORY,
	P_SHORT,
	P_N
};

static const char *const a_sku[] = {
    "商品编码", "商家编码", "编码", "货号", "SKU编码", NULL};
static const char *const a_pname[] = {"商品名称", "名称", "品名", "商品", NULL};
static const char *const a_name_en[] = {"英文名称", "英文名", NULL};
static const char *const a_unit[] = {"单位", "计量单位", NULL};
static const char *const a_price[] = {"单价", "价格", "售价", NULL};
static const char *const a_reorder[] = {"补货线", "补货点", "最低库存", NULL};
static const char *const a_category[] = {"类别", "分类", "品类", NULL};
static const char *const a_short[] = {"简码", "助记码", NULL};

static const struct header_col product_spec[P_N] = {
    {"sku", a_sku, 1},
    {"name", a_pname, 1},
    {"name_en", a_name_en, 0},
    {"unit", a_unit, 1},
    {"price", a_price, 1},
    {"reorder_level", a_reorder, 0},
    {"category", a_category, 0},
    {"short_code", a_short, 0},
};

enum { M_CODE, M_NAME, M_VILLAGE, M_PHONE, M_N };

static const char *const a_code[] = {
    "社员编号", "社员编码", "编号", "会员编号", NULL};
static const char *const a_mname[] = {"姓名", "社员姓名", "名字", NULL};
static const char *const a_village[] = {"村", "村庄", "所在村", "村组", NULL};
static const char *const a_phone[] = {
    "电话", "手机", "手机号", "联系电话", NULL};

static const struct header_col member_spec[M_N] = {
    {"code", a_code, 1},
    {"name", a_mname, 1},
    {"village", a_village, 0},
    {"phone", a_phone, 0},
};

/* Report a key seen before in this file; returns 1 if it was. */
static int
seen_before(struct imp *im, struct strmap *seen, int col, const char *key)
{
	int added;
	struct strmap_entry *e = strmap_get(seen, key, 1, &added);
	char *shown;

	if (added) {
		e->val = im->line;
		return 0;
	}
	shown = text_sanitize_str(key);
	imp_problem(im, im->line, im->colname[col],
	    _("'%s' is already on line %ld of this file"), shown, e->val);
	free(shown);
	return 1;
}

/* Take the optional text column c into *field unless the file lacks it. */
static void
take_text(struct imp *im, int c, char **field)
{
	if (!imp_has(im, c))
		return;
	free(*field);
	*field = imp_text(im, c, 0, NULL);
}

/* Append name to the list of changed fields. */
static void
changed(char *list, size_t n, const char *name)
{
	if (*list != '\0')
		strncat(list, ", ", n - strlen(list) - 1);
	strncat(list, name, n - strlen(list) - 1);
}

static int
differ(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") != 0;
}

/* Compare the stored product old with the row's p; list what differs. */
static void
product_diff(
    const struct product *old, const struct product *p, char *list, size_t n)
{
	*list = '\0';
	if (differ(old->name, p->name))
		changed(list, n, "name");
	if (differ(old->name_en, p->name_en))
		changed(list, n, "name_en");
	if (differ(old->unit, p->unit))
		changed(list, n, "unit");
	if (old->price != p->price)
		changed(list, n, "price");
	if (old->reorder_level != p->reorder_level)
		changed(list, n, "reorder_level");
	if (differ(old->category, p->category))
		changed(list, n, "category");
	if (differ(old->short_code, p->short_code))
		changed(list, n, "short_code");
}

/* Read the row into *p, starting from the stored product (or zeros). */
static int
product_read(struct imp *im, struct product *p)
{
	int ok = 1;
	char *s;

	if ((s = imp_text(im, P_NAME, 1, NULL)) != NULL) {
		free(p->name);
		p->name = s;
	} else
		ok = 0;
	if ((s = imp_text(im, P_UNIT, 1, NULL)) != NULL) {
		free(p->unit);
		p->unit = s;
	} else
		ok = 0;
	take_text(im, P_NAME_EN, &p->name_en);
	take_text(im, P_CATEGORY, &p->category);
	take_text(im, P_SHORT, &p->short_code);
	ok &= imp_money(im, P_PRICE, 1, 0, &p->price);
	ok &= imp_qty(im, P_REORDER, 0, p->reorder_level, &p->reorder_level);
	return ok;
}

/* *p gets its own copy of old's texts, to be changed by the row. */
static void
product_copy(const struct product *old, struct product *p)
{
	*p = *old;
	p->name = xstrdup(old->name);
	p->name_en = xstrdup(old->name_en);
	p->unit = xstrdup(old->unit);
	p->category = xstrdup(old->category);
	p->short_code = xstrdup(old->short_code);
	p->sku = xstrdup(old->sku);
	p->updated_at = p->updated_by = NULL;
}

/* Add p (old NULL) or update old to p when the row changed it; sku is
 * the row's, for the dry run's lines. */
static enum status
product_store(struct imp *im, const char *sku, const struct product *old,
    struct product *p)
{
	char list[128];
	enum status st;

	if (old == NULL) {
		st = product_add(im->db, p, NULL);
		if (st == ST_OK) {
			im->created++;
			if (im->o->dry_run)
				imp_say(im, _("create product %s\n"), sku);
		}
		return st;
	}
	product_diff(old, p, list, sizeof list);
	if (*list == '\0') {
		im->unchanged++;
		if (im->o->dry_run)
			imp_say(im, _("skip product %s (unchanged)\n"), sku);
		return ST_OK;
	}
	st = product_update(im->db, p);
	if (st == ST_OK) {
		im->updated++;
		if (im->o->dry_run)
			imp_say(im, _("update product %s (%s)\n"), sku, list);
	}
	return st;
}

static void
product_row(struct imp *im, struct strmap *seen)
{
	struct product old, p;
	char *sku = imp_id(im, P_SKU, 1);
	enum status st;
	int found;

	memset(&p, 0, sizeof p);
	memset(&old, 0, sizeof old);
	if (sku != NULL && seen_before(im, seen, P_SKU, sku)) {
		free(sku);
		sku = NULL;
	}
	st = sku != NULL ? product_get_by_sku(im->db, sku, &old) : ST_NOT_FOUND;
	if (imp_fault(im, st))
		goto out;
	found = st == ST_OK;
	if (found)
		product_copy(&old, &p);
	else if (sku != NULL)
		p.sku = xstrdup(sku);
	if (!product_read(im, &p) || sku == NULL)
		goto out;
	st = product_store(im, sku, found ? &old : NULL, &p);
	if (st != ST_OK && !imp_fault(im, st))
		imp_problem(im, im->line, im->colname[P_SKU], "%s",
		    *db_errmsg(im->db) ? db_errmsg(im->db)
				       : _(status_message(st)));
out:
	free(sku);
	product_clear(&p);
	product_clear(&old);
}

void
imp_products(struct imp *im, const char *path)
{
	struct strmap *seen;
	int r;

	if (imp_open(im, path, product_spec, P_N, 1) != ST_OK)
		return;
	seen = strmap_new();
	while ((r = imp_next(im)) > 0)
		product_row(im, seen);
	strmap_free(seen);
}

/* Compare the stored member old with the row's m; list what differs. */
static void
member_diff(
    const struct member *old, const struct member *m, char *list, size_t n)
{
	*list = '\0';
	if (differ(old->name, m->name))
		changed(list, n, "name");
	if (differ(old->village, m->village))
		changed(list, n, "village");
	if (differ(old->phone, m->phone))
		changed(list, n, "phone");
}

static void
member_row(struct imp *im, struct strmap *seen)
{
	struct member old, m;
	char list[64];
	char *code = imp_id(im, M_CODE, 1);
	enum status st = ST_OK;
	int found;

	memset(&m, 0, sizeof m);
	memset(&old, 0, sizeof old);
	if (code != NULL && seen_before(im, seen, M_CODE, code)) {
		free(code);
		code = NULL;
	}
	st = code != NULL ? member_get_by_code(im->db, code, &old)
			  : ST_NOT_FOUND;
	if (imp_fault(im, st))
		goto out;
	found = st == ST_OK;
	st = ST_OK;
	m.id = old.id;
	m.code = xstrdup(code != NULL ? code : "");
	m.village = xstrdup(found ? old.village : "");
	m.phone = xstrdup(found ? old.phone : "");
	m.name = imp_text(im, M_NAME, 1, NULL);
	take_text(im, M_VILLAGE, &m.village);
	if (imp_has(im, M_PHONE)) {
		free(m.phone);
		m.phone = imp_id(im, M_PHONE, 0);
	}
	if (code == NULL || m.name == NULL || m.phone == NULL)
		goto out;
	list[0] = '\0';
	if (found)
		member_diff(&old, &m, list, sizeof list);
	if (!found) {
		if ((st = member_add(im->db, &m, NULL)) == ST_OK) {
			im->created++;
			if (im->o->dry_run)
				imp_say(im, _("create member %s\n"), code);
		}
	} else if (*list == '\0') {
		im->unchanged++;
		if (im->o->dry_run)
			imp_say(im, _("skip member %s (unchanged)\n"), code);
	} else if ((st = member_update(im->db, &m)) == ST_OK) {
		im->updated++;
		if (im->o->dry_run)
			imp_say(im, _("update member %s (%s)\n"), code, list);
	}
	if (st != ST_OK && !imp_fault(im, st))
		imp_problem(im, im->line, im->colname[M_CODE], "%s",
		    *db_errmsg(im->db) ? db_errmsg(im->db)
				       : _(status_message(st)));
out:
	free(code);
	member_clear(&m);
	member_clear(&old);
}

void
imp_members(struct imp *im, const char *path)
{
	struct strmap *seen;
	int r;

	if (imp_open(im, path, member_spec, M_N, 1) != ST_OK)
		return;
	seen = strmap_new();
	while ((r = imp_next(im)) > 0)
		member_row(im, seen);
	strmap_free(seen);
}
