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
for cmd in print check faktaark import fetch; do check "command in the man page" ".B $cmd" "$(cat "$man")"; done
while read -r keys rest; do
	check "key in the man page" "$keys" "$text"
done < <(sed -n '/^Keys in the browser:/,$p' <<<"$help" | tail -n +2 | cut -c3-24 | sed 's/ *$//')
n=$(( $(grep -cE -- '--[a-z]' <<<"$help") ))
echo "$((fails == 0 ? 1 : 0)) passed, $fails failed"
[ "$fails" -eq 0 ]
