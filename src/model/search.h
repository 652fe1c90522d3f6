/*
 * search.h - the search-as-you-type filter shared by the catalogue lists.
 *
 * What a clerk types matches a code (SKU, member code) by prefix, and a
 * name by substring.  Prefixes become ranges, code >= p AND code < p',
 * which use the code's index where LIKE cannot (it is case-insensitive
 * and the index is not); since clerks type in either case, the prefix is
 * tried as typed, in ASCII upper case and in ASCII lower case.  Names are
 * matched with instr() on the stored text folded by lower() (ASCII only),
 * which finds one- and two-character Chinese words; FTS5's trigram
 * tokenizer cannot.  A statement using it carries this filter:
 *
 *   (?F = 0 OR code >= ?F+1 AND code < ?F+2 OR code >= ?F+3 AND
 *    code < ?F+4 OR code >= ?F+5 AND code < ?F+6
 *    OR instr(lower(name), ?F+7) > 0 ...)
 */
#ifndef COOPSTOCK_SEARCH_H
#define COOPSTOCK_SEARCH_H

#include <sqlite3.h>

/*
 * Bind parameters first .. first+7 of st for search (NULL or blank: no
 * filter, ?first = 0): the flag, three prefix ranges and the folded text
 * (full-width ASCII as ASCII, lower case).  Returns an sqlite3 code.
 */
int search_bind(sqlite3_stmt *st, int first, const char *search);

/*
 * Bind text p as parameter lo and, as lo+1, the least value above every
 * text starting with p.  Returns an sqlite3 code.
 */
int search_bind_prefix(sqlite3_stmt *st, int lo, const char *p);

/*
 * The text search_bind compares with names: search trimmed, then folded
 * (text_fold).  NULL gives "".  Caller frees.
 */
char *search_fold(const char *search);

/*
 * The grams of folded text s, as the product_gram table posts them (see
 * share/sql/011-product-gram.sql): for one character, that character;
 * for ASCII text of three or more, each distinct run of three; for the
 * rest, each distinct pair of adjacent characters; in order.  A
 * character is a UTF-8 sequence.  Returns the number of grams (>= 1) and
 * sets *out to a new array of new strings (free with search_grams_free),
 * or returns 0 with *out NULL when s is empty or not valid UTF-8, for
 * which the caller must scan instead.
 */
int search_grams(const char *s, char ***out);

/* Free n grams from search_grams.  NULL ok. */
void search_grams_free(char **grams, int n);

#endif
