/*
 * keys.c - see keys.h.  The action table is expanded once into an array;
 * lookups are linear over a screen's handful of actions, so nothing here
 * allocates.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "ui/keys.h"
#include "util/i18n.h"

struct action_info {
	const char *name;
	int keys[3];
	const char *label;
	const char *help;
};

static const struct action_info actions[UI_ACT_COUNT] = {
    [UI_ACT_NONE] = {"", {0, 0, 0}, "", ""},
#define UI_ACTION_ROW(id, nm, k1, k2, k3, lb, hl) \
	[UI_ACT_##id] = {nm, {k1, k2, k3}, lb, hl},
    UI_ACTION_LIST(UI_ACTION_ROW)
#undef UI_ACTION_ROW
};

/* Actions every screen understands through their non-printable keys
 * (Enter and F2 included: a screen that has no use for them ignores
 * them). */
static const enum ui_action globals[] = {UI_ACT_HELP, UI_ACT_QUIT, UI_ACT_BACK,
    UI_ACT_REFRESH, UI_ACT_SWITCH_CLERK, UI_ACT_OPEN, UI_ACT_SAVE, UI_ACT_NONE};

static const struct action_info *
info(enum ui_action a)
{
	if ((int)a < 0 || a >= UI_ACT_COUNT)
		a = UI_ACT_NONE;
	return &actions[a];
}

const char *
ui_action_name(enum ui_action a)
{
	return info(a)->name;
}

const char *
ui_action_label(enum ui_action a)
{
	return info(a)->label;
}

const char *
ui_action_help(enum ui_action a)
{
	return info(a)->help;
}

size_t
ui_actions_count(const enum ui_action *acts)
{
	size_t n = 0;

	while (acts != NULL && acts[n] != UI_ACT_NONE)
		n++;
	return n;
}

int
ui_key_is_text(int key)
{
	return key >= 0x20 && key != 0x7f && key < UI_KFN &&
	       !(key >= 0x80 && key < 0xa0);
}

static int
action_has_key(enum ui_action a, int key)
{
	const struct action_info *ai = info(a);

	for (int i = 0; i < 3; i++)
		if (ai->keys[i] != 0 && ai->keys[i] == key)
			return 1;
	return 0;
}

enum ui_action
ui_keys_lookup(int key, const enum ui_action *acts)
{
	for (size_t i = 0; acts != NULL && acts[i] != UI_ACT_NONE; i++)
		if (action_has_key(acts[i], key))
			return acts[i];
	if (ui_key_is_text(key))
		return UI_ACT_NONE;
	for (size_t i = 0; globals[i] != UI_ACT_NONE; i++)
		if (action_has_key(globals[i], key))
			return globals[i];
	return UI_ACT_NONE;
}

/* Names of the function keys coopstock binds. */
static const struct {
	int code;
	const char *name;
} fnames[] = {
    {KEY_UP, "Up"},
    {KEY_DOWN, "Down"},
    {KEY_LEFT, "Left"},
    {KEY_RIGHT, "Right"},
    {KEY_PPAGE, "PgUp"},
    {KEY_NPAGE, "PgDn"},
    {KEY_HOME, "Home"},
    {KEY_END, "End"},
    {KEY_BTAB, "S-Tab"},
    {KEY_ENTER, "Enter"},
    {KEY_BACKSPACE, "BkSp"},
    {KEY_DC, "Del"},
};

char *
ui_key_name(int key, char *buf, size_t n)
{
	if (key >= UI_KFN) {
		int code = key - UI_KFN;

		if (code >= KEY_F(1) && code <= KEY_F(63)) {
			snprintf(buf, n, "F%d", code - KEY_F(0));
			return buf;
		}
		for (size_t i = 0; i < sizeof(fnames) / sizeof(fnames[0]); i++)
			if (fnames[i].code == code) {
				snprintf(buf, n, "%s", fnames[i].name);
				return buf;
			}
		snprintf(buf, n, "key%d", code);
	} else if (key == '\r' || key == '\n')
		snprintf(buf, n, "Enter");
	else if (key == '\t')
		snprintf(buf, n, "Tab");
	else if (key == UI_KEY_ESC)
		snprintf(buf, n, "Esc");
	else if (key == ' ')
		snprintf(buf, n, "Space");
	else if (key > 0 && key < 0x20)
		snprintf(buf, n, "^%c", key + '@');
	else if (key > 0x20 && key < 0x7f)
		snprintf(buf, n, "%c", key);
	else
		snprintf(buf, n, "U+%04X", (unsigned)key);
	return buf;
}

char *
ui_action_keys(enum ui_action a, char *buf, size_t n)
{
	const struct action_info *ai = info(a);
	char one[16];
	size_t len = 0;
	int last = -1;

	buf[0] = '\0';
	for (int i = 0; i < 3; i++) {
		int k = ai->keys[i];

		/* Enter arrives as \r or \n: name it once. */
		if (k == 0 || (k == '\n' && last == '\r') ||
		    (k == UI_KFN + KEY_ENTER && (last == '\r' || last == '\n')))
			continue;
		last = k;
		ui_key_name(k, one, sizeof(one));
		len += (size_t)snprintf(buf + len, len < n ? n - len : 0,
		    "%s%s", len ? " " : "", one);
		if (len >= n)
			break;
	}
	return buf;
}

char *
ui_action_bar_key(enum ui_action a, char *buf, size_t n)
{
	const struct action_info *ai = info(a);
	char k1[16], k2[16];

	ui_key_name(ai->keys[0], k1, sizeof(k1));
	for (int i = 1; i < 3; i++) {
		int k = ai->keys[i];

		if (ai->keys[0] >= UI_KFN && k > 0 && k < 0x7f && k != ' ') {
			snprintf(buf, n, "%s/%s", k1,
			    ui_key_name(k, k2, sizeof(k2)));
			return buf;
		}
	}
	snprintf(buf, n, "%s", k1);
	return buf;
}
