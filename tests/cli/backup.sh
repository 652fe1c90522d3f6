#!/bin/sh
# coopstock backup: a consistent copy made with the online backup API,
# usable as a database on its own, replacing an older backup atomically.
. "$TESTS_SRCDIR/lib.sh"

db="$T/live.db"
cs --db "$db" init >/dev/null
run cs --db "$db" backup "$T/b1.db"
is "backup exits 0" 0 "$rc"
is "backup says what it did" "backed up $db to $T/b1.db" "$out"
run cs --db "$T/b1.db" check
is "the backup passes check" 0 "$rc"
ok "the backup is a single file (no -wal needed)" test ! -e "$T/b1.db-wal"
if [ -n "$SQLITE3" ]; then
	is "the backup holds the schema" \
	    "$("$SQLITE3" "$db" 'PRAGMA user_version')" \
	    "$("$SQLITE3" "$T/b1.db" 'PRAGMA user_version')"
	"$SQLITE3" "$db" "INSERT INTO member(code, name) VALUES ('M9', '李四')"
	run cs --db "$db" backup "$T/b1.db"
	is "a second backup over the first exits 0" 0 "$rc"
	is "the second backup has the new row" "李四" \
	    "$("$SQLITE3" "$T/b1.db" "SELECT name FROM member WHERE code = 'M9'")"
fi
ok "no partial file is left behind" sh -c '! ls "$1"/*.partial-* >/dev/null 2>&1' - "$T"

run cs --db "$db" backup
is "backup without a file exits 2" 2 "$rc"
run cs --db "$db" backup "$T/no/such/dir/b.db"
is "backup into a missing directory exits 1" 1 "$rc"
ok "the error names the file" sh -c 'printf "%s" "$1" | grep -q "no/such/dir/b.db"' - "$err"
done_testing
