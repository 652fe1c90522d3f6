#!/bin/sh
# wire.sh - what the list widget sends on the wire, counted on a
# pseudo-terminal by tests/tools/ptyrec (bytes, never times): nothing
# while idle, and a Down arrow costs far less than a redraw of the whole
# screen, for TERM=xterm-256color and vt100.  The program is
# tests/tui/uidemo's 100,000-row list; make bench measures the real
# product list the same way.
. "$TESTS_SRCDIR/lib.sh"

BUILD=$(dirname "$COOPSTOCK")
UIDEMO=${UIDEMO:-$BUILD/tests/tui/uidemo}
PTYREC=${PTYREC:-$BUILD/tests/tools/ptyrec}
[ -x "$UIDEMO" ] || skip_all "tests/tui/uidemo is not built"
[ -x "$PTYREC" ] || skip_all "tests/tools/ptyrec is not built"

# The start mark takes whatever of the first screen comes after ptyrec's
# quiet window (a sanitizer build starts slowly); -q 400 likewise lets a
# slow answer to a key count for that key.
printf 'mark start\nidle 2\nmark down\nkey down 5\nmark idle\nidle 1\n' \
    >"$T/keys"

for term in xterm-256color vt100; do
	# ncurses' terminfo (which ptyrec reads for the key sequences)
	# keeps its allocations to the end: not a leak worth failing for.
	ASAN_OPTIONS=detect_leaks=0 \
	    "$PTYREC" -q 400 -t "$term" "$T/keys" -- "$UIDEMO" >"$T/rep" \
	    2>"$T/err"
	first=$(sed -n 's/^first_screen bytes=\([0-9]*\).*/\1/p' "$T/rep")
	start=$(sed -n 's/^start keys=0 bytes=\([0-9]*\).*/\1/p' "$T/rep")
	first=$((${first:-0} + ${start:-0}))
	down=$(sed -n 's/^down keys=5 bytes=\([0-9]*\).*/\1/p' "$T/rep")
	idle=$(sed -n 's/^idle keys=0 bytes=\([0-9]*\).*/\1/p' "$T/rep")
	ok "$term: the list drew a screen ($first bytes)" \
	    test "${first:-0}" -gt 1000
	ok "$term: 5 Down arrows were answered ($down bytes)" \
	    test "${down:-0}" -gt 0
	ok "$term: a Down costs less than a tenth of a redraw" \
	    test $((${down:-0} / 5 * 10)) -lt "${first:-0}"
	is "$term: nothing sent in 1 s of idle" "0" "$idle"
done
done_testing
