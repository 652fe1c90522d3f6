#!/bin/sh
# screenshots.sh - the README's text screenshots are the program's
# screens: tests/tools/screenshots.sh --check takes them again (demo
# cooperative, tmux, 80x24, English and Chinese) and compares them with
# README.md and README.zh_CN.md.  A README whose shot was edited by hand
# is caught, and rewriting puts back exactly what is committed.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"

tui_have_tmux || skip_all "tmux is not installed"
locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$' ||
    skip_all "the zh_CN.UTF-8 locale is not installed (./bootstrap generates it)"
tool=$TESTS_SRCDIR/tools/screenshots.sh
export TOP_SRCDIR COOPSTOCK COOPSTOCK_DATADIR TMUX_BIN

run sh "$tool" --check
is "README.md and README.zh_CN.md show the program's screens" "0" "$rc"
[ "$rc" = 0 ] || printf '%s\n%s\n' "$out" "$err" | sed 's/^/# /'

# A shot changed by hand (the Chinese Home's first count) is a difference.
mkdir "$T/r"
cp "$TOP_SRCDIR/README.md" "$TOP_SRCDIR/README.zh_CN.md" "$T/r/"
sed 's/^\( > 1  待确认的订单  *\)3$/\19/' "$TOP_SRCDIR/README.zh_CN.md" \
    >"$T/r/README.zh_CN.md"
ok "the hand edit is made" sh -c '! cmp -s "$1" "$2"' - \
    "$TOP_SRCDIR/README.zh_CN.md" "$T/r/README.zh_CN.md"
README_DIR=$T/r run sh "$tool" --check
is "--check finds it" "1" "$rc"
is "and shows the line" "1" "$(printf '%s\n' "$out" | grep -c '^+ > 1  待确认的订单  *3$')"
README_DIR=$T/r run sh "$tool"
is "rewriting succeeds" "0|README.zh_CN.md: screenshots written" "$rc|$out"
ok "and gives back the committed README" \
    cmp -s "$TOP_SRCDIR/README.zh_CN.md" "$T/r/README.zh_CN.md"
ok "the English one untouched" \
    cmp -s "$TOP_SRCDIR/README.md" "$T/r/README.md"
done_testing
