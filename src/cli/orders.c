/*
 * orders.c - `coopstock orders confirm --all [--channel C]`: confirm
 * every new order, oldest first, and list the ones the stock could not
 * fill.  The list goes to standard output (it is the work list for the
 * day); the exit status is 0 when every order was confirmed and 1, with
 * one line on standard error, when some were left new.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "model/batch.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/text.h"
#include "util/xalloc.h"

/* Print "order 12 (taobao 3736..., 许诺): DS-500 short by 2 bag; ..." */
static int
print_short(const struct batch_shortfall *sf, void *arg)
{
	char q[NUM_FMT_SIZE], *who, *safe;

	(void)arg;
	who = sf->ext_ref[0] != '\0'
		  ? xasprintf("%s %s, %s", sf->channel, sf->ext_ref,
			sf->customer_name)
		  : xasprintf("%s, %s", sf->channel, sf->customer_name);
	safe = text_sanitize_str(who);
	printf(_("order %lld (%s):"), sf->order_id, safe);
	free(safe);
	free(who);
	for (int i = 0; i < sf->nlines; i++) {
		safe = text_sanitize_str(sf->lines[i].sku);
		qty_format(sf->lines[i].qty, q, sizeof q);
		printf(i > 0 ? "; " : " ");
		/* TRANSLATORS: "HONEY-500 short by 3 jar" */
		printf(_("%s short by %s %s"), safe, q, sf->lines[i].unit);
		free(safe);
	}
	putchar('\n');
	return 0;
}

static int
orders_confirm(struct db *db, int argc, char **argv)
{
	const char *channel = NULL;
	struct batch_result r;
	int all = 0;
	enum status st;

	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--all") == 0)
			all = 1;
		else if (strcmp(argv[i], "--channel") == 0 && i + 1 >= argc)
			return cli_usage_error(_("--channel needs a channel"));
		else if (strcmp(argv[i], "--channel") == 0)
			channel = argv[++i];
		else
			return cli_usage_error(
			    _("orders confirm: unknown argument '%s'"),
			    argv[i]);
	}
	if (!all)
		return cli_usage_error(_("orders confirm needs --all"));
	st = order_confirm_batch(db, channel, print_short, NULL, &r);
	if (st != ST_OK)
		return cli_status_error(db, st);
	printf(P_("%d order confirmed\n", "%d orders confirmed\n",
		   (unsigned long)r.confirmed),
	    r.confirmed);
	if (r.short_ > 0)
		return cli_error(P_("%d order left new: not enough stock",
				     "%d orders left new: not enough stock",
				     (unsigned long)r.short_),
		    r.short_);
	return CLI_OK;
}

int
cmd_orders(struct db *db, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error(_("orders needs an action: confirm"));
	if (strcmp(argv[1], "confirm") == 0)
		return orders_confirm(db, argc, argv);
	return cli_usage_error(_("unknown orders action '%s'"), argv[1]);
}
