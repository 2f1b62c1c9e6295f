#!/usr/bin/env bash
# fetch_test.sh BIN ROOT - `ankekort fetch` against test/fetch/server.py on
# 127.0.0.1: the tables are found in the API's table list (inactive ones
# too, in a hosted databank under /v1/sNN, by id or by text); a normal table
# fills a new directory with all 98 municipalities; a table with other ids
# and texts is understood from its values; numbered law hierarchies,
# "<variable> i alt" totals and code-and-text values give the figures the
# server's formula says; a request over the API's cell limit is split; the
# same figures fetched again (on another day too) are identical rows and a
# changed one a revision; with no appeals table the Talportal route is
# named; every failure (HTTP 400, 500, a cut answer, no answer, too large,
# not CSV, not JSON) names what failed and writes nothing. No test needs
# the internet.
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

start() { # MODE: starts the server, sets $api (and $base, without /v1)
	[ -n "$server" ] && kill "$server" 2>/dev/null
	rm -f "$tmp/port" "$tmp/log"
	python3 test/fetch/server.py "$1" "$tmp/port" "$tmp/log" 2>"$tmp/server.err" &
	server=$!
	for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.05; done
	base="http://127.0.0.1:$(cat "$tmp/port")"
	api="$base/v1"
}
fetch() { # DIR ARGS...: runs fetch into DIR, output in $tmp/out and $tmp/err, status in $rc
	local dir=$1
	shift
	timeout 60 "$bin" --lang en fetch --into "$dir" --api-url "$api" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
figure() { # DIR YEAR CODE AREA: "cases,upheld,remanded,changed" as print shows them
	"$bin" print --no-shipped --data "$1" --year "$2" --area "$4" --format csv |
		awk -F, -v c="$3" 'NR > 1 && $2 == c { print $5 "," $6 "," $7 "," $8 }'
}
expect() { # MODE YEAR CODE AREA: what the server's formula gives
	python3 test/fetch/server.py expect "$@"
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
check "normal: the table list asked for, inactive tables included" 'grep -q "^POST /v1/tables .*\"includeInactive\": *true" "$tmp/log"'
check "normal: the source is named with its licence, without the day" 'grep -q "Statistikbanken ANKEAST2 (Ankestyrelsens tal), CC BY 4.0\",[a-z]*,$(date +%Y-%m-%d)," "$tmp/new/2023.csv" && ! grep -q "hentet" "$tmp/new/2023.csv"'
check "normal: the raw download is kept with its date" 'ls "$tmp/new/downloads/" | grep -qE "^ANKEAST2-[0-9]{4}-[0-9]{2}-[0-9]{2}\.csv$"'
check "normal: the paragraphs kept in paragraphs.csv" '[ -f "$tmp/new/paragraphs.csv" ] && grep -q "adding [0-9]* paragraph rows to" "$tmp/out"'
check "normal: print --by paragraph shows the fetched paragraphs under both laws" '"$bin" print --by paragraph --no-shipped --data "$tmp/new" --year 2024 --kommune 101 --area boernehandicap --format csv >"$tmp/par.csv" && grep -q "^2024,101,København,boernehandicap,paragraph,,Serviceloven,§ 41" "$tmp/par.csv" && grep -q "^2024,101,København,boernehandicap,paragraph,,Barnets lov,Barnets lov § 86" "$tmp/par.csv"'
check "normal: check names the paragraphs over their law (København 2024 generelt)" '"$bin" check --no-shipped --data "$tmp/new" >"$tmp/chk"; grep -q "2024 generelt code 101: the paragraphs add up to more than the area figure" "$tmp/chk"'
check "normal: a law no area needs is not asked for" 'grep -q "\"SEL41\"" "$tmp/log" && ! grep -q "\"AKT\"" "$tmp/log"'
check "normal: a suppressed count (..) leaves the sum and the rate unknown" '"$bin" print --no-shipped --data "$tmp/new" --year 2021 --area voksenhandicap --format csv | grep -q "^2021,101,København,voksenhandicap,,[0-9]*,[0-9]*,,,"'
check "normal: Barnets lov counts for børnehandicap in 2024 only" 'grep -q "Barnets lov § 86 Merudgifter" "$tmp/out"'
fetch "$tmp/new"
check "again: nothing new, every row identical" 'grep -q "^0 rows added, 1188 identical rows skipped" "$tmp/out"'
check "again: the second download kept beside the first" '[ "$(ls "$tmp/new/downloads" | wc -l)" = 2 ]'
# another day: the rows carry their day as source_date, the source is the same
sed -i -E 's/,[0-9]{4}-[0-9]{2}-[0-9]{2},https/,2000-01-01,https/' "$tmp/new"/20*.csv
fetch "$tmp/new"
check "another day: the same figures are identical rows" 'grep -q "^0 rows added, 1188 identical rows skipped" "$tmp/out"'
python3 - "$tmp/new/2023.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
h = rows[0]
for r in rows[1:]:
    if r[h.index("code")] == "751" and r[h.index("area")] == "generelt":
        r[h.index("upheld")] = str(int(r[h.index("upheld")]) + 1)
        break
csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
fetch "$tmp/new"
check "a changed figure: reported as a revision, kept as a row of its own" '[ $rc -eq 0 ] && grep -q "^revision: 2023 generelt code 751: the source.s figures of 2000-01-01" "$tmp/out" && grep -q "^1 row added, 1187 identical rows skipped, 1 conflict" "$tmp/out"'
fetch "$tmp/years" --years 2023-2024
check "--years: only 2023 and 2024 asked and written" '[ "$(ls "$tmp/years" | grep -c "^20")" = 2 ] && [ -f "$tmp/years/2024.csv" ] && tail -n 1 "$tmp/log" | grep -q "\"2023\",\"2024\"\]"'
fetch "$tmp/dry" --dry-run
check "--dry-run: says what would be added, writes nothing" '[ $rc -eq 0 ] && grep -q "dry run: 1188 rows would be added" "$tmp/out" && [ ! -e "$tmp/dry" ]'
fetch "$tmp/none" --years 2030-2031
check "--years with no period in the table: an error, nothing written" '[ $rc -eq 1 ] && grep -q "no period in the years 2030-2031" "$tmp/err" && [ ! -e "$tmp/none" ]'
check "... naming the years the table has (issue 26)" 'grep -q "no period in the years 2030-2031; its years are 2021-2024 (choose them with --years)" "$tmp/err"'

# -- other ids, English texts, an eliminable extra variable
start odd
fetch "$tmp/odd"
check "odd ids: exit 0" '[ $rc -eq 0 ]'
check "odd ids: all 98 municipalities have a 2023 figure" '[ "$(with_figure "$tmp/odd" 2023 generelt)" = 98 ]'
check "odd ids: the eliminable variable is not asked for" '! grep -q "KØN" "$tmp/log" && grep -q "\"KOMK\"" "$tmp/log"'

# -- no appeals table in the list: the Talportal route in one paragraph
start notables
fetch "$tmp/notables"
check "no appeals table: exit 1, nothing written" '[ $rc -eq 1 ] && [ ! -e "$tmp/notables" ]'
check "no appeals table: one paragraph naming the Talportal and the import command" '[ "$(wc -l <"$tmp/err")" = 1 ] && grep -q "Talportal" "$tmp/err" && grep -q "CSV" "$tmp/err" && grep -q "ankekort import FILE" "$tmp/err" && grep -q "Serviceloven" "$tmp/err"'
check "no appeals table: only the list was asked" '! grep -q "tableinfo\|/data" "$tmp/log"'

# -- a hosted databank: nothing under /v1, KLAGE1 (by its text) under /v1/s16
start hosted
fetch "$tmp/hosted0"
check "hosted: /v1 alone has no table, the paragraph says so" '[ $rc -eq 1 ] && grep -q "Talportal" "$tmp/err" && [ ! -e "$tmp/hosted0" ]'
api="$base/v1/s16"
fetch "$tmp/hosted"
check "hosted: /v1/s16 found by the table's text, exit 0" '[ $rc -eq 0 ] && grep -q "^KLAGE1: " "$tmp/out"'
check "hosted: asked under the prefix" 'grep -q "^POST /v1/s16/tables" "$tmp/log" && grep -q "^GET /v1/s16/tableinfo/KLAGE1" "$tmp/log" && grep -q "^POST /v1/s16/data" "$tmp/log"'
check "hosted: the source names the databank" 'grep -q "Statistikbank-databank s16, tabel KLAGE1" "$tmp/hosted/2024.csv"'
mkdir -p "$tmp/cfg/ankekort"
echo "statbank = $base/v1/s16" >"$tmp/cfg/ankekort/config"
XDG_CONFIG_HOME="$tmp/cfg" timeout 60 "$bin" --lang en fetch --into "$tmp/hosted_cfg" --years 2024 >"$tmp/out" 2>"$tmp/err"
rc=$?
check "hosted: a 'statbank = URL' line in the configuration names it" '[ $rc -eq 0 ] && grep -q "^KLAGE1: " "$tmp/out" && [ -f "$tmp/hosted_cfg/2024.csv" ]'
XDG_CONFIG_HOME="$tmp/cfg" timeout 60 "$bin" --lang en fetch --into "$tmp/hosted_cmd" --api-url "$base/v1" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "hosted: --api-url wins over the configuration" '[ $rc -eq 1 ] && grep -q "Talportal" "$tmp/err"'

# -- numbered laws, "<variable> i alt" totals, parts of a law, Barnets lov
start laws
fetch "$tmp/laws"
check "laws: exit 0" '[ $rc -eq 0 ]'
check "laws: 2024 børnehandicap counts SEL § 41 and Barnets lov 6.1, 6.2" '[ "$(figure "$tmp/laws" 2024 751 boernehandicap)" = "$(expect laws 2024 751 boernehandicap)" ]'
check "laws: 2023 børnehandicap only SEL § 41" '[ "$(figure "$tmp/laws" 2023 751 boernehandicap)" = "$(expect laws 2023 751 boernehandicap)" ]'
check "laws: generelt is the law's own row, its parts not added" '[ "$(figure "$tmp/laws" 2022 461 generelt)" = "$(expect laws 2022 461 generelt)" ]'
check "laws: voksenhandicap" '[ "$(figure "$tmp/laws" 2024 101 voksenhandicap)" = "$(expect laws 2024 101 voksenhandicap)" ]'
check "laws: parts over the whole reported with file:line" 'grep -qE "data/KLAGE1:[0-9]+: warning: 2021 generelt for code 101: the paragraphs exceed the law.s own row \(line [0-9]+\)" "$tmp/out"'
check "laws: no figure under only one of two laws" '! grep -q "one_law_only" <("$bin" print --no-shipped --data "$tmp/laws" --year 2024 --area boernehandicap --format csv)'
check "laws: the law of a wanted paragraph asked for, a law no area needs not" 'grep -q "\"6\"" "$tmp/log" && ! grep -q "\"7\"" "$tmp/log"'
check "laws: all 98 municipalities" '[ "$(with_figure "$tmp/laws" 2024 boernehandicap)" = 98 ]'

# -- the same table as code and text
start codevalue
fetch "$tmp/codevalue"
check "code and text: exit 0, the same figures as text alone" '[ $rc -eq 0 ] && diff <("$bin" print --no-shipped --data "$tmp/laws" --format csv) <("$bin" print --no-shipped --data "$tmp/codevalue" --format csv) >/dev/null'

# -- the paragraphs before their law, far into the answer
start lawsfirst
fetch "$tmp/lawsfirst"
check "paragraphs before their law: each under its law all the same (the table's value list)" '[ $rc -eq 0 ] && diff <("$bin" print --no-shipped --data "$tmp/laws" --format csv) <("$bin" print --no-shipped --data "$tmp/lawsfirst" --format csv) >/dev/null'

# -- the API's cell limit (the server's CELL_LIMIT, 20000 here)
export CELL_LIMIT=20000
start limit
ANKEKORT_FETCH_CELL_LIMIT=20000 fetch "$tmp/limit"
check "cell limit known: asked by year in parts, none refused" '[ $rc -eq 0 ] && grep -q "asking in 4 parts of at most 20000 cells" "$tmp/err" && [ "$(grep -c "^POST /v1/data" "$tmp/log")" = 4 ] && ! grep -q "REQUEST-LIMIT\|grænsen" "$tmp/err"'
check "cell limit known: the parts put together give the same figures" 'diff <("$bin" print --no-shipped --data "$tmp/laws" --format csv) <("$bin" print --no-shipped --data "$tmp/limit" --format csv) >/dev/null'
start limit
fetch "$tmp/limit2"
check "cell limit unknown: refused with REQUEST-LIMIT, asked again in smaller parts" '[ $rc -eq 0 ] && grep -q "HTTP 400: Forespørgslen giver .* celler; grænsen er 20000; asking again in smaller parts" "$tmp/err"'
check "cell limit unknown: the same figures" 'diff <("$bin" print --no-shipped --data "$tmp/laws" --format csv) <("$bin" print --no-shipped --data "$tmp/limit2" --format csv) >/dev/null'
unset CELL_LIMIT

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
fail_case http400 "HTTP 400 with a JSON error" "the API answered HTTP 400: Udtræk er ikke tilladt for denne tabel"
fail_case http500 "HTTP 500" "the API answered HTTP 500: Intern fejl"
fail_case truncated "cut-short answer" "Transferred a partial file"
fail_case hang "no answer" "Timeout was reached" --timeout 2
fail_case oversized "oversized answer" "the answer is larger than 1 MiB (see --max-mib)" --max-mib 1
fail_case notcsv "not CSV" "the answer is not the CSV that was asked for"
fail_case badjson "table information not JSON" "the table information is not JSON (line 2, column 13"
fail_case nul "an answer with a NUL byte" "the answer is not the CSV that was asked for"
fail_case hugejson "a huge JSON answer is refused" "the answer is larger than 16 MiB"
# the JSON is refused before it is parsed: memory stays far below its size x 20
start hugejson
/usr/bin/time -o "$tmp/mem" -f %M "$bin" --lang en fetch --into "$tmp/hj" --api-url "$api" >/dev/null 2>&1
mem=$(tail -1 "$tmp/mem")
check "a huge JSON answer: memory bounded ($mem KiB)" '[ "${mem:-999999}" -lt 120000 ]'
# --timeout bounds the whole fetch: three answers of 1.5 s each do not fit in 3 s
start slow
t0=$(date +%s%N)
fetch "$tmp/slow" --timeout 3
ms=$((($(date +%s%N) - t0) / 1000000))
check "--timeout bounds the whole fetch, not each request ($ms ms)" '[ $rc -eq 1 ] && [ $ms -lt 4200 ] && [ ! -e "$tmp/slow" ]'

# the download holds no lock: another writer holding the folder's lock
# delays only the merge (the data request reaches the server meanwhile)
start normal
mkdir -p "$tmp/busy"
flock "$tmp/busy" sleep 3 &
holder=$!
sleep 0.2
timeout 60 "$bin" --lang en fetch --into "$tmp/busy" --api-url "$api" >"$tmp/out" 2>"$tmp/err" &
fetcher=$!
asked=no
for _ in $(seq 50); do grep -q "^POST /v1/data" "$tmp/log" 2>/dev/null && { asked=yes; break; }; sleep 0.05; done
check "the data is downloaded while another writer holds the lock" '[ $asked = yes ] && kill -0 $holder 2>/dev/null'
wait $fetcher
rc=$?
wait $holder 2>/dev/null
check "then the merge waits for the lock and adds every row" '[ $rc -eq 0 ] && grep -q "^1188 rows added" "$tmp/out" && grep -q "being written by another ankekort; waiting" "$tmp/err"'
start normal
fetch "$tmp/notable" --table NOSUCH
check "unknown table: HTTP 404 with the API's words" '[ $rc -eq 1 ] && grep -q "HTTP 404: Tabellen findes ikke" "$tmp/err" && [ ! -e "$tmp/notable" ]'
kill "$server" 2>/dev/null
fetch "$tmp/down" --timeout 2
check "no server: says it cannot connect, nothing written" '[ $rc -eq 1 ] && grep -q "could not connect to $api (.*Couldn.t connect" "$tmp/err" && [ ! -e "$tmp/down" ]'
check "no server: no word of a missing table" '! grep -q "no table\|Talportal" "$tmp/err"'

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
