/*
 * template.h - the column layouts of shops and couriers, as data files.
 *
 * Each layout is a text file share/templates/NAME.tmpl, so supporting a
 * new courier means writing a file, not code.  The format, one setting a
 * line ('#' starts a comment line, blank lines are ignored, UTF-8):
 *
 *   name = sf                      must equal the file name without .tmpl
 *   title = SF Express bulk waybill (顺丰批量下单)
 *   kind = shop | courier
 *   direction = import | export
 *   encoding = auto | utf-8 | gb18030     import: default for --encoding
 *   excel = yes | no                      export: default for --excel
 *   field FIELD = 订单编号 | 订单号       import: header names of FIELD in
 *                                          this platform's export, any of
 *                                          which may appear
 *   require = order_no, sku, qty          import: fields the file must have
 *   column HEADER = FIELD                 export: one output column, in
 *   column HEADER = "text"                file order: a field, a constant,
 *   column HEADER =                       or left empty
 *
 * FIELD is one of the canonical names template_field_known() accepts
 * (order_no, recipient, phone, sku, qty, sender_name, ...); a misspelt
 * field is an error with its line, as is any other mistake in the file.
 */
#ifndef COOPSTOCK_TEMPLATE_H
#define COOPSTOCK_TEMPLATE_H

#include <stddef.h>

#include "sync/decode.h"
#include "sync/header.h"
#include "util/status.h"

enum template_kind { TEMPLATE_SHOP, TEMPLATE_COURIER };
enum template_dir { TEMPLATE_IMPORT, TEMPLATE_EXPORT };

/* Import: where a canonical field is found in the platform's file. */
struct template_field {
	char *field;    /* canonical name */
	char **headers; /* the platform's header names, nheaders of them */
	size_t nheaders;
	int required;
};

enum template_src {
	TEMPLATE_SRC_FIELD, /* value is a canonical field name */
	TEMPLATE_SRC_CONST, /* value is constant text */
	TEMPLATE_SRC_EMPTY  /* always empty; value is "" */
};

/* Export: one output column. */
struct template_column {
	char *header;
	enum template_src src;
	char *value;
};

struct template
{
	char *name;
	char *title;
	enum template_kind kind;
	enum template_dir dir;
	enum decode_enc encoding;      /* import */
	int excel;                     /* export */
	struct template_field *fields; /* import, nfields */
	size_t nfields;
	struct template_column *columns; /* export, ncolumns, in order */
	size_t ncolumns;
};

/* Return 1 if name is a canonical field a template may use, else 0. */
int template_field_known(const char *name);

/*
 * Load the template file at path.  On success store a new template in
 * *out (free with template_free) and return ST_OK.  Otherwise store NULL,
 * a new message in *err (caller frees) and return ST_FILE (cannot be
 * read: "PATH: reason") or ST_INVALID ("PATH:LINE: what is wrong", or
 * "PATH: ..." for something missing from the whole file).
 */
enum status template_load(const char *path, struct template **out, char **err);

/*
 * Load the template called name from paths_datadir()/templates/.  name
 * must be lower-case letters, digits and '-'.  Returns as template_load,
 * and ST_NOT_FOUND with "no template 'NAME'" in *err when there is none.
 */
enum status template_find(const char *name, struct template **out, char **err);

/*
 * Return the names of the installed templates, sorted, as a new
 * NULL-terminated array (free with template_list_free); *n (may be NULL)
 * gets the count.  A missing directory gives an empty list.
 */
char **template_list(size_t *n);

/* Free a list from template_list().  NULL is ok. */
void template_list_free(char **list);

/*
 * Return a new array of t->nfields header_col entries describing an
 * import template for header_match(); the strings belong to t, so free
 * only the array, and not after t.  *n gets the count.
 */
struct header_col *template_header_spec(const struct template *t, size_t *n);

/* Free t.  NULL is ok. */
void template_free(struct template *t);

#endif
