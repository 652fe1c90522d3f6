#!/bin/sh
# static-build.sh - bench/coopstock-static, coopstock linked from the
# libraries' static archives (what ./configure --enable-static-deps
# builds), does what the shared build does: the same version, none of
# those libraries loaded at run time, the same import and export (a GBK
# file: iconv), the same sign-in screen byte for byte.
. "$TESTS_SRCDIR/lib.sh"

BUILD=$(dirname "$COOPSTOCK")
STATIC=$BUILD/bench/coopstock-static
PTYREC=$BUILD/tests/tools/ptyrec
[ -x "$STATIC" ] || skip_all "the static archives did not link (configure)"

is "the same --version" "$("$COOPSTOCK" --version)" "$("$STATIC" --version)"
if command -v ldd >/dev/null 2>&1; then
	is "no shared ncurses, form, tinfo, SQLite, libcsv or libcrypt" "" \
	    "$(ldd "$STATIC" | grep -E -o \
	    'lib(ncursesw|formw|tinfo|sqlite3|csv|crypt)\.so[.0-9]*')"
else
	skip "no shared ncurses, form, tinfo, SQLite, libcsv or libcrypt" \
	    "no ldd"
fi

# prog BUILD: the program of BUILD (shared or static).
prog() { if [ "$1" = static ]; then echo "$STATIC"; else echo "$COOPSTOCK"; fi; }

d=$TESTS_SRCDIR/data/imex
for b in shared static; do
	bin=$(prog $b)
	"$bin" --db "$T/$b.db" init >/dev/null
	run "$bin" --db "$T/$b.db" import products "$d/products.csv" \
	    "$d/products-gbk.csv"
	is "$b: products imported" 0 "$rc"
	printf '%s\n' "$out" >"$T/$b.import"
	"$bin" --db "$T/$b.db" export products "$T/$b.csv"
done
ok "the same import report" cmp -s "$T/shared.import" "$T/static.import"
ok "the same export, byte for byte" cmp -s "$T/shared.csv" "$T/static.csv"

if [ -x "$PTYREC" ]; then
	for b in shared static; do
		bin=$(prog $b)
		ASAN_OPTIONS=detect_leaks=0 LANG=C.UTF-8 LC_ALL=C.UTF-8 \
		    "$PTYREC" -q 400 -o "$T/$b.raw" - -- \
		    "$bin" --db "$T/shared.db" >/dev/null 2>&1
	done
	ok "a sign-in screen was drawn" grep -q "Sign in" "$T/static.raw"
	ok "the same sign-in screen, byte for byte" \
	    cmp -s "$T/shared.raw" "$T/static.raw"
else
	skip "the same sign-in screen" "tests/tools/ptyrec is not built"
fi
done_testing
