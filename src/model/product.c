/*
 * product.c - see product.h.
 *
 * Search (see search.h): a SKU prefix is matched with ranges, never LIKE,
 * and names with instr(), because FTS5's trigram tokenizer cannot find
 * the one- and two-character words Chinese product names are made of.
 * instr() alone is a scan (40-200 ms per 100,000 products), so the
 * candidates come from product_gram (011-product-gram.sql), which posts
 * each product under every character and character pair of its names
 * (and ASCII triples): a search is posted under its rarest gram, and
 * instr() stays the final filter, so results are exactly the scan's.
 *
 * A page is the merge of up to four arms, each read nearest the cursor
 * first and at most a page long, merged here by (key, id):
 *   - the names: when the search has a gram that is not ASCII (Chinese),
 *     its postings in product_gram_sku or _name are already in the
 *     list's order, so the page is an index range read in order, however
 *     many products have the gram and wherever they sort.  For ASCII
 *     grams (English names, SKU-like text) there is no ordered copy: a
 *     gram with fewer than GRAM_SPARSE postings has them fetched and
 *     sorted; a denser one walks the sort index (WALK_WINDOW rows at most,
 *     falling back to the postings when matches cluster elsewhere).  When
 *     the gram is the whole search (one or two characters, or three ASCII
 *     ones) its postings are exactly the matches: no instr(), and the
 *     walk reads only the sort index and probes the postings, so only
 *     matching rows are read (two-letter searches such as "ft" or "bl",
 *     which are common in English names, fell from 11-17 ms to 5-10);
 *   - the SKU ranges, as typed, upper and folded (repeats skipped),
 *     read from product_sku_keys (sku, active, name) alone.
 * What an arm reads of a product it has not yet chosen (its active flag
 * and sort keys) is in product_key (a table by id, 015-product-key.sql)
 * or product_sku_keys (an index by SKU), a third of the pages of the
 * rows; only a page's chosen rows are read in full.
 * A second gram (the next rarest) is checked in the postings before a
 * product row is read.  Counts read postings in no order and stop at the
 * caller's cap; the SKU count takes only products whose names do not
 * match, so the two sets are disjoint.
 *
 * Paging compares row values, (sku, id) > (?, ?), so SQLite walks the
 * index from the cursor.  Statements are cached by their text pointer, so
 * each variant is a literal in a table.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/product.h"
#include "model/search.h"
#include "model/txn.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

#define PRODUCT_COLS \
	"p.id, p.sku, p.name, p.name_en, coalesce(p.short_code, ''), " \
	"p.unit, p.price, p.reorder_level, p.category, p.active, " \
	"p.updated_at, p.updated_by"
#define PRODUCT_NCOLS 12

/* ?3 include_inactive, ?4 searching, ?5..?10 three SKU ranges, ?11 the
 * folded search text. */
#define PRODUCT_FILTER \
	"(?3 OR p.active = 1) AND (?4 = 0" \
	" OR p.sku >= ?5 AND p.sku < ?6" \
	" OR p.sku >= ?7 AND p.sku < ?8" \
	" OR p.sku >= ?9 AND p.sku < ?10" \
	" OR instr(lower(p.name), ?11) > 0" \
	" OR instr(lower(p.name_en), ?11) > 0)"

#define PRODUCT_PAGE(key, cmp, dir) \
	"SELECT " PRODUCT_COLS ", coalesce(s.on_hand, 0), " \
	"coalesce(s.reserved, 0) FROM product p " \
	"LEFT JOIN stock s ON s.product_id = p.id " \
	"WHERE (p." key ", p.id) " cmp " (?1, ?2) AND " PRODUCT_FILTER \
	" ORDER BY p." key " " dir ", p.id " dir " LIMIT ?12"

#define NAME_MATCH \
	"(instr(lower(p.name), ?11) > 0 OR instr(lower(p.name_en), ?11) > 0)"
#define STOCK_COLS ", coalesce(s.on_hand, 0), coalesce(s.reserved, 0) "
#define STOCK_JOIN "LEFT JOIN stock s ON s.product_id = p.id "
/* A product posted under gram ?13 is also posted under ?14 (NULL: no
 * second gram). */
#define ALSO_14(id) \
	"(?14 IS NULL OR EXISTS (SELECT 1 FROM product_gram h " \
	"WHERE h.gram = ?14 AND h.product_id = " id ")) "
/* The rows of the ids a subquery chose and ordered (only those are read
 * in full and joined with their stock). */
#define CHOSEN \
	"SELECT " PRODUCT_COLS STOCK_COLS "FROM (SELECT p.id AS id "
#define CHOSEN_END(key, dir) \
	" ORDER BY p." key " " dir ", p.id " dir " LIMIT ?12) AS c " \
	"CROSS JOIN product p ON p.id = c.id " STOCK_JOIN \
	"ORDER BY p." key " " dir ", p.id " dir

/* Name matches from the postings of a gram that is not ASCII, read in
 * the list's order (product_gram_sku or _name). */
#define ARM_SORTED(tab, key, cmp, dir) \
	"SELECT " PRODUCT_COLS STOCK_COLS "FROM " tab " g " \
	"CROSS JOIN product p ON p.id = g.product_id " STOCK_JOIN \
	"WHERE g.gram = ?13 AND (g." key ", g.product_id) " cmp " (?1, ?2) " \
	"AND " ALSO_14("g.product_id") "AND (?3 OR p.active = 1) AND " \
	NAME_MATCH " ORDER BY g." key " " dir ", g.product_id " dir \
	" LIMIT ?12"

/* Name matches from the postings of ASCII gram ?13 (and ?14), fetched
 * and sorted: for sparse grams.  ARM_POSTED_EXACT when the gram is the
 * whole search: its postings are the matches, no instr() needed, and
 * product_key (schema 15) holds all it reads of a product, by rowid: a
 * posting costs an integer seek in a table a third the size of
 * product's, where the row would cost a seek in all of it. */
#define KEYS "product_key p "
#define ROWS "product p "
#define ARM_POSTED_(key, cmp, dir, tab, match) \
	CHOSEN "FROM product_gram g " \
	"CROSS JOIN " tab "ON p.id = g.product_id " \
	"WHERE g.gram = ?13 AND " ALSO_14("g.product_id") \
	"AND (p." key ", p.id) " cmp " (?1, ?2) AND (?3 OR p.active = 1)" \
	match CHOSEN_END(key, dir)
#define ARM_POSTED(key, cmp, dir) \
	ARM_POSTED_(key, cmp, dir, ROWS, " AND " NAME_MATCH)
#define ARM_POSTED_EXACT(key, cmp, dir) ARM_POSTED_(key, cmp, dir, KEYS, "")

/* Name matches by walking the sort index, looking at ?15 rows at most:
 * for dense grams. */
#define ARM_WINDOW(key, cmp, dir) \
	"SELECT " PRODUCT_COLS STOCK_COLS "FROM (SELECT * FROM product q " \
	"WHERE (q." key ", q.id) " cmp " (?1, ?2) " \
	"ORDER BY q." key " " dir ", q.id " dir " LIMIT ?15) AS p " \
	STOCK_JOIN "WHERE (?3 OR p.active = 1) AND " NAME_MATCH \
	" ORDER BY p." key " " dir ", p.id " dir " LIMIT ?12"

/* The same walk for a gram that is the whole search: the sort index alone
 * (it covers key and id) gives ?15 ids, a probe of the postings keeps the
 * matches, and only those rows are read. */
#define ARM_WINDOW_EXACT(key, cmp, dir) \
	CHOSEN "FROM (SELECT q.id AS id, q." key " AS k FROM product q " \
	"WHERE (q." key ", q.id) " cmp " (?1, ?2) " \
	"ORDER BY q." key " " dir ", q.id " dir " LIMIT ?15) AS w " \
	"CROSS JOIN " KEYS "ON p.id = w.id " \
	"WHERE EXISTS (SELECT 1 FROM product_gram h WHERE h.gram = ?13 " \
	"AND h.product_id = w.id) AND " ALSO_14("w.id") \
	"AND (?3 OR p.active = 1)" CHOSEN_END(key, dir)

/* SKU prefix matches, range lo..hi (?5/?6, ?7/?8 or ?9/?10). */
#define ARM_SKU(lo, hi, key, cmp, dir) \
	CHOSEN "FROM product p WHERE p.sku >= " lo \
	" AND p.sku < " hi " AND (p." key ", p.id) " cmp " (?1, ?2) " \
	"AND (?3 OR p.active = 1)" CHOSEN_END(key, dir)

#define VARIANTS(M) \
	{ { M("sku", ">", "ASC"), M("sku", "<", "DESC") }, \
	  { M("name", ">", "ASC"), M("name", "<", "DESC") } }
#define SORTED_SKU(k, c, d) ARM_SORTED("product_gram_sku", k, c, d)
#define SORTED_NAME(k, c, d) ARM_SORTED("product_gram_name", k, c, d)
#define SKU_A(k, c, d) ARM_SKU("?5", "?6", k, c, d)
#define SKU_B(k, c, d) ARM_SKU("?7", "?8", k, c, d)
#define SKU_C(k, c, d) ARM_SKU("?9", "?10", k, c, d)

/* [sort][backward] */
static const char *const scan_sql[2][2] = VARIANTS(PRODUCT_PAGE);
static const char *const sorted_sql[2][2] = {
	{ SORTED_SKU("sku", ">", "ASC"), SORTED_SKU("sku", "<", "DESC") },
	{ SORTED_NAME("name", ">", "ASC"), SORTED_NAME("name", "<", "DESC") },
};
static const char *const posted_sql[2][2] = VARIANTS(ARM_POSTED);
static const char *const window_sql[2][2] = VARIANTS(ARM_WINDOW);
static const char *const posted_exact_sql[2][2] = VARIANTS(ARM_POSTED_EXACT);
static const char *const window_exact_sql[2][2] = VARIANTS(ARM_WINDOW_EXACT);
static const char *const sku_sql[3][2][2] = {
	VARIANTS(SKU_A), VARIANTS(SKU_B), VARIANTS(SKU_C) };

/* Counts up to ?12 (-1: all).  Without grams, a scan; with them, the
 * products posted under grams ?13 and ?14 whose names match, plus those
 * only a SKU range matches: two disjoint sets. */
static const char count_scan_sql[] =
    "SELECT count(*) FROM (SELECT 1 FROM product p WHERE " PRODUCT_FILTER
    " LIMIT ?12)";
/* Name matches counted from gram ?13's postings; the exact count (the
 * gram is the whole search) needs no instr(), as ARM_POSTED_EXACT. */
#define COUNT_POSTED(tab, match)                                             \
	"SELECT count(*) FROM (SELECT 1 FROM product_gram g "                \
	"CROSS JOIN " tab "ON p.id = g.product_id "                          \
	"WHERE g.gram = ?13 AND "                                            \
	ALSO_14("g.product_id") "AND (?3 OR p.active = 1)" match " LIMIT ?12)"
static const char count_name_sql[] = COUNT_POSTED(ROWS, " AND " NAME_MATCH);
static const char count_exact_sql[] = COUNT_POSTED(KEYS, "");
/* Products only a SKU range matches: those whose names do not; when no
 * name can match (a gram has no posting), the ranges alone, read from
 * product_sku_keys without the rows. */
#define COUNT_SKU(match)                                                     \
	"SELECT count(*) FROM (SELECT 1 FROM product p WHERE "               \
	"(?3 OR p.active = 1) AND ?4 AND (p.sku >= ?5 AND p.sku < ?6"        \
	" OR p.sku >= ?7 AND p.sku < ?8 OR p.sku >= ?9 AND p.sku < ?10)"     \
	match " LIMIT ?12)"
static const char count_sku_sql[] = COUNT_SKU(" AND NOT " NAME_MATCH);
static const char count_sku_only_sql[] = COUNT_SKU("");

/* Postings are counted up to this; a gram with as many is dense. */
#define GRAM_SPARSE 2000
/* Rows a walk looks at before it reads the postings instead. */
#define WALK_WINDOW 2000

void
product_clear(struct product *p)
{
	if (p == NULL)
		return;
	free(p->sku);
	free(p->name);
	free(p->name_en);
	free(p->short_code);
	free(p->unit);
	free(p->category);
	free(p->updated_at);
	free(p->updated_by);
	memset(p, 0, sizeof *p);
}

void
product_free(struct product *p)
{
	product_clear(p);
	free(p);
}

/* Fill *p from columns c.. of the current row (PRODUCT_COLS). */
static void
product_from_row(sqlite3_stmt *st, int c, struct product *p)
{
	p->id = sqlite3_column_int64(st, c);
	p->sku = db_column_dup(st, c + 1);
	p->name = db_column_dup(st, c + 2);
	p->name_en = db_column_dup(st, c + 3);
	p->short_code = db_column_dup(st, c + 4);
	p->unit = db_column_dup(st, c + 5);
	p->price = sqlite3_column_int64(st, c + 6);
	p->reorder_level = sqlite3_column_int64(st, c + 7);
	p->category = db_column_dup(st, c + 8);
	p->active = sqlite3_column_int(st, c + 9);
	p->updated_at = db_column_dup(st, c + 10);
	p->updated_by = db_column_dup(st, c + 11);
}

/* Step a statement returning at most one product. */
static enum status
get_one(struct db *db, sqlite3_stmt *st, struct product *out)
{
	int rc = sqlite3_step(st);
	enum status s;

	if (rc == SQLITE_ROW) {
		product_from_row(st, 0, out);
		s = ST_OK;
	} else if (rc == SQLITE_DONE)
		s = db_fail(db, ST_NOT_FOUND, _("no such product"));
	else
		s = db_status(db, rc);
	sqlite3_reset(st);
	return s;
}

enum status
product_get_by_id(struct db *db, long long id, struct product *out)
{
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT " PRODUCT_COLS " FROM product p WHERE p.id = ?1");

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return ST_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return get_one(db, st, out);
}

enum status
product_get_by_sku(struct db *db, const char *sku, struct product *out)
{
	sqlite3_stmt *st = db_prepare(db,
	    "SELECT " PRODUCT_COLS " FROM product p WHERE p.sku = ?1");

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return ST_ERROR;
	db_bind_text(st, 1, sku != NULL ? sku : "");
	return get_one(db, st, out);
}

enum status
product_find_code(struct db *db, const char *code, struct product *out)
{
	static const char *const sql[] = {
		"SELECT " PRODUCT_COLS " FROM product p WHERE p.sku = ?1",
		"SELECT " PRODUCT_COLS " FROM product p "
		"WHERE p.short_code = ?1 COLLATE NOCASE",
		"SELECT " PRODUCT_COLS " FROM product p "
		"WHERE p.sku = ?1 COLLATE NOCASE AND (SELECT count(*) FROM "
		"product q WHERE q.sku = ?1 COLLATE NOCASE) = 1",
	};
	char *c = text_trim(code);
	enum status s = ST_NOT_FOUND;

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < 3 && s == ST_NOT_FOUND && *c != '\0'; i++) {
		sqlite3_stmt *st = db_prepare(db, sql[i]);

		if (st == NULL) {
			s = ST_ERROR;
			break;
		}
		db_bind_text(st, 1, c);
		s = get_one(db, st, out);
	}
	if (s == ST_NOT_FOUND)
		db_fail(db, s, _("no product with SKU or short code %s"), c);
	free(c);
	return s;
}

/* Trimmed, owned copies of what the caller passed; ST_INVALID with the
 * detail when a rule is broken. */
static enum status
product_normalize(struct db *db, const struct product *in,
    struct product *out)
{
	memset(out, 0, sizeof *out);
	out->id = in->id;
	out->sku = text_trim(in->sku);
	out->name = text_trim(in->name);
	out->name_en = text_trim(in->name_en);
	out->short_code = text_trim(in->short_code);
	out->unit = text_trim(in->unit);
	out->category = text_trim(in->category);
	out->price = in->price;
	out->reorder_level = in->reorder_level;
	if (*out->sku == '\0')
		return db_fail(db, ST_INVALID, _("the SKU is empty"));
	if (*out->name == '\0')
		return db_fail(db, ST_INVALID, _("the name is empty"));
	if (*out->unit == '\0')
		return db_fail(db, ST_INVALID, _("the unit is empty"));
	if (out->price < 0)
		return db_fail(db, ST_INVALID, _("the price must not be negative"));
	if (out->reorder_level < 0)
		return db_fail(db, ST_INVALID,
		    _("the reorder level must not be negative"));
	return ST_OK;
}

/* ST_EXISTS (naming the clash) when another product than p->id already
 * has p's SKU or short code. */
static enum status
check_unique(struct db *db, const struct product *p)
{
	sqlite3_stmt *st;
	enum status s = ST_OK;
	int rc;

	st = db_prepare(db, "SELECT name FROM product WHERE sku = ?1 AND id <> ?2");
	if (st == NULL)
		return ST_ERROR;
	db_bind_text(st, 1, p->sku);
	sqlite3_bind_int64(st, 2, p->id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		s = db_fail(db, ST_EXISTS, _("SKU %s is already used by %s"),
		    p->sku, (const char *)sqlite3_column_text(st, 0));
	else if (rc != SQLITE_DONE)
		s = db_status(db, rc);
	sqlite3_reset(st);
	if (s != ST_OK || *p->short_code == '\0')
		return s;
	st = db_prepare(db, "SELECT sku, name FROM product "
	    "WHERE short_code = ?1 COLLATE NOCASE AND id <> ?2");
	if (st == NULL)
		return ST_ERROR;
	db_bind_text(st, 1, p->short_code);
	sqlite3_bind_int64(st, 2, p->id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		s = db_fail(db, ST_EXISTS,
		    _("short code %s is already used by %s (SKU %s)"),
		    p->short_code, (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 0));
	else if (rc != SQLITE_DONE)
		s = db_status(db, rc);
	sqlite3_reset(st);
	return s;
}

/* Bind the editable fields as ?1..?8 and the actor as ?9. */
static void
bind_fields(struct db *db, sqlite3_stmt *st, const struct product *p)
{
	db_bind_text(st, 1, p->sku);
	db_bind_text(st, 2, p->name);
	db_bind_text(st, 3, p->name_en);
	db_bind_text(st, 4, *p->short_code != '\0' ? p->short_code : NULL);
	db_bind_text(st, 5, p->unit);
	sqlite3_bind_int64(st, 6, p->price);
	sqlite3_bind_int64(st, 7, p->reorder_level);
	db_bind_text(st, 8, p->category);
	db_bind_text(st, 9, db_actor(db));
}

static enum status
step_done(struct db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return db_status(db, rc);
}

static enum status
add_in_txn(struct db *db, const struct product *p, long long *id)
{
	sqlite3_stmt *st;
	enum status s = check_unique(db, p);

	if (s != ST_OK)
		return s;
	st = db_prepare(db, "INSERT INTO product(sku, name, name_en, "
	    "short_code, unit, price, reorder_level, category, updated_by) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	if (st == NULL)
		return ST_ERROR;
	bind_fields(db, st, p);
	s = step_done(db, st);
	if (s == ST_OK && id != NULL)
		*id = sqlite3_last_insert_rowid(db_sqlite(db));
	return s;
}

enum status
product_add(struct db *db, const struct product *p, long long *id)
{
	struct product n;
	enum status s = product_normalize(db, p, &n);
	int nested;

	n.id = 0;
	if (s == ST_OK)
		s = txn_begin(db, &nested);
	if (s == ST_OK)
		s = txn_end(db, nested, add_in_txn(db, &n, id));
	product_clear(&n);
	return s;
}

static enum status
update_in_txn(struct db *db, const struct product *p)
{
	sqlite3_stmt *st;
	long long price;
	enum status s;

	st = db_prepare(db, "SELECT price FROM product WHERE id = ?1");
	if (st == NULL)
		return ST_ERROR;
	sqlite3_bind_int64(st, 1, p->id);
	s = db_query_int(db, st, -1, &price);
	if (s != ST_OK)
		return s;
	if (price < 0)
		return db_fail(db, ST_NOT_FOUND, _("no such product"));
	if (price != p->price && !db_actor_is_manager(db))
		return db_fail(db, ST_DENIED, _("only a manager may change a price"));
	s = check_unique(db, p);
	if (s != ST_OK)
		return s;
	st = db_prepare(db, "UPDATE product SET sku = ?1, name = ?2, "
	    "name_en = ?3, short_code = ?4, unit = ?5, price = ?6, "
	    "reorder_level = ?7, category = ?8, updated_by = ?9, "
	    "updated_at = datetime('now', 'localtime') WHERE id = ?10");
	if (st == NULL)
		return ST_ERROR;
	bind_fields(db, st, p);
	sqlite3_bind_int64(st, 10, p->id);
	return step_done(db, st);
}

enum status
product_update(struct db *db, const struct product *p)
{
	struct product n;
	enum status s = product_normalize(db, p, &n);
	int nested;

	if (s == ST_OK)
		s = txn_begin(db, &nested);
	if (s == ST_OK)
		s = txn_end(db, nested, update_in_txn(db, &n));
	product_clear(&n);
	return s;
}

static enum status
set_active_in_txn(struct db *db, long long id, int active)
{
	sqlite3_stmt *st = db_prepare(db, "UPDATE product SET active = ?2, "
	    "updated_by = ?3, updated_at = datetime('now', 'localtime') "
	    "WHERE id = ?1");
	enum status s;

	if (st == NULL)
		return ST_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, active != 0);
	db_bind_text(st, 3, db_actor(db));
	s = step_done(db, st);
	if (s == ST_OK && sqlite3_changes(db_sqlite(db)) != 1)
		s = db_fail(db, ST_NOT_FOUND, _("no such product"));
	return s;
}

enum status
product_set_active(struct db *db, long long id, int active)
{
	int nested;
	enum status s = txn_begin(db, &nested);

	if (s != ST_OK)
		return s;
	return txn_end(db, nested, set_active_in_txn(db, id, active));
}

void
product_cursor_copy(struct product_cursor *dst,
    const struct product_cursor *src)
{
	char *key = xstrdup(src->key != NULL ? src->key : "");

	free(dst->key);
	dst->sort = src->sort;
	dst->key = key;
	dst->id = src->id;
}

void
product_cursor_clear(struct product_cursor *c)
{
	if (c == NULL)
		return;
	free(c->key);
	memset(c, 0, sizeof *c);
}

/* Bind PRODUCT_FILTER's parameters ?3..?11. */
static int
bind_filter(sqlite3_stmt *st, const char *search, int include_inactive)
{
	int rc = sqlite3_bind_int(st, 3, include_inactive != 0);

	return rc == SQLITE_OK ? search_bind(st, 4, search) : rc;
}

/* How a search is answered (see the top of the file). */
struct plan {
	int scan;          /* no grams: the scan, scan_sql */
	int none;          /* a gram has no posting: no name matches */
	char *gram;        /* the rarest gram, or the rarest not ASCII */
	char *gram2;       /* the next rarest (or gram again) */
	int sorted;        /* gram is not ASCII: sorted_sql */
	int exact;         /* gram is the folded search: postings = matches */
	long long postings; /* gram's postings, up to GRAM_SPARSE */
	char *prefix[3];   /* the SKU prefixes, NULL when a repeat */
};

static void
plan_clear(struct plan *p)
{
	free(p->gram);
	free(p->gram2);
	for (int i = 0; i < 3; i++)
		free(p->prefix[i]);
	memset(p, 0, sizeof *p);
}

static int
is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* The three SKU prefixes search_bind binds: as typed, upper, folded. */
static void
plan_prefixes(struct plan *p, const char *search)
{
	char *raw = text_trim(search), *low = search_fold(search);
	char *up = xstrdup(low);

	for (char *c = up; *c != '\0'; c++)
		if (*c >= 'a' && *c <= 'z')
			*c = (char)(*c - 'a' + 'A');
	p->prefix[0] = raw;
	p->prefix[1] = strcmp(up, raw) != 0 ? up : (free(up), NULL);
	p->prefix[2] = strcmp(low, raw) != 0 &&
	    (p->prefix[1] == NULL || strcmp(low, up) != 0) ? low
	    : (free(low), NULL);
}

/* Index of the fewest postings among c[0..n-1], skipping skip and,
 * when cjk, ASCII grams; -1 for none. */
static int
fewest(char **g, const long long *c, int n, int skip, int cjk)
{
	int best = -1;

	for (int i = 0; i < n; i++)
		if (i != skip && (!cjk || !is_ascii(g[i])) &&
		    (best < 0 || c[i] < c[best]))
			best = i;
	return best;
}

/* Count each gram's postings (up to GRAM_SPARSE) and choose. */
static enum status
plan_make(struct db *db, const char *search, struct plan *p)
{
	sqlite3_stmt *st = NULL;
	char *low = search_fold(search), **g = NULL;
	int n = search_grams(low, &g), a, b;
	long long *c = xcalloc((size_t)n + 1, sizeof *c);
	enum status s = ST_OK;

	memset(p, 0, sizeof *p);
	p->scan = n == 0;
	plan_prefixes(p, search);
	if (n > 0 && (st = db_prepare(db, "SELECT count(*) FROM (SELECT 1 "
	    "FROM product_gram WHERE gram = ?1 LIMIT ?2)")) == NULL)
		s = ST_ERROR;
	for (int i = 0; i < n && s == ST_OK && !p->none; i++) {
		db_bind_text(st, 1, g[i]);
		sqlite3_bind_int(st, 2, GRAM_SPARSE);
		s = db_query_int(db, st, 0, &c[i]);
		p->none = c[i] == 0;
	}
	if (s == ST_OK && n > 0 && !p->none) {
		a = fewest(g, c, n, -1, 1);
		p->sorted = a >= 0;
		if (a < 0)
			a = fewest(g, c, n, -1, 0);
		b = fewest(g, c, n, a, 0);
		p->gram = xstrdup(g[a]);
		p->gram2 = xstrdup(g[b >= 0 ? b : a]);
		p->postings = c[a];
		p->exact = strcmp(g[a], low) == 0;
	}
	free(c);
	search_grams_free(g, n);
	free(low);
	return s;
}

/* Bind the filter, the cap or limit ?12 and the plan's grams. */
static int
bind_plan(sqlite3_stmt *st, const char *search, int include_inactive,
    long long n12, const struct plan *p)
{
	int rc = bind_filter(st, search, include_inactive);

	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int64(st, 12, n12);
	if (rc == SQLITE_OK && sqlite3_bind_parameter_count(st) >= 14) {
		rc = sqlite3_bind_text(st, 13, p->gram, -1, SQLITE_STATIC);
		if (rc == SQLITE_OK && p->gram2 != NULL &&
		    strcmp(p->gram2, p->gram) != 0)
			rc = sqlite3_bind_text(st, 14, p->gram2, -1,
			    SQLITE_STATIC);
		else if (rc == SQLITE_OK)
			rc = sqlite3_bind_null(st, 14);
	}
	if (rc == SQLITE_OK && sqlite3_bind_parameter_count(st) >= 15)
		rc = sqlite3_bind_int(st, 15, WALK_WINDOW);
	return rc;
}

/* Run count statement sql for search under plan p, up to cap. */
static enum status
count_run(struct db *db, const char *sql, const char *search,
    int include_inactive, const struct plan *p, long long cap, long long *n)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	int rc;

	if (st == NULL)
		return ST_ERROR;
	rc = bind_plan(st, search, include_inactive, cap, p);
	if (rc != SQLITE_OK)
		return db_status(db, rc);
	return db_query_int(db, st, 0, n);
}

enum status
product_count_upto(struct db *db, const char *search, int include_inactive,
    long long cap, long long *n)
{
	struct plan p;
	long long a = 0, b = 0;
	enum status s;

	*n = 0;
	if (cap < 0)
		cap = -1;
	s = plan_make(db, search, &p);
	if (s == ST_OK && p.scan)
		s = count_run(db, count_scan_sql, search, include_inactive, &p,
		    cap, &a);
	else if (s == ST_OK) {
		if (!p.none)
			s = count_run(db, p.exact ? count_exact_sql
			    : count_name_sql, search, include_inactive, &p, cap,
			    &a);
		if (s == ST_OK && (cap < 0 || a < cap))
			s = count_run(db, p.none ? count_sku_only_sql
			    : count_sku_sql, search,
			    include_inactive, &p, cap < 0 ? -1 : cap - a, &b);
	}
	plan_clear(&p);
	if (s == ST_OK)
		*n = a + b;
	return s;
}

enum status
product_count(struct db *db, const char *search, int include_inactive,
    long long *n)
{
	return product_count_upto(db, search, include_inactive, -1, n);
}

/* Bind the cursor (?1, ?2): for no cursor, a key below (forward) or above
 * (backward) every row's. */
static int
bind_cursor(sqlite3_stmt *st, const struct product_cursor *after,
    int backward)
{
	int rc;

	if (after != NULL) {
		rc = db_bind_text(st, 1, after->key != NULL ? after->key : "");
		if (rc == SQLITE_OK)
			rc = sqlite3_bind_int64(st, 2, after->id);
		return rc;
	}
	rc = backward ? sqlite3_bind_zeroblob(st, 1, 0) : db_bind_text(st, 1, "");
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int64(st, 2, 0);
	return rc;
}

static void
row_from_stmt(sqlite3_stmt *st, enum product_sort sort,
    struct product_row *r)
{
	product_from_row(st, 0, &r->p);
	r->on_hand = sqlite3_column_int64(st, PRODUCT_NCOLS);
	r->reserved = sqlite3_column_int64(st, PRODUCT_NCOLS + 1);
	r->available = r->on_hand - r->reserved;
	r->cursor.sort = sort;
	r->cursor.key = sort == PRODUCT_SORT_NAME ? r->p.name : r->p.sku;
	r->cursor.id = r->p.id;
}

/* Read up to limit rows into rows[] (nearest first, as the statement
 * gives them); *n receives how many. */
static enum status
collect(struct db *db, sqlite3_stmt *st, enum product_sort sort, int limit,
    struct product_row *rows, int *n)
{
	int rc = SQLITE_DONE;
	enum status s;

	*n = 0;
	while (*n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
		row_from_stmt(st, sort, &rows[(*n)++]);
	if (*n == limit)
		rc = SQLITE_DONE;
	s = db_status(db, rc);
	sqlite3_reset(st);
	return s;
}

/* Run one arm: statement sql, rows nearest first into rows[]. */
static enum status
arm_run(struct db *db, const char *sql, const char *search,
    enum product_sort sort, int include_inactive,
    const struct product_cursor *after, int backward, int limit,
    const struct plan *p, struct product_row *rows, int *n)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	int rc;

	*n = 0;
	if (st == NULL)
		return ST_ERROR;
	rc = bind_cursor(st, after, backward);
	if (rc == SQLITE_OK)
		rc = bind_plan(st, search, include_inactive, limit, p);
	if (rc != SQLITE_OK)
		return db_status(db, rc);
	return collect(db, st, sort, limit, rows, n);
}

/* The name arm: sorted postings, or a window walk that falls back to
 * fetching the postings when it does not fill the page. */
static enum status
arm_name(struct db *db, const char *search, enum product_sort sort,
    int include_inactive, const struct product_cursor *after, int backward,
    int limit, const struct plan *p, struct product_row *rows, int *n)
{
	int b = backward != 0;
	enum status s;

	const char *posted = p->exact ? posted_exact_sql[sort][b]
	    : posted_sql[sort][b];

	if (p->sorted)
		return arm_run(db, sorted_sql[sort][b], search, sort,
		    include_inactive, after, backward, limit, p, rows, n);
	if (p->postings < GRAM_SPARSE)
		return arm_run(db, posted, search, sort, include_inactive,
		    after, backward, limit, p, rows, n);
	s = arm_run(db, p->exact ? window_exact_sql[sort][b]
	    : window_sql[sort][b], search, sort, include_inactive, after,
	    backward, limit, p, rows, n);
	if (s != ST_OK || *n == limit)
		return s;
	for (int i = 0; i < *n; i++)
		product_clear(&rows[i].p);
	return arm_run(db, posted, search, sort, include_inactive, after,
	    backward, limit, p, rows, n);
}

/* Is row a nearer than b in the walk's direction? */
static int
nearer(const struct product_row *a, const struct product_row *b,
    int backward)
{
	int c = strcmp(a->cursor.key, b->cursor.key);

	if (c == 0)
		c = (a->cursor.id > b->cursor.id) - (a->cursor.id < b->cursor.id);
	return backward ? c > 0 : c < 0;
}

/* Merge the arms' rows (each nearest first) into out, nearest first,
 * each product once, at most limit; the rest are freed. */
static int
merge(struct product_row *arm[], const int *na, int narms, int limit,
    int backward, struct product_row *out)
{
	int pos[4] = { 0 }, n = 0;

	for (;;) {
		int best = -1;

		for (int k = 0; k < narms; k++)
			if (pos[k] < na[k] && (best < 0 ||
			    nearer(&arm[k][pos[k]], &arm[best][pos[best]],
			    backward)))
				best = k;
		if (best < 0)
			break;
		if (n < limit && (n == 0 ||
		    out[n - 1].p.id != arm[best][pos[best]].p.id))
			out[n++] = arm[best][pos[best]];
		else
			product_clear(&arm[best][pos[best]].p);
		pos[best]++;
	}
	/* out[] holds the strings now; cursors point into them still */
	return n;
}

/* Fill rows[] (*n of them, nearest first) for a search. */
static enum status
page_rows(struct db *db, const char *search, enum product_sort sort,
    int include_inactive, const struct product_cursor *after, int backward,
    int limit, struct product_row *rows, int *n)
{
	struct product_row *arm[4] = { NULL };
	int na[4] = { 0 }, b = backward != 0;
	struct plan p;
	enum status s = plan_make(db, search, &p);

	*n = 0;
	if (s == ST_OK && p.scan)
		s = arm_run(db, scan_sql[sort][b], search, sort,
		    include_inactive, after, backward, limit, &p, rows, n);
	if (s != ST_OK || p.scan) {
		plan_clear(&p);
		return s;
	}
	for (int k = 0; k < 4; k++)
		arm[k] = xcalloc((size_t)limit, sizeof *arm[k]);
	if (!p.none)
		s = arm_name(db, search, sort, include_inactive, after, backward,
		    limit, &p, arm[0], &na[0]);
	for (int k = 0; k < 3 && s == ST_OK; k++)
		if (p.prefix[k] != NULL)
			s = arm_run(db, sku_sql[k][sort][b], search, sort,
			    include_inactive, after, backward, limit, &p,
			    arm[k + 1], &na[k + 1]);
	if (s == ST_OK)
		*n = merge(arm, na, 4, limit, backward, rows);
	else
		for (int k = 0; k < 4; k++)
			for (int i = 0; i < na[k]; i++)
				product_clear(&arm[k][i].p);
	for (int k = 0; k < 4; k++)
		free(arm[k]);
	plan_clear(&p);
	return s;
}

enum status
product_page(struct db *db, const char *search, enum product_sort sort,
    int include_inactive, const struct product_cursor *after, int backward,
    int limit, int (*fn)(const struct product_row *row, void *arg),
    void *arg)
{
	struct product_row *rows;
	enum status s;
	int n = 0, stop = 0;

	if (limit < 1 || (sort != PRODUCT_SORT_SKU && sort != PRODUCT_SORT_NAME))
		return db_fail(db, ST_INVALID, "product_page: bad limit or sort");
	if (after != NULL && after->sort != sort)
		return db_fail(db, ST_INVALID,
		    "product_page: the cursor is from another sort");
	rows = xcalloc((size_t)limit, sizeof *rows);
	s = page_rows(db, search, sort, include_inactive, after, backward,
	    limit, rows, &n);
	for (int k = 0; k < n; k++) {
		int i = backward ? n - 1 - k : k;

		if (!stop && s == ST_OK)
			stop = fn(&rows[i], arg);
		product_clear(&rows[i].p);
	}
	free(rows);
	return s;
}
