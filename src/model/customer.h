/*
 * customer.h - repeat buyers, found by phone at quick order entry.
 *
 * The customer table is filled by order_create: each order with a phone
 * remembers the name and address it carried (an empty one keeps the
 * earlier).  A clerk taking a phone order types the number first and
 * gets the rest filled in, to edit if it changed.
 */
#ifndef COOPSTOCK_CUSTOMER_H
#define COOPSTOCK_CUSTOMER_H

#include "db/db.h"

/* A remembered customer; the strings belong to the struct. */
struct customer {
	char *phone, *name, *address;
	char *updated_at; /* the last order that changed it */
	int orders;       /* orders placed with this phone */
};

/*
 * Fill *out (release with customer_clear) with the customer whose phone
 * is phone, ignoring surrounding spaces.  ST_NOT_FOUND (with *out
 * zeroed) when there is none, or phone is NULL or blank.
 */
enum status customer_find(
    struct db *db, const char *phone, struct customer *out);

/* Free the strings of c and zero it.  NULL is ok. */
void customer_clear(struct customer *c);

#endif
