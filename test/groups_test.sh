#!/usr/bin/env bash
# groups_test.sh BIN ROOT - a comparison group of the user's own and the
# events file (issue 27, 4): groups/NAME.txt in the data directory or a file's path for --peers,
# its members in the peer table with the group's pooled rate and unweighted
# mean, each named; a bad line named by file:line:column. Synthetic figures
# in test/data/groups (never in datasets/).
set -u
. "$(dirname "$0")/lib_check.sh"
bin=$1 root=$2
cd "$root" || exit 1
check_tmpdir dir
check_details=$dir/err
run() { "$bin" --lang en faktaark --data test/data/groups/data -k norddjurs -y 2023 --format text "$@" >"$dir/out" 2>"$dir/err"; rc=$?; }

run --peers eco
check "a group from the data directory, named by its file" '[ $rc -eq 0 ] && grep -q "^Peers: eco, 2023" "$dir/out" && grep -q "^Favrskov  *50.0" "$dir/out" && grep -q "^Odder  *20.0" "$dir/out"'
# 125 of 297 cases pooled; (25 + 50 + 20 + 40) / 4 = 33.75 unweighted
check "the pooled rate: sum reversed over sum cases" 'grep -q "^eco, pooled  *42.1 (4 of 4)" "$dir/out"'
check "the unweighted mean of rates" 'grep -q "^eco, unweighted mean  *33.8 (4 of 4)" "$dir/out"'
check "each is said what it is" 'grep -q "as$" "$dir/out" && grep -q "the Talportal.s \"I alt\"" "$dir/out"'
run --peers test/data/groups/data/groups/eco.txt
check "a group by its path" '[ $rc -eq 0 ] && grep -q "^Peers: eco, 2023" "$dir/out"'
run --peers test/data/groups/bad.txt
check "a line naming no municipality: file, line and column" '[ $rc -eq 2 ] && grep -q "bad.txt:2:1: no municipality is called \"Xyzby\"" "$dir/err"'
run --peers test/data/groups/none.txt
check "a missing file is said so" '[ $rc -eq 2 ] && grep -q "none.txt: cannot read" "$dir/err"'
"$bin" --lang en faktaark --data datasets -k København -y 2024 --peers 6byer --format text >"$dir/out" 2>"$dir/err"
check "the 6-byer publish rates only: a mean, no pooled rate" 'grep -q "^6-byer, unweighted mean  *43.7 (6 of 6)" "$dir/out" && ! grep -q "^6-byer, pooled" "$dir/out"'
# events (issue 27, 4): the user's beside the shipped ones, a marker on the
# trend's year and a footnote with the source; a copy of a shipped one told once
run --peers eco
check "an event of the user's marks its year on the trend" 'grep -q "^2023 \[2\]" "$dir/out" && grep -q "^2022 \[1\]" "$dir/out"'
check "its footnote says whose it is and its source" 'grep -q "^\[2\] 1 Mar 2023, reorganisation: Syntetisk testhændelse" "$dir/out" && grep -q "(your data; source: Syntetisk" "$dir/out"'
"$bin" --lang en faktaark --data test/data/groups/data -k norddjurs -y 2024 --format text >"$dir/out" 2>"$dir/err"
check "a shipped event copied into the user's file is told once" '[ "$(grep -c "^\[[0-9]\] 1 Jan 2024, law: Barnets lov" "$dir/out")" = 1 ]'
mkdir -p "$dir/ev"
printf 'code,date,kind,text,source\n707,2023-02-30,reorganisation,x,y\n707,2023-03-01,meeting,x,y\n' >"$dir/ev/events.csv"
"$bin" --lang en check --data "$dir/ev" >"$dir/out" 2>&1
check "a bad event is named by file, line and column" 'grep -q "events.csv:2:5: error: date: expected a day as YYYY-MM-DD" "$dir/out" && grep -q "events.csv:3:16: error: kind: expected law, decision" "$dir/out"'
check_done
