#!/bin/sh
# quiet.sh - the real program on a pseudo-terminal (tests/tools/ptyrec):
# nothing at all is sent while the clerk thinks, on Home and on Products,
# and a Down arrow on Products costs fewer bytes than a full redraw.
# Bytes only, never times (the idle windows just count what arrives).
. "$TESTS_SRCDIR/lib.sh"

PTYREC=${PTYREC:-$(dirname "$COOPSTOCK")/tests/tools/ptyrec}
[ -x "$PTYREC" ] || skip_all "tests/tools/ptyrec is not built"

DB=$T/coop.db
cs --db "$DB" init >/dev/null && cs --db "$DB" demo >/dev/null ||
    { echo "Bail out! demo"; exit 1; }

# The clerk list starts on "manager" (names sort by bytes).
cat >"$T/script" <<'SCRIPT'
mark signin
key enter
text 1234
key enter
mark home_idle
idle 3
mark products
key p
mark products_idle
idle 3
mark down
key down
mark redraw
key ctrl-l
mark quit
key q
SCRIPT

# TERM=linux: ptyrec sends the cursor keys as ESC [ B, which is what
# linux's terminfo expects (xterm's says ESC O B in keypad mode).
# -q 1500: a key counts as answered after 1.5 s of silence, so the
# PIN check (yescrypt, slow under sanitizers) is not taken for quiet.
run env LANG=C.UTF-8 LC_ALL=C.UTF-8 "$PTYREC" -q 1500 -s 80x24 -t linux \
    "$T/script" -- "$COOPSTOCK" --db "$DB"
printf '%s\n' "$out" | sed 's/^/# /'
bytes() { printf '%s\n' "$out" | sed -n "s/^$1 keys=[0-9]* bytes=\([0-9]*\).*/\1/p"; }

is "the program quit normally" "1" \
    "$(printf '%s\n' "$out" | grep -c '^exit status=0 ')"
ok "Home drew itself" test "$(bytes products)" -gt 0
is "0 bytes in 3 s idle on Home" "0" "$(bytes home_idle)"
is "0 bytes in 3 s idle on Products" "0" "$(bytes products_idle)"
down=$(bytes down)
redraw=$(bytes redraw)
ok "a Down arrow sends something ($down bytes)" test "$down" -gt 0
ok "a Down arrow ($down) costs less than Ctrl-L's full redraw ($redraw)" \
    test "$down" -lt "$redraw"
ok "a Down arrow costs at most 80 bytes ($down)" test "$down" -le 80

done_testing
