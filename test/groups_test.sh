#!/usr/bin/env bash
# groups_test.sh BIN ROOT - a comparison group of the user's own (issue 27,
# 4): groups/NAME.txt in the data directory or a file's path for --peers,
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
check "the pooled rate: sum reversed over sum cases" 'grep -q "^eco, pooled (reversed / cases)  *42.1 (4 of 4)" "$dir/out"'
check "the unweighted mean of rates" 'grep -q "^eco, unweighted mean of rates  *33.8 (4 of 4)" "$dir/out"'
check "each is said what it is" 'grep -q "as$" "$dir/out" && grep -q "the Talportal.s \"I alt\"" "$dir/out"'
run --peers test/data/groups/data/groups/eco.txt
check "a group by its path" '[ $rc -eq 0 ] && grep -q "^Peers: eco, 2023" "$dir/out"'
run --peers test/data/groups/bad.txt
check "a line naming no municipality: file, line and column" '[ $rc -eq 2 ] && grep -q "bad.txt:2:1: no municipality is called \"Xyzby\"" "$dir/err"'
run --peers test/data/groups/none.txt
check "a missing file is said so" '[ $rc -eq 2 ] && grep -q "none.txt: cannot read" "$dir/err"'
"$bin" --lang en faktaark --data datasets -k København -y 2024 --peers 6byer --format text >"$dir/out" 2>"$dir/err"
check "the 6-byer publish rates only: a mean, no pooled rate" 'grep -q "^6-byer, unweighted mean of rates  *43.7 (6 of 6)" "$dir/out" && ! grep -q "^6-byer, pooled" "$dir/out"'
check_done
