/*
 * member.h - the cooperative's members: the farmers who bring produce in
 * and are paid for it (see payment.h).
 *
 * A member has a code (unique, kept as typed but for surrounding spaces),
 * a name, a village and a phone.  Members are never deleted, only made
 * inactive, because lots and payments refer to them.  Lists are read a
 * page at a time with keyset paging, like products (see product.h).
 * Write functions run in their own transaction (or a savepoint inside the
 * caller's) and return ST_OK or a status with the detail in db_errmsg();
 * on failure nothing was written.
 */
#ifndef COOPSTOCK_MEMBER_H
#define COOPSTOCK_MEMBER_H

#include "db/db.h"

/* One member.  Strings are owned once a get function has filled the
 * struct (release with member_clear); member_add/update only read them.
 * NULL village or phone count as "". */
struct member {
	long long id;
	char *code;
	char *name;
	char *village;
	char *phone;
	int active;
};

/* Free the strings of m and zero it (m itself is not freed).  NULL ok. */
void member_clear(struct member *m);
/* member_clear then free(m), for a struct from xmalloc.  NULL ok. */
void member_free(struct member *m);

/*
 * Add a member from m's code, name, village and phone (trimmed; id and
 * active are ignored: a new member is active).  ST_INVALID for an empty
 * code or name, ST_EXISTS (naming the holder) for a code in use.  *id (if
 * not NULL) receives the new id.
 */
enum status member_add(struct db *db, const struct member *m, long long *id);

/*
 * Replace code, name, village and phone of member m->id (as member_add;
 * active is left alone) and stamp updated_at and updated_by.
 * ST_NOT_FOUND for no such member.
 */
enum status member_update(struct db *db, const struct member *m);

/* Make member id active (1) or inactive (0).  ST_NOT_FOUND. */
enum status member_set_active(struct db *db, long long id, int active);

/* Fill *out (release with member_clear) with member id; ST_NOT_FOUND
 * leaves *out zeroed. */
enum status member_get_by_id(struct db *db, long long id, struct member *out);
/* As member_get_by_id, by exact code (surrounding spaces ignored). */
enum status member_get_by_code(struct db *db, const char *code,
    struct member *out);

enum member_sort {
	MEMBER_SORT_CODE,
	MEMBER_SORT_NAME
};

/* Where a page starts; as struct product_cursor. */
struct member_cursor {
	enum member_sort sort;
	char *key;
	long long id;
};

/* Make *dst a copy of *src (dst zeroed or from an earlier copy). */
void member_cursor_copy(struct member_cursor *dst,
    const struct member_cursor *src);
/* Free c's key and zero it.  NULL ok. */
void member_cursor_clear(struct member_cursor *c);

/* One row of a list, as member_page passes it: valid during the call. */
struct member_row {
	struct member m;
	struct member_cursor cursor;
};

/*
 * Call fn for up to limit (>= 1) members in ascending order of sort (code,
 * or name then id), matching search and, unless include_inactive, active.
 * search (NULL or blank: everything) matches when, trimmed, it is a prefix
 * of the code as typed, in ASCII upper or lower case, or a substring of
 * the name or the village ignoring ASCII case.  after and backward work
 * as in product_page(); rows always come in ascending order.  A nonzero
 * return from fn stops the walk (still ST_OK).
 */
enum status member_page(struct db *db, const char *search,
    enum member_sort sort, int include_inactive,
    const struct member_cursor *after, int backward, int limit,
    int (*fn)(const struct member_row *row, void *arg), void *arg);

/* Set *n to the number of members member_page would walk in all. */
enum status member_count(struct db *db, const char *search,
    int include_inactive, long long *n);

#endif
