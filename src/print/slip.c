/*
 * slip.c - see slip.h.  A slip is read with order_get; the item lines
 * are a name field as wide as the paper allows, then the quantity with
 * its unit and the amount in fixed fields on the right.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/order.h"
#include "model/setting.h"
#include "model/wave.h"
#include "print/line.h"
#include "print/slip.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/text.h"
#include "util/xalloc.h"

#define QTY_COLS 11
#define AMOUNT_COLS 10

/* Write one item line: name, quantity and unit, amount. */
static void
item_line(
    FILE *f, int width, const char *name, const char *qty, const char *amount)
{
	char *n =
	    text_fit(name, width - QTY_COLS - AMOUNT_COLS - 2, TEXT_LEFT, 1);
	char *q = text_fit(qty, QTY_COLS, TEXT_RIGHT, 1);
	char *a = text_fit(amount, AMOUNT_COLS, TEXT_RIGHT, 1);
	char *line = xasprintf("%s %s %s", n, q, a);

	print_pair(f, width, line, NULL, 0);
	free(line);
	free(a);
	free(q);
	free(n);
}

static void
slip_head(
    struct db *db, const struct order *o, long long wave_id, int width, FILE *f)
{
	char *coop = setting_get(db, "coop_name", ""),
	     *phone = setting_get(db, "coop_phone", "");
	char *left, *right, when[17];

	print_rule(f, width, '=');
	if (coop[0] != '\0' || phone[0] != '\0')
		print_pair(f, width, coop, phone, text_width(phone));
	/* TRANSLATORS: "taobao, wave 3" on a packing slip */
	right = wave_id != 0
		    ? xasprintf(_("%s, wave %lld"), o->channel, wave_id)
		    : xstrdup(o->channel);
	print_pair(f, width, _("PACKING SLIP"), right, text_width(right));
	free(right);
	left = o->ext_ref[0] != '\0' ? xasprintf(_("Order %s"), o->ext_ref)
				     : xasprintf(_("Order CS%lld"), o->id);
	snprintf(when, sizeof when, "%s", o->ordered_at);
	print_pair(f, width, left, when, (int)strlen(when));
	free(left);
	left = xasprintf(_("To: %s"), o->customer_name);
	print_pair(f, width, left, o->customer_phone,
	    text_width(o->customer_phone) < 20 ? text_width(o->customer_phone)
					       : 20);
	free(left);
	if (o->customer_address[0] != '\0')
		print_wrap(f, width, "    ", o->customer_address);
	free(coop);
	free(phone);
}

enum status
slip_print(
    struct db *db, long long order_id, long long wave_id, int width, FILE *f)
{
	char q[NUM_FMT_SIZE], a[NUM_FMT_SIZE], *qu;
	struct order *o = NULL;
	enum status s;

	if (width < 32)
		return db_fail(db, ST_INVALID,
		    _("a packing slip needs at least 32 columns"));
	s = order_get(db, order_id, &o);
	if (s != ST_OK)
		return s;
	slip_head(db, o, wave_id, width, f);
	print_rule(f, width, '-');
	item_line(f, width, _("Item"), _("Qty"), _("Amount"));
	for (int i = 0; i < o->nlines; i++) {
		qty_format(o->lines[i].qty, q, sizeof q);
		qu = xasprintf("%s %s", q, o->lines[i].unit);
		item_line(f, width, o->lines[i].name, qu,
		    money_format_grouped(o->lines[i].total, a, sizeof a));
		free(qu);
	}
	print_rule(f, width, '-');
	print_pair(f, width, _("Total"),
	    money_format_grouped(o->total, a, sizeof a), AMOUNT_COLS);
	if (o->note[0] != '\0')
		print_wrap(f, width, _("Note: "), o->note);
	fputc('\n', f);
	order_free(o);
	return ST_OK;
}

struct wave_slips {
	struct db *db;
	long long id;
	int width, count;
	FILE *f;
	enum status s;
};

static int
slip_cb(long long order_id, void *arg)
{
	struct wave_slips *ws = arg;

	ws->s = slip_print(ws->db, order_id, ws->id, ws->width, ws->f);
	if (ws->s == ST_OK)
		ws->count++;
	return ws->s != ST_OK;
}

enum status
slip_print_wave(struct db *db, long long id, int width, FILE *f, int *count)
{
	struct wave_slips ws = {db, id, width, 0, f, ST_OK};
	enum status s;

	if (width < 32)
		return db_fail(db, ST_INVALID,
		    _("a packing slip needs at least 32 columns"));
	s = wave_orders(db, id, slip_cb, &ws);
	if (s == ST_OK)
		s = ws.s;
	if (count != NULL)
		*count = ws.count;
	return s;
}
