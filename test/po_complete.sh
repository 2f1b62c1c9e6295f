#!/usr/bin/env bash
# po_complete.sh ROOT - every user-facing string has a Danish translation,
# and po/POTFILES lists every source file.
set -u
cd "$1" || exit 1
fails=0
for f in src/*.c src/*/*.c; do
	grep -qx "$f" po/POTFILES || { echo "not ok - $f is missing from po/POTFILES"; fails=$((fails + 1)); }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xgettext --from-code=UTF-8 -k_ -kN_ -kvline_add:3 -kvline_num:3 -kdiag_add:6 -kdiag_vadd:6 \
	-ktbl_at_col:5 -ktbl_bad_value:4 -ksay:3 -kxlsx_part_fail:2 -kX:2 -kusage_error:2 -kcli_usage_error:2 -o "$tmp/ankekort.pot" $(cat po/POTFILES) 2>/dev/null
msgmerge -q --no-fuzzy-matching po/da.po "$tmp/ankekort.pot" -o "$tmp/da.po"
# counted by msgfmt: a msgid of several lines begins with msgid "" and a grep misses it
untranslated=$(msgfmt --statistics -o /dev/null "$tmp/da.po" 2>&1 | grep -oE '[0-9]+ untranslated' | grep -oE '^[0-9]+' || true)
untranslated=${untranslated:-0}
if [ "$untranslated" -ne 0 ]; then
	echo "not ok - $untranslated strings have no Danish translation:"
	msgattrib --untranslated --no-obsolete "$tmp/da.po" | grep '^msgid' | head -20
	fails=$((fails + 1))
fi
msgfmt --check -o /dev/null po/da.po || fails=$((fails + 1))
# text handed to a text builder without _() never reaches the catalogue:
# a literal with a word in it passed to sbuf_puts/sbuf_printf/view_wrap/
# snprintf in the code that makes what users read must be translated, or
# say why not ("untranslated: ...") on the line
builders=$(grep -nE '(sbuf_puts|sbuf_printf|view_wrap|snprintf)\([^"]*"[^"%]*[A-Za-z]{3}' \
	src/browse/*.c src/output/*.c |
	grep -v '_("' | grep -v 'untranslated:')
if [ -n "$builders" ]; then
	echo "not ok - text passed to a text builder without _():"
	echo "$builders" | sed 's/^/    /'
	fails=$((fails + 1))
fi
echo "$((fails == 0 ? 1 : 0)) passed, $fails failed"
[ "$fails" -eq 0 ]
