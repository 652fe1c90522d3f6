/*
 * fixture.h - test data for the model tests: products and members made
 * by plain SQL (their own module belongs to another part of the model),
 * lots through stock_intake, one-line orders, and model_check helpers.
 * Every helper fails the running test when something goes wrong.
 */
#ifndef COOPSTOCK_FIXTURE_H
#define COOPSTOCK_FIXTURE_H

#include <stdint.h>

#include "db/db.h"

/* Insert an active product; returns its id. */
long long fx_product(
    struct db *db, const char *sku, const char *unit, int64_t price);
/* Insert an active member; returns its id. */
long long fx_member(struct db *db, const char *code);
/* Today plus days as an ISO date (static buffer, one of four in turn). */
const char *fx_date(long days);
/* Take in qty of product (received 30 days before best_before, or today
 * when best_before is NULL); returns the lot id. */
long long fx_lot(
    struct db *db, long long product_id, int64_t qty, const char *best_before);
/* Create a walk-in order of one line; returns its id. */
long long fx_order(struct db *db, long long product_id, int64_t qty);
/* Assert that model_check finds no problem. */
void fx_check_clean(struct db *db);
/* Assert that model_check finds at least one problem and that each
 * problem contains needle; returns the number of problems. */
int fx_check_fails(struct db *db, const char *needle);
/* Run SQL (asserting success). */
void fx_exec(struct db *db, const char *sql);
/* A fingerprint of every table the model writes: counts and sums, as a
 * newly allocated string, for "nothing changed" assertions. */
char *fx_snapshot(struct db *db);

#endif
