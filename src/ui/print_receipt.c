/*
 * print_receipt.c - see print_receipt.h.
 *
 * The label column is as wide as the widest translated label (so a
 * Chinese translation lines up too) but never more than half of the
 * paper; values take the rest.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui/print_receipt.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/text.h"
#include "util/xalloc.h"

/* A growing string. */
struct buf {
	char *s;
	size_t n;
};

static void
buf_add(struct buf *b, const char *s)
{
	size_t k = strlen(s);

	b->s = xrealloc(b->s, b->n + k + 1);
	memcpy(b->s + b->n, s, k + 1);
	b->n += k;
}

/* Add line s without its trailing blanks, then '\n'. */
static void
buf_line(struct buf *b, const char *s)
{
	size_t k = strlen(s);

	while (k > 0 && s[k - 1] == ' ')
		k--;
	b->s = xrealloc(b->s, b->n + k + 2);
	memcpy(b->s + b->n, s, k);
	b->n += k;
	b->s[b->n++] = '\n';
	b->s[b->n] = '\0';
}

static void
buf_centre(struct buf *b, const char *s, int width)
{
	int w = text_width(s);
	char *fit, *line;

	if (w >= width) {
		fit = text_fit(s, width, TEXT_LEFT, 1);
		buf_line(b, fit);
		free(fit);
		return;
	}
	fit = text_fit(s, w, TEXT_LEFT, 0);
	line = xasprintf("%*s%s", (width - w) / 2, "", fit);
	buf_line(b, line);
	free(line);
	free(fit);
}

static void
buf_rule(struct buf *b, int width)
{
	char *r = xmalloc((size_t)width + 1);

	memset(r, '-', (size_t)width);
	r[width] = '\0';
	buf_line(b, r);
	free(r);
}

/* One "Label  value" line. */
static void
buf_item(struct buf *b, int lw, int width, const char *label, const char *v)
{
	char *l = text_fit(label, lw, TEXT_LEFT, 1);
	char *val = text_fit(v != NULL ? v : "", width - lw - 1, TEXT_LEFT, 1);
	char *line = xasprintf("%s %s", l, val);

	buf_line(b, line);
	free(line);
	free(val);
	free(l);
}

char *
receipt_format(const struct receipt *r, int width)
{
	const char *labels[] = {_("Date"), _("Lot"), _("Member"), _("Product"),
	    _("Quantity"), _("Grade"), _("Best-before"), _("Unit cost"),
	    _("Owed"), _("Handled by")};
	char qty[NUM_FMT_SIZE], cost[NUM_FMT_SIZE], total[NUM_FMT_SIZE];
	char *lot, *q;
	struct buf b = {NULL, 0};
	int lw = 0;

	width = width < 24 ? 24 : width > 132 ? 132 : width;
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (text_width(labels[i]) > lw)
			lw = text_width(labels[i]);
	lw = lw > width / 2 ? width / 2 : lw;
	buf_add(&b, "");
	buf_centre(&b, r->coop_name != NULL ? r->coop_name : "", width);
	buf_centre(&b, _("Produce receipt"), width);
	buf_rule(&b, width);
	lot = xasprintf("%lld", r->lot_id);
	q = xasprintf("%s %s", qty_format(r->qty, qty, sizeof qty),
	    r->unit != NULL ? r->unit : "");
	money_format_grouped(r->unit_cost, cost, sizeof cost);
	money_format_grouped(r->total, total, sizeof total);
	buf_item(&b, lw, width, labels[0], r->date);
	buf_item(&b, lw, width, labels[1], lot);
	buf_item(&b, lw, width, labels[2], r->member);
	buf_item(&b, lw, width, labels[3], r->product);
	buf_item(&b, lw, width, labels[4], q);
	if (r->grade != NULL && r->grade[0] != '\0')
		buf_item(&b, lw, width, labels[5], r->grade);
	if (r->best_before != NULL && r->best_before[0] != '\0')
		buf_item(&b, lw, width, labels[6], r->best_before);
	buf_item(&b, lw, width, labels[7], cost);
	buf_item(&b, lw, width, labels[8], total);
	buf_item(&b, lw, width, labels[9], r->clerk);
	buf_rule(&b, width);
	buf_line(&b, "");
	buf_line(&b, _("Signature:"));
	free(lot);
	free(q);
	return b.s;
}

/* 1 if lpr is an executable on $PATH. */
static int
have_lpr(void)
{
	const char *path = getenv("PATH");
	char *copy, *dir, *save = NULL;
	int found = 0;

	if (path == NULL)
		return 0;
	copy = xstrdup(path);
	for (dir = strtok_r(copy, ":", &save); dir != NULL && !found;
	     dir = strtok_r(NULL, ":", &save)) {
		char *p = xasprintf("%s/lpr", dir);

		found = access(p, X_OK) == 0;
		free(p);
	}
	free(copy);
	return found;
}

int
receipt_print(const char *text, const char *path, char **err)
{
	int to_lpr = path == NULL || path[0] == '\0';
	FILE *fp;
	int bad;

	*err = NULL;
	if (to_lpr && !have_lpr()) {
		*err = xstrdup(_("There is no printer (lpr); type a file name "
				 "to save the receipt to."));
		return -1;
	}
	fp = to_lpr ? popen("lpr", "w") : fopen(path, "w");
	if (fp == NULL) {
		*err =
		    xasprintf("%s: %s", to_lpr ? "lpr" : path, strerror(errno));
		return -1;
	}
	bad = fputs(text, fp) == EOF;
	bad |= to_lpr ? pclose(fp) != 0 : fclose(fp) != 0;
	if (bad) {
		*err = xasprintf(_("%s: the receipt could not be written"),
		    to_lpr ? "lpr" : path);
		return -1;
	}
	return 0;
}
