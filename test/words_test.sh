#!/usr/bin/env bash
# words_test.sh BIN ROOT - what the command line says in words (issue 26):
# no English ids in Danish output (check, print's text, --help), errors
# that say what to do. CSV keeps its stable ids.
set -u
. "$(dirname "$0")/lib_check.sh"
bin=$1 root=$2
cd "$root" || exit 1
check_tmpdir dir
check_details=$dir/hits
# the ids of the data: areas, number columns, flags
ids='boernehandicap|voksenhandicap|[a-z]+_pct|decisions_total|dst_benefits|published_only|small_sample|one_law_only|sources_disagree'

"$bin" --lang da check --data datasets >"$dir/out" 2>&1
grep -noE "$ids" "$dir/out" >"$dir/hits"
check "check in Danish: no ids (boernehandicap, rate_pct)" '[ -s "$dir/out" ] && [ ! -s "$dir/hits" ]'
check "check in Danish: the numbers named in Danish" 'grep -q "kilderne er uenige om omgørelsesprocenten" "$dir/out" && grep -q "Hele landet 2021 Børnehandicap:" "$dir/out"'
"$bin" --lang da print --data datasets >"$dir/out" 2>&1
grep -noE "$ids" "$dir/out" >"$dir/hits"
check "print's text in Danish: no ids" '[ -s "$dir/out" ] && [ ! -s "$dir/hits" ]'
"$bin" --lang da print --data datasets --format csv >"$dir/out" 2>&1
check "print's CSV keeps its ids" 'head -1 "$dir/out" | grep -q ",rate_pct," && grep -q ",boernehandicap," "$dir/out"'
# the browser's keys named in the interface language (issue 26)
"$bin" --lang da --help >"$dir/out" 2>&1
sed -n '/^Taster i browseren:/,$p' "$dir/out" >"$dir/keys"
grep -nE '^  (Up|Down|Left|Right|Space|Shift)\b' "$dir/keys" >"$dir/hits"
check "--help in Danish names the keys in Danish" '[ -s "$dir/keys" ] && [ ! -s "$dir/hits" ] && grep -q "^  Op, k " "$dir/keys" && grep -q "^  Mellemrum " "$dir/keys"'
"$bin" --lang en --help >"$dir/out" 2>&1
check "... and in English in English" 'grep -q "^  Up, k " "$dir/out" && grep -q "^  Space " "$dir/out"'
# the shell completion takes commands and options from the tables
offered() { # WORDS...: what the completion offers for the last word
	(PATH=$(dirname "$bin"):$PATH
	. completions/ankekort
	COMP_WORDS=("$@")
	COMP_CWORD=$(($# - 1))
	_ankekort
	echo "${COMPREPLY[*]}")
}
check "completion: fetch's options only" '[ "$(offered ankekort fetch --t)" = "--table --timeout" ]'
check "completion: every command" '[ "$(offered ankekort re)" = register ] && [ "$(offered ankekort f)" = "faktaark fetch" ]'
check_done
