/*
 * wave.c - `coopstock wave ACTION ...`: packing waves from a script.
 *
 *   wave create [--all | --channel C | --courier NAME | --orders 1,2,3]
 *   wave list
 *   wave show WAVE
 *   wave picklist WAVE [--width 80|42] [FILE]
 *   wave slips WAVE [--width 80|42] [FILE]
 *   wave packed WAVE
 *   wave manifest WAVE [--courier NAME] [--excel] [FILE]
 *
 * Printouts go to FILE, or standard output without one (or with "-").
 * The rules are in model/wave.c, the layouts in src/print.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "model/wave.h"
#include "print/picklist.h"
#include "print/slip.h"
#include "sync/export.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

/* Parse a positive id; 0 when s is not one. */
static long long
parse_id(const char *s)
{
	char *end;
	long long v;

	if (s == NULL || *s < '0' || *s > '9')
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	return errno != 0 || *end != '\0' || v <= 0 ? 0 : v;
}

/* Parse "1,2,3" into a new array; returns the count, -1 on a bad id
 * (*bad points at it). */
static int
parse_ids(const char *list, long long **out, char **bad)
{
	char *copy = xstrdup(list), *tok, *save = NULL;
	int n = 0;

	*out = NULL;
	*bad = NULL;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	     tok = strtok_r(NULL, ",", &save)) {
		long long id = parse_id(tok);

		if (id == 0) {
			*bad = xstrdup(tok);
			n = -1;
			break;
		}
		*out = xrealloc(*out, (size_t)(n + 1) * sizeof **out);
		(*out)[n++] = id;
	}
	free(copy);
	if (n == 0 && *bad == NULL)
		*bad = xstrdup(list);
	if (n <= 0) {
		free(*out);
		*out = NULL;
		return -1;
	}
	return n;
}

static int
wave_create_cmd(struct db *db, int argc, char **argv)
{
	struct wave_in in = {WAVE_ALL, NULL, NULL, 0};
	long long *ids = NULL, id;
	int count, chosen = 0, rc;
	char *bad;
	enum status st;

	for (int i = 2; i < argc; i++, chosen++) {
		const char *a = argv[i];
		int takes = strcmp(a, "--channel") == 0 ||
			    strcmp(a, "--courier") == 0 ||
			    strcmp(a, "--orders") == 0;

		if (takes && i + 1 >= argc) {
			free(ids);
			return cli_usage_error(
			    _("option '%s' needs a value"), a);
		}
		if (strcmp(a, "--all") == 0)
			in.by = WAVE_ALL;
		else if (strcmp(a, "--channel") == 0) {
			in.by = WAVE_CHANNEL;
			in.filter = argv[++i];
		} else if (strcmp(a, "--courier") == 0) {
			in.by = WAVE_COURIER;
			in.filter = argv[++i];
		} else if (strcmp(a, "--orders") == 0) {
			free(ids);
			in.by = WAVE_ORDERS;
			in.nids = parse_ids(argv[++i], &ids, &bad);
			if (in.nids < 0) {
				rc = cli_usage_error(
				    _("--orders: '%s' is not an order number"),
				    bad);
				free(bad);
				return rc;
			}
		} else {
			free(ids);
			return cli_usage_error(
			    _("wave create: unknown argument '%s'"), a);
		}
	}
	if (chosen != 1) {
		free(ids);
		return cli_usage_error(_("wave create needs one of --all, "
					 "--channel C, --courier NAME or "
					 "--orders 1,2,3"));
	}
	in.ids = ids;
	st = wave_create(db, &in, &id, &count);
	free(ids);
	if (st != ST_OK)
		return cli_status_error(db, st);
	printf(P_("wave %lld: %d order\n", "wave %lld: %d orders\n",
		   (unsigned long)count),
	    id, count);
	return CLI_OK;
}

static int
list_cb(const struct wave *w, void *arg)
{
	char *by =
	    w->filter[0] != '\0'
		? xasprintf("%s %s", wave_selector_name(w->by), w->filter)
		: xstrdup(wave_selector_name(w->by));
	char *shown = text_fit(by, 20, TEXT_LEFT, 1);

	(void)arg;
	printf("%6lld  %.16s  %s %6d %9d %6d %7d\n", w->id, w->created_at,
	    shown, w->norders, w->nstatus[ORDER_CONFIRMED],
	    w->nstatus[ORDER_PACKED], w->nstatus[ORDER_SHIPPED]);
	free(shown);
	free(by);
	return 0;
}

/* The heading of wave list, each label fitted to its column by display
 * width (printf's widths count bytes, which misaligns Chinese). */
static void
list_heading(void)
{
	/* TRANSLATORS: column headings; keep each within its width. */
	const char *label[] = {_("Wave"), _("Created"), _("Chosen by"),
	    _("Orders"), _("Confirmed"), _("Packed"), _("Shipped")};
	static const int width[] = {6, 16, 20, 6, 9, 6, 7};
	static const char *const after[] = {
	    "  ", "  ", " ", " ", " ", " ", "\n"};

	for (size_t i = 0; i < sizeof width / sizeof width[0]; i++) {
		char *cell = text_fit(label[i], width[i],
		    i == 1 || i == 2 ? TEXT_LEFT : TEXT_RIGHT, 1);

		fputs(cell, stdout);
		fputs(after[i], stdout);
		free(cell);
	}
}

static int
wave_list_cmd(struct db *db, int argc, char **argv)
{
	enum status st;

	if (argc > 2)
		return cli_usage_error(
		    _("wave list: unknown argument '%s'"), argv[2]);
	list_heading();
	st = wave_list(db, list_cb, NULL);
	return st == ST_OK ? CLI_OK : cli_status_error(db, st);
}

static int
show_cb(const struct wave_event *e, void *arg)
{
	char *courier = text_sanitize_str(e->courier),
	     *file = text_sanitize_str(e->file),
	     *actor = text_sanitize_str(e->actor);

	(void)arg;
	printf("%.16s  %s  ", e->at, actor);
	switch (e->what) {
	case WAVE_EV_CREATED:
		printf(
		    P_("created with %ld order\n", "created with %ld orders\n",
			(unsigned long)e->norders),
		    e->norders);
		break;
	case WAVE_EV_PACKED:
		printf(P_("packed %ld order\n", "packed %ld orders\n",
			   (unsigned long)e->norders),
		    e->norders);
		break;
	case WAVE_EV_MANIFEST:
		/* TRANSLATORS: "manifest of 200 orders for sf: FILE" */
		printf(P_("manifest of %ld order for %s: %s\n",
			   "manifest of %ld orders for %s: %s\n",
			   (unsigned long)e->norders),
		    e->norders, courier, file);
		break;
	case WAVE_EV_SHIPPED:
		printf(P_("tracking numbers back: %ld order shipped by %s\n",
			   "tracking numbers back: %ld orders shipped by %s\n",
			   (unsigned long)e->norders),
		    e->norders, courier);
		break;
	}
	free(courier);
	free(file);
	free(actor);
	return 0;
}

static int
member_cb(const struct wave_member *m, void *arg)
{
	char *ref = m->ext_ref[0] != '\0' ? xstrdup(m->ext_ref)
					  : xasprintf("CS%lld", m->order_id);
	char *who = text_fit(m->customer_name, 12, TEXT_LEFT, 1);
	char *refs = text_fit(ref, 20, TEXT_LEFT, 1);
	char *track = text_sanitize_str(m->tracking_no);
	char *courier = text_sanitize_str(m->courier);
	/* The state a person reads, padded by display width (已发货 is 6). */
	const char *label = _(order_status_label(m->status));
	int w = text_width(label);
	char *state = text_fit(label, w > 9 ? w : 9, TEXT_LEFT, 0);

	(void)arg;
	printf("  %6lld  %s  %s  %s %s%s%s\n", m->order_id, refs, who, state,
	    courier, courier[0] ? " " : "", track);
	free(state);
	free(ref);
	free(who);
	free(refs);
	free(track);
	free(courier);
	return 0;
}

static int
wave_show_cmd(struct db *db, long long id)
{
	struct wave w;
	enum status st = wave_get(db, id, &w);
	char *filter;

	if (st != ST_OK)
		return cli_status_error(db, st);
	filter = text_sanitize_str(w.filter);
	printf(_("Wave %lld: %d orders chosen by %s%s%s\n"), id, w.norders,
	    wave_selector_name(w.by), filter[0] ? " " : "", filter);
	printf(_("Now: %d confirmed, %d packed, %d shipped, %d other\n"),
	    w.nstatus[ORDER_CONFIRMED], w.nstatus[ORDER_PACKED],
	    w.nstatus[ORDER_SHIPPED],
	    w.norders - w.nstatus[ORDER_CONFIRMED] - w.nstatus[ORDER_PACKED] -
		w.nstatus[ORDER_SHIPPED]);
	free(filter);
	wave_clear(&w);
	st = wave_history(db, id, show_cb, NULL);
	if (st == ST_OK) {
		printf(_("Orders:\n"));
		st = wave_order_list(db, id, member_cb, NULL);
	}
	return st == ST_OK ? CLI_OK : cli_status_error(db, st);
}

/* The options of the printouts and the manifest. */
struct wave_args {
	long long id;
	int width, excel;
	const char *courier, *path;
};

static int
args_parse(const char *action, int argc, char **argv, int manifest,
    struct wave_args *a)
{
	a->width = 80;
	for (int i = 3; i < argc; i++) {
		const char *s = argv[i];

		if (!manifest && strcmp(s, "--width") == 0) {
			if (i + 1 >= argc)
				return cli_usage_error(
				    _("option '%s' needs a value"), s);
			s = argv[++i];
			if (strcmp(s, "80") != 0 && strcmp(s, "42") != 0)
				return cli_usage_error(
				    _("--width is 80 or 42, not '%s'"), s);
			a->width = atoi(s);
		} else if (manifest && strcmp(s, "--courier") == 0) {
			if (i + 1 >= argc)
				return cli_usage_error(
				    _("option '%s' needs a value"), s);
			a->courier = argv[++i];
		} else if (manifest && strcmp(s, "--excel") == 0)
			a->excel = 1;
		else if (s[0] == '-' && s[1] != '\0')
			return cli_usage_error(
			    _("wave %s: unknown option '%s'"), action, s);
		else if (a->path != NULL)
			return cli_usage_error(
			    _("wave %s writes one file"), action);
		else
			a->path = s;
	}
	return CLI_OK;
}

/* Run a printout into a->path (or standard output). */
static int
print_to(struct db *db, const struct wave_args *a, int slips)
{
	int to_stdout = a->path == NULL || strcmp(a->path, "-") == 0, count = 0;
	FILE *f = to_stdout ? stdout : fopen(a->path, "w");
	enum status st;
	int bad;

	if (f == NULL)
		return cli_error(
		    _("cannot write %s: %s"), a->path, strerror(errno));
	st = slips ? slip_print_wave(db, a->id, a->width, f, &count)
		   : picklist_print(db, a->id, a->width, f);
	bad = ferror(f);
	if (to_stdout)
		bad |= fflush(f) != 0;
	else
		bad |= fclose(f) != 0;
	if (st != ST_OK)
		return cli_status_error(db, st);
	if (bad)
		return cli_error(_("cannot write %s: %s"),
		    to_stdout ? _("standard output") : a->path,
		    strerror(errno));
	if (slips && !to_stdout)
		printf(P_("%d packing slip written to %s\n",
			   "%d packing slips written to %s\n",
			   (unsigned long)count),
		    count, a->path);
	return CLI_OK;
}

static int
wave_manifest_cmd(struct db *db, const struct wave_args *a)
{
	struct export_opts o = {a->excel, a->courier, a->id};
	struct wave w;
	char *err = NULL;
	enum status st;
	int rc;

	if (a->courier == NULL) {
		st = wave_get(db, a->id, &w);
		if (st != ST_OK)
			return cli_status_error(db, st);
		if (w.by == WAVE_COURIER)
			o.courier = xstrdup(w.filter);
		wave_clear(&w);
		if (o.courier == NULL)
			return cli_usage_error(
			    _("wave manifest needs --courier NAME"));
	}
	st = export_run(
	    db, "manifest", a->path != NULL ? a->path : "-", &o, stderr, &err);
	if (a->courier == NULL)
		free((char *)o.courier);
	if (st != ST_OK) {
		rc = cli_error("%s", err != NULL ? err : _(status_message(st)));
		free(err);
		return rc;
	}
	if (a->path != NULL && strcmp(a->path, "-") != 0 &&
	    wave_get(db, a->id, &w) == ST_OK) {
		printf(P_("wave %lld: manifest of %d order written to %s\n",
			   "wave %lld: manifest of %d orders written to %s\n",
			   (unsigned long)w.nstatus[ORDER_PACKED]),
		    a->id, w.nstatus[ORDER_PACKED], a->path);
		wave_clear(&w);
	}
	return CLI_OK;
}

int
cmd_wave(struct db *db, int argc, char **argv)
{
	struct wave_args a = {0, 80, 0, NULL, NULL};
	const char *act;
	int rc;

	if (argc < 2)
		return cli_usage_error(_("wave needs an action: create, list, "
					 "show, picklist, slips, packed or "
					 "manifest"));
	act = argv[1];
	if (strcmp(act, "create") == 0)
		return wave_create_cmd(db, argc, argv);
	if (strcmp(act, "list") == 0)
		return wave_list_cmd(db, argc, argv);
	if (strcmp(act, "show") != 0 && strcmp(act, "picklist") != 0 &&
	    strcmp(act, "slips") != 0 && strcmp(act, "packed") != 0 &&
	    strcmp(act, "manifest") != 0)
		return cli_usage_error(_("unknown wave action '%s'"), act);
	if (argc < 3 || (a.id = parse_id(argv[2])) == 0)
		return cli_usage_error(_("wave %s needs a wave number"), act);
	rc = args_parse(act, argc, argv, strcmp(act, "manifest") == 0, &a);
	if (rc != CLI_OK)
		return rc;
	if ((strcmp(act, "show") == 0 || strcmp(act, "packed") == 0) &&
	    argc > 3)
		return cli_usage_error(
		    _("wave %s: unknown argument '%s'"), act, argv[3]);
	if (strcmp(act, "show") == 0)
		return wave_show_cmd(db, a.id);
	if (strcmp(act, "packed") == 0) {
		int n;
		enum status st = wave_mark_packed(db, a.id, &n);

		if (st != ST_OK)
			return cli_status_error(db, st);
		printf(P_("wave %lld: %d order packed\n",
			   "wave %lld: %d orders packed\n", (unsigned long)n),
		    a.id, n);
		return CLI_OK;
	}
	if (strcmp(act, "manifest") == 0)
		return wave_manifest_cmd(db, &a);
	return print_to(db, &a, strcmp(act, "slips") == 0);
}
