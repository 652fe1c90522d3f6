/*
 * keys.h - every action a clerk can ask for, and the keys that ask for it.
 *
 * Keys are data (tig's REQ_INFO shape): UI_ACTION_LIST below is the one
 * table of actions, each with up to three default keys, a short label for
 * the key bar and a sentence for F1 help.  The key bar and the help screen
 * are generated from it for the actions a screen offers, so what is shown
 * is what works.  Every action has a printable or Ctrl key as well as any
 * function key, because some SSH clients send no function keys; Ctrl-S and
 * Ctrl-Q are never used (XOFF/XON on many terminals).
 *
 * A key is an int: a Unicode code point for a typed character (Ctrl keys
 * are 1..31, Esc 27), or UI_KFN + a curses KEY_* code for a function key.
 */
#ifndef COOPSTOCK_UI_KEYS_H
#define COOPSTOCK_UI_KEYS_H

#include <stddef.h>

#include <curses.h>

/* Function keys are curses codes offset past every Unicode code point. */
#define UI_KFN 0x200000
/* The key a Ctrl+letter sends; used in constant tables only. */
#define UI_CTRL(c) ((c)&0x1f)
#define UI_KEY_ESC 27

/* clang-format off */
/* X(ID, name, key1, key2, key3, key bar label, help text) */
#define UI_ACTION_LIST(X) \
	X(HELP, "help", UI_KFN + KEY_F(1), '?', UI_CTRL('G'), N_("Help"), N_("Show the keys and a short how-to for this screen")) \
	X(QUIT, "quit", UI_KFN + KEY_F(10), 'q', UI_CTRL('X'), N_("Quit"), N_("Leave coopstock")) \
	X(BACK, "back", UI_KEY_ESC, 0, 0, N_("Back"), N_("Go back to the previous screen; a dialog answers no")) \
	X(OPEN, "open", '\r', '\n', UI_KFN + KEY_ENTER, N_("Open"), N_("Open the selected row, or accept")) \
	X(NEW, "new", 'n', 0, 0, N_("New"), N_("Add a new record")) \
	X(FIND, "find", '/', 0, 0, N_("Find"), N_("Type to narrow the list; Enter keeps it, Esc clears it")) \
	X(EDIT, "edit", 'e', 0, 0, N_("Edit"), N_("Change the selected record")) \
	X(SAVE, "save", UI_KFN + KEY_F(2), UI_CTRL('O'), 0, N_("Save"), N_("Save this form (Enter on the last field also saves)")) \
	X(NEXT_FIELD, "next-field", '\t', UI_KFN + KEY_DOWN, 0, N_("Next"), N_("Check this field and go to the next one")) \
	X(PREV_FIELD, "prev-field", UI_KFN + KEY_BTAB, UI_KFN + KEY_UP, UI_CTRL('P'), N_("Prev"), N_("Go to the previous field")) \
	X(UP, "up", UI_KFN + KEY_UP, UI_CTRL('P'), 'k', N_("Up"), N_("Move up one row")) \
	X(DOWN, "down", UI_KFN + KEY_DOWN, UI_CTRL('N'), 'j', N_("Down"), N_("Move down one row")) \
	X(PGUP, "page-up", UI_KFN + KEY_PPAGE, UI_CTRL('B'), 'b', N_("PgUp"), N_("Move up one page")) \
	X(PGDN, "page-down", UI_KFN + KEY_NPAGE, UI_CTRL('F'), ' ', N_("PgDn"), N_("Move down one page")) \
	X(HOME, "home", UI_KFN + KEY_HOME, 'g', UI_CTRL('A'), N_("First"), N_("Go to the first row")) \
	X(END, "end", UI_KFN + KEY_END, 'G', UI_CTRL('E'), N_("Last"), N_("Go to the last row")) \
	X(SORT, "sort", 'o', 0, 0, N_("Sort"), N_("Sort by the next column")) \
	X(CONFIRM, "confirm", 'c', 0, 0, N_("Confirm"), N_("Confirm the order and reserve its stock")) \
	X(PACK, "pack", 'p', 0, 0, N_("Pack"), N_("Mark the order packed")) \
	X(SHIP, "ship", 's', 0, 0, N_("Ship"), N_("Send the order off with its tracking number")) \
	X(DELIVER, "deliver", 'd', 0, 0, N_("Deliver"), N_("Mark the order delivered")) \
	X(CANCEL, "cancel", 'x', 0, 0, N_("Cancel"), N_("Cancel the order and release its stock")) \
	X(RETURN, "return", 'r', 0, 0, N_("Return"), N_("Take the order's goods back into stock")) \
	X(ADJUST, "adjust", 'a', 0, 0, N_("Adjust"), N_("Correct the stock on hand, with a reason (manager)")) \
	X(YES, "yes", 'y', 0, 0, N_("Yes"), N_("Answer yes")) \
	X(NO, "no", 'n', 0, 0, N_("No"), N_("Answer no")) \
	X(SWITCH_CLERK, "switch-clerk", UI_CTRL('W'), 0, 0, N_("Clerk"), N_("Hand the terminal to another clerk (name and PIN)")) \
	X(REFRESH, "refresh", UI_CTRL('L'), 0, 0, N_("Redraw"), N_("Redraw the whole screen after line noise"))
/* clang-format on */

enum ui_action {
	UI_ACT_NONE = 0, /* ends an action list; no action */
#define UI_ACTION_ENUM(id, name, k1, k2, k3, label, help) UI_ACT_##id,
	UI_ACTION_LIST(UI_ACTION_ENUM)
#undef UI_ACTION_ENUM
	    UI_ACT_COUNT
};

/* Static name of action a ("page-down"); "" for UI_ACT_NONE. */
const char *ui_action_name(enum ui_action a);

/* Untranslated key bar label and help sentence of a (pass through _()). */
const char *ui_action_label(enum ui_action a);
const char *ui_action_help(enum ui_action a);

/* Number of actions in acts, a list ended by UI_ACT_NONE (NULL is empty). */
size_t ui_actions_count(const enum ui_action *acts);

/*
 * The action key asks for on a screen offering acts (ended by
 * UI_ACT_NONE; NULL is empty).  The screen's own actions are searched
 * first, in order; then the global actions (help, quit, back, refresh,
 * switch clerk, open, save), which answer only to their non-printable
 * keys (F1, Esc, Enter, ^W, ...) unless the screen lists them.  UI_ACT_NONE if
 * nothing matches.
 */
enum ui_action ui_keys_lookup(int key, const enum ui_action *acts);

/* 1 if key is a printable character (text a field should take), else 0. */
int ui_key_is_text(int key);

/*
 * Write the name of key into buf (n >= 16): "F1", "Enter", "Esc", "Tab",
 * "S-Tab", "Up", "PgDn", "^W", "Space", or the character itself.
 * Returns buf.
 */
char *ui_key_name(int key, char *buf, size_t n);

/*
 * Write the keys of action a, separated by spaces ("F1 ? ^G"), into buf
 * (n >= 48).  Returns buf.
 */
char *ui_action_keys(enum ui_action a, char *buf, size_t n);

/*
 * The key shown for a on the key bar: the first key, written as
 * "F1/?" when it is a function key and a printable key exists too, so a
 * clerk whose SSH client sends no function keys still sees a way.
 * Written into buf (n >= 32); returns buf.
 */
char *ui_action_bar_key(enum ui_action a, char *buf, size_t n);

#endif
