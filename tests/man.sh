#!/bin/sh
# The man page lints clean (groff -ww, and mandoc -T lint where installed),
# is plain ASCII so any man(1) shows it, and documents every command that
# --help lists and every long option the commands accept.
. "$TESTS_SRCDIR/lib.sh"

man=$TOP_SRCDIR/share/man/coopstock.1
command -v groff >/dev/null 2>&1 ||
    skip_all "groff is missing (apt-get install groff-base)"

run groff -ww -z -man "$man"
is "groff -ww -z -man exits 0" 0 "$rc"
is "groff -ww -z -man warns about nothing" "" "$err"
if command -v mandoc >/dev/null 2>&1; then
	run mandoc -T lint -W warning "$man"
	is "mandoc -T lint warns about nothing" "" "$out$err"
else
	skip "mandoc -T lint" "mandoc is not installed"
fi
run env LC_ALL=C grep -n '[^ -~	]' "$man"
is "the page is plain ASCII" "" "$out"

# Commands: the first word of each line of --help's command list.
cmds=$(LANGUAGE=en LC_ALL=C "$COOPSTOCK" --help |
	sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
ok "--help lists commands" test -n "$cmds"
for c in $cmds; do
	ok "the man page documents the command '$c'" \
	    grep -Eq "^\.B[IR]? \"?$c( |\"|\$)" "$man"
done

# Long options: getopt tables ({"name", ...) and strcmp(..., "--name").
opts=$(cd "$TOP_SRCDIR/src/cli" &&
	{ sed -n 's/^ *{"\([a-z][a-z-]*\)", *[a-z_]*_argument.*/\1/p' *.c
	  grep -ho '"--[a-z][a-z-]*' *.c | sed 's/^"--//'; } | sort -u)
ok "the sources have long options" test -n "$opts"
for o in $opts; do
	e=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
	ok "the man page documents --$o" grep -q "\\\\-\\\\-$e" "$man"
done
done_testing
