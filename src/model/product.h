/*
 * product.h - the catalogue: what the cooperative sells.
 *
 * A product has a SKU (unique, kept as typed but for surrounding spaces,
 * so "007" stays "007"), a name (Chinese, say) and an optional English
 * name, an optional short code for quick order entry (unique ignoring
 * ASCII case), a unit, a price in fen per unit and a reorder level in
 * thousandths of the unit.  Anyone may add products and edit them, but
 * changing a price is for a manager.  Products are never deleted, only
 * made inactive, because lots, moves and orders refer to them.
 *
 * Lists are read a page at a time with keyset paging (product_page): the
 * caller keeps the cursor of the first and last row it shows and asks for
 * the rows after or before it, so a page costs the same at the end of
 * 100,000 products as at the start, and memory does not grow.
 *
 * Write functions run in their own transaction (or a savepoint inside the
 * caller's) and return ST_OK or a status with the detail in db_errmsg();
 * on failure nothing was written.
 */
#ifndef COOPSTOCK_PRODUCT_H
#define COOPSTOCK_PRODUCT_H

#include <stdint.h>

#include "db/db.h"

/* One product.  The strings are owned by the struct once a get function
 * has filled it (release them with product_clear); for product_add and
 * product_update they are only read.  NULL optional strings count as "". */
struct product {
	long long id;
	char *sku;
	char *name;
	char *name_en;       /* "" when none */
	char *short_code;    /* "" when none */
	char *unit;          /* kg, jin, jar, bag, ... */
	int64_t price;       /* fen per unit, >= 0 */
	int64_t reorder_level; /* thousandths of the unit, >= 0 */
	char *category;      /* "" when none */
	int active;          /* 1 or 0 */
	char *updated_at;    /* read only: "YYYY-MM-DD HH:MM:SS" */
	char *updated_by;    /* read only: who changed it last */
};

/* Free the strings of p and zero it (p itself is not freed).  NULL ok. */
void product_clear(struct product *p);
/* product_clear then free(p), for a struct from xmalloc.  NULL ok. */
void product_free(struct product *p);

/*
 * Add a product from p's sku, name, name_en, short_code, unit, price,
 * reorder_level and category (id, active and the stamps are ignored; a
 * new product is active).  Text is trimmed of surrounding spaces.
 * ST_INVALID when the SKU, name or unit is empty or a number is negative;
 * ST_EXISTS when the SKU or the short code is already used, with the
 * detail naming it.  *id (if not NULL) receives the new id.
 */
enum status product_add(struct db *db, const struct product *p,
    long long *id);

/*
 * Replace the editable fields of product p->id with p's (as product_add;
 * active is left alone, see product_set_active) and stamp updated_at and
 * updated_by.  A different price needs the manager role (ST_DENIED);
 * ST_NOT_FOUND for no such product; otherwise as product_add.
 */
enum status product_update(struct db *db, const struct product *p);

/* Make product id active (1) or inactive (0).  ST_NOT_FOUND. */
enum status product_set_active(struct db *db, long long id, int active);

/*
 * Fill *out (which the caller later passes to product_clear) with product
 * id.  ST_NOT_FOUND when there is none; *out is zeroed then.
 */
enum status product_get_by_id(struct db *db, long long id,
    struct product *out);
/* As product_get_by_id, by exact SKU. */
enum status product_get_by_sku(struct db *db, const char *sku,
    struct product *out);

/*
 * Find what a clerk typed at order entry: an exact SKU, else a short code
 * in any ASCII case, else a SKU in any ASCII case when only one product
 * has it.  Surrounding spaces are ignored.  Inactive products are found
 * too (check out->active).  As product_get_by_id otherwise.
 */
enum status product_find_code(struct db *db, const char *code,
    struct product *out);

enum product_sort {
	PRODUCT_SORT_SKU,
	PRODUCT_SORT_NAME
};

/*
 * Where a page starts: the sort key (the SKU or the name) and id of a row.
 * A row's cursor (in product_row) is borrowed; keep one with
 * product_cursor_copy and release it with product_cursor_clear.
 */
struct product_cursor {
	enum product_sort sort;
	char *key;
	long long id;
};

/* Make *dst a copy of *src (dst's old key is freed; dst must be zeroed or
 * a cursor from an earlier copy). */
void product_cursor_copy(struct product_cursor *dst,
    const struct product_cursor *src);
/* Free c's key and zero it.  NULL ok. */
void product_cursor_clear(struct product_cursor *c);

/* One row of a list, as product_page passes it: valid during the call. */
struct product_row {
	struct product p;
	int64_t on_hand;     /* thousandths, from the stock table */
	int64_t reserved;
	int64_t available;   /* on_hand - reserved */
	struct product_cursor cursor;
};

/*
 * Call fn for up to limit (>= 1) products, in ascending order of sort
 * (SKU, or name then id), matching search and, unless include_inactive,
 * active.
 *
 * search (NULL or blank: everything) matches when, after trimming, it is
 * a prefix of the SKU as typed, in ASCII upper case or in ASCII lower
 * case, or a substring of the name or English name ignoring ASCII case
 * (full-width letters and digits typed by an IME count as ASCII).  Any
 * Chinese substring matches, one character included.
 *
 * after NULL starts at the first row (backward: the last limit rows);
 * otherwise the page holds the rows after *after (backward: the limit rows
 * just before it), still delivered in ascending order.  The cursor must
 * come from the same sort (ST_INVALID otherwise).  A nonzero return from
 * fn stops the walk (still ST_OK).
 */
enum status product_page(struct db *db, const char *search,
    enum product_sort sort, int include_inactive,
    const struct product_cursor *after, int backward, int limit,
    int (*fn)(const struct product_row *row, void *arg), void *arg);

/* Set *n to the number of products product_page would walk in all. */
enum status product_count(struct db *db, const char *search,
    int include_inactive, long long *n);

/*
 * As product_count, but stop counting at cap (< 0: no cap): *n == cap
 * means "cap or more".  A list that shows "1000+" while the clerk types
 * costs a bounded time per key, where an exact count of a common
 * character reads every product that has it.
 */
enum status product_count_upto(struct db *db, const char *search,
    int include_inactive, long long cap, long long *n);

#endif
