#!/bin/sh
# Every source file that marks text for translation must be listed in
# po/POTFILES.in, or its strings silently stay English.
. "$TESTS_SRCDIR/lib.sh"

cd "$TOP_SRCDIR" || exit 1
listed=$(grep -v '^#' po/POTFILES.in | grep -v '^$' | sort)
marked=$(grep -rlE '(^|[^A-Za-z0-9_])(N?_|P_)\(|X\([A-Z_]+, *"' src --include='*.c' --include='*.h' |
	grep -v '^src/util/i18n.h$' | sort)
missing=$(printf '%s\n' "$marked" | grep -vxF -e "$listed" | grep -v '^$')
is "every file using _() is in po/POTFILES.in" "" "$missing"
for f in $listed; do
	ok "$f (listed in POTFILES.in) exists" test -f "$f"
done
done_testing
