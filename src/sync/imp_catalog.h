/*
 * imp_catalog.h - the import kinds of the catalogue: products and
 * members, in our own layouts (see README.md, "CSV exchange").  A row
 * whose key (SKU, member code) is new is added; a known one is updated
 * only where a value differs, so importing the same file again changes
 * nothing.  Columns the file lacks keep their stored values.
 */
#ifndef COOPSTOCK_IMP_CATALOG_H
#define COOPSTOCK_IMP_CATALOG_H

#include "sync/imp.h"

/* Import the products file path into im's open transaction.  Problems
 * are reported through im; returns when the file is done. */
void imp_products(struct imp *im, const char *path);

/* As imp_products, for members. */
void imp_members(struct imp *im, const char *path);

#endif
