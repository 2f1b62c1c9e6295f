#!/usr/bin/env bash
# arearules_test.sh BIN ROOT - a broken or mistyped areas.csv is an error,
# never ignored (issue 23): import, fetch and check name it with
# file:line:column, import and fetch write nothing and exit 1, check exits
# 1. A BOM, CRLF and ';' are read as in every other file. The shipped
# areas.csv passes check.
set -u
. "$(dirname "$0")/lib_check.sh"
bin=$1 root=$2
cd "$root" || exit 1
check_tmpdir tmp
check_details=$tmp/err
mkdir "$tmp/ds"
cp datasets/*.csv "$tmp/ds/"
head='law,paragraph,area,from,to,source'
good='servicelov|sel,41,boernehandicap,,,'
n=0
# broken FILE-CONTENT EXPECTED-MESSAGE: import, fetch and check refuse it
broken() {
	local name=$1 expected=$3
	n=$((n + 1))
	printf '%b' "$2" >"$tmp/ds/areas.csv"
	ANKEKORT_DATASETS="$tmp/ds" "$bin" --lang en import test/data/import/sheet_bom.csv --into "$tmp/out$n" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	check "$name: import refuses, names it, writes nothing" '[ $rc -eq 1 ] && grep -qF -- "$tmp/ds/areas.csv:$expected" "$tmp/err" && [ ! -e "$tmp/out$n" ]'
	ANKEKORT_DATASETS="$tmp/ds" "$bin" --lang en fetch --api-url http://127.0.0.1:9 --timeout 1 --into "$tmp/f$n" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	check "$name: fetch refuses before asking" '[ $rc -eq 1 ] && grep -qF -- "$tmp/ds/areas.csv:$expected" "$tmp/err" && ! grep -q "connect" "$tmp/err" && [ ! -e "$tmp/f$n" ]'
	ANKEKORT_DATASETS="$tmp/ds" "$bin" --lang en check >"$tmp/err" 2>&1
	rc=$?
	check "$name: check names it, exit 1" '[ $rc -eq 1 ] && grep -qF -- "$tmp/ds/areas.csv:$expected" "$tmp/err"'
	# with a downloaded file as the data, read with the same rules: still said once
	ANKEKORT_DATASETS="$tmp/ds" "$bin" --lang en --data test/data/import/sheet_bom.csv check >"$tmp/err" 2>&1
	rc=$?
	check "$name: check --data FILE names it once" '[ $rc -eq 1 ] && [ "$(grep -cF -- "$tmp/ds/areas.csv:$expected" "$tmp/err")" = 1 ]'
}
broken "empty file" '' '1:1: error: expected the header law,paragraph,area,from,to and a rule a line, found no rule'
broken "only a header" "$head\n" '1:1: error: expected the header'
broken "no area column" 'law,paragraph,from\nsel,41,\n' '1:1: error: expected a column named "area" in the header'
broken "no law column" 'paragraph,area\n41,generelt\n' '1:1: error: expected a column named "law" in the header'
broken "tabs for commas" 'law\tparagraph\tarea\nsel\t41\tgenerelt\n' '1:1: error: expected a column named "law" in the header'
broken "a column twice" 'law,paragraph,area,area\nsel,41,generelt,generelt\n' '1:20: error: column "area" appears twice'
broken "an unknown area" "$head\nsel,41,boernehandcap,,,\n" '2:8: error: area: expected generelt, boernehandicap or voksenhandicap, found "boernehandcap"'
broken "an empty area" "$head\nsel,41,,,,\n" '2:8: error: area: expected generelt'
broken "a year that is text" "$head\nsel,41,generelt,2O24,,\n" '2:17: error: from: expected a year such as 2024, or nothing, found "2O24"'
broken "a two-digit year" "$head\nsel,41,generelt,,24,\n" '2:18: error: to: expected a year'
broken "to before from" "$head\nsel,41,generelt,2024,2023,\n" '2:22: error: to: expected a year not before the year in from'
broken "an empty law" "$head\n,41,generelt,,,\n" '2:1: error: law: expected the law'"'"'s names separated by |'
broken "a law of digits" "$head\n123,41,generelt,,,\n" '2:1: error: law: expected'
broken "an empty name in a law" "$head\nservicelov||sel,41,generelt,,,\n" '2:1: error: law: expected'
broken "a paragraph that is a word" "$head\nsel,fyrretyve,generelt,,,\n" '2:5: error: paragraph: expected a paragraph such as 41 or 32a, * or nothing, found "fyrretyve"'
broken "a paragraph with a section sign" "$head\nsel,§ 41,generelt,,,\n" '2:5: error: paragraph: expected a paragraph'
broken "a row cut short" "$head\n$good\nsel,41\n" '3:1: error: area: expected generelt'
broken "an open quote" "$head\n\"sel,41,generelt,,,\n" '2:1: error: expected a closing quote'
broken "one bad row among good ones" "$head\n$good\n$good\nsel,41,voksen,,,\n$good\n" '4:8: error: area:'
laws=""
for i in $(seq 1 33); do laws="${laws}lov$(printf "%c" $((96 + (i - 1) % 26 + 1)))$i,41,generelt,,,\n"; done
broken "33 laws" "$head\n$laws" '34:1: error: law: expected at most 32 laws in the rules'
# what every file may have: a BOM, CRLF, ';', another column order, a blank line
for form in bom crlf semicolon order blank; do
	case $form in
	bom) printf '\xEF\xBB\xBF%s\n%s\n' "$head" "$good" ;;
	crlf) printf '%s\r\n%s\r\n' "$head" "$good" ;;
	semicolon) printf 'law;paragraph;area\nservicelov|sel;41;boernehandicap\n' ;;
	order) printf 'area,law,paragraph\nboernehandicap,servicelov|sel,41\n' ;;
	blank) printf '%s\n%s\n\n%s\n' "$head" "$good" "$good" ;;
	esac >"$tmp/ds/areas.csv"
	ANKEKORT_DATASETS="$tmp/ds" "$bin" --lang en check >"$tmp/err" 2>&1
	check "$form: read as in every other file" '! grep -q "areas.csv" "$tmp/err"'
done
printf '%s,note\n%s,x\n' "$head" "$good" >"$tmp/ds/areas.csv"
ANKEKORT_DATASETS="$tmp/ds" "$bin" --lang en check >"$tmp/err" 2>&1
check "an unknown column: a warning with its place" 'grep -qF "$tmp/ds/areas.csv:1:35: warning: unknown column \"note\" is ignored" "$tmp/err"'
"$bin" --lang en check >"$tmp/err" 2>&1
check "the shipped areas.csv passes check" '! grep -q "areas.csv" "$tmp/err"'
echo "# $n broken forms"
check_done
