#!/bin/sh
# The command line's own contract: help, version, and exit status 2 with a
# one-line error naming --help for anything it does not understand.
. "$TESTS_SRCDIR/lib.sh"

run cs --help
is "--help exits 0" 0 "$rc"
ok "--help lists init" sh -c 'printf "%s\n" "$1" | grep -q "^  init "' - "$out"
ok "--help lists check" sh -c 'printf "%s\n" "$1" | grep -q "^  check "' - "$out"

run cs --version
is "--version exits 0" 0 "$rc"
ok "--version prints the name and a version" sh -c 'printf "%s" "$1" | grep -Eq "^coopstock [0-9]+\.[0-9]+"' - "$out"

run cs --db "$T/x.db" frobnicate
is "unknown command exits 2" 2 "$rc"
is "unknown command: one line naming it and --help" \
    "coopstock: unknown command 'frobnicate' (see coopstock --help)" "$err"
ok "unknown command creates no database" test ! -e "$T/x.db"

run cs --frob
is "unknown option exits 2" 2 "$rc"
is "unknown option message" "coopstock: unknown option '--frob' (see coopstock --help)" "$err"

run cs --db
is "--db without a file exits 2" 2 "$rc"

run cs --db "$T/x.db" init extra
is "init with an argument exits 2" 2 "$rc"

# --db after the command works too, and COOPSTOCK_DB is the fallback.
run cs init --db "$T/after.db"
is "--db after the command" 0 "$rc"
ok "database created where --db said" test -s "$T/after.db"
run env COOPSTOCK_DB="$T/env.db" "$COOPSTOCK" init
is "COOPSTOCK_DB is used without --db" 0 "$rc"
ok "database created at COOPSTOCK_DB" test -s "$T/env.db"

# Default location: $XDG_DATA_HOME/coopstock/coopstock.db, directory made.
run env XDG_DATA_HOME="$T/xdg" "$COOPSTOCK" init
is "default database under XDG_DATA_HOME" 0 "$rc"
ok "XDG database file exists" test -s "$T/xdg/coopstock/coopstock.db"

done_testing
