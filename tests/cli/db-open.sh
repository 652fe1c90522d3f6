#!/bin/sh
# Opening a database: create, upgrade, re-run, and refusing what is not
# ours without changing a byte of it.
. "$TESTS_SRCDIR/lib.sh"

db="$T/x.db"
run cs --db "$db" init
is "init exits 0" 0 "$rc"
ok "init says ready" sh -c 'printf "%s" "$1" | grep -q "ready (schema version [1-9]"' - "$out"
run cs --db "$db" check
is "check on a new database exits 0" 0 "$rc"
is "check says ok" "$db: ok" "$out"
cp "$db" "$T/before.db"
run cs --db "$db" init
is "init twice exits 0" 0 "$rc"
run cs --db "$db" check
is "check after the second init" 0 "$rc"

# Group-shared terminal: new files are 0660 less the umask.
(umask 002 && "$COOPSTOCK" --db "$T/g.db" init >/dev/null)
is "new database is group-writable, not world-readable (umask 002)" \
    "660" "$(stat -c %a "$T/g.db")"
# (The -wal and -shm exist only while the database is open: their modes
# are checked by tests/unit/test_db.c, test_group_modes_while_open.)
(umask 077 && "$COOPSTOCK" --db "$T/p.db" init >/dev/null)
is "umask 077 is honoured" "600" "$(stat -c %a "$T/p.db")"

# A file that is not a database: refused, one line, byte-for-byte unchanged.
printf 'sku,name\nHT-1,walnuts\n' > "$T/notes.csv"
cp "$T/notes.csv" "$T/notes.orig"
run cs --db "$T/notes.csv" init
is "a CSV file as --db exits 1" 1 "$rc"
is "a CSV file as --db: one clear line" \
    "coopstock: $T/notes.csv: not a coopstock database (refusing to touch it)" "$err"
ok "the CSV file is unchanged" cmp -s "$T/notes.csv" "$T/notes.orig"
ok "no -wal file left beside it" test ! -e "$T/notes.csv-wal"

# Another program's SQLite database: refused, unchanged.
if [ -n "$SQLITE3" ]; then
	"$SQLITE3" "$T/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
	cp "$T/other.db" "$T/other.orig"
	run cs --db "$T/other.db" init
	is "a foreign SQLite database exits 1" 1 "$rc"
	is "a foreign SQLite database: one clear line" \
	    "coopstock: $T/other.db: an SQLite database, but not coopstock's (refusing to touch it)" "$err"
	ok "the foreign database is unchanged" cmp -s "$T/other.db" "$T/other.orig"

	# A database from a newer coopstock: refused, unchanged.
	cp "$T/before.db" "$T/new.db"
	"$SQLITE3" "$T/new.db" "PRAGMA journal_mode=DELETE; PRAGMA user_version=999;" >/dev/null
	cp "$T/new.db" "$T/new.orig"
	run cs --db "$T/new.db" check
	is "a newer database exits 1" 1 "$rc"
	ok "a newer database: says so and how to fix it" \
	    sh -c 'printf "%s" "$1" | grep -q "written by a newer coopstock (schema 999, this one knows [0-9]*); upgrade coopstock$"' - "$err"
	is "the newer database's message is one line" 1 "$(printf '%s\n' "$err" | wc -l)"
	ok "the newer database is unchanged" cmp -s "$T/new.db" "$T/new.orig"
fi

# check reports a broken reference in plain words (foreign_key_check).
if [ -n "$SQLITE3" ]; then
	cs --db "$T/fk.db" init >/dev/null
	"$SQLITE3" "$T/fk.db" "PRAGMA foreign_keys=OFF; INSERT INTO lot(product_id, received_on, qty, actor) VALUES (999, '2026-01-01', 1000, 'x');"
	run cs --db "$T/fk.db" check
	is "check finds a dangling reference: exit 1" 1 "$rc"
	is "check names the row and what it lacks" "problem: lot row 1 refers to a missing product" "$out"
	is "check's summary line" "coopstock: $T/fk.db: 1 problem found" "$err"
fi

# check on a missing database does not create it.
run cs --db "$T/missing.db" check
is "check on a missing file exits 1" 1 "$rc"
is "check on a missing file says how to create it" \
    "coopstock: $T/missing.db: no database here; create one with: coopstock --db $T/missing.db init" "$err"
ok "check did not create the file" test ! -e "$T/missing.db"

# A directory is not a database.
mkdir "$T/dir.db"
run cs --db "$T/dir.db" init
is "a directory as --db exits 1" 1 "$rc"

done_testing
