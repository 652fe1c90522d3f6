/*
 * imex.c - see imex.h.  The importer prints what it did and its problems
 * on two FILE streams, as for the command line; here they are memory
 * streams (open_memstream) whose lines become the rows of the preview,
 * so the screen shows exactly what `coopstock import --dry-run` prints.
 *
 * Progress: the importer calls back every IMP_PROGRESS_EVERY rows; the
 * line is drawn on the message line at most four times a second, as
 * text only (no bar that repaints), which is kind to a slow link.
 */
#include <config.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sync/export.h"
#include "sync/import.h"
#include "ui/desk.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "ui/imex.h"
#include "ui/memrows.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum { XF_DIR, XF_KIND, XF_FILE, XF_TEMPLATE, XF_ENC, XF_N };

static const char *const dirs[] = {N_("import"), N_("export"), NULL};
static const char *const kinds[] = {"products", "members", "intake", "orders",
    "tracking", "stock", "manifest", "payouts", NULL};
static const char *const encs[] = {"auto", "utf-8", "gbk", NULL};

static const struct ui_field_def imex_defs[XF_N] = {
    {N_("Import or export"), UI_FIELD_CHOICE, 8, UI_FIELD_REQUIRED, dirs, NULL,
	NULL},
    {N_("Kind"), UI_FIELD_CHOICE, 10, UI_FIELD_REQUIRED, kinds, NULL, NULL},
    {N_("File"), UI_FIELD_TEXT, 0, 0, NULL, NULL, NULL},
    {N_("Template"), UI_FIELD_TEXT, 16, 0, NULL, NULL, NULL},
    {N_("Encoding"), UI_FIELD_CHOICE, 8, 0, encs, NULL, NULL},
};

/* What the preview and the real run need. */
struct job {
	struct db *db;
	char *kind, *path, *from;
	struct imp_opts o;
	struct ui *ui;
	struct timespec last; /* of the last progress line */
};

/* ---- running the importer ---- */

static void
job_progress(void *arg, const char *path, long line)
{
	struct job *j = arg;
	struct timespec now;
	char *msg;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if ((now.tv_sec - j->last.tv_sec) * 1000 +
		(now.tv_nsec - j->last.tv_nsec) / 1000000 <
	    250)
		return;
	j->last = now;
	msg = xasprintf(_("Reading %s: line %ld..."), path, line);
	ui_put(LINES - 2, 0, COLS - 1, msg, TEXT_LEFT, UI_STYLE_NORMAL);
	wnoutrefresh(stdscr);
	doupdate();
	free(msg);
}

/* Add the lines of text (NUL-terminated, may be NULL) as rows, wrapped
 * at width columns. */
static void
rows_from_text(struct memrows *m, const char *text, const char *tag, int width)
{
	const char *p = text;

	while (p != NULL && *p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t n = nl != NULL ? (size_t)(nl - p) : strlen(p);
		char *line = xmalloc(n + 1), **parts;
		size_t np;

		memcpy(line, p, n);
		line[n] = '\0';
		/* Long lines continue on the next rows: every word of every
		 * problem is shown. */
		parts = ui_wrap(line, width, &np);
		for (size_t i = 0; i < np; i++) {
			const char *cells[2] = {i == 0 ? tag : "", parts[i]};

			memrows_add(m, cells);
		}
		ui_wrap_free(parts, np);
		free(line);
		p = nl != NULL ? nl + 1 : p + n;
	}
}

/*
 * Run the import (dry or real) and collect its lines into m: problems
 * first, then what was (or would be) done.  Returns the status;
 * *problems gets their count.
 */
static enum status
job_run(struct job *j, int dry, struct memrows *m, long *problems)
{
	char *outs = NULL, *errs = NULL;
	size_t nout = 0, nerr = 0;
	FILE *out = open_memstream(&outs, &nout);
	FILE *err = open_memstream(&errs, &nerr);
	char *files[1] = {j->path};
	int w = COLS - 6 < 20 ? 20 : COLS - 6;
	enum status st;

	j->o.dry_run = dry;
	*problems = 0;
	clock_gettime(CLOCK_MONOTONIC, &j->last);
	st = import_run_progress(j->db, j->kind, files, 1, &j->o, out, err,
	    problems, job_progress, j);
	fclose(out);
	fclose(err);
	rows_from_text(m, errs, "!", w);
	rows_from_text(m, outs, "", w);
	free(outs);
	free(errs);
	return st;
}

/* ---- the preview ---- */

static const struct ui_column preview_cols[] = {
    {"", 1, 0},
    {N_("Problems (!) and what the import does"), 0, 0},
};

struct preview {
	struct job *job;
	struct memrows rows;
	struct ui_table *table;
	enum status st;
	long problems;
	int done; /* the real run happened */
};

static const enum ui_action preview_actions[] = {UI_ACT_HELP, UI_ACT_RUN,
    UI_ACT_FIND, UI_ACT_UP, UI_ACT_DOWN, UI_ACT_PGUP, UI_ACT_PGDN, UI_ACT_HOME,
    UI_ACT_END, UI_ACT_BACK, UI_ACT_NONE};

static void
preview_title(struct ui_view *v, struct preview *p)
{
	if (p->done)
		ui_view_set_title(v, _("Imported %s"), p->job->path);
	else if (p->problems > 0)
		ui_view_set_title(v,
		    P_("Dry run: %ld problem, nothing can be imported",
			"Dry run: %ld problems, nothing can be imported",
			(unsigned long)p->problems),
		    p->problems);
	else
		ui_view_set_title(v, _("Dry run: no problems; R imports"));
}

static int
preview_open(struct ui_view *v, void *arg)
{
	struct preview *p = xcalloc(1, sizeof *p);

	p->job = arg;
	memrows_init(&p->rows, 2);
	p->st = job_run(p->job, 1, &p->rows, &p->problems);
	if (p->st != ST_OK && p->st != ST_REJECTED) {
		const char *d = db_errmsg(p->job->db);
		const char *cells[2] = {"!", *d ? d : _(status_message(p->st))};

		memrows_add(&p->rows, cells);
		p->problems++;
	}
	p->table = ui_table_new(preview_cols, 2, memrows_fetch, &p->rows);
	preview_title(v, p);
	v->data = p;
	return 0;
}

static void
preview_close(struct ui_view *v)
{
	struct preview *p = v->data;

	ui_table_free(p->table);
	memrows_clear(&p->rows);
	free(p);
}

static void
preview_layout(struct ui_view *v, struct ui_rect r)
{
	struct preview *p = v->data;

	ui_table_layout(p->table, r);
}

static void
preview_draw(struct ui_view *v, struct ui_rect r)
{
	struct preview *p = v->data;

	(void)r;
	ui_table_draw(p->table);
}

static unsigned
preview_run(struct ui_view *v, struct preview *p)
{
	long problems = 0;

	if (p->done) {
		ui_error(v->ui, _("This file has been imported already."));
		return UI_HANDLED;
	}
	if (p->problems > 0) {
		ui_error(v->ui, _("Fix the problems in the file first; nothing "
				  "was imported."));
		return UI_HANDLED;
	}
	memrows_clear(&p->rows);
	memrows_init(&p->rows, 2);
	p->st = job_run(p->job, 0, &p->rows, &problems);
	p->done = p->st == ST_OK;
	if (p->st == ST_OK)
		ui_message(v->ui, _("Imported; the summary is the last line."));
	else
		desk_error(v->ui, p->job->db, p->st);
	preview_title(v, p);
	ui_table_reload(p->table);
	return UI_DRAW_ALL;
}

static unsigned
preview_key(struct ui_view *v, const struct ui_event *ev)
{
	struct preview *p = v->data;
	unsigned fl = ui_table_key(p->table, ev);

	if (fl != UI_UNHANDLED)
		return fl;
	if (ev->act == UI_ACT_RUN)
		return preview_run(v, p);
	return UI_UNHANDLED;
}

static int
preview_cursor(struct ui_view *v)
{
	struct preview *p = v->data;

	return ui_table_cursor(p->table);
}

static const struct screen preview_screen = {
    .name = "import-preview",
    .title = N_("Dry run"),
    .open = preview_open,
    .close = preview_close,
    .layout = preview_layout,
    .draw = preview_draw,
    .key = preview_key,
    .cursor = preview_cursor,
    .actions = preview_actions,
    .help = N_("What the import would do, and every problem (marked !) "
	       "as FILE:LINE: column: what is wrong.  Nothing has been "
	       "written yet.  R imports for real when there are no "
	       "problems."),
};

/* ---- the form ---- */

struct imex {
	struct db *db;
	struct ui_form *form;
	struct job job;
};

static const enum ui_action imex_actions[] = {UI_ACT_HELP, UI_ACT_SAVE,
    UI_ACT_NEXT_FIELD, UI_ACT_PREV_FIELD, UI_ACT_BACK, UI_ACT_NONE};

static int
imex_open(struct ui_view *v, void *arg)
{
	struct imex *x = xcalloc(1, sizeof *x);

	x->db = desk_db(arg);
	x->form = ui_form_new(imex_defs, XF_N);
	ui_form_set(x->form, XF_DIR, _(dirs[0]));
	ui_form_set(x->form, XF_KIND, kinds[0]);
	ui_form_set(x->form, XF_ENC, encs[0]);
	v->data = x;
	return 0;
}

static void
job_clear(struct job *j)
{
	free(j->kind);
	free(j->path);
	free(j->from);
	memset(j, 0, sizeof *j);
}

static void
imex_close(struct ui_view *v)
{
	struct imex *x = v->data;

	job_clear(&x->job);
	ui_form_free(x->form);
	free(x);
}

static void
imex_layout(struct ui_view *v, struct ui_rect r)
{
	struct imex *x = v->data;

	r.y += 2;
	r.h -= 2;
	ui_form_layout(x->form, r);
}

static void
imex_draw(struct ui_view *v, struct ui_rect r)
{
	struct imex *x = v->data;

	ui_put(r.y, r.x + 1, r.w - 2,
	    _("Space changes a choice.  An empty File lists the *.csv files "
	      "here."),
	    TEXT_LEFT, UI_STYLE_NORMAL);
	ui_form_draw(x->form);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Let the clerk pick a *.csv file of the current directory into File. */
static void
imex_pick(struct ui_view *v, struct imex *x)
{
	DIR *d = opendir(".");
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;
	long i;

	while (d != NULL && (e = readdir(d)) != NULL) {
		size_t k = strlen(e->d_name);

		if (k > 4 && strcmp(e->d_name + k - 4, ".csv") == 0) {
			names = xrealloc(names, (n + 1) * sizeof *names);
			names[n++] = xstrdup(e->d_name);
		}
	}
	if (d != NULL)
		closedir(d);
	if (n == 0) {
		ui_error(
		    v->ui, _("There are no .csv files here; type a path."));
		return;
	}
	qsort(names, n, sizeof *names, cmp_str);
	i = ui_choose(v->ui, _("Which file?"), (const char *const *)names, n);
	if (i >= 0)
		ui_form_set(x->form, XF_FILE, names[i]);
	ui_form_focus(x->form, XF_FILE);
	for (size_t k = 0; k < n; k++)
		free(names[k]);
	free(names);
}

static unsigned
imex_export(struct ui_view *v, struct imex *x)
{
	struct export_opts o = {.excel = 0};
	char *notes = NULL, *err = NULL;
	size_t nn = 0;
	FILE *nf = open_memstream(&notes, &nn);
	enum status st;

	o.courier = x->job.from[0] != '\0' ? x->job.from : NULL;
	st = export_run(x->db, x->job.kind, x->job.path, &o, nf, &err);
	fclose(nf);
	if (st == ST_OK)
		ui_message(
		    v->ui, _("Exported %s to %s."), x->job.kind, x->job.path);
	else
		ui_error(
		    v->ui, "%s", err != NULL ? err : _(status_message(st)));
	if (notes != NULL && notes[0] != '\0')
		ui_alert(v->ui, notes);
	free(notes);
	free(err);
	return UI_DRAW_ALL;
}

static unsigned
imex_go(struct ui_view *v, struct imex *x)
{
	char *dir = ui_form_get(x->form, XF_DIR);
	char *enc = ui_form_get(x->form, XF_ENC);
	int import = strcmp(dir, _(dirs[0])) == 0;
	unsigned fl = UI_DRAW_ALL;

	job_clear(&x->job);
	x->job.db = x->db;
	x->job.ui = v->ui;
	x->job.kind = ui_form_get(x->form, XF_KIND);
	x->job.path = ui_form_get(x->form, XF_FILE);
	x->job.from = ui_form_get(x->form, XF_TEMPLATE);
	x->job.o.enc = DECODE_AUTO;
	decode_enc_parse(enc, &x->job.o.enc);
	x->job.o.from = x->job.from[0] != '\0' ? x->job.from : NULL;
	if (x->job.path[0] == '\0')
		imex_pick(v, x);
	else if (import && !import_kind_known(x->job.kind))
		ui_error(v->ui, _("%s cannot be imported."), x->job.kind);
	else if (!import && !export_kind_known(x->job.kind))
		ui_error(v->ui, _("%s cannot be exported."), x->job.kind);
	else if (import) {
		/* Back from the preview, the clerk fixes the file name. */
		ui_form_focus(x->form, XF_FILE);
		ui_push(v->ui, &preview_screen, &x->job);
	} else
		fl = imex_export(v, x);
	free(dir);
	free(enc);
	return fl;
}

static unsigned
imex_key(struct ui_view *v, const struct ui_event *ev)
{
	struct imex *x = v->data;
	unsigned fl = ui_form_key(x->form, v->ui, ev);

	if (fl != UI_UNHANDLED ||
	    (ev->act != UI_ACT_SAVE && ev->act != UI_ACT_OPEN))
		return fl;
	if (ui_form_check(x->form, v->ui) < 0)
		return UI_DRAW_BODY;
	return imex_go(v, x);
}

static int
imex_cursor(struct ui_view *v)
{
	struct imex *x = v->data;

	return ui_form_cursor(x->form);
}

const struct screen imex_screen = {
    .name = "import-export",
    .title = N_("Import / Export"),
    .open = imex_open,
    .close = imex_close,
    .layout = imex_layout,
    .draw = imex_draw,
    .key = imex_key,
    .cursor = imex_cursor,
    .actions = imex_actions,
    .help = N_("Import: choose the kind, type the file (or leave File "
	       "empty and press F2 to pick a .csv file of this directory), "
	       "a shop template for orders (taobao, ...), the encoding; F2 "
	       "shows a dry run with every problem before anything is "
	       "written.  Export: the kind and the file to write (a courier "
	       "template for a manifest); F2 writes it."),
};
