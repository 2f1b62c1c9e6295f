#!/usr/bin/env bash
# cycle_test.sh BIN ROOT - the § 79 b cycle record (issue 27, 1) from the
# command line: add, list (text and CSV), edit, delete; what is refused and
# never written; a damaged record named with file:line:column; the default
# place under XDG_DATA_HOME; what is due in print, on a synthetic record
# (test/data/cycle/cycle.csv, never in datasets/).
set -u
. "$(dirname "$0")/lib_check.sh"
bin=$1 root=$2
cd "$root" || exit 1
check_tmpdir dir
check_details=$dir/err
cyc="$dir/c/cycle.csv"
run() { "$bin" --lang en --data datasets "$@" --cycle "$cyc" >"$dir/out" 2>"$dir/err"; rc=$?; }

run cycle add published -k norddjurs -y 2024 --date 2025-06-05
check "add: entry 1, the directory made" '[ $rc -eq 0 ] && grep -qx "entry 1 added to $cyc" "$dir/out" && [ "$(head -1 "$cyc")" = "ankekort cycle 1 last_id=1" ]'
run cycle add committee -k norddjurs -y 2024 --date 2025-11-12 --text Socialudvalget
run cycle add decision -k 707 -y 2024 --date 2025-12-10 --plan yes --areas "børnehandicap, § 41" --period "2026-2027"
check "a decision with its areas and period" '[ $rc -eq 0 ] && grep -qx "3,707,2024,decision,2025-12-10,yes,\"børnehandicap, § 41\",2026-2027,," "$cyc"'
run cycle list --format csv
check "list as CSV" '[ $rc -eq 0 ] && grep -qx "2,707,Norddjurs,2024,committee,2025-11-12,,,,,Socialudvalget" "$dir/out" && [ "$(wc -l <"$dir/out")" = 4 ]'
run cycle list
check "list as text names the steps in words" 'grep -q "committee meeting" "$dir/out" && grep -qx "3 entries in $cyc" "$dir/out"'
cp "$cyc" "$dir/before"
run cycle add report -k norddjurs -y 2024 --date 2026-03-01 --text "borger 0102031234"
check "a CPR number is refused, nothing written" '[ $rc -eq 1 ] && grep -q "looks like a CPR number" "$dir/err" && cmp -s "$cyc" "$dir/before"'
run cycle add decision -k norddjurs -y 2024 --date 2025-12-10
check "a decision needs yes or no" '[ $rc -eq 1 ] && grep -q "needs --plan yes or --plan no" "$dir/err" && cmp -s "$cyc" "$dir/before"'
run cycle add order -k norddjurs -y 2024 --date 2026-02-02 --deadline 2026-01-01
check "a deadline before the order is refused" '[ $rc -eq 1 ] && grep -q "comes before the order" "$dir/err"'
run cycle add council -k norddjurs -y 2024 --date 2025-02-30
check "a day that does not exist is refused" '[ $rc -eq 1 ] && grep -q "expected a day such as 2025-11-12, found \"2025-02-30\"" "$dir/err"'
run cycle add meeting -k norddjurs -y 2024 --date 2025-12-01
check "an unknown kind is a usage error" '[ $rc -eq 2 ] && grep -q "needs the kind of step" "$dir/err"'
run cycle add council -k norddjurs --date 2025-12-01
check "add without a year is a usage error" '[ $rc -eq 2 ] && grep -q "needs --kommune, --year and --date" "$dir/err"'
run cycle edit --id 2 --text "Social- og Sundhedsudvalget"
check "edit changes one entry" '[ $rc -eq 0 ] && grep -qx "2,707,2024,committee,2025-11-12,,,,,Social- og Sundhedsudvalget" "$cyc"'
run cycle delete --id 3
run cycle add council -k norddjurs -y 2024 --date 2025-12-10
check "a deleted number is never given again" '[ $rc -eq 0 ] && grep -qx "entry 4 added to $cyc" "$dir/out" && ! grep -q "^3," "$cyc"'
run cycle delete --id 99
check "delete of an unknown id: a usage error" '[ $rc -eq 2 ] && grep -q "needs --id with the number of an entry" "$dir/err"'
run cycle list --date 2025-01-01
check "cycle options belong to cycle" '[ $rc -eq 0 ]'
"$bin" --data datasets print --date 2025-01-01 >/dev/null 2>"$dir/err"
check "--date on print is a usage error" '[ $? -eq 2 ] && grep -q "it is an option of cycle" "$dir/err"'
# a damaged record: named, never written
printf 'ankekort cycle 1 last_id=2\nid,code,year,kind,date,plan,areas,period,deadline,text\n1,707,2024,meeting,2025-11-12,,,,,\n' >"$dir/bad.csv"
cp "$dir/bad.csv" "$dir/bad.before"
"$bin" --lang en --data datasets cycle add council -k norddjurs -y 2024 --date 2025-12-01 --cycle "$dir/bad.csv" >"$dir/out" 2>"$dir/err"
rc=$?
check "a damaged record is named by line and column and not written" '[ $rc -eq 1 ] && grep -q "bad.csv:3:12: error: kind: expected published" "$dir/err" && cmp -s "$dir/bad.csv" "$dir/bad.before"'
# the default place
XDG_DATA_HOME="$dir/xdg" "$bin" --data datasets cycle add published -k aarhus -y 2024 --date 2025-06-05 >"$dir/out" 2>"$dir/err"
check "the default record is under XDG_DATA_HOME" '[ -f "$dir/xdg/ankekort/cycle.csv" ] && grep -q "^1,751,2024,published" "$dir/xdg/ankekort/cycle.csv"'
# writers at once: each waits for the lock, none loses another's entry
par="$dir/par/cycle.csv"
for i in 1 2 3 4 5 6 7 8 9 10; do
	"$bin" --data datasets cycle add report -k norddjurs -y 2024 --date 2026-03-01 --text "w$i" --cycle "$par" >/dev/null 2>&1 &
done
wait
check "ten writers at once: ten entries, numbers 1-10 once each" '[ "$(grep -c ",report," "$par")" = 10 ] && [ "$(cut -d, -f1 "$par" | grep -x "[0-9]*" | sort -n | uniq | tr "\n" " ")" = "1 2 3 4 5 6 7 8 9 10 " ] && [ "$(head -1 "$par")" = "ankekort cycle 1 last_id=10" ]'
"$bin" --lang da --data datasets cycle --help >"$dir/out"
check "cycle --help in Danish" 'grep -q "Forløbet efter § 79 b" "$dir/out"'
check_done
