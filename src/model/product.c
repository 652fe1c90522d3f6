/*
 * product.c - see product.h.
 *
 * Search (see search.h): a SKU prefix is matched with ranges, never LIKE,
 * and names with instr(), because FTS5's trigram tokenizer cannot find
 * the one- and two-character words Chinese product names are made of.
 * instr() alone is a scan (25-70 ms per 100,000 products), so the
 * candidates come from product_gram (011-product-gram.sql), which posts
 * each product under every character and character pair of its names:
 * a search is posted under its rarest pair (one character: itself), and
 * instr() stays the final filter, so results are exactly the scan's.
 *
 * A page is answered one of two ways, by how many products the rarest
 * gram has (counted up to GRAM_SPARSE, an index range):
 *   - few: read those postings (and the SKU ranges), fetch the products
 *     and keep the first page in sort order; the cost grows with the
 *     postings, which are few;
 *   - many: walk the sort index from the cursor as without a search,
 *     filtering; matches are dense, so a page fills in a few hundred
 *     rows.  The walk looks at WALK_WINDOW rows at most: when the matches
 *     are dense but clustered elsewhere in the sort order (every honey
 *     SKU starts with FM), it gives up and reads the postings after all.
 * Counts read postings in no order and stop at the caller's cap.
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

/* The walk, looking at ?13 rows from the cursor at most. */
#define PRODUCT_WINDOW(key, cmp, dir) \
	"SELECT " PRODUCT_COLS ", coalesce(s.on_hand, 0), " \
	"coalesce(s.reserved, 0) FROM (SELECT * FROM product q " \
	"WHERE (q." key ", q.id) " cmp " (?1, ?2) " \
	"ORDER BY q." key " " dir ", q.id " dir " LIMIT ?13) AS p " \
	"LEFT JOIN stock s ON s.product_id = p.id WHERE " PRODUCT_FILTER \
	" ORDER BY p." key " " dir ", p.id " dir " LIMIT ?12"

/* The candidates: the postings of gram ?13 and the three SKU ranges. */
#define PRODUCT_CANDIDATES \
	"(SELECT product_id AS id FROM product_gram WHERE gram = ?13" \
	" UNION SELECT id FROM product WHERE sku >= ?5 AND sku < ?6" \
	" UNION SELECT id FROM product WHERE sku >= ?7 AND sku < ?8" \
	" UNION SELECT id FROM product WHERE sku >= ?9 AND sku < ?10) AS c"

/* CROSS JOIN makes the candidates the outer loop. */
#define PRODUCT_POSTED(key, cmp, dir) \
	"SELECT " PRODUCT_COLS ", coalesce(s.on_hand, 0), " \
	"coalesce(s.reserved, 0) FROM " PRODUCT_CANDIDATES \
	" CROSS JOIN product p ON p.id = c.id " \
	"LEFT JOIN stock s ON s.product_id = p.id " \
	"WHERE (p." key ", p.id) " cmp " (?1, ?2) AND " PRODUCT_FILTER \
	" ORDER BY p." key " " dir ", p.id " dir " LIMIT ?12"

enum plan_kind { PLAN_SCAN, PLAN_POSTED, PLAN_WINDOW };

/* [kind][sort][backward] */
static const char *const page_sql[3][2][2] = {
	{ { PRODUCT_PAGE("sku", ">", "ASC"), PRODUCT_PAGE("sku", "<", "DESC") },
	  { PRODUCT_PAGE("name", ">", "ASC"),
	    PRODUCT_PAGE("name", "<", "DESC") } },
	{ { PRODUCT_POSTED("sku", ">", "ASC"),
	    PRODUCT_POSTED("sku", "<", "DESC") },
	  { PRODUCT_POSTED("name", ">", "ASC"),
	    PRODUCT_POSTED("name", "<", "DESC") } },
	{ { PRODUCT_WINDOW("sku", ">", "ASC"),
	    PRODUCT_WINDOW("sku", "<", "DESC") },
	  { PRODUCT_WINDOW("name", ">", "ASC"),
	    PRODUCT_WINDOW("name", "<", "DESC") } },
};

#define NAME_MATCH \
	"(instr(lower(p.name), ?11) > 0 OR instr(lower(p.name_en), ?11) > 0)"

/* Counts up to ?12 (-1: all).  Without grams, a scan; with them, the
 * products posted under gram ?13 whose names match, plus those only a
 * SKU range matches: two disjoint sets. */
static const char count_scan_sql[] =
    "SELECT count(*) FROM (SELECT 1 FROM product p WHERE " PRODUCT_FILTER
    " LIMIT ?12)";
static const char count_name_sql[] =
    "SELECT count(*) FROM (SELECT 1 FROM product_gram g "
    "CROSS JOIN product p ON p.id = g.product_id WHERE g.gram = ?13 AND "
    "(?3 OR p.active = 1) AND " NAME_MATCH " LIMIT ?12)";
static const char count_sku_sql[] =
    "SELECT count(*) FROM (SELECT 1 FROM product p WHERE "
    "(?3 OR p.active = 1) AND ?4 AND (p.sku >= ?5 AND p.sku < ?6"
    " OR p.sku >= ?7 AND p.sku < ?8 OR p.sku >= ?9 AND p.sku < ?10)"
    " AND NOT " NAME_MATCH " LIMIT ?12)";

/* A gram with this many postings or more is dense (see the top). */
#define GRAM_SPARSE 2000
/* Rows a walk looks at before it reads the postings instead. */
#define WALK_WINDOW 3000

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

/* How to answer search: *gram (owned; NULL when some gram of the
 * search has no posting, so no name can match) is its rarest gram and
 * *postings its posting count, up to GRAM_SPARSE.  PLAN_SCAN for no
 * search or no grams. */
static enum status
plan_choose(struct db *db, const char *search, enum plan_kind *kind,
    char **gram, long long *postings)
{
	sqlite3_stmt *st = NULL;
	char *low = search_fold(search), **g = NULL;
	int n = search_grams(low, &g);
	enum status s = ST_OK;

	*kind = n > 0 ? PLAN_POSTED : PLAN_SCAN;
	*gram = NULL;
	*postings = GRAM_SPARSE;
	if (n > 0)
		st = db_prepare(db, "SELECT count(*) FROM (SELECT 1 FROM "
		    "product_gram WHERE gram = ?1 LIMIT ?2)");
	if (n > 0 && st == NULL)
		s = ST_ERROR;
	for (int i = 0; i < n && s == ST_OK && *postings > 0; i++) {
		long long c;

		db_bind_text(st, 1, g[i]);
		sqlite3_bind_int(st, 2, GRAM_SPARSE);
		s = db_query_int(db, st, 0, &c);
		if (s == ST_OK && (*gram == NULL || c < *postings)) {
			free(*gram);
			*gram = xstrdup(g[i]);
			*postings = c;
		}
	}
	if (s == ST_OK && *postings == 0) {
		free(*gram);
		*gram = NULL;
	}
	if (s == ST_OK && n > 0 && *postings >= GRAM_SPARSE)
		*kind = PLAN_WINDOW;
	search_grams_free(g, n);
	free(low);
	return s;
}

/* Run count statement sql with the filter, gram and cap bound. */
static enum status
count_run(struct db *db, const char *sql, const char *search,
    int include_inactive, const char *gram, long long cap, long long *n)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	int rc;

	if (st == NULL)
		return ST_ERROR;
	rc = bind_filter(st, search, include_inactive);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int64(st, 12, cap);
	if (rc == SQLITE_OK && sql == count_name_sql)
		rc = db_bind_text(st, 13, gram);
	if (rc != SQLITE_OK)
		return db_status(db, rc);
	return db_query_int(db, st, 0, n);
}

enum status
product_count_upto(struct db *db, const char *search, int include_inactive,
    long long cap, long long *n)
{
	enum plan_kind kind;
	char *gram;
	long long postings, a = 0, b = 0;
	enum status s;

	*n = 0;
	if (cap < 0)
		cap = -1;
	s = plan_choose(db, search, &kind, &gram, &postings);
	if (s == ST_OK && kind == PLAN_SCAN)
		s = count_run(db, count_scan_sql, search, include_inactive, NULL,
		    cap, &a);
	else if (s == ST_OK) {
		if (gram != NULL)
			s = count_run(db, count_name_sql, search,
			    include_inactive, gram, cap, &a);
		if (s == ST_OK && (cap < 0 || a < cap))
			s = count_run(db, count_sku_sql, search,
			    include_inactive, NULL, cap < 0 ? -1 : cap - a, &b);
	}
	free(gram);
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

/* Prepare and bind the page statement of kind (?13: the gram for
 * PLAN_POSTED, the window for PLAN_WINDOW). */
static sqlite3_stmt *
page_stmt(struct db *db, enum plan_kind kind, const char *search,
    enum product_sort sort, int include_inactive,
    const struct product_cursor *after, int backward, int limit,
    const char *gram, int *rc)
{
	sqlite3_stmt *st = db_prepare(db, page_sql[kind][sort][backward != 0]);

	if (st == NULL) {
		*rc = SQLITE_ERROR;
		return NULL;
	}
	*rc = bind_cursor(st, after, backward);
	if (*rc == SQLITE_OK)
		*rc = bind_filter(st, search, include_inactive);
	if (*rc == SQLITE_OK)
		*rc = sqlite3_bind_int(st, 12, limit);
	if (*rc == SQLITE_OK && kind == PLAN_POSTED)
		*rc = db_bind_text(st, 13, gram);
	if (*rc == SQLITE_OK && kind == PLAN_WINDOW)
		*rc = sqlite3_bind_int(st, 13, WALK_WINDOW);
	return st;
}

/* Fill rows[] (*n of them) by the plan; a window that does not fill the
 * page is retried from the postings. */
static enum status
page_rows(struct db *db, const char *search, enum product_sort sort,
    int include_inactive, const struct product_cursor *after, int backward,
    int limit, struct product_row *rows, int *n)
{
	enum plan_kind kind;
	char *gram;
	long long postings;
	enum status s = plan_choose(db, search, &kind, &gram, &postings);
	sqlite3_stmt *st;
	int rc;

	for (int pass = 0; s == ST_OK && pass < 2; pass++) {
		st = page_stmt(db, kind, search, sort, include_inactive, after,
		    backward, limit, gram, &rc);
		if (st == NULL)
			s = ST_ERROR;
		else if (rc != SQLITE_OK)
			s = db_status(db, rc);
		else
			s = collect(db, st, sort, limit, rows, n);
		if (s != ST_OK || kind != PLAN_WINDOW || *n == limit)
			break;
		for (int i = 0; i < *n; i++)
			product_clear(&rows[i].p);
		kind = PLAN_POSTED;
	}
	free(gram);
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
