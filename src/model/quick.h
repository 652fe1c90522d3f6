/*
 * quick.h - the lines of a quick order, as a clerk types them during a
 * livestream: "ht 2, fm 1.5" or "ht 2 gly 1".
 *
 * The text is pairs of a product (short code or SKU, as
 * product_find_code finds it) and a quantity in the product's unit.
 * Pairs and their two halves are separated by spaces (ASCII or the
 * ideographic space), commas (',' '，' '、') or semicolons (';' '；').
 * A quantity may also be typed onto its code ("ht2", "fm1.5") when the
 * whole token is not itself a code or SKU.  The same product may come
 * twice; it makes two lines.
 */
#ifndef COOPSTOCK_QUICK_H
#define COOPSTOCK_QUICK_H

#include <stdint.h>

#include "db/db.h"
#include "model/order.h"

/* One parsed line: what order_create needs, and what the form shows. */
struct quick_line {
	struct order_line_in in; /* product_id, qty, unit_price = price */
	char *sku, *name, *unit;
	int64_t total; /* fen: price times qty, rounded */
};

/* A parsed text; the lines belong to the struct. */
struct quick_spec {
	struct quick_line *v;
	int n;
	int64_t total; /* fen, sum of the line totals */
};

/*
 * Parse text into *out (release with quick_spec_clear; zeroed on
 * failure).  Errors name the token at fault in db_errmsg():
 * ST_INVALID "nothing to order: type a code and a quantity, like ht 2"
 * for blank text, "'x' is not a quantity (after 'ht')", "'ht' needs a
 * quantity after it", "'0' is not above zero (after 'ht')";
 * ST_NOT_FOUND "'zz': no product has this code or SKU" and
 * "'ht': the product is no longer sold" for an inactive one.
 */
enum status quick_parse(
    struct db *db, const char *text, struct quick_spec *out);

/* Free the lines of q and zero it.  NULL is ok. */
void quick_spec_clear(struct quick_spec *q);

/* Return a new array of q->n order lines for order_in.lines (caller
 * frees; NULL when q->n is 0). */
struct order_line_in *quick_lines_in(const struct quick_spec *q);

/* A quick order as the form holds it. */
struct quick_order {
	const char *channel;                       /* NULL or "": "phone" */
	const char *phone, *name, *address, *note; /* NULL: "" */
	const char *lines;   /* the typed text, as for quick_parse */
	const char *courier; /* NULL or "": any (see wave_set_courier) */
};

/*
 * Parse q->lines and create the order (state new, now, the products'
 * current prices), remembering the customer by phone, in one
 * transaction (or a savepoint in the caller's).  *id receives it.
 * Errors as quick_parse and order_create; nothing is written then.
 */
enum status quick_order_create(
    struct db *db, const struct quick_order *q, long long *id);

#endif
