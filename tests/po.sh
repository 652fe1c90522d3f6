#!/bin/sh
# The Chinese translation is complete and current: msgfmt finds no
# untranslated or fuzzy message and no format mismatch, and every string
# the sources mark today (extracted afresh with po/Makevars' options, into
# the temp dir: the source tree may be read-only) is translated in
# po/zh_CN.po.  A failure names the strings; the fix is
#   make -C po update-po   (then translate what it leaves empty or fuzzy)
. "$TESTS_SRCDIR/lib.sh"

for tool in xgettext msgfmt msgmerge msgattrib msggrep; do
	command -v $tool >/dev/null 2>&1 ||
	    skip_all "$tool is missing (apt-get install gettext)"
done
po=$TOP_SRCDIR/po/zh_CN.po

run msgfmt --check --statistics -o /dev/null "$po"
is "msgfmt --check passes on zh_CN.po" 0 "$rc"
ok "no untranslated message ($err)" sh -c '! printf "%s" "$1" | grep -q untranslated' - "$err"
ok "no fuzzy message ($err)" sh -c '! printf "%s" "$1" | grep -q fuzzy' - "$err"

# msgids: each message's msgid on one line (continuations joined), the
# header left out, from a .po on stdin; obsolete ones too ("#~ ").
msgids() {
	sed 's/^#~ //' | awk '
	/^msgid / { id = substr($0, 7); inid = 1; next }
	inid && /^"/ { id = id $0; next }
	inid { inid = 0; gsub(/""/, "", id); if (id != "") print id }'
}

# XGETTEXT_OPTIONS from Makevars, continuation lines joined.
opts=$(sed -e ':a' -e '/\\$/{N;s/\\\n//;ba' -e '}' "$TOP_SRCDIR/po/Makevars" |
	sed -n 's/^XGETTEXT_OPTIONS *= *//p')
(cd "$TOP_SRCDIR" && eval "xgettext $opts --files-from=po/POTFILES.in \
	--package-name=coopstock -o '$T/coopstock.pot'")
ok "xgettext extracts the sources' strings" test -s "$T/coopstock.pot"

# Merge without fuzzy matching: a source string zh_CN.po lacks comes out
# untranslated, a zh_CN.po string no source uses any more comes out obsolete.
msgmerge -q -N --no-wrap -o "$T/merged.po" "$po" "$T/coopstock.pot" 2>"$T/merge.err"
is "msgmerge succeeds" "" "$(cat "$T/merge.err")"
missing=$(msgattrib --untranslated --no-obsolete --no-wrap "$T/merged.po" | msgids)
is "every string in the sources is translated in zh_CN.po" "" "$missing"
fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$T/merged.po" | msgids)
is "no fuzzy string after merging" "" "$fuzzy"
msgattrib --only-obsolete --no-wrap "$po" | msgids >"$T/was-obsolete"
stale=$(msgattrib --only-obsolete --no-wrap "$T/merged.po" | msgids |
	grep -vxF -f "$T/was-obsolete")
is "zh_CN.po holds no string the sources no longer use" "" "$stale"

# The key bar gives each label 6 columns: every translated label of the
# action table (src/ui/keys.h) must fit (a Chinese character is 2 wide).
labels=$(sed -n 's/.*N_("\([^"]*\)"), N_(".*/\1/p' "$TOP_SRCDIR/src/ui/keys.h")
ok "keys.h has key bar labels" test -n "$labels"
too_wide=
for l in $labels; do
	zh=$(msggrep --no-wrap -K -e "^$l\$" "$po" | sed -n 's/^msgstr "\(.*\)"$/\1/p' | tail -n 1)
	chars=$(printf '%s' "$zh" | LC_ALL=C tr -d '\200-\277' | wc -c)
	ascii=$(printf '%s' "$zh" | LC_ALL=C tr -d '\200-\377' | wc -c)
	[ $((ascii + 2 * (chars - ascii))) -le 6 ] || too_wide="$too_wide $l=$zh"
done
is "every key bar label fits in 6 columns in Chinese" "" "$too_wide"
done_testing
