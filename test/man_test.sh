#!/usr/bin/env bash
# man_test.sh BIN MANPAGE - the man page and --help cannot drift apart:
# every option, command and key in --help is in the man page, and every
# option in the man page is in --help.
set -u
bin=$1 man=$2
help=$("$bin" --lang en --help)
text=$(sed 's/\\-/-/g; s/\\f[BIRP]//g; s/\\e/\\/g' "$man")
fails=0
check() { if grep -qF -- "$2" <<<"$3"; then :; else echo "not ok - $1: $2"; fails=$((fails + 1)); fi; }
for opt in $(grep -oE -- '--[a-z][a-z-]+' <<<"$help" | sort -u); do check "option of --help in the man page" "$opt" "$text"; done
for opt in $(grep -oE -- '--[a-z][a-z-]+' <<<"$text" | sort -u); do check "option of the man page in --help" "$opt" "$help"; done
# the commands and their options come from the commands' tables (src/cmd/):
# every command of --help has its entry, and every option its help lists
commands=$(sed -n '/^Commands:/,/^$/p' <<<"$help" | sed -n 's/^  \([a-z][a-z-]*\).*/\1/p')
[ -n "$commands" ] || check "the commands listed in --help" "print" ""
for cmd in $commands; do
	check "command in the man page" ".B $cmd" "$(cat "$man")"
	for opt in $("$bin" --lang en "$cmd" --help | sed -n '/^$/,$p' | grep -oE -- '^ +(-[a-zA-Z], )?--[a-z][a-z-]+' | grep -oE -- '--[a-z-]+'); do
		check "option of '$cmd --help' in the man page" "$opt" "$text"
	done
done
while read -r keys rest; do
	check "key in the man page" "$keys" "$text"
done < <(sed -n '/^Keys in the browser:/,$p' <<<"$help" | tail -n +2 | cut -c3-24 | sed 's/ *$//')
# the page as man shows it (issue 26): a line that began with "." was
# eaten as a request, a wrong glyph name printed the wrong letter
if command -v groff >/dev/null; then
	rendered=$(groff -man -Tutf8 -P-c -P-b -P-u "$man" 2>/dev/null | tr -s ' \n' ' ')
	check "rendered: the Danish area name" "Socialområdet generelt" "$rendered"
	check "rendered: the whole -o sentence" ".txt, .html (.htm) or .xlsx" "$rendered"
	check "rendered: the whole e sentence" ".html, .xlsx). The search" "$rendered"
	check "rendered: R in KEYS" " R Register a remanded case" "$rendered"
	check "rendered: E in KEYS" " E Change a registered remanded case" "$rendered"
	check "rendered: X in KEYS" " X Delete a registered remanded case" "$rendered"
	check "rendered: the papers' cell with counts" "heraf 27 pct. (21) hjemviste og 13 pct. (10) ændrede" "$rendered"
fi
n=$(( $(grep -cE -- '--[a-z]' <<<"$help") ))
echo "$((fails == 0 ? 1 : 0)) passed, $fails failed"
[ "$fails" -eq 0 ]
