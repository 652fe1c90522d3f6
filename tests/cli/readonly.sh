#!/bin/sh
# Read-only files and directories, and a full disk: reading still works, a
# write says why in one line and exits 1, and no file is changed or left
# half-written.  The only write the command line has so far is the schema
# upgrade of `init`, so an old-schema database (made with a data directory
# holding only the first migration) stands in for every write.
. "$TESTS_SRCDIR/lib.sh"

mkdir -p "$T/old-share/sql"
cp "$TOP_SRCDIR/share/sql/001-initial.sql" "$T/old-share/sql/"
make_old() {
	COOPSTOCK_DATADIR="$T/old-share" "$COOPSTOCK" --db "$1" init >/dev/null
}
one_line() { [ "$(printf '%s\n' "$1" | wc -l)" -eq 1 ]; }

# Root writes read-only files anyway: run the reader as nobody then.
if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1 ||
	    skip_all "running as root without setpriv or a nobody user"
	nobody_uid=$(id -u nobody)
	nobody_gid=$(id -g nobody)
	asuser() {
		setpriv --reuid="$nobody_uid" --regid="$nobody_gid" \
		    --clear-groups "$@"
	}
	chmod 755 "$T"
	# The build tree may sit in a directory only root can enter (CI clones
	# into a mode-700 temp dir): give nobody its own copy of the binary and
	# of the schema files.
	mkdir -p "$T/bin" "$T/share"
	cp "$COOPSTOCK" "$T/bin/coopstock"
	cp -R "$COOPSTOCK_DATADIR/sql" "$T/share/sql"
	chmod -R a+rX "$T/bin" "$T/share"
	COOPSTOCK="$T/bin/coopstock"
	COOPSTOCK_DATADIR="$T/share"
	export COOPSTOCK_DATADIR
else
	asuser() { "$@"; }
fi
asuser "$COOPSTOCK" --version >/dev/null 2>&1 ||
    skip_all "the unprivileged user cannot run $COOPSTOCK"

# A read-only database in a read-only directory, with no -wal or -shm
# beside it: SQLite alone could not even read it (it must create the -shm).
mkdir "$T/ro"
cs --db "$T/ro/cur.db" init >/dev/null
make_old "$T/ro/old.db"
chmod 444 "$T/ro/cur.db" "$T/ro/old.db"
cp "$T/ro/cur.db" "$T/cur.orig"
cp "$T/ro/old.db" "$T/old.orig"
chmod 555 "$T/ro"
run asuser "$COOPSTOCK" --db "$T/ro/cur.db" check
is "read-only file and directory: check exits 0" 0 "$rc"
is "read-only file and directory: check says ok" "$T/ro/cur.db: ok" "$out"
run asuser "$COOPSTOCK" --db "$T/ro/cur.db" init
is "read-only, up to date: init has nothing to write" 0 "$rc"
run asuser "$COOPSTOCK" --db "$T/ro/old.db" init
is "read-only, old schema: init exits 1" 1 "$rc"
is "read-only, old schema: one line says why" \
    "coopstock: $T/ro/old.db: cannot update the schema: the database is read-only" "$err"
ok "read-only, old schema: the file is unchanged" cmp -s "$T/ro/old.db" "$T/old.orig"
ok "read-only: the current file is unchanged" cmp -s "$T/ro/cur.db" "$T/cur.orig"
ok "read-only directory: no -wal or -shm was made" \
    test ! -e "$T/ro/old.db-wal" -a ! -e "$T/ro/old.db-shm"

# A read-only file in a directory the reader may write.
mkdir "$T/rw"
cs --db "$T/rw/cur.db" init >/dev/null
make_old "$T/rw/old.db"
chmod 444 "$T/rw/cur.db" "$T/rw/old.db"
cp "$T/rw/old.db" "$T/rw.orig"
chmod 777 "$T/rw"
run asuser "$COOPSTOCK" --db "$T/rw/cur.db" check
is "read-only file: check says ok" "$T/rw/cur.db: ok" "$out"
run asuser "$COOPSTOCK" --db "$T/rw/old.db" init
is "read-only file: init exits 1" 1 "$rc"
is "read-only file: one line says why" \
    "coopstock: $T/rw/old.db: cannot update the schema: the database is read-only" "$err"
ok "read-only file: unchanged" cmp -s "$T/rw/old.db" "$T/rw.orig"
chmod 755 "$T/ro" "$T/rw"

# A full disk: a small tmpfs (root only; skipped elsewhere, never faked).
full="$T/full"
mkdir "$full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=1m tmpfs "$full" 2>/dev/null; then
	trap 'umount "$full" 2>/dev/null; rm -rf "$T"' EXIT
	make_old "$full/old.db"
	cp "$full/old.db" "$T/full.orig"
	dd if=/dev/zero of="$full/fill" bs=4k 2>/dev/null
	run cs --db "$full/new.db" init
	is "full disk: init of a new database exits 1" 1 "$rc"
	is "full disk: init of a new database says so in one line" \
	    "coopstock: $full/new.db: the disk is full" "$err"
	ok "full disk: no half-written new database is left" \
	    test ! -e "$full/new.db" -a ! -e "$full/new.db-wal" -a ! -e "$full/new.db-shm"
	run cs --db "$full/old.db" init
	is "full disk: the upgrade exits 1" 1 "$rc"
	ok "full disk: the upgrade's reason is one line" one_line "$err"
	ok "full disk: the upgrade says the disk is full" \
	    sh -c 'printf "%s" "$1" | grep -q "the disk is full$"' - "$err"
	ok "full disk: the old database is unchanged" cmp -s "$full/old.db" "$T/full.orig"
	rm -f "$full/fill"
	run cs --db "$full/old.db" check
	is "space freed: check passes" "$full/old.db: ok" "$out"
	run cs --db "$full/old.db" init
	is "space freed: the upgrade succeeds" 0 "$rc"
	# 64 KiB cannot hold even the empty schema: the migration itself fails.
	umount "$full"
	mount -t tmpfs -o size=64k tmpfs "$full"
	run cs --db "$full/tiny.db" init
	is "tiny disk: init exits 1" 1 "$rc"
	is "tiny disk: init says so in one line" \
	    "coopstock: $full/tiny.db: cannot update the schema: the disk is full" "$err"
	ok "tiny disk: no half-written database is left" \
	    test ! -e "$full/tiny.db" -a ! -e "$full/tiny.db-wal" -a ! -e "$full/tiny.db-shm"
	umount "$full"
else
	skip "full disk" "cannot mount a small tmpfs here (needs root)"
fi

done_testing
