/*
 * test_ui_keys.c - unit tests for the key table (ui/keys.c) and the
 * terminal-free parts of ui/draw.c: the key bar text and word wrapping.
 * Nothing here needs a terminal; the widgets themselves are driven
 * through tmux by tests/tui/widgets.sh.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "ui/keys.h"
#include "util/text.h"

static const enum ui_action list[] = {UI_ACT_HELP, UI_ACT_OPEN, UI_ACT_NEW,
    UI_ACT_FIND, UI_ACT_DOWN, UI_ACT_QUIT, UI_ACT_NONE};

static void
test_lookup_screen_keys(void **state)
{
	(void)state;
	assert_int_equal(ui_keys_lookup('n', list), UI_ACT_NEW);
	assert_int_equal(ui_keys_lookup('/', list), UI_ACT_FIND);
	assert_int_equal(ui_keys_lookup('q', list), UI_ACT_QUIT);
	assert_int_equal(ui_keys_lookup('j', list), UI_ACT_DOWN);
	assert_int_equal(ui_keys_lookup(UI_CTRL('N'), list), UI_ACT_DOWN);
	assert_int_equal(ui_keys_lookup(UI_KFN + KEY_DOWN, list), UI_ACT_DOWN);
	assert_int_equal(ui_keys_lookup('\r', list), UI_ACT_OPEN);
	assert_int_equal(ui_keys_lookup('\n', list), UI_ACT_OPEN);
}

static void
test_lookup_globals(void **state)
{
	static const enum ui_action none[] = {UI_ACT_NONE};

	(void)state;
	/* Non-printable keys of global actions work on every screen... */
	assert_int_equal(ui_keys_lookup(UI_KFN + KEY_F(1), none), UI_ACT_HELP);
	assert_int_equal(ui_keys_lookup(UI_CTRL('G'), none), UI_ACT_HELP);
	assert_int_equal(ui_keys_lookup(UI_KFN + KEY_F(10), none), UI_ACT_QUIT);
	assert_int_equal(ui_keys_lookup(UI_CTRL('X'), none), UI_ACT_QUIT);
	assert_int_equal(ui_keys_lookup(UI_KEY_ESC, none), UI_ACT_BACK);
	assert_int_equal(
	    ui_keys_lookup(UI_CTRL('W'), none), UI_ACT_SWITCH_CLERK);
	assert_int_equal(ui_keys_lookup(UI_CTRL('L'), none), UI_ACT_REFRESH);
	assert_int_equal(ui_keys_lookup(UI_KFN + KEY_F(2), none), UI_ACT_SAVE);
	assert_int_equal(ui_keys_lookup(UI_CTRL('O'), none), UI_ACT_SAVE);
	/* ...their printable keys only where the screen offers them, so a
	 * form can take 'q' and '?' as text. */
	assert_int_equal(ui_keys_lookup('q', none), UI_ACT_NONE);
	assert_int_equal(ui_keys_lookup('?', none), UI_ACT_NONE);
	assert_int_equal(ui_keys_lookup(0x738B /* 王 */, none), UI_ACT_NONE);
	assert_int_equal(ui_keys_lookup(0x738B, list), UI_ACT_NONE);
}

/* Every action has a key that is not a function key: some SSH clients
 * send none.  And no action uses Ctrl-S or Ctrl-Q (XOFF/XON). */
static void
test_every_action_without_fkeys(void **state)
{
	(void)state;
	for (int a = 1; a < UI_ACT_COUNT; a++) {
		char keys[64];
		int found = 0;

		for (int k = 1; k < 0x7f; k++)
			if (k != UI_CTRL('S') && k != UI_CTRL('Q')) {
				enum ui_action acts[] = {
				    (enum ui_action)a, UI_ACT_NONE};

				found |= (int)ui_keys_lookup(k, acts) == a;
			}
		ui_action_keys((enum ui_action)a, keys, sizeof(keys));
		if (!found)
			fail_msg("action %s has only function keys (%s)",
			    ui_action_name((enum ui_action)a), keys);
		for (int k = 0; k < 2; k++) {
			enum ui_action acts[] = {
			    (enum ui_action)a, UI_ACT_NONE};
			int xon = k ? UI_CTRL('Q') : UI_CTRL('S');

			assert_int_not_equal((int)ui_keys_lookup(xon, acts), a);
		}
	}
}

static void
test_key_names(void **state)
{
	char b[48];

	(void)state;
	assert_string_equal(
	    ui_key_name(UI_KFN + KEY_F(10), b, sizeof(b)), "F10");
	assert_string_equal(ui_key_name(UI_CTRL('W'), b, sizeof(b)), "^W");
	assert_string_equal(ui_key_name('\t', b, sizeof(b)), "Tab");
	assert_string_equal(ui_key_name(UI_KEY_ESC, b, sizeof(b)), "Esc");
	assert_string_equal(
	    ui_action_keys(UI_ACT_HELP, b, sizeof(b)), "F1 ? ^G");
	assert_string_equal(ui_action_keys(UI_ACT_OPEN, b, sizeof(b)), "Enter");
	assert_string_equal(
	    ui_action_bar_key(UI_ACT_HELP, b, sizeof(b)), "F1/?");
	assert_string_equal(
	    ui_action_bar_key(UI_ACT_SAVE, b, sizeof(b)), "F2/^O");
	assert_string_equal(ui_action_bar_key(UI_ACT_NEW, b, sizeof(b)), "n");
}

static void
test_keybar_fits(void **state)
{
	char *s;

	(void)state;
	s = ui_keybar_text(80, list);
	/* Movement keys are left to F1 help. */
	assert_string_equal(
	    s, " F1/? Help  Enter Open  n New  / Find  F10/q Quit");
	free(s);
	for (int w = 0; w <= 80; w++) {
		s = ui_keybar_text(w, list);
		if (text_width(s) > w)
			fail_msg("key bar %d columns wide in %d: \"%s\"",
			    text_width(s), w, s);
		free(s);
	}
	s = ui_keybar_text(40, list);
	/* Labels shortened to 6 columns first, then items dropped. */
	assert_string_equal(s, " F1/? Help  Enter Open  n New  / Find");
	free(s);
}

static void
test_wrap(void **state)
{
	size_t n;
	char **l;

	(void)state;
	l = ui_wrap("one two three four", 9, &n);
	assert_int_equal(n, 3);
	assert_string_equal(l[0], "one two");
	assert_string_equal(l[1], "three");
	assert_string_equal(l[2], "four");
	ui_wrap_free(l, n);
	/* Chinese has no spaces: cut between characters, never inside. */
	l = ui_wrap("核桃花椒蜂蜜", 5, &n);
	assert_int_equal(n, 3);
	assert_string_equal(l[0], "核桃");
	assert_string_equal(l[2], "蜂蜜");
	ui_wrap_free(l, n);
	/* Newlines start lines; escapes are shown, never passed on. */
	l = ui_wrap("a\n\x1b[2Jb", 10, &n);
	assert_int_equal(n, 2);
	assert_string_equal(l[0], "a");
	assert_string_equal(l[1], "\xe2\x90\x9b[2Jb");
	ui_wrap_free(l, n);
	l = ui_wrap("核", 1, &n); /* narrower than one character */
	assert_int_equal(n, 1);
	ui_wrap_free(l, n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lookup_screen_keys),
	    cmocka_unit_test(test_lookup_globals),
	    cmocka_unit_test(test_every_action_without_fkeys),
	    cmocka_unit_test(test_key_names),
	    cmocka_unit_test(test_keybar_fits),
	    cmocka_unit_test(test_wrap),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
