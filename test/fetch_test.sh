#!/usr/bin/env bash
# fetch_test.sh BIN ROOT - `ankekort fetch` against test/fetch/server.py on
# 127.0.0.1: a normal table fills a new directory with all 98 municipalities;
# a table with other ids and texts is understood from its values; every
# failure (HTTP 500, a cut answer, no answer, too large, not CSV, not JSON)
# names what failed and writes nothing. No test needs the internet.
set -u
bin=$1 root=$2
cd "$root" || exit 1
command -v python3 >/dev/null || { echo "not ok - python3 is needed for the test server"; echo "0 passed, 1 failed"; exit 1; }
if ! "$bin" fetch --help >/dev/null 2>&1 || "$bin" fetch --api-url http://127.0.0.1:9 --timeout 1 2>&1 | grep -q "not built in"; then
	echo "not ok - this ankekort has no fetch (libcurl and jansson missing at build time)"
	echo "0 passed, 1 failed"
	exit 1
fi
tmp=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
passes=0 fails=0
ok() { passes=$((passes + 1)); echo "ok - $1"; }
not_ok() { fails=$((fails + 1)); echo "not ok - $1"; [ -f "$tmp/err" ] && sed 's/^/    /' "$tmp/err" | head -5; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

start() { # MODE: starts the server, sets $api
	[ -n "$server" ] && kill "$server" 2>/dev/null
	rm -f "$tmp/port" "$tmp/log"
	python3 test/fetch/server.py "$1" "$tmp/port" "$tmp/log" 2>"$tmp/server.err" &
	server=$!
	for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.05; done
	api="http://127.0.0.1:$(cat "$tmp/port")/v1"
}
fetch() { # DIR ARGS...: runs fetch into DIR, output in $tmp/out and $tmp/err, status in $rc
	local dir=$1
	shift
	timeout 60 "$bin" --lang en fetch --into "$dir" --api-url "$api" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
with_figure() { # DIR YEAR AREA: municipalities (national row left out) with a rate
	"$bin" print --no-shipped --data "$1" --year "$2" --area "$3" --format csv |
		awk -F, 'NR > 1 && $2 != 0 && $9 != ""' | wc -l
}

# -- a normal table: ANKEAST1 has no municipalities, so ANKEAST2 is used
start normal
fetch "$tmp/new"
check "normal: exit 0" '[ $rc -eq 0 ]'
check "normal: ANKEAST1 passed by, ANKEAST2 fetched" 'grep -q "ANKEAST2: UTF-8 with BOM" "$tmp/out"'
check "normal: the years' files" '[ -f "$tmp/new/2021.csv" ] && [ -f "$tmp/new/2024.csv" ]'
check "normal: all 98 municipalities have a 2024 figure (generelt)" '[ "$(with_figure "$tmp/new" 2024 generelt)" = 98 ]'
check "normal: all 98 have a 2024 figure (voksenhandicap)" '[ "$(with_figure "$tmp/new" 2024 voksenhandicap)" = 98 ]'
check "normal: the national row" '"$bin" print --no-shipped --data "$tmp/new" --year 2022 --area generelt --format csv | grep -q "^2022,0,Hele landet,generelt,[0-9]"'
check "normal: the source is named with its licence" 'grep -q "Statistikbanken ANKEAST2 (Ankestyrelsens tal), CC BY 4.0, hentet" "$tmp/new/2023.csv"'
check "normal: the raw download is kept with its date" 'ls "$tmp/new/downloads/" | grep -qE "^ANKEAST2-[0-9]{4}-[0-9]{2}-[0-9]{2}\.csv$"'
check "normal: a law no area needs is not asked for" 'grep -q "\"SEL41\"" "$tmp/log" && ! grep -q "\"AKT\"" "$tmp/log"'
check "normal: a suppressed count (..) leaves the sum and the rate unknown" '"$bin" print --no-shipped --data "$tmp/new" --year 2021 --area voksenhandicap --format csv | grep -q "^2021,101,København,voksenhandicap,,[0-9]*,[0-9]*,,,"'
check "normal: Barnets lov counts for børnehandicap in 2024 only" 'grep -q "Barnets lov § 86 Merudgifter" "$tmp/out"'
fetch "$tmp/new"
check "again: nothing new, every row identical" 'grep -q "^0 rows added, 1188 identical rows skipped" "$tmp/out"'
check "again: the second download kept beside the first" '[ "$(ls "$tmp/new/downloads" | wc -l)" = 2 ]'
fetch "$tmp/years" --years 2023-2024
check "--years: only 2023 and 2024 asked and written" '[ "$(ls "$tmp/years" | grep -c "^20")" = 2 ] && [ -f "$tmp/years/2024.csv" ] && tail -n 1 "$tmp/log" | grep -q "\"2023\",\"2024\"\]"'
fetch "$tmp/dry" --dry-run
check "--dry-run: says what would be added, writes nothing" '[ $rc -eq 0 ] && grep -q "dry run: 1188 rows would be added" "$tmp/out" && [ ! -e "$tmp/dry" ]'
fetch "$tmp/none" --years 2030-2031
check "--years with no period in the table: an error, nothing written" '[ $rc -eq 1 ] && grep -q "no period in the years 2030-2031" "$tmp/err" && [ ! -e "$tmp/none" ]'

# -- other ids, English texts, an eliminable extra variable
start odd
fetch "$tmp/odd"
check "odd ids: exit 0" '[ $rc -eq 0 ]'
check "odd ids: all 98 municipalities have a 2023 figure" '[ "$(with_figure "$tmp/odd" 2023 generelt)" = 98 ]'
check "odd ids: the eliminable variable is not asked for" '! grep -q "KØN" "$tmp/log" && grep -q "\"KOMK\"" "$tmp/log"'

# -- failures: a message that says what failed, and nothing written
fail_case() { # MODE NAME EXPECTED-TEXT ARGS...
	local mode=$1 name=$2 want=$3
	shift 3
	start "$mode"
	local t0=$(date +%s)
	fetch "$tmp/$mode" "$@"
	check "$name: exit 1" '[ $rc -eq 1 ]'
	check "$name: says \"$want\"" 'grep -qF -- "$want" "$tmp/err"'
	check "$name: nothing written" '[ ! -e "$tmp/$mode" ]'
	check "$name: within 15 s" '[ $(($(date +%s) - t0)) -lt 15 ]'
}
fail_case http500 "HTTP 500" "the API answered HTTP 500: Intern fejl"
fail_case truncated "cut-short answer" "Transferred a partial file"
fail_case hang "no answer" "Timeout was reached" --timeout 2
fail_case oversized "oversized answer" "the answer is larger than 1 MiB (see --max-mib)" --max-mib 1
fail_case notcsv "not CSV" "the answer is not the CSV that was asked for"
fail_case badjson "table information not JSON" "the table information is not JSON (line 2, column 13"
start normal
fetch "$tmp/notable" --table NOSUCH
check "unknown table: HTTP 404 with the API's words" '[ $rc -eq 1 ] && grep -q "HTTP 404: Tabellen findes ikke" "$tmp/err" && [ ! -e "$tmp/notable" ]'
kill "$server" 2>/dev/null
fetch "$tmp/down" --timeout 2
check "no server: says it cannot connect, nothing written" '[ $rc -eq 1 ] && grep -q "Couldn.t connect" "$tmp/err" && [ ! -e "$tmp/down" ]'

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
